"""Calendar feeds: a personal, revocable link to a body's meetings as iCalendar."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.answers import ChatScope
from knowledge.notify_api import CalendarLink, Subscriber, TargetAmbiguous, TargetNotFound
from knowledge.snapshot import Snapshot


async def issue_link(
    session: AsyncSession,
    snapshot: Snapshot,
    subscriber: Subscriber,
    target: str,
    scope: ChatScope,
    now: datetime,
) -> CalendarLink | TargetAmbiguous | TargetNotFound:
    raise NotImplementedError  # H2


async def revoke(
    session: AsyncSession, owner_id: str | None, slug: str | None, now: datetime
) -> int:
    raise NotImplementedError  # H2


async def feed(session: AsyncSession, slug: str, token: str, now: datetime) -> bytes | None:
    raise NotImplementedError  # H2
