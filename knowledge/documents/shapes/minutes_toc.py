"""Minutes with a table of contents: "REFERAT <body> d. dd-mm-yyyy", then "Punkt N: ...".

The shape (Sundhedsklynge Sønderjylland's professional-strategic level): "Mødedato
<weekday> d. <date> kl. HH:MM" and "Mødested <place>" lines, an "Indholdsfortegnelse"
whose dotted lines and page numbers are not agenda items (nor mentions: they repeat the
headings), then items "Punkt N: Title (hh.mm-hh.mm)" with sections in capitals
(SAGSFREMSTILLING, RESUMÉ, INDSTILLING, SKRIFTLIG ORIENTERING, STATUS) and "Beslutning",
"Bilag". Items titled "Skriftlig orientering: <title>" are the written orientations. A
"projekt *X* til N kr." anywhere gives project X its budget.
"""

from __future__ import annotations

import re

from knowledge.core.dates import DateMatch, parse_date
from knowledge.core.errors import DateError, DocumentInvalid
from knowledge.documents.bodies import find_body, main_cluster
from knowledge.documents.records import AgendaItem, ItemRecord, ParsedDocument
from knowledge.documents.shapes.minutes import (
    Block,
    Head,
    Line,
    block_parts,
    clean_title,
    document,
    mentioned,
    normalised,
    numbered_lines,
    own_meeting,
    split_numbered,
)
from knowledge.documents.shapes.orientations import (
    Context,
    Orientation,
    orientation_item,
    project_budgets,
    with_budgets,
)

NAME = "minutes_toc"
_ITEM = re.compile(r"^Punkt\s+(\d{1,2}):\s*(\S.*)$")
_TITLE = re.compile(r"^REFERAT\s+(?P<body>.+?)\s+d\.\s*(?P<date>\d{1,2}-\d{1,2}-\d{4})\s*$")
_DATE = re.compile(r"^Mødedato\s+(?P<when>.+)$")
_PLACE = re.compile(r"^Mødested\s+(?P<place>.+)$")
_SECTIONS = frozenset(
    {"sagsfremstilling", "resumé", "indstilling", "beslutning", "bilag"}
    | {"skriftlig orientering", "status"}
)
_WRITTEN = re.compile(r"^skriftlig orientering:\s*", re.IGNORECASE)


class MinutesTocParser:
    name = NAME

    def detect(self, text: str) -> bool:
        has_items = re.search(r"^Punkt\s+\d+:", text, re.MULTILINE) is not None
        return "Indholdsfortegnelse" in text and has_items

    def parse(self, file: str, text: str) -> ParsedDocument:
        preamble, blocks = split_numbered(numbered_lines(text), _heading)
        head = _head(file, text, preamble)
        agenda = [AgendaItem(b.number, clean_title(b.title), _decision(b)) for b in blocks]
        parts = [_header_part(head, preamble), *block_parts(head, blocks)]
        meetings = [own_meeting(head, agenda), *mentioned(head, parts)]
        return document(head, meetings, _items(head, blocks))


PARSER = MinutesTocParser()


def _heading(line: str) -> tuple[str, str] | None:
    found = _ITEM.match(line.strip())
    return (found.group(1), found.group(2).strip()) if found else None


def _head(file: str, text: str, preamble: list[Line]) -> Head:
    title = _find(preamble, _TITLE)
    if title is None:
        raise DocumentInvalid(file, 1, "no 'REFERAT <body> d. dd-mm-yyyy' line")
    line, match = title
    body = find_body(match["body"], default_cluster=main_cluster(text))
    if body is None:
        raise DocumentInvalid(file, line, "the REFERAT line names no body we know")
    date_line, when = _meeting_date(file, preamble, line, match["date"])
    place = _find(preamble, _PLACE)
    return Head(
        file, NAME, body, when, date_line, place[1]["place"] if place else None, when.period
    )


def _find(lines: list[Line], pattern: re.Pattern[str]) -> tuple[int, re.Match[str]] | None:
    for line in lines:
        found = pattern.match(line.text.strip())
        if found:
            return line.number, found
    return None


def _meeting_date(
    file: str, preamble: list[Line], line: int, fallback: str
) -> tuple[int, DateMatch]:
    """The "Mødedato" line with its time, else the date of the REFERAT line."""
    dated = _find(preamble, _DATE)
    text, at = (dated[1]["when"], dated[0]) if dated else (fallback, line)
    try:
        return at, parse_date(text)
    except DateError as error:
        raise DocumentInvalid(file, at, f"unreadable meeting date: {error}") from None


def _header_part(head: Head, preamble: list[Line]) -> tuple[str, int, str]:
    """The header without the table of contents, which repeats the agenda headings."""
    kept = []
    for line in preamble:
        if line.text.strip() == "Indholdsfortegnelse":
            break
        kept.append(line.text)
    return head.title, preamble[0].number if preamble else 1, "\n".join(kept)


def _sections(block: Block) -> dict[str, list[Line]]:
    sections: dict[str, list[Line]] = {}
    current: list[Line] | None = None
    for line in block.lines:
        name = line.text.strip().lower()
        if name in _SECTIONS:
            current = sections.setdefault(name, [])
        elif current is not None and line.text.strip():
            current.append(line)
    return sections


def _decision(block: Block) -> str | None:
    return normalised(line.text for line in _sections(block).get("beslutning", []))


def _items(head: Head, blocks: list[Block]) -> list[ItemRecord]:
    context = Context(
        head.file, head.title, head.body.region, head.body.cluster, head.document_date, head.year
    )
    items = [
        orientation_item(_orientation(block), context)
        for block in blocks
        if _WRITTEN.match(block.title)
    ]
    budgets = [
        budget
        for block in blocks
        if block.lines
        for budget in project_budgets(block.text, clean_title(block.title), block.lines[0].number)
    ]
    return with_budgets(items, budgets, context)


def _orientation(block: Block) -> Orientation:
    sections = _sections(block)
    status = sections.get("status", [])
    told = [*sections.get("skriftlig orientering", []), *status]
    return Orientation(
        heading=_WRITTEN.sub("", clean_title(block.title)),
        line=block.line,
        text="\n".join(line.text for line in told),
        status_text="\n".join(line.text for line in status) or None,
    )
