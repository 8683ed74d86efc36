"""A PDF's lines as blocks: page headers and footers dropped, headings told by type size,
lines joined into paragraphs and list items, hyphenated line breaks mended.

Page furniture: a line in the top or bottom 15% of a page whose text (digits aside) recurs
there on more than half the pages (at least two) is a running header or footer; a lone page
number there ("3", "Side 3 af 7", "- 3 -") is dropped when it is within two of the page's
place in the file, or off from it by the same amount on two pages or more (unnumbered cover
pages); so "2021" wrapped to the foot of page 12 stays.

Headings: the body size is the type size most of the text is set in; a line set at least
15% larger (and under 200 characters) is a heading, its level the rank of its size among
the heading sizes (the largest is `#`). Bold at body size is not a heading here.

Paragraphs: a line continues the one above unless the gap between them is larger than the
document's usual line spacing, the type size changes, it starts with a bullet (an item) or
with a number and a capital ("2. Status", not "5. marts"), it is indented as a first line,
or the line above ended early (and not in a hyphen): when the next line's first word would
have fitted on it, the writer broke the line, not the layout. A paragraph runs on to the
next page when its last line ends without a full stop and the next page's first line starts
in lower case.

Hyphens at a line's end, in this order: a soft hyphen goes; a hyphenated word the document
writes elsewhere keeps its hyphen ("hjerte-kar-sygdom"), one it writes elsewhere joined is
joined; before "og", "eller", "samt", "til" the hyphen marks a shared ending and a space
follows ("social- og sundhedsområdet"); after a capital or digit in the part before it, a
one-letter part, or before a capital or digit, the hyphen is part of the word
("IV-behandling", "COVID-19", "e-mail", "Syd-Danmark"); otherwise two lower-case parts are
one word broken by the layout and are joined ("sundheds-\\naftale" -> "sundhedsaftale").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from knowledge.documents.formats.source_text import Block

EDGE_ZONE = 0.15


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int


@dataclass(frozen=True)
class TableRows:
    rows: tuple[tuple[str, ...], ...]
    top: float
    page: int


Item = Line | TableRows

_PAGE_NUMBER = re.compile(r"^[-–(]?\s*(side|page|s\.)?\s*#\s*((af|of|/)\s*#)?\s*[-–)]?$")
_BULLET = re.compile(r"^(?:[•◦▪▫‣●○■□–\-*·]|\(cid:\d+\)|[\uf0a7\uf0b7\uf076\uf0d8\uf0fc])\s+")
_NUMBERED = re.compile(r"^(?:\d{1,2}|[a-zA-Z])[.)]\s+[A-ZÆØÅ\d]")
_SHARED_ENDING = {"og", "eller", "samt", "til", "and", "or", "&"}
_HYPHEN_END = re.compile(r"(\w+)[-\u2010]$")
_WORD = re.compile(r"\w+(?:[-\u2010]\w+)*")
_SENTENCE_END = re.compile(r"[.!?:;]\W*$")


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def drop_furniture(pages: Sequence[Sequence[Line]], heights: Sequence[float]) -> list[list[Line]]:
    """The pages' lines without running headers, footers and page numbers."""
    edges = [_edge_lines(lines, height) for lines, height in zip(pages, heights, strict=True)]
    numbers = [line for edge in edges for line in edge if _PAGE_NUMBER.match(_key(line.text))]
    offsets = Counter(_number_offset(line) for line in numbers)
    counting = {o for o, n in offsets.items() if n >= 2} | {-1, 0, 1, 2, 3}
    seen = Counter(
        key for edge in edges for key in {_key(ln.text) for ln in edge if ln not in numbers}
    )
    repeated = {k for k, n in seen.items() if n >= 2 and 2 * n > len(pages)}

    def furniture(line: Line) -> bool:
        if line in numbers:
            return _number_offset(line) in counting
        return _key(line.text) in repeated

    return [
        [line for line in lines if line not in edge or not furniture(line)]
        for lines, edge in zip(pages, edges, strict=True)
    ]


def _number_offset(line: Line) -> int:
    """How far a page number is from the page's place in the file (0 when page 1 says 1)."""
    return int(re.findall(r"\d+", line.text)[0]) - line.page


def _edge_lines(lines: Sequence[Line], height: float) -> set[Line]:
    ordered = sorted(lines, key=lambda line: line.top)
    top = [line for line in ordered[:2] if line.bottom < height * EDGE_ZONE]
    bottom = [line for line in ordered[-2:] if line.top > height * (1 - EDGE_ZONE)]
    return set(top + bottom)


def body_size(lines: Iterable[Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def heading_levels(lines: Iterable[Line], body: float) -> dict[float, int]:
    """Type size -> heading level, for the sizes clearly larger than the body's."""
    sizes = {round(ln.size * 2) / 2 for ln in lines if _is_heading_size(ln, body)}
    return {size: min(rank, 6) for rank, size in enumerate(sorted(sizes, reverse=True), 1)}


def _is_heading_size(line: Line, body: float) -> bool:
    return line.size >= body * 1.15 and len(line.text) <= 200


def leading(lines: Sequence[Line]) -> float:
    """The usual distance from one line's top to the next's within a paragraph."""
    pitches = sorted(
        round(b.top - a.top, 1)
        for a, b in pairwise(lines)
        if a.page == b.page and abs(a.size - b.size) < 0.5 and 0 < b.top - a.top < 3 * a.size
    )
    return pitches[len(pitches) // 4] if len(pitches) >= 5 else 0.0  # too few to tell


def vocabulary(lines: Iterable[Line]) -> set[str]:
    return {word.lower() for line in lines for word in _WORD.findall(line.text)}


def join(previous: str, following: str, words: set[str] | frozenset[str] = frozenset()) -> str:
    """Two lines of one paragraph as one, mending a hyphenated line break (see module)."""
    if previous.endswith("\u00ad"):
        return previous[:-1] + following
    found = _HYPHEN_END.search(previous)
    if found is None or not following:
        return f"{previous} {following}"
    stem, first = found[1], following.split(" ", 1)[0]
    head = _WORD.match(following)
    tail = head[0] if head else ""
    if f"{stem}-{tail}".lower() in words:
        return previous + following
    if f"{stem}{tail}".lower() in words:
        return previous[:-1] + following
    if first.lower() in _SHARED_ENDING:
        return f"{previous} {following}"
    if _part_of_word(stem, following):
        return previous + following
    return previous[:-1] + following


def _part_of_word(stem: str, following: str) -> bool:
    return (
        len(stem) == 1
        or any(c.isupper() or c.isdigit() for c in stem)
        or not following[0].islower()
    )


@dataclass
class _Open:
    """The block being built: its kind, text so far and the line that last joined it."""

    block: Block
    first: Line
    last: Line
    starts: list[tuple[int, int]] = field(default_factory=list)


class BlockBuilder:
    """Lines and tables, page by page in reading order, into blocks."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.body = body_size(lines)
        self.levels = heading_levels(lines, self.body)
        self.leading = leading([ln for ln in lines if round(ln.size * 2) / 2 == self.body])
        self.words = vocabulary(lines)
        self.blocks: list[Block] = []
        self._open: _Open | None = None
        self._tables = 0
        ends = sorted(ln.x1 for ln in lines if round(ln.size * 2) / 2 == self.body)
        self._right = ends[len(ends) * 9 // 10] if ends else 0.0  # the text's right margin

    def add(self, item: Item) -> None:
        if isinstance(item, TableRows):
            self._close()
            self._tables += 1
            self.blocks += [
                Block("row", " | ".join(r), group=self._tables, page=item.page) for r in item.rows
            ]
        elif self._open is not None and self._continues(self._open, item):
            self._extend(self._open, item)
        else:
            self._close()
            self._open = _Open(self._start(item), item, item)

    def finish(self) -> list[Block]:
        self._close()
        return self.blocks

    def _level(self, line: Line) -> int | None:
        return (
            self.levels.get(round(line.size * 2) / 2) if _is_heading_size(line, self.body) else None
        )

    def _start(self, line: Line) -> Block:
        level = self._level(line)
        if level is not None:
            return Block("heading", line.text, level=level, page=line.page)
        bullet = _BULLET.match(line.text)
        if bullet:
            return Block("item", line.text[bullet.end() :], page=line.page, group=self._tables)
        return Block("paragraph", line.text, page=line.page)

    def _continues(self, open_: _Open, line: Line) -> bool:
        last, kind = open_.last, open_.block.kind
        if self._level(line) != self._level(last):
            return False
        if line.page != last.page:
            return kind == "paragraph" and self._runs_on(open_, line)
        if (
            not self._close_below(last, line)
            or _BULLET.match(line.text)
            or _NUMBERED.match(line.text)
        ):
            return False
        if kind == "heading":
            return True
        if kind == "paragraph" and line.x0 > open_.first.x0 + line.size:
            return False  # an indented first line starts a paragraph
        return not self._ended_early(last, line)

    def _close_below(self, last: Line, line: Line) -> bool:
        pitch = line.top - last.top
        usual = self.leading or self.body * 1.2
        return abs(line.size - last.size) < 0.5 and 0 < pitch <= usual * 1.3 + 0.5

    def _ended_early(self, last: Line, line: Line) -> bool:
        if _HYPHEN_END.search(last.text) or last.text.endswith("\u00ad"):
            return False  # a word broken at the line's end: the layout broke it
        first_word = line.text.split(" ", 1)[0]
        room = self._right - last.x1
        return room > (len(first_word) + 2) * 0.55 * line.size

    def _runs_on(self, open_: _Open, line: Line) -> bool:
        return (
            not _SENTENCE_END.search(open_.block.text)
            and line.text[:1].islower()
            and abs(line.size - open_.last.size) < 0.5
        )

    def _extend(self, open_: _Open, line: Line) -> None:
        joined = join(open_.block.text, line.text, self.words)
        if line.page != open_.last.page:
            open_.starts.append((line.page, len(joined) - len(line.text)))
        open_.block = replace(open_.block, text=joined)
        open_.last = line

    def _close(self) -> None:
        if self._open is not None:
            self.blocks.append(replace(self._open.block, page_starts=tuple(self._open.starts)))
        self._open = None
