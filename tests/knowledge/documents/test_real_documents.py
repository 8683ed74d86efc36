"""The general reader over the real documents in ../shared: every one is accepted.

The dev documents (../shared/devset/documents, with what a careful reader takes from each
in documents.json) and the seeds are data we did not write: nothing of them is copied
here; the tests read them at run time and skip when they are absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

from knowledge.core.names import fold
from knowledge.documents.headers import read_header
from knowledge.documents.records import MeetingRecord, ParsedDocument
from knowledge.documents.shapes import parse_document

ROOT = Path(__file__).resolve().parents[3]
DEVSET = ROOT.parent / "shared" / "devset" / "documents"
SEEDS = ROOT.parent / "shared" / "seeds"
FILES = sorted(DEVSET.glob("[0-9]*.txt")) + sorted(SEEDS.glob("[0-9]*.txt"))

pytestmark = pytest.mark.skipif(
    not DEVSET.is_dir() or not SEEDS.is_dir(),
    reason=f"real documents not found at {DEVSET} and {SEEDS}",
)


def _parse(path: Path) -> tuple[str, ParsedDocument]:
    text = path.read_text(encoding="utf-8")
    return text, parse_document(path.name, text)


def _expected() -> dict[str, dict[str, Any]]:
    data = json.loads((DEVSET / "documents.json").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data["documents"]}


def test_all_twenty_dev_documents_and_five_seeds_are_there() -> None:
    assert (20, 5) == (len(list(DEVSET.glob("[0-9]*.txt"))), len(list(SEEDS.glob("[0-9]*.txt"))))


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_every_document_is_accepted_and_its_sections_cover_its_text(path: Path) -> None:
    text, document = _parse(path)

    body = text[read_header(text).end :]
    assert body == "".join(section.text for section in document.sections)
    assert document.title


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_the_source_comment_is_kept_and_the_retrieval_date_is_never_the_documents(
    path: Path,
) -> None:
    text, document = _parse(path)

    assert read_header(text).source_url == document.source_url
    retrieved = read_header(text).get("retrieved")
    assert (
        retrieved is None
        or document.document_date is None
        or (retrieved != document.document_date.iso())
    )


def _same(expected: str, found: str, cutoff: float = 80) -> bool:
    first, second = fold(expected), fold(found)
    if not first or not second:
        return False
    if first in second or second in first:
        return min(len(first), len(second)) / max(len(first), len(second)) >= 0.35
    return fuzz.token_set_ratio(first, second, processor=None) >= cutoff


def _same_body(expected: str, found: str) -> bool:
    return _same(expected.split(" (")[0], found.split(" (")[0], 75)


def _day(meeting: MeetingRecord) -> str:
    iso = meeting.when.iso()
    return iso if meeting.when.is_day else iso[:7]


@pytest.fixture(scope="module")
def shares() -> dict[str, tuple[int, int]]:
    """(found, expected) per measure over all dev documents, against documents.json."""
    totals = {name: [0, 0] for name in ("items", "meetings", "bodies", "members", "bad days")}
    for name, entry in _expected().items():
        _, document = _parse(DEVSET / name)
        titles = [item.title for item in document.items]
        items = [item["title"] for item in entry["items"]]
        _add(totals["items"], sum(any(_same(e, t) for t in titles) for e in items), len(items))
        dated = [m for m in entry["meetings"] if m["date"]]
        found = sum(
            any(_day(g) == m["date"] and _same_body(m["body"], g.body) for g in document.meetings)
            for m in dated
        )
        _add(totals["meetings"], found, len(dated))
        days = {m["date"] for m in dated}
        bad = [
            g
            for g in document.meetings
            if g.when.is_day and not g.year_inferred and _day(g) not in days
        ]
        _add(totals["bad days"], len(bad), len(document.meetings))
        bodies = [body.name for body in document.bodies]
        names = [b["name"] for b in entry["bodies"]]
        _add(
            totals["bodies"], sum(any(_same_body(n, b) for b in bodies) for n in names), len(names)
        )
        people = {fold(m.name) for body in document.bodies for m in body.members}
        members = [m["name"] for b in entry["bodies"] for m in b["members"]]
        _add(totals["members"], sum(fold(m) in people for m in members), len(members))
    return {name: (found, expected) for name, (found, expected) in totals.items()}


def _add(total: list[int], found: int, expected: int) -> None:
    total[0] += found
    total[1] += expected


@pytest.mark.parametrize(
    ("measure", "floor"),
    [("items", 0.75), ("meetings", 0.8), ("bodies", 0.85), ("members", 0.9)],
)
def test_the_dev_documents_yield_what_a_careful_reader_takes_from_them(
    shares: dict[str, tuple[int, int]], measure: str, floor: float
) -> None:
    found, expected = shares[measure]
    assert found >= floor * expected, f"{measure}: {found} of {expected}"


def test_no_meeting_day_is_invented(shares: dict[str, tuple[int, int]]) -> None:
    """Every day given to a meeting is one the careful reader read, or a day whose year the
    document's date supplied (and says so)."""
    assert 0 == shares["bad days"][0]
