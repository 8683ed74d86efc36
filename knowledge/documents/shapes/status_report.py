"""The status report shape: items under area headings, each with "Hvad:" and "Status:".

A region's final or mid-term status of its sundhedsaftale is plain text: a few title
lines, a line naming the parties, then per area a page header ("Kort status på
samarbejdsaftaler og igangsatte initiativer - <område>") and items, each a short title
line followed by "Hvad:", "Betydning for borgerne:" and "Status:" paragraphs. The page
header repeats on every page, so the same area named again is not a new area. The
report carries no date of its own; statuses are read with no `as_of`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.core.status import read_status
from knowledge.documents.mentions import meetings_mentioned, merge_meetings
from knowledge.documents.records import (
    ItemRecord,
    MeetingRecord,
    ParsedDocument,
    Source,
    StatusRecord,
)

NAME = "status_report"
_HEADER = re.compile(r"^Kort status på\b.*?\s[-–]\s+(?P<area>\S.*)$")
_SECTION = re.compile(r"^(?P<label>Hvad|Betydning for borgerne|Status):\s*(?P<rest>.*)$")
_SECTIONS = {"Hvad": "purpose", "Betydning for borgerne": "citizen_impact", "Status": "status"}
_PARTIES_LINE = re.compile(r"^Region [A-ZÆØÅ]")
_PARTY_SPLIT = re.compile(r",\s*|\s+og\s+")
_OPEN_URL = re.compile(r"https?://[^\s)>]*$")
_AGREEMENT = re.compile(
    r"^(?:revidering af\s+)?(?P<kind>samarbejdsaftale|rammeaftale|hensigtserklæring"
    r"|intentionspapir|partnerskab|rammepapir|aftale)",
    re.IGNORECASE,
)
_INITIATIVE_KINDS = (
    (re.compile(r"kampagne\b", re.IGNORECASE), "kampagne"),
    (re.compile(r"^alliance", re.IGNORECASE), "alliance"),
    (re.compile(r"^arbejdsgruppe", re.IGNORECASE), "arbejdsgruppe"),
    (re.compile(r"handleplan", re.IGNORECASE), "handleplan"),
    (re.compile(r"projekt", re.IGNORECASE), "projekt"),
)


def agreement_kind(title: str) -> str | None:
    """ "Samarbejdsaftale om X" -> "samarbejdsaftale"; None when the title is no agreement."""
    match = _AGREEMENT.match(title.strip())
    return match.group("kind").lower() if match else None


def initiative_kind(title: str) -> str:
    """A kind for an initiative from its title's wording; "initiativ" when nothing fits."""
    for pattern, kind in _INITIATIVE_KINDS:
        if pattern.search(title):
            return kind
    return "initiativ"


@dataclass(frozen=True)
class _Paragraph:
    line: int
    text: str


@dataclass
class _Item:
    """An item while its lines are read; turned into an ItemRecord at the end."""

    title: str
    line: int
    area: str | None
    sections: dict[str, list[_Paragraph]] = field(default_factory=dict)
    current: str | None = None
    open: bool = False  # the next line continues the last paragraph

    def add(self, line: int, text: str) -> None:
        """One line of the item: a section opener, a paragraph line, or a blank."""
        section = _SECTION.match(text)
        if section is not None:
            self.current = _SECTIONS[section.group("label")]
            text, self.open = section.group("rest"), False
        if not text:
            self.open = False  # a blank line (or a bare opener) ends the paragraph
            return
        if self.current is None:
            return
        paragraphs = self.sections.setdefault(self.current, [])
        if self.open:
            last = paragraphs[-1]
            paragraphs[-1] = _Paragraph(last.line, _join(last.text, text))
        else:
            paragraphs.append(_Paragraph(line, text))
        self.open = True

    def paragraphs(self) -> list[_Paragraph]:
        return [paragraph for section in self.sections.values() for paragraph in section]

    def text(self, section: str) -> str | None:
        joined = " ".join(paragraph.text for paragraph in self.sections.get(section, []))
        return " ".join(joined.split()) or None


def _join(first: str, second: str) -> str:
    """Join wrapped lines; a URL cut inside its parenthesis continues without a space."""
    if _OPEN_URL.search(first) and first.count("(") > first.count(")"):
        return first + second
    return f"{first} {second}"


@dataclass(frozen=True)
class _Head:
    title: str
    parties: tuple[str, ...]
    region: str | None


class StatusReportParser:
    name = NAME

    def detect(self, text: str) -> bool:
        """Items with "Hvad:" and "Status:" sections, and the area page header (or many items)."""
        hvad = len(re.findall(r"^Hvad:", text, re.MULTILINE))
        status = re.search(r"^Status:", text, re.MULTILINE) is not None
        header = re.search(r"^Kort status på\b", text, re.MULTILINE) is not None
        return hvad > 0 and status and (header or hvad >= 2)

    def parse(self, file: str, text: str) -> ParsedDocument:
        lines = text.splitlines()
        titles = _title_lines(lines)
        head = _head(lines, min(titles, default=len(lines)))
        items = _read_items(lines, titles)
        return ParsedDocument(
            file=file,
            shape=NAME,
            title=head.title,
            document_date=None,
            items=tuple(_record(file, head, item) for item in items),
            meetings=merge_meetings(
                meeting for item in items for meeting in _meetings(file, head, item)
            ),
        )


PARSER = StatusReportParser()


def _title_lines(lines: list[str]) -> set[int]:
    """Indexes of item titles: a line whose next non-blank line opens "Hvad:". Heading-like
    lines inside a "Hvad:" text ("MENTAL SUNDHED ...:") are followed by lists, not "Hvad:"."""
    titles: set[int] = set()
    previous: int | None = None
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        if (
            line.lstrip().startswith("Hvad:")
            and previous is not None
            and _can_be_title(lines[previous])
        ):
            titles.add(previous)
        previous = index
    return titles


def _can_be_title(line: str) -> bool:
    return _HEADER.match(line) is None and _SECTION.match(line) is None


def _head(lines: list[str], first_item: int) -> _Head:
    """Title lines up to the parties line ("Region X, ... og ..."), before any item."""
    top = [line.strip() for line in lines[:first_item] if line.strip()]
    top = [line for line in top if _HEADER.match(line) is None]
    parties_at = next((i for i, line in enumerate(top) if _PARTIES_LINE.match(line)), None)
    if parties_at is None:
        return _Head(top[0] if top else "", (), None)
    parties = tuple(part.strip() for part in _PARTY_SPLIT.split(top[parties_at]) if part.strip())
    region = next((party for party in parties if party.startswith("Region ")), None)
    return _Head(" ".join(top[:parties_at]) or top[parties_at], parties, region)


def _read_items(lines: list[str], titles: set[int]) -> list[_Item]:
    items: list[_Item] = []
    area: str | None = None
    for index, line in enumerate(lines):
        header = _HEADER.match(line.strip())
        if header is not None:
            area = " ".join(header.group("area").split())
        elif index in titles:
            items.append(_Item(" ".join(line.split()), index + 1, area))
        elif items:
            items[-1].add(index + 1, line.strip())
    return items


def _record(file: str, head: _Head, item: _Item) -> ItemRecord:
    source = Source(file, item.title)
    kind = agreement_kind(item.title)
    return ItemRecord(
        type="agreement" if kind else "initiative",
        kind=kind or initiative_kind(item.title),
        title=item.title,
        source=source,
        line=item.line,
        area=item.area,
        region=head.region,
        parties=head.parties,
        purpose=item.text("purpose"),
        citizen_impact=item.text("citizen_impact"),
        statuses=_statuses(item.text("status"), source, head.title),
    )


def _statuses(text: str | None, source: Source, author: str) -> tuple[StatusRecord, ...]:
    """The item's status as the report states it; none when it has no "Status:" section.

    The report has no date of its own, so future events in it are read as still ahead."""
    if text is None:
        return ()
    reading = read_status(text, as_of=None)
    return (StatusRecord(reading.category, reading.text, reading.valid_from, source, author),)


def _meetings(file: str, head: _Head, item: _Item) -> list[MeetingRecord]:
    """Meetings the item's paragraphs mention in passing."""
    return [
        meeting
        for paragraph in item.paragraphs()
        for meeting in meetings_mentioned(
            paragraph.text,
            file=file,
            heading=item.title,
            line=paragraph.line,
            year=None,
            as_of=None,
            region=head.region,
        )
    ]
