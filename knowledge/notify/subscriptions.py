"""Subscriptions: a conversation follows a body's, cluster's or region's meetings, or an
item's status changes (`knowledge.notify.contract` says the rules).

The target is found the way questions find things (`knowledge.answers.resolution`): typos,
short names and the chat's own cluster ("abonner" alone in a chat that said "vi er
Midtklyngen") all work, and a name that fits several asks which one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.answers.kinds import Choice
from knowledge.answers.resolution import MISSING, PLACES, decide, mentions, places, without
from knowledge.answers.snapshot import Snapshot
from knowledge.core.chat import ChatScope
from knowledge.core.clock import COPENHAGEN
from knowledge.core.history import instant
from knowledge.core.models import Meeting, Notification, Subscription
from knowledge.core.names import fold
from knowledge.core.resemblance import resembling
from knowledge.notify.contract import (
    DEFAULT_LEAD_DAYS,
    MAX_LEAD_DAYS,
    Subscribed,
    SubscribeOutcome,
    SubscribeRequest,
    SubscriptionLine,
    Target,
    TargetAmbiguous,
    TargetNotFound,
    Unsubscribed,
    UpcomingMeeting,
)
from knowledge.notify.outbox import covers, plan_subscription, reminder_due, upcoming_meetings
from knowledge.understanding.entities import Entity, entity_id
from knowledge.understanding.index import Hit
from knowledge.understanding.normalise import terms

MEETING_KINDS = frozenset({"body", "cluster", "region"})
KINDS = {"meetings": MEETING_KINDS, "status": frozenset({"item"}), "any": MEETING_KINDS | {"item"}}
SUGGESTIONS = 3
CLUSTER_WORD = terms("klyngen")[0]  # "klynge", "klyngen" and "cluster" all are it
SUGGEST = 50.0  # a near miss of the name index worth suggesting
__all__ = ["covers", "list_subscriptions", "resolve_target", "subscribe", "unsubscribe"]


def resolve_target(
    snapshot: Snapshot, text: str, scope: ChatScope, kinds: frozenset[str]
) -> Target | TargetAmbiguous | TargetNotFound:
    """The body, cluster, region or item `text` names; the chat's own cluster when empty.
    An entity's id (what a "did you mean" button carries) names that entity. A place
    named beside the name picks among namesakes ("IV-aftalen i Midt"), and a cluster word
    after a name asks for the cluster ("the Randers cluster")."""
    chosen = snapshot.entities.get(text.strip())
    if chosen is not None and _target(chosen).kind in kinds:
        return _target(chosen)
    subject = _subject(text)
    if not subject:
        own = _scope_entity(snapshot, scope, kinds)
        return _target(own) if own else TargetNotFound(())
    _, chat = places(snapshot, [], scope)
    hits: list[Hit] = []
    resolution = MISSING
    for attempt in (subject, _without_genitive(subject)):
        hits = snapshot.names.search(attempt, kinds)
        resolution = decide(hits, (chat,))
        if resolution.outcome == "found":
            return _target(resolution.entity)
        if resolution.outcome != "missing":
            break
    placed = _placed(snapshot, subject, scope, kinds)
    if placed is not None:
        return placed
    if resolution.outcome != "missing":
        return TargetAmbiguous(tuple(_choice(hit.entity) for hit in resolution.hits))
    near = [hit.entity for hit in hits if hit.score >= SUGGEST]
    return TargetNotFound(_suggestions(snapshot, near, kinds, text))


def _placed(
    snapshot: Snapshot, subject: tuple[str, ...], scope: ChatScope, kinds: frozenset[str]
) -> Target | None:
    """The one entity left when the places the subject names narrow it, or a cluster
    named with a cluster word; None when that does not decide."""
    if CLUSTER_WORD in subject and "cluster" in kinds:
        rest = tuple(term for term in subject if term != CLUSTER_WORD)
        found = decide(snapshot.names.search(rest, frozenset({"cluster"}))) if rest else MISSING
        if found.outcome == "found":
            return _target(found.entity)
    named = mentions(snapshot, subject, PLACES)
    rest = without(subject, named)
    if not named or not rest:
        return None
    asked, chat = places(snapshot, named, scope)
    found = decide(snapshot.names.search(rest, kinds), (asked, chat))
    return _target(found.entity) if found.outcome == "found" else None


def _subject(text: str) -> tuple[str, ...]:
    """The name in a command's target: "Midtklyngens møder" -> midtklyngens."""
    return tuple(term for term in terms(text) if term not in _FILLER)


def _without_genitive(subject: tuple[str, ...]) -> tuple[str, ...]:
    """Danish genitive: "Midtklyngens" is Midtklyngen's."""
    return tuple(term[:-1] if len(term) > 3 and term.endswith("s") else term for term in subject)


_FILLER = frozenset(
    terms(
        "møder møde moeder moder meetings meeting kalender calendar kalenderen "
        "status statusser updates update ændringer changes"
    )
)


async def subscribe(
    session: AsyncSession,
    snapshot: Snapshot,
    request: SubscribeRequest,
    scope: ChatScope,
    now: datetime,
) -> SubscribeOutcome:
    found = resolve_target(snapshot, request.target, scope, KINDS[request.wants])
    if not isinstance(found, Target):
        return found
    lead_days = _lead_days(found, request.lead_days)
    who = request.subscriber
    row = await session.scalar(
        select(Subscription)
        .where(Subscription.conversation_id == who.conversation_id)
        .where(Subscription.target_id == found.id)
    )
    already = row is not None
    if row is None:
        row = Subscription(
            conversation_id=who.conversation_id,
            tenant_id=who.tenant_id,
            personal=who.personal,
            target_kind=found.kind,
            target_id=found.id,
            target_label=found.label,
            target_region=found.region,
            lead_days=list(lead_days),
            created_by_id=who.aad_id,
            created_by_name=who.name,
            created_at=now,
        )
        session.add(row)
        await session.flush()
    elif request.lead_days is not None and list(lead_days) != list(row.lead_days):
        row.lead_days = list(lead_days)
        await session.flush()
    meetings = await upcoming_meetings(session, now)
    await plan_subscription(session, row, meetings, now)
    line = _line(row, meetings)
    skipped: tuple[int, ...] = ()
    if line.next_meeting is not None and not already:
        skipped = tuple(
            days for days in row.lead_days if reminder_due(line.next_meeting.date, int(days)) <= now
        )
    first = await session.scalar(
        select(Notification.due_at)
        .where(Notification.subscription_id == row.id)
        .where(Notification.kind == "reminder")
        .where(Notification.state == "pending")
        .order_by(Notification.due_at)
        .limit(1)
    )
    return Subscribed(
        subscription=line,
        already=already,
        next_meeting=line.next_meeting,
        skipped_lead_days=skipped,
        first_reminder_at=_local(first),
    )


async def unsubscribe(
    session: AsyncSession,
    snapshot: Snapshot,
    conversation_id: str,
    target: str | None,
    subscription_ids: tuple[int, ...],
    scope: ChatScope,
    now: datetime,
) -> Unsubscribed:
    """End the conversation's subscriptions by id, by what was typed, or all (None)."""
    rows = list(
        await session.scalars(
            select(Subscription)
            .where(Subscription.conversation_id == conversation_id)
            .order_by(Subscription.id)
        )
    )
    if subscription_ids:
        chosen = [row for row in rows if row.id in subscription_ids]
    elif target is None or not terms(target):
        chosen = rows if target is None else _scope_rows(rows, scope)
    else:
        chosen = _named(snapshot, rows, target)
    if not chosen:
        return Unsubscribed((), 0)
    meetings = await upcoming_meetings(session, now)
    lines = tuple(_line(row, meetings) for row in chosen)
    ids = [row.id for row in chosen]
    cancelled = await session.execute(
        update(Notification)
        .where(Notification.subscription_id.in_(ids))
        .where(Notification.state == "pending")
        .values(state="cancelled", finished_at=now, last_error="unsubscribed")
    )
    await session.execute(delete(Subscription).where(Subscription.id.in_(ids)))
    return Unsubscribed(lines, int(cancelled.rowcount))  # type: ignore[attr-defined]


async def list_subscriptions(
    session: AsyncSession, conversation_id: str, now: datetime
) -> tuple[SubscriptionLine, ...]:
    rows = await session.scalars(
        select(Subscription)
        .where(Subscription.conversation_id == conversation_id)
        .order_by(Subscription.target_label, Subscription.id)
    )
    meetings = await upcoming_meetings(session, now)
    return tuple(_line(row, meetings) for row in rows)


def _line(row: Subscription, meetings: Sequence[Meeting]) -> SubscriptionLine:
    return SubscriptionLine(
        id=row.id,
        target=Target(row.target_kind, row.target_id, row.target_label, row.target_region),  # type: ignore[arg-type]
        lead_days=tuple(int(days) for days in row.lead_days),
        created_by=row.created_by_name,
        created_at=row.created_at,
        next_meeting=_next(row, meetings),
    )


def _next(row: Subscription, meetings: Iterable[Meeting]) -> UpcomingMeeting | None:
    for meeting in meetings:  # sorted by date
        if covers(row, meeting):
            return UpcomingMeeting(
                meeting.slug, meeting.body, meeting.date, meeting.start_time, meeting.place
            )
    return None


def _lead_days(target: Target, asked: tuple[int, ...] | None) -> tuple[int, ...]:
    if target.kind == "item":
        return ()
    days = DEFAULT_LEAD_DAYS if asked is None else asked
    valid = sorted({int(d) for d in days if 0 < int(d) <= MAX_LEAD_DAYS}, reverse=True)
    return tuple(valid) or DEFAULT_LEAD_DAYS


def _target(entity: Entity) -> Target:
    kind = entity.kind if entity.kind in MEETING_KINDS else "item"
    region = entity.region if entity.kind in ("body", "item") else None
    return Target(kind, entity.id, entity.label, region)  # type: ignore[arg-type]


def _choice(entity: Entity) -> Choice:
    kind = entity.kind if entity.kind in ("item", "body") else "cluster"
    return Choice(entity.id, kind, entity.label, entity.detail, f"abonner på {entity.label}")


def _scope_entity(snapshot: Snapshot, scope: ChatScope, kinds: frozenset[str]) -> Entity | None:
    if scope.cluster and "cluster" in kinds:
        return snapshot.entities.get(entity_id("cluster", scope.cluster))
    if scope.region and "region" in kinds:
        return snapshot.entities.get(entity_id("region", scope.region))
    return None


def _scope_rows(rows: list[Subscription], scope: ChatScope) -> list[Subscription]:
    wanted = {
        entity_id("cluster", scope.cluster) if scope.cluster else None,
        entity_id("region", scope.region) if scope.region else None,
    }
    return [row for row in rows if row.target_id in wanted]


def _named(snapshot: Snapshot, rows: list[Subscription], text: str) -> list[Subscription]:
    """The subscriptions `text` names: by target id (a "did you mean" button), resolved
    like a question, else by their labels."""
    exact = [row for row in rows if row.target_id == text.strip()]
    if exact:
        return exact
    resolution = decide(snapshot.names.search(terms(text), KINDS["any"]))
    if resolution.outcome != "missing":
        ids = {hit.entity.id for hit in resolution.hits}
        chosen = [row for row in rows if row.target_id in ids]
        if chosen:
            return chosen
    typed = fold(text)
    return [row for row in rows if typed and typed in fold(row.target_label)]


def _suggestions(
    snapshot: Snapshot, near: list[Entity], kinds: frozenset[str], text: str
) -> tuple[str, ...]:
    """Names like the one typed, best first: the index's near misses, else the names of
    `kinds` that resemble it; none when nothing does (never the first few by name)."""
    if near:
        return tuple(entity.label for entity in near[:SUGGESTIONS])
    if not text.strip():
        return ()
    names = {key: e.label for key, e in snapshot.entities.items() if e.kind in kinds}
    return tuple(names[key] for key in resembling(text, names, SUGGESTIONS))


def _local(moment: datetime | None) -> datetime | None:
    return instant(moment).astimezone(COPENHAGEN) if moment is not None else None
