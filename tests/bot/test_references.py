"""Conversation references: stored on every activity, inactive after removal, active again."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from app import SERVICE
from tests.support.activities import BOT_ID, message
from tests.support.bot import post
from tests.support.connector import Connector

CHAT = "a:reference-chat"


async def _row(bot: TestClient[Any, Any]) -> Any:
    return await bot.app[SERVICE].conversation(CHAT)  # type: ignore[index]


async def test_a_message_stores_the_reference_for_later_sends(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await post(bot, message("hjælp", connector.url, conversation=CHAT))

    row = await _row(bot)
    assert connector.url == row.service_url
    assert CHAT == row.reference["conversation"]["id"]
    assert BOT_ID == row.reference["bot"]["id"]
    assert row.active


async def test_removal_makes_it_inactive_and_a_new_message_active_again(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await post(bot, message("hjælp", connector.url, conversation=CHAT))
    removed = message("", connector.url, conversation=CHAT)
    removed.update(type="installationUpdate", action="remove", text=None)

    await post(bot, removed)
    after_removal = await _row(bot)
    await post(bot, message("hjælp", connector.url, conversation=CHAT))
    after_message = await _row(bot)

    assert (False, "uninstalled") == (after_removal.active, after_removal.inactive_reason)
    assert (True, None) == (after_message.active, after_message.inactive_reason)


async def test_a_channel_thread_keeps_the_channel_not_the_thread(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    channel = "19:general@thread.tacv2"
    await post(bot, message("hjælp", connector.url, conversation=f"{channel};messageid=1700000"))

    row = await bot.app[SERVICE].conversation(channel)  # type: ignore[index]
    thread = await bot.app[SERVICE].conversation(f"{channel};messageid=1700000")  # type: ignore[index]

    assert thread is None
    assert channel == row.reference["conversation"]["id"]
