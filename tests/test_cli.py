"""The command line as people run it: `python app.py ...`.

Most commands run in this process through `app.main(argv, environ)`, their output captured;
a few run as the real process where the process is the point: the entry point itself, bad
settings and refusing to serve, which exit before any command runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app import main
from tests.conftest import drop_postgres_database, fresh_postgres_database, require_postgres

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Finished:
    """What a command left: its exit code and what it wrote, as a finished process would."""

    returncode: int
    stdout: str
    stderr: str


def environment(db: Path, today: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": f"sqlite:///{db}", "BOT_TODAY": today}


def command(args: Sequence[str], environ: dict[str, str], cwd: Path) -> Finished:
    """`python app.py ARGS` in `cwd`, without the process: `app.main` here, standard output
    and error captured."""
    stdout, stderr = io.StringIO(), io.StringIO()
    # pytest's log capture holds the root logger, so main's logging setup does nothing here
    # (bot.logs.configure leaves a configured root alone) and leaves no handler behind.
    with (
        contextlib.chdir(cwd),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
    ):
        code = main(list(args), environ)
    return Finished(code, stdout.getvalue(), stderr.getvalue())


def run(*args: str, db: Path, today: str = "2024-03-01") -> Finished:
    return command(args, environment(db, today), cwd=db.parent)


def spawn(*args: str, db: Path, today: str = "2024-03-01") -> subprocess.CompletedProcess[str]:
    """`python app.py ARGS` as a real process."""
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), *args],
        capture_output=True,
        text=True,
        env=environment(db, today),
        cwd=db.parent,
        timeout=120,
        check=False,
    )


def test_export_of_an_empty_knowledge_base_is_the_empty_schema(tmp_path: Path) -> None:
    result = spawn("export", db=tmp_path / "kb.db")

    assert 0 == result.returncode, result.stderr
    expected = {
        "agreements": [],
        "bodies": [],
        "documents": [],
        "initiatives": [],
        "meetings": [],
        "schema_version": 2,
    }
    assert expected == json.loads(result.stdout)


def test_an_unknown_document_is_refused_naming_file_and_line(tmp_path: Path) -> None:
    odd = tmp_path / "indkøbsliste.txt"
    odd.write_text("mælk\nbrød\nkaffe\n", encoding="utf-8")

    result = run("import", str(odd), db=tmp_path / "kb.db")

    assert 1 == result.returncode
    assert f"{odd}:1:" in result.stderr
    assert "nothing was imported" in result.stderr


def test_a_file_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    latin = tmp_path / "gammel.txt"
    latin.write_bytes("Første linje\nAnden linje med ø\n".encode("latin-1"))

    result = run("import", str(latin), db=tmp_path / "kb.db")

    assert 1 == result.returncode
    assert f"{latin}:1: is not UTF-8 text" in result.stderr


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "findes-ikke.txt"), db=tmp_path / "kb.db")

    assert 1 == result.returncode
    assert "no such file" in result.stderr


def test_restoring_an_export_then_exporting_gives_the_same_bytes(tmp_path: Path) -> None:
    demo = ROOT / "knowledge" / "demo" / "kb.json"
    assert 0 == run("import", str(demo), db=tmp_path / "first.db").returncode
    source = tmp_path / "kb.json"
    source.write_text(run("export", db=tmp_path / "first.db").stdout, encoding="utf-8")

    restored = run("import", str(source), db=tmp_path / "kb.db")
    exported = run("export", db=tmp_path / "kb.db")

    assert 0 == restored.returncode, restored.stderr
    assert source.read_text(encoding="utf-8") == exported.stdout


def test_restore_into_a_filled_database_needs_replace(tmp_path: Path) -> None:
    demo = str(ROOT / "knowledge" / "demo" / "kb.json")
    db = tmp_path / "kb.db"
    assert 0 == run("import", demo, db=db).returncode

    refused = run("import", demo, db=db)
    replaced = run("import", demo, "--replace", db=db)

    assert 1 == refused.returncode
    assert "--replace" in refused.stderr
    assert 0 == replaced.returncode, replaced.stderr


def test_bad_settings_exit_non_zero_naming_the_variable(tmp_path: Path) -> None:
    result = spawn("export", db=tmp_path / "kb.db", today="tomorrow")

    assert 2 == result.returncode
    assert "BOT_TODAY" in result.stderr


def test_serving_anonymously_off_loopback_is_refused(tmp_path: Path) -> None:
    env = {**os.environ, "HOST": "0.0.0.0", "DATABASE_URL": f"sqlite:///{tmp_path / 'kb.db'}"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "serve"],
        capture_output=True,
        text=True,
        env={k: v for k, v in env.items() if k != "MicrosoftAppId"},
        timeout=60,
        check=False,
    )

    assert 2 == result.returncode
    assert "ALLOW_ANONYMOUS" in result.stderr


REPORT = """Statusrapport

Sundhedsaftalen for Testregionen

Region Midtjylland, kommunerne og almen praksis

Kort status på samarbejdsaftaler og igangsatte initiativer - Forebyggelse

Samarbejdsaftale om fodpleje

Hvad: Kommuner og praksis deler opgaven med fodpleje til borgere med diabetes.

Betydning for borgerne: Færre sår og færre amputationer.

Status: Aftalen er implementeret i 2022.
"""


def test_dry_run_prints_the_changes_and_writes_nothing(tmp_path: Path) -> None:
    report = tmp_path / "rapport.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = tmp_path / "kb.db"

    dry = run("import", "--dry-run", str(report), db=db)
    after = run("export", db=db)

    assert 0 == dry.returncode, dry.stderr
    assert "would import rapport.txt (status_report)" in dry.stdout
    assert "add item" in dry.stdout
    assert "samarbejdsaftale-om-fodpleje-midtjylland" in dry.stdout
    assert "  items: 1 added, 0 changed, 0 unchanged\n" in dry.stdout
    assert "  meetings: 0 added, 0 changed, 0 unchanged\n" in dry.stdout
    assert [] == json.loads(after.stdout)["agreements"]


def test_import_imports_what_it_can_and_names_each_refused_file(tmp_path: Path) -> None:
    first = tmp_path / "rapport.txt"
    first.write_text(REPORT, encoding="utf-8")
    second = tmp_path / "tandpleje.txt"
    second.write_text(REPORT.replace("fodpleje", "tandpleje"), encoding="utf-8")
    latin = tmp_path / "gammel.txt"
    latin.write_bytes("Første linje\n".encode("latin-1"))
    empty = tmp_path / "tom.txt"
    empty.write_text("", encoding="utf-8")
    db = tmp_path / "kb.db"

    result = run("import", str(first), str(latin), str(empty), str(second), db=db)
    listed = run("list", "agreements", db=db)

    assert 1 == result.returncode
    assert [
        f"error: {latin}:1: is not UTF-8 text",
        f"error: {empty}: the document is empty",
        "error: refused 2 of 4 files; the others were imported",
    ] == result.stderr.splitlines()
    assert ["imported rapport.txt", "imported tandpleje.txt"] == [
        line.split(" (")[0] for line in result.stdout.splitlines()
    ]
    assert 2 == len(listed.stdout.splitlines())


def test_import_then_list_shows_the_item_and_its_status(tmp_path: Path) -> None:
    report = tmp_path / "rapport.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = tmp_path / "kb.db"

    imported = run("import", str(report), db=db)
    again = run("import", str(report), db=db)
    listed = run("list", "agreements", db=db)

    assert 0 == imported.returncode, imported.stderr
    assert "nothing new" in again.stdout
    assert "implemented   Samarbejdsaftale om fodpleje  [Region Midtjylland] since 2022-01-01" in (
        listed.stdout
    )


def test_sqlite_and_postgresql_export_the_same_bytes(tmp_path: Path, seeds: Path) -> None:
    require_postgres()
    sqlite_db = tmp_path / "kb.db"
    files = [str(path) for path in sorted(seeds.glob("*.txt"))]
    postgres_url = asyncio.run(fresh_postgres_database())
    try:
        postgres = {**os.environ, "DATABASE_URL": postgres_url, "BOT_TODAY": "2024-03-01"}
        for args in (["import", *files], ["export"]):
            on_postgres = command(args, postgres, cwd=tmp_path)
            assert 0 == on_postgres.returncode, on_postgres.stderr
        assert 0 == run("import", *files, db=sqlite_db).returncode
        assert run("export", db=sqlite_db).stdout == on_postgres.stdout
    finally:
        asyncio.run(drop_postgres_database(postgres_url))


def _export_with_a_chat_entry(path: Path) -> Path:
    chat = {
        "category": "paused",
        "text": "Sat på pause.",
        "valid_from": "2024-03-01",
        "valid_from_precision": "day",
        "valid_to": None,
        "author": "Anne Jensen",
        "author_id": "aad-anne",
        "recorded_at": "2024-03-01T09:00:00+00:00",
        "idempotency_key": "dialog-1",
        "source": None,
    }
    agreement = {"id": "fodpleje", "kind": "samarbejdsaftale", "title": "Fodpleje"}
    data = {
        "schema_version": 1,
        "agreements": [{**agreement, "status_history": [chat]}],
        "initiatives": [],
        "meetings": [],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_forget_user_anonymises_their_entries_and_says_how_many(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    assert (
        0 == run("import", str(_export_with_a_chat_entry(tmp_path / "kb.json")), db=db).returncode
    )

    result = run("forget-user", "aad-anne", db=db)

    assert 0 == result.returncode, result.stderr
    assert "anonymised 1 status entry\n" == result.stdout
    entry = json.loads(run("export", db=db).stdout)["agreements"][0]["status_history"][0]
    assert ("slettet bruger", None) == (entry["author"], entry["author_id"])


def test_editors_are_added_listed_and_removed(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"

    added = run("editors", "add", "aad-anne", "--name", "Anne Jensen", db=db)
    listed = run("editors", "list", db=db)
    removed = run("editors", "remove", "aad-anne", db=db)
    again = run("editors", "remove", "aad-anne", db=db)

    assert (0, "added aad-anne\n") == (added.returncode, added.stdout), added.stderr
    assert listed.stdout.startswith("aad-anne  Anne Jensen  added ")
    assert (0, "removed aad-anne\n") == (removed.returncode, removed.stdout)
    assert 1 == again.returncode
    assert "" == run("editors", "list", db=db).stdout


def test_editors_add_without_an_id_is_refused(tmp_path: Path) -> None:
    result = run("editors", "add", db=tmp_path / "kb.db")

    assert 2 == result.returncode
    assert "needs an AAD object id" in result.stderr
