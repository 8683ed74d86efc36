"""A Word document (.docx) as text: the body in order, headings by style and outline level,
numbered lists as Word numbers them, tables as rows; page headers, footers, footnotes,
comments, deleted text and tables of contents left out.

Headings: a paragraph style named "Heading n" or "Overskrift n" (also through the style it
is based on) or an outline level gives level n; a "Title" ("Titel") paragraph is level 1,
and then every heading moves one level down, as a web page's `<h1>` sits over its `<h2>`.
Bold short paragraphs are not taken for headings: that guess is the document reader's.

Lists: a paragraph with numbering (its own or its style's) is an item; the marker is "3."
(or "c.", "iii.") when the numbering's format is a number and counted as Word counts it per
list and level, "-" otherwise.

Date: none. The core properties' created and modified dates say when a file was saved, not
what the document is dated: a file made from a template carries the template's created date
(python-docx's own default template says 2013-12-23) and a copy saved today says today. The
document reader finds the date in the text.

Why python-docx: the one maintained reader of the format in pure Python (on lxml), with the
styles, numbering part and core properties at hand; mammoth and docx2txt flatten away the
table merges and numbering this needs.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.document import Document
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.styles.style import ParagraphStyle

from knowledge.core.errors import CorruptDocument, EmptyDocument
from knowledge.documents.formats.numbering import marker
from knowledge.documents.formats.source_text import Block, SourceText, inline, render

_HEADING_STYLE = re.compile(r"^(?:heading|overskrift)\s*(\d)$", re.IGNORECASE)
_TITLE_STYLES = {"title", "titel"}
_TEXT = {qn("w:t"): None, qn("w:tab"): " ", qn("w:br"): "\n", qn("w:cr"): "\n"}
_SKIPPED = {
    qn("w:del"),
    qn("w:delText"),
    qn("w:instrText"),
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",  # a copy of Choice
}

Element = Any  # an lxml element of the document's XML (python-docx's oxml classes)


def read_docx(name: str, data: bytes) -> SourceText:
    document = _open(name, data)
    styles = _Styles(document)
    numbers = _Numbers(document)
    shift = 1 if any(styles.is_title(p) for p in document.element.body.iter(qn("w:p"))) else 0
    blocks = list(_blocks(document.element.body, styles, numbers, shift))
    if not blocks:
        raise EmptyDocument(name, "the Word document has no text")
    text, _ = render(blocks)
    title = inline(document.core_properties.title or "") or _first_title(blocks, shift)
    return SourceText(text, "docx", title or None)


def _open(name: str, data: bytes) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, OpcError, KeyError, ValueError, SyntaxError) as error:
        # lxml's XMLSyntaxError is a SyntaxError; a missing part is a KeyError
        raise CorruptDocument(name, f"the Word document cannot be read ({error})") from None


def _first_title(blocks: list[Block], shift: int) -> str | None:
    if shift:
        return next((b.text for b in blocks if b.kind == "heading" and b.level == 1), None)
    return None


def _blocks(container: Element, styles: _Styles, numbers: _Numbers, shift: int) -> Iterator[Block]:
    tables = 0
    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            block = _paragraph(child, styles, numbers, shift)
            if block is not None:
                yield block
        elif child.tag == qn("w:tbl"):
            tables += 1
            yield from (Block("row", " | ".join(cells), group=tables) for cells in _rows(child))
        elif child.tag == qn("w:sdt") and not _is_contents(child):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, styles, numbers, shift)


def _is_contents(sdt: Element) -> bool:
    gallery = sdt.find(f"{qn('w:sdtPr')}/{qn('w:docPartObj')}/{qn('w:docPartGallery')}")
    return gallery is not None and "contents" in (gallery.get(qn("w:val")) or "").lower()


def _paragraph(p: Element, styles: _Styles, numbers: _Numbers, shift: int) -> Block | None:
    text = paragraph_text(p)
    if not text:
        return None
    level = styles.heading_level(p)
    if level is not None:
        return Block("heading", text.replace("\n", " "), level=min(level + shift, 6))
    numbered = numbers.marker(p, styles)
    if numbered is not None:
        sign, depth, group = numbered
        return Block("item", text.replace("\n", " "), level=depth, marker=sign, group=group)
    return Block("paragraph", text)


def paragraph_text(p: Element) -> str:
    """The paragraph's visible text: runs, hyperlinks, insertions, fields' results; no
    deleted text, no field codes."""
    pieces = []
    for element in p.iter(*_TEXT):
        if any(a.tag in _SKIPPED for a in element.iterancestors()):
            continue
        fixed = _TEXT[element.tag]
        pieces.append(str(element.text or "") if fixed is None else fixed)
    return inline("".join(pieces))


def _rows(table: Element) -> Iterator[list[str]]:
    for row in table.iterchildren(qn("w:tr")):
        cells = [_cell_text(tc) for tc in row.iterchildren(qn("w:tc"))]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            yield cells


def _cell_text(tc: Element) -> str:
    """A cell spanning columns is one `w:tc` (read once); one continuing a vertical merge
    is an empty cell, so the columns line up."""
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    if merge is not None and merge.get(qn("w:val"), "continue") == "continue":
        return ""
    return " ".join(paragraph_text(p) for p in tc.iter(qn("w:p")) if paragraph_text(p))


class _Styles:
    """Heading levels from paragraph styles, through the styles they are based on."""

    def __init__(self, document: Document) -> None:
        self._by_id = {s.style_id: s for s in document.styles if isinstance(s, ParagraphStyle)}
        self._levels: dict[str, int | None] = {}

    def style_chain(self, p: Element) -> Iterator[ParagraphStyle]:
        style = self._by_id.get(_style_id(p) or "Normal")
        seen = 0
        while style is not None and seen < 20:
            yield style
            style, seen = style.base_style, seen + 1

    def is_title(self, p: Element) -> bool:
        style = next(self.style_chain(p), None)
        return style is not None and (style.name or "").lower() in _TITLE_STYLES

    def heading_level(self, p: Element) -> int | None:
        if self.is_title(p):
            return 0
        own = _outline_level(p.find(qn("w:pPr")))
        if own is not None:
            return own
        for style in self.style_chain(p):
            found = _HEADING_STYLE.match(style.name or "") or _HEADING_STYLE.match(style.style_id)
            if found:
                return int(found[1])
            level = _outline_level(style.element.find(qn("w:pPr")))
            if level is not None:
                return level
        return None


def _style_id(p: Element) -> str | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return None if style is None else style.get(qn("w:val"))


def _outline_level(ppr: Element | None) -> int | None:
    level = None if ppr is None else ppr.find(qn("w:outlineLvl"))
    value = None if level is None else level.get(qn("w:val"))
    if value is None or not value.isdigit() or int(value) > 8:  # 9 is "body text"
        return None
    return int(value) + 1


class _Numbers:
    """Word's list numbering: the format of each (list, level) and the running counts."""

    def __init__(self, document: Document) -> None:
        self._formats: dict[tuple[str, int], tuple[str, int]] = {}
        self._counts: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in numbering.iter(qn("w:abstractNum"))}
        for num in numbering.iter(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            levels = abstract.get(None if ref is None else ref.get(qn("w:val")))
            for lvl in [] if levels is None else levels.iter(qn("w:lvl")):
                self._formats[(num.get(qn("w:numId")), int(lvl.get(qn("w:ilvl"), "0")))] = (
                    _value(lvl, "w:numFmt", "bullet"),
                    int(_value(lvl, "w:start", "1")),
                )

    def marker(self, p: Element, styles: _Styles) -> tuple[str, int, int] | None:
        """The item's marker, depth and list, or None when the paragraph is not numbered."""
        found = _num_pr(p.find(qn("w:pPr")))
        for style in styles.style_chain(p):
            found = found or _num_pr(style.element.find(qn("w:pPr")))
        if found is None or found[0] == "0":  # numId 0 switches numbering off
            return None
        num_id, level = found
        numbering, start = self._formats.get((num_id, level), ("bullet", 1))
        counts = self._counts.setdefault(num_id, [])
        counts[:] = counts[: level + 1] + [start - 1] * (level + 1 - len(counts))
        counts[level] += 1
        return marker(counts[level], numbering), level, int(num_id) if num_id.isdigit() else 0


def _value(element: Element, tag: str, default: str) -> str:
    child = element.find(qn(tag))
    return default if child is None else child.get(qn("w:val"), default)


def _num_pr(ppr: Element | None) -> tuple[str, int] | None:
    num_pr = None if ppr is None else ppr.find(qn("w:numPr"))
    if num_pr is None:
        return None
    num_id, level = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
    if num_id is None:
        return None
    depth = level.get(qn("w:val"), "0") if level is not None else "0"
    return num_id.get(qn("w:val"), "0"), int(depth) if depth.isdigit() else 0
