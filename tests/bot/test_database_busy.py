"""A database that is there but will not take a write (another connection holds SQLite's
write lock, or PostgreSQL's tables locked against writes): a turn that writes answers 503
within the 2 s lock wait, well inside Teams' 15 s, so Teams delivers it again rather than
redelivering a turn still waiting; /readyz says not ready; both recover when the locks go.
A stopped PostgreSQL is tests/bot/test_database_down.py."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.settings import Settings
from knowledge.core.db import LOCK_WAIT, create_engine, migrate
from knowledge.core.models import Base
from tests.support.activities import message
from tests.support.bot import TODAY, post, running_bot
from tests.support.connector import Connector

SLACK = 1.0  # seconds a busy machine may add to the lock wait


@pytest.fixture
async def bot(database_url: str, connector: Connector) -> AsyncIterator[TestClient[Any, Any]]:
    settings = Settings(
        database_url=database_url, today=TODAY, anonymous_service_urls=(connector.url,)
    )
    async with running_bot(settings) as client:
        yield client


@asynccontextmanager
async def write_locked(database_url: str) -> AsyncIterator[None]:
    """Another connection holds the database's write locks until the block ends: SQLite's
    one write lock, or on PostgreSQL every table locked against writes (reads go on)."""
    if database_url.startswith("sqlite"):
        holder = sqlite3.connect(make_url(database_url).database or "", isolation_level=None)
        try:
            holder.execute("BEGIN IMMEDIATE")
            yield
            holder.execute("ROLLBACK")
        finally:
            holder.close()
        return
    engine = create_engine(database_url)
    await migrate(engine)
    tables = ", ".join([table.name for table in Base.metadata.sorted_tables] + ["alembic_version"])
    try:
        async with engine.connect() as holder:
            await holder.execute(text(f"LOCK TABLE {tables} IN EXCLUSIVE MODE"))
            yield
            await holder.rollback()
    finally:
        await engine.dispose()


async def test_a_write_turn_that_cannot_get_the_database_answers_503_within_the_lock_wait(
    bot: TestClient[Any, Any], database_url: str, connector: Connector
) -> None:
    assert 201 == (await post(bot, message("hjælp", connector.url))).status
    async with write_locked(database_url):
        started = time.monotonic()
        # A new conversation: the turn must write its row.
        locked = await post(bot, message("hjælp", connector.url, conversation="a:new-chat"))
        waited = time.monotonic() - started
    again = await post(bot, message("hjælp", connector.url, conversation="a:new-chat"))

    assert (503, 201) == (locked.status, again.status)
    assert LOCK_WAIT - 0.2 <= waited <= LOCK_WAIT + SLACK


async def test_readyz_answers_503_while_the_database_takes_no_writes(
    bot: TestClient[Any, Any], database_url: str
) -> None:
    before = await bot.get("/readyz")
    async with write_locked(database_url):
        started = time.monotonic()
        locked = await bot.get("/readyz")
        waited = time.monotonic() - started
        body = await locked.json()
    after = await bot.get("/readyz")

    assert (200, 503, 200) == (before.status, locked.status, after.status)
    assert {"status": "database takes no writes"} == body
    assert waited <= LOCK_WAIT + SLACK


async def test_many_write_turns_at_once_all_answer_503_within_the_lock_wait(
    bot: TestClient[Any, Any], database_url: str, connector: Connector
) -> None:
    chats = [f"a:busy-{n}" for n in range(8)]
    for chat in chats:  # known conversations: what the turns write is their dialog state
        assert 201 == (await post(bot, message("hjælp", connector.url, conversation=chat))).status
    async with write_locked(database_url):
        started = time.monotonic()
        statuses = await asyncio.gather(
            *(post(bot, message("opdater status", connector.url, conversation=c)) for c in chats)
        )
        waited = time.monotonic() - started

    assert [503] * len(chats) == [response.status for response in statuses]
    assert waited <= LOCK_WAIT + SLACK, waited
