"""What is due: reminders planned from subscriptions and meetings, and the outbox that
the notifier claims from (`knowledge.notify.contract` says the rules).

The outbox is the schedule, so nothing lives in process memory: planning writes a row
per (subscription, meeting, meeting day, lead time) and may run any number of times on
any number of instances; the unique key keeps one row. Claiming leases due rows with a
single UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) (PostgreSQL skips rows
another instance holds; SQLite has one writer at a time), so no row is handed to two
senders. Every time is stored in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.clock import COPENHAGEN
from knowledge.core.history import instant
from knowledge.core.meeting_json import meeting_json
from knowledge.core.models import Conversation, Meeting, Notification, Subscription
from knowledge.notify.contract import LEASE, REMINDER_TIME, Due, OutboxLine, SendResult
from knowledge.understanding.entities import entity_id

MAX_ATTEMPTS = 5
SATURDAY, SUNDAY = 5, 6


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def reminder_due(meeting_day: date, lead_days: int) -> datetime:
    """08:00 Copenhagen `lead_days` before the meeting; Saturday and Sunday move to Friday."""
    day = meeting_day - timedelta(days=lead_days)
    if day.weekday() == SATURDAY:
        day -= timedelta(days=1)
    elif day.weekday() == SUNDAY:
        day -= timedelta(days=2)
    return datetime.combine(day, REMINDER_TIME, tzinfo=COPENHAGEN)


def meeting_start(meeting: Meeting) -> datetime:
    """When reminders stop: the start, or the start of the day when no time is known."""
    return datetime.combine(meeting.date, meeting.start_time or time(0, 0), tzinfo=COPENHAGEN)


def covers(subscription: Subscription, meeting: Meeting) -> bool:
    """True when the subscription follows this meeting's body, cluster or region."""
    return meeting_in_target(subscription.target_kind, subscription.target_id, meeting)


def meeting_in_target(kind: str, target_id: str, meeting: Meeting) -> bool:
    if kind == "body":
        return entity_id("body", meeting.body, meeting.region) == target_id
    if kind == "cluster":
        return meeting.cluster is not None and entity_id("cluster", meeting.cluster) == target_id
    if kind == "region":
        return meeting.region is not None and entity_id("region", meeting.region) == target_id
    return False


def target_payload(subscription: Subscription) -> dict[str, Any]:
    return {
        "kind": subscription.target_kind,
        "id": subscription.target_id,
        "label": subscription.target_label,
    }


async def upcoming_meetings(session: AsyncSession, now: datetime) -> list[Meeting]:
    """Planned meetings with a known day that have not started, soonest first."""
    rows = await session.scalars(
        select(Meeting)
        .where(Meeting.state == "planned")
        .where(Meeting.date_precision == "day")
        .where(Meeting.date >= now.astimezone(COPENHAGEN).date())
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
    )
    return [meeting for meeting in rows if meeting_start(meeting) > now]


async def enqueue(session: AsyncSession, rows: Iterable[dict[str, Any]], now: datetime) -> int:
    """Insert outbox rows (Notification column values; state "pending"), ignoring any
    whose key exists already; returns how many were new."""
    values = [_row(row, now) for row in rows]
    if not values:
        return 0
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    new = 0
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        statement = (
            insert(Notification).values(chunk).on_conflict_do_nothing(index_elements=["key"])
        )
        result = await session.execute(statement)
        new += max(int(result.rowcount), 0)  # type: ignore[attr-defined]
    return new


def _row(row: dict[str, Any], now: datetime) -> dict[str, Any]:
    values = {
        "state": "pending",
        "attempts": 0,
        "payload": {},
        "created_at": now,
        "tenant_id": None,
        "subscription_id": None,
        "meeting_id": None,
        "status_entry_id": None,
        "lead_days": None,
        "deadline_at": None,
        **row,
    }
    for name in ("due_at", "deadline_at", "created_at"):
        if values[name] is not None:
            values[name] = utc(values[name])
    return values


async def plan(session: AsyncSession, now: datetime) -> int:
    """Every reminder that should exist is in the outbox, and no other pending one is;
    returns how many were added or brought back."""
    inactive = select(Conversation.conversation_id).where(Conversation.active.is_(False))
    subscriptions = list(
        await session.scalars(
            select(Subscription)
            .where(Subscription.target_kind.in_(("body", "cluster", "region")))
            .where(Subscription.conversation_id.not_in(inactive))
        )
    )
    # Nobody follows meetings: none are needed (an import of many files plans after each).
    meetings = await upcoming_meetings(session, now) if subscriptions else []
    wanted: dict[str, dict[str, Any]] = {}
    for subscription in subscriptions:
        wanted.update(_reminders(subscription, meetings, now))
    await _drop_stale(session, now, wanted, None)
    return await _keep(session, wanted, now)


async def plan_subscription(
    session: AsyncSession, subscription: Subscription, meetings: Sequence[Meeting], now: datetime
) -> int:
    """Plan one subscription's reminders (after it was made or its lead times changed)."""
    wanted = _reminders(subscription, meetings, now)
    await _drop_stale(session, now, wanted, subscription.id)
    return await _keep(session, wanted, now)


async def _keep(session: AsyncSession, wanted: dict[str, dict[str, Any]], now: datetime) -> int:
    """Add what is missing, and bring back reminders cancelled earlier that are wanted
    again: the meeting moved back to its day, the conversation wrote again."""
    keys = list(wanted)
    revived = 0
    for start in range(0, len(keys), 500):
        result = await session.execute(
            update(Notification)
            .where(Notification.key.in_(keys[start : start + 500]))
            .where(Notification.state == "cancelled")
            .values(state="pending", finished_at=None, last_error=None, attempts=0)
            .execution_options(synchronize_session=False)
        )
        revived += int(result.rowcount)  # type: ignore[attr-defined]
    return revived + await enqueue(session, wanted.values(), now)


def _reminders(
    subscription: Subscription, meetings: Sequence[Meeting], now: datetime
) -> dict[str, dict[str, Any]]:
    """Its reminders: lead times already past when it was made are left out."""
    conversation = subscription.conversation_id
    made = instant(subscription.created_at)
    found: dict[str, dict[str, Any]] = {}
    for meeting in meetings:
        if not covers(subscription, meeting):
            continue
        start = meeting_start(meeting)
        for lead in subscription.lead_days:
            due = reminder_due(meeting.date, int(lead))
            if due <= made or due >= start:
                continue
            key = f"reminder:{subscription.id}:{meeting.id}:{meeting.date.isoformat()}:{lead}"
            found[key] = {
                "key": key,
                "kind": "reminder",
                "conversation_id": conversation,
                "tenant_id": subscription.tenant_id,
                "subscription_id": subscription.id,
                "meeting_id": meeting.id,
                "lead_days": int(lead),
                "due_at": due,
                "deadline_at": start,
                "payload": {
                    "meeting": meeting_json(meeting),
                    "lead_days": int(lead),
                    "target": target_payload(subscription),
                    "subscription_ids": [subscription.id],
                },
            }
    return found


async def _drop_stale(
    session: AsyncSession, now: datetime, wanted: dict[str, dict[str, Any]], only: int | None
) -> None:
    """Pending reminders nobody wants any more: the meeting moved (its day is in the key)
    or was cancelled, the subscription ended or changed its lead times."""
    query = select(Notification.id, Notification.key, Notification.deadline_at).where(
        Notification.kind == "reminder", Notification.state == "pending"
    )
    if only is not None:
        query = query.where(Notification.subscription_id == only)
    at = utc(now)
    started: list[int] = []
    unwanted: list[int] = []
    for row in await session.execute(query):
        if row.deadline_at is not None and instant(row.deadline_at) <= at:
            started.append(row.id)
        elif row.key not in wanted:
            unwanted.append(row.id)
    await _close(session, started, "skipped", "the meeting has started", at)
    await _close(session, unwanted, "cancelled", "no longer planned", at)


async def _close(
    session: AsyncSession, ids: list[int], state: str, reason: str, at: datetime
) -> None:
    for start in range(0, len(ids), 500):
        await session.execute(
            update(Notification)
            .where(Notification.id.in_(ids[start : start + 500]))
            .where(Notification.state == "pending")
            .values(state=state, finished_at=at, last_error=reason)
            .execution_options(synchronize_session=False)
        )


async def claim(
    session: AsyncSession, now: datetime, owner: str, limit: int, lease: timedelta = LEASE
) -> list[Due]:
    """Lease up to `limit` due notifications to `owner`, soonest first, tenants taking turns:
    each tenant's soonest, then each one's second, and so on. Each tenant has a send rate of
    its own (bot/limits.py), so a claim filled by one tenant's backlog would hold the
    instance at that one rate while the others' notifications wait."""
    at = utc(now)
    await _expire(session, at)
    turn = func.row_number().over(
        partition_by=Notification.tenant_id, order_by=(Notification.due_at, Notification.id)
    )
    claimable = (
        Notification.state == "pending",
        Notification.due_at <= at,
        or_(Notification.next_attempt_at.is_(None), Notification.next_attempt_at <= at),
        or_(Notification.lease_until.is_(None), Notification.lease_until < at),
    )
    ranked = select(Notification.id, turn.label("turn")).where(*claimable).subquery()
    due = (
        select(Notification.id)
        .join(ranked, ranked.c.id == Notification.id)
        # Again where the lock is taken: PostgreSQL re-checks these on a row another
        # instance claimed meanwhile, and skips it (the ranking above is not re-checked).
        .where(*claimable)
        .order_by(ranked.c.turn, Notification.due_at, Notification.id)
        .limit(limit)
        .with_for_update(skip_locked=True, of=Notification)
    )
    claimed = await session.execute(
        update(Notification)
        .where(Notification.id.in_(due))
        .values(lease_owner=owner, lease_until=at + lease)
        .returning(Notification.id)
        .execution_options(synchronize_session=False)
    )
    ids = sorted(claimed.scalars())
    if not ids:
        return []
    rows = list(
        await session.scalars(
            select(Notification).where(Notification.id.in_(ids)).order_by(Notification.due_at)
        )
    )
    return await _ready(session, rows, at)


async def _expire(session: AsyncSession, at: datetime) -> None:
    """A send whose lease ran out may or may not have arrived: uncertain, never resent."""
    await session.execute(
        update(Notification)
        .where(Notification.state == "sending")
        .where(Notification.lease_until < at)
        .values(
            state="uncertain",
            finished_at=at,
            last_error="the sender stopped while sending",
        )
        .execution_options(synchronize_session=False)
    )


async def _ready(session: AsyncSession, rows: list[Notification], at: datetime) -> list[Due]:
    """What of the claimed rows may still be sent, with fresh meeting details."""
    conversations = {
        row.conversation_id: row
        for row in await session.scalars(
            select(Conversation).where(
                Conversation.conversation_id.in_({row.conversation_id for row in rows})
            )
        )
    }
    meetings = {
        meeting.id: meeting
        for meeting in await session.scalars(
            select(Meeting).where(
                Meeting.id.in_({row.meeting_id for row in rows if row.meeting_id is not None})
            )
        )
    }
    replaced = await _replaced(session, rows, at)
    ready: list[Due] = []
    for row in rows:
        conversation = conversations.get(row.conversation_id)
        reason = _why_not(row, conversation, at, replaced)
        if reason is not None:
            row.state, row.last_error, row.finished_at = reason[0], reason[1], at
            row.lease_owner = row.lease_until = None
            continue
        assert conversation is not None
        assert conversation.reference is not None
        payload = dict(row.payload)
        meeting = meetings.get(row.meeting_id) if row.meeting_id is not None else None
        if meeting is not None:
            payload["meeting"] = meeting_json(meeting)
            payload["days_until"] = (meeting.date - at.astimezone(COPENHAGEN).date()).days
        ready.append(
            Due(
                id=row.id,
                key=row.key,
                kind=row.kind,  # type: ignore[arg-type]
                conversation_id=row.conversation_id,
                tenant_id=row.tenant_id or conversation.tenant_id,
                reference=dict(conversation.reference),
                locale=conversation.reference.get("locale"),
                payload=payload,
                due_at=instant(row.due_at),
                deadline_at=instant(row.deadline_at) if row.deadline_at else None,
                attempts=row.attempts + 1,
            )
        )
    return ready


async def _replaced(session: AsyncSession, rows: list[Notification], at: datetime) -> set[int]:
    """The claimed reminders a later one of the same meeting to the same conversation
    replaces (one query for the whole claim)."""
    reminders = [row for row in rows if row.kind == "reminder" and row.meeting_id is not None]
    if not reminders:
        return set()
    latest: dict[tuple[str, int | None], datetime] = {}
    for start in range(0, len(reminders), 500):
        chunk = reminders[start : start + 500]
        others = await session.execute(
            select(Notification.conversation_id, Notification.meeting_id, Notification.due_at)
            .where(Notification.kind == "reminder")
            .where(Notification.meeting_id.in_({row.meeting_id for row in chunk}))
            .where(Notification.conversation_id.in_({row.conversation_id for row in chunk}))
            .where(Notification.state.in_(("pending", "sending", "sent")))
            .where(Notification.due_at <= at)
        )
        for conversation_id, meeting_id, due_at in others:
            pair, due = (conversation_id, meeting_id), instant(due_at)
            latest[pair] = max(latest.get(pair, due), due)
    return {
        row.id
        for row in reminders
        if latest.get((row.conversation_id, row.meeting_id), instant(row.due_at))
        > instant(row.due_at)
    }


def _why_not(
    row: Notification, conversation: Conversation | None, at: datetime, replaced: set[int]
) -> tuple[str, str] | None:
    if row.deadline_at is not None and instant(row.deadline_at) <= at:
        return "skipped", "the meeting has started"
    if conversation is None or conversation.reference is None:
        return "cancelled", "the conversation is unknown"
    if not conversation.active:
        return "cancelled", f"the conversation is inactive ({conversation.inactive_reason})"
    if row.id in replaced:
        return "skipped", "a later reminder of the same meeting replaces it"
    return None


async def mark_sending(
    session: AsyncSession, notification_id: int, owner: str, now: datetime
) -> bool:
    """Just before the POST: only the lease holder, only before the deadline."""
    return notification_id in await mark_sending_all(session, [notification_id], owner, now)


async def mark_sending_all(
    session: AsyncSession, notification_ids: Sequence[int], owner: str, now: datetime
) -> set[int]:
    """`mark_sending` for several rows in one go: the ids that may be sent now. A row
    whose meeting has started is skipped; any other refusal leaves the row as it is."""
    at = utc(now)
    marked: set[int] = set()
    for start in range(0, len(notification_ids), 500):
        chunk = notification_ids[start : start + 500]
        started = await session.execute(
            update(Notification)
            .where(Notification.id.in_(chunk))
            .where(Notification.state == "pending")
            .where(Notification.lease_owner == owner)
            .where(or_(Notification.deadline_at.is_(None), Notification.deadline_at > at))
            .values(state="sending", attempts=Notification.attempts + 1, lease_until=at + LEASE)
            .returning(Notification.id)
            .execution_options(synchronize_session=False)
        )
        marked.update(started.scalars())
    refused = [
        notification_id for notification_id in notification_ids if notification_id not in marked
    ]
    for start in range(0, len(refused), 500):
        await session.execute(
            update(Notification)
            .where(Notification.id.in_(refused[start : start + 500]))
            .where(Notification.state == "pending")
            .where(Notification.deadline_at <= at)
            .values(state="skipped", finished_at=at, last_error="the meeting has started")
            .execution_options(synchronize_session=False)
        )
    return marked


async def finish(
    session: AsyncSession, notification_id: int, owner: str, result: SendResult, now: datetime
) -> None:
    """Record what one send attempt learned."""
    await finish_all(session, [(notification_id, result)], owner, now)


async def finish_all(
    session: AsyncSession,
    results: Sequence[tuple[int, SendResult]],
    owner: str,
    now: datetime,
) -> None:
    """`finish` for several send attempts in one go."""
    at = utc(now)
    learned = dict(results)
    ids = list(learned)
    rows: list[Notification] = []
    for start in range(0, len(ids), 500):
        rows.extend(
            await session.scalars(
                select(Notification)
                .where(Notification.id.in_(ids[start : start + 500]))
                .where(Notification.lease_owner == owner)
                .where(Notification.state.in_(("sending", "uncertain")))
                .order_by(Notification.id)
            )
        )
    for row in rows:
        await _record(session, row, learned[row.id], at)


async def _record(
    session: AsyncSession, row: Notification, result: SendResult, at: datetime
) -> None:
    row.last_error = result.error
    row.lease_owner = row.lease_until = None
    if result.outcome == "retry" and row.attempts < MAX_ATTEMPTS:
        row.state = "pending"
        row.next_attempt_at = utc(result.not_before) if result.not_before else at
        return
    row.finished_at = at
    if result.outcome == "sent":
        row.state, row.activity_id = "sent", result.activity_id
    elif result.outcome == "uncertain":
        row.state = "uncertain"
    else:
        row.state = "failed"
    if result.outcome == "blocked":
        await _conversation_blocked(session, row.conversation_id, at)
    elif result.outcome == "gone":
        await _conversation_gone(session, row.conversation_id, at)


async def _conversation_blocked(session: AsyncSession, conversation_id: str, at: datetime) -> None:
    """403: the bot was blocked or removed; keep the row, send nothing until it is back."""
    await session.execute(
        update(Conversation)
        .where(Conversation.conversation_id == conversation_id)
        .values(active=False, inactive_reason="blocked: 403 on send")
    )
    await cancel_for_conversation(session, conversation_id, at)


async def _conversation_gone(session: AsyncSession, conversation_id: str, at: datetime) -> None:
    """404: the conversation no longer exists; forget its reference and subscriptions."""
    await cancel_for_conversation(session, conversation_id, at)
    await session.execute(
        delete(Subscription).where(Subscription.conversation_id == conversation_id)
    )
    await session.execute(
        delete(Conversation).where(Conversation.conversation_id == conversation_id)
    )


async def cancel_for_conversation(
    session: AsyncSession, conversation_id: str, now: datetime
) -> int:
    """Cancel every pending notification of a conversation (it blocked or removed the bot)."""
    cancelled = await session.execute(
        update(Notification)
        .where(Notification.conversation_id == conversation_id)
        .where(Notification.state == "pending")
        .values(state="cancelled", finished_at=utc(now), last_error="conversation inactive")
        .execution_options(synchronize_session=False)
    )
    return int(cancelled.rowcount)  # type: ignore[attr-defined]


async def give_back(session: AsyncSession, notification_id: int, owner: str) -> bool:
    """Marked for sending but never sent (the sender is stopping): pending again, and the
    attempt does not count."""
    back = await session.execute(
        update(Notification)
        .where(Notification.id == notification_id)
        .where(Notification.lease_owner == owner)
        .where(Notification.state == "sending")
        .values(
            state="pending",
            attempts=Notification.attempts - 1,
            lease_owner=None,
            lease_until=None,
            next_attempt_at=None,
        )
        .execution_options(synchronize_session=False)
    )
    return bool(back.rowcount)  # type: ignore[attr-defined]


async def release(session: AsyncSession, owner: str) -> int:
    """Give back rows leased but not yet being sent (a graceful shutdown)."""
    released = await session.execute(
        update(Notification)
        .where(Notification.lease_owner == owner)
        .where(Notification.state == "pending")
        .values(lease_owner=None, lease_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(released.rowcount)  # type: ignore[attr-defined]


async def outbox(session: AsyncSession, states: tuple[str, ...]) -> list[OutboxLine]:
    rows = await session.scalars(
        select(Notification)
        .where(Notification.state.in_(states))
        .order_by(Notification.due_at, Notification.id)
    )
    return [
        OutboxLine(
            id=row.id,
            key=row.key,
            kind=row.kind,
            conversation_id=row.conversation_id,
            state=row.state,
            attempts=row.attempts,
            due_at=instant(row.due_at),
            deadline_at=instant(row.deadline_at) if row.deadline_at else None,
            next_attempt_at=instant(row.next_attempt_at) if row.next_attempt_at else None,
            last_error=row.last_error,
        )
        for row in rows
    ]
