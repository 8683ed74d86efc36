"""Tables in a document's text: tab-, pipe- or HTML-separated rows, read as cells.

A table is a run of rows (blank lines between rows allowed). A row with one filled cell
just before a header row is the next table's caption, as is the heading or line above
the table. The first row is the header when it names columns: words, or years and "I alt"
above numbers. Readers ask a table for a column by the words its header uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.core.names import fold
from knowledge.documents.layout import Line, cells
from knowledge.documents.reading import Reading

_NUMBER = re.compile(r"^-?[\d.,]+%?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class Row:
    line: Line
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    caption: str
    header: Row | None
    rows: tuple[Row, ...]

    def column(self, *words: str) -> int | None:
        """The first column whose header starts with one of `words` (folded)."""
        if self.header is None:
            return None
        for at, cell in enumerate(self.header.cells):
            if fold(cell).startswith(tuple(fold(word) for word in words)):
                return at
        return None

    def years(self) -> dict[int, int]:
        """Header columns that are years: column -> year."""
        if self.header is None:
            return {}
        return {at: int(cell) for at, cell in enumerate(self.header.cells) if _YEAR.match(cell)}


def tables(reading: Reading) -> list[Table]:
    found: list[Table] = []
    run: list[Row] = []
    caption = ""
    last_text = ""
    lines = reading.lines
    for at, line in enumerate(lines):
        if line.table:
            row = Row(line, tuple(cells(line.raw)))
            if sum(1 for cell in row.cells if cell) == 1 and _header_follows(lines, at):
                if run:
                    found.append(_table(caption, run))
                run, caption = [], next(cell for cell in row.cells if cell)
                continue
            if not run:
                caption = caption or last_text
            run.append(row)
        elif not line.blank:
            if run:
                found.append(_table(caption, run))
                run = []
            caption, last_text = "", line.text
    if run:
        found.append(_table(caption, run))
    return found


def _header_follows(lines: tuple[Line, ...], at: int) -> bool:
    following = next((line for line in lines[at + 1 :] if not line.blank), None)
    return following is not None and following.table and _is_header(tuple(cells(following.raw)))


def _table(caption: str, rows: list[Row]) -> Table:
    if rows and _is_header(rows[0].cells):
        return Table(caption, rows[0], tuple(rows[1:]))
    return Table(caption, None, tuple(rows))


def _is_header(row: tuple[str, ...]) -> bool:
    filled = [cell for cell in row if cell]
    if len(filled) < 2:
        return False
    numbers = [cell for cell in filled if _NUMBER.match(cell) and not _YEAR.match(cell)]
    return not numbers and all(len(cell) <= 60 for cell in filled)
