"""The /api/messages edge: bad requests get a 4xx and a reason, never a 500."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import urlsplit

import pytest
from aiohttp.test_utils import TestClient

from app import SERVICE
from bot.invokes import NOT_OURS, NOT_SUPPORTED
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


def _invoke(connector: Connector, name: Any, value: Any, **extra: Any) -> dict[str, Any]:
    activity = message("", connector.url, **extra)
    activity.update(type="invoke", name=name, value=value, text=None)
    return activity


TASK_MESSAGE = {"task": {"type": "message", "value": NOT_SUPPORTED["da"]}}
EMPTY_RESULTS = {
    "composeExtension": {"type": "result", "attachmentLayout": "list", "attachments": []}
}


@pytest.mark.parametrize(
    ("name", "value", "status", "body"),
    [
        ("task/fetch", {"data": {"x": 1}}, 200, TASK_MESSAGE),
        ("task/submit", {"data": {}}, 200, TASK_MESSAGE),
        ("composeExtension/fetchTask", {"commandId": "c"}, 200, TASK_MESSAGE),
        ("composeExtension/submitAction", {"commandId": "c"}, 200, TASK_MESSAGE),
        ("composeExtension/query", {"commandId": "search", "parameters": []}, 200, EMPTY_RESULTS),
        ("composeExtension/queryLink", {"url": "https://x.example/"}, 200, EMPTY_RESULTS),
        (
            "config/submit",
            {},
            200,
            {"responseType": "config", "config": {"type": "message", "value": NOT_SUPPORTED["da"]}},
        ),
        (
            "signin/tokenExchange",
            {"id": "exchange-1", "connectionName": "sso", "token": "t"},
            412,
            {
                "id": "exchange-1",
                "connectionName": "sso",
                "failureDetail": "Klyngebot does not use single sign-on",
            },
        ),
        ("signin/tokenExchange", "not an object", 412, None),
        ("signin/verifyState", {"state": "123456"}, 200, None),
        ("made/up", None, 200, None),
        (None, None, 200, None),
    ],
)
async def test_invokes_the_bot_does_not_handle_get_their_protocols_answer(
    bot: TestClient[Any, Any],
    connector: Connector,
    name: Any,
    value: Any,
    status: int,
    body: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    response = await post(bot, _invoke(connector, name, value))
    text = await response.text()

    assert status == response.status
    if body is not None:
        assert body == json.loads(text)
    if status == 200 and body is None:
        assert "" == text
    assert [] == connector.sent
    assert [] == [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_config_fetch_answers_a_dialog_with_a_card(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    response = await post(bot, _invoke(connector, "config/fetch", {}))
    body = await response.json()

    assert (200, "config", "continue") == (
        response.status,
        body["responseType"],
        body["config"]["type"],
    )
    card = body["config"]["value"]["card"]
    assert "application/vnd.microsoft.card.adaptive" == card["contentType"]
    assert NOT_SUPPORTED["da"] == card["content"]["body"][0]["text"]


@pytest.mark.parametrize(
    "value",
    [
        "just text",
        [1, 2, 3],
        {"action": {"type": "Action.Execute", "verb": "someone-elses", "data": {"x": 1}}},
        {"action": "not an object"},
        {"unexpected": True},
        None,
    ],
)
async def test_an_action_execute_that_is_not_ours_gets_a_message_not_an_error(
    bot: TestClient[Any, Any], connector: Connector, value: Any, caplog: pytest.LogCaptureFixture
) -> None:
    response = await post(bot, _invoke(connector, "adaptiveCard/action", value, locale="en-US"))

    assert 200 == response.status
    assert {
        "statusCode": 200,
        "type": "application/vnd.microsoft.activity.message",
        "value": NOT_OURS["en"],
    } == await response.json()
    assert [] == [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("case", "body", "reason"),
    [
        ("nested 65 deep", b"[" * 65 + b"]" * 65, "nested deeper than 64 levels"),
        ("nested 5,000 deep", b'{"a":' * 5000 + b"1" + b"}" * 5000, "nested deeper than 64"),
        ("never closed", b"[" * 100_000, "nested deeper than 64 levels"),
        ("a 31-digit number", b'{"type": ' + b"7" * 31 + b"}", "a number longer than 30"),
        ("a 5,000-digit number", b'{"n": -' + b"9" * 5000 + b"}", "a number longer than 30"),
        (
            "a wrong type",
            b'{"type": 1, "serviceUrl": "http://x/", "conversation": {"id": "c"}}',
            "type must be a string",
        ),
        (
            "a nested wrong type",
            b'{"type": "message", "serviceUrl": "http://x/", "conversation": {"id": ["c"]}}',
            "conversation.id must be a string",
        ),
    ],
)
async def test_input_beyond_the_parsing_bounds_gets_400_with_the_reason(
    bot: TestClient[Any, Any], case: str, body: bytes, reason: str
) -> None:
    response = await bot.post(
        "/api/messages", data=body, headers={"Content-Type": "application/json"}
    )

    assert 400 == response.status, case
    assert reason in (await response.json())["error"], case


async def test_deep_and_long_values_inside_strings_are_only_text(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    text = "[" * 500 + "9" * 500 + '\\"{' * 100
    response = await post(bot, message(text, connector.url))

    assert 201 == response.status
