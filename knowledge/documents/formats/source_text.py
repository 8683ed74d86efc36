"""What every format reader returns (`SourceText`), and the one way structured formats are
written out as text (`Block`, `render`), so HTML, Word and PDF read the same way.

The text is plain text with light Markdown structure, one convention for every format:

- a heading is one line, `#` to `######` by level, then a space and the heading;
- a paragraph is a block of lines; a line break inside it (HTML `<br>`, a Word line break,
  a definition list's "term: value" lines) stays a single newline;
- a list item is one line, `- ` or `3. ` (also `a. `, `iv. `), indented two spaces per
  nesting level; the items of one list follow each other without blank lines;
- a table row is one line, its cells joined by ` | ` (a cell's own line breaks become
  spaces); a merged cell appears once: a cell spanning columns is one cell, a cell spanning
  rows is an empty cell in the rows below it so the columns still line up; trailing empty
  cells are dropped;
- blocks (a heading, a paragraph, a list, a table) are separated by one blank line, and the
  text ends with a newline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

Format = Literal["text", "markdown", "html", "docx", "pdf"]
BlockKind = Literal["heading", "paragraph", "item", "row"]


@dataclass(frozen=True)
class SourceText:
    """A document's text, the format it was read from, and what the format itself says.

    `pages` holds, for a PDF, the offset in `text` where each page starts (one entry per
    page, never decreasing); it is empty for the other formats. `date` is set only where
    the format carries a date that is the document's own (see each reader)."""

    text: str
    format: Format
    title: str | None = None
    date: date | None = None
    pages: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Block:
    """One heading, paragraph, list item or table row, its text already cleaned (`inline`).

    `level` is a heading's level (1-6) or a list item's nesting depth (0 = top). `group`
    tells two lists or two tables apart when they follow each other. `page` is the page the
    block starts on (PDF); `page_starts` holds (page, offset in `text`) for pages that begin
    inside the block (a paragraph running on from one page to the next)."""

    kind: BlockKind
    text: str
    level: int = 0
    marker: str = "-"
    group: int = 0
    page: int = 0
    page_starts: tuple[tuple[int, int], ...] = ()


_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2009\u200a\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_TIGHT = {"item", "row"}


def inline(text: str, *, keep_newlines: bool = True) -> str:
    """Text as it reads: every run of spaces (also non-breaking ones) one space, invisible
    characters (soft hyphens, zero-width spaces) gone, each line stripped, no empty lines."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return ("\n" if keep_newlines else " ").join(line for line in lines if line)


def _prefix(block: Block) -> str:
    if block.kind == "heading":
        return "#" * min(max(block.level, 1), 6) + " "
    if block.kind == "item":
        return "  " * block.level + block.marker + " "
    return ""


def _separator(previous: Block | None, block: Block) -> str:
    if previous is None:
        return ""
    tight = previous.kind == block.kind and block.kind in _TIGHT
    return "\n" if tight and previous.group == block.group else "\n\n"


def _line(block: Block) -> str:
    return block.text if block.kind == "paragraph" else block.text.replace("\n", " ")


def render(blocks: Iterable[Block], page_count: int = 0) -> tuple[str, tuple[int, ...]]:
    """The text of `blocks` and, when `page_count` is given, where each page starts."""
    parts: list[str] = []
    starts: dict[int, int] = {}
    position = 0
    previous: Block | None = None
    for block in blocks:
        if not block.text:
            continue
        separator, prefix = _separator(previous, block), _prefix(block)
        position += len(separator)
        starts.setdefault(block.page, position)
        for page, offset in block.page_starts:
            starts.setdefault(page, position + len(prefix) + offset)
        line = prefix + _line(block)
        parts += [separator, line]
        position += len(line)
        previous = block
    text = "".join(parts) + ("\n" if parts else "")
    return text, _page_offsets(starts, page_count, len(text))


def _page_offsets(starts: dict[int, int], page_count: int, end: int) -> tuple[int, ...]:
    offsets = [end] * page_count
    following = end
    for page in reversed(range(page_count)):  # a page with no text starts where the next does
        following = min(starts.get(page, following), following)
        offsets[page] = following
    return tuple(offsets)
