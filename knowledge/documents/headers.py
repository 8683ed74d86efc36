"""The comment header a saved document carries, and the lines that repeat on every page.

A page saved from the web or from a search often starts with comment lines: "# source:
URL", "# retrieved: 2026-12-07", "# partial: cut mid-word ...". They describe the file,
not the document: they never decide whether a document is accepted, the retrieval date is
not the document's date, and no section holds them. A comment line is "#", a lower-case
key and a colon; "# Referat" (a capital, no colon) is a Markdown heading and belongs to
the document.

Documents extracted from PDF repeat their page headers and footers in the text ("Side 3
af 12", the report's title on every page). `running_lines` finds such lines so that no
reader takes one for the document's title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_COMMENT = re.compile(r"[ \t]*#[ \t]*(?P<key>[a-zæøå][\w-]*)[ \t]*:[ \t]*(?P<value>.*?)\s*")
_PAGE_NUMBER = re.compile(
    r"(?:side\s+)?\d{1,3}(?:\s*(?:af|/|of)\s*\d{1,3})?|[-–]\s*\d{1,3}\s*[-–]", re.I
)
RUNNING_MIN = 3  # a line seen this often, identically, is a page header or footer
RUNNING_MAX_CHARS = 120


@dataclass(frozen=True)
class Header:
    """The comment lines above a document: `end` is where the document's own text starts."""

    end: int
    fields: tuple[tuple[str, str], ...] = ()

    def get(self, key: str) -> str | None:
        return next((value for name, value in self.fields if name == key), None)

    @property
    def source_url(self) -> str | None:
        url = self.get("source")
        return url if url and re.match(r"https?://", url) else None

    @property
    def partial(self) -> bool:
        """True when the header says the text is an excerpt ("# partial: ...")."""
        return self.get("partial") is not None


def read_header(text: str) -> Header:
    """The comment lines at the top of `text` (blank lines among them allowed)."""
    fields: list[tuple[str, str]] = []
    end = at = 0
    while at < len(text):
        newline = text.find("\n", at)
        stop = len(text) if newline < 0 else newline + 1
        line = text[at:stop]
        found = _COMMENT.fullmatch(line.rstrip("\n"))
        if found is not None:
            fields.append((found["key"].lower(), found["value"]))
            end = stop
        elif line.strip():
            break
        at = stop
    return Header(end if fields else 0, tuple(fields))


def running_lines(lines: Iterable[str]) -> frozenset[str]:
    """Short lines that repeat identically (page headers and footers) and page numbers."""
    counts = Counter(line for line in lines if line and len(line) <= RUNNING_MAX_CHARS)
    repeated = {line for line, count in counts.items() if count >= RUNNING_MIN}
    numbers = {line for line in counts if _PAGE_NUMBER.fullmatch(line)}
    return frozenset(repeated | numbers)
