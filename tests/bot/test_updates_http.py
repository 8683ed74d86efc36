"""Status updates over HTTP: the dialog, the card (Execute and Submit), redelivery."""

from __future__ import annotations

import uuid
from typing import Any

from aiohttp.test_utils import TestClient

from app import SERVICE
from tests.questions.replies import reply_text, submit_data
from tests.support.activities import message
from tests.support.bot import post
from tests.support.connector import Connector

RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"


async def _history(bot: TestClient[Any, Any]) -> list[Any]:
    return list(await bot.app[SERVICE].history(RYGESTOP))  # type: ignore[index]


async def _say(bot: TestClient[Any, Any], connector: Connector, activity: Any) -> list[str]:
    connector.clear()
    assert 201 == (await post(bot, activity)).status
    return [reply_text(reply) for reply in connector.messages()]


async def test_an_update_in_one_message_is_confirmed_and_saved_once(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    chat = "a:update-chat"
    before = len(await _history(bot))

    await _say(
        bot,
        connector,
        message("sæt rygestop til i gang: nyt datatræk", connector.url, conversation=chat),
    )
    yes = message("ja", connector.url, conversation=chat)
    confirmed = await _say(bot, connector, yes)
    redelivered = await _say(bot, connector, yes)

    history = await _history(bot)
    assert before + 1 == len(history)
    assert "in_progress" == history[0].status.category
    assert "Mette" == history[0].status.author
    assert 1 == len(confirmed)
    assert all("Status opdateret" not in text for text in redelivered)


async def test_a_dialog_asks_for_what_is_missing(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    chat = "a:stepwise-chat"
    before = len(await _history(bot))

    for text in ("opdater status på rygestop", "sat på pause", "spring over", "ja"):
        replies = await _say(bot, connector, message(text, connector.url, conversation=chat))
        assert 1 == len(replies), text

    history = await _history(bot)
    assert before + 1 == len(history)
    assert "paused" == history[0].status.category


def _form_data(
    current_entry_id: int | None, submission: str, category: str = "implemented"
) -> dict[str, Any]:
    return {
        "item": RYGESTOP,
        "category": category,
        "note": "Kører i alle kommuner",
        "current_entry_id": current_entry_id,
        "submission": submission,
    }


async def _current_entry_id(bot: TestClient[Any, Any]) -> int | None:
    current = await bot.app[SERVICE].current_status(RYGESTOP)  # type: ignore[index]
    return current.current_entry_id  # type: ignore[no-any-return]


async def test_action_execute_replaces_the_card_and_saves_once(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    data = _form_data(await _current_entry_id(bot), str(uuid.uuid4()))
    invoke = message("", connector.url, conversation="a:card-chat")
    invoke.update(
        type="invoke",
        name="adaptiveCard/action",
        text=None,
        value={"action": {"type": "Action.Execute", "verb": "statusUpdate", "data": data}},
    )
    before = len(await _history(bot))

    first = await post(bot, invoke)
    second = await post(bot, invoke)

    body = await first.json()
    assert (200, 200) == (first.status, second.status)
    assert "application/vnd.microsoft.card.adaptive" == body["type"]
    assert "AdaptiveCard" == body["value"]["type"]
    assert before + 1 == len(await _history(bot))


async def test_action_submit_saves_once_and_confirms_once(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    data = {"action": "statusUpdate", **_form_data(await _current_entry_id(bot), str(uuid.uuid4()))}
    submit = message("", connector.url, conversation="a:submit-chat", value=data)
    before = len(await _history(bot))

    first = await _say(bot, connector, submit)
    second = await _say(bot, connector, submit)

    assert before + 1 == len(await _history(bot))
    assert 1 == len(first)
    assert [] == second


async def test_a_stale_form_says_the_status_changed_and_saves_nothing(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    seen = await _current_entry_id(bot)
    await _say(
        bot,
        connector,
        message("", connector.url, value={"action": "statusUpdate", **_form_data(seen, "a")}),
    )
    before = len(await _history(bot))

    replies = await _say(
        bot,
        connector,
        message(
            "", connector.url, value={"action": "statusUpdate", **_form_data(seen, "b", "paused")}
        ),
    )

    assert before == len(await _history(bot))
    assert 1 == len(replies)


async def test_a_bad_card_submit_gets_a_clear_answer(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    bad = {
        "action": "statusUpdate",
        **_form_data(await _current_entry_id(bot), "c", category="done"),
    }
    before = len(await _history(bot))

    replies = await _say(bot, connector, message("", connector.url, value=bad))

    assert before == len(await _history(bot))
    assert 1 == len(replies)


async def test_history_shows_the_newest_update_first_with_its_author(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    data = {
        "action": "statusUpdate",
        **_form_data(await _current_entry_id(bot), "history-1", "paused"),
    }
    await _say(bot, connector, message("", connector.url, value=data))

    [shown] = await _say(bot, connector, message("historik for rygestop", connector.url))

    assert "Samarbejdsaftale om rygestop" in shown
    assert shown.index("Mette") < shown.index("Slutstatus")  # the import's entry comes later


async def test_history_of_an_ambiguous_name_asks_which_one(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    connector.clear()
    await post(bot, message("historik for IV-aftalen", connector.url))
    [reply] = connector.messages()

    questions = [d["question"] for d in submit_data(reply) if d.get("action") == "ask"]
    assert 2 == len(questions)
    assert all(q.startswith("historik for") for q in questions)


async def test_opdater_with_an_item_answers_with_the_form_card(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    connector.clear()
    await post(bot, message("opdater rygestop-aftalen", connector.url, conversation="a:form-chat"))
    [reply] = connector.messages()

    card = reply["attachments"][0]["content"]
    inputs = [e for e in card["body"] if e.get("type", "").startswith("Input.")]
    execute = card["actions"][0]
    assert ["Input.ChoiceSet", "Input.Text"] == [e["type"] for e in inputs]
    assert "Action.Execute" == execute["type"]
    assert RYGESTOP == execute["data"]["item"]
    assert "Action.Submit" == execute["fallback"]["type"]
