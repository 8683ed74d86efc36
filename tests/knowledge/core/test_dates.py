"""Danish dates and periods: one expression (parse_date) and running text (find_dates)."""

from __future__ import annotations

from datetime import date, time
from itertools import pairwise
from pathlib import Path

import pytest

from knowledge.core.dates import DateMatch, find_dates, parse_date
from knowledge.core.errors import DateError
from knowledge.core.periods import Period, Precision

SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"


def period(start: str, end: str, precision: Precision) -> Period:
    return Period(date.fromisoformat(start), date.fromisoformat(end), precision)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # days
        ("28. september 2023", None, period("2023-09-28", "2023-09-28", "day")),
        ("d. 7. februar 2023", None, period("2023-02-07", "2023-02-07", "day")),
        ("den 23. februar", 2024, period("2024-02-23", "2024-02-23", "day")),
        ("Mandag d. 04. marts 2024", None, period("2024-03-04", "2024-03-04", "day")),
        ("Fredag den 3. maj 2024", None, period("2024-05-03", "2024-05-03", "day")),
        ("pr. 1. maj 2023", None, period("2023-05-01", "2023-05-01", "day")),
        ("4.april 2024", None, period("2024-04-04", "2024-04-04", "day")),
        ("d.30 april", 2024, period("2024-04-30", "2024-04-30", "day")),
        ("19.februar", 2024, period("2024-02-19", "2024-02-19", "day")),
        ("7 feb 2024", None, period("2024-02-07", "2024-02-07", "day")),
        ("3. sept. 2023", None, period("2023-09-03", "2023-09-03", "day")),
        ("  28.  SEPTEMBER   2023 ", None, period("2023-09-28", "2023-09-28", "day")),
        ("29. februar 2024", None, period("2024-02-29", "2024-02-29", "day")),
        ("04-03-2024", None, period("2024-03-04", "2024-03-04", "day")),
        ("27.10.2023", None, period("2023-10-27", "2023-10-27", "day")),
        ("20/9 2023", None, period("2023-09-20", "2023-09-20", "day")),
        ("20/9-2023", None, period("2023-09-20", "2023-09-20", "day")),
        ("den 24.5.2023", None, period("2023-05-24", "2023-05-24", "day")),
        ("2024-03-04", None, period("2024-03-04", "2024-03-04", "day")),
        # months
        ("september 2023", None, period("2023-09-01", "2023-09-30", "month")),
        ("i januar 2023", None, period("2023-01-01", "2023-01-31", "month")),
        ("dec. 2020", None, period("2020-12-01", "2020-12-31", "month")),
        ("feb 2024", None, period("2024-02-01", "2024-02-29", "month")),
        ("sept. 2023", None, period("2023-09-01", "2023-09-30", "month")),
        ("i november", 2023, period("2023-11-01", "2023-11-30", "month")),
        ("primo marts 2024", None, period("2024-03-01", "2024-03-31", "month")),
        ("ultimo marts", 2024, period("2024-03-01", "2024-03-31", "month")),
        # quarters and halves
        ("1. kvartal 2023", None, period("2023-01-01", "2023-03-31", "quarter")),
        ("pr. 2. kvartal 2023", None, period("2023-04-01", "2023-06-30", "quarter")),
        ("første kvartal 2023", None, period("2023-01-01", "2023-03-31", "quarter")),
        ("andet kvartal", 2023, period("2023-04-01", "2023-06-30", "quarter")),
        ("4.kvartal 2023", None, period("2023-10-01", "2023-12-31", "quarter")),
        ("1. halvår 2023", None, period("2023-01-01", "2023-06-30", "half")),
        ("2. halvår 2023", None, period("2023-07-01", "2023-12-31", "half")),
        ("første halvår", 2024, period("2024-01-01", "2024-06-30", "half")),
        ("andet halvår 2023", None, period("2023-07-01", "2023-12-31", "half")),
        ("i løbet af 1. halvår af 2023", None, period("2023-01-01", "2023-06-30", "half")),
        # thirds
        ("primo 2023", None, period("2023-01-01", "2023-04-30", "third")),
        ("medio 2023", None, period("2023-05-01", "2023-08-31", "third")),
        ("Ultimo 2023", None, period("2023-09-01", "2023-12-31", "third")),
        # seasons
        ("foråret 2021", None, period("2021-03-01", "2021-05-31", "season")),
        ("i foråret 2021", None, period("2021-03-01", "2021-05-31", "season")),
        ("sommeren 2023", None, period("2023-06-01", "2023-08-31", "season")),
        ("efteråret 2022", None, period("2022-09-01", "2022-11-30", "season")),
        ("vinteren 2022", None, period("2022-12-01", "2023-02-28", "season")),
        ("vinteren 2023", None, period("2023-12-01", "2024-02-29", "season")),
        ("i efteråret", 2024, period("2024-09-01", "2024-11-30", "season")),
        # years
        ("2019", None, period("2019-01-01", "2019-12-31", "year")),
        ("i 2019", None, period("2019-01-01", "2019-12-31", "year")),
        ("pr. 2023", None, period("2023-01-01", "2023-12-31", "year")),
        ("fra 2020", None, period("2020-01-01", "2020-12-31", "year")),
        ("siden 2018", None, period("2018-01-01", "2018-12-31", "year")),
        ("i løbet af 2023", None, period("2023-01-01", "2023-12-31", "year")),
        ("inden 2024", None, period("2024-01-01", "2024-12-31", "year")),
        ("1990", None, period("1990-01-01", "1990-12-31", "year")),
        ("2099", None, period("2099-01-01", "2099-12-31", "year")),
        # ranges
        ("april/maj 2023", None, period("2023-04-01", "2023-05-31", "range")),
        ("foråret/sommeren 2022", None, period("2022-03-01", "2022-08-31", "range")),
        ("foråret/sommer 2022", None, period("2022-03-01", "2022-08-31", "range")),
        ("2022-2023", None, period("2022-01-01", "2023-12-31", "range")),
        ("i perioden 2022-2023", None, period("2022-01-01", "2023-12-31", "range")),
        ("1. til 14. september 2023", None, period("2023-09-01", "2023-09-14", "range")),
        ("1.-14. september 2023", None, period("2023-09-01", "2023-09-14", "range")),
    ],
)
def test_parse_date_reads_the_period_the_text_names(
    text: str, year: int | None, expected: Period
) -> None:
    assert expected == parse_date(text, year=year).period


@pytest.mark.parametrize(
    ("text", "year", "expected_day", "expected_start", "expected_end"),
    [
        ("28. september 2023 kl. 14:00", None, "2023-09-28", time(14), None),
        ("28. september 2023 kl. 14.00", None, "2023-09-28", time(14), None),
        ("28. september 2023, klokken 14", None, "2023-09-28", time(14), None),
        ("den 23. februar kl. 08:30 – 11.30", 2024, "2024-02-23", time(8, 30), time(11, 30)),
        ("den 23. februar kl. 08:30-11:30", 2024, "2024-02-23", time(8, 30), time(11, 30)),
        ("Mandag d. 04. marts 2024 kl. 14:00", None, "2024-03-04", time(14), None),
        ("04-03-2024 kl. 9", None, "2024-03-04", time(9), None),
        ("2024-03-04 kl. 9:10-10.55", None, "2024-03-04", time(9, 10), time(10, 55)),
        ("28. september 2023", None, "2023-09-28", None, None),
    ],
)
def test_parse_date_reads_the_clock_after_a_day(
    text: str,
    year: int | None,
    expected_day: str,
    expected_start: time | None,
    expected_end: time | None,
) -> None:
    found = parse_date(text, year=year)
    assert Period.day(date.fromisoformat(expected_day)) == found.period
    assert (expected_start, expected_end) == (found.start_time, found.end_time)


@pytest.mark.parametrize(
    ("text", "year", "expected_reason"),
    [
        ("31. februar 2023", None, "not a real date"),
        ("29. februar 2023", None, "not a real date"),
        ("32-01-2024", None, "not a real date"),
        ("13-13-2024", None, "not a real date"),
        ("2023-02-30", None, "not a real date"),
        ("5. kvartal 2023", None, "a year has 4 parts"),
        ("femte kvartal 2023", None, "a year has 4 parts"),
        ("3. halvår 2023", None, "a year has 2 parts"),
        ("den 23. februar", None, "no year"),
        ("i november", None, "no year"),
        ("andet kvartal", None, "no year"),
        ("feb", 2024, "abbreviated month needs a year"),
        ("3. jan", 2024, "abbreviated month needs a year"),
        ("14. til 1. september 2023", None, "ends before it starts"),
        ("maj/april 2023", None, "ends before it starts"),
        ("2023-2022", None, "ends before it starts"),
        ("04-03.2024", None, "mixes separators"),
        ("", None, "not a Danish date"),
        ("   ", None, "not a Danish date"),
        ("næste år", 2024, "not a Danish date"),
        ("kl. 14:00", 2024, "not a Danish date"),
        ("2019a", None, "not a Danish date"),
        ("1989", None, "not a Danish date"),
        ("2100", None, "not a Danish date"),
        ("primo", 2024, "not a Danish date"),
        ("28. september 2023 kl. 25:00", None, "not a Danish date"),
        ("28. september 2023 og mere", None, "not a Danish date"),
        ("26.01.23", None, "not a Danish date"),
    ],
)
def test_parse_date_rejects_what_is_not_a_date(
    text: str, year: int | None, expected_reason: str
) -> None:
    with pytest.raises(DateError, match=expected_reason) as raised:
        parse_date(text, year=year)
    assert text.strip() in str(raised.value)


def test_date_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"31\. februar"):
        parse_date("31. februar 2023")


def test_parse_date_spans_the_stripped_text_within_the_original() -> None:
    text = "  i løbet af 2023\n"
    found = parse_date(text)
    assert (2, 17, "i løbet af 2023") == (found.start, found.end, found.text)
    assert text[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("text", "year", "expected_texts"),
    [
        ("Beløbet er kr. 2023 i alt.", 2024, []),
        ("Sundhedsaftalen 2019-2023 er slut.", 2024, []),
        ("Brug i perioden 2022-2023 var lav.", None, ["i perioden 2022-2023"]),
        ("Vi startede fra 2018-20 med det.", None, []),
        ("Det sker den 31. februar 2023 ikke.", None, []),
        ("Vi tager det til april-mødet.", 2024, []),
        ("Oplæg v. Jan Hansen og 3. Jan Jensen.", 2024, []),
        ("Mødet den 23. februar blev aflyst.", None, []),
        ("Mødet den 23. februar blev aflyst.", 2024, ["den 23. februar"]),
        ("Vi ses i november.", None, []),
        ("Vi ses i november.", 2023, ["i november"]),
        ("Pause kl. 14:00 til kl. 14.15.", 2024, []),
        ("Se sum.dk/2023/september/rapport.pdf", 2024, []),
        ("Filen aftale-13-12-21.pdf og notat_31.01.22.pdf", 2024, []),
        (
            "Planen gælder i perioden 1. til 14. september 2023.",
            None,
            ["i perioden 1. til 14. september 2023"],
        ),
        ("Det blev besluttet i hhv. april og maj 2023.", 2023, ["maj 2023"]),
        ("Det blev drøftet i april/maj 2023.", None, ["i april/maj 2023"]),
        ("Det sker i foråret/sommer 2022.", None, ["i foråret/sommer 2022"]),
        ("Mødet i\nden 28. september 2023 kl. 14:00", None, ["den 28. september 2023 kl. 14:00"]),
        ("Status: I 2022 og 2023 blev der brugt 2,5 mio.", None, ["I 2022"]),
        ("Vi ses d.30 april og 8.maj 2024.", 2024, ["d.30 april", "8.maj 2024"]),
    ],
)
def test_find_dates_keeps_only_real_dates_in_running_text(
    text: str, year: int | None, expected_texts: list[str]
) -> None:
    assert expected_texts == [found.text for found in find_dates(text, year=year)]


PARAGRAPH = (
    "Styregruppen mødtes mandag den 8. januar 2024 kl. 9.30-11 og valgte at forlænge "
    "projektet, som startede i 2021. En evaluering ventes primo 2025, og en midtvejsstatus "
    "lægges frem i 2. kvartal 2024. Budgettet for 2024 er 1,2 mio. kr. Næste møde holdes "
    "12/3 2024, og i løbet af efteråret følger en temadag."
)


def test_find_dates_finds_every_date_in_a_paragraph_in_order() -> None:
    expected = [
        ("mandag den 8. januar 2024 kl. 9.30-11", period("2024-01-08", "2024-01-08", "day")),
        ("i 2021", period("2021-01-01", "2021-12-31", "year")),
        ("primo 2025", period("2025-01-01", "2025-04-30", "third")),
        ("i 2. kvartal 2024", period("2024-04-01", "2024-06-30", "quarter")),
        ("12/3 2024", period("2024-03-12", "2024-03-12", "day")),
        ("i løbet af efteråret", period("2024-09-01", "2024-11-30", "season")),
    ]
    found = find_dates(PARAGRAPH, year=2024)
    assert [
        DateMatch(PARAGRAPH.index(text), PARAGRAPH.index(text) + len(text), text, when)
        for text, when in expected
    ] == [DateMatch(m.start, m.end, m.text, m.period) for m in found]
    assert (time(9, 30), time(11)) == (found[0].start_time, found[0].end_time)


def test_find_dates_skips_yearless_periods_without_a_document_year() -> None:
    expected = ["mandag den 8. januar 2024 kl. 9.30-11", "i 2021", "primo 2025"]
    expected += ["i 2. kvartal 2024", "12/3 2024"]
    assert expected == [found.text for found in find_dates(PARAGRAPH)]


def test_find_dates_prefers_the_longest_expression() -> None:
    found = find_dates("Kurset løber 1. til 14. september 2023 kl. 10.")
    assert ["1. til 14. september 2023"] == [m.text for m in found]


SEED_FILES = [
    "000_48944d31b931480e.txt",
    "001_66e587c54e955e27.txt",
    "002_216d5a4db58f8ddc.txt",
    "003_575992f222002ef9.txt",
    "004_7ddc0a696064ba8d.txt",
]


def seed_text(name: str) -> str:
    path = SEEDS / name
    if not path.is_file():
        pytest.skip(f"seed document {path} is absent (the shared seeds folder is not mounted)")
    return path.read_text(encoding="utf-8")


@pytest.mark.seeds
@pytest.mark.parametrize("name", SEED_FILES)
@pytest.mark.parametrize("year", [None, 2024])
def test_find_dates_over_a_seed_gives_ordered_exact_spans(name: str, year: int | None) -> None:
    text = seed_text(name)
    found = find_dates(text, year=year)
    assert [] != found
    assert [m.text for m in found] == [text[m.start : m.end] for m in found]
    assert all(left.end <= right.start for left, right in pairwise(found))


@pytest.mark.seeds
@pytest.mark.parametrize(
    ("name", "year", "expected_text", "expected_period", "expected_times"),
    [
        (
            "001_66e587c54e955e27.txt",
            None,
            "den 28. september 2023 kl. 14:00",
            period("2023-09-28", "2023-09-28", "day"),
            (time(14), None),
        ),
        (
            "003_575992f222002ef9.txt",
            None,
            "d. 04-03-2024",
            period("2024-03-04", "2024-03-04", "day"),
            (None, None),
        ),
        (
            "003_575992f222002ef9.txt",
            None,
            "Mandag d. 04. marts 2024 kl. 14:00",
            period("2024-03-04", "2024-03-04", "day"),
            (time(14), None),
        ),
        (
            "003_575992f222002ef9.txt",
            None,
            "i perioden 1. til 14. september 2023",
            period("2023-09-01", "2023-09-14", "range"),
            (None, None),
        ),
        (
            "004_7ddc0a696064ba8d.txt",
            2024,
            "Den 23. februar kl. 08:30 – 11.30",
            period("2024-02-23", "2024-02-23", "day"),
            (time(8, 30), time(11, 30)),
        ),
        (
            "004_7ddc0a696064ba8d.txt",
            None,
            "i perioden 2023-2025",
            period("2023-01-01", "2025-12-31", "range"),
            (None, None),
        ),
        (
            "000_48944d31b931480e.txt",
            None,
            "i løbet af 1. halvår af 2023",
            period("2023-01-01", "2023-06-30", "half"),
            (None, None),
        ),
    ],
)
def test_find_dates_reads_known_dates_in_the_seeds(
    name: str,
    year: int | None,
    expected_text: str,
    expected_period: Period,
    expected_times: tuple[time | None, time | None],
) -> None:
    found = {m.text: m for m in find_dates(seed_text(name), year=year)}
    assert expected_text in found
    match = found[expected_text]
    assert expected_period == match.period
    assert expected_times == (match.start_time, match.end_time)
