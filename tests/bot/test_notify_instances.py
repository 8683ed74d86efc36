"""Two bot processes (`python app.py`) on one PostgreSQL database share an outbox of
1,000 due reminders for 1,000 conversations: each reminder reaches its conversation
exactly once, counted by the connector fake both processes send to."""

from __future__ import annotations

import asyncio
import re
import time
from datetime import date

import pytest

from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.service import KnowledgeService
from tests.support.flaky_connector import running_flaky_connector
from tests.support.outbox import is_due_reminder, seed, seed_meetings
from tests.support.process import BotProcess, started

pytestmark = pytest.mark.postgres
CONVERSATIONS = 1000
CLAIMED = re.compile(r"notifier: claimed (\d+) due notifications")


def claimed(bot: BotProcess) -> int:
    return sum(int(found.group(1)) for line in bot.output if (found := CLAIMED.search(line)))


async def start(url: str, name: str, service_url: str) -> BotProcess:
    return await started(
        {
            "DATABASE_URL": url,
            "BOT_TODAY": "2024-03-01",
            "NOTIFY_INTERVAL_SECONDS": "0.2",
            "TENANT_SEND_RATE": "200",
            "INSTANCE_ID": name,
            "ANONYMOUS_SERVICE_URLS": service_url,
        }
    )


async def test_two_processes_deliver_each_of_1000_reminders_exactly_once(
    postgres_url: str,
) -> None:
    engine = create_engine(postgres_url)
    await migrate(engine)
    sessions = session_factory(engine)
    service = KnowledgeService(sessions, Clock(date(2024, 3, 1)))
    await seed_meetings(service)  # not empty: neither process loads the demo
    chats = [f"a:instances-{n:04d}" for n in range(CONVERSATIONS)]
    bots: list[BotProcess] = []
    try:
        async with running_flaky_connector() as connector:
            bots = [
                await start(postgres_url, "bot-a", connector.url),
                await start(postgres_url, "bot-b", connector.url),
            ]
            planned = await seed(service, sessions, chats, connector.url)
            started = time.monotonic()
            while sum(connector.accepted.values()) < CONVERSATIONS:
                assert time.monotonic() - started < 120, f"{len(connector.accepted)} reached"
                await asyncio.sleep(0.1)
            await asyncio.sleep(1.0)  # room for a duplicate to show up
            for bot in bots:  # terminated: the notifier stops gracefully
                await asyncio.to_thread(bot.stop)
        lines = await service.outbox(("pending", "sending", "sent", "failed", "uncertain"))
    finally:
        for bot in bots:
            bot.stop()
        await engine.dispose()

    assert 2 * CONVERSATIONS == planned
    assert {chat: 1 for chat in chats} == dict(connector.accepted)
    assert CONVERSATIONS == connector.requests()
    due = [line for line in lines if is_due_reminder(line.due_at)]
    assert {"sent": CONVERSATIONS} == {"sent": sum(line.state == "sent" for line in due)}
    assert [] == [line for line in due if line.state != "sent"]
    shares = [claimed(bot) for bot in bots]
    assert CONVERSATIONS == sum(shares)
    assert all(shares), f"both instances should have sent some: {shares}"
