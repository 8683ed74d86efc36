"""What a turn reads when it starts (knowledge/state/turn_start.py), in one statement: the
conversation's row, its state document and the knowledge base's generation, each found
or missing independently of the others, on SQLite and on PostgreSQL."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from knowledge.answers import cache
from knowledge.core.chat import ChatScope
from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, open_inline, session_factory
from knowledge.service import DEMO_FILE, KnowledgeService
from knowledge.state import bot_state, turn_start
from knowledge.state.bot_state import HASHED, MAX_KEY_BYTES, StoredState
from knowledge.state.conversations import ConversationKey, Seen
from knowledge.updates.contract import Author, UpdateRequest
from tests.support.statements import recording

CHAT = "a:turn-start-chat"
KEY = ConversationKey(CHAT, "msteams", "tenant-midt")
STATE_KEY = f"msteams/conversations/{CHAT}"
RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"
SCOPE = ChatScope(region="Region Midtjylland", cluster="Randersklyngen")


@dataclass
class World:
    kb: KnowledgeService
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]


@asynccontextmanager
async def opened(url: str) -> AsyncIterator[World]:
    engine = create_engine(url)
    await migrate(engine)
    sessions = session_factory(engine)
    kb = KnowledgeService(sessions, Clock(date(2024, 3, 1)))
    await kb.restore(DEMO_FILE)
    try:
        yield World(kb, engine, sessions)
    finally:
        kb.close()
        await engine.dispose()


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    async with opened(database_url) as world:
        yield world


@pytest.fixture
async def sqlite_world(sqlite_url: str) -> AsyncIterator[World]:
    """The inline read is for SQLite files only (knowledge/core/db.open_inline)."""
    async with opened(sqlite_url) as world:
        yield world


def reference(service_url: str = "https://smba.trafficmanager.net/emea/") -> dict[str, Any]:
    return {
        "activityId": "activity-1",
        "bot": {"id": "28:klyngebot", "name": "Klyngebot"},
        "conversation": {"id": CHAT, "conversationType": "personal"},
        "channelId": "msteams",
        "locale": "da-DK",
        "serviceUrl": service_url,
        "user": {"id": "29:user-1", "name": "Mette"},
    }


async def write_state(world: World, key: str, document: str) -> None:
    async with world.sessions() as session, session.begin():
        await bot_state.write(session, key, document, None)


async def stored_state(world: World, key: str) -> StoredState:
    async with world.sessions() as session:
        return (await bot_state.read(session, [key]))[key]


async def generation_now(world: World) -> cache.Generation:
    async with world.sessions() as session:
        return await cache.generation(session)


async def test_an_unknown_conversation_without_state_has_neither(world: World) -> None:
    start = await world.kb.turn_start(CHAT, STATE_KEY)

    assert (None, None) == (start.seen, start.state)
    assert await generation_now(world) == start.generation


async def test_after_a_turn_it_has_the_row_and_the_state_document(world: World) -> None:
    await world.kb.remember_conversation(KEY, reference())
    await world.kb.set_chat_scope(KEY, SCOPE)
    await write_state(world, STATE_KEY, '{"dialog_state": {"stack": []}}')

    start = await world.kb.turn_start(CHAT, STATE_KEY)

    row = await world.kb.conversation(CHAT)
    assert row is not None
    assert Seen(SCOPE, True, reference(), row.last_seen_at) == start.seen
    assert await stored_state(world, STATE_KEY) == start.state
    assert await generation_now(world) == start.generation


async def test_it_is_one_statement(world: World) -> None:
    await world.kb.remember_conversation(KEY, reference())
    await write_state(world, STATE_KEY, "{}")

    with recording(world.engine) as statements:
        await world.kb.turn_start(CHAT, STATE_KEY)

    sqlite = world.engine.dialect.name == "sqlite"
    # On a SQLite file the read goes past the pool, on the loop (knowledge/core/db.open_inline).
    assert (0 if sqlite else 1) == len(statements.sent)


async def test_the_inline_read_is_one_statement_and_reads_what_the_pool_reads(
    sqlite_world: World,
) -> None:
    world = sqlite_world
    await world.kb.remember_conversation(KEY, reference())
    await write_state(world, STATE_KEY, "{}")
    connection = open_inline(world.engine)
    assert connection is not None
    sent: list[str] = []
    connection.set_trace_callback(sent.append)
    try:
        inline = turn_start.InlineReader(connection).read(CHAT, STATE_KEY)
    finally:
        connection.close()
    async with world.engine.connect() as pooled:
        assert await turn_start.read(pooled, CHAT, STATE_KEY) == inline
    assert 1 == len(sent)


async def test_a_locked_inline_read_falls_back_to_the_pool(
    sqlite_world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    world = sqlite_world
    await world.kb.remember_conversation(KEY, reference())
    expected = await world.kb.turn_start(CHAT, STATE_KEY)

    def locked(*_args: Any) -> Any:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(turn_start.InlineReader, "read", locked)
    with recording(world.engine) as statements:
        assert expected == await world.kb.turn_start(CHAT, STATE_KEY)
    assert 1 == len(statements.sent)


def test_no_inline_reader_for_a_missing_file_or_memory(tmp_path: Path) -> None:
    missing = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'absent.db'}")
    assert open_inline(missing) is None
    assert not (tmp_path / "absent.db").exists()  # opened read-write, never created
    assert open_inline(create_engine("sqlite+aiosqlite:///:memory:")) is None


@pytest.mark.parametrize(
    "state_key",
    ["k" * (MAX_KEY_BYTES + 1), "æ" * (MAX_KEY_BYTES // 2 + 1), f"{HASHED}short"],
    ids=["long", "long-in-bytes", "hashed-prefix"],
)
async def test_a_state_key_stored_hashed_is_found_too(world: World, state_key: str) -> None:
    await write_state(world, state_key, '{"long": true}')

    start = await world.kb.turn_start(CHAT, state_key)

    assert await stored_state(world, state_key) == start.state
    assert '{"long": true}' == getattr(start.state, "document", None)


async def test_a_state_document_without_a_conversation_row_is_found(world: World) -> None:
    await write_state(world, STATE_KEY, '{"only": "state"}')

    start = await world.kb.turn_start(CHAT, STATE_KEY)

    assert None is start.seen
    assert await stored_state(world, STATE_KEY) == start.state


async def test_a_conversation_row_without_state_is_found(world: World) -> None:
    await world.kb.remember_conversation(KEY, reference())

    start = await world.kb.turn_start(CHAT, STATE_KEY)

    assert None is start.state
    assert start.seen is not None
    assert (True, reference()) == (start.seen.active, start.seen.reference)


async def test_another_conversations_row_and_state_are_not_read(world: World) -> None:
    other = ConversationKey("a:other-chat", "msteams", "tenant-midt")
    await world.kb.remember_conversation(other, reference())
    await write_state(world, "msteams/conversations/a:other-chat", "{}")

    start = await world.kb.turn_start(CHAT, STATE_KEY)

    assert (None, None) == (start.seen, start.state)


async def test_an_inactive_conversation_is_read_as_inactive(world: World) -> None:
    await world.kb.remember_conversation(KEY, reference())
    await world.kb.deactivate_conversation(CHAT, "uninstalled")

    start = await world.kb.turn_start(CHAT, STATE_KEY)

    assert start.seen is not None
    assert False is start.seen.active


async def test_the_generation_follows_updates_and_forgetting(world: World) -> None:
    before = (await world.kb.turn_start(CHAT, STATE_KEY)).generation
    current = await world.kb.current_status(RYGESTOP)
    author = Author("aad-anne", "Anne Jensen")
    await world.kb.update_status(
        UpdateRequest(RYGESTOP, "paused", None, author, "k1", current.current_entry_id, CHAT, "a1")
    )
    after_update = (await world.kb.turn_start(CHAT, STATE_KEY)).generation
    await world.kb.forget_user("aad-anne")
    after_forget = (await world.kb.turn_start(CHAT, STATE_KEY)).generation

    assert await generation_now(world) == after_forget
    assert len({before, after_update, after_forget}) == 3
