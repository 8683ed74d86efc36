"""The status update dialog, driven turn by turn with botbuilder's DialogTestClient
against the real service on the demo knowledge base."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from botbuilder.core import ConversationState, MemoryStorage
from botbuilder.dialogs import DialogTurnStatus
from botbuilder.schema import Activity
from botbuilder.testing import DialogTestClient

from bot.outgoing import send_message
from dialogs.status_update import StatusUpdateDialog, UpdateOptions
from knowledge.service import DEMO_FILE, KnowledgeService
from knowledge.updates.contract import Author, UpdateRequest

RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"
STOMI = "samarbejdsaftale-om-stomi-midtjylland"
IV_MIDT = "samarbejdsaftale-om-iv-behandling-i-naeromraadet-midtjylland"
EDITOR = Author("aad-editor", "Mette Redaktør")

Start = Callable[..., "Chat"]


class Chat:
    """One conversation with the dialog: each `send` returns every reply as text."""

    def __init__(self, client: DialogTestClient) -> None:
        self.client = client

    async def send(self, text: str) -> list[str]:
        return [_shown(reply) for reply in await self.activities(text)]

    async def activities(self, text: str) -> list[Activity]:
        first = await self.client.send_activity(text)
        replies = [first] if first is not None else []
        while (reply := self.client.get_next_reply()) is not None:
            replies.append(reply)
        return replies

    @property
    def status(self) -> DialogTurnStatus:
        return self.client.dialog_turn_result.status


def buttons(activity: Activity) -> list[str]:
    """The titles of a prompt's suggested actions (each sends its words when tapped)."""
    suggested = activity.suggested_actions
    actions = suggested.actions if suggested is not None else []
    assert all(action.title == action.value for action in actions)
    return [action.title for action in actions]


def _shown(activity: Activity) -> str:
    """The text of a message, or the summary of a card (which repeats the card's text)."""
    return activity.text or activity.summary or ""


@pytest.fixture
async def kb(service: KnowledgeService) -> KnowledgeService:
    await service.restore(DEMO_FILE)
    return service


@pytest.fixture
def start(kb: KnowledgeService) -> Start:
    def chat(text: str, *, may_edit: bool = True, locale: str | None = None) -> Chat:
        options = UpdateOptions(text, EDITOR, may_edit, locale)
        state = ConversationState(MemoryStorage())
        dialog = StatusUpdateDialog(kb, send_message)
        return Chat(DialogTestClient("msteams", dialog, options, conversation_state=state))

    return chat


async def entries(kb: KnowledgeService, item_id: str) -> int:
    return len(await kb.history(item_id))


def joined(replies: list[str]) -> str:
    return "\n".join(replies)


async def test_danish_happy_path_asks_each_part_and_saves_once(
    start: Start, kb: KnowledgeService
) -> None:
    before = await entries(kb, RYGESTOP)
    chat = start("opdater status")
    assert ["Hvilken aftale eller hvilket initiativ vil du opdatere?"] == await chat.send("x")
    status_question = joined(await chat.send("rygestop"))
    assert "Hvad er den nye status for Samarbejdsaftale om rygestop? Nu: implementeret." in (
        status_question
    )
    assert "4. afsluttet" in status_question
    assert ["Skriv en kort note om ændringen, eller „spring over“."] == await chat.send("afsluttet")
    confirm = joined(await chat.send("kører i alle kommuner"))
    assert "Samarbejdsaftale om rygestop: implementeret → afsluttet." in confirm
    assert "Note: kører i alle kommuner" in confirm
    saved = joined(await chat.send("ja"))
    assert saved.startswith("Status opdateret.")
    assert "Afsluttet" in saved or "afsluttet" in saved
    assert DialogTurnStatus.Complete == chat.status
    assert before + 1 == await entries(kb, RYGESTOP)
    assert "completed" == (await kb.history(RYGESTOP))[0].status.category


async def test_english_happy_path_with_skipped_note(start: Start, kb: KnowledgeService) -> None:
    chat = start("update the stomi agreement")
    question = joined(await chat.send("go"))
    assert "What is the new status of Samarbejdsaftale om stomi? Now: implemented." in question
    assert "5. paused" in question
    assert ["Write a short note about the change, or “skip”."] == await chat.send("paused")
    confirm = joined(await chat.send("skip"))
    assert "Samarbejdsaftale om stomi: implemented → paused." in confirm
    assert "Note:" not in confirm
    assert "Shall I save it? (yes/no)" in confirm
    assert joined(await chat.send("yes")).startswith("Status updated.")
    assert "paused" == (await kb.history(STOMI))[0].status.category


async def test_everything_in_one_message_asks_only_to_confirm(
    start: Start, kb: KnowledgeService
) -> None:
    chat = start("sæt rygestop til afsluttet: kører i alle kommuner")
    confirm = joined(await chat.send("sæt rygestop til afsluttet: kører i alle kommuner"))
    assert "Samarbejdsaftale om rygestop: implementeret → afsluttet." in confirm
    assert "Note: kører i alle kommuner" in confirm
    assert joined(await chat.send("jep")).startswith("Status opdateret.")
    newest = (await kb.history(RYGESTOP))[0]
    assert ("completed", "kører i alle kommuner") == (newest.status.category, newest.status.text)
    assert "aad-editor" == newest.author_id


async def test_an_ambiguous_name_offers_numbered_choices(start: Start) -> None:
    chat = start("ny status på IV-aftalen")
    offer = joined(await chat.send("ny status på IV-aftalen"))
    assert "Hvilken mener du?" in offer
    assert "2. Samarbejdsaftale om IV-behandling i nærområdet (Region Midtjylland)" in offer
    question = joined(await chat.send("2."))
    assert "Samarbejdsaftale om IV-behandling i nærområdet? Nu: implementeret" in question


async def test_an_ambiguous_choice_can_be_typed_with_a_typo(start: Start) -> None:
    chat = start("opdater status")
    await chat.send("opdater status")
    assert "1. Samarbejdsaftale for IV-behandling" in joined(await chat.send("IV-aftalen"))
    question = joined(await chat.send("midtjyland"))
    assert "Samarbejdsaftale om IV-behandling i nærområdet?" in question


async def test_a_name_like_nothing_gets_no_suggestions_and_another_try(start: Start) -> None:
    chat = start("opdater xyzzy")
    not_found = joined(await chat.send("opdater xyzzy"))
    assert "Jeg kan ikke finde „xyzzy“." in not_found
    assert "Mente du" not in not_found
    assert "Skriv navnet igen." in not_found
    assert "Samarbejdsaftale om rygestop?" in joined(await chat.send("rygestop"))


async def test_unreadable_status_reprompts_twice_then_ends_politely(
    start: Start, kb: KnowledgeService
) -> None:
    before = await entries(kb, RYGESTOP)
    chat = start("opdater rygestop")
    await chat.send("opdater rygestop")
    first = joined(await chat.send("blå"))
    assert "Svar med et nummer eller en status: planlagt, i gang" in first
    assert "6. nedlagt" in first
    assert DialogTurnStatus.Waiting == chat.status
    assert "Svar med et nummer eller en status" in joined(await chat.send("9"))
    gave_up = joined(await chat.send("grøn"))
    assert "Det kunne jeg ikke forstå, så jeg stopper her. Jeg har ikke gemt noget." in gave_up
    assert DialogTurnStatus.Complete == chat.status
    assert before == await entries(kb, RYGESTOP)


async def test_unreadable_confirmation_reprompts_then_ends(start: Start) -> None:
    chat = start("sæt rygestop til afsluttet: ok")
    await chat.send("sæt rygestop til afsluttet: ok")
    assert ["Svar „ja“ eller „nej“."] == await chat.send("måske")
    assert ["Svar „ja“ eller „nej“."] == await chat.send("hmm")
    assert "jeg stopper her" in joined(await chat.send("tja"))
    assert DialogTurnStatus.Complete == chat.status


async def test_saying_no_saves_nothing(start: Start, kb: KnowledgeService) -> None:
    before = await entries(kb, RYGESTOP)
    chat = start("sæt rygestop til afsluttet: ok")
    await chat.send("sæt rygestop til afsluttet: ok")
    assert ["Jeg har ikke gemt noget."] == await chat.send("nej")
    assert DialogTurnStatus.Complete == chat.status
    assert before == await entries(kb, RYGESTOP)


# (first message, answers that reach the step) for every step that waits.
STEPS = {
    "item": ("opdater status", []),
    "choice": ("opdater status", ["IV-aftalen"]),
    "status": ("opdater rygestop", []),
    "note": ("opdater rygestop", ["i gang"]),
    "confirm": ("opdater rygestop", ["i gang", "spring over"]),
}


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("word", ["annuller", "Cancel", "stop"])
async def test_cancel_at_any_step_ends_and_saves_nothing(
    start: Start, kb: KnowledgeService, step: str, word: str
) -> None:
    before = await entries(kb, RYGESTOP)
    first, answers = STEPS[step]
    chat = start(first)
    for text in [first, *answers]:
        await chat.send(text)
    assert DialogTurnStatus.Waiting == chat.status
    assert ["Det er annulleret. Jeg har ikke gemt noget."] == await chat.send(word)
    assert DialogTurnStatus.Complete == chat.status
    assert before == await entries(kb, RYGESTOP)


HELP = {
    "item": "hvilken aftale eller hvilket initiativ du vil opdatere",
    "choice": "Flere passer på navnet",
    "status": "Vælg den nye status",
    "note": "Noten fortæller de andre",
    "confirm": "Svar „ja“ for at gemme",
}


@pytest.mark.parametrize("step", STEPS)
async def test_help_at_any_step_explains_and_asks_again(start: Start, step: str) -> None:
    first, answers = STEPS[step]
    chat = start(first)
    asked: list[str] = []
    for text in [first, *answers]:
        asked = await chat.send(text)
    replies = await chat.send("hjælp")
    assert HELP[step] in replies[0]
    assert asked == replies[1:]
    assert DialogTurnStatus.Waiting == chat.status


async def test_help_in_english_is_english(start: Start) -> None:
    chat = start("update the stomi agreement")
    await chat.send("update the stomi agreement")
    replies = await chat.send("help")
    assert replies[0].startswith("Choose the new status by number or word")


async def test_a_change_meanwhile_is_shown_and_confirmed_again(
    start: Start, kb: KnowledgeService
) -> None:
    chat = start("sæt rygestop til afsluttet: kører i alle kommuner")
    await chat.send("sæt rygestop til afsluttet: kører i alle kommuner")
    current = await kb.current_status(RYGESTOP)
    other = Author("aad-other", "Anden Redaktør")
    request = UpdateRequest(
        RYGESTOP, "paused", "venter", other, "other-key", current.current_entry_id
    )
    await kb.update_status(request)
    changed = joined(await chat.send("ja"))
    assert "Status for Samarbejdsaftale om rygestop er blevet ændret i mellemtiden" in changed
    assert "nu: sat på pause" in changed
    assert "Samarbejdsaftale om rygestop: sat på pause → afsluttet." in changed
    assert DialogTurnStatus.Waiting == chat.status
    assert joined(await chat.send("ja")).startswith("Status opdateret.")
    history = await kb.history(RYGESTOP)
    assert ["completed", "paused"] == [entry.status.category for entry in history[:2]]


async def test_the_same_dialog_saves_once_when_its_answer_is_redelivered(
    kb: KnowledgeService,
) -> None:
    before = await entries(kb, RYGESTOP)
    dialog = StatusUpdateDialog(kb, send_message)
    options = UpdateOptions("sæt rygestop til afsluttet: ok", EDITOR, True)
    storage = MemoryStorage()
    client = DialogTestClient(
        "msteams", dialog, options, conversation_state=ConversationState(storage)
    )
    await client.send_activity("sæt rygestop til afsluttet: ok")
    waiting = copy.deepcopy(storage.memory)
    await client.send_activity("ja")
    storage.memory = waiting  # as if the turn's state write had been lost
    redelivered = await client.send_activity("ja")
    assert redelivered.summary.startswith("Status opdateret.")
    assert before + 1 == await entries(kb, RYGESTOP)


def _rename_key(node: Any, new: str, old: str, seen: set[int] | None = None) -> None:
    """Every dict under `node` (dialog state: dicts, lists and objects) with `new` as `old`."""
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, dict):
        if new in node:
            node[old] = node.pop(new)
        children = list(node.values())
    elif isinstance(node, list):
        children = node
    else:
        children = list(getattr(node, "__dict__", {}).values())
    for child in children:
        _rename_key(child, new, old, seen)


async def test_a_dialog_begun_before_the_rename_still_saves(kb: KnowledgeService) -> None:
    before = await entries(kb, RYGESTOP)
    storage = MemoryStorage()
    options = UpdateOptions("sæt rygestop til afsluttet: ok", EDITOR, True)
    client = DialogTestClient(
        "msteams",
        StatusUpdateDialog(kb, send_message),
        options,
        conversation_state=ConversationState(storage),
    )
    await client.send_activity("sæt rygestop til afsluttet: ok")
    # As stored by a bot before the rename: the newest entry's id the user saw as "expected".
    _rename_key(storage.memory, "current_entry_id", "expected")
    saved = await client.send_activity("ja")
    assert saved.summary.startswith("Status opdateret.")
    assert before + 1 == await entries(kb, RYGESTOP)


async def test_someone_not_an_editor_is_refused_politely(
    start: Start, kb: KnowledgeService
) -> None:
    before = await entries(kb, RYGESTOP)
    chat = start("sæt rygestop til afsluttet", may_edit=False)
    replies = await chat.send("sæt rygestop til afsluttet")
    assert [
        "Kun redaktører kan opdatere status. Spørg en administrator, hvis du skal have adgang."
    ] == replies
    assert DialogTurnStatus.Complete == chat.status
    assert before == await entries(kb, RYGESTOP)


# --- answers in words ------------------------------------------------------------------

ASTMA = "astma-rehabilitering-paa-tvaers-midtjylland"
IV_SYD = "samarbejdsaftale-for-iv-behandling-i-naeromraadet-syddanmark"


@pytest.mark.parametrize("answer", ["den anden", "nummer 2", "the second one", "2"])
async def test_which_one_is_answered_with_an_ordinal(start: Start, answer: str) -> None:
    chat = start("ny status på IV-aftalen")
    await chat.send("ny status på IV-aftalen")

    question = joined(await chat.send(answer))

    assert "Samarbejdsaftale om IV-behandling i nærområdet? Nu: implementeret" in question


@pytest.mark.parametrize("answer", ["den syddanske", "the Syddanmark one", "syd tak"])
async def test_which_one_is_answered_with_a_region_word(start: Start, answer: str) -> None:
    chat = start("ny status på IV-aftalen")
    await chat.send("ny status på IV-aftalen")

    question = joined(await chat.send(answer))

    assert "Samarbejdsaftale for IV-behandling i nærområdet?" in question


async def test_which_one_offers_buttons_that_show_the_region(start: Start) -> None:
    chat = start("ny status på IV-aftalen")

    [offer] = await chat.activities("ny status på IV-aftalen")

    assert ["Region Syddanmark", "Region Midtjylland"] == buttons(offer)
    question = joined(await chat.send("Region Midtjylland"))  # what the button sends
    assert "Samarbejdsaftale om IV-behandling i nærområdet?" in question


async def test_the_one_suggestion_for_a_name_not_found_is_taken_with_ja(
    start: Start, kb: KnowledgeService
) -> None:
    chat = start("opdater astmarehab")
    [offer] = await chat.activities("opdater astmarehab")
    assert "Mente du Astma-rehabilitering på tværs (Region Midtjylland)?" in offer.text
    assert ["Ja", "Nej"] == buttons(offer)

    question = joined(await chat.send("ja"))

    assert "Hvad er den nye status for Astma-rehabilitering på tværs?" in question


async def test_no_to_the_one_suggestion_asks_for_the_name_again(start: Start) -> None:
    chat = start("opdater astmarehab")
    await chat.send("opdater astmarehab")

    assert ["Hvilken aftale eller hvilket initiativ vil du opdatere?"] == await chat.send("nej")
    assert "Samarbejdsaftale om rygestop?" in joined(await chat.send("rygestop"))


async def test_answering_the_one_suggestion_with_a_status_takes_it(start: Start) -> None:
    chat = start("opdater astmarehab")
    await chat.send("opdater astmarehab")

    assert ["Skriv en kort note om ændringen, eller „spring over“."] == await chat.send(
        "den er i gang igen"
    )


async def test_which_one_answered_with_the_status_too_fills_both(start: Start) -> None:
    chat = start("opdater IV-aftalen")
    await chat.send("opdater IV-aftalen")

    note_question = await chat.send("midtjyske, og den er sat på pause")

    assert ["Skriv en kort note om ændringen, eller „spring over“."] == note_question
    confirm = joined(await chat.send("spring over"))
    assert "Samarbejdsaftale om IV-behandling i nærområdet: implementeret → sat på pause." in (
        confirm
    )


async def test_a_status_given_before_the_item_is_kept_until_the_item_is_known(
    start: Start,
) -> None:
    chat = start("ny status på IV-aftalen")
    await chat.send("ny status på IV-aftalen")

    asked_again = joined(await chat.send("nedlagt"))
    note_question = await chat.send("den fra Region Syddanmark")

    assert "Hvilken mener du?" in asked_again  # a status names no item
    assert ["Skriv en kort note om ændringen, eller „spring over“."] == note_question
    confirm = joined(await chat.send("spring over"))
    assert "Samarbejdsaftale for IV-behandling i nærområdet: implementeret → nedlagt." in confirm


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("den er sat på pause nu", "sat på pause"),
        ("it's on hold", "sat på pause"),
        ("vi er færdige, den er afsluttet", "afsluttet"),
        ("lukket ned", "nedlagt"),
    ],
)
async def test_a_status_is_read_anywhere_in_a_sentence(
    start: Start, answer: str, expected: str
) -> None:
    chat = start("opdater rygestop")
    await chat.send("opdater rygestop")
    await chat.send(answer)

    confirm = joined(await chat.send("spring over"))

    assert f"Samarbejdsaftale om rygestop: implementeret → {expected}." in confirm


async def test_the_status_prompt_offers_the_statuses_as_buttons(start: Start) -> None:
    chat = start("opdater rygestop")

    [question] = await chat.activities("opdater rygestop")

    expected = ["planlagt", "i gang", "implementeret", "afsluttet", "sat på pause", "nedlagt"]
    assert expected == buttons(question)


async def test_everything_in_one_sentence_with_a_reason_asks_only_to_confirm(
    start: Start, kb: KnowledgeService
) -> None:
    text = "kan du sætte rygestop på pause, fordi vi venter på svar fra kommunerne"
    chat = start(text)

    confirm = joined(await chat.send(text))

    assert "Samarbejdsaftale om rygestop: implementeret → sat på pause." in confirm
    assert "Note: vi venter på svar fra kommunerne" in confirm
    assert joined(await chat.send("ja tak")).startswith("Status opdateret.")
    newest = (await kb.history(RYGESTOP))[0]
    assert ("paused", "vi venter på svar fra kommunerne") == (
        newest.status.category,
        newest.status.text,
    )


async def test_a_change_of_mind_at_the_note_replaces_the_status(
    start: Start, kb: KnowledgeService
) -> None:
    chat = start("opdater rygestop")
    await chat.send("opdater rygestop")
    await chat.send("afsluttet")

    asked_again = await chat.send("hov nej, den kører stadig, den er i gang")
    await chat.send("alle kommuner er med nu")
    confirm = joined(await chat.send("ja"))

    assert ["Skriv en kort note om ændringen, eller „spring over“."] == asked_again
    assert "Status opdateret." in confirm
    assert ("in_progress", "alle kommuner er med nu") == (
        (await kb.history(RYGESTOP))[0].status.category,
        (await kb.history(RYGESTOP))[0].status.text,
    )


async def test_a_change_of_mind_at_the_confirmation_replaces_the_status(
    start: Start, kb: KnowledgeService
) -> None:
    chat = start("sæt rygestop til afsluttet: kører overalt")
    await chat.send("sæt rygestop til afsluttet: kører overalt")

    confirm = joined(await chat.send("nej vent, den skal stå som planlagt"))

    assert "Samarbejdsaftale om rygestop: implementeret → planlagt." in confirm
    assert "Note: kører overalt" in confirm
    await chat.send("ja")
    assert "planned" == (await kb.history(RYGESTOP))[0].status.category


async def test_a_change_of_mind_about_the_item_keeps_the_status(
    start: Start, kb: KnowledgeService
) -> None:
    chat = start("actually, set stomi to paused: waiting for the tender")
    await chat.send("set stomi to paused: waiting for the tender")

    confirm = joined(await chat.send("no sorry, I meant rygestop"))

    assert "Samarbejdsaftale om rygestop: implemented → paused." in confirm
    assert "Note: waiting for the tender" in confirm
    await chat.send("yes")
    assert "paused" == (await kb.history(RYGESTOP))[0].status.category
    assert "paused" != (await kb.history(STOMI))[0].status.category


async def test_a_cancel_said_inside_a_sentence_ends_the_dialog(
    start: Start, kb: KnowledgeService
) -> None:
    before = await entries(kb, RYGESTOP)
    chat = start("opdater rygestop")
    await chat.send("opdater rygestop")

    assert ["Det er annulleret. Jeg har ikke gemt noget."] == await chat.send(
        "nej glem det, forkert aftale"
    )
    assert DialogTurnStatus.Complete == chat.status
    assert before == await entries(kb, RYGESTOP)


async def test_a_bare_yes_to_the_note_is_no_note(start: Start) -> None:
    chat = start("sæt rygestop til i gang")
    await chat.send("sæt rygestop til i gang")

    confirm = joined(await chat.send("ok"))

    assert "Samarbejdsaftale om rygestop: implementeret → i gang." in confirm
    assert "Note:" not in confirm


async def test_the_dialog_keeps_the_language_of_its_first_message(start: Start) -> None:
    chat = start("please update rygestop", locale="da-DK")
    await chat.send("please update rygestop")

    note_question = await chat.send("i gang")  # answered in Danish
    confirm = joined(await chat.send("de sidste kommuner er med"))

    assert ["Write a short note about the change, or “skip”."] == note_question
    assert "Shall I save it? (yes/no)" in confirm


async def test_a_danish_first_message_is_answered_in_danish_whatever_the_locale(
    start: Start,
) -> None:
    chat = start("opdater rygestop", locale="en-US")

    question = joined(await chat.send("opdater rygestop"))

    assert "Hvad er den nye status for Samarbejdsaftale om rygestop?" in question
