"""What the three minutes shapes share once their own layout has been read.

Each minutes parser reads its header (body, date, time, place) into a `Head` and cuts its
text into numbered agenda `Block`s. From there the work is the same: the meeting of the
minutes with its agenda, the meetings mentioned in passing, and one `ParsedDocument`.

Agenda numbers must run 1, 2, 3, ...: a numbered line that does not continue the count
("1. 79 pct. af kommunerne ..." inside item 6, the sub-items of a written orientation) is
text, not an agenda item. So is a line whose "title" starts with a month ("9. oktober").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from knowledge.core.dates import DateMatch
from knowledge.core.periods import Period
from knowledge.documents.bodies import Body
from knowledge.documents.mentions import meetings_mentioned, merge_meetings
from knowledge.documents.records import (
    AgendaItem,
    ItemRecord,
    MeetingRecord,
    ParsedDocument,
    Source,
)

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
_TIME_SUFFIX = re.compile(
    r"\s*\((?:kl\.\s*)?\d{1,2}[.:]\d{2}\s*[-–]\s*\d{1,2}[.:]\d{2}\)\s*$", re.IGNORECASE
)
_STARTS_WITH_MONTH = re.compile(rf"^(?:{'|'.join(MONTHS)})\b", re.IGNORECASE)

Heading = Callable[[str], tuple[str, str] | None]  # a line -> (number, title), or None


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    text: str


@dataclass(frozen=True)
class Block:
    """A numbered part of the minutes: its heading and the lines up to the next one."""

    number: str
    title: str
    line: int
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True)
class Head:
    """The minutes' header as read: whose meeting, when, where."""

    file: str
    shape: str
    body: Body
    when: DateMatch
    line: int
    place: str | None
    document_date: Period

    @property
    def title(self) -> str:
        return f"Referat: {self.body.name}, {danish_day(self.when.period.start)}"

    @property
    def year(self) -> int:
        return self.document_date.start.year


def danish_day(day: date) -> str:
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def numbered_lines(text: str) -> list[Line]:
    return [Line(number, raw.rstrip()) for number, raw in enumerate(text.splitlines(), 1)]


def split_numbered(lines: Sequence[Line], heading: Heading) -> tuple[list[Line], list[Block]]:
    """The lines before item 1, and the items numbered 1, 2, 3, ... with their lines."""
    preamble: list[Line] = []
    blocks: list[tuple[str, str, int, list[Line]]] = []
    for line in lines:
        found = heading(line.text)
        if found and _continues(found, len(blocks)):
            blocks.append((found[0], found[1], line.number, []))
        elif blocks:
            blocks[-1][3].append(line)
        else:
            preamble.append(line)
    return preamble, [Block(no, title, at, tuple(body)) for no, title, at, body in blocks]


def _continues(found: tuple[str, str], count: int) -> bool:
    number, title = found
    return number == str(count + 1) and not _STARTS_WITH_MONTH.match(title)


def clean_title(title: str) -> str:
    """An agenda title without its time slot: "Eventuelt (15.45-16.00)" -> "Eventuelt"."""
    return " ".join(_TIME_SUFFIX.sub("", title).split()).strip(" *")


def normalised(lines: Iterable[str]) -> str | None:
    """Lines as one whitespace-normalised text, or None when there is no text."""
    text = " ".join(" ".join(lines).split())
    return text or None


def own_meeting(head: Head, agenda: Sequence[AgendaItem]) -> MeetingRecord:
    """The meeting the minutes are of: held, with its agenda."""
    return MeetingRecord(
        body=head.body.name,
        when=head.when.period,
        state="held",
        source=Source(head.file, head.title),
        line=head.line,
        region=head.body.region,
        cluster=head.body.cluster,
        start_time=head.when.start_time,
        end_time=head.when.end_time,
        place=head.place,
        agenda=tuple(agenda),
    )


def mentioned(head: Head, parts: Iterable[tuple[str, int, str]]) -> list[MeetingRecord]:
    """Meetings mentioned in (heading, first line, text) parts of the minutes."""
    found: list[MeetingRecord] = []
    for heading, line, text in parts:
        found.extend(
            meetings_mentioned(
                text,
                file=head.file,
                heading=heading,
                line=line,
                year=head.year,
                as_of=head.document_date,
                default_body=head.body.name,
                region=head.body.region,
                cluster=head.body.cluster,
            )
        )
    return found


def header_part(head: Head, preamble: list[Line]) -> tuple[str, int, str]:
    """The lines before the first agenda item as a part for `mentioned`."""
    first = preamble[0].number if preamble else 1
    return (head.title, first, "\n".join(line.text for line in preamble))


def block_parts(head: Head, blocks: Iterable[Block]) -> list[tuple[str, int, str]]:
    """Each agenda item as a part for `mentioned`: its heading line, then its text."""
    parts: list[tuple[str, int, str]] = []
    for block in blocks:
        parts.append((block.title, block.line, block.title))
        if block.lines:
            parts.append((block.title, block.lines[0].number, block.text))
    return parts


def document(
    head: Head,
    meetings: Iterable[MeetingRecord],
    items: Iterable[ItemRecord],
) -> ParsedDocument:
    """The parsed minutes; meetings merged so that the first-named of a body and day wins
    (the minutes' own meeting first, then plans, then mentions)."""
    return ParsedDocument(
        file=head.file,
        shape=head.shape,
        title=head.title,
        document_date=head.document_date,
        items=tuple(items),
        meetings=merge_meetings(meetings),
    )
