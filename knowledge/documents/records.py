"""What a document parser hands the importer: plain, frozen records.

Parsers never touch the database. They turn one document into a `ParsedDocument`;
`knowledge.documents.importer` decides what is new, what is a newer status of a known item and
what is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Literal

from knowledge.core.periods import Period

ItemType = Literal["agreement", "initiative"]
MeetingState = Literal["held", "planned", "cancelled"]


@dataclass(frozen=True)
class Source:
    """Where a fact was read: the document's file name and the heading it stood under."""

    file: str
    heading: str


@dataclass(frozen=True)
class StatusRecord:
    """One status statement about an item, as of the document's date."""

    category: str  # one of knowledge.core.status.CATEGORIES
    text: str  # short, as the status reads
    valid_from: Period | None
    source: Source
    author: str  # the document (its title) for imported statuses


@dataclass(frozen=True)
class BudgetLine:
    """An amount in whole Danish kroner, for one year or (year=None) in total."""

    amount_dkk: int
    year: int | None = None
    note: str = ""


@dataclass(frozen=True)
class ItemRecord:
    """An agreement (samarbejdsaftale, rammeaftale, ...) or an initiative/project."""

    type: ItemType
    kind: str  # samarbejdsaftale, rammeaftale, hensigtserklæring, intentionspapir,
    # partnerskab, forløbsprogram, projekt, prøvehandling, kampagne, initiativ ...
    title: str
    source: Source
    line: int  # 1-based line of the title in the document
    area: str | None = None  # indsatsområde
    region: str | None = None  # "Region Midtjylland"
    cluster: str | None = None  # "Midtklyngen"
    parties: tuple[str, ...] = ()
    purpose: str | None = None
    citizen_impact: str | None = None
    budget: tuple[BudgetLine, ...] = ()
    aliases: tuple[str, ...] = ()
    statuses: tuple[StatusRecord, ...] = ()


@dataclass(frozen=True)
class AgendaItem:
    """A numbered item of a meeting's agenda, with the decision where minutes give one."""

    number: str
    title: str
    decision: str | None = None


@dataclass(frozen=True)
class MeetingRecord:
    """A meeting: the one the minutes are of, or one mentioned in passing or in a plan.

    `when` has day precision, or month precision when the text gives only the month.
    Nothing is invented: no time, day or year the text does not give or imply. A meeting
    the text moves ("flyttet fra 12. marts til 19. marts") is the new day, with the day it
    had before in `moved_from`; one it calls off ("aflyst") has the state "cancelled".
    """

    body: str  # "Klyngestyregruppen Randersklyngen", "Sundhedssamarbejdsudvalget"
    when: Period
    state: MeetingState
    source: Source
    line: int
    region: str | None = None
    cluster: str | None = None
    start_time: time | None = None
    end_time: time | None = None
    place: str | None = None
    agenda: tuple[AgendaItem, ...] = ()
    note: str | None = None  # what the mention says the meeting is for, if anything
    moved_from: date | None = None  # the day the meeting had before it was moved


@dataclass(frozen=True)
class ParsedDocument:
    """Everything one document says, ready for the importer."""

    file: str
    shape: str  # the parser's name
    title: str
    document_date: Period | None  # day precision, or month ("november 2022"), or None
    items: tuple[ItemRecord, ...] = field(default=())
    meetings: tuple[MeetingRecord, ...] = field(default=())
