"""Editors managed in chat by admins, and correcting one's own last update."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from app import SERVICE
from bot.settings import Settings
from tests.questions.replies import reply_text
from tests.support.activities import message
from tests.support.bot import post, running_bot, with_settings
from tests.support.connector import Connector

NEW_EDITOR = "1234abcd-0000-1111-2222-333344445555"
RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"


@pytest.fixture
async def admin_bot(bot_settings: Settings) -> AsyncIterator[TestClient[Any, Any]]:
    async with running_bot(with_settings(bot_settings, admins=("aad-user-1",))) as client:
        yield client


async def _say(bot: TestClient[Any, Any], connector: Connector, activity: Any) -> str:
    connector.clear()
    assert 201 == (await post(bot, activity)).status
    [reply] = connector.messages()
    return reply_text(reply)


async def test_an_admin_adds_lists_and_removes_an_editor(
    admin_bot: TestClient[Any, Any], connector: Connector
) -> None:
    added = await _say(
        admin_bot, connector, message(f"editors add {NEW_EDITOR} Jens", connector.url)
    )
    listed = await _say(admin_bot, connector, message("editors list", connector.url))
    removed = await _say(
        admin_bot, connector, message(f"editors remove {NEW_EDITOR}", connector.url)
    )

    assert NEW_EDITOR in added
    assert "Jens" in listed
    assert NEW_EDITOR in removed
    assert () == await admin_bot.app[SERVICE].list_editors()  # type: ignore[index]


async def test_someone_else_may_not_manage_editors(
    admin_bot: TestClient[Any, Any], connector: Connector
) -> None:
    stranger = message(f"editors add {NEW_EDITOR}", connector.url)
    stranger["from"] = {"id": "29:other", "name": "Ole", "aadObjectId": "aad-other"}

    refused = await _say(admin_bot, connector, stranger)

    assert "administrator" in refused
    assert () == await admin_bot.app[SERVICE].list_editors()  # type: ignore[index]


async def test_a_user_corrects_their_own_last_update(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    service = bot.app[SERVICE]  # type: ignore[index]
    current = await service.current_status(RYGESTOP)
    form = {
        "action": "statusUpdate",
        "item": RYGESTOP,
        "category": "in_progress",
        "note": None,
        "current_entry_id": current.current_entry_id,
        "submission": "correct-me",
    }
    await _say(bot, connector, message("", connector.url, value=form))
    count = len(await service.history(RYGESTOP))

    said = await _say(
        bot, connector, message("ret min seneste status på rygestop til afsluttet", connector.url)
    )

    history = await service.history(RYGESTOP)
    assert "afsluttet" in said
    assert count == len(history)
    assert "completed" == history[0].status.category


async def test_no_correction_once_the_window_has_passed(
    bot_settings: Settings, connector: Connector
) -> None:
    async with running_bot(with_settings(bot_settings, correction_minutes=0)) as bot:
        service = bot.app[SERVICE]  # type: ignore[index]
        current = await service.current_status(RYGESTOP)
        form = {
            "action": "statusUpdate",
            "item": RYGESTOP,
            "category": "in_progress",
            "note": None,
            "current_entry_id": current.current_entry_id,
            "submission": "too-late",
        }
        await _say(bot, connector, message("", connector.url, value=form))

        said = await _say(
            bot,
            connector,
            message("ret min seneste status på rygestop til afsluttet", connector.url),
        )

        assert "in_progress" == (await service.history(RYGESTOP))[0].status.category
        assert "afsluttet" not in said
