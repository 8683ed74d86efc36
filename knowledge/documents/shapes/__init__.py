"""Document shapes: precise readers for the layouts Klyngebot was first built from.

Every document is read by the general reader (`knowledge.documents.reader`), which
decides acceptance: any text with content is accepted, at worst as sections only. A shape
parser says whether a text has its layout (`detect`) and reads it precisely (`parse`);
when one recognises the document, its records are merged with the general reader's
(`knowledge.documents.merge`): the precise record wins for the same item or meeting, the
general reader adds what the shape does not read (sections, bodies, members, key dates,
items and meetings outside the shape's rules). A shape parser that finds the layout but
cannot read it leaves the document to the general reader. Comment lines above the text
("# source: ...") are blanked before a shape parser sees it, so they never hide a layout
and line numbers and spans stay those of the file.
"""

from __future__ import annotations

import re
from typing import Protocol

from knowledge.core.errors import DocumentInvalid
from knowledge.core.periods import Period
from knowledge.documents.headers import read_header
from knowledge.documents.merge import merged
from knowledge.documents.reader import read_document
from knowledge.documents.records import ParsedDocument


class DocumentParser(Protocol):
    name: str

    def detect(self, text: str) -> bool:
        """True when the text has this parser's shape (cheap; no full parse)."""
        ...

    def parse(self, file: str, text: str) -> ParsedDocument:
        """Read the whole document; raise DocumentInvalid naming the line on bad content."""
        ...


def parsers() -> tuple[DocumentParser, ...]:
    # Imported here so that a parser module can import from this package freely.
    from knowledge.documents.shapes import (
        initiative_table,
        minutes_markdown,
        minutes_plain,
        minutes_toc,
        status_report,
    )

    return (
        initiative_table.PARSER,
        minutes_markdown.PARSER,
        minutes_toc.PARSER,
        minutes_plain.PARSER,
        status_report.PARSER,
    )


def parse_document(
    file: str,
    text: str,
    *,
    title: str | None = None,
    document_date: Period | None = None,
    format: str = "text",
) -> ParsedDocument:
    """Read `text` (the content of `file`): the general reader, merged with the precise
    reader of a shape that recognises it. Raises UnknownDocument only for an empty text."""
    general = read_document(file, text, title=title, document_date=document_date, format=format)
    body = blank_header(text)
    for parser in parsers():
        if parser.detect(body):
            try:
                precise = parser.parse(file, body)
            except DocumentInvalid:
                return general
            return merged(precise, general)
    return general


def blank_header(text: str) -> str:
    """The text with its comment header replaced by spaces (newlines kept)."""
    end = read_header(text).end
    return re.sub(r"[^\n]", " ", text[:end]) + text[end:]
