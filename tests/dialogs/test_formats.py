from datetime import date, time

import pytest

from dialogs import formats


@pytest.mark.parametrize(
    ("value", "precision", "danish", "english"),
    [
        (date(2023, 5, 1), "day", "1. maj 2023", "1 May 2023"),
        (date(2023, 5, 1), "month", "maj 2023", "May 2023"),
        (date(2023, 4, 1), "quarter", "2. kvartal 2023", "Q2 2023"),
        (date(2023, 10, 1), "quarter", "4. kvartal 2023", "Q4 2023"),
        (date(2023, 1, 1), "half", "1. halvår 2023", "H1 2023"),
        (date(2023, 7, 1), "half", "2. halvår 2023", "H2 2023"),
        (date(2023, 1, 1), "third", "primo 2023", "early 2023"),
        (date(2023, 5, 1), "third", "medio 2023", "mid-2023"),
        (date(2023, 9, 1), "third", "ultimo 2023", "late 2023"),
        (date(2021, 3, 1), "season", "foråret 2021", "spring 2021"),
        (date(2023, 6, 1), "season", "sommeren 2023", "summer 2023"),
        (date(2022, 9, 1), "season", "efteråret 2022", "autumn 2022"),
        (date(2022, 12, 1), "season", "vinteren 2022", "winter 2022"),
        (date(2019, 1, 1), "year", "2019", "2019"),
        (date(2022, 1, 1), "range", "fra 2022", "from 2022"),
        (date(2022, 6, 14), None, "2022", "2022"),
    ],
)
def test_a_period_is_written_no_more_precisely_than_it_was_given(
    value: date, precision: str | None, danish: str, english: str
) -> None:
    assert danish == formats.period(value, precision, "da")
    assert english == formats.period(value, precision, "en")


def test_a_meeting_day_is_written_with_its_weekday() -> None:
    assert "fredag den 19. april 2024" == formats.weekday_date(date(2024, 4, 19), "da")
    assert "Friday 19 April 2024" == formats.weekday_date(date(2024, 4, 19), "en")


def test_a_time_span_has_an_en_dash_and_an_open_end_is_left_out() -> None:
    assert "08:30–11:30" == formats.time_span(time(8, 30), time(11, 30))
    assert "14:00" == formats.time_span(time(14, 0), None)


def test_amounts_are_grouped_the_languages_way() -> None:
    assert "1.214.000" == formats.amount(1_214_000, "da")
    assert "1,214,000" == formats.amount(1_214_000, "en")
    assert "0" == formats.amount(0, "da")


def test_titles_sort_with_aeoeaa_after_z() -> None:
    titles = ["Ørestad", "Aalborg", "Zealand", "Ærø", "Åbenrå", "Børn"]
    assert ["Aalborg", "Børn", "Zealand", "Ærø", "Ørestad", "Åbenrå"] == sorted(
        titles, key=formats.title_order
    )
