"""Meetings in any document: the own meeting of minutes and agendas, plans, mentions."""

from __future__ import annotations

from datetime import date, time

from knowledge.core.periods import Period, restore
from knowledge.documents.reader import read_document
from knowledge.documents.records import MeetingRecord

MINUTES = """\
# source: https://www.rm.dk/politik/eksempel
# retrieved: 2026-12-07
Referat
til
mødet i Udvalget for nære tilbud
den 4. juni 2025 kl. 09:00
i Sygehuset Østby, mødelokale nord

Mødet blev hævet kl. 12.50.

1. Godkendelse af dagsorden

Beslutning

Godkendt.

2. Ny aftale om sårpleje

Direktionen indstiller,

at udvalget godkender aftalen.

Sagsfremstilling

Arbejdsgruppen har skrevet et udkast, som er drøftet med kommunerne.

Beslutning

Indstillingen blev godkendt.
"""


def _meetings(text: str) -> tuple[MeetingRecord, ...]:
    return read_document("x.txt", text).meetings


def test_the_minutes_own_meeting_with_time_place_and_end() -> None:
    own = _meetings(MINUTES)[0]

    assert (
        "Udvalget for nære tilbud",
        Period.day(date(2025, 6, 4)),
        "held",
        time(9, 0),
        time(12, 50),
        "Sygehuset Østby, mødelokale nord",
    ) == (own.body, own.when, own.state, own.start_time, own.end_time, own.place)
    assert "Region Midtjylland" == own.region


def test_agenda_items_keep_case_text_recommendation_and_decision_whole() -> None:
    first, second = _meetings(MINUTES)[0].agenda

    assert ("1", "Godkendelse af dagsorden", "Godkendt.") == (
        first.number,
        first.title,
        first.decision,
    )
    assert "at udvalget godkender aftalen." == second.recommendation
    assert "Arbejdsgruppen har skrevet et udkast, som er drøftet med kommunerne." == (
        second.case_text
    )
    assert "Indstillingen blev godkendt." == second.decision
    assert second.source is not None
    assert MINUTES[second.source.start : second.source.start + 2] == "2."


LABELLED = """\
Sundhedsudvalget Test - Referat - 08. marts 2025

Mødedato
08-03-2025 kl. 13:00 - 14:45

Mødested
Mødelokale 2

Deltagere
 • Anne Holm, V
 • Bent Dahl, A
 • Carla Juhl, C

Afbud
 • Carla Juhl, C

1. Godkendelse af dagsorden

Beslutning

Godkendt.
"""


def test_labelled_header_and_participants_with_absences() -> None:
    own = _meetings(LABELLED)[0]

    assert ("Sundhedsudvalget Test", time(13, 0), time(14, 45), "Mødelokale 2") == (
        own.body,
        own.start_time,
        own.end_time,
        own.place,
    )
    assert ["Anne Holm", "Bent Dahl"] == [member.name for member in own.participants]
    assert ["Carla Juhl"] == [member.name for member in own.absent]


AGENDA = """\
Møde i Sundhedsforum Vest

Udgivet 14.03.2025

UDVALG

Sundhedsforum Vest

STED

Rådhuset, Vejle

STARTTIDSPUNKT

21-03-2025 11:00:00

SLUTTIDSPUNKT

21-03-2025 13:30:00

PUNKTER

1. Godkendelse af dagsorden

2. Status på aftale om genoptræning

3. Eventuelt
"""


def test_an_agenda_in_labels_and_values_is_a_planned_meeting_with_its_items() -> None:
    own = _meetings(AGENDA)[0]

    assert (
        "Sundhedsforum Vest",
        Period.day(date(2025, 3, 21)),
        "planned",
        time(11, 0),
        time(13, 30),
        "Rådhuset, Vejle",
    ) == (own.body, own.when, own.state, own.start_time, own.end_time, own.place)
    assert ["1", "2", "3"] == [item.number for item in own.agenda]


def _mentioned(text: str) -> list[tuple[str, Period, str, bool]]:
    return [(m.body, m.when, m.state, m.year_inferred) for m in _meetings(text)]


def test_a_body_acting_on_a_date_is_a_meeting_of_that_body() -> None:
    text = (
        "Baggrund\n\nKommunekontaktudvalget drøftede i november 2024, hvordan samarbejdet "
        "kan styrkes. Forslaget har været drøftet i Styregruppen for tværsektorielt samarbejde "
        "d. 20. maj 2025 og forelægges d. 17. juni 2025 for Sundhedskoordinationsudvalget.\n"
    )

    assert [
        ("Kommunekontaktudvalget", restore(date(2024, 11, 1), "month"), "held", False),
        (
            "Styregruppen for tværsektorielt samarbejde",
            Period.day(date(2025, 5, 20)),
            "held",
            False,
        ),
        ("Sundhedskoordinationsudvalget", Period.day(date(2025, 6, 17)), "planned", False),
    ] == _mentioned(text)


def test_a_day_without_year_takes_the_documents_year_and_says_so() -> None:
    text = (
        "3. marts 2025\n\nOrientering\n\nTelesundhed har længe været et emne. KOSU har derfor "
        "på møde 6. februar besluttet at nedsætte en arbejdsgruppe.\n"
    )

    assert [("KOSU", Period.day(date(2025, 2, 6)), "held", True)] == _mentioned(text)


def test_no_meeting_is_invented_from_weeks_relative_or_vague_dates() -> None:
    text = (
        "Nyhed\n\nI denne uge var der første møde i Sundhedsudvalget Nord. Følgegruppen for "
        "data vil behandle sagen på et møde i uge 43. Udvalget mødes igen primo december.\n"
    )

    assert [] == _mentioned(text)


def test_a_yearless_day_in_an_undated_document_gives_no_meeting() -> None:
    text = "Nyhed\n\nAftalen sendes i print efter endelig godkendelse i SKU den 29. oktober.\n"

    assert [] == _mentioned(text)


def test_a_theme_day_of_a_body_is_its_meeting_and_one_of_no_body_is_none() -> None:
    text = MINUTES + (
        "\nKommunekontaktudvalget holder temadag den 9. september 2025.\n"
        "\nPå en workshop den 2. oktober 2025 drøftes planen videre.\n"
    )

    events = [m for m in _meetings(text) if m.kind != "møde"]
    assert [("Kommunekontaktudvalget", Period.day(date(2025, 9, 9)), "planned", "temadag")] == [
        (m.body, m.when, m.state, m.kind) for m in events
    ]


def test_a_meeting_plan_gives_one_meeting_per_dated_line_with_its_place() -> None:
    text = (
        "Referat fra Styregruppen Øst 10. januar 2025\n\nMødeplan 2025\n\n"
        "- Fredag den 7. marts, Rådhuset\n- Fredag den 2. maj, Sygehuset Øst\n"
    )

    planned = [(m.when, m.place) for m in _meetings(text) if m.state == "planned"]
    assert [
        (Period.day(date(2025, 3, 7)), "Rådhuset"),
        (Period.day(date(2025, 5, 2)), "Sygehuset Øst"),
    ] == planned


CONVERTED = """\
# Beslutningsreferat – Sundhedsudvalget Øst

**Dato:** Tirsdag den 4. marts 2025 kl. 13.00-15.30
**Sted:** Rådhuset, Mødelokale 4, Hjørring

**Deltagere:** Anne Holm (formand), Bo Berg, Carla Dam
**Afbud:** Dennis Lund

## 1. Godkendelse af dagsorden

**Beslutning:** Godkendt.

## 2. Samarbejdsaftale om genoptræning

### Sagsfremstilling

Aftalen blev godkendt af Sundhedskoordinationsudvalget den 12. februar 2025.

### Beslutning

Taget til efterretning.

## 3. Mødeplan 2025

| Dato | Sted |
| --- | --- |
| 6. maj 2025 | Rådhuset |
"""


def test_a_converted_document_with_inline_labels_lists_and_a_plan_table() -> None:
    own, *others = _meetings(CONVERTED)

    assert (time(13, 0), time(15, 30), "Rådhuset, Mødelokale 4, Hjørring") == (
        own.start_time,
        own.end_time,
        own.place,
    )
    assert ["Godkendt.", "Taget til efterretning.", None] == [a.decision for a in own.agenda]
    assert [("Anne Holm", "formand"), ("Bo Berg", None), ("Carla Dam", None)] == [
        (p.name, p.role) for p in own.participants
    ]
    assert ["Dennis Lund"] == [p.name for p in own.absent]
    assert [
        ("Sundhedsudvalget Øst", Period.day(date(2025, 5, 6)), "planned", "Rådhuset"),
        ("Sundhedskoordinationsudvalget", Period.day(date(2025, 2, 12)), "held", None),
    ] == [(m.body, m.when, m.state, m.place) for m in others]
