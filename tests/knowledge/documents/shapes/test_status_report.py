"""The status report parser, on a small made-up report in the seed document's shape."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.core.periods import Period, restore
from knowledge.documents.records import ItemRecord, Source
from knowledge.documents.shapes.status_report import PARSER

FILE = "sydkyst_status.txt"
TITLE = "Midtvejsstatus Sundhedsaftalen 2024-2027"
PARTIES = ("Region Sydkyst", "de 7 kystkommuner", "PLO-Sydkyst")
HEADER = "Kort status på samarbejdsaftaler og igangsatte initiativer"
REPORT = f"""

Midtvejsstatus

Sundhedsaftalen 2024-2027

Region Sydkyst, de 7 kystkommuner og PLO-Sydkyst

Indledning

Rapporten giver et kort overblik over arbejdet.

{HEADER} - Sund start

Samarbejdsaftale om fodpleje

Hvad: Aftalen beskriver, hvordan borgere med diabetes
får fodpleje i tide.
- kommunal fodterapi
- hospitalets sårteam

Betydning for borgerne: Færre sår og færre amputationer.

Status: Pr. 4. kvartal 2024. Aftalen er i drift i alle syv kommuner.

{HEADER} - Sund start

Fælles kostkampagne

Hvad: En kampagne om sund mad i skoler og på arbejdspladser.

FOKUSOMRÅDER:

1. Frugt i frikvarteret
2. Vand frem for sodavand

Betydning for borgerne: Bedre vaner.

Status: Kampagnen kørte i foråret 2024.

Sundhedssamarbejdsudvalget drøftede på sit møde d. 4. marts 2024 resultaterne.
Kampagnen blev sat på pause i august 2024.

{HEADER} – Ældre borgere

Alliancen om aktive ældre

Hvad: Et samarbejde om motion for ældre (se https://eksempel.dk/ny/
rapport.pdf) i alle kommuner.

Status: Alliancen blev nedlagt ultimo 2024.

Revidering af samarbejdsaftale om genoptræning

Hvad: Aftalen fra 2016 skal opdateres.

Betydning for borgerne: Hurtigere genoptræning."""


def parsed_items() -> dict[str, ItemRecord]:
    return {item.title: item for item in PARSER.parse(FILE, REPORT).items}


def when(iso: str, precision: str) -> Period:
    return restore(date.fromisoformat(iso), precision)  # type: ignore[arg-type]


def test_title_from_the_lines_above_the_parties_and_no_date() -> None:
    document = PARSER.parse(FILE, REPORT)
    assert ("status_report", TITLE, None) == (
        document.shape,
        document.title,
        document.document_date,
    )


def test_items_in_order_with_title_lines() -> None:
    lines = REPORT.split("\n")
    items = PARSER.parse(FILE, REPORT).items
    assert [
        "Samarbejdsaftale om fodpleje",
        "Fælles kostkampagne",
        "Alliancen om aktive ældre",
        "Revidering af samarbejdsaftale om genoptræning",
    ] == [item.title for item in items]
    assert [item.title for item in items] == [lines[item.line - 1] for item in items]


def test_an_agreement_with_every_field() -> None:
    title = "Samarbejdsaftale om fodpleje"
    item = parsed_items()[title]
    status = item.statuses[0]
    assert (
        ItemRecord(
            type="agreement",
            kind="samarbejdsaftale",
            title=title,
            source=Source(FILE, title),
            line=15,
            area="Sund start",
            region="Region Sydkyst",
            parties=PARTIES,
            purpose="Aftalen beskriver, hvordan borgere med diabetes får fodpleje i tide. "
            "- kommunal fodterapi - hospitalets sårteam",
            citizen_impact="Færre sår og færre amputationer.",
            statuses=(status,),
        )
        == item
    )
    assert (
        "implemented",
        "Aftalen er i drift i alle syv kommuner.",
        when("2024-10-01", "quarter"),
        Source(FILE, title),
        TITLE,
    ) == (status.category, status.text, status.valid_from, status.source, status.author)


def test_the_repeated_page_header_keeps_the_area_and_a_heading_in_hvad_is_no_item() -> None:
    item = parsed_items()["Fælles kostkampagne"]
    assert ("initiative", "kampagne", "Sund start") == (item.type, item.kind, item.area)
    assert item.purpose is not None
    assert "FOKUSOMRÅDER: 1. Frugt i frikvarteret 2. Vand frem for sodavand" in item.purpose


def test_extra_status_paragraphs_belong_to_the_status_and_a_later_pause_wins() -> None:
    status = parsed_items()["Fælles kostkampagne"].statuses[0]
    assert (
        "paused",
        "Kampagnen blev sat på pause i august 2024.",
        when("2024-08-01", "month"),
    ) == (
        status.category,
        status.text,
        status.valid_from,
    )


def test_an_en_dash_header_starts_a_new_area_and_a_wrapped_url_is_joined() -> None:
    item = parsed_items()["Alliancen om aktive ældre"]
    assert ("initiative", "alliance", "Ældre borgere") == (item.type, item.kind, item.area)
    assert "(se https://eksempel.dk/ny/rapport.pdf) i alle kommuner." in (item.purpose or "")
    assert item.citizen_impact is None
    assert ("discontinued", when("2024-09-01", "third")) == (
        item.statuses[0].category,
        item.statuses[0].valid_from,
    )


def test_a_revision_of_an_agreement_is_an_agreement_and_no_status_section_no_status() -> None:
    item = parsed_items()["Revidering af samarbejdsaftale om genoptræning"]
    assert ("agreement", "samarbejdsaftale", "Ældre borgere", ()) == (
        item.type,
        item.kind,
        item.area,
        item.statuses,
    )


def test_a_meeting_mentioned_in_passing() -> None:
    meetings = PARSER.parse(FILE, REPORT).meetings
    assert [("Sundhedssamarbejdsudvalget", Period.day(date(2024, 3, 4)), "held")] == [
        (meeting.body, meeting.when, meeting.state) for meeting in meetings
    ]
    assert (Source(FILE, "Fælles kostkampagne"), "Region Sydkyst") == (
        meetings[0].source,
        meetings[0].region,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (REPORT, True),
        ("Fodpleje\n\nHvad: Noget.\n\nStatus: I drift.\n\nKost\n\nHvad: Mere.\n", True),
        (f"{HEADER} - Sund start\n\nFodpleje\n\nHvad: Noget.\n\nStatus: I drift.\n", True),
        ("Fodpleje\n\nHvad: Noget.\n\nStatus: I drift.\n", False),
        ("Referat\n\nStatus: Mødet blev holdt.\n", False),
        ("Titel\tFormål og indhold\tStatus\nA\tB\tC", False),
    ],
)
def test_detect(text: str, expected: bool) -> None:
    assert expected == PARSER.detect(text)
