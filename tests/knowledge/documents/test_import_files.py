"""`import a b c` imports what it can: each file is read, parsed and stored in its own
transaction, and a file that cannot be is refused with the reason, the others imported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from knowledge.documents.changes import ImportReport
from knowledge.service import KnowledgeService
from tests.factories import document, item

REPORT = """Statusrapport

Sundhedsaftalen for Testregionen

Region Midtjylland, kommunerne og almen praksis

Kort status på samarbejdsaftaler og igangsatte initiativer - Forebyggelse

{title}

Hvad: Kommuner og praksis deler en opgave for borgere med en kronisk sygdom.

Betydning for borgerne: Færre indlæggelser.

Status: Aftalen er implementeret i 2022.
"""


def _report(folder: Path, name: str, title: str) -> Path:
    path = folder / name
    path.write_text(REPORT.format(title=title), encoding="utf-8")
    return path


def _bad_files(folder: Path) -> dict[str, Path]:
    latin = folder / "gammel.txt"
    latin.write_bytes("Første linje\nAnden linje med ø\n".encode("latin-1"))
    empty = folder / "tom.txt"
    empty.write_text("\n  \n", encoding="utf-8")
    binary = folder / "referat.docx"
    binary.write_bytes(b"PK\x03\x04\x14\x00\x00\x00word/document.xml")
    return {
        "not UTF-8": latin,
        "empty": empty,
        "binary": binary,
        "missing": folder / "findes-ikke.txt",
        "unreadable": folder / ("x" * 300 + ".txt"),  # a name no file system takes
    }


def _titles(export: dict[str, Any]) -> list[str]:
    return sorted(row["title"] for row in export["agreements"])


async def test_bad_files_are_refused_with_their_reason_and_the_rest_imported(
    service: KnowledgeService, tmp_path: Path
) -> None:
    first = _report(tmp_path, "a.txt", "Samarbejdsaftale om fodpleje")
    last = _report(tmp_path, "b.txt", "Samarbejdsaftale om tandpleje")
    bad = _bad_files(tmp_path)

    reports = await service.import_documents([first, *bad.values(), last])

    assert ["a.txt", *(str(path) for path in bad.values()), "b.txt"] == [r.file for r in reports]
    refused = {r.file: r.refused for r in reports if r.refused is not None}
    assert {
        str(bad["not UTF-8"]): f"{bad['not UTF-8']}:1: is not UTF-8 text",
        str(bad["empty"]): f"{bad['empty']}: the document is empty",
        str(bad["binary"]): f"{bad['binary']}:1: contains binary data (NUL bytes)",
        str(bad["missing"]): f"{bad['missing']}: no such file",
        str(bad["unreadable"]): f"{bad['unreadable']}: cannot be read (File name too long)",
    } == refused
    assert ["Samarbejdsaftale om fodpleje", "Samarbejdsaftale om tandpleje"] == _titles(
        await service.export()
    )


async def test_a_refused_file_leaves_nothing_behind(
    service: KnowledgeService, tmp_path: Path
) -> None:
    bad = _bad_files(tmp_path)

    reports = await service.import_documents(list(bad.values()))

    assert [True] * len(bad) == [r.refused is not None for r in reports]
    assert await service.is_empty()


async def test_a_dry_run_reports_every_file_and_writes_nothing(
    service: KnowledgeService, tmp_path: Path
) -> None:
    first = _report(tmp_path, "a.txt", "Samarbejdsaftale om fodpleje")
    again = _report(tmp_path, "b.txt", "Samarbejdsaftale om fodpleje")
    bad = _bad_files(tmp_path)["empty"]

    reports = await service.import_documents([first, bad, again], dry_run=True)

    assert [["add item", "add status"], [], ["add status"]] == [
        [c.action for c in r.changes] for r in reports
    ]
    assert [None, f"{bad}: the document is empty", None] == [r.refused for r in reports]
    # The second report sees the item the first would add: its status joins that item.
    assert [(1, 0), (0, 1)] == [(r.items.added, r.items.changed) for r in (reports[0], reports[2])]
    assert await service.is_empty()


async def test_a_file_the_database_refuses_does_not_stop_the_others(
    service: KnowledgeService, database_url: str
) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite does not enforce VARCHAR lengths; PostgreSQL refuses the title")
    too_long = document(item("Samarbejdsaftale om " + "meget " * 60), file="lang.txt")
    fine = document(item("Samarbejdsaftale om fodpleje"), file="kort.txt")

    reports = await service.apply_parsed([(too_long, "sha-lang"), (fine, "sha-kort")])

    assert [True, False] == [r.refused is not None for r in reports]
    assert reports[0].refused is not None
    assert reports[0].refused.startswith("lang.txt: could not be stored: ")
    assert ["Samarbejdsaftale om fodpleje"] == _titles(await service.export())


def test_a_refusal_says_so_in_its_summary() -> None:
    report = ImportReport.refusal("x.txt", "x.txt: the document is empty")

    assert "x.txt: refused: x.txt: the document is empty" == report.summary()
