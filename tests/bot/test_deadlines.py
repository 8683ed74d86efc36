"""Deadlines at the edge, over raw sockets: a request whose headers or body stall is closed
within 10 s while other traffic is answered, and a client that goes away mid-body is a
line at INFO, not an error."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from bot.http import BODY_DEADLINE, HEADER_DEADLINE
from tests.support.activities import message
from tests.support.bot import post
from tests.support.connector import Connector

SLACK = 1.5  # seconds past a deadline a close may take on a busy machine


async def _open(bot: TestClient[Any, Any]) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection("127.0.0.1", bot.port)


async def _closed_after(reader: asyncio.StreamReader, started: float) -> float:
    """Seconds from `started` until the server closed the connection (what it sent is read
    and dropped)."""
    while await reader.read(4096):
        pass
    return time.monotonic() - started


def _head(length: int) -> bytes:
    return (
        b"POST /api/messages HTTP/1.1\r\nHost: bot\r\nContent-Type: application/json\r\n"
        b"Content-Length: %d\r\n\r\n" % length
    )


async def _trickle(writer: asyncio.StreamWriter, data: bytes) -> None:
    for byte in range(len(data)):
        writer.write(data[byte : byte + 1])  # one byte a second: never done in time
        await asyncio.sleep(1.0)


async def test_stalled_headers_and_bodies_are_closed_within_the_deadline_while_others_flow(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    body = json.dumps(message("hjælp", connector.url)).encode()
    started = time.monotonic()
    stalled_line = await _open(bot)
    stalled_line[1].write(b"POST /api/mess")  # half a request line, then nothing
    stalled_headers = await _open(bot)
    stalled_headers[1].write(_head(len(body))[:-20])  # headers never finished
    stalled_body = await _open(bot)
    stalled_body[1].write(_head(len(body)) + body[:40])  # a fifth of the body, then nothing
    trickled = await _open(bot)
    trickled[1].write(_head(len(body)))
    trickling = asyncio.create_task(_trickle(trickled[1], body))
    idle = await _open(bot)  # connects and never sends a byte
    connections = (stalled_line, stalled_headers, stalled_body, trickled, idle)
    waits = [asyncio.create_task(_closed_after(reader, started)) for reader, _ in connections]

    answered = []
    while not all(wait.done() for wait in waits):
        answered.append((await post(bot, message("hjælp", connector.url))).status)
        await asyncio.sleep(0.5)
    closed = [wait.result() for wait in waits]
    trickling.cancel()
    for _reader, writer in connections:
        writer.close()

    # The headers' deadline runs from the connection's start, the body's from its headers
    # (all sent at once here): each closes at its deadline, not later.
    deadlines = [HEADER_DEADLINE] * 2 + [BODY_DEADLINE] * 2 + [HEADER_DEADLINE]
    assert all(
        deadline - 0.5 <= seconds <= deadline + SLACK
        for deadline, seconds in zip(deadlines, closed, strict=True)
    ), closed
    assert len(answered) >= 10
    assert {201} == set(answered)


async def test_a_client_that_disconnects_mid_body_is_logged_at_info_without_an_error(
    bot: TestClient[Any, Any], connector: Connector, caplog: pytest.LogCaptureFixture
) -> None:
    body = json.dumps(message("hjælp", connector.url)).encode()
    caplog.set_level(logging.DEBUG)
    _reader, writer = await _open(bot)
    writer.write(_head(len(body)) + body[:50])
    await writer.drain()
    await asyncio.sleep(0.2)  # the handler is waiting for the rest
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.3)
    after = await post(bot, message("hjælp", connector.url))

    noted = [r for r in caplog.records if "went away" in r.getMessage()]
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
    assert ["INFO"] == [record.levelname for record in noted]
    assert [] == [(r.name, r.getMessage()) for r in errors]
    assert 201 == after.status
    assert [] == [r for r in caplog.records if '" 500 ' in r.getMessage()]
