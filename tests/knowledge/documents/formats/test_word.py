"""A Word document reads as its body: headings by style, lists, tables; no page furniture."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE

from knowledge.core.errors import CorruptDocument
from knowledge.documents.formats import read_file
from tests.knowledge.documents.formats.documents import (
    MINUTES,
    set_outline_level,
    to_docx,
    to_text,
    tracked_change,
    word,
)


def test_a_docx_reads_as_the_same_text_the_sample_writes() -> None:
    source = read_file("referat.docx", to_docx(MINUTES))
    assert (to_text(MINUTES), "docx") == (source.text, source.format)


def test_headers_and_footers_are_left_out() -> None:
    def build(document: Document) -> None:
        document.sections[0].header.paragraphs[0].text = "Sidehoved"
        document.sections[0].footer.paragraphs[0].text = "Side 1 af 1"
        document.add_paragraph("Brødtekst.")

    assert "Brødtekst.\n" == read_file("a.docx", word(build)).text


def test_headings_by_danish_style_names_and_outline_levels() -> None:
    def build(document: Document) -> None:
        document.styles.add_style("Overskrift 2", WD_STYLE_TYPE.PARAGRAPH)
        based = document.styles.add_style("Mit punkt", WD_STYLE_TYPE.PARAGRAPH)
        based.base_style = document.styles["Heading 3"]
        document.add_paragraph("Afsnit med dansk typografi", style="Overskrift 2")
        document.add_paragraph("Afsnit med egen typografi", style="Mit punkt")
        set_outline_level(document.add_paragraph("Afsnit med dispositionsniveau"), 0)
        document.add_paragraph("Fed kort linje").runs[0].bold = True

    expected = (
        "## Afsnit med dansk typografi\n\n### Afsnit med egen typografi\n\n"
        "# Afsnit med dispositionsniveau\n\nFed kort linje\n"
    )
    assert expected == read_file("a.docx", word(build)).text


def test_a_title_sets_the_headings_below_it_and_is_the_documents_title() -> None:
    def build(document: Document) -> None:
        document.add_paragraph("Sundhedsaftale for klyngen", style="Title")
        document.add_heading("Formål", 1)
        document.add_heading("Mål", 2)

    source = read_file("a.docx", word(build))
    expected = (
        "# Sundhedsaftale for klyngen\n\n## Formål\n\n### Mål\n",
        "Sundhedsaftale for klyngen",
    )
    assert expected == (source.text, source.title)


def test_the_core_properties_title_wins_and_their_dates_are_not_the_documents() -> None:
    def build(document: Document) -> None:
        document.core_properties.title = "Samarbejdsaftale om genoptræning"
        document.add_paragraph("Tekst.")

    source = read_file("a.docx", word(build))
    assert ("Samarbejdsaftale om genoptræning", None) == (source.title, source.date)


def test_numbered_lists_count_per_list_and_level() -> None:
    def build(document: Document) -> None:
        for text, style in [
            ("Første", "List Number"),
            ("Andet", "List Number"),
            ("Et punkt", "List Bullet"),
            ("Tredje", "List Number"),
        ]:
            document.add_paragraph(text, style=style)

    assert (
        "1. Første\n2. Andet\n\n- Et punkt\n\n3. Tredje\n" == read_file("a.docx", word(build)).text
    )


def test_merged_cells_appear_once_and_columns_line_up() -> None:
    def build(document: Document) -> None:
        table = document.add_table(rows=3, cols=3)
        for r, row in enumerate(
            [["Område", "", "Status"], ["Akut", "Team", "I gang"], ["", "Plan", "Klar"]]
        ):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
        table.cell(0, 0).merge(table.cell(0, 1))  # across
        table.cell(1, 0).merge(table.cell(2, 0))  # down

    expected = "Område | Status\nAkut | Team | I gang\n | Plan | Klar\n"
    assert expected == read_file("a.docx", word(build)).text


def test_line_breaks_stay_and_tracked_changes_read_as_accepted() -> None:
    def build(document: Document) -> None:
        paragraph = document.add_paragraph("Tid: 13.00")
        paragraph.add_run().add_break()
        paragraph.add_run("Sted: Sundhedshuset")
        tracked_change(paragraph, " (flyttet)", deleted=False)
        tracked_change(paragraph, " (aflyst)", deleted=True)

    assert "Tid: 13.00\nSted: Sundhedshuset (flyttet)\n" == read_file("a.docx", word(build)).text


def test_a_damaged_docx_is_refused_as_corrupt() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("word/document.xml", "<w:document")
    with pytest.raises(CorruptDocument, match="cannot be read"):
        read_file("skadet.docx", buffer.getvalue())
