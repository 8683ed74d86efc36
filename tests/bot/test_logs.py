"""Logs: LOG_FORMAT=json writes one JSON object per line, turns carry their own fields,
and what people write is never in the log."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.logs import JsonFormatter
from tests.support.activities import message
from tests.support.connector import Connector
from tests.support.process import BotProcess

SECRET = "hemmelig-4711"  # a word in the user's message that must not reach the log
CHAT = "a:log-chat-8123"


@pytest.fixture
def json_bot(tmp_path: Path, connector: Connector) -> Iterator[BotProcess]:
    bot = BotProcess(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'kb.db'}",
            "BOT_TODAY": "2024-03-01",
            "LOG_FORMAT": "json",
            "LOG_LEVEL": "DEBUG",
            "ANONYMOUS_SERVICE_URLS": connector.url,
        }
    )
    yield bot
    bot.stop()


def _parsed(lines: list[str]) -> list[dict[str, Any]]:
    return [json.loads(line) for line in lines if line.strip()]


async def test_a_json_process_logs_parseable_lines_with_turn_fields_and_no_message_text(
    json_bot: BotProcess, connector: Connector
) -> None:
    address = json_bot.start()
    activity = message(f"status på rygestop {SECRET}", connector.url, conversation=CHAT)
    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{address}/api/messages", json=activity) as response,
    ):
        status = response.status
    assert 0 == json_bot.stop()

    records = _parsed(json_bot.output)  # fails on any line that is not JSON
    turns = [record for record in records if record["message"].startswith("turn ")]
    assert 201 == status
    assert 1 == len(connector.messages())
    assert all({"time", "level", "logger", "message"} <= record.keys() for record in records)
    assert 1 == len(turns)
    turn = turns[0]
    assert ("bot.handler", "INFO", "message") == (
        turn["logger"],
        turn["level"],
        turn["activity_type"],
    )
    assert isinstance(turn["duration_ms"], float)
    assert 10 == len(turn["conversation"])
    assert turn["intent"] not in ("", "-")
    assert [] == [line for line in json_bot.output if SECRET in line or CHAT in line]


def test_json_lines_carry_extra_fields_and_the_exception() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("tests.logs")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        try:
            raise ValueError("broken")
        except ValueError:
            logger.exception("turn failed: %s", "æøå", extra={"intent": "status"})
    finally:
        logger.removeHandler(handler)
        logger.propagate = True

    record = json.loads(stream.getvalue())
    assert ("ERROR", "tests.logs", "turn failed: æøå", "status") == (
        record["level"],
        record["logger"],
        record["message"],
        record["intent"],
    )
    assert "ValueError: broken" in record["exception"]
    assert record["time"].endswith("Z")
