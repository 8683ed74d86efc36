"""The status update as one Adaptive Card form, and what a submitted form gets back.

`update_form(current, lang)` shows the item, a choice of statuses and a note field, with
an Action.Execute button (verb "statusUpdate"; an Action.Submit as its fallback for
clients without Universal Actions). Both send {item, current_entry_id, submission} plus
the inputs {category, note} (forms sent before that field was renamed carry it as
"expected_current", which is read too). `handle_card_submit` trusts none of it: every
field is checked here, and the submission id makes a double click or a redelivery save
once. `invoke_response_body(card)` is the body Teams wants for an Action.Execute invoke.
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol

from dialogs.cards import render
from dialogs.elements import Content, Element, card, heading, subtle, text
from dialogs.item_cards import status_badge, status_date, whereabouts
from dialogs.message import CardAnswer, Message
from dialogs.recognisers import status_choices
from dialogs.wording import say
from knowledge.answers.kinds import ItemAnswer, ItemView
from knowledge.core.chat import Lang
from knowledge.core.errors import InvalidStatus, NoteTooLong, UnknownItem, UpdateRefused
from knowledge.core.status import label
from knowledge.updates.contract import (
    NOTE_MAX,
    UPDATE_CATEGORIES,
    Author,
    ChangedMeanwhile,
    Current,
    UpdateOutcome,
    UpdateRequest,
)

VERB = "statusUpdate"
CARD_TYPE = "application/vnd.microsoft.card.adaptive"
SUBMISSION_MAX = 100  # characters of a submission id
SEEN, OLD_SEEN = "current_entry_id", "expected_current"  # the newest entry id the user saw


class CardUpdateService(Protocol):
    async def update_status(self, request: UpdateRequest) -> UpdateOutcome: ...


def update_form(current: Current, lang: Lang, notice: str | None = None) -> Element:
    """The form for one item; each form carries a fresh submission id."""
    item = current.item
    body: list[Element] = [text(notice, weight="Bolder")] if notice else []
    body += [
        heading(say("update_form_title", lang, title=item.title)),
        subtle(whereabouts(item)),
        status_badge(item.status, lang, status_date(item.status, lang)),
        _status_input(item, lang),
        _note_input(lang),
    ]
    data = {"item": item.id, SEEN: current.current_entry_id, "submission": _fresh()}
    return _card(
        body, [_execute(data, lang)], lang, say("update_form_title", lang, title=item.title)
    )


def _status_input(item: ItemView, lang: Lang) -> Element:
    now = item.status.category if item.status else None
    choices = [{"title": title, "value": code} for code, title in status_choices(lang)]
    element: Element = {
        "type": "Input.ChoiceSet",
        "id": "category",
        "label": say("update_form_status", lang),
        "style": "expanded",
        "isRequired": True,
        "errorMessage": say("update_invalid_status", lang),
        "choices": choices,
    }
    if now in UPDATE_CATEGORIES:
        element["value"] = now
    return element


def _note_input(lang: Lang) -> Element:
    return {
        "type": "Input.Text",
        "id": "note",
        "label": say("update_form_note", lang),
        "placeholder": say("update_form_note_hint", lang),
        "isMultiline": True,
        "maxLength": NOTE_MAX,
    }


def _execute(data: dict[str, Any], lang: Lang) -> Element:
    title = say("update_form_save", lang)
    fallback = {"type": "Action.Submit", "title": title, "data": {**data, "action": VERB}}
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": VERB,
        "data": data,
        "fallback": fallback,
    }


def _card(body: list[Element], actions: list[Element], lang: Lang, fallback: str) -> Element:
    return card(Content(body, actions), lang, fallback)


def _fresh() -> str:
    return uuid.uuid4().hex


def card_action_data(value: Any) -> dict[str, Any] | None:
    """The form's data from an activity value: an Action.Submit message's value, or an
    adaptiveCard/action invoke's {"action": {"verb", "data"}}; None if it is neither."""
    if not isinstance(value, dict):
        return None
    action = value.get("action")
    if action == VERB:
        return value
    if isinstance(action, dict) and action.get("verb") == VERB:
        data = action.get("data")
        return data if isinstance(data, dict) else {}
    return None


def invoke_response_body(card: Element) -> dict[str, Any]:
    """The invoke response for Action.Execute: the card replaces the form in place."""
    return {"statusCode": 200, "type": CARD_TYPE, "value": card}


async def handle_card_submit(
    service: CardUpdateService,
    data: Any,
    author: Author,
    may_edit: bool,
    lang: Lang,
    *,
    conversation_id: str | None = None,
    activity_id: str | None = None,
) -> CardAnswer:
    """Save a submitted form, or say why not."""
    if not may_edit:
        return CardAnswer.of(_message(say("update_not_editor", lang), lang))
    checked = _checked(data, lang)
    if isinstance(checked, str):
        return CardAnswer.of(_message(checked, lang))
    request = UpdateRequest(
        author=author, conversation_id=conversation_id, activity_id=activity_id, **checked
    )
    try:
        outcome = await service.update_status(request)
    except UpdateRefused as refused:
        return CardAnswer.of(_message(refusal_text(refused, lang), lang))
    if isinstance(outcome, ChangedMeanwhile):
        return CardAnswer.of(_changed_form(outcome, lang))
    return CardAnswer.of(saved_reply(outcome.item, lang), repeat=outcome.duplicate)


def _checked(data: Any, lang: Lang) -> dict[str, Any] | str:
    """The request's fields from the form, or the sentence saying what is wrong."""
    if not isinstance(data, dict):
        return say("update_missing", lang, fields="item, category, submission")
    fields = {
        "item": _text(data.get("item")),
        "category": _text(data.get("category")),
        "submission": _text(data.get("submission"), SUBMISSION_MAX),
    }
    missing = [name for name, value in fields.items() if value is None]
    seen_key = SEEN if SEEN in data else OLD_SEEN
    seen = data.get(seen_key)
    if seen_key not in data or not (seen is None or _is_id(seen)):
        missing.append(SEEN)
    if missing:
        return say("update_missing", lang, fields=", ".join(missing))
    if fields["category"] not in UPDATE_CATEGORIES:
        return say("update_invalid_status", lang)
    note = _note(data.get("note"))
    if isinstance(note, str) and len(note) > NOTE_MAX:
        return say("update_note_too_long", lang, limit=NOTE_MAX, length=len(note))
    if note is False:
        return say("update_missing", lang, fields="note")
    return {
        "item_id": fields["item"],
        "category": fields["category"],
        "idempotency_key": fields["submission"],
        "note": note,
        "current_entry_id": seen,
    }


def _note(value: Any) -> str | bool | None:
    """The note with its spacing tidied; None for none; False for something not text."""
    if value is None:
        return None
    return (" ".join(value.split()) or None) if isinstance(value, str) else False


def _text(value: Any, limit: int = 200) -> str | None:
    return value.strip() if isinstance(value, str) and 0 < len(value.strip()) <= limit else None


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _changed_form(outcome: ChangedMeanwhile, lang: Lang) -> Message:
    status = outcome.item.status
    now = say("update_no_status", lang)
    if status is not None and status.category != "unknown":
        now = label(status.category, lang)
    notice = say("update_changed_meanwhile", lang, title=outcome.item.title, now=now)
    form = update_form(Current(outcome.item, outcome.current_entry_id), lang, notice)
    return Message(notice, form)


def saved_reply(item: ItemView, lang: Lang) -> Message:
    """The item's card with its new status, headed "Status opdateret"."""
    reply = render(ItemAnswer("status", lang, item))
    done = say("update_saved", lang)
    if reply.card is not None:
        reply.card["body"].insert(0, text(done, weight="Bolder", color="Good"))
    return Message(f"{done}\n{reply.text}", reply.card)


def refusal_text(refused: UpdateRefused, lang: Lang) -> str:
    """What an UpdateRefused error means to the user."""
    if isinstance(refused, UnknownItem):
        reason = say("update_unknown_item", lang)
    elif isinstance(refused, InvalidStatus):
        reason = say("update_invalid_status", lang)
    elif isinstance(refused, NoteTooLong):
        reason = say("update_note_too_long", lang, limit=refused.limit, length=refused.length)
    else:
        reason = str(refused)
    return say("update_refused", lang, reason=reason)


def _message(message: str, lang: Lang) -> Message:
    return Message(message, _card([text(message)], [], lang, message))
