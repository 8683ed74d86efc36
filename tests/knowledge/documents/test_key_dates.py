"""Key dates with what they mean."""

from __future__ import annotations

from knowledge.documents.key_dates import key_dates
from knowledge.documents.records import Source

SOURCE = Source("x.txt", "Aftale", ("Aftale",), 100, 200)


def _dates(text: str, year: int | None = 2025) -> list[tuple[str, str | None, str, bool]]:
    return [
        (d.what, d.when.iso() if d.when else None, d.text, d.year_inferred)
        for d in key_dates(text, SOURCE, year)
    ]


def test_each_date_takes_the_meaning_of_its_clause() -> None:
    text = (
        "Aftalen blev godkendt den 3. marts 2025, trådte i kraft 1. maj 2025 og udløber "
        "31. december 2027. Den evalueres i foråret 2026; frist for høringssvar er 1. juni 2025."
    )

    assert [
        ("approved", "2025-03-03", "den 3. marts 2025", False),
        ("in_force", "2025-05-01", "1. maj 2025", False),
        ("ends", "2027-12-31", "31. december 2027", False),
        ("evaluated", "2026-03-01", "i foråret 2026", False),
        ("deadline", "2025-06-01", "1. juni 2025", False),
    ] == _dates(text)


def test_a_date_without_a_meaning_word_is_no_key_date() -> None:
    assert [] == _dates("Mødet blev holdt 4. april 2025 på rådhuset.")


def test_yearless_dates_take_the_documents_year_or_have_no_date() -> None:
    text = "Aftalen godkendes endeligt den 29. oktober."

    assert [("approved", "2025-10-29", "den 29. oktober", True)] == _dates(text)
    assert [("approved", None, "den 29. oktober", False)] == _dates(text, None)


def test_the_source_span_is_the_dates() -> None:
    (found,) = key_dates("Godkendt den 3. marts 2025.", SOURCE, 2025)

    assert (100 + 9, 100 + 26) == (found.source.start, found.source.end)
