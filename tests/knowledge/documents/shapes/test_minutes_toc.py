"""Minutes with a table of contents ("REFERAT ... d. dd-mm-yyyy", "Punkt N: ...")."""

from __future__ import annotations

from datetime import date, time

import pytest

from knowledge.core.errors import DocumentInvalid
from knowledge.core.periods import Period
from knowledge.documents.records import (
    AgendaItem,
    BudgetLine,
    ItemRecord,
    MeetingRecord,
    ParsedDocument,
    Source,
    StatusRecord,
)
from knowledge.documents.shapes.minutes_toc import PARSER

SYD = "Region Syddanmark"
FYN = "Sundhedsklynge Fyn"
FSN = "Sundhedsklynge Fyn – Fagligt strategisk niveau"
TITLE = f"Referat: {FSN}, 10. juni 2025"
DAY = Period.day(date(2025, 6, 10))

MINUTES = """\

REFERAT Sundhedsklynge Fyn - Fagligt strategisk niveau d. 10-06-2025

Mødedato Tirsdag d. 10. juni 2025 kl. 13:00

Mødested Mødelokale 2, Odense Rådhus

Indholdsfortegnelse

Godkendelse af dagsorden til mødet den 10. juni 2025 i FSN.....	2
Skriftlig orientering: Status på Sund Start.....	3

Punkt 1: Godkendelse af dagsorden (13.00-13.05)

SAGSFREMSTILLING

Dagsordenen fremlægges.

Beslutning

Dagsordenen blev godkendt.

Punkt 2: Klyngemidler (13.05-13.30)

SAGSFREMSTILLING

Klyngen har sat projekt *Sund Start* til 1.500.000 kr. og
projektet *Trygge Overgange* til 800.000 kr. i gang.

Koordineringsforum drøftede sagen på deres møde den 20. maj 2025.

INDSTILLING

Det indstilles, at midlerne godkendes.

Beslutning

Godkendt.

Punkt 3: Skriftlig orientering: Status på Sund Start

SKRIFTLIG ORIENTERING

Projektet gik i luften i januar 2025 med tre kommuner.

STATUS

Projektet er igangsat, og de første familier følger forløbet.

Bilag

Projektbeskrivelse.pdf
"""


def _line_of(start: str) -> int:
    return next(n for n, line in enumerate(MINUTES.splitlines(), 1) if line.startswith(start))


@pytest.fixture(scope="module")
def parsed() -> ParsedDocument:
    return PARSER.parse("fyn.txt", MINUTES)


def test_detects_its_own_shape_only() -> None:
    assert PARSER.detect(MINUTES)
    assert not PARSER.detect("Møde (Referat)\n1. Deltagere\nDet indstilles,\nBeslutning\n")


def test_the_document(parsed: ParsedDocument) -> None:
    assert ("minutes_toc", TITLE, DAY) == (parsed.shape, parsed.title, parsed.document_date)


def test_the_meeting_of_the_minutes_with_its_agenda(parsed: ParsedDocument) -> None:
    expected = MeetingRecord(
        body=FSN,
        when=DAY,
        state="held",
        source=Source("fyn.txt", TITLE),
        line=_line_of("Mødedato"),
        region=SYD,
        cluster=FYN,
        start_time=time(13, 0),
        place="Mødelokale 2, Odense Rådhus",
        agenda=(
            AgendaItem("1", "Godkendelse af dagsorden", "Dagsordenen blev godkendt."),
            AgendaItem("2", "Klyngemidler", "Godkendt."),
            AgendaItem("3", "Skriftlig orientering: Status på Sund Start", None),
        ),
    )
    assert expected == parsed.meetings[0]


def test_mentions_but_not_the_table_of_contents(parsed: ParsedDocument) -> None:
    brief = [(m.body, m.when, m.state, m.line, m.cluster) for m in parsed.meetings[1:]]
    forum = "Sundhedsklynge Fyn – Koordineringsforum"
    assert [
        (forum, Period.day(date(2025, 5, 20)), "held", _line_of("Koordineringsforum"), FYN)
    ] == brief


def test_orientation_status_is_read_from_its_status_section(parsed: ParsedDocument) -> None:
    heading = "Status på Sund Start"
    expected = ItemRecord(
        type="initiative",
        kind="projekt",
        title="Sund Start",
        source=Source("fyn.txt", heading),
        line=_line_of("Punkt 3:"),
        region=SYD,
        cluster=FYN,
        budget=(BudgetLine(1_500_000),),
        aliases=(heading,),
        statuses=(
            StatusRecord(
                "in_progress",
                "Projektet er igangsat, og de første familier følger forløbet.",
                DAY,
                Source("fyn.txt", heading),
                TITLE,
            ),
        ),
    )
    assert expected == parsed.items[0]


def test_a_budgeted_project_without_an_orientation_is_an_initiative(parsed: ParsedDocument) -> None:
    expected = ItemRecord(
        type="initiative",
        kind="projekt",
        title="Trygge Overgange",
        source=Source("fyn.txt", "Klyngemidler"),
        line=_line_of("projektet *Trygge"),
        region=SYD,
        cluster=FYN,
        budget=(BudgetLine(800_000),),
    )
    assert (expected,) == parsed.items[1:]


def test_an_unreadable_meeting_date_is_refused_naming_its_line() -> None:
    text = MINUTES.replace("Tirsdag d. 10. juni 2025 kl. 13:00", "en tirsdag i juni")
    with pytest.raises(DocumentInvalid) as refused:
        PARSER.parse("fyn.txt", text)
    assert _line_of("Mødedato") == refused.value.line


def test_minutes_without_the_referat_line_are_refused() -> None:
    with pytest.raises(DocumentInvalid) as refused:
        PARSER.parse("fyn.txt", "Indholdsfortegnelse\nPunkt 1: Velkomst\n")
    assert 1 == refused.value.line
