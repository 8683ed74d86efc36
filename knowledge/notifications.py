"""What is due: reminders planned from subscriptions and meetings, and the outbox that
the notifier claims from (`knowledge.notify_api` says the rules)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.notify_api import Due, OutboxLine, SendResult


async def enqueue(session: AsyncSession, rows: Iterable[dict[str, Any]], now: datetime) -> int:
    """Insert outbox rows (Notification column values; state "pending"), ignoring any
    whose key exists already; returns how many were new."""
    raise NotImplementedError  # H1


async def plan(session: AsyncSession, now: datetime) -> int:
    raise NotImplementedError  # H1


async def claim(
    session: AsyncSession, now: datetime, owner: str, limit: int, lease: timedelta
) -> list[Due]:
    raise NotImplementedError  # H1


async def mark_sending(
    session: AsyncSession, notification_id: int, owner: str, now: datetime
) -> bool:
    raise NotImplementedError  # H1


async def finish(
    session: AsyncSession, notification_id: int, owner: str, result: SendResult, now: datetime
) -> None:
    raise NotImplementedError  # H1


async def release(session: AsyncSession, owner: str) -> int:
    raise NotImplementedError  # H1


async def cancel_for_conversation(
    session: AsyncSession, conversation_id: str, now: datetime
) -> int:
    """Cancel every pending notification of a conversation (it blocked or removed the bot)."""
    raise NotImplementedError  # H1


async def outbox(session: AsyncSession, states: tuple[str, ...]) -> list[OutboxLine]:
    raise NotImplementedError  # H1
