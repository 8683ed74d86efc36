"""The activity handler: turn housekeeping around the conversation in `dialogs/`.

Per turn it takes the conversation's lock, reads the turn start (the conversation's row,
the knowledge base's generation, the dialog state) in one statement, builds the one
`Turn`, lets `dialogs.router` decide what a message or a card's button means, keeps the
waterfall dialogs (botbuilder's, in the conversation state), sends what comes back,
saves state and refreshes the conversation reference. A new conversation is welcomed
once. One log line per turn, without message text.
"""

from __future__ import annotations

import hashlib
import logging
import time

from botbuilder.core import ActivityHandler, ConversationState, InvokeResponse, TurnContext
from botbuilder.dialogs import DialogContext, DialogSet, DialogTurnStatus
from botbuilder.schema import ChannelAccount

from bot.locks import TurnLocks
from bot.outgoing import invoke_answer, send_message, to_activity
from bot.storage import prefetched
from bot.turns import chat_key, departure, turn_of
from bot.wire import to_json
from dialogs.access import Access
from dialogs.imports import Downloader
from dialogs.offers import OFFER_DIALOG, PICKED, Offer, OfferDialog
from dialogs.reading import Handled
from dialogs.router import Waiting, conversation
from dialogs.status_update import UPDATE_DIALOG, StatusUpdateDialog, UpdateOptions
from dialogs.turn import Turn
from dialogs.welcome import Welcome
from knowledge.service import KnowledgeService

logger = logging.getLogger(__name__)
INTENT = "klyngebot.intent"
# The turn (dialogs.turn.Turn), and the conversation's row as the turn start read it.
TURN = "klyngebot.turn"
SEEN = "klyngebot.seen"


def _short_id(conversation_id: str) -> str:
    return hashlib.sha256(conversation_id.encode()).hexdigest()[:10]


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


class _Edge:
    """The router's view of this turn's bot side: the waterfall dialogs and the log line."""

    def __init__(self, dialogs: DialogSet, turn_context: TurnContext) -> None:
        self._dialogs = dialogs
        self._turn_context = turn_context
        self._context: DialogContext | None = None

    def note(self, intent: str) -> None:
        self._turn_context.turn_state[INTENT] = intent

    async def continue_dialog(self) -> Waiting:
        # The prompts read the answer from the activity: without the @mention.
        self._turn_context.activity.text = _turn(self._turn_context).text
        context = await self._dialog_context()
        waiting = context.active_dialog.id if context.active_dialog else None
        result = await context.continue_dialog()
        if waiting == OFFER_DIALOG:  # an offer never keeps the message: a choice, or nothing
            picked = result.result.get(PICKED) if isinstance(result.result, dict) else None
            return picked if isinstance(picked, dict) else False
        return bool(result.status != DialogTurnStatus.Empty)

    async def begin_dialog(self, options: UpdateOptions) -> None:
        await (await self._dialog_context()).begin_dialog(UPDATE_DIALOG, options)

    async def begin_offer(self, offered: Offer) -> None:
        await (await self._dialog_context()).begin_dialog(OFFER_DIALOG, offered)

    async def _dialog_context(self) -> DialogContext:
        if self._context is None:
            self._context = await self._dialogs.create_context(self._turn_context)
        return self._context


async def _send(turn_context: TurnContext, handled: Handled) -> None:
    for message in handled.messages:
        await turn_context.send_activity(to_activity(message))


class KlyngeBot(ActivityHandler):  # type: ignore[misc]
    def __init__(
        self,
        service: KnowledgeService,
        state: ConversationState,
        access: Access,
        public_url: str = "http://127.0.0.1:3978",
        downloader: Downloader | None = None,
    ) -> None:
        self._service = service
        self._state = state
        self._router = conversation(service, access, public_url, downloader)
        self._welcome = Welcome(service)
        self._dialogs = DialogSet(state.create_property("dialog_state"))
        self._dialogs.add(StatusUpdateDialog(service, send_message))
        self._dialogs.add(OfferDialog())
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
        edge = _Edge(self._dialogs, turn_context)
        await _send(turn_context, await self._router.route(_turn(turn_context), edge))

    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        handled = None
        if turn_context.activity.name == "adaptiveCard/action":
            edge = _Edge(self._dialogs, turn_context)
            handled = await self._router.press(_turn(turn_context), edge)
        if handled is None or handled.in_place is None:
            return await super().on_invoke_activity(turn_context)
        return invoke_answer(handled.in_place)

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
            await self._welcome_once(turn_context)

    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        await self._welcome_once(turn_context)

    async def _welcome_once(self, turn_context: TurnContext) -> None:
        handled = await self._welcome.greet(_turn(turn_context))
        if handled.intent is not None:
            turn_context.turn_state[INTENT] = handled.intent
        await _send(turn_context, handled)
