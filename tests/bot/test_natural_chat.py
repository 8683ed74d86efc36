"""People as they type, over real HTTP with the demo knowledge base: commands said in
ordinary words (update, remind me, no more reminders, calendar, history, cancel),
"which one?" answered in words, and answers in the message's own language whatever
locale the client sends (the Agents Playground always sends en-US)."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient

from app import SERVICE
from knowledge.notify.contract import SubscriptionLine
from tests.questions.replies import reply_text
from tests.support.activities import message
from tests.support.bot import post
from tests.support.connector import Connector

RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"
IV_MIDT = "samarbejdsaftale-om-iv-behandling-i-naeromraadet-midtjylland"
IV_SYD = "samarbejdsaftale-for-iv-behandling-i-naeromraadet-syddanmark"
CHAT = "a:personal-chat-1"  # the chat `message` writes in


async def _say(
    bot: TestClient[Any, Any], connector: Connector, text: str, locale: str = "en-US"
) -> str:
    """One message from the user (an editor); every reply's text and card text."""
    connector.clear()
    assert 201 == (await post(bot, message(text, connector.url, locale=locale))).status
    return "\n".join(reply_text(reply) for reply in connector.messages()).replace("\u00a0", " ")


async def _subscriptions(bot: TestClient[Any, Any]) -> list[SubscriptionLine]:
    return list(await bot.app[SERVICE].subscriptions(CHAT))  # type: ignore[index]


async def _newest(bot: TestClient[Any, Any], item_id: str) -> tuple[str, str, str]:
    entry = (await bot.app[SERVICE].history(item_id))[0]  # type: ignore[index]
    return entry.status.category, entry.status.text, entry.status.author


async def test_an_update_in_ordinary_words_with_which_one_answered_by_region(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    asked = await _say(bot, connector, "jeg skal lige melde en ny status ind")
    which = await _say(bot, connector, "IV-aftalen")
    status = await _say(bot, connector, "den syddanske")
    note = await _say(bot, connector, "den er sat på pause nu")
    confirm = await _say(bot, connector, "vi afventer ny finansiering")
    saved = await _say(bot, connector, "ja tak")

    assert "Hvilken aftale eller hvilket initiativ vil du opdatere?" in asked
    assert "1. Samarbejdsaftale for IV-behandling i nærområdet (Region Syddanmark)" in which
    assert "Hvad er den nye status for Samarbejdsaftale for IV-behandling" in status
    assert "Skriv en kort note" in note
    assert "implementeret → sat på pause" in confirm
    assert saved.startswith("Status opdateret.")
    assert ("paused", "vi afventer ny finansiering", "Mette") == await _newest(bot, IV_SYD)


async def test_everything_in_one_sentence_is_confirmed_and_saved(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    confirm = await _say(bot, connector, "can you mark rygestop as on hold because of the tender")
    saved = await _say(bot, connector, "yes")

    assert "Samarbejdsaftale om rygestop: implemented → paused." in confirm
    assert "Note: because of the tender" in confirm
    assert saved.startswith("Status updated.")
    assert ("paused", "because of the tender", "Mette") == await _newest(bot, RYGESTOP)


async def test_a_change_of_mind_before_saving_is_what_gets_saved(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    await _say(bot, connector, "opdater status på rygestop")  # a dialog, not the form
    await _say(bot, connector, "afsluttet")
    await _say(bot, connector, "nej undskyld, den er i gang endnu")
    await _say(bot, connector, "sidste kommune mangler")
    await _say(bot, connector, "ja")

    assert ("in_progress", "sidste kommune mangler", "Mette") == await _newest(bot, RYGESTOP)


async def test_remind_me_then_no_more_reminders(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    subscribed = await _say(bot, connector, "giv mig besked før møderne i Randersklyngen")
    following = [line.target.label for line in await _subscriptions(bot)]
    ended = await _say(bot, connector, "nu vil jeg ikke have flere påmindelser, tak")

    assert "Du abonnerer nu på Randersklyngens møder." in subscribed
    assert ["Randersklyngen"] == following
    assert "Du abonnerer ikke længere på Randersklyngens møder." in ended
    assert [] == await _subscriptions(bot)


async def test_did_you_mean_of_a_subscription_is_answered_in_words(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    which = await _say(bot, connector, "please keep me posted on IV-aftalen")
    subscribed = await _say(bot, connector, "the one in Midtjylland")

    assert "Region Syddanmark" in which
    assert "Region Midtjylland" in which
    assert "You are now subscribed to status changes of" in subscribed
    assert [IV_MIDT] == [line.target.id for line in await _subscriptions(bot)]


async def test_a_calendar_asked_for_as_a_question_gets_its_link(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    said = await _say(bot, connector, "kan jeg få Midtklyngens møder ind i min kalender?")

    assert "Kalender for Midtklyngen" in said
    assert "/calendar/" in said


async def test_history_in_ordinary_words(bot: TestClient[Any, Any], connector: Connector) -> None:
    said = await _say(bot, connector, "hvad er der sket med rygestop?")

    assert said.startswith("Samarbejdsaftale om rygestop")
    assert "Af " in said  # who wrote each status


async def test_cancelling_with_nothing_going_on_says_so(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    assert "ikke noget i gang" in await _say(bot, connector, "glem det")
    assert "Nothing is going on" in await _say(bot, connector, "never mind")


async def test_a_cancel_inside_a_sentence_ends_the_update(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    before = len(await bot.app[SERVICE].history(RYGESTOP))  # type: ignore[index]
    await _say(bot, connector, "opdater status på rygestop")

    cancelled = await _say(bot, connector, "nej vent, glem det hele")
    helped = await _say(bot, connector, "hjælp")

    assert "Det er annulleret. Jeg har ikke gemt noget." in cancelled
    assert "Det kan jeg hjælpe med" in helped  # the general help: no dialog waits
    assert before == len(await bot.app[SERVICE].history(RYGESTOP))  # type: ignore[index]


async def test_stop_and_a_name_is_a_command_not_a_fuzzy_match(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    said = await _say(bot, connector, "stop randersklyngen", locale="da-DK")

    assert "Jeg fandt intet abonnement på „randersklyngen“ her." in said
    assert "rygestop" not in said.lower()


async def test_danish_is_answered_in_danish_whatever_the_locale(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    question = await _say(bot, connector, "hvornår mødes Midtklyngen næste gang?", "en-US")
    form_or_dialog = await _say(bot, connector, "opdater status på rygestop", "en-US")

    assert "Næste møde" in question
    assert "Hvad er den nye status for Samarbejdsaftale om rygestop?" in form_or_dialog


async def test_help_in_either_language_shows_every_capability(
    bot: TestClient[Any, Any], connector: Connector
) -> None:
    danish = await _say(bot, connector, "hjælp", "en-US")
    english = await _say(bot, connector, "help", "da-DK")

    for text in ("Opdater en status", "Påmindelser", "Kalender", "Annuller", "Historik"):
        assert text in danish
    for text in ("Update a status", "Reminders", "Calendar", "Cancel", "History"):
        assert text in english
