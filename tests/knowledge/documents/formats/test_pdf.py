"""A text PDF reads as its text in reading order; encrypted and scanned PDFs are refused."""

from __future__ import annotations

import pytest

from knowledge.core.errors import CorruptDocument, EmptyDocument, EncryptedDocument, NoTextLayer
from knowledge.documents.formats import read_file
from knowledge.documents.formats.pdf_lines import Line, drop_furniture, join
from tests.knowledge.documents.formats.documents import (
    MINUTES,
    drawn_pdf,
    encrypted,
    long_minutes,
    to_pdf,
    to_text,
)


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def test_a_pdf_over_several_pages_reads_as_the_text_it_was_made_from() -> None:
    sample = long_minutes(30)
    source = read_file("referat.pdf", to_pdf(sample))
    assert (lines(to_text(sample)), "pdf") == (lines(source.text), source.format)


def test_running_headers_and_page_numbers_are_dropped() -> None:
    text = read_file("referat.pdf", to_pdf(long_minutes(30))).text
    assert [] == [line for line in lines(text) if "Referat" in line and "#" not in line]
    assert [] == [line for line in lines(text) if line.startswith("Side ")]


def test_pages_say_where_each_page_starts_in_the_text() -> None:
    pages = ["Første side begynder her.", "Anden side begynder her."], ["Tredje side her."]
    source = read_file("a.pdf", drawn_pdf([*pages]))
    starts = [source.text[offset : offset + 12] for offset in source.pages]
    assert ["Første side ", "Tredje side "] == starts


def test_a_paragraph_runs_on_to_the_next_page_and_the_page_starts_inside_it() -> None:
    first = ["Klyngen har aftalt at fortsætte arbejdet med de fælles indsatser, og parterne"]
    second = ["mødes igen i juni.", "", "Nyt afsnit på siden."]
    source = read_file("a.pdf", drawn_pdf([first, second]))
    expected = (
        "Klyngen har aftalt at fortsætte arbejdet med de fælles indsatser, og parterne "
        "mødes igen i juni.\n\nNyt afsnit på siden.\n"
    )
    assert (expected, "mødes igen") == (source.text, source.text[source.pages[1] :][:10])


def test_headings_are_told_by_type_size() -> None:
    drawn = ["## Dagsorden", "Godkendelse af referatet.", "## Referat", "Referatet blev godkendt."]
    expected = "# Dagsorden\n\nGodkendelse af referatet.\n\n# Referat\n\nReferatet blev godkendt.\n"
    assert expected == read_file("a.pdf", drawn_pdf([drawn])).text


def test_hyphenated_line_breaks_are_mended_where_it_is_safe() -> None:
    drawn = ["Samarbejdet om sundheds-", "aftalen og IV-", "behandling i social- og", "sundheds-"]
    drawn += ["området, COVID-", "19 og e-", "mail i Syd-", "Danmark."]
    expected = (
        "Samarbejdet om sundhedsaftalen og IV-behandling i social- og sundhedsområdet, "
        "COVID-19 og e-mail i Syd-Danmark.\n"
    )
    assert expected == read_file("a.pdf", drawn_pdf([drawn])).text


@pytest.mark.parametrize(
    ("previous", "following", "words", "expected"),
    [
        ("sundheds-", "aftalen gælder", set(), "sundhedsaftalen gælder"),
        ("IV-", "behandling", set(), "IV-behandling"),
        ("social-", "og sundhed", set(), "social- og sundhed"),
        ("hjerte-", "kar-sygdomme", {"hjerte-kar-sygdomme"}, "hjerte-kar-sygdomme"),
        ("hjerte-", "karsygdom", {"hjerte-karsygdom"}, "hjerte-karsygdom"),
        ("ikraft-", "trædelse", {"ikrafttrædelse"}, "ikrafttrædelse"),
        ("2019-", "2023", set(), "2019-2023"),
        ("perioden 2019 -", "2023", set(), "perioden 2019 - 2023"),
        ("blød\u00ad", "bindingen", set(), "blødbindingen"),
        ("slut.", "Ny", set(), "slut. Ny"),
    ],
)
def test_join_mends_a_line_break(
    previous: str, following: str, words: set[str], expected: str
) -> None:
    assert expected == join(previous, following, words)


def test_the_metadata_title_is_the_title_unless_it_is_a_placeholder() -> None:
    assert "Referat (PDF)" == read_file("a.pdf", to_pdf(MINUTES)).title
    assert None is read_file("a.pdf", drawn_pdf([["Tekst."]])).title  # reportlab's "untitled"


def test_a_pdf_with_a_user_password_is_refused_as_encrypted() -> None:
    locked = encrypted(drawn_pdf([["Fortroligt referat."]]), user_password="hemmelig")
    with pytest.raises(EncryptedDocument, match=r"^e\.pdf: encrypted PDF: "):
        read_file("e.pdf", locked)


def test_a_pdf_restricted_only_by_an_owner_password_is_read() -> None:
    restricted = encrypted(drawn_pdf([["Offentligt referat."]]), user_password="")
    assert "Offentligt referat.\n" == read_file("r.pdf", restricted).text


def test_a_scanned_pdf_is_refused_with_what_to_do() -> None:
    with pytest.raises(NoTextLayer) as raised:
        read_file("scan.pdf", drawn_pdf([[], []], image=True))
    expected = "this PDF has no text layer (scanned?); export it with OCR or send the text"
    assert expected == raised.value.reason


def test_a_scanned_page_among_text_pages_is_named_in_the_warnings() -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in (drawn_pdf([["Side med tekst."]]), drawn_pdf([[]], image=True)):
        writer.append(PdfReader(io.BytesIO(part)))
    buffer = io.BytesIO()
    writer.write(buffer)
    source = read_file("blandet.pdf", buffer.getvalue())
    expected = ("Side med tekst.\n", ("page 2 has no text layer (scanned?): its text is missing",))
    assert expected == (source.text, source.warnings)


def test_a_pdf_cut_short_is_refused_as_corrupt() -> None:
    whole = drawn_pdf([["Tekst."]])
    with pytest.raises(CorruptDocument, match="damaged or cut short"):
        read_file("halv.pdf", whole[: len(whole) // 2])


def test_a_pdf_of_blank_pages_is_empty() -> None:
    with pytest.raises(EmptyDocument, match="no text"):
        read_file("blank.pdf", drawn_pdf([[], []]))


def _line(text: str, top: float, page: int) -> Line:
    return Line(text, 72, 300, top, top + 10, 10, page)


def test_a_lone_page_number_goes_but_a_year_at_the_foot_of_a_page_stays() -> None:
    pages = [
        [_line("Indledning om klyngen.", 100, 0), _line("1", 800, 0)],
        [_line("Sundhedsstyrelsen", 100, 1), _line("2021", 800, 1)],
    ]
    kept = drop_furniture(pages, [842, 842])
    assert [["Indledning om klyngen."], ["Sundhedsstyrelsen", "2021"]] == [
        [line.text for line in page] for page in kept
    ]
