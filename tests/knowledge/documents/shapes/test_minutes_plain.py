"""Plain-text minutes ("... (Referat)", numbered items, "Beslutning" lines)."""

from __future__ import annotations

from datetime import date, time

import pytest

from knowledge.core.errors import DocumentInvalid
from knowledge.core.periods import Period, restore
from knowledge.documents.records import (
    AgendaItem,
    ItemRecord,
    MeetingRecord,
    ParsedDocument,
    Source,
    StatusRecord,
)
from knowledge.documents.shapes.minutes_plain import PARSER

MIDT = "Region Midtjylland"
VEST = "Vestklyngen"
KSG = "Klyngestyregruppen Vestklyngen"
TITLE = "Referat: Klyngestyregruppen Vestklyngen, 12. marts 2025"
DAY = Period.day(date(2025, 3, 12))

MINUTES = """\
Klyngestyregruppemøde Vkl 12. marts 2025 (Referat)
til
mødet i
den 12. marts 2025 kl. 09:30
i Hospitalsenheden Vest, lokale 7
1. Deltagere
Sagsfremstilling
Holstebro Kommune
Anna Andersen, sundhedschef (afbud)
2. Fælles træningsforløb i Vestklyngen
Det indstilles,
at | forslaget godkendes |
Sagsfremstilling
Vestklyngen har drøftet et fælles forløb for borgere med knæsmerter.
1. Fire ud af fem borgere ønsker træning tæt på hjemmet.
Klyngestyregruppen vender tilbage til sagen på møde 4. juni 2025.
Beslutning
Forslaget blev godkendt.
Bilag
Notat om forløbet.pdf
3. Skriftlige orienteringer
Det indstilles,
at | orienteringerne tages til efterretning |
Sagsfremstilling
1. Samarbejdsaftale om hjemmebehandling med ilt
Sundhedssamarbejdsudvalget godkendte aftalen på møde 3. februar 2025.
Aftalen træder i kraft 1. april 2025.
2. Prøvehandling om videotolkning
Prøvehandlingen er igangsat i januar 2025 i to kommuner.
Beslutning
Taget til orientering.
4. Eventuelt
Beslutning
Intet at bemærke.
"""


@pytest.fixture(scope="module")
def parsed() -> ParsedDocument:
    return PARSER.parse("vest.txt", MINUTES)


def test_detects_its_own_shape_only() -> None:
    assert PARSER.detect(MINUTES)
    assert not PARSER.detect("REFERAT X d. 01-02-2025\nIndholdsfortegnelse\nPunkt 1: Velkomst\n")


def test_the_document(parsed: ParsedDocument) -> None:
    assert ("vest.txt", "minutes_plain", TITLE, DAY) == (
        parsed.file,
        parsed.shape,
        parsed.title,
        parsed.document_date,
    )


def test_the_meeting_of_the_minutes_with_its_agenda(parsed: ParsedDocument) -> None:
    expected = MeetingRecord(
        body=KSG,
        when=DAY,
        state="held",
        source=Source("vest.txt", TITLE),
        line=4,
        region=MIDT,
        cluster=VEST,
        start_time=time(9, 30),
        end_time=None,
        place="Hospitalsenheden Vest, lokale 7",
        agenda=(
            AgendaItem("1", "Deltagere", None),
            AgendaItem("2", "Fælles træningsforløb i Vestklyngen", "Forslaget blev godkendt."),
            AgendaItem("3", "Skriftlige orienteringer", "Taget til orientering."),
            AgendaItem("4", "Eventuelt", "Intet at bemærke."),
        ),
        note=None,
    )
    assert expected == parsed.meetings[0]


def test_meetings_mentioned_in_passing(parsed: ParsedDocument) -> None:
    brief = [
        (m.body, m.when, m.state, m.line, m.source.heading, m.region, m.cluster)
        for m in parsed.meetings[1:]
    ]
    training, written = "Fælles træningsforløb i Vestklyngen", "Skriftlige orienteringer"
    assert [
        (KSG, Period.day(date(2025, 6, 4)), "planned", 16, training, MIDT, VEST),
        (
            "Sundhedssamarbejdsudvalget",
            Period.day(date(2025, 2, 3)),
            "held",
            26,
            written,
            MIDT,
            None,
        ),
    ] == brief


def test_written_orientations_are_the_items(parsed: ParsedDocument) -> None:
    agreement = "Samarbejdsaftale om hjemmebehandling med ilt"
    trial = "Prøvehandling om videotolkning"
    expected = (
        ItemRecord(
            type="agreement",
            kind="samarbejdsaftale",
            title=agreement,
            source=Source("vest.txt", agreement),
            line=25,
            region=MIDT,
            cluster=VEST,
            statuses=(
                StatusRecord(
                    "planned",
                    "Aftalen træder i kraft 1. april 2025.",
                    DAY,
                    Source("vest.txt", agreement),
                    TITLE,
                ),
            ),
        ),
        ItemRecord(
            type="initiative",
            kind="prøvehandling",
            title=trial,
            source=Source("vest.txt", trial),
            line=28,
            region=MIDT,
            cluster=VEST,
            statuses=(
                StatusRecord(
                    "in_progress",
                    "Prøvehandlingen er igangsat i januar 2025 i to kommuner.",
                    restore(date(2025, 1, 1), "month"),
                    Source("vest.txt", trial),
                    TITLE,
                ),
            ),
        ),
    )
    assert expected == parsed.items


def test_a_header_without_a_date_is_refused_naming_the_line() -> None:
    with pytest.raises(DocumentInvalid) as refused:
        PARSER.parse("x.txt", "Klyngestyregruppemøde Vkl (Referat)\ni Vestklyngen\n1. Deltagere\n")
    assert 1 == refused.value.line


def test_a_header_without_a_known_body_is_refused() -> None:
    with pytest.raises(DocumentInvalid) as refused:
        PARSER.parse("x.txt", "Havemøde 3. maj 2025 (Referat)\n1. Deltagere\n")
    assert (1, "x.txt") == (refused.value.line, refused.value.file)
