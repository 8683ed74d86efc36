"""What an import or a status written in chat owes subscribers, put in the outbox in the
same transaction as the change (`knowledge.notify.contract` says the rules).

Each imported file gives each conversation that follows something it changed one digest,
in the file's own transaction:
- a meeting added, moved or cancelled, when the meeting's day is not past and one of the
  conversation's subscriptions covers it (a meeting added and cancelled by the same
  file is no news; one added and moved is added);
- a new newest status of an item the conversation follows (an older entry an import
  fills into the history is not news).
Its payload: {"changes": [...], "targets": [{"kind", "id", "label"}], "subscription_ids":
[ids]}, meetings by date first, then statuses by title, each change one of
  {"change": "meeting added" | "meeting cancelled", "meeting": {...}}
  {"change": "meeting moved", "meeting": {...}, "moved_from": "2024-03-12"}
  {"change": "status", "item": {"slug", "title"}, "category", "text", "valid_from", "author"}
with "meeting" as `knowledge.core.meeting_json` shapes it. Afterwards, when the file
changed a meeting, the reminders are planned again: moved meetings get new ones,
cancelled ones lose theirs.

A status written in chat notifies every conversation following the item, except the
author's own chat and the conversation it was written in (both saw it said).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.core.clock import COPENHAGEN
from knowledge.core.history import newest_entry
from knowledge.core.meeting_json import meeting_json
from knowledge.core.models import Conversation, Item, Meeting, StatusEntry, Subscription
from knowledge.documents.changes import ImportReport
from knowledge.notify.outbox import covers, enqueue, plan, target_payload

MEETING_KINDS = ("body", "cluster", "region")
CONVERSATION_IN_KEY = 200  # longer ones go into keys as a hash (Notification.key holds 300)


@dataclass
class _Changed:
    """What one import did to meetings and items, by slug, in the order it did it."""

    meetings: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    entries: dict[str, set[str]] = field(default_factory=dict)  # item slug -> fingerprints

    @classmethod
    def of(cls, reports: Iterable[ImportReport]) -> _Changed:
        changed = cls()
        for report in reports:
            for change in report.changes:
                if change.action in ("add meeting", "move meeting", "cancel meeting"):
                    changed.meetings.setdefault(change.target, []).append(
                        (change.action, change.detail)
                    )
                elif change.action == "add status" and change.entry:
                    changed.entries.setdefault(change.target, set()).add(change.entry)
        return changed


@dataclass
class _Digest:
    tenant_id: str | None
    changes: dict[str, dict[str, Any]] = field(default_factory=dict)  # by meeting or item
    targets: dict[str, dict[str, Any]] = field(default_factory=dict)
    subscription_ids: list[int] = field(default_factory=list)

    def add(self, subscription: Subscription, key: str, change: dict[str, Any]) -> None:
        self.changes.setdefault(key, change)
        self.targets.setdefault(subscription.target_id, target_payload(subscription))
        if subscription.id not in self.subscription_ids:
            self.subscription_ids.append(subscription.id)


async def after_import(
    session: AsyncSession, reports: Sequence[ImportReport], now: datetime
) -> int:
    """Enqueue one digest per conversation the import concerns, then plan reminders
    again; returns how many digests were new."""
    changed = _Changed.of(reports)
    subscriptions = await _subscriptions(session) if changed.meetings or changed.entries else []
    followed = {s.target_id for s in subscriptions if s.target_kind == "item"}
    meetings = await _meeting_news(session, changed, now) if subscriptions else []
    statuses = await _status_news(session, changed, followed & changed.entries.keys())
    digests: dict[str, _Digest] = {}
    for subscription in subscriptions:
        _collect(digests, subscription, meetings, statuses)
    import_id = _import_id(reports)
    added = await enqueue(
        session, [_digest_row(import_id, c, digest, now) for c, digest in digests.items()], now
    )
    if _touches_meetings(reports):  # else the notifier's own planning has it (bot/proactive.py)
        await plan(session, now)
    return added


def _touches_meetings(reports: Sequence[ImportReport]) -> bool:
    return any(c.action.endswith(" meeting") for report in reports for c in report.changes)


async def after_status_update(
    session: AsyncSession, entry: StatusEntry, item: Item, now: datetime
) -> int:
    """Enqueue a "status" notification for each conversation following the item."""
    subscriptions = await _subscriptions(session, item.slug)
    rows = [
        _status_row(entry, item, subscription, now)
        for subscription in subscriptions
        if not _said_there(entry, subscription)
    ]
    return await enqueue(session, rows, now)


def _said_there(entry: StatusEntry, subscription: Subscription) -> bool:
    """The author's own chat, or the conversation the status was written in."""
    own = (
        subscription.personal
        and entry.author_id is not None
        and subscription.created_by_id == entry.author_id
    )
    return own or subscription.conversation_id == _channel_of(entry.conversation_id)


def _channel_of(conversation_id: str | None) -> str | None:
    """A Teams channel thread ("19:...;messageid=...") is its channel: subscriptions are
    kept for the channel (see bot.turns.chat_id)."""
    return conversation_id.split(";messageid=", 1)[0] if conversation_id else None


async def _subscriptions(session: AsyncSession, item_slug: str | None = None) -> list[Subscription]:
    """Subscriptions of conversations not known to be inactive; one item's, or all."""
    inactive = select(Conversation.conversation_id).where(Conversation.active.is_(False))
    query = select(Subscription).where(Subscription.conversation_id.not_in(inactive))
    if item_slug is not None:
        query = query.where(Subscription.target_kind == "item").where(
            Subscription.target_id == item_slug
        )
    return list(await session.scalars(query.order_by(Subscription.id)))


async def _meeting_news(
    session: AsyncSession, changed: _Changed, now: datetime
) -> list[tuple[Meeting, dict[str, Any]]]:
    """(meeting, change) for the changed meetings worth telling, by date."""
    if not changed.meetings:
        return []
    today = now.astimezone(COPENHAGEN).date()
    rows = await session.scalars(  # the meetings not past are few; an import's may be many
        select(Meeting)
        .where(Meeting.date >= _month_start(today))
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
    )
    news = []
    for meeting in rows:
        if meeting.slug in changed.meetings and not _past(meeting, today):
            change = _meeting_change(meeting, changed.meetings[meeting.slug])
            if change is not None:
                news.append((meeting, change))
    return news


def _month_start(day: date) -> date:
    return day.replace(day=1)  # a month-only meeting of this month is not past


def _past(meeting: Meeting, today: date) -> bool:
    if meeting.date_precision == "day":
        return meeting.date < today
    return (meeting.date.year, meeting.date.month) < (today.year, today.month)


def _meeting_change(meeting: Meeting, actions: list[tuple[str, str]]) -> dict[str, Any] | None:
    done = [action for action, _ in actions]
    payload = meeting_json(meeting)
    if "add meeting" in done:
        return (
            None
            if meeting.state == "cancelled"
            else {"change": "meeting added", "meeting": payload}
        )
    if "cancel meeting" in done and meeting.state == "cancelled":
        return {"change": "meeting cancelled", "meeting": payload}
    moves = [detail for action, detail in actions if action == "move meeting"]
    if moves and meeting.state != "cancelled":
        moved_from = moves[0].split(" -> ")[0]
        return {"change": "meeting moved", "meeting": payload, "moved_from": moved_from}
    return None


async def _status_news(
    session: AsyncSession, changed: _Changed, slugs: set[str]
) -> dict[str, dict[str, Any]]:
    """Item slug -> change, for the items in `slugs` whose newest entry the import added."""
    if not slugs:
        return {}
    items = await session.scalars(
        select(Item)
        .where(Item.slug.in_(sorted(slugs)))
        .options(selectinload(Item.statuses))
        .order_by(Item.title, Item.id)
    )
    news = {}
    for item in items:
        newest = newest_entry(item.statuses)
        if newest is not None and newest.fingerprint in changed.entries[item.slug]:
            news[item.slug] = _status_change(newest, item)
    return news


def _status_change(entry: StatusEntry, item: Item) -> dict[str, Any]:
    return {
        "change": "status",
        "item": {"slug": item.slug, "title": item.title},
        "category": entry.category,
        "text": entry.text,
        "valid_from": entry.valid_from.isoformat() if entry.valid_from else None,
        "author": entry.author,
    }


def _collect(
    digests: dict[str, _Digest],
    subscription: Subscription,
    meetings: list[tuple[Meeting, dict[str, Any]]],
    statuses: dict[str, dict[str, Any]],
) -> None:
    def digest() -> _Digest:
        return digests.setdefault(subscription.conversation_id, _Digest(subscription.tenant_id))

    if subscription.target_kind in MEETING_KINDS:
        for meeting, change in meetings:
            if covers(subscription, meeting):
                digest().add(subscription, f"meeting:{meeting.slug}", change)
    elif subscription.target_id in statuses:
        digest().add(
            subscription, f"item:{subscription.target_id}", statuses[subscription.target_id]
        )


def _import_id(reports: Sequence[ImportReport]) -> str:
    """The same documents are the same import, whatever their order."""
    hashes = sorted({report.sha256 for report in reports})
    return hashlib.sha256("\n".join(hashes).encode()).hexdigest()[:20]


def _digest_row(
    import_id: str, conversation_id: str, digest: _Digest, now: datetime
) -> dict[str, Any]:
    meetings = [c for key, c in digest.changes.items() if key.startswith("meeting:")]
    statuses = [c for key, c in digest.changes.items() if key.startswith("item:")]
    return {
        "key": f"digest:{import_id}:{_in_key(conversation_id)}",
        "kind": "digest",
        "conversation_id": conversation_id,
        "tenant_id": digest.tenant_id,
        "due_at": now,
        "deadline_at": None,
        "payload": {
            "changes": [*meetings, *statuses],
            "targets": list(digest.targets.values()),
            "subscription_ids": digest.subscription_ids,
        },
    }


def _status_row(
    entry: StatusEntry, item: Item, subscription: Subscription, now: datetime
) -> dict[str, Any]:
    change = _status_change(entry, item)
    del change["change"]
    return {
        "key": f"status:{entry.id}:{subscription.id}",
        "kind": "status",
        "conversation_id": subscription.conversation_id,
        "tenant_id": subscription.tenant_id,
        "subscription_id": subscription.id,
        "status_entry_id": entry.id,
        "due_at": now,
        "deadline_at": None,
        "payload": {
            **change,
            "target": target_payload(subscription),
            "subscription_ids": [subscription.id],
        },
    }


def _in_key(conversation_id: str) -> str:
    if len(conversation_id) <= CONVERSATION_IN_KEY:
        return conversation_id
    return hashlib.sha256(conversation_id.encode()).hexdigest()[:40]
