"""One document being read: its text, lines, sections and what is known about it so far.

The readers of items, meetings, bodies and members all work on one `Reading`, so the text
is cut into lines and sections once and every record can say where it was read
(`source`): the file, the heading path and the character span.

Readers that look for names and sentences search `plain`: the lines' text without markup,
one line per line, so a name is never split by a tag. `line_of_plain` maps a place in it
back to its line, whose span in the document is the provenance.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from knowledge.core.periods import Period
from knowledge.documents.headers import Header
from knowledge.documents.layout import Line
from knowledge.documents.records import Source
from knowledge.documents.sections import Heading, Outline


@dataclass(frozen=True)
class Reading:
    file: str
    text: str
    header: Header
    outline: Outline
    title: str
    date: Period | None  # the document's own date
    region: str | None = None
    cluster: str | None = None
    plain: str = field(default="", repr=False)
    plain_starts: tuple[int, ...] = field(default=(), repr=False)  # per line, in `plain`

    @property
    def lines(self) -> tuple[Line, ...]:
        return self.outline.lines

    @property
    def year(self) -> int | None:
        return self.date.start.year if self.date else None

    def source(self, start: int, end: int) -> Source:
        """Where the text at [start, end) was read: its section's heading path and the span."""
        line = self.line_at(start)
        path = self.outline.section_at(line).path
        return Source(self.file, path[-1] if path else self.title, path, start, end)

    def line_source(self, line: Line) -> Source:
        return self.source(line.start, line.end)

    def heading_source(self, heading: Heading, end: int) -> Source:
        return Source(self.file, heading.title, heading.path, heading.line.start, end)

    def line_at(self, offset: int) -> Line:
        """The line holding character `offset` (the last line for the text's end)."""
        lines = self.outline.lines
        low, high = 0, len(lines) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if lines[middle].start <= offset:
                low = middle
            else:
                high = middle - 1
        return lines[low]

    def plain_span(self, line: Line) -> tuple[int, int]:
        start = self.plain_starts[line.index]
        return start, start + len(line.text)

    def line_of_plain(self, offset: int) -> Line:
        return self.lines[max(0, bisect.bisect_right(self.plain_starts, offset) - 1)]


def plain_text(lines: tuple[Line, ...]) -> tuple[str, tuple[int, ...]]:
    """The lines' plain text joined by newlines, and where each line starts in it."""
    starts: list[int] = []
    at = 0
    for line in lines:
        starts.append(at)
        at += len(line.text) + 1
    return "\n".join(line.text for line in lines), tuple(starts)
