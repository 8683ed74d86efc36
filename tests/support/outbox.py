"""Many conversations waiting for a reminder, as the knowledge base would plan them:
two meetings of one cluster, conversations with a stored reference to a connector, and
a subscription per conversation made weeks ago. Planning then puts one due reminder
(the first meeting) and one future one (the second) in the outbox for each.

The reminders are due on 2024-02-29 08:00 (2 days before a Saturday meeting), so they are
due at any time of day on 2024-03-01 (`BOT_TODAY=2024-03-01`) and are still useful until
the meeting starts on 2024-03-02 09:00.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge.core.clock import COPENHAGEN, Clock
from knowledge.core.models import Conversation, Subscription
from knowledge.service import KnowledgeService
from knowledge.understanding.entities import entity_id
from tests.factories import document, item, meeting
from tests.support.activities import BOT_ID, TENANT

CLUSTER = "Testklyngen"
REGION = "Region Midtjylland"
BODY = "Klyngestyregruppen Testklyngen"
TODAY = date(2024, 3, 1)
FIRST_MEETING = date(2024, 3, 2)  # reminded on 2024-02-29 08:00: due
SECOND_MEETING = date(2024, 3, 20)  # reminded on 2024-03-18 08:00: later
LEAD_DAYS = 2
SUBSCRIBED_AT = datetime(2024, 2, 1, 12, 0, tzinfo=COPENHAGEN)


def running_from(moment: datetime) -> Clock:
    """A clock that reads `moment` now and runs at the real pace from there."""
    offset = moment - datetime.now(UTC)
    return Clock(utc_now=lambda: datetime.now(UTC) + offset)


def morning_of_today() -> datetime:
    return datetime.combine(TODAY, time(10, 0), tzinfo=COPENHAGEN)


def reference(conversation_id: str, service_url: str, tenant: str = TENANT) -> dict[str, Any]:
    """What the bot stores for a personal chat (TurnContext.get_conversation_reference)."""
    return {
        "activityId": None,
        "user": {"id": f"29:{conversation_id}", "name": "Mette", "aadObjectId": "aad-mette"},
        "bot": {"id": BOT_ID, "name": "Klyngebot"},
        "conversation": {"id": conversation_id, "conversationType": "personal", "tenantId": tenant},
        "channelId": "msteams",
        "locale": "da-DK",
        "serviceUrl": service_url,
    }


async def seed_meetings(service: KnowledgeService) -> None:
    """The cluster's two meetings (importing the same document again changes nothing)."""
    meetings = tuple(
        meeting(BODY, day, region=REGION, cluster=CLUSTER, start_time=time(9, 0), place="Viborg")
        for day in (FIRST_MEETING, SECOND_MEETING)
    )
    parsed = document(item("Samarbejdsaftale om testforløb", region=REGION), meetings=meetings)
    await service.apply_parsed([(parsed, "sha-outbox-seed")])


async def seed(
    service: KnowledgeService,
    sessions: async_sessionmaker[AsyncSession],
    conversations: Sequence[str],
    service_url: str,
    *,
    tenant: str = TENANT,
    tenants: Sequence[str] = (),
) -> int:
    """The two meetings, each conversation with its reference and subscription, and
    the reminders planned; returns how many were planned (two per conversation).
    Given `tenants`, the conversations take turns among them (`tenant_of`)."""
    await seed_meetings(service)
    spread = tuple(tenants) or (tenant,)
    async with sessions() as session, session.begin():
        for start in range(0, len(conversations), 1000):
            chunk = [
                (c, tenant_of(start + n, spread))
                for n, c in enumerate(conversations[start : start + 1000])
            ]
            await session.execute(
                insert(Conversation), [_conversation(c, service_url, t) for c, t in chunk]
            )
            await session.execute(insert(Subscription), [_subscription(c, t) for c, t in chunk])
    return await service.plan_notifications()


def tenant_of(index: int, tenants: Sequence[str]) -> str:
    """The tenant of the `index`-th seeded conversation."""
    return tenants[index % len(tenants)]


def _conversation(conversation_id: str, service_url: str, tenant: str) -> dict[str, Any]:
    return {
        "conversation_id": conversation_id,
        "tenant_id": tenant,
        "channel_id": "msteams",
        "last_seen_at": SUBSCRIBED_AT,
        "service_url": service_url,
        "reference": reference(conversation_id, service_url, tenant),
        "active": True,
    }


def _subscription(conversation_id: str, tenant: str) -> dict[str, Any]:
    return {
        "conversation_id": conversation_id,
        "tenant_id": tenant,
        "personal": True,
        "target_kind": "cluster",
        "target_id": entity_id("cluster", CLUSTER),
        "target_label": CLUSTER,
        "target_region": REGION,
        "lead_days": [LEAD_DAYS],
        "created_by_id": "aad-mette",
        "created_by_name": "Mette",
        "created_at": SUBSCRIBED_AT,
    }


def is_due_reminder(due_at: datetime) -> bool:
    """The first meeting's reminder (due now), not the second's (due in March)."""
    return due_at.astimezone(COPENHAGEN).date() == FIRST_MEETING - timedelta(days=LEAD_DAYS)
