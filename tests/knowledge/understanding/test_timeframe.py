"""Dates in questions, relative ones read against a fixed today (Friday 1 March 2024)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.core.periods import Period
from knowledge.understanding.timeframe import anchored, danish_dates, read

TODAY = date(2024, 3, 1)


def month(year: int, number: int) -> Period:
    end = date(year + number // 12, number % 12 + 1, 1).toordinal() - 1
    return Period(date(year, number, 1), date.fromordinal(end), "month")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hvilke møder er der i denne måned", month(2024, 3)),
        ("møder i næste måned", month(2024, 4)),
        ("naeste maaned", month(2024, 4)),
        ("meetings next month", month(2024, 4)),
        ("møder i sidste måned", month(2024, 2)),
        ("møder i næste uge", Period(date(2024, 3, 4), date(2024, 3, 10), "range")),
        ("meetings this week", Period(date(2024, 2, 26), date(2024, 3, 3), "range")),
        ("møder i uge 17", Period(date(2024, 4, 22), date(2024, 4, 28), "range")),
        ("i morgen", Period.day(date(2024, 3, 2))),
        ("møder i april 2024", month(2024, 4)),
        ("møder i april", month(2024, 4)),
        ("møder i marts", month(2024, 3)),
        ("møder i februar", month(2025, 2)),
        ("meetings in May", month(2024, 5)),
        ("hvad blev besluttet på mødet 23. februar 2024", Period.day(date(2024, 2, 23))),
        ("decisions on February 23rd, 2024", Period.day(date(2024, 2, 23))),
    ],
)
def test_periods_asked_about(question: str, expected: Period) -> None:
    found = read(question, TODAY)

    assert (expected, None) == (found.period, found.since)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hvad er ændret siden 1. januar 2024", date(2024, 1, 1)),
        ("what changed since March 2023", date(2023, 3, 1)),
        ("ændringer siden sidste måned", date(2024, 2, 1)),
        ("hvad er ændret siden april", date(2023, 4, 1)),
        ("since 5 February 2024", date(2024, 2, 5)),
    ],
)
def test_a_date_after_siden_or_since_is_a_starting_point_never_in_the_future(
    question: str, expected: date
) -> None:
    found = read(question, TODAY)

    assert (None, expected) == (found.period, found.since)


def test_the_date_is_taken_out_of_the_question() -> None:
    assert "møder  " == read("møder i april 2024", TODAY).rest


def test_numbers_that_are_not_dates_stay() -> None:
    found = read("aftaler med de 19 midtjyske kommuner om Sundhedsaftalen 2024-2027", TODAY)

    assert (None, None) == (found.period, found.since)


def test_may_is_a_month_only_next_to_a_year_or_after_in() -> None:
    assert "what may happen i maj 2024" == danish_dates("what may happen in May 2024")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hvilke møder er der resten af året", Period(TODAY, date(2024, 12, 31), "range")),
        ("meeting on 23 Feb?", Period.day(date(2025, 2, 23))),
        ("hvad blev besluttet 4. mar", Period.day(date(2024, 3, 4))),
        ("FACT budget 2025", Period(date(2025, 1, 1), date(2025, 12, 31), "year")),
        ("List the 2023 meetings", Period(date(2023, 1, 1), date(2023, 12, 31), "year")),
    ],
)
def test_more_ways_people_write_a_period(question: str, expected: Period) -> None:
    assert expected == read(question, TODAY).period


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("er der sket noget nyt siden jul?", date(2023, 12, 24)),
        ("What's changed since New Year?", date(2024, 1, 1)),
    ],
)
def test_holidays_as_starting_points(question: str, expected: date) -> None:
    assert expected == read(question, TODAY).since


def test_a_range_of_years_is_a_name_not_a_time() -> None:
    assert None is read("status på Sundhedsaftalen 2024-2027", TODAY).period


def test_a_yearless_date_is_marked_so_decisions_can_look_back() -> None:
    found = read("hvad blev besluttet 28. september", TODAY)

    assert (date(2024, 9, 28), True) == (found.period.start, found.yearless)  # type: ignore[union-attr]
    assert date(2023, 9, 28) == anchored(found.period, TODAY).start  # type: ignore[arg-type]
    assert date(2024, 3, 4) == anchored(Period.day(date(2024, 3, 4)), TODAY).start
