"""LeanTurnContext (bot/turn_context.py) sends what botbuilder's TurnContext sends and
leaves the caller's activity as botbuilder does, without deep-copying it."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    ChannelAccount,
    ConversationAccount,
    DeliveryModes,
)

from bot.turn_context import LeanTurnContext
from bot.wire import to_json

KINDS = [TurnContext, LeanTurnContext]


def incoming(**changes: Any) -> Activity:
    activity = Activity(
        type="message",
        id="incoming-1",
        channel_id="msteams",
        service_url="https://smba.trafficmanager.net/emea/",
        locale="da-DK",
        conversation=ConversationAccount(id="a:chat-1"),
        from_property=ChannelAccount(id="29:user", name="Mette"),
        recipient=ChannelAccount(id="28:bot", name="Klyngebot"),
        text="status på IV-aftalen",
    )
    for name, value in changes.items():
        setattr(activity, name, value)
    return activity


def replies() -> list[Activity]:
    card = MessageFactory.attachment(
        CardFactory.adaptive_card({"type": "AdaptiveCard", "body": []})
    )
    untyped = Activity(text="uden type", id="caller-id")
    return [MessageFactory.text("hej"), card, untyped, Activity(type=ActivityTypes.trace, name="t")]


async def _send(kind: type[TurnContext], **changes: Any) -> tuple[TurnContext, list[Any], Any]:
    adapter = TestAdapter()
    context = kind(adapter, incoming(**changes))
    seen: list[Activity] = []

    async def handler(_context: TurnContext, activities: list[Activity], following: Any) -> Any:
        seen.extend(activities)
        return await following()

    context.on_send_activities(handler)
    responses = await context.send_activities(replies())
    sent = [to_json(activity) for activity in seen]
    return context, sent, responses


async def test_the_sent_activities_are_botbuilders() -> None:
    stock, stock_sent, stock_responses = await _send(TurnContext)
    lean, lean_sent, lean_responses = await _send(LeanTurnContext)
    assert stock_sent == lean_sent
    assert "28:bot" == lean_sent[0]["from"]["id"]
    assert "incoming-1" == lean_sent[0]["replyToId"]
    assert "message" == lean_sent[2]["type"]
    assert len(stock_responses) == len(lean_responses) > 0
    assert stock.responded
    assert lean.responded


@pytest.mark.parametrize("kind", KINDS)
async def test_the_callers_activities_are_left_as_they_were(kind: type[TurnContext]) -> None:
    originals = replies()
    before = [copy.deepcopy(activity) for activity in originals]
    context = kind(TestAdapter(), incoming())
    await context.send_activities(originals)
    assert before == originals
    assert originals[2].type is None
    assert "caller-id" == originals[2].id


@pytest.mark.parametrize("kind", KINDS)
async def test_only_traces_do_not_count_as_a_response(kind: type[TurnContext]) -> None:
    context = kind(TestAdapter(), incoming())
    await context.send_activities([Activity(type=ActivityTypes.trace, name="t")])
    assert not context.responded


async def test_expect_replies_are_buffered_as_botbuilder_buffers_them() -> None:
    buffered = []
    for kind in KINDS:
        context = kind(TestAdapter(), incoming(delivery_mode=DeliveryModes.expect_replies))
        responses = await context.send_activities(replies())
        assert 4 == len(responses)
        assert context.responded
        buffered.append([to_json(activity) for activity in context.buffered_reply_activities])
    assert buffered[0] == buffered[1]
    assert 4 == len(buffered[0])
