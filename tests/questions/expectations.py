"""What a reply must show, for the acceptance questions in `question_set.py`.

Expectations name things in the demo knowledge base (`knowledge/demo/kb.json`) by id,
never by the wording of an answer, so the set stays true when the bot's phrasing,
layout or cards change. The harness that sends the questions through the bot's HTTP
endpoint (with `BOT_TODAY=2024-03-01`) looks the ids up in the knowledge base and checks
the rendered reply for what each type's docstring says. "Names an item" means its
title appears in the reply (case and Danish letters compared loosely); "names a meeting"
means its body and its date appear.

Each reply is checked in the question's language: status labels are those of
`knowledge.core.status.label(category, lang)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Status:
    """Status of one item: the reply names the item and the label of its newest status
    category ("unknown" when it has no status history), and offers no other item."""

    item: str


@dataclass(frozen=True)
class Who:
    """Who is involved: the reply names the item and every one of its parties."""

    item: str


@dataclass(frozen=True)
class Budget:
    """Budget of an initiative: the reply names the item and an amount of its budget.

    Without a year, the total: the entry without a year, or the only entry. With a year,
    that year's entry. Amounts may be written "1.200.000 kr.", "DKK 1,200,000" or
    "1,2 mio."."""

    item: str
    year: int | None = None


@dataclass(frozen=True)
class NextMeeting:
    """Next meeting of a body, cluster or region (`of`), as of today.

    The first meeting the reply names is `meeting`. None: the knowledge base has no
    meeting of `of` on or after today; the reply says so and names no meeting of it.
    Upcoming means dated today or later; a meeting known only by its month counts from
    the first day of that month. `of` lets the self-check recompute the answer; the
    harness needs only `meeting`."""

    meeting: str | None
    of: str


@dataclass(frozen=True)
class MeetingsIn:
    """Meetings in a period: the reply names exactly these meetings, in date order.

    Empty: the reply says there are none and names no meeting."""

    meetings: tuple[str, ...]


@dataclass(frozen=True)
class Decisions:
    """What was decided: the reply names the meeting and shows the decision of each of
    the agenda items numbered in `contains_agenda` (recognised by the agenda item's
    title). Other decisions of that meeting may be shown too."""

    meeting: str | None = None
    contains_agenda: tuple[str, ...] = ()


@dataclass(frozen=True)
class ListOf:
    """A list of items: the reply names every item in `includes` and none in `excludes`.

    The questions are chosen so the whole list fits one page (at most eight matches);
    items the filter leaves open (region-wide agreements in a cluster's list, say) are in
    neither tuple."""

    includes: tuple[str, ...]
    excludes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Changes:
    """What changed since a date: the reply names every item in `includes` and none in
    `excludes`.

    `since` is the date the question means and `where` the cluster or region it names,
    if any; the self-check uses them, the harness need not. An included item lies in
    `where` and has a status entry valid from `since` or later; an excluded item lies
    outside `where` or has no entry whose period reaches `since`. Entries dated after
    today (the Sønderjylland minutes of 4 March 2024) are left out of both, so the set
    holds whether or not the bot shows them. Entries whose period straddles `since` (a
    quarter, a month) are left out of both too."""

    since: date
    includes: tuple[str, ...]
    excludes: tuple[str, ...] = ()
    where: str | None = None


@dataclass(frozen=True)
class Clarify:
    """ "Mente du ...?": the reply asks which one is meant, offers each of these items
    (title, and region to tell same-named ones apart) and no other item, and answers
    none of them yet."""

    choices: tuple[str, ...]


@dataclass(frozen=True)
class Unknown:
    """Not in the knowledge base: the reply says it does not know (it may suggest
    questions that work) and names no item and no meeting as if it were the answer."""


@dataclass(frozen=True)
class Help:
    """The reply explains what the bot can be asked, with example questions."""


@dataclass(frozen=True)
class ScopeSet:
    """ "vi er Midtklyngen": the reply confirms the chat's scope, naming the cluster and
    the region given here; a field left None is not checked."""

    cluster: str | None
    region: str | None


Expectation = (
    Status
    | Who
    | Budget
    | NextMeeting
    | MeetingsIn
    | Decisions
    | ListOf
    | Changes
    | Clarify
    | Unknown
    | Help
    | ScopeSet
)
