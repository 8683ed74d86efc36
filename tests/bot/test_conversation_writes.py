"""Over HTTP, a busy chat costs no write of its conversation's row per message: the row is
written when the reference changes (locale, service URL), when the conversation was
inactive, or once last_seen_at is ten minutes old. On SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from sqlalchemy import update

from app import ENGINE, SERVICE
from bot.settings import Settings
from knowledge.core.clock import COPENHAGEN
from knowledge.core.models import Conversation
from knowledge.state.conversations import SEEN_REFRESH
from tests.support.activities import message
from tests.support.bot import TODAY, post, replying_to, running_bot
from tests.support.connector import Connector, running_connector
from tests.support.statements import Statements, recording

CHAT = "a:busy-chat"
QUESTION = "hvad er status på samarbejdsaftale om rygestop?"


@pytest.fixture
async def moved() -> AsyncIterator[Connector]:
    """A second connector: where a conversation's service URL moves to."""
    async with running_connector() as running:
        yield running


@pytest.fixture
async def bot(
    database_url: str, connector: Connector, moved: Connector
) -> AsyncIterator[TestClient[Any, Any]]:
    settings = Settings(database_url=database_url, today=TODAY, notify=False)
    async with running_bot(replying_to(settings, connector, moved)) as client:
        yield client


async def send(bot: TestClient[Any, Any], activity: dict[str, Any]) -> Statements:
    with recording(bot.app[ENGINE]) as statements:
        assert 201 == (await post(bot, activity)).status
    return statements


async def row(bot: TestClient[Any, Any]) -> Any:
    return await bot.app[SERVICE].conversation(CHAT)


async def set_last_seen_at(bot: TestClient[Any, Any], value: datetime) -> None:
    async with bot.app[ENGINE].begin() as connection:
        await connection.execute(
            update(Conversation)
            .where(Conversation.conversation_id == CHAT)
            .values(last_seen_at=value)
        )


def instant(value: datetime) -> datetime:
    """SQLite hands back the local time without its offset; PostgreSQL an aware UTC time."""
    return value.replace(tzinfo=COPENHAGEN) if value.tzinfo is None else value


async def test_the_same_question_again_writes_nothing_to_the_conversation(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    first = await send(bot, message(QUESTION, connector.url, conversation=CHAT))
    before = await row(bot)

    again = await send(bot, message(QUESTION, connector.url, conversation=CHAT))

    after = await row(bot)
    assert [] != first.writes_to("conversations")
    assert [] == again.writes_to("conversations")
    assert 2 == len(connector.messages())
    assert (before.last_seen_at, before.reference) == (after.last_seen_at, after.reference)
    assert before.reference["activityId"] == after.reference["activityId"]


async def test_another_locale_writes_the_new_reference(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await send(bot, message(QUESTION, connector.url, conversation=CHAT, locale="da-DK"))

    changed = await send(bot, message(QUESTION, connector.url, conversation=CHAT, locale="en-GB"))

    assert [] != changed.writes_to("conversations")
    assert "en-GB" == (await row(bot)).reference["locale"]


async def test_another_service_url_writes_the_new_reference(
    bot: TestClient[Any, Any], connector: Connector, moved: Connector
) -> None:
    await send(bot, message(QUESTION, connector.url, conversation=CHAT))

    changed = await send(bot, message(QUESTION, moved.url, conversation=CHAT))
    answered_there = len(moved.messages())

    stored = await row(bot)
    assert [] != changed.writes_to("conversations")
    assert 1 == answered_there
    assert (moved.url, moved.url) == (stored.service_url, stored.reference["serviceUrl"])


@pytest.mark.parametrize("reason", ["uninstalled", "blocked: 403 on send"])
async def test_an_inactive_conversation_is_active_again_after_the_next_message(
    bot: TestClient[Any, Any], connector: Connector, reason: str
) -> None:
    await send(bot, message(QUESTION, connector.url, conversation=CHAT))
    await bot.app[SERVICE].deactivate_conversation(CHAT, reason)

    await send(bot, message(QUESTION, connector.url, conversation=CHAT))

    stored = await row(bot)
    assert (True, None) == (stored.active, stored.inactive_reason)


async def test_last_seen_at_is_refreshed_once_it_is_ten_minutes_old(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await send(bot, message(QUESTION, connector.url, conversation=CHAT))
    written = (await row(bot)).last_seen_at
    recent = written - SEEN_REFRESH + timedelta(minutes=1)
    stale = written - SEEN_REFRESH - timedelta(minutes=1)

    await set_last_seen_at(bot, recent)
    kept = await send(bot, message(QUESTION, connector.url, conversation=CHAT))
    after_recent = (await row(bot)).last_seen_at
    await set_last_seen_at(bot, stale)
    refreshed = await send(bot, message(QUESTION, connector.url, conversation=CHAT))
    after_stale = (await row(bot)).last_seen_at

    assert [] == kept.writes_to("conversations")
    assert instant(recent) == instant(after_recent)
    assert [] != refreshed.writes_to("conversations")
    assert instant(after_stale) >= instant(written)
