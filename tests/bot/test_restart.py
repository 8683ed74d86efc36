"""A restart in the middle of a dialog: `kill -9` between two steps, start again, finish.

The dialog's position lives in the database (SQL storage), so the second process
continues at the step where the first one was killed, and exactly one status entry is
written.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import aiohttp
import pytest

from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, session_factory
from knowledge.service import KnowledgeService
from tests.questions.replies import reply_text
from tests.support.activities import message
from tests.support.connector import Connector
from tests.support.process import BotProcess

RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"


@pytest.fixture
def bot_process(tmp_path: Path, connector: Connector) -> Iterator[BotProcess]:
    process = BotProcess(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'kb.db'}",
            "BOT_TODAY": "2024-03-01",
            "ANONYMOUS_SERVICE_URLS": connector.url,
        }
    )
    yield process
    process.stop()


async def _send(address: str, connector: Connector, text: str) -> list[str]:
    connector.clear()
    activity = message(text, connector.url, conversation="a:restart-chat")
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{address}/api/messages", json=activity) as response,
    ):
        assert 201 == response.status
    return [reply_text(reply) for reply in connector.messages()]


async def _entries(url: str) -> int:
    engine = create_engine(url)
    try:
        service = KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1)))
        return len(await service.history(RYGESTOP))
    finally:
        await engine.dispose()


async def test_a_dialog_survives_kill_9_between_two_steps(
    bot_process: BotProcess, connector: Connector, tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    address = bot_process.start()
    before = await _entries(url)
    await _send(address, connector, "opdater status på rygestop")
    asked_for_note = await _send(address, connector, "i gang")

    bot_process.kill_hard()
    address = bot_process.start()
    asked_to_confirm = await _send(address, connector, "spring over")
    confirmed = await _send(address, connector, "ja")

    assert 1 == len(asked_for_note)
    assert 1 == len(asked_to_confirm)
    assert 1 == len(confirmed)
    assert before + 1 == await _entries(url)
