"""Markdown-like minutes: a date line, "## REFERAT <body>", then "## N. Title" items.

The shape (Midtklyngen's steering group, extracted from PDF): the document's date on
its first line, "## REFERAT KLYNGESTYREGRUPPEMØDE MIDTKLYNGEN", "Tidspunkt: Den <day>
<month> kl. HH:MM – HH.MM" (the year is the document's), place lines below it, then
items as headings of any level ("### **1. Title (kl. ...)**", "## 2. Title") with
headed sections (Indstilling, Beskrivelse af sagen, Referat, Beslutning, Bilag), HTML
table fragments and tab-separated tables. The decision is the Beslutning section, or
the Referat section when there is none (this shape records "Dagsorden blev godkendt"
or "punktet udgik" there).

A bullet list after a line announcing meetings ("I 2024 afholdes Klyngestyregruppemøder
og møder i den politiske sundhedsklynge ...:") is the meeting plan: one meeting per
dated bullet, of the body the bullet names, else of the minutes' own body, at the place
written after the date. A bullet may move its meeting ("12. marts er flyttet til 19.
marts, Regionshuset") or call it off ("26. april, Viborg - AFLYST"). The written
orientations are the numbered sub-headings of the item "Skriftlige orienteringspunkter";
the first table of a budget follow-up lists initiatives with amounts in 1.000 kr. per
year and in total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from knowledge.core.dates import DateMatch, find_dates, parse_date
from knowledge.core.errors import DateError, DocumentInvalid
from knowledge.documents.bodies import find_body, main_cluster
from knowledge.documents.mentions import meeting_state, plain
from knowledge.documents.records import (
    AgendaItem,
    BudgetLine,
    ItemRecord,
    MeetingRecord,
    ParsedDocument,
    Source,
)
from knowledge.documents.reschedules import cancels, moved, unmarked
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
from knowledge.documents.shapes.orientations import (
    BUDGET_FOLLOW_UP,
    Context,
    Orientation,
    budget_item,
    item_kind,
    orientation_item,
)

NAME = "minutes_markdown"
_HEADING = re.compile(r"^#{2,4}\s")
_ITEM = re.compile(r"^#{2,4}\s*\**\s*(\d{1,2})\.\s*(.+?)\s*\**\s*$")
_TITLE = re.compile(r"^##\s+REFERAT\s+(?P<body>\S.*)$", re.IGNORECASE)
_TIME = re.compile(r"^Tidspunkt:\s*(?P<when>.+)$", re.IGNORECASE)
_LABEL = re.compile(r"^[\wæøåÆØÅ ]+:")
_SECTIONS = frozenset({"indstilling", "beskrivelse af sagen", "referat", "beslutning", "bilag"})
_WRITTEN = re.compile(r"^skriftlige? orientering", re.IGNORECASE)
_PLAN_INTRO = re.compile(r"møde.*:\s*$", re.IGNORECASE)
_BULLET = re.compile(r"^\s*-\s+(?P<text>\S.*)$")
_YEAR_COLUMN = re.compile(r"^\d{4}$")


class MinutesMarkdownParser:
    name = NAME

    def detect(self, text: str) -> bool:
        if re.search(r"^##\s+REFERAT", text, re.MULTILINE | re.IGNORECASE):
            return True
        has_items = re.search(r"^#{2,4}\s*\**\s*1\.\s", text, re.MULTILINE) is not None
        return has_items and re.search(r"^#{2,4}.*Indstilling", text, re.MULTILINE) is not None

    def parse(self, file: str, text: str) -> ParsedDocument:
        preamble, blocks = split_numbered(numbered_lines(text), _heading)
        head = _head(file, text, preamble)
        agenda = [AgendaItem(b.number, clean_title(b.title), _decision(b)) for b in blocks]
        meetings = [
            own_meeting(head, agenda),
            *_planned(head, blocks),
            *mentioned(head, [header_part(head, preamble), *block_parts(head, blocks)]),
        ]
        return document(head, meetings, _items(head, blocks))


PARSER = MinutesMarkdownParser()


def _heading(line: str) -> tuple[str, str] | None:
    found = _ITEM.match(line.strip())
    return (found.group(1), clean_title(found.group(2))) if found else None


def _head(file: str, text: str, preamble: list[Line]) -> Head:
    first = next((line for line in preamble if line.text.strip()), None)
    if first is None:
        raise DocumentInvalid(file, 1, "no document date before the agenda")
    document_date = _date(file, first, first.text)
    title = next((line for line in preamble if _TITLE.match(line.text.strip())), None)
    found = _TITLE.match(title.text.strip()) if title else None
    body = find_body(found["body"], default_cluster=main_cluster(text)) if found else None
    if title is None or body is None:
        raise DocumentInvalid(file, title.number if title else 1, "no '## REFERAT <body>' line")
    timed = next((line for line in preamble if _TIME.match(line.text.strip())), None)
    if timed is None:
        raise DocumentInvalid(file, title.number, "no 'Tidspunkt:' line with the meeting date")
    when_text = _TIME.match(timed.text.strip())
    when = _date(
        file, timed, when_text["when"] if when_text else "", document_date.period.start.year
    )
    place = _place(preamble, timed)
    return Head(file, NAME, body, when, timed.number, place, document_date.period)


def _date(file: str, line: Line, text: str, year: int | None = None) -> DateMatch:
    try:
        return parse_date(text.strip(), year=year)
    except DateError as error:
        raise DocumentInvalid(file, line.number, f"unreadable date: {error}") from None


def _place(preamble: list[Line], timed: Line) -> str | None:
    """The unlabelled lines right below "Tidspunkt:", up to the first blank line."""
    parts: list[str] = []
    for line in preamble:
        if line.number <= timed.number:
            continue
        text = line.text.strip()
        if not text:
            break
        if not _LABEL.match(text):
            parts.append(text)
    return ", ".join(parts) or None


def _sections(lines: tuple[Line, ...]) -> dict[str, list[Line]]:
    """Headed sections; any heading ends a section."""
    sections: dict[str, list[Line]] = {}
    current: list[Line] | None = None
    for line in lines:
        if _HEADING.match(line.text):
            name = plain(line.text).strip(" :").lower()
            current = sections.setdefault(name, []) if name in _SECTIONS else None
        elif current is not None:
            current.append(line)
    return sections


def _decision(block: Block) -> str | None:
    sections = _sections(block.lines)
    chosen = sections.get("beslutning") or sections.get("referat") or []
    return normalised(plain(line.text) for line in chosen)


def _planned(head: Head, blocks: list[Block]) -> Iterator[MeetingRecord]:
    for block in blocks:
        for line in _plan_lines(block.lines):
            meeting = _plan_entry(head, block, line)
            if meeting is not None:
                yield meeting


def _plan_lines(lines: tuple[Line, ...]) -> Iterator[Line]:
    """Bullets right after a line announcing meetings."""
    in_plan = False
    for line in lines:
        text = line.text.strip()
        bullet = _BULLET.match(text)
        if _PLAN_INTRO.search(text) and not bullet:
            in_plan = True
        elif in_plan and bullet:
            yield Line(line.number, bullet["text"])
        elif text:
            in_plan = False


def _plan_entry(head: Head, block: Block, line: Line) -> MeetingRecord | None:
    text = plain(line.text).strip()
    days = [found for found in find_dates(text, year=head.year) if found.period.is_day]
    if not days:
        return None
    move = moved(text, head.year)
    day = move.new if move else days[0]
    spans = [(found.start, found.end) for found in days]
    cancelled = cancels(text, (day.start, day.end), spans)
    body = find_body(text, default_cluster=head.body.cluster) or head.body
    place = unmarked(text[day.end :]).strip(" ,*") or None
    return MeetingRecord(
        body=body.name,
        when=day.period,
        state=meeting_state(day.period, head.document_date, text, cancelled=cancelled),
        source=Source(head.file, clean_title(block.title)),
        line=line.number,
        region=body.region,
        cluster=body.cluster,
        start_time=day.start_time,
        end_time=day.end_time,
        place=place,
        moved_from=move.old.period.start if move else None,
    )


def _items(head: Head, blocks: list[Block]) -> list[ItemRecord]:
    context = Context(
        head.file, head.title, head.body.region, head.body.cluster, head.document_date, head.year
    )
    items: list[ItemRecord] = []
    for block in blocks:
        if not _WRITTEN.match(block.title):
            continue
        _, subs = split_numbered(block.lines, _heading)
        for sub in subs:
            if BUDGET_FOLLOW_UP.match(sub.title):
                items.extend(_table_items(sub, context))
            else:
                items.append(orientation_item(_orientation(sub), context))
    return items


def _orientation(sub: Block) -> Orientation:
    """The sub-item's text without its attachments ("Bilag" sections)."""
    kept: list[str] = []
    skipping = False
    for line in sub.lines:
        if _HEADING.match(line.text):
            skipping = plain(line.text).strip(" :").lower() == "bilag"
        if not skipping:
            kept.append(plain(line.text))
    return Orientation(sub.title, sub.line, "\n".join(kept))


def _table_items(sub: Block, context: Context) -> list[ItemRecord]:
    """The first table's rows, amounts in 1.000 kr.: "I alt" is the total, years per year."""
    kind = item_kind("initiative", sub.title, sub.text)
    rows = [
        (line, [plain(cell).strip() for cell in line.text.split("\t")])
        for line in sub.lines
        if "\t" in line.text
    ]
    if not rows:
        return []
    columns = rows[0][1]
    items: list[ItemRecord] = []
    for line, cells in rows[1:]:
        if not cells[0] or cells[0].lower().startswith("total"):
            break
        budget = _budget_lines(columns, cells + [""] * (len(columns) - len(cells)))
        item = budget_item(cells[0], budget, line.number, sub.title, context)
        items.append(replace(item, kind=kind))
    return items


def _budget_lines(columns: list[str], cells: list[str]) -> tuple[BudgetLine, ...]:
    lines: list[BudgetLine] = []
    total: BudgetLine | None = None
    for column, cell in zip(columns[1:], cells[1:], strict=False):
        if not re.fullmatch(r"-?\d{1,3}(?:\.\d{3})*", cell):
            continue
        amount = int(cell.replace(".", "")) * 1000
        if _YEAR_COLUMN.match(column):
            lines.append(BudgetLine(amount, int(column)))
        elif column.lower() == "i alt":
            total = BudgetLine(amount)
    return (*lines, *((total,) if total else ()))
