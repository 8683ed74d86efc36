"""Subscriptions in chat over real HTTP: subscribe, list, unsubscribe by text and by the
card's button (Action.Submit and Action.Execute), in a personal chat and in a channel,
with the demo knowledge base on 1 March 2024."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from app import SERVICE
from knowledge.notify.contract import SubscriptionLine
from tests.questions.replies import reply_text
from tests.support.activities import channel_mention, message
from tests.support.bot import post
from tests.support.connector import Connector

PERSONAL = "a:personal-chat-1"
CHANNEL = "19:channel@thread.tacv2"  # subscriptions belong to the channel
THREAD = f"{CHANNEL};messageid=1"  # where the command was written
ANNA = {"id": "29:anna", "name": "Anna Jensen", "aadObjectId": "aad-anna"}
# Midtklyngen's next meeting after 1 March 2024 in the demo knowledge base.
NEXT_BODY = "Temagruppe for voksne (somatik) Midtklyngen"


async def _say(bot: TestClient[Any, Any], connector: Connector, activity: Any) -> str:
    connector.clear()
    assert 201 == (await post(bot, activity)).status
    [reply] = connector.messages()
    return reply_text(reply).replace("\u00a0", " ")


async def _subscriptions(bot: TestClient[Any, Any], conversation: str) -> list[SubscriptionLine]:
    return list(await bot.app[SERVICE].subscriptions(conversation))  # type: ignore[index]


def _labels(lines: list[SubscriptionLine]) -> list[str]:
    return [line.target.label for line in lines]


def _in_channel(text: str, connector: Connector, **extra: Any) -> dict[str, Any]:
    activity = channel_mention(text, connector.url, **extra)
    activity["from"] = ANNA
    activity["conversation"]["id"] = THREAD
    return activity


def _button_actions(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [action for child in node for action in _button_actions(child)]
    if not isinstance(node, dict):
        return []
    own = [node] if node.get("type") == "Action.Execute" else []
    return own + [
        a for key, child in node.items() if key != "fallback" for a in _button_actions(child)
    ]


async def test_subscribing_in_a_personal_chat_names_the_next_meeting_and_its_date(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    said = await _say(bot, connector, message("abonner på Midtklyngen", connector.url))

    assert "Du abonnerer nu på Midtklyngens møder." in said
    assert f"Næste møde: {NEXT_BODY}, onsdag den 13. marts 2024" in said
    assert "Første påmindelse: onsdag den 6. marts 2024, kl. 08:00" in said
    assert ["Midtklyngen"] == _labels(await _subscriptions(bot, PERSONAL))


async def test_subscribing_in_english_answers_in_english(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    said = await _say(
        bot, connector, message("subscribe to Midtklyngen meetings", connector.url, locale="da-DK")
    )

    assert "You are now subscribed to the meetings of Midtklyngen." in said
    assert "Wednesday 13 March 2024" in said


async def test_in_a_channel_the_bot_says_who_subscribed_it(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    said = await _say(bot, connector, _in_channel("abonner på Midtklyngen", connector))

    assert "Anna Jensen abonnerede kanalen på Midtklyngens møder." in said
    [line] = await _subscriptions(bot, CHANNEL)
    assert ("Midtklyngen", "Anna Jensen") == (line.target.label, line.created_by)
    assert [] == await _subscriptions(bot, PERSONAL)


async def test_lead_times_already_past_are_skipped_and_said(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    said = await _say(
        bot, connector, message("abonner på Midtklyngen 14 og 1 dag før", connector.url)
    )

    [line] = await _subscriptions(bot, PERSONAL)
    assert (14, 1) == line.lead_days
    assert "14 dage før er allerede passeret" in said
    assert "Første påmindelse: tirsdag den 12. marts 2024, kl. 08:00" in said


async def test_lead_times_out_of_range_subscribe_nothing(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    said = await _say(bot, connector, message("abonner på Midtklyngen 90 dage før", connector.url))

    assert "1 til 60 dage" in said
    assert [] == await _subscriptions(bot, PERSONAL)


async def test_abonner_alone_follows_the_chats_own_cluster(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    chat = "a:midt-chat"
    await _say(bot, connector, message("vi er Midtklyngen", connector.url, conversation=chat))

    said = await _say(bot, connector, message("abonner", connector.url, conversation=chat))

    assert "Midtklyngens møder" in said
    assert ["Midtklyngen"] == _labels(await _subscriptions(bot, chat))


async def test_abonner_alone_without_a_cluster_asks_what(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    said = await _say(bot, connector, message("abonner", connector.url))

    assert "abonner på Midtklyngen" in said
    assert [] == await _subscriptions(bot, PERSONAL)


async def test_an_ambiguous_name_asks_and_the_chosen_button_subscribes_that_one(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    connector.clear()
    await post(bot, message("følg IV-aftalen", connector.url))
    [reply] = connector.messages()
    asked = [
        action["data"]
        for action in reply["attachments"][0]["content"]["actions"]
        if "Midtjylland" in action["title"]
    ]

    said = await _say(bot, connector, message("", connector.url, value=asked[0]))

    [line] = await _subscriptions(bot, PERSONAL)
    assert "Mente du" in reply_text(reply)
    assert "item" == line.target.kind
    assert "Region Midtjylland" == line.target.region
    assert "statusændringer for" in said


async def test_the_list_shows_each_subscription_with_an_unsubscribe_button(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await _say(bot, connector, _in_channel("abonner på Midtklyngen", connector))
    connector.clear()
    await post(bot, _in_channel("mine abonnementer", connector))
    [reply] = connector.messages()

    [line] = await _subscriptions(bot, CHANNEL)
    [button] = _button_actions(reply["attachments"][0]["content"])
    assert "Kanalens abonnementer" in reply_text(reply)
    assert "Midtklyngens møder" in reply_text(reply)
    assert "unsubscribe" == button["verb"]
    assert {"klyngebot": "unsubscribe", "subscription_ids": [line.id], "source": "list"} == (
        button["data"]
    )


async def test_unsubscribing_by_text_removes_it_and_says_who(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await _say(bot, connector, _in_channel("abonner på Midtklyngen", connector))

    said = await _say(bot, connector, _in_channel("afmeld Midtklyngen", connector))

    assert "Anna Jensen afmeldte kanalen fra Midtklyngens møder." in said
    assert [] == await _subscriptions(bot, CHANNEL)


async def test_afmeld_alt_ends_every_subscription(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await _say(bot, connector, message("abonner på Midtklyngen", connector.url))
    await _say(bot, connector, message("abonner på Region Syddanmark", connector.url))

    said = await _say(bot, connector, message("afmeld alt", connector.url))

    assert "Du abonnerer ikke længere på" in said
    assert [] == await _subscriptions(bot, PERSONAL)


async def test_the_unsubscribe_button_works_as_a_submit(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await _say(bot, connector, message("abonner på Midtklyngen", connector.url))
    [line] = await _subscriptions(bot, PERSONAL)
    data = {"klyngebot": "unsubscribe", "subscription_ids": [line.id], "source": "list"}

    said = await _say(bot, connector, message("", connector.url, value=data))
    again = await _say(bot, connector, message("", connector.url, value=data))

    assert "Du abonnerer ikke længere på Midtklyngens møder." in said
    assert "allerede afmeldt" in again
    assert [] == await _subscriptions(bot, PERSONAL)


async def test_the_unsubscribe_button_works_as_an_execute_and_replaces_the_card(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await _say(bot, connector, message("abonner på Midtklyngen", connector.url))
    await _say(bot, connector, message("abonner på Region Syddanmark", connector.url))
    midt = next(
        line for line in await _subscriptions(bot, PERSONAL) if line.target.label == "Midtklyngen"
    )
    invoke = message("", connector.url)
    invoke.update(
        type="invoke",
        name="adaptiveCard/action",
        text=None,
        value={
            "action": {
                "type": "Action.Execute",
                "verb": "unsubscribe",
                "data": {
                    "klyngebot": "unsubscribe",
                    "subscription_ids": [midt.id],
                    "source": "list",
                },
            }
        },
    )

    answered = await post(bot, invoke)

    body = await answered.json()
    left = await _subscriptions(bot, PERSONAL)
    assert 200 == answered.status
    assert "application/vnd.microsoft.card.adaptive" == body["type"]
    assert ["Region Syddanmark"] == _labels(left)
    card = body["value"]
    assert [[left[0].id]] == [b["data"]["subscription_ids"] for b in _button_actions(card)]
    assert "Du abonnerer ikke længere på Midtklyngens møder." in card["fallbackText"]


async def test_a_button_cannot_end_another_chats_subscription(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await _say(bot, connector, _in_channel("abonner på Midtklyngen", connector))
    [line] = await _subscriptions(bot, CHANNEL)
    data = {"klyngebot": "unsubscribe", "subscription_ids": [line.id], "source": "notification"}

    said = await _say(bot, connector, message("", connector.url, value=data))

    assert "allerede afmeldt" in said
    assert [line.id] == [kept.id for kept in await _subscriptions(bot, CHANNEL)]


async def test_a_button_without_ids_ends_nothing(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await _say(bot, connector, message("abonner på Midtklyngen", connector.url))

    await _say(bot, connector, message("", connector.url, value={"klyngebot": "unsubscribe"}))

    assert ["Midtklyngen"] == _labels(await _subscriptions(bot, PERSONAL))


async def test_questions_still_go_to_the_knowledge_base(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    status = await _say(bot, connector, message("hvad er status på rygestop?", connector.url))
    meeting = await _say(bot, connector, message("næste møde i Midtklyngen?", connector.url))

    assert "abonner" not in status.lower()
    assert NEXT_BODY in meeting
    assert [] == await _subscriptions(bot, PERSONAL)
