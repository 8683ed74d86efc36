"""The status update form, and submitting it: every field checked on the server."""

from __future__ import annotations

from typing import Any

import pytest

from dialogs.update_card import (
    VERB,
    card_action_data,
    handle_card_submit,
    invoke_response_body,
    update_form,
)
from knowledge.service import DEMO_FILE, KnowledgeService
from knowledge.updates.contract import NOTE_MAX, Author, UpdateRequest

RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"
EDITOR = Author("aad-editor", "Mette Redaktør")


@pytest.fixture
async def kb(service: KnowledgeService) -> KnowledgeService:
    await service.restore(DEMO_FILE)
    return service


async def form_data(kb: KnowledgeService, **inputs: Any) -> dict[str, Any]:
    """What Teams sends back for a filled-in form of rygestop."""
    form = update_form(await kb.current_status(RYGESTOP), "da")
    data: dict[str, Any] = dict(form["actions"][0]["data"])
    return {**data, "category": "completed", "note": "kører i alle kommuner", **inputs}


async def test_the_form_is_a_1_5_card_with_statuses_note_and_execute(kb: KnowledgeService) -> None:
    current = await kb.current_status(RYGESTOP)
    form = update_form(current, "en")
    choice_set, note = form["body"][-2], form["body"][-1]
    [execute] = form["actions"]
    assert ("AdaptiveCard", "1.5") == (form["type"], form["version"])
    assert "Update status: Samarbejdsaftale om rygestop" == form["body"][0]["text"]
    assert ["planned", "in_progress", "implemented", "completed", "paused", "discontinued"] == [
        choice["value"] for choice in choice_set["choices"]
    ]
    assert "in progress" == choice_set["choices"][1]["title"]
    assert ("category", "implemented") == (choice_set["id"], choice_set["value"])
    assert ("Input.Text", "note", NOTE_MAX) == (note["type"], note["id"], note["maxLength"])
    assert ("Action.Execute", VERB) == (execute["type"], execute["verb"])
    assert {RYGESTOP, current.current_entry_id} == {
        execute["data"]["item"],
        execute["data"]["current_entry_id"],
    }
    fallback = execute["fallback"]
    assert "Action.Submit" == fallback["type"]
    assert {**execute["data"], "action": VERB} == fallback["data"]


async def test_each_form_has_a_fresh_submission_id(kb: KnowledgeService) -> None:
    current = await kb.current_status(RYGESTOP)
    first, second = update_form(current, "da"), update_form(current, "da")
    assert first["actions"][0]["data"]["submission"] != second["actions"][0]["data"]["submission"]


def test_danish_form_lists_danish_statuses() -> None:
    from knowledge.updates.contract import Current
    from tests.dialogs import demo

    form = update_form(Current(demo.item(RYGESTOP), 1), "da")
    titles = [choice["title"] for choice in form["body"][-2]["choices"]]
    assert ["planlagt", "i gang", "implementeret", "afsluttet", "sat på pause", "nedlagt"] == titles


def test_action_data_is_read_from_submit_and_from_execute() -> None:
    data = {"item": "x", "action": VERB}
    invoke = {"action": {"type": "Action.Execute", "verb": VERB, "data": {"item": "x"}}}
    assert data == card_action_data(data)
    assert {"item": "x"} == card_action_data(invoke)
    assert None is card_action_data({"action": "ask", "question": "?"})
    assert None is card_action_data("text")


def test_invoke_response_body_carries_the_card() -> None:
    card = {"type": "AdaptiveCard"}
    expected = {"statusCode": 200, "type": "application/vnd.microsoft.card.adaptive", "value": card}
    assert expected == invoke_response_body(card)


async def test_a_good_submit_saves_and_returns_the_item_card(kb: KnowledgeService) -> None:
    before = len(await kb.history(RYGESTOP))
    reply = await handle_card_submit(kb, await form_data(kb), EDITOR, True, "da")
    assert reply.text.startswith("Status opdateret.")
    assert reply.card is not None
    assert "Status opdateret." == reply.card["body"][0]["text"]
    history = await kb.history(RYGESTOP)
    assert before + 1 == len(history)
    assert ("completed", "kører i alle kommuner") == (
        history[0].status.category,
        history[0].status.text,
    )


async def test_the_same_submission_twice_saves_one_entry(kb: KnowledgeService) -> None:
    before = len(await kb.history(RYGESTOP))
    data = await form_data(kb)
    first = await handle_card_submit(kb, data, EDITOR, True, "da")
    second = await handle_card_submit(kb, data, EDITOR, True, "da")
    assert first.text == second.text
    assert before + 1 == len(await kb.history(RYGESTOP))


async def test_an_empty_note_is_no_note(kb: KnowledgeService) -> None:
    reply = await handle_card_submit(kb, await form_data(kb, note="  "), EDITOR, True, "en")
    assert reply.text.startswith("Status updated.")


BAD = [
    ({"item": "no-such-item"}, "Det kunne ikke gemmes: Aftalen eller initiativet findes ikke"),
    ({"category": "unknown"}, "Vælg en af de viste statusser."),
    ({"category": "blå"}, "Vælg en af de viste statusser."),
    ({"note": "x" * (NOTE_MAX + 1)}, f"Noten må højst være {NOTE_MAX} tegn (din er 501)."),
    ({"note": 7}, "Der mangler note i formularen."),
    ({"category": None}, "Der mangler category i formularen."),
    ({"item": ""}, "Der mangler item i formularen."),
    ({"submission": None}, "Der mangler submission i formularen."),
    ({"current_entry_id": "12"}, "Der mangler current_entry_id i formularen."),
]


@pytest.mark.parametrize(("change", "message"), BAD)
async def test_a_bad_submit_is_refused_with_a_clear_message(
    kb: KnowledgeService, change: dict[str, Any], message: str
) -> None:
    before = len(await kb.history(RYGESTOP))
    reply = await handle_card_submit(kb, await form_data(kb, **change), EDITOR, True, "da")
    assert reply.text.startswith(message)
    assert before == len(await kb.history(RYGESTOP))


async def test_a_submit_that_is_not_a_dict_is_refused(kb: KnowledgeService) -> None:
    reply = await handle_card_submit(kb, ["x"], EDITOR, True, "en")
    assert reply.text.startswith("The form lacks")


async def test_a_submit_without_current_entry_id_is_refused(kb: KnowledgeService) -> None:
    data = await form_data(kb)
    del data["current_entry_id"]
    reply = await handle_card_submit(kb, data, EDITOR, True, "da")
    assert "Der mangler current_entry_id i formularen." == reply.text


def _as_sent_before_the_rename(data: dict[str, Any]) -> dict[str, Any]:
    """A form from a message sent before "current_entry_id" was named so: "expected_current"."""
    old = {key: value for key, value in data.items() if key != "current_entry_id"}
    return {**old, "expected_current": data["current_entry_id"]}


async def test_a_form_sent_before_the_rename_still_saves(kb: KnowledgeService) -> None:
    before = len(await kb.history(RYGESTOP))
    data = _as_sent_before_the_rename(await form_data(kb))
    reply = await handle_card_submit(kb, data, EDITOR, True, "da")
    assert reply.text.startswith("Status opdateret.")
    assert before + 1 == len(await kb.history(RYGESTOP))


async def test_an_old_form_changed_meanwhile_gets_a_form_with_only_the_new_field(
    kb: KnowledgeService,
) -> None:
    data = _as_sent_before_the_rename(await form_data(kb))
    other = Author("aad-other", "Anden")
    await kb.update_status(
        UpdateRequest(RYGESTOP, "paused", None, other, "other", data["expected_current"])
    )
    reply = await handle_card_submit(kb, data, EDITOR, True, "da")
    assert reply.card is not None
    new_data = reply.card["actions"][0]["data"]
    current = await kb.current_status(RYGESTOP)
    assert ["current_entry_id"] == [key for key in new_data if "current" in key]
    assert current.current_entry_id == new_data["current_entry_id"]


async def test_someone_not_an_editor_is_refused(kb: KnowledgeService) -> None:
    reply = await handle_card_submit(kb, await form_data(kb), EDITOR, False, "da")
    assert "Spørg en administrator" in reply.text


async def test_a_change_meanwhile_returns_a_new_form_to_confirm_again(
    kb: KnowledgeService,
) -> None:
    data = await form_data(kb)
    other = Author("aad-other", "Anden")
    await kb.update_status(
        UpdateRequest(RYGESTOP, "paused", None, other, "other", data["current_entry_id"])
    )
    reply = await handle_card_submit(kb, data, EDITOR, True, "da")
    assert reply.text.startswith("Status for Samarbejdsaftale om rygestop er blevet ændret")
    assert reply.card is not None
    new_data = reply.card["actions"][0]["data"]
    assert data["current_entry_id"] != new_data["current_entry_id"]
    assert data["submission"] != new_data["submission"]
    again = await handle_card_submit(kb, {**new_data, "category": "completed"}, EDITOR, True, "da")
    assert again.text.startswith("Status opdateret.")
