"""A saved web page reads as its main content, without the site around it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from knowledge.documents.formats import read_file
from knowledge.documents.formats.source_text import SourceText

PAGES = Path(__file__).parent / "pages"


def _read(page: str) -> SourceText:
    return read_file(page, (PAGES / page).read_bytes())


def test_a_page_with_main_keeps_its_content_and_structure() -> None:
    expected = """\
# Referat fra Klyngeforum Vest

Publiceret 12. marts 2024

Tid og sted:
Tirsdag den 5. marts 2024 kl. 13.00–15.30
Mødelokale Fjorden, Sundhedshuset

Mødeleder: Anne Holm, klyngeformand
Referent: Bo Lund

## 1. Godkendelse af dagsorden

Dagsordenen blev godkendt uden bemærkninger.

## 2. Status på fælles indsatser

Sekretariatet gav status på klyngens tre indsatser. Der blev spurgt til bemandingen.

Indsats | Status | Ansvarlig
Tidlig opsporing | I gang i to kommuner | Kommunerne
 | Evaluering i 2025 | Sekretariatet
Afsluttede indsatser
Fælles akutteam | Afsluttet | Regionen

### Beslutning

- Forummet tog status til efterretning.
- Sekretariatet følger op på:
  1. bemandingen
  2. økonomien

Næste møde: 4. juni 2024.
"""
    assert expected == _read("referat.html").text


def test_boilerplate_around_main_is_dropped() -> None:
    text = _read("referat.html").text
    site = ("cookies", "Spring til", "Forside", "Søg", "Facebook", "Privatliv")
    left_in = [word for word in site if word in text]
    assert [] == left_in


def test_title_and_published_date_come_from_the_page_not_its_modification() -> None:
    source = _read("referat.html")
    assert ("html", "Referat fra Klyngeforum Vest", date(2024, 3, 12)) == (
        source.format,
        source.title,
        source.date,
    )


def test_without_main_link_lists_are_dropped_by_link_density() -> None:
    source = _read("nyhed.html")
    assert [
        "# Ny aftale om genoptræning",
        "Kommunen og regionen har indgået en aftale om genoptræning efter udskrivning. "
        "Aftalen træder i kraft den 1. januar 2024 og gælder i tre år.",
        "Aftalen blev godkendt i sundhedsudvalget i november. Læs hele aftalen her.",
        "## Hvad betyder det for borgerne?",
        "Borgere får en genoptræningsplan med sig hjem, og kommunen tager kontakt inden for fem "
        "hverdage.",
    ] == source.text.strip().split("\n\n")
    assert date(2023, 11, 20) == source.date


def test_a_form_wrapping_the_whole_page_is_not_dropped_and_layout_tables_are_read() -> None:
    source = _read("webforms.html")
    expected = (
        "# Sundhedsudvalget\n\nUdvalget mødes fire gange om året. Formand er Ida Krogh.\n\n"
        "## Medlemmer\n\nIda Krogh (formand)\nJens Bak\nSara Ø. Nielsen\n"
    )
    assert (expected, "Sundhedsudvalget") == (source.text, source.title)


def test_a_page_in_windows_1252_is_decoded_by_its_meta_charset() -> None:
    page = '<head><meta charset="windows-1252"></head><body><p>Møde i Åbenrå – “nu”</p></body>'
    source = read_file("side.html", page.encode("cp1252"))
    assert "Møde i Åbenrå – “nu”\n" == source.text


def test_a_table_cell_spanning_rows_leaves_an_empty_cell_in_each_row_below() -> None:
    page = (
        "<main><table><tr><td rowspan=3>A</td><td>1</td><td rowspan=2>X</td></tr>"
        "<tr><td>2</td></tr><tr><td>3</td><td>Y</td></tr></table></main>"
    )
    assert "A | 1 | X\n | 2\n | 3 | Y\n" == read_file("t.html", page.encode()).text


def test_an_article_heading_outside_the_article_is_kept_as_the_title() -> None:
    page = "<body><div><h1>Klynge Nord</h1></div><article><p>Om klyngen.</p></article></body>"
    source = read_file("k.html", page.encode())
    assert ("# Klynge Nord\n\nOm klyngen.\n", "Klynge Nord") == (source.text, source.title)


def test_hidden_elements_and_skip_links_are_dropped() -> None:
    page = (
        '<body><a href="#main">Gå til indhold</a><main id="main"><p hidden>Skjult</p>'
        '<p style="display: none">Væk</p><p aria-hidden="true">Ikon</p><p>Synlig tekst</p>'
        "</main></body>"
    )
    assert "Synlig tekst\n" == read_file("h.html", page.encode()).text


def test_comments_pre_and_lettered_lists() -> None:
    page = (
        "<main><p>Før<!-- skjult -->efter &amp; mere</p><pre>linje 1\n  linje 2</pre>"
        "<ol type=a><li>x</li><li>y</li></ol></main>"
    )
    assert (
        "Førefter & mere\n\nlinje 1\nlinje 2\n\na. x\nb. y\n"
        == read_file("a.html", page.encode()).text
    )


def test_xhtml_with_an_xml_declaration_is_read() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
    page += "<body><h1>Klynge</h1><p>Tekst</p></body></html>"
    assert "# Klynge\n\nTekst\n" == read_file("a.xhtml", page.encode()).text
