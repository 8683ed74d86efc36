"""The minutes parsers against the inventory made by reading seeds 001, 003 and 004."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.documents.records import ItemRecord, MeetingRecord, ParsedDocument
from knowledge.documents.shapes import minutes_markdown, minutes_plain, minutes_toc, parse_document
from tests.knowledge.documents.seed_inventory_minutes import (
    AGENDA_COUNTS,
    DOCUMENT_DATES,
    ITEMS,
    MARKDOWN,
    MEETINGS,
    MORE_ITEMS,
    MORE_MEETINGS,
    PLAIN,
    TOC,
    YEARLY_BUDGETS,
    SeedItem,
    SeedMeeting,
)

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
SHAPES = {PLAIN: minutes_plain.NAME, TOC: minutes_toc.NAME, MARKDOWN: minutes_markdown.NAME}

pytestmark = [
    pytest.mark.seeds,
    pytest.mark.skipif(not SEEDS.is_dir(), reason=f"the seed documents are not at {SEEDS}"),
]


@pytest.fixture(scope="module")
def parsed() -> dict[str, ParsedDocument]:
    return {
        name: parse_document(name, (SEEDS / name).read_text(encoding="utf-8")) for name in SHAPES
    }


def _meeting(file: str, meeting: MeetingRecord) -> SeedMeeting:
    return SeedMeeting(
        file,
        meeting.body,
        meeting.when.iso(),
        meeting.when.precision,
        meeting.state,
        meeting.region,
        meeting.cluster,
        meeting.start_time.strftime("%H:%M") if meeting.start_time else None,
        meeting.end_time.strftime("%H:%M") if meeting.end_time else None,
        meeting.place,
    )


def _item(file: str, item: ItemRecord) -> SeedItem:
    status = item.statuses[-1] if item.statuses else None
    valid_from = status.valid_from if status else None
    totals = [line.amount_dkk for line in item.budget if line.year is None]
    return SeedItem(
        file,
        item.type,
        item.kind,
        item.title,
        item.region or "",
        item.cluster or "",
        status.category if status else None,
        (valid_from.iso(), valid_from.precision) if valid_from else None,
        totals[0] if totals else None,
    )


@pytest.mark.parametrize("name", list(SHAPES))
def test_each_minutes_is_read_by_its_own_parser(
    name: str, parsed: dict[str, ParsedDocument]
) -> None:
    assert SHAPES[name] == parsed[name].shape
    assert DOCUMENT_DATES[name] == parsed[name].document_date.iso()  # type: ignore[union-attr]


@pytest.mark.parametrize("name", list(SHAPES))
def test_meetings_are_exactly_those_read(name: str, parsed: dict[str, ParsedDocument]) -> None:
    expected = {meeting for meeting in (*MEETINGS, *MORE_MEETINGS) if meeting.file == name}
    actual = [_meeting(name, meeting) for meeting in parsed[name].meetings]
    assert len(actual) == len(set(actual)), "a meeting was recorded twice"
    assert set() == expected - set(actual), "missing"
    assert set() == set(actual) - expected, "extra"


@pytest.mark.parametrize("name", list(SHAPES))
def test_items_are_exactly_those_read(name: str, parsed: dict[str, ParsedDocument]) -> None:
    expected = {item for item in (*ITEMS, *MORE_ITEMS) if item.file == name}
    actual = [_item(name, item) for item in parsed[name].items]
    assert len(actual) == len(set(actual)), "an item was recorded twice"
    assert set() == expected - set(actual), "missing"
    assert set() == set(actual) - expected, "extra"


@pytest.mark.parametrize("name", list(SHAPES))
def test_the_minutes_own_meeting_has_every_agenda_item(
    name: str, parsed: dict[str, ParsedDocument]
) -> None:
    own = parsed[name].meetings[0]
    assert "held" == own.state
    assert AGENDA_COUNTS[name] == len(own.agenda)
    assert [str(n) for n in range(1, AGENDA_COUNTS[name] + 1)] == [a.number for a in own.agenda]
    assert all("(" not in item.title or "kl." not in item.title for item in own.agenda)


def test_the_budget_table_gives_amounts_per_year(parsed: dict[str, ParsedDocument]) -> None:
    yearly = {
        item.title: {line.year: line.amount_dkk for line in item.budget if line.year is not None}
        for item in parsed[MARKDOWN].items
        if item.budget
    }
    assert YEARLY_BUDGETS == yearly


def test_a_short_heading_is_kept_as_an_alias(parsed: dict[str, ParsedDocument]) -> None:
    aliases = {item.title: item.aliases for item in parsed[TOC].items}
    assert ("Revideret IV samarbejdsaftale",) == aliases[
        "Samarbejdsaftale for IV-behandling i nærområdet"
    ]


def test_statuses_name_the_document_as_author(parsed: dict[str, ParsedDocument]) -> None:
    for document in parsed.values():
        for item in document.items:
            assert all(document.title == status.author for status in item.statuses)
            assert all(document.file == status.source.file for status in item.statuses)
