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
    """Where a fact was read: the document's file name and the heading it stood under.

    `path` is the whole heading path from the top (the heading last) and `start`/`end`
    the fact's character span in the document's text (`formats.SourceText.text`), so an
    answer can quote and cite it. Readers that know only the heading leave them empty.
    """

    file: str
    heading: str
    path: tuple[str, ...] = ()
    start: int | None = None
    end: int | None = None


DateMeaning = Literal[
    "approved",  # godkendt, vedtaget, tiltrådt
    "in_force",  # trådte i kraft, ikrafttrædelse, gældende fra
    "starts",  # starter, opstart, igangsat
    "evaluated",  # evalueret, evaluering
    "ends",  # udløber, ophører, slutter, frem til
    "deadline",  # frist, senest
    "other",
]


@dataclass(frozen=True)
class KeyDate:
    """A date the text gives for an item, with what it means.

    `when` is None when the text gives no usable date ("uge 43", "i denne uge");
    `year_inferred` is true when the text gave no year and the document's date supplied it.
    `text` is the date as written.
    """

    what: DateMeaning
    when: Period | None
    text: str
    source: Source
    year_inferred: bool = False


@dataclass(frozen=True)
class SectionRecord:
    """One section of a document: its heading path, its own text (not its subsections'),
    and where it lies in the document's text. A document's sections come in reading order
    (a preorder of the heading tree); text before the first heading has the path ()."""

    path: tuple[str, ...]
    level: int  # 0 for the text before any heading, then 1, 2, ... by heading depth
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Member:
    """A person in a body, as the text names them: "Anne Hansen (formand), Region X"."""

    name: str
    role: str | None = None  # formand, næstformand, sekretær, medlem, kontaktperson ...
    affiliation: str | None = None  # the municipality, region, party or practice they represent


@dataclass(frozen=True)
class BodyRecord:
    """A body (udvalg, styregruppe, klynge, forum ...) the document names, with its members."""

    name: str
    source: Source
    region: str | None = None
    cluster: str | None = None
    members: tuple[Member, ...] = ()


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
    dates: tuple[KeyDate, ...] = ()


@dataclass(frozen=True)
class AgendaItem:
    """A numbered item of a meeting's agenda, with the decision where minutes give one."""

    number: str
    title: str
    decision: str | None = None
    case_text: str | None = None  # Sagsfremstilling / Baggrund, whole
    recommendation: str | None = None  # Indstilling / "Det indstilles", whole
    source: Source | None = None


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
    kind: str = "møde"  # møde, workshop, temadag, kursusdag, konference ...
    year_inferred: bool = False  # the text gave no year; the document's date supplied it
    participants: tuple[Member, ...] = ()  # present, as the minutes list them
    absent: tuple[Member, ...] = ()  # afbud


@dataclass(frozen=True)
class ParsedDocument:
    """Everything one document says, ready for the importer."""

    file: str
    shape: str  # the parser's name
    title: str
    document_date: Period | None  # day precision, or month ("november 2022"), or None
    items: tuple[ItemRecord, ...] = field(default=())
    meetings: tuple[MeetingRecord, ...] = field(default=())
    sections: tuple[SectionRecord, ...] = field(default=())
    bodies: tuple[BodyRecord, ...] = field(default=())
    format: str = "text"  # formats.SourceText.format: text, markdown, html, docx, pdf
    source_url: str | None = None  # "# source: URL" in a saved page's header, if any
