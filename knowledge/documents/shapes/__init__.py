"""Document shapes: one parser module per shape behind one interface.

A parser says whether a text has its shape (`detect`) and turns it into a
`ParsedDocument` (`parse`). `parse_document` asks each parser in turn; a document no
parser recognises is refused whole. Adding a shape is adding one module to `PARSERS`.
"""

from __future__ import annotations

from typing import Protocol

from knowledge.core.errors import UnknownDocument
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


def parse_document(file: str, text: str) -> ParsedDocument:
    """Parse `text` (the content of `file`) with the first parser that recognises it."""
    if not text.strip():
        raise UnknownDocument(file, None, "the document is empty")
    for parser in parsers():
        if parser.detect(text):
            return parser.parse(file, text)
    raise UnknownDocument(
        file,
        1,
        "not a document shape Klyngebot knows (status report, initiative table, "
        "or meeting minutes); nothing was imported",
    )
