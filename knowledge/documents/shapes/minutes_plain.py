"""Plain-text minutes: "<Body> <code> <date> (Referat)", then numbered items.

The shape (Randersklyngen's steering group): a first line naming the body and the date,
"den <date> kl. HH:MM" and "i <place>" lines, then items "N. Title" with "Det indstilles,",
"Sagsfremstilling", "Beslutning" and "Bilag" as lines of their own. The cluster is the
one the text names most often (the first line only gives a short code such as "Rra").
The written orientations are the numbered sub-headings of the item "Skriftlige
orienteringer".
"""

from __future__ import annotations

import re

from knowledge.core.dates import DateMatch, find_dates
from knowledge.core.errors import DocumentInvalid
from knowledge.documents.bodies import find_body, main_cluster
from knowledge.documents.records import AgendaItem, ItemRecord, ParsedDocument
from knowledge.documents.shapes.minutes import (
    Block,
    Head,
    Line,
    block_parts,
    clean_title,
    document,
    header_part,
    mentioned,
    normalised,
    numbered_lines,
    own_meeting,
    split_numbered,
)
from knowledge.documents.shapes.orientations import Context, Orientation, orientation_item

NAME = "minutes_plain"
_FIRST_LINE = re.compile(r"\(referat\)\s*$", re.IGNORECASE)
_ITEM = re.compile(r"^(\d{1,2})\.\s+(\S.{0,150})$")
_SECTIONS = frozenset({"det indstilles,", "sagsfremstilling", "beslutning", "bilag"})
_WRITTEN = re.compile(r"^skriftlige? orientering", re.IGNORECASE)
_SHAPE = tuple(
    re.compile(pattern, re.MULTILINE)
    for pattern in (r"^1\.\s+\S", r"^Det indstilles,\s*$", r"^Beslutning\s*$")
)


class MinutesPlainParser:
    name = NAME

    def detect(self, text: str) -> bool:
        first = next((line for line in text.splitlines() if line.strip()), "")
        if _FIRST_LINE.search(first):
            return True
        # Else the section words as lines of their own, around a first numbered item.
        return all(pattern.search(text) for pattern in _SHAPE)

    def parse(self, file: str, text: str) -> ParsedDocument:
        lines = numbered_lines(text)
        preamble, blocks = split_numbered(lines, _heading)
        head = _head(file, text, preamble or lines[:1])
        agenda = [AgendaItem(b.number, clean_title(b.title), _decision(b)) for b in blocks]
        meetings = [
            own_meeting(head, agenda),
            *mentioned(head, [header_part(head, preamble), *block_parts(head, blocks)]),
        ]
        return document(head, meetings, _items(head, blocks))


PARSER = MinutesPlainParser()


def _heading(line: str) -> tuple[str, str] | None:
    found = _ITEM.match(line.strip())
    return (found.group(1), found.group(2).strip()) if found else None


def _head(file: str, text: str, preamble: list[Line]) -> Head:
    first = next((line for line in preamble if line.text.strip()), preamble[0])
    body = find_body(first.text, default_cluster=main_cluster(text))
    if body is None:
        raise DocumentInvalid(file, first.number, "the first line names no body we know")
    when, line = _meeting_date(file, preamble, first)
    place = next((line.text.strip()[2:] for line in preamble if line.text.startswith("i ")), None)
    return Head(file, NAME, body, when, line, place, when.period)


def _meeting_date(file: str, preamble: list[Line], first: Line) -> tuple[DateMatch, int]:
    """The "den <date> kl. HH:MM" line, else the date of the first line."""
    for line in (*(line for line in preamble if line.text.startswith("den ")), first):
        days = [found for found in find_dates(line.text) if found.period.is_day]
        if days:
            return days[0], line.number
    raise DocumentInvalid(file, first.number, "no meeting date in the header")


def _sections(block: Block) -> dict[str, list[Line]]:
    sections: dict[str, list[Line]] = {}
    current: list[Line] | None = None
    for line in block.lines:
        name = line.text.strip().lower()
        if name in _SECTIONS:
            current = sections.setdefault(name, [])
        elif current is not None:
            current.append(line)
    return sections


def _decision(block: Block) -> str | None:
    return normalised(line.text for line in _sections(block).get("beslutning", []))


def _items(head: Head, blocks: list[Block]) -> list[ItemRecord]:
    context = Context(
        head.file, head.title, head.body.region, head.body.cluster, head.document_date, head.year
    )
    return [
        orientation_item(orientation, context)
        for block in blocks
        if _WRITTEN.match(block.title)
        for orientation in _orientations(block)
    ]


def _orientations(block: Block) -> list[Orientation]:
    """The numbered sub-headings of the item's Sagsfremstilling, each with its text."""
    _, subs = split_numbered(_sections(block).get("sagsfremstilling", []), _heading)
    return [
        Orientation(sub.title, sub.line, "\n".join(line.text for line in sub.lines)) for sub in subs
    ]
