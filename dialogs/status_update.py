"""The status update as a conversation: which item, the new status, a note, confirm, save.

Start it with `begin_dialog(UPDATE_DIALOG, UpdateOptions(...))`. It asks only for what
the first message did not say ("sæt rygestop til implementeret: kører i alle kommuner"
asks nothing but the confirmation), answers in the language the user wrote in, and
refuses people who are not editors. Saving is idempotent per dialog instance: a redelivered
"ja" finds the entry saved the first time instead of writing a second.

Dialog state holds only plain values (str, int, None, dicts and lists of them), so any
bot storage can keep it across a restart.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import (
    DialogContext,
    DialogTurnResult,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.prompts import PromptOptions, PromptValidatorContext, TextPrompt

from dialogs.interruptions import InterruptibleDialog
from dialogs.message import Message
from dialogs.recognisers import (
    is_skip,
    parse_update_request,
    pick,
    status_choice,
    status_choices,
    update_language,
    yes_no,
)
from dialogs.update_card import refusal_text, saved_reply
from dialogs.wording import say
from knowledge.core.chat import ChatScope, Lang
from knowledge.core.errors import UpdateRefused
from knowledge.core.status import label
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
# The newest entry's id the user saw; dialogs begun before it was renamed hold it as "expected".
SEEN, OLD_SEEN = "current_entry_id", "expected"
FAILURES_ALLOWED = 3  # the third unreadable answer ends the dialog: two re-prompts

Step = Callable[[WaterfallStepContext], Awaitable[DialogTurnResult]]
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


@dataclass(frozen=True)
class _Offer:
    """What to say when a name is not one item: a numbered list, or "not found"."""

    text: str
    choices: list[list[str]]  # [id, label] pairs; empty when nothing was found


class StatusUpdateDialog(InterruptibleDialog):
    def __init__(self, service: UpdateService, send: Send, dialog_id: str = UPDATE_DIALOG) -> None:
        super().__init__(dialog_id)
        self._service = service
        self._send = send
        flow = [self.ask_item, self.ask_status, self.ask_note, self.confirm]
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

    async def ask_item(self, step: WaterfallStepContext) -> DialogTurnResult:
        draft = _start(step)
        if not step.options["may_edit"]:
            await step.context.send_activity(say("update_not_editor", draft["lang"]))
            return await step.end_dialog()
        if draft["item_text"] is None:
            return await _ask(step, ITEM, say("update_ask_item", draft["lang"]))
        found = await self._search(draft["item_text"], draft)
        if isinstance(found, str):
            return await step.next(found)
        return await _ask(step, ITEM, found.text, choices=found.choices)

    async def ask_status(self, step: WaterfallStepContext) -> DialogTurnResult:
        draft = step.values
        current = await self._service.current_status(step.result)
        draft.update(_chosen(current))
        if draft["category"] is not None:
            return await step.next(draft["category"])
        return await _ask(step, STATUS, _status_question(draft), retry=_status_retry(draft))

    async def ask_note(self, step: WaterfallStepContext) -> DialogTurnResult:
        draft = step.values
        draft["category"] = step.result
        if draft["note_given"]:
            return await step.next(draft["note"])
        return await _ask(step, NOTE, say("update_ask_note", draft["lang"]))

    async def confirm(self, step: WaterfallStepContext) -> DialogTurnResult:
        draft = step.values
        draft["note"] = step.result or None
        return await step.begin_dialog(_SAVE, dict(draft))

    async def confirm_change(self, step: WaterfallStepContext) -> DialogTurnResult:
        draft, lang = step.options, step.options["lang"]
        retry = say("update_answer_yes_no", lang)
        return await _ask(step, CONFIRM, _change_text(draft), retry=retry, lang=lang)

    async def save(self, step: WaterfallStepContext) -> DialogTurnResult:
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
            await step.context.send_activity(_changed_text(outcome, lang))
            return await step.replace_dialog(_SAVE, {**draft, **_chosen(outcome)})
        await self._send(step.context, saved_reply(outcome.item, lang))
        return await step.end_dialog(outcome.entry_id)

    # Reading the answers.

    async def _search(self, text: str, draft: dict[str, Any]) -> str | _Offer:
        """The id of the one item `text` names, or what to offer instead."""
        lang, scope = draft["lang"], ChatScope(**draft["scope"])
        found = await self._service.find_item(text[:200], scope)
        if isinstance(found, Found):
            return found.item.id
        if isinstance(found, Ambiguous):
            choices = [
                [choice.id, _choice_label(choice.label, choice.detail)] for choice in found.choices
            ]
            return _Offer(_numbered(say("update_which", lang), [c[1] for c in choices]), choices)
        text_lines = [say("update_not_found", lang, text=text)]
        if found.suggestions:
            text_lines.append(say("update_suggestions", lang, titles=", ".join(found.suggestions)))
        return _Offer("\n\n".join([*text_lines, say("update_retype_item", lang)]), [])

    async def _item_answer(self, prompt: PromptValidatorContext) -> bool:
        details, text = prompt.options.validations, _answer(prompt)
        picked = pick(text, details["choices"]) if details["choices"] and text else None
        found = picked or (await self._search(text, details) if text else None)
        if isinstance(found, str):
            return _accept(prompt, found)
        if found is not None and found.choices:
            details["choices"] = found.choices  # a new name that fits several: choose again
            prompt.options.prompt = MessageFactory.text(found.text)  # what help repeats
            await prompt.context.send_activity(found.text)
            return False
        retry = found.text if found else say("update_ask_item", details["lang"])
        return await _failed(prompt, retry)

    async def _status_answer(self, prompt: PromptValidatorContext) -> bool:
        category = status_choice(_answer(prompt))
        return _accept(prompt, category) if category else await _failed(prompt)

    async def _note_answer(self, prompt: PromptValidatorContext) -> bool:
        text, lang = _answer(prompt), prompt.options.validations["lang"]
        if is_skip(text):
            return _accept(prompt, "")
        if text and len(text) <= NOTE_MAX:
            return _accept(prompt, text)
        too_long = say("update_note_too_long", lang, limit=NOTE_MAX, length=len(text))
        return await _failed(prompt, too_long if text else None)

    async def _confirm_answer(self, prompt: PromptValidatorContext) -> bool:
        answer = yes_no(_answer(prompt))
        return _accept(prompt, answer) if answer is not None else await _failed(prompt)

    # Wording for the base dialog.

    def cancelled_text(self, lang: Lang) -> str:
        return say("update_cancelled", lang)

    def help_text(self, step: str, lang: Lang, details: dict[str, Any]) -> str:
        if step == ITEM and details.get("choices"):
            return say("help_update_choice", lang)
        return say(f"help_update_{step or ITEM}", lang, limit=NOTE_MAX)


def _guarded(step: Step) -> Step:
    """Ends the dialog quietly when the prompt before gave up (it has said so)."""

    async def run(step_context: WaterfallStepContext) -> DialogTurnResult:
        if step_context.result == GIVE_UP:
            return await step_context.cancel_all_dialogs()
        return await step(step_context)

    return run


def _plain_options(options: Any) -> dict[str, Any]:
    if not isinstance(options, UpdateOptions):
        raise TypeError(f"{UPDATE_DIALOG} needs UpdateOptions, not {type(options).__name__}")
    plain = asdict(options)
    plain["lang"] = update_language(options.text, options.locale)
    return plain


def _start(step: WaterfallStepContext) -> dict[str, Any]:
    """The draft update in the waterfall's values, filled from the first message."""
    options = step.options
    draft: dict[str, Any] = step.values
    item_text, category, note = parse_update_request(options["text"])
    note_given = note is not None and len(note) <= NOTE_MAX
    draft.update(
        lang=options["lang"],
        scope=options["scope"],
        author=options["author"],
        key=draft.get("key") or uuid.uuid4().hex,  # the dialog instance's id
        item_text=item_text,
        category=category,
        note=note if note_given else None,
        note_given=note_given,
    )
    return draft


def _chosen(current: Current | ChangedMeanwhile) -> dict[str, Any]:
    """What the user saw of the item: its title, status and newest entry id."""
    status = current.item.status
    old = status.category if status is not None else None
    seen = current.current_entry_id
    return {"item_id": current.item.id, "title": current.item.title, "old": old, SEEN: seen}


async def _ask(
    step: WaterfallStepContext,
    prompt_id: str,
    text: str,
    *,
    retry: str | None = None,
    lang: Lang | None = None,
    choices: list[list[str]] | None = None,
) -> DialogTurnResult:
    details = {
        "step": prompt_id,
        "lang": lang or step.values["lang"],
        "scope": step.values.get("scope") or step.options.get("scope"),
        "choices": choices or [],
        "failed": 0,
    }
    retry_prompt = MessageFactory.text(retry) if retry else None
    options = PromptOptions(MessageFactory.text(text), retry_prompt, validations=details)
    return await step.prompt(prompt_id, options)


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


def _status_label(category: str | None, lang: Lang) -> str:
    return label(category, lang) if category else say("update_no_status", lang)


def _numbered(intro: str, lines: list[str]) -> str:
    return "\n\n".join([intro, *(f"{number}. {line}" for number, line in enumerate(lines, 1))])


def _choice_label(title: str, detail: str | None) -> str:
    return f"{title} ({detail})" if detail else title


def _status_question(draft: dict[str, Any]) -> str:
    lang = draft["lang"]
    old = _status_label(draft["old"], lang)
    question = say("update_ask_status", lang, title=draft["title"], old=old)
    return _numbered(question, [text for _, text in status_choices(lang)])


def _status_retry(draft: dict[str, Any]) -> str:
    labels = [text for _, text in status_choices(draft["lang"])]
    intro = say("update_pick_status", draft["lang"], labels=", ".join(labels))
    return _numbered(intro, labels)


def _change_text(draft: dict[str, Any]) -> str:
    lang = draft["lang"]
    old, new = _status_label(draft["old"], lang), label(draft["category"], lang)
    lines = [say("update_confirm", lang, title=draft["title"], old=old, new=new)]
    if draft["note"]:
        lines.append(say("update_confirm_note", lang, note=draft["note"]))
    return "\n\n".join([*lines, say("update_confirm_ask", lang)])


def _changed_text(outcome: ChangedMeanwhile, lang: Lang) -> str:
    status = outcome.item.status
    now = _status_label(status.category if status else None, lang)
    if status is not None and status.text:
        now = f"{now} ({status.text})"
    return say("update_changed_meanwhile", lang, title=outcome.item.title, now=now)


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
