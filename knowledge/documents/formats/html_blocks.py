"""An HTML element's content as `Block`s: headings, paragraphs (with `<br>` as a line
break), lists (`ol` numbered from its `start`, nested lists indented), definition lists as
"term: value" lines, and tables with `colspan`/`rowspan` laid on a grid. A table used for
layout (one holding headings or other tables) is read as the blocks in its cells."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from knowledge.documents.formats.numbering import marker
from knowledge.documents.formats.source_text import Block, inline

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hr", "li", "main",
    "p", "section", "summary", "caption", "td", "th", "tr", "tbody", "thead", "tfoot",
}  # fmt: skip
_WHITESPACE = re.compile(r"\s+")
_MAX_SPAN = 100


def _tag(element: HtmlElement) -> str:
    return element.tag if isinstance(element.tag, str) else ""


def _raw(text: str | None) -> str:
    return _WHITESPACE.sub(" ", text) if text else ""


def _nearest(element: HtmlElement, tags: tuple[str, ...]) -> HtmlElement | None:
    return next(element.iterancestors(*tags), None)


def inline_text(element: HtmlElement, *, skip: frozenset[str] = frozenset()) -> str:
    """The element's text with `<br>` as newlines and block children set apart by spaces."""
    return inline("".join(_pieces(element, skip)))


def _pieces(element: HtmlElement, skip: frozenset[str]) -> Iterator[str]:
    yield _raw(element.text)
    for child in element:
        tag = _tag(child)
        if tag == "br":
            yield "\n"
        elif tag and tag not in skip:
            gap = " " if tag in BLOCK_TAGS or tag in HEADINGS else ""
            yield gap
            yield from _pieces(child, skip)
            yield gap
        yield _raw(child.tail)


def _span(cell: HtmlElement, attribute: str) -> int:
    value = (cell.get(attribute) or "1").strip()
    return min(max(int(value), 1), _MAX_SPAN) if value.isdigit() else 1


class BlockWriter:
    """Walks elements in document order and collects their blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buffer: list[str] = []
        self._groups = 0

    def element(self, element: HtmlElement) -> None:
        tag = _tag(element)
        if tag in HEADINGS:
            self._flush()
            self._add(Block("heading", inline_text(element, skip=frozenset()), level=int(tag[1])))
        elif tag in ("ul", "ol"):
            self._flush()
            self._groups += 1
            self._list(element, 0)
        elif tag == "table":
            self._flush()
            self._table(element)
        elif tag == "dl":
            self._flush()
            self._add(Block("paragraph", inline("\n".join(_definitions(element)))))
        elif tag == "pre":
            self._flush()
            self._add(Block("paragraph", inline(element.text_content())))
        elif tag == "br":
            self._buffer.append("\n")
        elif tag in BLOCK_TAGS:
            self._flush()
            self.children(element)
            self._flush()
        elif tag:
            self.children(element)

    def children(self, element: HtmlElement) -> None:
        self._buffer.append(_raw(element.text))
        for child in element:
            self.element(child)
            self._buffer.append(_raw(child.tail))

    def finish(self) -> list[Block]:
        self._flush()
        return self.blocks

    def _add(self, block: Block) -> None:
        if block.text:
            self.blocks.append(block)

    def _flush(self) -> None:
        self._add(Block("paragraph", inline("".join(self._buffer))))
        self._buffer.clear()

    def _list(self, element: HtmlElement, depth: int) -> None:
        numbered = _tag(element) == "ol"
        number = int(element.get("start", "1")) if element.get("start", "").isdigit() else 1
        for item in element:
            if _tag(item) != "li":
                continue
            if (item.get("value") or "").isdigit():
                number = int(item.get("value") or "1")
            sign = marker(number, element.get("type") or "1") if numbered else "-"
            text = inline_text(item, skip=frozenset({"ul", "ol"})).replace("\n", " ")
            self._add(Block("item", text, level=depth, marker=sign, group=self._groups))
            for sub in item.iter("ul", "ol"):
                if _nearest(sub, ("li",)) is item:
                    self._list(sub, depth + 1)
            number += 1

    def _table(self, table: HtmlElement) -> None:
        if _is_layout(table):
            for cell in _cells_in(table):
                self.children(cell)
                self._flush()
            return
        self._groups += 1
        for caption in table.findall("caption"):
            self._add(Block("paragraph", inline_text(caption)))
        for cells in table_rows(table):
            self._add(Block("row", " | ".join(cells), group=self._groups))


def _cells_in(table: HtmlElement) -> Iterator[HtmlElement]:
    for row in _rows_of(table):
        yield from (cell for cell in row if _tag(cell) in ("td", "th"))


def _rows_of(table: HtmlElement) -> list[HtmlElement]:
    return [row for row in table.iter("tr") if _nearest(row, ("table",)) is table]


def _is_layout(table: HtmlElement) -> bool:
    if (table.get("role") or "").lower() == "presentation":
        return True
    inner = (e for e in table.iterdescendants() if _tag(e) == "table" or _tag(e) in HEADINGS)
    return next(inner, None) is not None


def table_rows(table: HtmlElement) -> Iterator[list[str]]:
    """Each row's cells: a cell spanning columns once, a cell spanning rows as an empty
    cell below it, trailing empty cells dropped, empty rows skipped."""
    below: dict[int, int] = {}  # column -> rows a rowspan above still covers
    for row in _rows_of(table):
        cells: list[str] = []
        column = 0
        for cell in (c for c in row if _tag(c) in ("td", "th")):
            column = _covered(below, column, cells)
            cells.append(inline_text(cell).replace("\n", " "))
            width, height = _span(cell, "colspan"), _span(cell, "rowspan")
            for spanned in range(column, column + width):
                if height > 1:
                    below[spanned] = height - 1
            column += width
        for rest in [c for c in below if c >= column]:  # covered, past this row's last cell
            _use(below, rest)
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            yield cells


def _covered(below: dict[int, int], column: int, cells: list[str]) -> int:
    """Empty cells for the columns a rowspan above covers, from `column` on."""
    while column in below:
        cells.append("")
        _use(below, column)
        column += 1
    return column


def _use(below: dict[int, int], column: int) -> None:
    below[column] -= 1
    if not below[column]:
        del below[column]


def _definitions(dl: HtmlElement) -> Iterator[str]:
    term: str | None = None
    values: list[str] = []
    for entry in dl.iter("dt", "dd"):
        if _nearest(entry, ("dl",)) is not dl:
            continue
        if _tag(entry) == "dt":
            if term is not None or values:
                yield _definition(term, values)
            term, values = inline_text(entry).replace("\n", " "), []
        else:
            values.append(inline_text(entry).replace("\n", " "))
    if term is not None or values:
        yield _definition(term, values)


def _definition(term: str | None, values: list[str]) -> str:
    value = "; ".join(v for v in values if v)
    if not term:
        return value
    return f"{term.rstrip(':')}: {value}" if value else term
