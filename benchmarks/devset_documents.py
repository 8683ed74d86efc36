"""The importer on documents nobody on the team wrote (../shared/devset/documents/) and on
the five seeds: what it accepts, what it extracts, and how that compares with a careful
reader's notes (documents/documents.json). Figures to compare before and after.

    .venv/bin/python benchmarks/devset_documents.py [--json PATH] [--devset DIR] [--seeds DIR]

Each of the 20 dev documents and the 5 seeds is imported alone into a fresh SQLite file
with `python app.py import FILE` (run in-process through app.main, the file as it is,
"# " header lines included) and exported with `python app.py export`; then all 25 are
imported in one command. Per file: accepted or refused (the importer's reason), and what
the export holds: items, meetings, decisions (agenda items with a decision), and bodies,
sections and members where the export has them ("-" where it has no such list).

For the dev documents the export is compared with documents.json (benchmarks/
devset_matching.py): items found (titles alike), meetings found on the exact date (body
alike, same ISO day or month; expected meetings without a date are counted apart as
"undated"), decisions found (lenient, see devset_matching), bodies found (names alike,
from the export's bodies and its meetings' bodies) and members found (names equal once
folded); and what was invented: items and meetings that match nothing expected, and dates
on meetings whose expected date is null.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project and its test support

from benchmarks.devset_bot import (  # noqa: E402
    ARTIFACTS,
    DEVSET,
    SEEDS,
    commit,
    require,
    run_cli,
    sqlite_url,
)
from benchmarks.devset_matching import (  # noqa: E402
    decision_alike,
    first_match,
    meeting_day,
    names_alike,
    states_no_decision,
)
from benchmarks.devset_scoring import fold  # noqa: E402

ITEM_KEYS = ("agreements", "initiatives", "items")
MEMBER_KEYS = ("members", "participants", "people")


@dataclass
class Extracted:
    """What one export holds; None where the export has no such list."""

    items: int = 0
    meetings: int = 0
    decisions: int = 0
    bodies: int | None = None
    sections: int | None = None
    members: int | None = None


@dataclass
class Compared:
    items: tuple[int, int] = (0, 0)  # found, expected
    meetings: tuple[int, int] = (0, 0)  # found on the exact date, expected with a date
    undated: tuple[int, int] = (0, 0)  # found by body, expected without a date
    decisions: tuple[int, int] = (0, 0)
    skipped_decisions: int = 0  # expected paraphrases saying the excerpt holds none
    bodies: tuple[int, int] = (0, 0)
    members: tuple[int, int] = (0, 0)
    invented_items: list[str] = field(default_factory=list)
    invented_meetings: list[str] = field(default_factory=list)
    invented_dates: list[str] = field(default_factory=list)


@dataclass
class FileResult:
    file: str
    kind: str  # "dev" | "seed"
    accepted: bool
    reason: str
    extracted: Extracted | None
    compared: Compared | None


def export_of(files: Sequence[Path], folder: Path) -> tuple[bool, str, dict[str, Any] | None]:
    """Import `files` into a fresh database, then export it: accepted, reason, export."""
    database = folder / "kb.db"
    database.unlink(missing_ok=True)
    url = sqlite_url(database)
    run = run_cli(["import", *map(str, files)], url)
    if run.code != 0:
        reason = run.err.strip() or run.out.strip() or f"exit {run.code}"
        for path in files:  # the folder is in the header; the file name says enough
            reason = reason.replace(str(path), path.name)
        return False, reason, None
    target = folder / "export.json"
    exported = run_cli(["export", "--output", str(target)], url)
    if exported.code != 0:
        return True, f"imported, but export failed: {exported.err.strip()}", None
    return True, run.out.strip(), json.loads(target.read_text(encoding="utf-8"))


def items_of(export: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for key in ITEM_KEYS for item in export.get(key) or []]


def _people(entries: Any) -> list[str]:
    names = []
    for entry in entries or []:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip():
            names.append(name)
    return names


def members_of(export: dict[str, Any]) -> list[str] | None:
    """Member names from bodies and meetings, under whichever key they come; None when
    nothing in the export has such a list."""
    holders = [*(export.get("bodies") or []), *(export.get("meetings") or [])]
    lists = [holder[key] for holder in holders for key in MEMBER_KEYS if key in holder]
    if not lists:
        return None
    return [name for entries in lists for name in _people(entries)]


def decisions_of(export: dict[str, Any]) -> list[tuple[str, str]]:
    """(agenda number, decision text) of every agenda item with a decision."""
    return [
        (str(row.get("number", "")), str(row["decision"]))
        for meeting in export.get("meetings") or []
        for row in meeting.get("agenda") or []
        if row.get("decision")
    ]


def body_names(export: dict[str, Any]) -> list[str]:
    bodies = [str(b.get("name", "")) for b in export.get("bodies") or [] if isinstance(b, dict)]
    return [*bodies, *(str(m.get("body", "")) for m in export.get("meetings") or [])]


def extracted(export: dict[str, Any]) -> Extracted:
    members = members_of(export)
    return Extracted(
        items=len(items_of(export)),
        meetings=len(export.get("meetings") or []),
        decisions=len(decisions_of(export)),
        bodies=len(export["bodies"]) if isinstance(export.get("bodies"), list) else None,
        sections=len(export["sections"]) if isinstance(export.get("sections"), list) else None,
        members=len(members) if members is not None else None,
    )


def _found(expected: Sequence[str], names: Sequence[str]) -> tuple[int, int]:
    return sum(first_match(name, names) is not None for name in expected), len(expected)


def compare_meetings(
    expected: list[dict[str, Any]], export: dict[str, Any], result: Compared
) -> None:
    meetings = export.get("meetings") or []
    dated = [m for m in expected if m.get("date")]
    undated = [m for m in expected if not m.get("date")]

    def same(e: dict[str, Any], m: dict[str, Any]) -> bool:
        return names_alike(e["body"], str(m.get("body", ""))) and meeting_day(m) == e["date"]

    result.meetings = (sum(any(same(e, m) for m in meetings) for e in dated), len(dated))
    result.undated = (
        sum(any(names_alike(e["body"], str(m.get("body", ""))) for m in meetings) for e in undated),
        len(undated),
    )
    for m in meetings:
        label = f"{m.get('body')} {meeting_day(m)}"
        if any(same(e, m) for e in dated):
            continue
        if any(names_alike(e["body"], str(m.get("body", ""))) for e in undated):
            if m.get("date_precision") in ("day", "month"):
                result.invented_dates.append(label)
        else:
            result.invented_meetings.append(label)


def compare(expected: dict[str, Any], export: dict[str, Any]) -> Compared:
    result = Compared()
    titles = [str(item.get("title", "")) for item in items_of(export)]
    wanted = [str(item["title"]) for item in expected.get("items") or []]
    result.items = _found(wanted, titles)
    result.invented_items = [t for t in titles if first_match(t, wanted) is None]
    compare_meetings(expected.get("meetings") or [], export, result)
    paraphrases = [d for d in expected.get("decisions") or [] if not states_no_decision(d)]
    result.skipped_decisions = len(expected.get("decisions") or []) - len(paraphrases)
    decisions = decisions_of(export)
    result.decisions = (
        sum(any(decision_alike(p, n, d) for n, d in decisions) for p in paraphrases),
        len(paraphrases),
    )
    bodies = expected.get("bodies") or []
    result.bodies = _found([str(b["name"]) for b in bodies], body_names(export))
    names = {fold(name) for name in members_of(export) or []}
    people = [str(m["name"]) for b in bodies for m in b.get("members") or []]
    result.members = (sum(fold(p) in names for p in people), len(people))
    return result


def measure(path: Path, kind: str, notes: dict[str, dict[str, Any]], folder: Path) -> FileResult:
    accepted, reason, export = export_of([path], folder)
    reason = re.sub(rf"^error: {re.escape(path.name)}:(\d+): ", r"line \1: ", reason)
    expected = notes.get(path.name)
    compared = compare(expected, export or {}) if expected else None  # refused: nothing found
    found = extracted(export) if export is not None else None
    return FileResult(path.name, kind, accepted, reason, found, compared)


def _cell(value: int | None) -> str:
    return "-" if value is None else str(value)


def _ratio(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}"


COUNT_COLUMNS = ("items", "meetings", "decisions", "bodies", "sections", "members")
FOUND_COLUMNS = ("items", "meetings", "undated", "decisions", "bodies", "members")
INVENTED = ("invented_items", "invented_meetings", "invented_dates")


def counts_row(name: str, accepted: bool, found: Extracted | None) -> str:
    cells = [getattr(found, column) if found else None for column in COUNT_COLUMNS]
    status = "accepted" if accepted else "REFUSED"
    return f"{name[:51]:<52}{status:>9}" + "".join(f"{_cell(c):>10}" for c in cells)


def counts_table(results: Sequence[FileResult], together: Together) -> list[str]:
    head = f"{'file':<52}{'result':>9}" + "".join(f"{c:>10}" for c in COUNT_COLUMNS)
    lines = [head, "-" * len(head)]
    lines += [counts_row(r.file, r.accepted, r.extracted) for r in results]
    lines.append("-" * len(head))
    lines.append(counts_row(f"all {together.files} in one command", *together.outcome))
    return lines


def _found_row(name: str, c: Compared) -> str:
    pairs = "".join(f"{_ratio(getattr(c, column)):>10}" for column in FOUND_COLUMNS)
    return f"{name[:43]:<44}{pairs}" + "".join(f"{len(getattr(c, k)):>8}" for k in INVENTED)


def _total(rows: Sequence[Compared]) -> Compared:
    total = Compared()
    for column in FOUND_COLUMNS:
        pairs = [getattr(c, column) for c in rows]
        setattr(total, column, (sum(p[0] for p in pairs), sum(p[1] for p in pairs)))
    for key in INVENTED:
        setattr(total, key, [label for c in rows for label in getattr(c, key)])
    total.skipped_decisions = sum(c.skipped_decisions for c in rows)
    return total


def comparison_table(results: Sequence[FileResult]) -> list[str]:
    head = f"{'dev document':<44}" + "".join(f"{c:>10}" for c in FOUND_COLUMNS)
    head += "".join(f"{c:>8}" for c in ("inv.it", "inv.mt", "inv.dt"))
    rows = [(r.file, r.compared) for r in results if r.compared is not None]
    total = _total([c for _, c in rows])
    lines = [head, "-" * len(head), *(_found_row(name, c) for name, c in rows)]
    lines += ["-" * len(head), _found_row("total", total)]
    lines.append(
        f"(found/expected; decisions: {total.skipped_decisions} expected paraphrases say the "
        "excerpt holds none and are not counted; inv.it/mt/dt = invented items, meetings, "
        "dates on undated meetings)"
    )
    return lines


@dataclass(frozen=True)
class Together:
    """All files in one `python app.py import`."""

    files: int
    accepted: bool
    reason: str
    found: Extracted | None

    @property
    def outcome(self) -> tuple[bool, Extracted | None]:
        return self.accepted, self.found


def summary(results: Sequence[FileResult], together: Together) -> list[str]:
    def accepted(kind: str) -> str:
        rows = [r for r in results if r.kind == kind]
        return f"{sum(r.accepted for r in rows)} of {len(rows)}"

    lines = [
        f"accepted: dev documents {accepted('dev')}, seeds {accepted('seed')}; all "
        f"{together.files} in one command: {'accepted' if together.accepted else 'REFUSED'}",
    ]
    if not together.accepted:
        lines.append(f"  {together.reason}")
    refused = [f"  {r.file}: {r.reason}" for r in results if not r.accepted]
    return [*lines, "", f"refusals ({len(refused)}):", *refused]


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", type=Path, default=ARTIFACTS / "documents.json")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    return parser.parse_args(argv)


def read_notes(folder: Path) -> dict[str, dict[str, Any]]:
    notes = json.loads((folder / "documents.json").read_text(encoding="utf-8"))
    return {document["file"]: document for document in notes["documents"]}


def measure_all(
    documents: list[Path], seeds: list[Path], notes: dict[str, dict[str, Any]]
) -> tuple[list[FileResult], Together]:
    with tempfile.TemporaryDirectory(prefix="devset-documents-") as name:
        work = Path(name)
        results = [measure(p, "dev", notes, work) for p in documents]
        results += [measure(p, "seed", notes, work) for p in seeds]
        accepted, reason, export = export_of([*documents, *seeds], work)
    found = extracted(export) if export is not None else None
    return results, Together(len(documents) + len(seeds), accepted, reason, found)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    folder = require(args.devset / "documents", "the dev documents")
    documents = sorted(folder.glob("*.txt"))
    seeds = sorted(require(args.seeds, "the seed documents").glob("*.txt"))
    results, together = measure_all(documents, seeds, read_notes(folder))
    lines = [f"dev documents and seeds through `python app.py import` at {commit()}", ""]
    lines += [*counts_table(results, together), "", *summary(results, together), ""]
    lines += comparison_table(results)
    print("\n".join(lines))
    document = {
        "commit": commit(),
        "lines": lines,
        "all_in_one": asdict(together),
        "results": [asdict(r) for r in results],
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
