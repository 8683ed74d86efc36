"""What the knowledge base answers: plain data, rendered elsewhere (cards, text).

`KnowledgeService.ask` returns one of the `Answer` types below. They carry facts only
(titles, dates, categories, sources); wording and layout belong to the edge
(`dialogs/cards.py`), so another chat SDK or a web page can render the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time
from typing import Literal

from knowledge.core.chat import Lang
from knowledge.understanding.intents import Intent


@dataclass(frozen=True)
class SourceRef:
    file: str
    heading: str | None


@dataclass(frozen=True)
class StatusView:
    category: str  # knowledge.core.status.CATEGORIES
    text: str
    valid_from: date | None
    precision: str | None  # knowledge.core.periods precision of valid_from
    author: str
    source: SourceRef | None


@dataclass(frozen=True)
class BudgetView:
    amount_dkk: int
    year: int | None
    note: str = ""


@dataclass(frozen=True)
class ItemView:
    id: str
    type: str  # "agreement" | "initiative"
    kind: str
    title: str
    region: str | None
    cluster: str | None
    area: str | None
    parties: tuple[str, ...]
    purpose: str | None
    citizen_impact: str | None
    budget: tuple[BudgetView, ...]
    status: StatusView | None  # the newest entry; None without history
    sources: tuple[SourceRef, ...] = ()
    history: tuple[StatusView, ...] = ()  # every entry, newest first (the newest is `status`)


@dataclass(frozen=True)
class AgendaView:
    number: str
    title: str
    decision: str | None


@dataclass(frozen=True)
class MeetingView:
    slug: str
    body: str
    region: str | None
    cluster: str | None
    date: date
    date_precision: str  # "day" | "month"
    start_time: time | None
    end_time: time | None
    place: str | None
    state: str  # "held" | "planned" | "cancelled"
    agenda: tuple[AgendaView, ...]
    note: str | None
    sources: tuple[SourceRef, ...] = ()


@dataclass(frozen=True)
class Choice:
    """One option of a "did you mean": what it is and how to tell it from the others."""

    id: str
    kind: Literal["item", "body", "cluster"]
    label: str  # title or body name
    detail: str | None  # region or cluster, to tell same-named items apart
    question: str  # the question to ask again when the user picks this choice


@dataclass(frozen=True)
class KeyDate:
    """A date the knowledge base gives for something, with the words that say what it is."""

    day: date
    precision: str  # knowledge.core.periods precision
    text: str  # the sentence or decision that gives it
    source: SourceRef | None
    kind: str | None = None  # what the date is of: knowledge.understanding.facts.DateKind


@dataclass(frozen=True)
class ItemAnswer:
    """status / who / budget / date / what is of one item."""

    intent: Literal["status", "who", "budget", "date", "what_is"]
    lang: Lang
    item: ItemView
    dates: tuple[KeyDate, ...] = ()  # for "date": the dates asked about, oldest first


@dataclass(frozen=True)
class MeetingsAnswer:
    """next_meeting / meetings_in_period: sorted by date, at most a page of them."""

    intent: Literal["next_meeting", "meetings_in_period"]
    lang: Lang
    scope: str  # what was asked about: "Midtklyngen", "Sundhedssamarbejdsudvalget", "april 2024"
    meetings: tuple[MeetingView, ...]
    more: int = 0  # how many more matched than are shown
    today: date | None = None


@dataclass(frozen=True)
class DecisionView:
    meeting: MeetingView
    number: str
    title: str
    decision: str


@dataclass(frozen=True)
class DecisionsAnswer:
    intent: Literal["decisions"]
    lang: Lang
    subject: str  # the item, topic or meeting asked about
    decisions: tuple[DecisionView, ...]
    more: int = 0


@dataclass(frozen=True)
class ListAnswer:
    intent: Literal["list"]
    lang: Lang
    filter: str  # human description of the filter: "i gang i Region Midtjylland"
    items: tuple[ItemView, ...]
    more: int = 0


@dataclass(frozen=True)
class ChangeView:
    item: ItemView
    entry: StatusView


@dataclass(frozen=True)
class ChangesAnswer:
    intent: Literal["changes"]
    lang: Lang
    since: date
    changes: tuple[ChangeView, ...]
    more: int = 0


@dataclass(frozen=True)
class OverviewAnswer:
    """A thing named without saying what about it: what the knowledge base has on it.

    Of an item: its status (with history and source), its key dates, the decisions about
    it; of a body or cluster: its next meetings and the decisions of its last meeting."""

    intent: Literal["overview"]
    lang: Lang
    label: str  # the item's title or the body's name
    item: ItemView | None
    meetings: tuple[MeetingView, ...] = ()  # coming meetings (of a body or cluster)
    decisions: tuple[DecisionView, ...] = ()  # the latest decisions about it
    dates: tuple[KeyDate, ...] = ()
    today: date | None = None


@dataclass(frozen=True)
class PersonView:
    name: str
    role: str | None  # "formand", "sekretær", "kontaktperson" ...
    affiliation: str | None  # whom they represent
    source: str | None = None  # the file that names them


@dataclass(frozen=True)
class PeopleAnswer:
    """who: the people of a body or cluster (in the role asked for), or of a meeting."""

    intent: Literal["who"]
    lang: Lang
    about: str  # the body, cluster or meeting
    people: tuple[PersonView, ...]
    role: str | None = None  # the role asked for, when one was


@dataclass(frozen=True)
class PassageAnswer:
    """The sentence of a document that holds the fact asked for, quoted with its source:
    what the records do not hold, the text may."""

    intent: Intent  # what the question asked
    lang: Lang
    sentence: str
    document: str  # the file
    title: str  # the document's title
    heading: str | None  # the section's heading
    document_date: date | None
    about: str | None = None  # the thing the question names, when it names one


@dataclass(frozen=True)
class SmallTalk:
    """A greeting or thanks: a short friendly reply, nothing looked up."""

    intent: Literal["smalltalk"]
    lang: Lang
    act: Literal["greeting", "thanks"]


@dataclass(frozen=True)
class Clarify:
    """ "Mente du ...?": the question fits several things, or fits one only loosely."""

    intent: Intent
    lang: Lang
    choices: tuple[Choice, ...]  # at most three
    reason: Literal["ambiguous", "unsure"]


@dataclass(frozen=True)
class NotKnown:
    """Honest "I don't know", with what the knowledge base does know.

    With `known`, the thing asked about is known but not the fact asked for ("Dokumenterne
    nævner X, men ikke hvem der er kontaktperson"); with `elsewhere` too, the thing is
    known only in another place than the question names ("X findes i Region
    Midtjylland")."""

    intent: Literal["unknown"]
    lang: Lang
    suggestions: tuple[str, ...] = field(default=())  # example questions that would work
    known: str | None = None  # the title or name the knowledge base has
    missing: str | None = None  # the kind of fact it lacks: "date", "person", "amount", ...
    asked: str = ""  # the words of the question that asked for it, as typed
    elsewhere: str | None = None  # where `known` is, when not where the question says
    place: str | None = None  # where the question says


@dataclass(frozen=True)
class HelpAnswer:
    intent: Literal["help"]
    lang: Lang


@dataclass(frozen=True)
class ScopeSet:
    """ "vi er Midtklyngen": the chat's default scope is now this cluster/region."""

    intent: Literal["set_scope"]
    lang: Lang
    region: str | None
    cluster: str | None


Answer = (
    ItemAnswer
    | OverviewAnswer
    | PeopleAnswer
    | PassageAnswer
    | SmallTalk
    | MeetingsAnswer
    | DecisionsAnswer
    | ListAnswer
    | ChangesAnswer
    | Clarify
    | NotKnown
    | HelpAnswer
    | ScopeSet
)
