"""Teams behaviour over HTTP: mentions, welcome once, help, language, chat scope."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from dialogs.wording import say
from tests.questions.checks import kb
from tests.questions.replies import contains, reply_text, submit_data
from tests.support.activities import bot_added, channel_mention, installed, message
from tests.support.bot import post
from tests.support.connector import Connector


def kb_items() -> list[dict[str, Any]]:
    return [row for row in kb().values() if "status_history" in row]


IV_MIDT = "Samarbejdsaftale om IV-behandling i nærområdet"
IV_SYD = "Samarbejdsaftale for IV-behandling i nærområdet"


async def _ask(bot: TestClient[Any, Any], connector: Connector, activity: Any) -> str:
    connector.clear()
    assert 201 == (await post(bot, activity)).status
    [reply] = connector.messages()
    return reply_text(reply)


async def test_the_bots_own_mention_is_stripped_in_a_channel(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    text = await _ask(bot, connector, channel_mention("status på rygestop-aftalen", connector.url))

    assert contains(text, "Samarbejdsaftale om rygestop")
    assert contains(text, "implementeret")


async def test_being_added_welcomes_once_even_with_two_install_events(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    for activity in (bot_added(connector.url), installed(connector.url), bot_added(connector.url)):
        assert 201 == (await post(bot, activity)).status

    [welcome] = connector.messages()
    assert any(data.get("action") == "ask" for data in submit_data(welcome))


async def test_help_is_answered_in_danish_and_english(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    danish = await _ask(bot, connector, message("hjælp", connector.url))
    english = await _ask(bot, connector, message("help", connector.url, locale="en-US"))

    assert contains(danish, say("help", "da"))
    assert contains(english, say("help", "en"))


async def test_an_english_question_gets_an_english_answer(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    text = await _ask(
        bot,
        connector,
        message("what is the status of the smoking cessation agreement", connector.url),
    )

    assert contains(text, "implemented")


async def test_an_ambiguous_short_name_asks_which_one_then_the_chat_scope_decides(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    chat = "a:scoped-chat"
    before = await _ask(
        bot, connector, message("status på IV-aftalen", connector.url, conversation=chat)
    )
    await _ask(bot, connector, message("vi er Randersklyngen", connector.url, conversation=chat))
    after = await _ask(
        bot, connector, message("status på IV-aftalen", connector.url, conversation=chat)
    )

    assert contains(before, say("did_you_mean", "da"))
    assert contains(before, "Region Midtjylland")
    assert contains(before, "Region Syddanmark")
    assert contains(after, IV_MIDT)
    assert not contains(after, IV_SYD)


async def test_a_card_button_asks_its_question(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    chat = "a:button-chat"
    clarify = message("status på IV-aftalen", connector.url, conversation=chat)
    connector.clear()
    await post(bot, clarify)
    [card] = connector.messages()
    choice = next(d for d in submit_data(card) if d.get("action") == "ask")

    pressed = message("", connector.url, conversation=chat, value=choice)
    text = await _ask(bot, connector, pressed)

    assert not contains(text, say("did_you_mean", "da"))
    assert contains(text, "IV-behandling i nærområdet")


async def test_a_very_long_message_is_read_only_up_to_the_cap(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    long_question = "status på rygestop " + "bla " * 5000

    text = await _ask(bot, connector, message(long_question, connector.url))

    assert text


async def test_show_more_gives_the_next_page_of_a_long_list(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    chat = "a:paging-chat"
    connector.clear()
    await post(bot, message("vis alle initiativer", connector.url, conversation=chat))
    [first] = connector.messages()
    more = next(d for d in submit_data(first) if d.get("action") == "more")

    second_text = await _ask(
        bot, connector, message("", connector.url, conversation=chat, value=more)
    )

    titles = [
        row["title"] for row in kb_items() if row["id"].endswith(("midtjylland", "syddanmark"))
    ]
    on_first = {t for t in titles if contains(reply_text(first), t)}
    on_second = {t for t in titles if contains(second_text, t)}
    assert 10 == more["offset"]
    assert on_second
    assert set() == on_first & on_second
