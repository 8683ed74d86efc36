"""The document's own date, and dates without a year."""

from __future__ import annotations

from datetime import date

from knowledge.core.periods import Period, restore
from knowledge.documents.dating import dated, document_date, has_year
from knowledge.documents.layout import read_lines


def _date(text: str) -> Period | None:
    found = document_date(read_lines(text))
    return found[0] if found else None


def test_a_date_line_at_the_top_is_the_documents_date() -> None:
    assert Period.day(date(2025, 2, 28)) == _date("28. februar 2025\n\n## REFERAT\n")


def test_a_labelled_date_or_a_dated_title_counts() -> None:
    assert Period.day(date(2018, 3, 21)) == _date("Møde i forum\n\nUdgivet 21.03.2018\n")
    assert Period.day(date(2016, 3, 8)) == _date("Udvalget - Referat - 08. marts 2016\n")
    assert restore(date(2022, 11, 1), "month") == _date("Initiativer i klyngen, november 2022\n")


def test_a_date_in_prose_is_not_the_documents_date() -> None:
    text = (
        "Sundhedsaftalen\n\nAftalen er revideret på baggrund af de høringssvar, der kom ind"
        " fra kommuner og region i august 2023, og er nu godkendt.\n"
    )
    assert None is _date(text)


def test_a_year_range_is_no_document_date() -> None:
    assert None is _date("Slutstatus\n\nSundhedsaftalen 2019-2023\n")


def test_yearless_dates_take_the_documents_year_and_say_so() -> None:
    found = [(m.period, inferred) for m, inferred in dated("mødet den 29. oktober", 2020)]

    assert [(Period.day(date(2020, 10, 29)), True)] == found


def test_yearless_dates_have_no_date_without_a_document_year() -> None:
    assert [] == dated("efter godkendelse den 29. oktober", None)


def test_written_years_are_not_inferred() -> None:
    assert [True] == [inferred is False for _, inferred in dated("den 3. maj 2024", 2020)]
    assert has_year("28-09-2023")
    assert not has_year("28. september")
