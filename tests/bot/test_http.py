"""The /api/messages edge: bad requests get a 4xx and a reason, never a 500."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from aiohttp.test_utils import TestClient

from app import SERVICE
from tests.support.activities import message
from tests.support.bot import post
from tests.support.connector import Connector, running_connector

CHAT = "a:refused-chat"


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b'{"type": "message"}', "text/plain", 415),
        (b"not json at all", "application/json", 400),
        (b"[1, 2, 3]", "application/json", 400),
        (b'"just a string"', "application/json", 400),
        (b'{"type": "message"}', "application/json", 400),
        (
            b'{"type": "message", "serviceUrl": "http://x", "conversation": "c"}',
            "application/json",
            400,
        ),
        (b"\xff\xfe\x00garbage", "application/json", 400),
        (
            b'{"type": "message", "serviceUrl": "http://127.0.0.1/", "conversation": {"id": "c"},'
            b' "timestamp": "not a date"}',
            "application/json",
            400,
        ),
    ],
)
async def test_malformed_requests_get_a_4xx_with_a_reason(
    bot: TestClient[Any, Any], body: bytes, content_type: str, status: int
) -> None:
    response = await bot.post("/api/messages", data=body, headers={"Content-Type": content_type})

    assert status == response.status
    assert "error" in await response.json()


async def test_a_body_over_256_kb_is_refused(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    activity = message("x" * (300 * 1024), connector.url)

    response = await post(bot, activity)

    assert 413 == response.status
    assert [] == connector.sent


async def test_get_is_not_allowed_on_the_messages_endpoint(bot: TestClient[Any, Any]) -> None:
    assert 405 == (await bot.get("/api/messages")).status


async def test_anonymous_mode_refuses_replies_to_a_non_loopback_service_url(
    bot: TestClient[Any, Any],
) -> None:
    response = await post(bot, message("hjælp", "https://evil.example.net/"))

    assert 403 == response.status


async def test_a_question_is_answered_through_the_connector(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    response = await post(bot, message("hjælp", connector.url))

    assert 201 == response.status
    [reply] = connector.messages()
    assert "a:personal-chat-1" == reply["conversation"]["id"]
    assert "application/vnd.microsoft.card.adaptive" == reply["attachments"][0]["contentType"]


@pytest.mark.parametrize(
    ("case", "address"),
    [
        ("another loopback port", "http://127.0.0.1:{other}/"),
        ("userinfo naming the allowed port", "http://127.0.0.1:{allowed}@127.0.0.1:{other}/"),
    ],
)
async def test_a_refused_reply_address_stores_nothing_and_gets_no_request(
    bot: TestClient[Any, Any], connector: Connector, case: str, address: str
) -> None:
    async with running_connector() as other:
        url = address.format(allowed=urlsplit(connector.url).port, other=urlsplit(other.url).port)
        response = await post(bot, message("abonner på Midtklyngen", url, conversation=CHAT))
        reached = other.requests + connector.requests

    assert 403 == response.status, case
    assert [] == reached
    assert None is await bot.app[SERVICE].conversation(CHAT)
    assert [] == list(await bot.app[SERVICE].subscriptions(CHAT))
