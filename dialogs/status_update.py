"""The status update as a conversation: which item, the new status, a note, confirm, save.

Start it with `begin_dialog(UPDATE_DIALOG, UpdateOptions(...))`. It asks only for what
the messages did not say: the first message fills every slot it can ("sæt rygestop på
pause, fordi vi venter på finansiering" asks nothing but the confirmation), and so does
every answer ("den midtjyske, den er i drift nu" picks the item and gives the status).
Answers are read in words (`dialogs.recognisers`, `dialogs.choosing`): "which one?" by
number, ordinal, region word, part of the name or "ja" to the one suggestion; a status
anywhere in a sentence; and a change of mind at any later step ("nej undskyld, den er
kører stadig", "actually I meant rygestop") starts the flow again with the corrected
draft, asking only for what is then missing. It answers in the language of the first
message, kept for the whole dialog, and refuses people who are not editors. Saving is
idempotent per dialog instance: a redelivered "ja" finds the entry saved the first time.

Dialog state holds only plain values (str, int, None, dicts and lists of them), so any
bot storage can keep it across a restart.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from botbuilder.core import TurnContext
from botbuilder.dialogs import DialogContext, DialogTurnResult, WaterfallDialog
from botbuilder.dialogs import WaterfallStepContext as StepContext
from botbuilder.dialogs.prompts import PromptOptions, PromptValidatorContext, TextPrompt

from dialogs import update_prompts as prompts
from dialogs.choosing import choose
from dialogs.interruptions import InterruptibleDialog
from dialogs.message import Message
from dialogs.phrases import words
from dialogs.recognisers import (
    after_change_of_mind,
    changes_mind,
    is_skip,
    message_language,
    status_choice,
    status_in,
    yes_no,
)
from dialogs.update_card import refusal_text, saved_reply
from dialogs.update_request import parse_update_request
from dialogs.wording import say
from knowledge.core.chat import ChatScope, Lang
from knowledge.core.errors import UpdateRefused
from knowledge.updates.contract import (
    NOTE_MAX,
    Ambiguous,
    Author,
    ChangedMeanwhile,
    Current,
    Found,
    ItemSearch,
    UpdateOutcome,
    UpdateRequest,
)

UPDATE_DIALOG = "status_update"
_FLOW, _SAVE = "status_update.flow", "status_update.save"
ITEM, STATUS, NOTE, CONFIRM = "item", "status", "note", "confirm"
GIVE_UP = "\x00give up"  # a prompt's result after too many answers it could not read
RESTART = "restart"  # a prompt's result that corrects the draft: {"restart": changes}
# The newest entry's id the user saw; dialogs begun before it was renamed hold it as "expected".
SEEN, OLD_SEEN = "current_entry_id", "expected"
FAILURES_ALLOWED = 3  # the third unreadable answer ends the dialog: two re-prompts
BARE = 2  # words: a bare "ja" or "ok tak" as a note is no note

Step = Callable[[StepContext], Awaitable[DialogTurnResult]]
Send = Callable[[TurnContext, Message], Awaitable[None]]  # the bot sends a Message


class UpdateService(Protocol):
    """What the dialog needs of `knowledge.service.KnowledgeService`."""

    async def find_item(self, text: str, scope: ChatScope) -> ItemSearch: ...
    async def current_status(self, item_id: str) -> Current: ...
    async def update_status(self, request: UpdateRequest) -> UpdateOutcome: ...


@dataclass(frozen=True)
class UpdateOptions:
    """How the update behaviour starts the dialog: the first message, who writes, may they
    edit."""

    text: str
    author: Author
    may_edit: bool
    locale: str | None = None
    scope: ChatScope = field(default_factory=ChatScope)


class StatusUpdateDialog(InterruptibleDialog):
    def __init__(self, service: UpdateService, send: Send, dialog_id: str = UPDATE_DIALOG) -> None:
        super().__init__(dialog_id)
        self._service = service
        self._send = send
        flow = [self.ask_item, self.ask_status, self.ask_note, self.confirm, self.finish]
        self.add_dialog(WaterfallDialog(_FLOW, [_guarded(step) for step in flow]))
        self.add_dialog(WaterfallDialog(_SAVE, [self.confirm_change, _guarded(self.save)]))
        self.add_dialog(TextPrompt(ITEM, self._item_answer))
        self.add_dialog(TextPrompt(STATUS, self._status_answer))
        self.add_dialog(TextPrompt(NOTE, self._note_answer))
        self.add_dialog(TextPrompt(CONFIRM, self._confirm_answer))
        self.initial_dialog_id = _FLOW

    async def on_begin_dialog(self, inner_dc: DialogContext, options: Any) -> DialogTurnResult:
        return await inner_dc.begin_dialog(_FLOW, _plain_options(options))

    # The conversation.

    async def ask_item(self, step: StepContext) -> DialogTurnResult:
        draft = _start(step)
        if not draft["may_edit"]:
            await step.context.send_activity(say("update_not_editor", draft["lang"]))
            return await step.end_dialog()
        if draft.get("item_id"):
            return await step.next(draft["item_id"])
        if draft["item_text"] is None:
            return await _ask(step, ITEM, say("update_ask_item", draft["lang"]))
        found = await self._search(draft["item_text"], draft)
        if isinstance(found, str):
            return await step.next(found)
        return await _ask(step, ITEM, found.text, choices=found.choices, buttons=found.buttons)

    async def ask_status(self, step: StepContext) -> DialogTurnResult:
        draft = step.values
        _fill(draft, step.result, "item")
        current = await self._service.current_status(draft["item_id"])
        draft.update(_chosen(current))
        if draft["category"] is not None:
            return await step.next(draft["category"])
        buttons = prompts.status_buttons(draft["lang"])
        retry = prompts.status_retry(draft)
        return await _ask(
            step, STATUS, prompts.status_question(draft), retry=retry, buttons=buttons
        )

    async def ask_note(self, step: StepContext) -> DialogTurnResult:
        draft = step.values
        _fill(draft, step.result, "category")
        if draft["note_given"]:
            return await step.next(draft["note"])
        skip = [say("update_skip", draft["lang"])]
        return await _ask(step, NOTE, say("update_ask_note", draft["lang"]), buttons=skip)

    async def confirm(self, step: StepContext) -> DialogTurnResult:
        draft = step.values
        draft["note"] = step.result or None
        draft["note_given"] = True  # a correction after this keeps the note
        return await step.begin_dialog(_SAVE, dict(draft))

    async def finish(self, step: StepContext) -> DialogTurnResult:
        return await step.end_dialog(step.result)

    async def confirm_change(self, step: StepContext) -> DialogTurnResult:
        draft, lang = step.options, step.options["lang"]
        retry = say("update_answer_yes_no", lang)
        question = prompts.change_text(draft)
        buttons = prompts.yes_no_buttons(lang)
        return await _ask(step, CONFIRM, question, retry=retry, lang=lang, buttons=buttons)

    async def save(self, step: StepContext) -> DialogTurnResult:
        draft, lang = step.options, step.options["lang"]
        if not step.result:
            await step.context.send_activity(say("update_not_saved", lang))
            return await step.end_dialog()
        try:
            outcome = await self._service.update_status(_request(step.context, draft))
        except UpdateRefused as refused:
            await step.context.send_activity(refusal_text(refused, lang))
            return await step.end_dialog()
        if isinstance(outcome, ChangedMeanwhile):
            await step.context.send_activity(prompts.changed_text(outcome, lang))
            return await step.replace_dialog(_SAVE, {**draft, **_chosen(outcome)})
        await self._send(step.context, saved_reply(outcome.item, lang))
        return await step.end_dialog(outcome.entry_id)

    # Reading the answers.

    async def _search(self, text: str, draft: dict[str, Any]) -> str | prompts.Offer:
        """The id of the one item `text` names, or what to offer instead."""
        lang, scope = draft["lang"], ChatScope(**draft["scope"])
        found = await self._service.find_item(text[:200], scope)
        if isinstance(found, Found):
            return found.item.id
        if isinstance(found, Ambiguous):
            return prompts.which(found, lang)
        return prompts.not_found(found, text, lang)

    async def _named(self, text: str, details: dict[str, Any]) -> str | None:
        """The one item a change of mind names ("nej, jeg mente rygestop"), if another."""
        wanted = parse_update_request(after_change_of_mind(text)).item_text
        found = await self._search(wanted, details) if wanted else None
        return found if isinstance(found, str) and found != details.get("item_id") else None

    async def _item_answer(self, prompt: PromptValidatorContext) -> bool:
        details, text = prompt.options.validations, _answer(prompt)
        if not text:
            return await _failed(prompt, say("update_ask_item", details["lang"]))
        offered = prompts.options(details["choices"])
        wanted = parse_update_request(after_change_of_mind(text))
        picked = choose(text, offered) or (
            choose(wanted.item_text, offered) if wanted.item_text else None
        )
        said = {**details.get("said", {}), **_slots(text)}
        if picked is not None:
            return _accept(prompt, {"item": picked, **said})
        if len(offered) == 1 and (yes_no(text) is False or status_choice(text)):
            return await self._declined(prompt, text, offered[0].key)
        if wanted.item_text is None:  # a status, but which item? keep it, ask again
            details["said"] = said
            return await _failed(prompt, None)
        found = await self._search(wanted.item_text, details)
        if isinstance(found, str):
            return _accept(prompt, {"item": found, **said})
        if found.choices:
            return await _offer_again(prompt, found)
        return await _failed(prompt, found.text)

    async def _declined(self, prompt: PromptValidatorContext, text: str, key: str) -> bool:
        """The one suggestion answered "nej" (type the name again), or with a status (it
        was the one)."""
        if yes_no(text) is not False:
            return _accept(prompt, {"item": key, **_slots(text)})
        details = prompt.options.validations
        details["choices"] = []
        await prompt.context.send_activity(say("update_ask_item", details["lang"]))
        return False

    async def _status_answer(self, prompt: PromptValidatorContext) -> bool:
        details, text = prompt.options.validations, _answer(prompt)
        category = status_choice(text)
        if category:
            return _accept(prompt, {"category": category, **_slots(text, note_only=True)})
        other = await self._named(text, details) if changes_mind(text) else None
        if other is not None:
            return _accept(prompt, {RESTART: {"item_id": other}})
        return await _failed(prompt)

    async def _note_answer(self, prompt: PromptValidatorContext) -> bool:
        details, text = prompt.options.validations, _answer(prompt)
        lang = details["lang"]
        if is_skip(text) or (yes_no(text) and len(words(text)) <= BARE):
            return _accept(prompt, "")
        correction = await self._correction(text, details)
        if correction is not None:
            return _accept(prompt, {RESTART: {**correction, "note_given": False}})
        if text and len(text) <= NOTE_MAX:
            return _accept(prompt, text)
        too_long = say("update_note_too_long", lang, limit=NOTE_MAX, length=len(text))
        return await _failed(prompt, too_long if text else None)

    async def _confirm_answer(self, prompt: PromptValidatorContext) -> bool:
        details, text = prompt.options.validations, _answer(prompt)
        correction = await self._correction(text, details)
        if correction is not None and correction.get("category") != details.get("category"):
            return _accept(prompt, {RESTART: correction})
        answer = yes_no(text)
        return _accept(prompt, answer) if answer is not None else await _failed(prompt)

    async def _correction(self, text: str, details: dict[str, Any]) -> dict[str, Any] | None:
        """What an answer takes back: another status ("nej, den kører stadig, den er i gang", or a
        status alone), or another item ("nej, jeg mente rygestop")."""
        said = status_in(text)
        if said is not None and (changes_mind(text) or _only_status(text)):
            return {"category": said.category}
        other = await self._named(text, details) if changes_mind(text) else None
        return {"item_id": other} if other is not None else None

    # Wording for the base dialog.

    def cancelled_text(self, lang: Lang) -> str:
        return say("update_cancelled", lang)

    def help_text(self, step: str, lang: Lang, details: dict[str, Any]) -> str:
        if step == ITEM and details.get("choices"):
            return say("help_update_choice", lang)
        return say(f"help_update_{step or ITEM}", lang, limit=NOTE_MAX)


def _guarded(step: Step) -> Step:
    """Ends the dialog quietly when the prompt before gave up (it has said so); starts the
    flow again with the corrected draft when the answer was a correction."""

    async def run(context: StepContext) -> DialogTurnResult:
        if context.result == GIVE_UP:
            return await context.cancel_all_dialogs()
        if isinstance(context.result, dict) and RESTART in context.result:
            draft = context.values if "key" in context.values else context.options
            corrected = {**draft, **context.result[RESTART]}
            if context.values is draft:
                return await context.replace_dialog(_FLOW, {"draft": corrected})
            return await context.end_dialog({RESTART: corrected})  # out of _SAVE
        return await step(context)

    return run


def _plain_options(options: Any) -> dict[str, Any]:
    if not isinstance(options, UpdateOptions):
        raise TypeError(f"{UPDATE_DIALOG} needs UpdateOptions, not {type(options).__name__}")
    plain = asdict(options)
    plain["lang"] = message_language(options.text)
    return plain


def _start(step: StepContext) -> dict[str, Any]:
    """The draft update in the waterfall's values: filled from the first message, or the
    corrected draft a restart brings."""
    options = step.options
    draft: dict[str, Any] = step.values
    if "draft" in options:
        draft.update(options["draft"])
        return draft
    item_text, category, note = parse_update_request(options["text"])
    note_given = note is not None and len(note) <= NOTE_MAX
    draft.update(
        lang=options["lang"],
        scope=options["scope"],
        author=options["author"],
        may_edit=options["may_edit"],
        key=draft.get("key") or uuid.uuid4().hex,  # the dialog instance's id
        item_text=item_text,
        category=category,
        note=note if note_given else None,
        note_given=note_given,
    )
    return draft


def _slots(text: str, *, note_only: bool = False) -> dict[str, Any]:
    """What else an answer says: a status, and a note after it ("den midtjyske, den er i
    drift: evalueringen er færdig")."""
    wanted = parse_update_request(text)
    found: dict[str, Any] = {}
    if wanted.category and not note_only:
        found["category"] = wanted.category
    if wanted.note and (wanted.category or note_only) and len(wanted.note) <= NOTE_MAX:
        found["note"] = wanted.note
    return found


def _fill(draft: dict[str, Any], result: Any, slot: str) -> None:
    """A prompt's answer into the draft: the item id or status it asked for (`slot`), or a
    dict of every slot the answer filled."""
    slots = result if isinstance(result, dict) else {slot: result}
    if slots.get("item"):
        draft["item_id"] = slots["item"]
    if slots.get("category"):
        draft["category"] = slots["category"]
    if slots.get("note"):
        draft["note"], draft["note_given"] = slots["note"], True


def _only_status(text: str) -> bool:
    """The answer is a status and words that tie it on: "i gang", "den er i drift nu"."""
    return parse_update_request(text).item_text is None and status_in(text) is not None


def _chosen(current: Current | ChangedMeanwhile) -> dict[str, Any]:
    """What the user saw of the item: its title, status and newest entry id."""
    status = current.item.status
    old = status.category if status is not None else None
    seen = current.current_entry_id
    return {"item_id": current.item.id, "title": current.item.title, "old": old, SEEN: seen}


async def _ask(
    step: StepContext,
    prompt_id: str,
    text: str,
    *,
    retry: str | None = None,
    lang: Lang | None = None,
    choices: list[list[str]] | None = None,
    buttons: list[str] | None = None,
) -> DialogTurnResult:
    draft = step.values if "key" in step.values else step.options
    details = {
        "step": prompt_id,
        "lang": lang or draft["lang"],
        "scope": draft.get("scope"),
        "choices": choices or [],
        "item_id": draft.get("item_id"),
        "category": draft.get("category"),
        "failed": 0,
    }
    shown = prompts.activity(text, buttons or ())
    retry_prompt = prompts.activity(retry, buttons or ()) if retry else None
    options = PromptOptions(shown, retry_prompt, validations=details)
    return await step.prompt(prompt_id, options)


async def _offer_again(prompt: PromptValidatorContext, found: prompts.Offer) -> bool:
    """A new name that fits several, or looks like a few: choose again."""
    details = prompt.options.validations
    details["choices"] = found.choices
    asked = prompts.activity(found.text, found.buttons)
    prompt.options.prompt = asked  # what help repeats
    await prompt.context.send_activity(asked)
    return False


def _answer(prompt: PromptValidatorContext) -> str:
    value = prompt.recognized.value
    return value.strip() if isinstance(value, str) else ""


def _accept(prompt: PromptValidatorContext, value: object) -> bool:
    prompt.recognized.value = value
    return True


async def _failed(prompt: PromptValidatorContext, retry: str | None = None) -> bool:
    """Count an unreadable answer; re-prompt (with `retry`, else the prompt's own), or give up."""
    details = prompt.options.validations
    details["failed"] += 1
    if details["failed"] >= FAILURES_ALLOWED:
        await prompt.context.send_activity(say("update_gave_up", details["lang"]))
        return _accept(prompt, GIVE_UP)
    if retry:
        await prompt.context.send_activity(retry)
    return False


def _request(context: TurnContext, draft: dict[str, Any]) -> UpdateRequest:
    activity = context.activity
    return UpdateRequest(
        item_id=draft["item_id"],
        category=draft["category"],
        note=draft["note"],
        author=Author(**draft["author"]),
        idempotency_key=draft["key"],
        current_entry_id=draft[SEEN] if SEEN in draft else draft[OLD_SEEN],
        conversation_id=activity.conversation.id if activity.conversation else None,
        activity_id=activity.id,
    )
