"""One Turn per activity: the text without the bot's @mention, the chat a channel thread
belongs to, the language of the message (else the locale), and what a card's button carries."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from bot.turns import chat_key, turn_of
from bot.wire import activity_from_json
from dialogs.turn import Turn
from knowledge.core.chat import ChatScope
from knowledge.state.conversations import ConversationKey, Seen
from knowledge.updates.contract import Author
from tests.support.activities import TENANT, channel_mention, message

URL = "https://smba.trafficmanager.net/emea/"


def turn(data: dict[str, Any]) -> Turn:
    activity = activity_from_json(data)
    return turn_of(activity, chat_key(activity))


def test_a_channel_mention_is_left_out_of_the_text() -> None:
    question = "hvad er status på IV-aftalen?"

    assert question == turn(channel_mention(question, URL)).text


def test_a_leftover_at_tag_of_the_bot_is_left_out_too() -> None:
    data = message("<at>Klyngebot</at>  næste   møde i Midtklyngen", URL)

    assert "næste møde i Midtklyngen" == turn(data).text


def test_someone_elses_mention_stays_as_its_text() -> None:
    mention = {"type": "mention", "text": "Anna", "mentioned": {"id": "29:anna", "name": "Anna"}}
    data = message("spørg Anna om rygestop", URL, entities=[mention])

    assert "spørg Anna om rygestop" == turn(data).text


def test_a_channel_thread_belongs_to_its_channel() -> None:
    thread = turn(channel_mention("status på rygestop", URL))

    assert "19:channel@thread.tacv2" == thread.chat_id
    assert "19:channel@thread.tacv2;messageid=1" == thread.thread_id
    assert ConversationKey("19:channel@thread.tacv2", "msteams", TENANT) == thread.chat
    assert ("channel", False) == (thread.place, thread.personal)


@pytest.mark.parametrize(
    ("locale", "lang"),
    [
        ("da-DK", "da"),
        ("en-GB", "en"),
        ("EN-us", "en"),
        ("en", "en"),
        ("de-DE", "da"),
        (None, "da"),
    ],
)
def test_without_words_the_language_is_the_locales(locale: str | None, lang: str) -> None:
    data = message("", URL)
    data["locale"] = locale

    assert lang == turn(data).lang


@pytest.mark.parametrize(
    ("text", "locale", "lang"),
    [
        ("hvornår mødes styregruppen næste gang?", "en-US", "da"),
        ("when does the steering group meet next?", "da-DK", "en"),
        ("status", "en-US", "da"),  # the words do not tell: Danish, whatever the client says
        ("påmind mig om møderne", "en-US", "da"),
        ("good morning", "da-DK", "en"),
    ],
)
def test_a_message_is_answered_in_its_own_language(text: str, locale: str, lang: str) -> None:
    data = message(text, URL)
    data["locale"] = locale

    assert lang == turn(data).lang


def test_a_personal_chat_is_personal_and_the_author_is_the_sender() -> None:
    chat = turn(message("hej", URL))

    assert ("personal", True) == (chat.place, chat.personal)
    assert Author("aad-user-1", "Mette") == chat.author
    assert (TENANT, True) == (chat.tenant, chat.cards)


def test_a_group_chat_is_a_chat() -> None:
    assert "chat" == turn(message("hej", URL, conversation_type="groupChat")).place


def test_an_ask_button_carries_its_question_and_a_more_button_its_page() -> None:
    ask = {"action": "ask", "question": "  status på rygestop ", "choice": "rygestop"}
    more = {"action": "more", "question": "list initiatives", "offset": 10}

    asked, paged = turn(message("", URL, value=ask)), turn(message("", URL, value=more))

    assert ("status på rygestop", 0, ask) == (asked.text, asked.page, asked.value)
    assert ("list initiatives", 10) == (paged.text, paged.page)


def test_a_page_nobody_could_have_asked_for_is_the_first() -> None:
    more = {"action": "more", "question": "list initiatives", "offset": -3}

    assert 0 == turn(message("", URL, value=more)).page


def test_what_the_turn_start_read_is_in_the_turn() -> None:
    activity = activity_from_json(message("status", URL))
    scope = ChatScope("Region Midtjylland", "Midtklyngen")
    seen = Seen(scope=scope, active=True, reference=None, last_seen_at=datetime.now(UTC))

    started = turn_of(activity, chat_key(activity), seen, ("generation", 7))

    assert (scope, ("generation", 7)) == (started.scope, started.generation)
    assert ChatScope() == turn_of(activity, chat_key(activity)).scope


def test_an_invoke_is_marked_as_one() -> None:
    data = message("", URL, name="adaptiveCard/action")
    data["type"] = "invoke"

    assert (True, False) == (turn(data).invoke, turn(message("hej", URL)).invoke)
