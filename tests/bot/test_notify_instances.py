"""Two bot processes (`python app.py`) on one PostgreSQL database share an outbox of
1,000 due reminders for 1,000 conversations: each reminder reaches its conversation
exactly once, counted by the connector fake both processes send to."""

from __future__ import annotations

import asyncio
import re
import threading
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date

import pytest

from knowledge.clock import Clock
from knowledge.db import create_engine, migrate, session_factory
from knowledge.service import KnowledgeService
from tests.conftest import drop_postgres_database, fresh_postgres_database, require_postgres
from tests.support.flaky_connector import running_flaky_connector
from tests.support.outbox import is_due_reminder, seed, seed_meetings
from tests.support.process import BotProcess

pytestmark = pytest.mark.postgres
CONVERSATIONS = 1000
CLAIMED = re.compile(r"notifier: claimed (\d+) due notifications")


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    require_postgres()
    url = await fresh_postgres_database()
    try:
        yield url
    finally:
        await drop_postgres_database(url)


@dataclass
class Instance:
    bot: BotProcess
    reader: threading.Thread

    def claimed(self) -> int:
        return sum(
            int(found.group(1)) for line in self.bot.output if (found := CLAIMED.search(line))
        )

    def stop(self) -> None:
        """Terminate (the notifier stops gracefully) and keep every line it wrote."""
        if self.bot.process is not None:
            self.bot.process.terminate()
            self.bot.process.wait(timeout=30)
            self.reader.join(timeout=10)
            if self.bot.process.stdout is not None:
                self.bot.process.stdout.close()
            self.bot.process = None


async def start(url: str, name: str) -> Instance:
    """A bot process whose output is read all along (a full pipe would stall it)."""
    bot = BotProcess(
        {
            "DATABASE_URL": url,
            "BOT_TODAY": "2024-03-01",
            "NOTIFY_INTERVAL_SECONDS": "0.2",
            "TENANT_SEND_RATE": "200",
            "INSTANCE_ID": name,
        }
    )
    await asyncio.to_thread(bot.start)  # the connector fake keeps answering meanwhile
    assert bot.process is not None
    assert bot.process.stdout is not None
    reader = threading.Thread(target=bot.output.extend, args=(bot.process.stdout,), daemon=True)
    reader.start()
    return Instance(bot, reader)


async def test_two_processes_deliver_each_of_1000_reminders_exactly_once(
    postgres_url: str,
) -> None:
    engine = create_engine(postgres_url)
    await migrate(engine)
    sessions = session_factory(engine)
    service = KnowledgeService(sessions, Clock(date(2024, 3, 1)))
    await seed_meetings(service)  # not empty: neither process loads the demo
    chats = [f"a:instances-{n:04d}" for n in range(CONVERSATIONS)]
    bots: list[Instance] = []
    try:
        async with running_flaky_connector() as connector:
            bots = [await start(postgres_url, "bot-a"), await start(postgres_url, "bot-b")]
            planned = await seed(service, sessions, chats, connector.url)
            started = time.monotonic()
            while sum(connector.accepted.values()) < CONVERSATIONS:
                assert time.monotonic() - started < 120, f"{len(connector.accepted)} reached"
                await asyncio.sleep(0.1)
            await asyncio.sleep(1.0)  # room for a duplicate to show up
            for instance in bots:
                await asyncio.to_thread(instance.stop)
        lines = await service.outbox(("pending", "sending", "sent", "failed", "uncertain"))
    finally:
        for instance in bots:
            instance.stop()
        await engine.dispose()

    assert 2 * CONVERSATIONS == planned
    assert {chat: 1 for chat in chats} == dict(connector.accepted)
    assert CONVERSATIONS == connector.requests()
    due = [line for line in lines if is_due_reminder(line.due_at)]
    assert {"sent": CONVERSATIONS} == {"sent": sum(line.state == "sent" for line in due)}
    assert [] == [line for line in due if line.state != "sent"]
    shares = [instance.claimed() for instance in bots]
    assert CONVERSATIONS == sum(shares)
    assert all(shares), f"both instances should have sent some: {shares}"
