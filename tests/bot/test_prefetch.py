"""State a turn has already read (bot/storage.py `prefetched`): a read of exactly those keys
is answered without the database, once; a write or delete drops the key; other keys and
reads outside the block go to the database. On SQLite and on PostgreSQL; and over HTTP, a
dialog continues in the next turn with no separate read of its bot_state."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy.ext.asyncio import AsyncEngine

from app import ENGINE, SERVICE
from bot.storage import SqlStorage, prefetched
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.state import bot_state
from knowledge.state.bot_state import StoredState
from tests.questions.replies import reply_text
from tests.support.activities import message
from tests.support.bot import post
from tests.support.connector import Connector
from tests.support.statements import recording

KEY = "msteams/conversations/a:prefetch-chat"
OTHER = "msteams/conversations/a:other-chat"
STATE_READ = "from bot_state where bot_state.key in"
RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"


@dataclass
class World:
    engine: AsyncEngine
    storage: SqlStorage

    async def stored(self, key: str) -> StoredState:
        async with session_factory(self.engine)() as session:
            return (await bot_state.read(session, [key]))[key]

    async def read(self, keys: list[str]) -> tuple[dict[str, Any], int]:
        """What the storage read, and how many state reads went to the database."""
        with recording(self.engine) as statements:
            found = await self.storage.read(keys)
        return found, len(statements.containing(STATE_READ))


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    engine = create_engine(database_url)
    await migrate(engine)
    yield World(engine, SqlStorage(session_factory(engine)))
    await engine.dispose()


def plain(found: dict[str, Any]) -> dict[str, Any]:
    return {key: {k: v for k, v in item.items() if k != "e_tag"} for key, item in found.items()}


async def test_a_prefetched_key_is_read_from_the_prefetch_once(world: World) -> None:
    await world.storage.write({KEY: {"turn": 1}})
    earlier = await world.stored(KEY)
    await world.storage.write({KEY: {"turn": 2}})

    with prefetched({KEY: earlier}):
        first, first_queries = await world.read([KEY])
        second, second_queries = await world.read([KEY])

    assert ({KEY: {"turn": 1}}, 0) == (plain(first), first_queries)
    assert earlier.etag == first[KEY]["e_tag"]
    assert ({KEY: {"turn": 2}}, 1) == (plain(second), second_queries)


async def test_none_means_no_document(world: World) -> None:
    await world.storage.write({KEY: {"in": "the database"}})

    with prefetched({KEY: None}):
        found, queries = await world.read([KEY])

    assert ({}, 0) == (found, queries)


async def test_a_write_drops_the_prefetched_key(world: World) -> None:
    await world.storage.write({KEY: {"turn": 1}})
    earlier = await world.stored(KEY)

    with prefetched({KEY: earlier}):
        await world.storage.write({KEY: {"turn": 2}})
        found, queries = await world.read([KEY])

    assert ({KEY: {"turn": 2}}, 1) == (plain(found), queries)


async def test_a_delete_drops_the_prefetched_key(world: World) -> None:
    await world.storage.write({KEY: {"turn": 1}})
    earlier = await world.stored(KEY)

    with prefetched({KEY: earlier}):
        await world.storage.delete([KEY])
        found, queries = await world.read([KEY])

    assert ({}, 1) == (found, queries)


async def test_other_keys_go_to_the_database(world: World) -> None:
    await world.storage.write({KEY: {"turn": 1}, OTHER: {"other": True}})
    earlier = await world.stored(KEY)

    with prefetched({KEY: earlier}):
        other, other_queries = await world.read([OTHER])
        both, both_queries = await world.read([KEY, OTHER])

    assert ({OTHER: {"other": True}}, 1) == (plain(other), other_queries)
    assert ({KEY: {"turn": 1}, OTHER: {"other": True}}, 1) == (plain(both), both_queries)


async def test_outside_the_block_nothing_is_prefetched(world: World) -> None:
    await world.storage.write({KEY: {"turn": 1}})
    earlier = await world.stored(KEY)
    await world.storage.write({KEY: {"turn": 2}})

    before, before_queries = await world.read([KEY])
    with prefetched({KEY: earlier}):
        pass
    after, after_queries = await world.read([KEY])

    assert ({KEY: {"turn": 2}}, 1) == (plain(before), before_queries)
    assert ({KEY: {"turn": 2}}, 1) == (plain(after), after_queries)


async def test_each_turn_sees_only_its_own_prefetch(world: World) -> None:
    await world.storage.write({KEY: {"turn": "a"}})
    first = await world.stored(KEY)
    await world.storage.write({KEY: {"turn": "b"}})
    second = await world.stored(KEY)

    async def turn(document: StoredState) -> dict[str, Any]:
        with prefetched({KEY: document}):
            await asyncio.sleep(0)  # the other turn runs meanwhile
            return plain(await world.storage.read([KEY]))

    found = await asyncio.gather(turn(first), turn(second))

    assert [{KEY: {"turn": "a"}}, {KEY: {"turn": "b"}}] == list(found)


async def _say(bot: TestClient[Any, Any], connector: Connector, text: str) -> list[str]:
    connector.clear()
    response = await post(bot, message(text, connector.url, conversation="a:prefetch-dialog"))
    assert 201 == response.status
    return [reply_text(reply) for reply in connector.messages()]


async def test_a_dialog_continues_in_the_next_turn_without_a_separate_state_read(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    engine = bot.app[ENGINE]
    before = len(await bot.app[SERVICE].history(RYGESTOP))
    await _say(bot, connector, "opdater status på rygestop")

    with recording(engine) as statements:
        replies = [await _say(bot, connector, text) for text in ("sat på pause", "spring over")]
        confirmed = await _say(bot, connector, "ja")

    history = await bot.app[SERVICE].history(RYGESTOP)
    assert [1, 1, 1] == [len(replies[0]), len(replies[1]), len(confirmed)]
    assert before + 1 == len(history)
    assert "paused" == history[0].status.category
    assert [] == statements.containing(STATE_READ)
    assert [] != statements.writes_to("bot_state")
