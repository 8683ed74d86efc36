"""A PDF with a text layer as text: lines in reading order (top to bottom), tables that
have ruling lines as rows, the layout rules of `pdf_lines`; `SourceText.pages` says where
each page starts in the text. Password-protected and scanned PDFs are refused with what to
do instead; a PDF that opens without a password (only copying or printing restricted) is
read.

Why pdfplumber (on pdfminer.six): it gives every character with its position, font and
size, which running headers, headings by type size, paragraphs and the hyphenation rules
need, and it finds ruled tables. pypdf was measured beside it (benchmarks/formats.py
--compare-pypdf: generated minutes of one to five pages, 158 against 13 documents a second,
about 12 times faster) but its text comes in the order the content stream draws it (a page
footer before the page's text, a table's cells one per line) with no type sizes to tell a
heading by, so every rule here would be a guess. At 13-19 pages a second a secretariat's
30-page PDF takes about two seconds, and memory stays flat (a 96-page PDF peaks at about
7 MiB of Python allocations: each page is released once read).

Title: the metadata's Title, unless it is a word processor's placeholder ("Microsoft Word -
referat.docx", a file name). Date: none; CreationDate is when the file was exported, not
the document's date (see `word` for the same reasoning).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.utils import decode_text
from pdfplumber.utils.exceptions import PdfminerException

from knowledge.core.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    NoTextLayer,
    UnreadableFile,
)
from knowledge.documents.formats.pdf_lines import (
    BlockBuilder,
    Item,
    Line,
    TableRows,
    drop_furniture,
)
from knowledge.documents.formats.source_text import Block, SourceText, inline, render

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})
_UNMAPPED = re.compile(r"\(cid:\d+\)")
_PLACEHOLDER_TITLE = re.compile(
    r"^(microsoft (word|powerpoint) - |untitled|unavngivet)|\.(docx?|pdf|indd|rtf|odt)$",
    re.IGNORECASE,
)


def read_pdf(name: str, data: bytes) -> SourceText:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return _read(name, pdf)
    except UnreadableFile:
        raise
    except Exception as error:  # pdfminer raises many kinds of errors on a damaged file
        cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
        if isinstance(cause, PDFPasswordIncorrect):
            raise EncryptedDocument(
                name, "encrypted PDF: it needs a password to open; send it without the password"
            ) from None
        what = f"{type(cause).__name__}: {cause}"[:200]
        raise CorruptDocument(name, f"the PDF is damaged or cut short ({what})") from None


def _read(name: str, pdf: Any) -> SourceText:
    pages, tables, heights, warnings, images = [], [], [], [], 0
    for number, page in enumerate(pdf.pages):
        found = _page_tables(page, number)
        lines = [ln for ln in _lines(page, number) if not _inside(ln, found)]
        if not lines and not found and page.images:
            warnings.append(f"page {number + 1} has no text layer (scanned?): its text is missing")
        images += len(page.images)
        pages.append(lines)
        tables.append([table for table, _ in found])
        heights.append(float(page.height))
        page.close()
    if not any(pages) and not any(tables):
        if images:
            raise NoTextLayer(
                name, "this PDF has no text layer (scanned?); export it with OCR or send the text"
            )
        raise EmptyDocument(name, "the PDF has no text")
    if len(warnings) == len(pages):
        warnings = []
    pages = drop_furniture(pages, heights)
    text, offsets = render(_blocks(pages, tables), len(pages))
    return SourceText(text, "pdf", _title(pdf.metadata), None, offsets, tuple(warnings))


def _lines(page: Any, number: int) -> Iterator[Line]:
    for found in page.extract_text_lines(return_chars=True, strip=True):
        text = inline(_UNMAPPED.sub(_bullet_or_nothing(found["text"]), found["text"]))
        text = text.translate(_LIGATURES)
        if not text:
            continue
        sizes = [round(float(c["size"]), 1) for c in found["chars"] if not c["text"].isspace()]
        size = max(set(sizes), key=sizes.count) if sizes else 0.0
        yield Line(text, found["x0"], found["x1"], found["top"], found["bottom"], size, number)


def _bullet_or_nothing(text: str) -> Any:
    """A glyph with no text mapping is a bullet at the start of a line, else dropped."""

    def replace(match: re.Match[str]) -> str:
        return "•" if match.start() == 0 and text[match.end() : match.end() + 1] == " " else ""

    return replace


def _page_tables(page: Any, number: int) -> list[tuple[TableRows, tuple[float, ...]]]:
    if not (page.rects or page.lines or page.curves):
        return []  # tables are found by their ruling lines; finding none is costly
    found = []
    for table in page.find_tables():
        rows = []
        for row in table.extract():
            cells = [inline(cell or "", keep_newlines=False) for cell in row]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                rows.append(tuple(cells))
        if len(rows) > 1 or (rows and len(rows[0]) > 1):  # a single box is a frame, not a table
            found.append((TableRows(tuple(rows), float(table.bbox[1]), number), table.bbox))
    return found


def _inside(line: Line, tables: list[tuple[TableRows, tuple[float, ...]]]) -> bool:
    middle_x, middle_y = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return any(
        x0 <= middle_x <= x1 and top <= middle_y <= bottom for _, (x0, top, x1, bottom) in tables
    )


def _blocks(pages: list[list[Line]], tables: list[list[TableRows]]) -> list[Block]:
    builder = BlockBuilder([line for lines in pages for line in lines])
    for lines, page_tables in zip(pages, tables, strict=True):
        items: list[Item] = [*lines, *page_tables]
        for item in sorted(items, key=lambda i: i.top):
            builder.add(item)
    return builder.finish()


def _title(metadata: dict[str, Any]) -> str | None:
    raw = metadata.get("Title")
    title = decode_text(raw) if isinstance(raw, bytes) else raw if isinstance(raw, str) else ""
    title = inline(title, keep_newlines=False)
    return None if not title or _PLACEHOLDER_TITLE.search(title) else title
