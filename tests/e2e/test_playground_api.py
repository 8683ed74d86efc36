"""Klyngebot in the Agents Playground, driven over the Playground's own HTTP and WebSocket
API (what its web UI calls): install, questions, the update dialog and card, a reminder.

The Playground plays Teams (msteams channel, mocked connector); the bot is the real
process. Every step checks what the Playground received from the bot, after the step.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import pytest_asyncio

from tests.support.playground import (
    Frame,
    PlaygroundClient,
    actions_of,
    card_of,
    in_conversation,
    require,
    text_of,
)
from tests.support.stack import Stack, running_stack

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio(loop_scope="module")]

# knowledge/demo/kb.json: the next Midtklyngen meeting after 2024-03-01 is on Wednesday
# 13 March with no start time, so it starts at midnight. "2 dage før" is due Monday 11
# March 08:00; on BOT_TODAY 2024-03-12 that has passed at any time of day, and the
# meeting has not begun.
REMINDED_ON = "2024-03-12"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    require()
    with running_stack(tmp_path_factory.mktemp("e2e-api"), "api") as running:
        yield running


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def playground(stack: Stack) -> AsyncIterator[PlaygroundClient]:
    async with PlaygroundClient.connect(stack.playground.url) as client:
        yield client


async def _say(
    playground: PlaygroundClient, text: str, conversation: str = "", mention: bool = False
) -> Frame:
    """Send a message and return the bot's first reply to it."""
    conversation = conversation or playground.me.personal_chat
    after = playground.mark()
    await playground.say(conversation, text, mention=mention)
    (reply,) = await playground.replies(after, conversation)
    return reply


def _card(frame: Frame) -> dict[str, Any]:
    card = card_of(frame)
    assert card is not None, text_of(frame)
    return card


def _action(frame: Frame, kind: str) -> dict[str, Any]:
    return next(a for a in actions_of(_card(frame)) if a["type"] == kind)


async def test_installing_the_bot_welcomes_the_chat_once(playground: PlaygroundClient) -> None:
    chat = playground.me.personal_chat
    after = playground.mark()
    await playground.install(chat)  # installationUpdate and conversationUpdate, as Teams
    (welcome,) = await playground.replies(after, chat)
    answer = await _say(playground, "hjælp")

    assert "Klyngebot" in text_of(welcome)
    assert [] != [a for a in actions_of(_card(welcome)) if a["data"].get("action") == "ask"]
    welcomes = [f for f in playground.frames[after:] if in_conversation(f, chat)]
    assert [welcome["message"]["messageId"], answer["message"]["messageId"]] == [
        f["message"]["messageId"] for f in welcomes
    ]


async def test_a_status_question_in_personal_chat_gets_status_date_and_source(
    playground: PlaygroundClient,
) -> None:
    choices = await _say(playground, "hvad er status på IV-aftalen?")
    midt = next(a for a in actions_of(_card(choices)) if a["title"] == "Region Midtjylland")

    after = playground.mark()  # the "Mente du …?" button is an Action.Submit
    await playground.submit(
        playground.me.personal_chat, choices["message"]["messageId"], midt["data"]
    )
    (answer,) = await playground.replies(after, playground.me.personal_chat)

    assert "Mente du" in text_of(choices)
    text = text_of(answer)
    assert "Samarbejdsaftale om IV-behandling i nærområdet" in text
    assert "implementeret" in text
    assert "pr. 2. kvartal 2023" in text
    assert "Kilde: 000_48944d31b931480e.txt" in text


async def test_a_question_with_an_at_mention_in_a_channel_is_answered_in_its_thread(
    playground: PlaygroundClient,
) -> None:
    channel = playground.me.team_channel
    answer = await _say(playground, "hvornår er næste møde i Midtklyngen?", channel, mention=True)

    assert answer["actionConversationId"].startswith(f"{channel};messageid=")
    text = text_of(answer)
    assert "Næste møder – Midtklyngen" in text
    assert "Temagruppe for voksne (somatik) Midtklyngen" in text
    assert "onsdag den 13. marts 2024" in text


async def test_the_status_update_dialog_asks_confirms_and_saves(
    playground: PlaygroundClient,
) -> None:
    asked = await _say(playground, "opdater status på rygestop")
    noted = await _say(playground, "i gang")
    confirm = await _say(playground, "nyt datatræk fra e2e")
    saved = await _say(playground, "ja")
    status = await _say(playground, "hvad er status på rygestop?")

    assert "Hvad er den nye status for Samarbejdsaftale om rygestop?" in text_of(asked)
    assert "note" in text_of(noted)
    assert "implementeret → i gang" in text_of(confirm)
    assert "Skal jeg gemme det?" in text_of(confirm)
    assert "Status opdateret." in text_of(saved)
    assert "i gang" in text_of(status)
    assert "nyt datatræk fra e2e" in text_of(status)


async def test_an_update_in_ordinary_words_takes_which_one_in_words(
    playground: PlaygroundClient,
) -> None:
    which = await _say(playground, "kan du notere at IV-aftalen er lukket ned")
    noted = await _say(playground, "the Syddanmark one")  # en words, a Danish dialog
    confirm = await _say(playground, "besluttet i styregruppen")
    saved = await _say(playground, "ja")

    suggested = which["message"].get("suggestedActions", {}).get("actions", [])
    assert ["Region Syddanmark", "Region Midtjylland"] == [a["title"] for a in suggested]
    assert "Hvilken mener du?" in text_of(which)
    assert "Skriv en kort note" in text_of(noted)
    assert "Samarbejdsaftale for IV-behandling i nærområdet: implementeret → nedlagt." in (
        text_of(confirm)
    )
    assert "Status opdateret." in text_of(saved)


async def test_the_update_card_saves_with_action_execute_and_is_replaced(
    playground: PlaygroundClient,
) -> None:
    form = await _say(playground, "opdater stomi")
    execute = _action(form, "Action.Execute")
    assert "Opdater status: Samarbejdsaftale om stomi" in text_of(form)  # not en-US's English
    inputs = {"category": "paused", "note": "sat på pause via Action.Execute"}

    after = playground.mark()
    response = await playground.execute(
        playground.me.personal_chat, form["message"]["messageId"], execute, execute["data"] | inputs
    )
    status = await _say(playground, "hvad er status på stomi-aftalen?")

    assert "statusUpdate" == execute["verb"]
    assert "application/vnd.microsoft.card.adaptive" == response["type"]
    replaced = text_of({"message": {"attachments": [{"content": response["value"]}]}})
    assert "Samarbejdsaftale om stomi" in replaced
    assert "sat på pause via Action.Execute" in replaced
    # The card is replaced in place: the invoke answered it, no new message was posted.
    assert [status] == [f for f in playground.frames[after:] if f["action"] == "createMessage"]
    assert "sat på pause via Action.Execute" in text_of(status)


async def test_the_update_card_saves_with_its_action_submit_fallback(
    playground: PlaygroundClient,
) -> None:
    form = await _say(playground, "opdater korrespondancebreve")
    submit = _action(form, "Action.Execute")["fallback"]
    inputs = {"category": "completed", "note": "afsluttet via Action.Submit"}

    after = playground.mark()
    await playground.submit(
        playground.me.personal_chat, form["message"]["messageId"], submit["data"] | inputs
    )
    (saved,) = await playground.replies(after, playground.me.personal_chat)

    assert "Action.Submit" == submit["type"]
    assert "afsluttet via Action.Submit" in text_of(saved)


async def test_a_subscribed_reminder_arrives_when_it_falls_due(
    stack: Stack, playground: PlaygroundClient
) -> None:
    chat = playground.me.personal_chat
    subscribed = await _say(playground, "abonner på Midtklyngen 2 dage før")
    after = playground.mark()
    stack.restart_bot(today=REMINDED_ON)  # NOTIFY_INTERVAL_SECONDS=1: the catch-up is quick
    try:
        (reminder,) = await playground.replies(after, chat, seconds=20)
    finally:
        stack.restart_bot(today="2024-03-01")

    assert "Temagruppe for voksne (somatik) Midtklyngen" in text_of(subscribed)
    assert "mandag den 11. marts 2024, kl. 08:00" in text_of(subscribed)
    text = text_of(reminder)
    assert "Temagruppe for voksne (somatik) Midtklyngen" in text
    assert "unsubscribe" == _action(reminder, "Action.Execute")["verb"]
