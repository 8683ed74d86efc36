"""Replies about meetings: the next (or last) ones, those in a period, what they decided."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from knowledge.answers import phrasing
from knowledge.answers.context import PAGE, Asked, clarify, not_known, resolve_named
from knowledge.answers.kinds import Answer, DecisionsAnswer, MeetingsAnswer, MeetingView
from knowledge.answers.meeting_choice import belongs, first_per_body, past, upcoming, within
from knowledge.answers.resolution import UNSURE, mentions, without
from knowledge.answers.snapshot import Snapshot
from knowledge.core.periods import Period
from knowledge.understanding.entities import Entity, entity_id
from knowledge.understanding.index import Hit
from knowledge.understanding.intents import Intent

TARGETS = frozenset({"body", "cluster", "region"})
DECIDED = 0.6  # a decision is about a topic when its text accounts for this much of it
DECIDED_SPREAD = 0.15  # and for nearly as much as the best decision does


@dataclass(frozen=True)
class Target:
    """The body, cluster or region asked about (None: all), or why there is none."""

    entity: Entity | None = None
    refusal: Answer | None = None


def target(asked: Asked, intent: Intent, *, use_scope: bool) -> Target:
    question = asked.question
    if not question.subject:
        return Target(_scoped(asked) if use_scope else None)
    resolution, _ = resolve_named(asked, TARGETS)
    if resolution.outcome == "found":
        return Target(resolution.entity)
    if resolution.outcome == "missing":
        return Target(refusal=not_known(asked))
    widest = _widest(resolution.hits)
    if widest is not None:
        return Target(widest)
    return Target(refusal=clarify(asked, intent, resolution))


def _widest(hits: Sequence[Hit]) -> Entity | None:
    """A cluster among its own bodies: its meetings are theirs too ("the randers cluster"
    fits Randersklyngen and its steering group equally well)."""
    clusters = [hit.entity for hit in hits if hit.entity.kind == "cluster"]
    if len(clusters) != 1:
        return None
    cluster = clusters[0]
    others = [hit.entity for hit in hits if hit.entity is not cluster]
    inside = all(e.kind == "body" and e.cluster == cluster.label for e in others)
    return cluster if inside else None


def _scoped(asked: Asked) -> Entity | None:
    entities, scope = asked.snapshot.entities, asked.scope
    if scope.cluster and entity_id("cluster", scope.cluster) in entities:
        return entities[entity_id("cluster", scope.cluster)]
    if scope.region:
        return entities.get(entity_id("region", scope.region))
    return None


async def next_meeting_answer(asked: Asked, place: Entity | None = None) -> Answer:
    """The next meeting of a body; of a cluster or region, each body's next one. None
    upcoming: no meetings (a past one is not the next). "Sidste møde": the latest one."""
    if place is None:
        found = target(asked, "next_meeting", use_scope=True)
        if found.refusal is not None:
            return found.refusal
        place = found.entity
    label = place.label if place else ""
    if asked.question.latest:
        return _last_meeting(asked, place, label)
    shown, more = _next(asked, place, max(asked.today, asked.question.since or asked.today))
    return MeetingsAnswer("next_meeting", asked.lang, label, tuple(shown), more, asked.today)


def _next(asked: Asked, place: Entity | None, after: date) -> tuple[list[MeetingView], int]:
    """The next meetings from `after` on (today, or the date after "efter april")."""
    coming = upcoming(asked.snapshot.meetings, belongs(place), after)
    if place is not None and place.kind == "body":
        return coming[:1], max(0, len(coming) - 1)
    shown = first_per_body(coming)[:PAGE]
    return shown, len(coming) - len(shown)


def _last_meeting(asked: Asked, place: Entity | None, label: str) -> MeetingsAnswer:
    last = past(asked.snapshot.meetings, belongs(place), asked.today)[-1:]
    scope = phrasing.joined([label, phrasing.LATEST_MEETING[asked.lang]])
    return MeetingsAnswer("meetings_in_period", asked.lang, scope, tuple(last), 0, asked.today)


async def meetings_answer(asked: Asked) -> Answer:
    """Meetings in a period (since a date: up to today), of a body, cluster or region."""
    question = asked.question
    period = question.period
    if period is None and question.since is not None:
        period = Period(question.since, max(question.since, asked.today), "range")
    if period is None and not question.subject:
        return await next_meeting_answer(asked)
    found = target(asked, "meetings_in_period", use_scope=False)
    if found.refusal is not None:
        return found.refusal
    if period is None:  # "hvilke møder har X haft": every one of them
        meetings = [m for m in asked.snapshot.meetings if belongs(found.entity)(m)]
        label = found.entity.label if found.entity else ""
        shown, more = asked.page(meetings)
        return MeetingsAnswer(
            "meetings_in_period", asked.lang, label, tuple(shown), more, asked.today
        )
    meetings = within(asked.snapshot.meetings, belongs(found.entity), period)
    label = phrasing.joined([found.entity.label if found.entity else "", _when(asked, period)])
    shown, more = asked.page(meetings)
    return MeetingsAnswer("meetings_in_period", asked.lang, label, tuple(shown), more, asked.today)


def _when(asked: Asked, period: Period) -> str:
    if asked.question.upcoming:
        return phrasing.UPCOMING_MEETINGS[asked.lang]
    return phrasing.period(period, asked.lang)


async def decisions_answer(asked: Asked) -> Answer:
    """Decisions about a topic, of a body, at the meetings of a period, or at the last one."""
    question = asked.question
    decisions = asked.snapshot.decisions
    pool = list(range(len(decisions)))
    if question.period is not None:
        period = question.period
        pool = [n for n in pool if _during(decisions[n].meeting, period)]
    if question.latest or not (question.subject or question.period):
        return _latest(asked, pool)
    named = mentions(asked.snapshot, question.subject, TARGETS)[:1]
    if named:
        wanted = belongs(named[0].entity)
        pool = [n for n in pool if wanted(decisions[n].meeting)]
    topic = without(question.subject, named)
    label = question.subject_text or _period_label(question.period, asked)
    if not topic:
        return _decisions(asked, label, pool)
    found = about(asked.snapshot, topic)
    if not found and not _names_something(asked):
        return not_known(asked)
    return _decisions(asked, label, [n for n in pool if n in found])


def _period_label(period: Period | None, asked: Asked) -> str:
    return phrasing.period(period, asked.lang) if period is not None else ""


def _latest(asked: Asked, pool: list[int]) -> Answer:
    found = target(asked, "decisions", use_scope=True)
    if found.refusal is not None:
        return found.refusal
    decisions, wanted = asked.snapshot.decisions, belongs(found.entity)
    held = [n for n in pool if wanted(decisions[n].meeting)]
    held = [n for n in held if decisions[n].meeting.date <= asked.today]
    if not held:
        return _decisions(asked, found.entity.label if found.entity else "", [])
    last = max((decisions[n].meeting for n in held), key=lambda m: (m.date, m.slug))
    subject = f"{last.body} {phrasing.day(last.date, asked.lang)}"
    return _decisions(asked, subject, [n for n in held if decisions[n].meeting.slug == last.slug])


def about(snapshot: Snapshot, subject: Sequence[str]) -> set[int]:
    """Decisions whose meeting body, title and text account for the subject."""
    hits = snapshot.decision_index.search(subject, frozenset({"decision"}))
    best = max((hit.coverage for hit in hits), default=0.0)
    floor = max(DECIDED, best - DECIDED_SPREAD)
    return {_number(hit.entity) for hit in hits if hit.coverage >= floor}


def _number(entity: Entity) -> int:
    return int(entity.id.rsplit(":", 1)[1])


def _names_something(asked: Asked) -> bool:
    hits = asked.snapshot.names.search(asked.question.subject, frozenset({"item", "body"}))
    return bool(hits) and hits[0].score >= UNSURE


def _during(meeting: MeetingView, period: Period) -> bool:
    return bool(within([meeting], lambda m: True, period))


def _decisions(asked: Asked, subject: str, numbers: list[int]) -> DecisionsAnswer:
    decisions = asked.snapshot.decisions
    numbers = sorted(numbers, key=lambda n: (-decisions[n].meeting.date.toordinal(), n))
    page, more = asked.page(numbers)
    shown = tuple(decisions[n] for n in page)
    return DecisionsAnswer("decisions", asked.lang, subject, shown, more)
