"""Entity first: what the knowledge base has on a thing, and the date asked about it.

A message that names a thing confidently without saying what about it ("palliations
aftalen?", "KSG Midtklyngen") is answered with the thing's overview, never with "I
don't know": of an item its status (with its history and source), its key dates and the
decisions about it; of a body or cluster its next meetings and what its last meeting
decided; of a region, party or area what it takes part in (a list, elsewhere).

A date question about an item is answered with the dates of the kind it asks for ("i
kraft", "godkendt", "startede": `key_dates`), or honestly without: "Dokumenterne nævner
X, men ikke hvornår ..." (`context.lacking`).
"""

from __future__ import annotations

from knowledge.answers.context import Asked, lacking
from knowledge.answers.key_dates import DATES_SHOWN, asked_kind, key_dates
from knowledge.answers.kinds import Answer, DecisionView, ItemAnswer, ItemView, OverviewAnswer
from knowledge.answers.lookup import item_views
from knowledge.answers.meeting_choice import belongs, first_per_body, past, upcoming
from knowledge.answers.meeting_replies import about
from knowledge.core.names import core_title
from knowledge.understanding.entities import Entity
from knowledge.understanding.normalise import terms

DECISIONS_SHOWN = 3
MEETINGS_SHOWN = 3


async def overview_answer(asked: Asked, entity: Entity) -> Answer | None:
    """The overview of an item, body or cluster; None for anything else."""
    if entity.kind == "item":
        views = await item_views(asked.session, [entity.id], asked.views)
        return item_overview(asked, views[0]) if views else None
    if entity.kind in ("body", "cluster"):
        return place_overview(asked, entity)
    return None


def item_overview(asked: Asked, view: ItemView) -> OverviewAnswer:
    decisions = item_decisions(asked, view)
    dates = key_dates(view, decisions)[-DATES_SHOWN:]
    shown = tuple(decisions[:DECISIONS_SHOWN])
    return OverviewAnswer("overview", asked.lang, view.title, view, (), shown, tuple(dates))


def place_overview(asked: Asked, entity: Entity) -> OverviewAnswer:
    """A body's or cluster's coming meetings, and the decisions of its last meeting."""
    meetings, wanted = asked.snapshot.meetings, belongs(entity)
    coming = first_per_body(upcoming(meetings, wanted, asked.today))[:MEETINGS_SHOWN]
    held = past(meetings, wanted, asked.today)
    last = held[-1] if held else None
    decisions = tuple(
        decision
        for decision in asked.snapshot.decisions
        if last is not None and decision.meeting.slug == last.slug
    )[:DECISIONS_SHOWN]
    return OverviewAnswer(
        "overview", asked.lang, entity.label, None, tuple(coming), decisions, (), asked.today
    )


def item_decisions(asked: Asked, view: ItemView) -> list[DecisionView]:
    """Decisions about an item, newest first: those its short title accounts for."""
    decisions = asked.snapshot.decisions
    found = about(asked.snapshot, terms(core_title(view.title)))
    ordered = sorted(found, key=lambda n: (-decisions[n].meeting.date.toordinal(), n))
    return [decisions[n] for n in ordered]


def date_answer(asked: Asked, view: ItemView) -> Answer:
    """The dates of the kind the question asks for, or what the record lacks."""
    reading = asked.question.reading
    kind = reading.date_kind if reading is not None else None
    found = asked_kind(key_dates(view, item_decisions(asked, view)), kind)
    if not found:
        return lacking(asked, view.title, "date")
    return ItemAnswer("date", asked.lang, view, tuple(found[-DATES_SHOWN:]))
