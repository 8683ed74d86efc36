"""A conversation's row is written when something in it changes, not on every turn:
`refresh_conversation` with what `turn_start` read writes a new or changed reference, an
inactive conversation and a last_seen_at ten minutes old, and nothing else, on SQLite
and on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.core.chat import ChatScope
from knowledge.core.clock import COPENHAGEN, Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.service import KnowledgeService
from knowledge.state.conversations import SEEN_REFRESH, ConversationKey, Seen, needs_remembering
from tests.support.clock import Ticker
from tests.support.statements import Statements, recording

CHAT = "a:refresh-chat"
KEY = ConversationKey(CHAT, "msteams", "tenant-midt")
STATE_KEY = f"msteams/conversations/{CHAT}"
START = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


@dataclass
class World:
    kb: KnowledgeService
    engine: AsyncEngine
    ticker: Ticker

    async def seen(self) -> Seen | None:
        return (await self.kb.turn_start(CHAT, STATE_KEY)).seen

    async def turn(self, reference: dict[str, Any]) -> Statements:
        """What the handler does after a turn: refresh with what the turn started with."""
        before = await self.seen()
        with recording(self.engine) as statements:
            await self.kb.refresh_conversation(KEY, reference, before)
        return statements

    async def row(self) -> Any:
        return await self.kb.conversation(CHAT)


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    engine = create_engine(database_url)
    await migrate(engine)
    ticker = Ticker()
    yield World(KnowledgeService(session_factory(engine), Clock(utc_now=ticker)), engine, ticker)
    await engine.dispose()


def reference(
    *,
    activity_id: str = "activity-1",
    locale: str = "da-DK",
    service_url: str = "https://smba.trafficmanager.net/emea/",
) -> dict[str, Any]:
    return {
        "activityId": activity_id,
        "bot": {"id": "28:klyngebot", "name": "Klyngebot"},
        "conversation": {"id": CHAT, "conversationType": "personal"},
        "channelId": "msteams",
        "locale": locale,
        "serviceUrl": service_url,
        "user": {"id": "29:user-1", "name": "Mette"},
    }


def instant(value: datetime) -> datetime:
    """SQLite hands back the local time without its offset; PostgreSQL an aware UTC time."""
    return value.replace(tzinfo=COPENHAGEN) if value.tzinfo is None else value


async def test_a_new_conversation_is_written(world: World) -> None:
    statements = await world.turn(reference())

    row = await world.row()
    assert [] != statements.writes_to("conversations")
    assert (reference(), True) == (row.reference, row.active)


async def test_the_same_reference_again_writes_nothing(world: World) -> None:
    await world.turn(reference())
    before = await world.row()
    world.ticker.now += timedelta(minutes=1)

    statements = await world.turn(reference())

    after = await world.row()
    assert [] == statements.writes_to("conversations")
    assert [] == statements.containing("conversations")
    assert (before.last_seen_at, before.reference) == (after.last_seen_at, after.reference)


async def test_another_activity_id_alone_writes_nothing(world: World) -> None:
    await world.turn(reference(activity_id="activity-1"))

    statements = await world.turn(reference(activity_id="activity-2"))

    assert [] == statements.writes_to("conversations")
    assert "activity-1" == (await world.row()).reference["activityId"]


@pytest.mark.parametrize(
    "changed",
    [{"locale": "en-GB"}, {"service_url": "https://smba.trafficmanager.net/emea-2/"}],
    ids=["locale", "service-url"],
)
async def test_a_changed_reference_is_written(world: World, changed: dict[str, str]) -> None:
    await world.turn(reference())

    statements = await world.turn(reference(**changed))

    row = await world.row()
    assert [] != statements.writes_to("conversations")
    assert reference(**changed) == row.reference
    assert reference(**changed)["serviceUrl"] == row.service_url


@pytest.mark.parametrize("reason", ["uninstalled", "blocked: 403 on send"])
async def test_an_inactive_conversation_is_active_again_after_a_message(
    world: World, reason: str
) -> None:
    await world.turn(reference())
    await world.kb.deactivate_conversation(CHAT, reason)

    await world.turn(reference())

    row = await world.row()
    assert (True, None) == (row.active, row.inactive_reason)


async def test_a_row_without_a_reference_gets_one(world: World) -> None:
    await world.kb.claim_welcome(KEY)  # the row exists, with no reference yet

    await world.turn(reference())

    assert reference() == (await world.row()).reference


async def test_last_seen_at_is_refreshed_once_ten_minutes_have_passed(world: World) -> None:
    await world.turn(reference())
    written = instant((await world.row()).last_seen_at)

    world.ticker.now = START + SEEN_REFRESH - timedelta(seconds=1)
    not_yet = await world.turn(reference())
    world.ticker.now = START + SEEN_REFRESH
    refreshed = await world.turn(reference())

    assert START == written
    assert [] == not_yet.writes_to("conversations")
    assert [] != refreshed.writes_to("conversations")
    assert START + SEEN_REFRESH == instant((await world.row()).last_seen_at)


def test_needs_remembering_reads_a_local_time_without_offset_as_local() -> None:
    now = START.astimezone(COPENHAGEN)  # 10:00 in Copenhagen, 09:00 UTC
    stored = now.replace(tzinfo=None) - SEEN_REFRESH + timedelta(seconds=1)  # as SQLite has it
    seen = Seen(scope=ChatScope(), active=True, reference=reference(), last_seen_at=stored)

    assert False is needs_remembering(seen, reference(), now)
    assert True is needs_remembering(seen, reference(), now + timedelta(seconds=1))
