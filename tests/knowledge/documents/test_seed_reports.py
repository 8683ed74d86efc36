"""The status report and initiative table parsers against the real seed documents.

The expected content is the hand-made inventory in `seed_inventory_reports`; sets are
compared, so a missing item and an extra item both fail, and every date is exact.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.documents.records import ItemRecord, MeetingRecord, ParsedDocument
from knowledge.documents.shapes import DocumentParser, initiative_table, status_report
from tests.knowledge.documents import seed_inventory_reports as inventory

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"
pytestmark = pytest.mark.seeds


def parse(file: str) -> ParsedDocument:
    path = SEEDS / file
    if not path.is_file():
        pytest.skip(f"../shared/seeds not present: {path} is missing")
    parser = status_report.PARSER if file == inventory.REPORT else initiative_table.PARSER
    text = path.read_text(encoding="utf-8")
    assert parser.detect(text)
    return parser.parse(file, text)


def as_seed_item(file: str, item: ItemRecord) -> inventory.SeedItem:
    status = item.statuses[0] if item.statuses else None
    since = status.valid_from if status else None
    return inventory.SeedItem(
        file=file,
        type=item.type,
        kind=item.kind,
        title=item.title,
        area=item.area or "",
        region=item.region,
        cluster=item.cluster,
        status=status.category if status else None,
        valid_from=(since.iso(), since.precision) if since else None,
    )


def as_seed_meeting(file: str, meeting: MeetingRecord) -> inventory.SeedMeeting:
    when = meeting.when
    return inventory.SeedMeeting(file, meeting.body, when.iso(), when.precision, meeting.state)


@pytest.mark.parametrize("file", [inventory.REPORT, inventory.TABLE])
def test_title_and_date(file: str) -> None:
    document = parse(file)
    since = document.document_date
    assert inventory.DOCUMENTS[file] == (
        document.title,
        (since.iso(), since.precision) if since else None,
    )


def test_status_report_items_are_the_inventory() -> None:
    document = parse(inventory.REPORT)
    found = [as_seed_item(inventory.REPORT, item) for item in document.items]
    assert len(found) == len(set(found))
    assert set(inventory.REPORT_ITEMS) == set(found)


def test_initiative_table_items_are_the_inventory() -> None:
    document = parse(inventory.TABLE)
    found = [as_seed_item(inventory.TABLE, item) for item in document.items]
    assert len(found) == len(set(found))
    assert set(inventory.TABLE_ITEMS) == set(found)


def test_status_report_meetings_are_the_inventory() -> None:
    document = parse(inventory.REPORT)
    found = {as_seed_meeting(inventory.REPORT, meeting) for meeting in document.meetings}
    assert set(inventory.REPORT_MEETINGS) == found
    assert len(inventory.REPORT_MEETINGS) == len(document.meetings)


def test_the_initiative_table_mentions_no_meetings() -> None:
    assert () == parse(inventory.TABLE).meetings


def test_parties() -> None:
    report = parse(inventory.REPORT)
    table = parse(inventory.TABLE)
    assert {inventory.REPORT_PARTIES} == {item.parties for item in report.items}
    assert inventory.TABLE_PARTIES == {
        item.title: item.parties for item in table.items if item.parties
    }


def test_every_status_names_its_source_and_the_document_as_author() -> None:
    for file in (inventory.REPORT, inventory.TABLE):
        document = parse(file)
        for item in document.items:
            for status in item.statuses:
                assert (file, item.title, document.title) == (
                    status.source.file,
                    status.source.heading,
                    status.author,
                )
                assert 0 < len(status.text) <= 200


def test_items_have_a_purpose_and_report_items_a_citizen_impact() -> None:
    report = parse(inventory.REPORT)
    table = parse(inventory.TABLE)
    assert all(item.purpose for item in report.items)
    without = {item.title for item in report.items if item.citizen_impact is None}
    assert inventory.WITHOUT_CITIZEN_IMPACT == without
    assert all(item.purpose and item.citizen_impact is None for item in table.items)


@pytest.mark.parametrize(
    "parser", [status_report.PARSER, initiative_table.PARSER], ids=lambda parser: parser.name
)
def test_each_parser_recognises_only_its_own_seed(parser: DocumentParser) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds not present: {SEEDS} is missing")
    own = inventory.REPORT if parser is status_report.PARSER else inventory.TABLE
    recognised = {path.name for path in SEEDS.glob("*.txt") if parser.detect(path.read_text())}
    assert {own} == recognised
