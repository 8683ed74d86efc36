"""Comment headers of saved documents and running page headers."""

from __future__ import annotations

from knowledge.documents.headers import read_header, running_lines

SAVED = (
    "# source: https://www.example.dk/udvalg/referat\n"
    "# retrieved: 2026-12-07\n"
    "\n"
    "# partial: slutter midt i punkt 2\n"
    "Referat fra mødet\n"
)


def test_comment_lines_at_the_top_are_the_header() -> None:
    header = read_header(SAVED)

    assert SAVED.index("Referat") == header.end
    assert "https://www.example.dk/udvalg/referat" == header.source_url
    assert "2026-12-07" == header.get("retrieved")
    assert header.partial


def test_a_markdown_heading_is_not_a_comment() -> None:
    text = "# Referat: Styregruppen\n\nTekst.\n"

    assert 0 == read_header(text).end


def test_a_source_that_is_no_address_is_not_a_source_url() -> None:
    assert None is read_header("# source: søgning i arkivet\nTekst\n").source_url


def test_comment_lines_below_the_text_are_text() -> None:
    header = read_header("Overskrift\n# note: intet\n")

    assert (0, ()) == (header.end, header.fields)


def test_lines_repeated_on_every_page_and_page_numbers_are_running_lines() -> None:
    lines = ["Status 2024", "Tekst et", "Side 1 af 3", "Status 2024", "Tekst to", "Status 2024"]

    assert frozenset({"Status 2024", "Side 1 af 3"}) == running_lines(lines)
