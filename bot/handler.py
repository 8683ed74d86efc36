"""The activity handler: routes turns and does turn housekeeping, nothing more.

A message is a question for the knowledge base (the text without the bot's @mention, or
an "ask" button of a card) unless it starts with a command (editors, corrections,
subscriptions, history, updates) or is a card's button (unsubscribe, the update form); a
chat that says where it belongs keeps that as its scope; a new conversation is welcomed
once. One log line per turn, without message text.
"""

from __future__ import annotations

import hashlib
import logging
import time
from typing import Any

from botbuilder.core import ActivityHandler, ConversationState, InvokeResponse, TurnContext
from botbuilder.dialogs import DialogSet, DialogTurnStatus
from botbuilder.schema import ChannelAccount

from bot.access import Access
from bot.locks import TurnLocks
from bot.replies import text_activity, to_activity, with_question
from bot.storage import prefetched
from bot.subscribing import Subscribing
from bot.turns import chat_key, departure, turn_of
from bot.wire import to_json
from dialogs.cards import Reply, render, welcome_card
from dialogs.chat_commands import (
    Correction,
    EditorsCommand,
    corrected_text,
    correction,
    editors_command,
    word,
)
from dialogs.history_card import history_choices, history_reply, history_subject
from dialogs.recognisers import is_update_command, parse_update_request
from dialogs.status_update import UPDATE_DIALOG, StatusUpdateDialog, UpdateOptions
from dialogs.subscription_cards import unsubscribe_data
from dialogs.subscription_commands import subscription_command
from dialogs.turn import Turn
from dialogs.update_card import (
    card_action_data,
    handle_card_submit,
    invoke_response_body,
    update_form,
)
from dialogs.wording import say
from knowledge.answers.kinds import HelpAnswer, ScopeSet
from knowledge.core.chat import ChatScope
from knowledge.service import KnowledgeService
from knowledge.updates.contract import Ambiguous, Found

logger = logging.getLogger(__name__)
INTENT = "klyngebot.intent"
# The turn (dialogs.turn.Turn), and the conversation's row as the turn start read it.
TURN = "klyngebot.turn"
SEEN = "klyngebot.seen"
MESSAGE_TYPE = "application/vnd.microsoft.activity.message"


def _short_id(conversation_id: str) -> str:
    return hashlib.sha256(conversation_id.encode()).hexdigest()[:10]


def _invoke_answer(reply: Reply) -> InvokeResponse:
    """What an Action.Execute gets back: the card that replaces the pressed one."""
    if reply.card is None:
        body = {"statusCode": 200, "type": MESSAGE_TYPE, "value": reply.text}
        return InvokeResponse(status=200, body=body)
    return InvokeResponse(status=200, body=invoke_response_body(reply.card))


def _log_turn(turn_context: TurnContext, started: float) -> None:
    """One line per turn, without message text (at INFO; the fields cost a hash)."""
    activity = turn_context.activity
    fields = {
        "activity_type": activity.type,
        "intent": turn_context.turn_state.get(INTENT, "-"),
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        "conversation": _short_id(activity.conversation.id if activity.conversation else ""),
    }
    logger.info(
        "turn type=%(activity_type)s intent=%(intent)s duration_ms=%(duration_ms).1f "
        "conversation=%(conversation)s",
        fields,
        extra=fields,  # as fields of their own in LOG_FORMAT=json
    )


def _turn(turn_context: TurnContext) -> Turn:
    turn: Turn = turn_context.turn_state[TURN]
    return turn


class KlyngeBot(ActivityHandler):  # type: ignore[misc]
    def __init__(
        self,
        service: KnowledgeService,
        state: ConversationState,
        access: Access,
        public_url: str = "http://127.0.0.1:3978",
    ) -> None:
        self._service = service
        self._state = state
        self._access = access
        self._subscribing = Subscribing(service, public_url)
        self._dialogs = DialogSet(state.create_property("dialog_state"))
        self._dialogs.add(StatusUpdateDialog(service))
        self._locks = TurnLocks()

    async def on_turn(self, turn_context: TurnContext) -> None:
        started = time.perf_counter()
        try:
            activity = turn_context.activity
            chat = chat_key(activity)
            async with self._locks.holding(chat):
                state_key = self._state.get_storage_key(turn_context)
                start = await self._service.turn_start(chat.conversation_id, state_key)
                turn = turn_of(activity, chat, start.seen, start.generation)
                turn_context.turn_state[SEEN], turn_context.turn_state[TURN] = start.seen, turn
                with prefetched({state_key: start.state}):
                    await super().on_turn(turn_context)
                    await self._state.save_changes(turn_context)
                await self._remember(turn_context)
        finally:
            if logger.isEnabledFor(logging.INFO):
                _log_turn(turn_context, started)

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity, turn = turn_context.activity, _turn(turn_context)
        if await self._card_button(turn_context):
            return
        activity.text = turn.text  # the dialog reads answers without @mention
        dialog = await self._dialogs.create_context(turn_context)
        if (await dialog.continue_dialog()).status != DialogTurnStatus.Empty:
            turn_context.turn_state[INTENT] = "update"
            return
        if (command := editors_command(turn.text)) is not None:
            turn_context.turn_state[INTENT] = "editors"
            await turn_context.send_activity(
                text_activity(await self._editors(turn_context, command))
            )
            return
        if (fix := correction(turn.text)) is not None:
            turn_context.turn_state[INTENT] = "correction"
            await turn_context.send_activity(text_activity(await self._correct(turn_context, fix)))
            return
        if (asked := subscription_command(turn.text)) is not None:
            turn_context.turn_state[INTENT] = "subscriptions"
            reply = await self._subscribing.command(turn, asked)
            await turn_context.send_activity(to_activity(reply))
            return
        if (subject := history_subject(turn.text)) is not None:
            turn_context.turn_state[INTENT] = "history"
            await turn_context.send_activity(
                to_activity(await self._history(turn_context, subject))
            )
            return
        if is_update_command(turn.text):
            turn_context.turn_state[INTENT] = "update"
            form = await self._update_form(turn_context)
            if form is not None:
                await turn_context.send_activity(to_activity(form))
                return
            await dialog.begin_dialog(UPDATE_DIALOG, await self._update_options(turn_context))
            return
        await self._answer(turn_context)

    async def _card_button(self, turn_context: TurnContext) -> bool:
        """An Action.Submit of one of the bot's cards (unsubscribe, the update form)."""
        turn = _turn(turn_context)
        if (pressed := unsubscribe_data(turn.value)) is not None:
            turn_context.turn_state[INTENT] = "unsubscribe button"
            reply = await self._subscribing.button(turn, pressed)
        elif (data := card_action_data(turn.value)) is not None:
            reply = await self._card_submitted(turn_context, data)
        else:
            return False
        if not reply.repeat:  # a form submitted twice is confirmed once
            await turn_context.send_activity(to_activity(reply))
        return True

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        if turn_context.activity.name != "adaptiveCard/action":
            return await super().on_invoke_activity(turn_context)
        turn = _turn(turn_context)
        if (pressed := unsubscribe_data(turn.value)) is not None:
            turn_context.turn_state[INTENT] = "unsubscribe button"
            return _invoke_answer(await self._subscribing.button(turn, pressed))
        data = card_action_data(turn.value)
        if data is None:
            return await super().on_invoke_activity(turn_context)
        turn_context.turn_state[INTENT] = "update card"
        return _invoke_answer(await self._card_submitted(turn_context, data))

    async def _editors(self, turn_context: TurnContext, command: EditorsCommand) -> str:
        turn = _turn(turn_context)
        lang, author = turn.lang, turn.author
        if not self._access.is_admin(author):
            return word("not_admin", lang)
        if command.action == "list":
            editors = await self._service.list_editors()
            return "\n".join(f"{e.aad_id}  {e.name}" for e in editors) or word("none", lang)
        if not command.aad_id:
            return word("needs_id", lang)
        if command.action == "add":
            name = command.name or command.aad_id
            added = await self._service.add_editor(command.aad_id, name, author.aad_id)
            return word("added" if added else "already", lang, aad=command.aad_id)
        removed = await self._service.remove_editor(command.aad_id)
        return word("removed" if removed else "not_editor", lang, aad=command.aad_id)

    async def _correct(self, turn_context: TurnContext, fix: Correction) -> str:
        turn = _turn(turn_context)
        lang, author = turn.lang, turn.author
        if fix.category is None:
            return word("which_status", lang)
        found = await self._service.find_item(fix.item_text, turn.scope)
        if not isinstance(found, Found):
            return say("history_not_found", lang)
        window = self._access.correction_window
        saved = await self._service.correct_last(
            found.item.id, author, fix.category, fix.note, window
        )
        return corrected_text(fix.category, lang) if saved else word("cannot_correct", lang)

    async def _history(self, turn_context: TurnContext, subject: str) -> Reply:
        turn = _turn(turn_context)
        lang = turn.lang
        found = await self._service.find_item(subject, turn.scope)
        if isinstance(found, Ambiguous):
            return history_choices(found, lang)
        if not isinstance(found, Found):
            return Reply(say("history_not_found", lang), None)
        entries = await self._service.history(found.item.id)
        return history_reply(found.item, entries, lang)

    async def _update_form(self, turn_context: TurnContext) -> Reply | None:
        """ "opdater IV-aftalen" in Teams: one card with the status choices and a note
        field, when the message names one item and says nothing of status; "opdater
        status på IV-aftalen" and card-less channels get the dialog."""
        turn = _turn(turn_context)
        wanted = parse_update_request(turn.text)
        if not turn.cards or "status" in turn.text.lower():
            return None
        if wanted.category or wanted.note or not wanted.item_text:
            return None
        if not await self._access.may_edit(self._service, turn.author):
            return None  # the dialog gives the refusal
        found = await self._service.find_item(wanted.item_text, turn.scope)
        if not isinstance(found, Found):
            return None
        current = await self._service.current_status(found.item.id)
        lang = turn.lang
        title = say("update_form_title", lang, title=found.item.title)
        return Reply(title, update_form(current, lang))

    async def _card_submitted(self, turn_context: TurnContext, data: dict[str, Any]) -> Reply:
        turn = _turn(turn_context)
        may_edit = await self._access.may_edit(self._service, turn.author)
        return await handle_card_submit(
            self._service,
            data,
            turn.author,
            may_edit,
            turn.lang,
            conversation_id=turn.thread_id,
            activity_id=turn.activity_id,
        )

    async def _update_options(self, turn_context: TurnContext) -> UpdateOptions:
        turn = _turn(turn_context)
        may_edit = await self._access.may_edit(self._service, turn.author)
        return UpdateOptions(turn.text, turn.author, may_edit, locale=turn.locale, scope=turn.scope)

    async def _answer(self, turn_context: TurnContext) -> None:
        turn = _turn(turn_context)
        question, offset = turn.text, turn.page
        if not question:
            answer: Any = HelpAnswer("help", turn.lang)
        else:
            answer = await self._service.ask(
                question,
                lang_hint=turn.locale,
                scope=turn.scope,
                offset=offset,
                generation=turn.generation,
            )
        if isinstance(answer, ScopeSet):
            await self._service.set_chat_scope(turn.chat, ChatScope(answer.region, answer.cluster))
        turn_context.turn_state[INTENT] = answer.intent
        reply = render(answer, cards=turn.cards)
        with_question(reply.card, question, offset)
        await turn_context.send_activity(to_activity(reply))

    async def _remember(self, turn_context: TurnContext) -> None:
        """Refresh the conversation reference on every activity, except the goodbyes."""
        activity, turn = turn_context.activity, _turn(turn_context)
        if gone := departure(activity):
            await self._service.deactivate_conversation(turn.chat_id, gone)
            return
        reference = to_json(TurnContext.get_conversation_reference(activity))
        reference["conversation"]["id"] = turn.chat_id  # a channel, not the thread
        await self._service.refresh_conversation(
            turn.chat, reference, turn_context.turn_state.get(SEEN)
        )

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        own_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if any(member.id == own_id for member in members_added):
            await self._welcome(turn_context)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        await self._welcome(turn_context)

    async def _welcome(self, turn_context: TurnContext) -> None:
        # Teams sends both conversationUpdate and installationUpdate on install: welcome once.
        turn = _turn(turn_context)
        if await self._service.claim_welcome(turn.chat):
            turn_context.turn_state[INTENT] = "welcome"
            await turn_context.send_activity(to_activity(welcome_card(turn.lang)))
