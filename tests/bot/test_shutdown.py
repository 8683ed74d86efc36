"""A graceful stop of a real process (`python app.py`, SIGTERM): it stops accepting at
once, finishes the turn in flight, gives back the notifications it claimed, and exits 0.

The connector fake answers every call 2 s late, so a user's turn is still waiting for
its reply to be accepted when the signal arrives; the notifier has claimed reminders
that the rate limit (one send every 2 s) keeps from going out.
"""

from __future__ import annotations

import asyncio
import signal
import time
from collections.abc import AsyncIterator
from datetime import date

import aiohttp
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.core.models import Notification
from knowledge.service import KnowledgeService
from tests.questions.replies import reply_text
from tests.support.activities import message
from tests.support.connector import Connector, running_connector
from tests.support.outbox import seed
from tests.support.process import started
from tests.support.waiting import eventually

OWNER = "bot-stopping"
CHAT = "a:in-flight"
LATE = 2.0  # seconds the connector takes to accept anything


@pytest.fixture
async def slow_connector() -> AsyncIterator[Connector]:
    async with running_connector(delay=LATE) as connector:
        yield connector


@pytest.fixture
async def sessions(database_url: str) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    engine = create_engine(database_url)
    await migrate(engine)
    yield session_factory(engine)
    await engine.dispose()


async def leased(sessions: async_sessionmaker[AsyncSession]) -> int:
    async with sessions() as session:
        query = select(func.count()).where(Notification.lease_owner == OWNER)
        return int(await session.scalar(query) or 0)


async def refused(address: str, seconds: float) -> bool:
    """Whether the server stops taking new connections within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            async with (
                aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True)) as fresh,
                fresh.get(f"{address}/healthz"),
            ):
                pass
        except aiohttp.ClientConnectorError:
            return True
        await asyncio.sleep(0.05)
    return False


async def test_sigterm_finishes_the_turn_in_flight_gives_back_leases_and_exits_0(
    database_url: str,
    sessions: async_sessionmaker[AsyncSession],
    slow_connector: Connector,
) -> None:
    service = KnowledgeService(sessions, Clock(date(2024, 3, 1)))
    chats = [f"a:stopping-{n}" for n in range(20)]
    await seed(service, sessions, chats, slow_connector.url)  # not empty: no demo either
    bot = await started(
        {
            "DATABASE_URL": database_url,
            "BOT_TODAY": "2024-03-01",
            "INSTANCE_ID": OWNER,
            "NOTIFY_INTERVAL_SECONDS": "0.2",
            "TENANT_SEND_RATE": "0.5",
            "ANONYMOUS_SERVICE_URLS": slow_connector.url,
        }
    )
    try:
        await eventually(lambda: leased(sessions))
        claimed = await leased(sessions)
        activity = message("næste møde i Testklyngen", slow_connector.url, conversation=CHAT)
        async with aiohttp.ClientSession() as http:
            turn = asyncio.create_task(http.post(f"{bot.address}/api/messages", json=activity))
            await eventually(lambda: any(CHAT in r.path for r in slow_connector.requests))
            signalled = time.monotonic()
            bot.signal(signal.SIGTERM)
            stopped_accepting = await refused(bot.address, LATE / 2)
            async with await turn as response:
                status, answered = response.status, time.monotonic() - signalled
        code = await asyncio.to_thread(bot.wait, 30)
        took = time.monotonic() - signalled
    finally:
        await asyncio.to_thread(bot.stop)

    replies = [body for body in slow_connector.messages() if CHAT == body["conversation"]["id"]]
    assert claimed > 0
    assert stopped_accepting, "new connections are refused while the turn finishes"
    assert 201 == status
    assert answered >= LATE / 2, "the turn was really in flight when the signal came"
    assert 1 == len(replies)
    assert "2. marts 2024" in reply_text(replies[0]).lower()
    assert 0 == code
    assert took < 20, f"the process took {took:.1f} s to stop"
    assert 0 == await leased(sessions)
    said = "".join(bot.output)
    assert "shutting down" in said
    assert "claimed notifications given back" in said
