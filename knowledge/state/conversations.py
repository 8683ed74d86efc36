"""Conversations the bot is in: their default scope and the once-only welcome.

Kept in the database, not in process memory, so a restart or a second instance knows
that a chat said "vi er Midtklyngen" and that it has been welcomed already.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.chat import ChatScope
from knowledge.core.models import Conversation


@dataclass(frozen=True)
class ConversationKey:
    conversation_id: str
    channel_id: str
    tenant_id: str | None


# A conversation's reference is written when it changes, or at most this long after it
# was last written: last_seen_at says "seen within the last ten minutes", and a busy chat
# costs no write per message.
SEEN_REFRESH = timedelta(minutes=10)


@dataclass(frozen=True)
class Seen:
    """What a turn needs of its conversation's row, read once when the turn starts."""

    scope: ChatScope
    active: bool
    reference: dict[str, Any] | None
    last_seen_at: datetime


def needs_remembering(before: Seen | None, reference: dict[str, Any], now: datetime) -> bool:
    """Whether `remember` has anything to change: a new or inactive conversation, another
    reference (the id of the activity it came with aside), or last_seen_at gone stale."""
    if before is None or not before.active or before.reference is None:
        return True
    if _without_activity(before.reference) != _without_activity(reference):
        return True
    last = before.last_seen_at
    if last.tzinfo is None:  # SQLite keeps the local time without its offset
        last = last.replace(tzinfo=now.tzinfo)
    return abs(now - last) >= SEEN_REFRESH  # abs: a pinned BOT_TODAY wraps at midnight


def _without_activity(reference: dict[str, Any]) -> dict[str, Any]:
    # A proactive send starts from a fresh continuation activity, never from this id.
    return {key: value for key, value in reference.items() if key != "activityId"}


async def _row(session: AsyncSession, key: ConversationKey, now: datetime) -> Conversation:
    row = await session.scalar(
        select(Conversation).where(Conversation.conversation_id == key.conversation_id)
    )
    if row is None:
        row = Conversation(
            conversation_id=key.conversation_id,
            channel_id=key.channel_id,
            tenant_id=key.tenant_id,
            last_seen_at=now,
        )
        session.add(row)
        await session.flush()
    return row


async def scope_of(session: AsyncSession, conversation_id: str) -> ChatScope:
    row = await session.scalar(
        select(Conversation).where(Conversation.conversation_id == conversation_id)
    )
    if row is None:
        return ChatScope()
    return ChatScope(region=row.scope_region, cluster=row.scope_cluster)


async def set_scope(
    session: AsyncSession, key: ConversationKey, scope: ChatScope, now: datetime
) -> None:
    row = await _row(session, key, now)
    row.scope_region, row.scope_cluster, row.last_seen_at = scope.region, scope.cluster, now


async def claim_welcome(session: AsyncSession, key: ConversationKey, now: datetime) -> bool:
    """True exactly once per conversation, even when two install events race."""
    await _row(session, key, now)
    claimed = await session.execute(
        update(Conversation)
        .where(Conversation.conversation_id == key.conversation_id)
        .where(Conversation.welcomed_at.is_(None))
        .values(welcomed_at=now)
    )
    return bool(claimed.rowcount)  # type: ignore[attr-defined]


async def remember(
    session: AsyncSession, key: ConversationKey, reference: dict[str, Any], now: datetime
) -> bool:
    """Keep the newest reference of a conversation; an activity makes it active again.
    True when it was inactive until now."""
    row = await _row(session, key, now)
    returned = not row.active
    row.reference, row.service_url = reference, reference.get("serviceUrl")
    row.active, row.inactive_reason, row.last_seen_at = True, None, now
    return returned


async def deactivate(session: AsyncSession, conversation_id: str, reason: str) -> bool:
    """The bot was removed (or blocked): keep the row for audit, send nothing to it."""
    changed = await session.execute(
        update(Conversation)
        .where(Conversation.conversation_id == conversation_id)
        .values(active=False, inactive_reason=reason)
    )
    return bool(changed.rowcount)  # type: ignore[attr-defined]


async def reference_of(session: AsyncSession, conversation_id: str) -> Conversation | None:
    return await session.scalar(
        select(Conversation).where(Conversation.conversation_id == conversation_id)
    )
