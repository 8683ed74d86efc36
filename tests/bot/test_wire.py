"""bot/wire.py gives what msrest gives: the same models in, the same JSON out, the same
errors for bad input; and well-formed activities never reach msrest at all."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from botbuilder.core import TurnContext
from botbuilder.schema import (
    Activity,
    ActivityTypes,
    CardAction,
    ChannelAccount,
    ConversationReference,
    SuggestedActions,
)
from msrest.exceptions import DeserializationError
from msrest.serialization import Model

from bot.outgoing import to_activity
from bot.wire import activity_from_json, from_json, to_json
from dialogs.cards import welcome_card
from tests.support.activities import bot_added, channel_mention, installed, message

URL = "https://smba.trafficmanager.net/emea/"


def _well_formed() -> list[dict[str, Any]]:
    card_submit = message("", URL, value={"action": "update", "item": "iv", "category": "done"})
    invoke = message("", URL, type="invoke", name="adaptiveCard/action")
    invoke["value"] = {"action": {"type": "Action.Execute", "verb": "update", "data": {"n": 1}}}
    removed = message("", URL, type="conversationUpdate")
    removed["text"] = None
    removed["membersRemoved"] = [{"id": "28:klyngebot"}, {"id": "29:x", "aadObjectId": "y"}]
    rich = message(
        "status på IV-aftalen",
        URL,
        localTimestamp="2024-03-01T10:00:00.123+01:00",
        localTimezone="Europe/Copenhagen",
        attachments=[{"contentType": "text/html", "content": "<p>hej</p>"}],
        entities=[{"type": "clientInfo", "locale": "da-DK", "platform": "Web"}, None],
        historyDisclosed=False,
        textFormat="plain",
        replyToId="1700000000000",
    )
    rich["from"]["role"] = "user"
    rich["conversation"]["isGroup"] = True
    rich["unknownTopLevel"] = {"kept": ["as", "is"]}
    rich["recipient"]["unknownNested"] = 3
    odd_times = message("x", URL, timestamp="2024-03-01T09:00:00Z")
    teams_times = message(
        "x",
        URL,
        timestamp="2024-03-01T09:00:00.9999999Z",
        localTimestamp="2024-03-01T10:00:00.1234567+01:00",
    )
    return [
        message("næste møde i midtklyngen?", URL),
        channel_mention("status på IV-aftalen", URL),
        bot_added(URL),
        installed(URL),
        card_submit,
        invoke,
        removed,
        rich,
        odd_times,
        teams_times,
        {"type": "message", "serviceUrl": URL, "conversation": {"id": "a:1"}},
    ]


def _odd() -> list[dict[str, Any]]:
    """Valid for msrest, but not the declared JSON types: msrest decides."""
    numeric_id = message("x", URL, id=12345)
    string_bool = message("x", URL, historyDisclosed="true")
    channel_list = message("x", URL)
    channel_list["membersAdded"] = [{"id": 7}]
    return [numeric_id, string_bool, channel_list]


@pytest.mark.parametrize("data", _well_formed() + _odd())
def test_an_activity_reads_as_msrest_reads_it(data: dict[str, Any]) -> None:
    expected = Activity().deserialize(copy.deepcopy(data))
    actual = activity_from_json(copy.deepcopy(data))
    assert type(expected) is type(actual)
    assert expected == actual
    assert expected.serialize() == to_json(actual)


def test_unknown_keys_are_kept_as_msrest_keeps_them() -> None:
    data = channel_mention("status", URL)
    activity = activity_from_json(data)
    assert {
        "text": "<at>Klyngebot</at>",
        "mentioned": {"id": "28:klyngebot", "name": "Klyngebot"},
    } == (activity.entities[0].additional_properties)
    # botbuilder finds the mention through them
    assert "status" == TurnContext.remove_recipient_mention(activity).strip()


@pytest.mark.parametrize(
    "data",
    [
        message("x", URL, timestamp="yesterday"),
        message("x", URL, timestamp="20240301T090000Z"),
        message("x", URL, timestamp="2024-03-01T25:00:00Z"),
        message("x", URL) | {"conversation": ["a", "b"]},
        message("x", URL, entities={"type": "mention"}),
        message("x", URL, historyDisclosed="perhaps"),
    ],
)
def test_bad_input_fails_as_in_msrest(data: dict[str, Any]) -> None:
    with pytest.raises(DeserializationError):
        Activity().deserialize(copy.deepcopy(data))
    with pytest.raises(DeserializationError):
        activity_from_json(copy.deepcopy(data))


def _replies() -> list[Activity]:
    card = to_activity(welcome_card("da-DK"))
    card.timestamp = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    card.local_timestamp = datetime(2024, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    naive = Activity(type="message", text="hej", timestamp=datetime(2024, 3, 1, 9, 0, 0, 250000))
    suggested = Activity(
        type=ActivityTypes.message,
        text="Mente du?",
        suggested_actions=SuggestedActions(
            to=["29:user"],
            actions=[CardAction(type="imBack", title="IV", value="status på IV-aftalen")],
        ),
        channel_data={"notification": {"alert": True}, "n": 1.5, "empty": None, "list": [1, "a"]},
    )
    reply = TurnContext.apply_conversation_reference(
        Activity(type="message", text="svar"),
        TurnContext.get_conversation_reference(activity_from_json(_well_formed()[1])),
    )
    return [card, naive, suggested, reply, Activity(type="typing")]


def _odd_replies() -> list[Activity]:
    model_in_object = Activity(type="message", channel_data={"who": ChannelAccount(id="29:x")})
    number_as_text = Activity(type="message", text=42)
    tuple_list = Activity(type="message", attachments=())
    return [model_in_object, number_as_text, tuple_list]


@pytest.mark.parametrize("activity", _replies() + _odd_replies())
def test_a_reply_writes_as_msrest_writes_it(activity: Activity) -> None:
    assert activity.serialize() == to_json(activity)


def test_written_json_is_a_copy() -> None:
    activity = _replies()[0]
    written = to_json(activity)
    written["attachments"][0]["content"]["body"].clear()
    written["channelData"] = "changed"
    assert activity.attachments[0].content["body"]
    assert activity.serialize() != written


def test_a_stored_conversation_reference_reads_back() -> None:
    activity = activity_from_json(channel_mention("status", URL))
    reference = TurnContext.get_conversation_reference(activity)
    stored = to_json(reference)
    assert reference.serialize() == stored
    assert ConversationReference().deserialize(stored) == from_json(ConversationReference, stored)


def test_well_formed_traffic_never_reaches_msrest(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("msrest was used")

    monkeypatch.setattr(Model, "deserialize", classmethod(refuse))
    monkeypatch.setattr(Model, "serialize", refuse)
    for data in _well_formed():
        to_json(activity_from_json(data))
    for activity in _replies():
        to_json(activity)
