"""Subscriptions: a conversation follows a body's, cluster's or region's meetings, or an
item's status changes (`knowledge.notify_api` says the rules)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.answers import ChatScope
from knowledge.models import Meeting, Subscription
from knowledge.notify_api import SubscribeOutcome, SubscribeRequest, SubscriptionLine, Unsubscribed
from knowledge.snapshot import Snapshot


async def subscribe(
    session: AsyncSession,
    snapshot: Snapshot,
    request: SubscribeRequest,
    scope: ChatScope,
    now: datetime,
) -> SubscribeOutcome:
    raise NotImplementedError  # H1


async def unsubscribe(
    session: AsyncSession,
    snapshot: Snapshot,
    conversation_id: str,
    target: str | None,
    subscription_ids: tuple[int, ...],
    scope: ChatScope,
    now: datetime,
) -> Unsubscribed:
    raise NotImplementedError  # H1


async def list_subscriptions(
    session: AsyncSession, conversation_id: str, now: datetime
) -> tuple[SubscriptionLine, ...]:
    raise NotImplementedError  # H1


def covers(subscription: Subscription, meeting: Meeting) -> bool:
    """True when the subscription follows this meeting's body, cluster or region."""
    raise NotImplementedError  # H1
