"""Meetings a text moves or calls off: in passing, and in a minutes' meeting plan."""

from __future__ import annotations

from datetime import date, time

import pytest

from knowledge.core.periods import Period
from knowledge.documents.mentions import meetings_mentioned
from knowledge.documents.records import MeetingRecord
from knowledge.documents.reschedules import cancels, moved, unmarked
from knowledge.documents.shapes.minutes_markdown import PARSER

MIDT = "Region Midtjylland"
VEST = "Vestklyngen"
KSG = "Klyngestyregruppen Vestklyngen"
AS_OF = Period.day(date(2024, 2, 20))


def _found(text: str) -> list[MeetingRecord]:
    return meetings_mentioned(
        text,
        file="skive.md",
        heading="Orientering",
        line=4,
        year=2024,
        as_of=AS_OF,
        default_body=KSG,
        region=MIDT,
        cluster=VEST,
    )


def _brief(meetings: list[MeetingRecord]) -> list[tuple[str, date, str, date | None]]:
    return [(m.body, m.when.start, m.state, m.moved_from) for m in meetings]


@pytest.mark.parametrize(
    "sentence",
    [
        "Klyngestyregruppens møde 12. marts 2024 er flyttet til 19. marts 2024.",
        "Mødet i klyngestyregruppen flyttes fra 12. marts til 19. marts.",
        "Klyngestyregruppemødet d. 12. marts er rykket til den 19. marts.",
    ],
)
def test_a_moved_meeting_is_the_new_day_with_the_old_one_beside_it(sentence: str) -> None:
    assert [(KSG, date(2024, 3, 19), "planned", date(2024, 3, 12))] == _brief(_found(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "Klyngestyregruppens møde den 12. marts er aflyst.",
        "Mødet i klyngestyregruppen 12. marts 2024 aflyses pga. for få punkter.",
        "KSG-mødet 12. marts udgår.",
    ],
)
def test_a_meeting_called_off_is_cancelled(sentence: str) -> None:
    assert [(KSG, date(2024, 3, 12), "cancelled", None)] == _brief(_found(sentence))


def test_only_the_meeting_nearest_the_cancel_word_is_cancelled() -> None:
    sentence = "Klyngestyregruppens møde 12. marts er aflyst, og næste møde holdes 9. april."

    assert [
        (KSG, date(2024, 3, 12), "cancelled", None),
        (KSG, date(2024, 4, 9), "planned", None),
    ] == _brief(_found(sentence))


def test_an_agenda_item_that_is_dropped_does_not_cancel_the_meeting() -> None:
    sentence = "Punktet udgår fra dagsordenen på klyngestyregruppens møde 12. marts."

    assert [(KSG, date(2024, 3, 12), "planned", None)] == _brief(_found(sentence))


def test_cancelled_and_moved_in_one_sentence_is_a_move() -> None:
    sentence = "Mødet i klyngestyregruppen 12. marts er aflyst og flyttet til 19. marts."

    assert [(KSG, date(2024, 3, 19), "planned", date(2024, 3, 12))] == _brief(_found(sentence))


def test_a_move_without_the_old_day_is_just_the_new_meeting() -> None:
    sentence = "Klyngestyregruppens næste møde er flyttet til 19. marts."

    assert [(KSG, date(2024, 3, 19), "planned", None)] == _brief(_found(sentence))


def test_a_move_across_new_year_lands_in_the_next_year() -> None:
    move = moved("Mødet flyttes fra 18. december til 8. januar", 2024)

    assert move is not None
    assert (date(2024, 12, 18), date(2025, 1, 8)) == (move.old.period.start, move.new.period.start)


def test_moves_in_english_too() -> None:
    move = moved("The meeting of 12. marts 2024 has been moved to 19. marts 2024", None)

    assert move is not None
    assert (date(2024, 3, 12), date(2024, 3, 19)) == (move.old.period.start, move.new.period.start)


def test_words_that_only_look_like_moves_are_not() -> None:
    assert moved("De mest udsatte borgere fra 12. marts til 19. marts", 2024) is None
    assert moved("Vi vil flytte ressourcer fra 12. marts til 19. marts", 2024) is None


def test_the_cancel_word_picks_the_nearest_date() -> None:
    sentence = "Mødet 5. marts holdes, mødet 12. marts er aflyst"
    spans = [(6, 14), (29, 38)]

    assert (False, True) == (
        cancels(sentence, spans[0], spans),
        cancels(sentence, spans[1], spans),
    )


@pytest.mark.parametrize(
    ("written", "place"),
    [
        (", Regionshuset Viborg – AFLYST", ", Regionshuset Viborg"),
        (", Skive Rådhus (aflyst)", ", Skive Rådhus"),
        (", Skive Rådhus (lokale 2)", ", Skive Rådhus (lokale 2)"),
    ],
)
def test_the_cancel_mark_is_not_part_of_the_place(written: str, place: str) -> None:
    assert place == unmarked(written)


PLAN_MINUTES = """\
21. februar 2024

## REFERAT KLYNGESTYREGRUPPEMØDE VESTKLYNGEN

Tidspunkt: Den 16. februar kl. 13:00 – 15.00
Skive Rådhus

## 1. Mødeplan for foråret

Klyngestyregruppen har disse møder i foråret:

- Tirsdag den 12. marts er flyttet til tirsdag den 19. marts kl. 13-15, Skive Sygehus
- 23. april 2024, Skive Rådhus – AFLYST
- 28. maj 2024, Skive Rådhus
- 11. juni 2024, Skive Sygehus - cancelled

## 2. Eventuelt

Intet.
"""


def test_the_meeting_plan_moves_and_cancels_its_meetings() -> None:
    parsed = PARSER.parse("skive.md", PLAN_MINUTES)

    plan = [
        (m.when.start, m.state, m.moved_from, m.place, m.start_time)
        for m in parsed.meetings
        if m.source.heading == "Mødeplan for foråret"
    ]
    assert [
        (date(2024, 3, 19), "planned", date(2024, 3, 12), "Skive Sygehus", time(13)),
        (date(2024, 4, 23), "cancelled", None, "Skive Rådhus", None),
        (date(2024, 5, 28), "planned", None, "Skive Rådhus", None),
        (date(2024, 6, 11), "cancelled", None, "Skive Sygehus", None),
    ] == plan
