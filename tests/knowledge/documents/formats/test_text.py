"""Plain text and Markdown pass through; encodings other than UTF-8 are read and named."""

from __future__ import annotations

import codecs

from knowledge.documents.formats import SourceText, read_file

SAMPLE = (
    "# kilde: eget notat\nSamarbejdsaftale om akutfunktioner\n\nStatus: i gang – møde 5. marts.\n"
)


def test_plain_text_passes_through_unchanged() -> None:
    assert SourceText(SAMPLE, "text") == read_file("notat.txt", SAMPLE.encode())


def test_markdown_is_told_from_text_by_its_name() -> None:
    assert ("markdown", SAMPLE) == (lambda s: (s.format, s.text))(
        read_file("notat.md", SAMPLE.encode())
    )


def test_line_endings_no_break_spaces_and_the_bom_are_normalised() -> None:
    raw = codecs.BOM_UTF8 + "Møde\r\nden 5.\u00a0marts\rkl. 13\n".encode()
    assert "Møde\nden 5. marts\nkl. 13\n" == read_file("a.txt", raw).text


def test_spans_are_the_sources_own_after_line_endings() -> None:
    source = "Indsats: Tidlig opsporing\r\nStatus: i gang\r\n"
    text = read_file("a.txt", source.encode()).text
    start = source.replace("\r\n", "\n").index("Status")
    assert "Status: i gang" == text[start : start + len("Status: i gang")]


def test_windows_1252_is_read_and_named_in_the_warnings() -> None:
    source = read_file("a.txt", "Sundhedsaftale for “Østklyngen” – år 2025".encode("cp1252"))
    warnings = ("not UTF-8: read as Windows-1252 (cp1252)",)
    assert ("Sundhedsaftale for “Østklyngen” – år 2025", warnings) == (source.text, source.warnings)


def test_latin_1_is_used_where_windows_1252_has_holes() -> None:
    source = read_file("a.txt", b"\xc6ble og p\xe6re\x81")
    assert ("Æble og pære\x81", ("not UTF-8: read as Latin-1 (ISO-8859-1)",)) == (
        source.text,
        source.warnings,
    )


def test_mostly_utf8_with_a_bad_byte_stays_utf8() -> None:
    raw = "Første møde på Sønderborg Sygehus, større sal".encode() + b"\xff"
    source = read_file("a.txt", raw)
    assert "Første møde på Sønderborg Sygehus, større sal\ufffd" == source.text
    assert 1 == len(source.warnings)


def test_utf16_with_a_byte_order_mark_is_read() -> None:
    source = read_file("a.txt", "Klynge Øst".encode("utf-16"))
    assert ("Klynge Øst", ("read as UTF-16 (byte-order mark)",)) == (source.text, source.warnings)


def test_a_pdf_name_on_a_text_file_reads_as_text_and_says_so() -> None:
    source = read_file("referat.pdf", b"Referat\n")
    assert ("text", ("the file is named .pdf but holds text: read as text",)) == (
        source.format,
        source.warnings,
    )


def test_a_txt_file_holding_a_web_page_reads_as_html() -> None:
    page = b"<!DOCTYPE html><html><body><main><h1>Klynge</h1><p>Tekst</p></main></body></html>"
    assert ("html", "# Klynge\n\nTekst\n") == (lambda s: (s.format, s.text))(
        read_file("side.txt", page)
    )
