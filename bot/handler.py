"""The activity handler: routes turns and does turn housekeeping, nothing more.

A message is a question for the knowledge base (the text without the bot's @mention, or
an "ask" button of a card); a chat that says where it belongs keeps that as its scope;
a new conversation is welcomed once. One log line per turn, without message text.
"""

from __future__ import annotations

import hashlib
import logging
import time
from typing import Any

from botbuilder.core import ActivityHandler, TurnContext
from botbuilder.schema import ChannelAccount

from bot.replies import to_activity, with_question
from bot.teams import (
    conversation_key,
    language_of,
    page_request,
    question_text,
    supports_cards,
)
from dialogs.cards import render, welcome_card
from knowledge.answers import ChatScope, HelpAnswer, ScopeSet
from knowledge.service import KnowledgeService

logger = logging.getLogger(__name__)
INTENT = "klyngebot.intent"


def _short_id(conversation_id: str) -> str:
    return hashlib.sha256(conversation_id.encode()).hexdigest()[:10]


class KlyngeBot(ActivityHandler):  # type: ignore[misc]
    def __init__(self, service: KnowledgeService) -> None:
        self._service = service

    async def on_turn(self, turn_context: TurnContext) -> None:
        started = time.perf_counter()
        try:
            await super().on_turn(turn_context)
        finally:
            activity = turn_context.activity
            logger.info(
                "turn type=%s intent=%s duration_ms=%.1f conversation=%s",
                activity.type,
                turn_context.turn_state.get(INTENT, "-"),
                (time.perf_counter() - started) * 1000,
                _short_id(activity.conversation.id if activity.conversation else ""),
            )

    async def on_message_activity(self, turn_context: TurnContext) -> None:
        activity = turn_context.activity
        question, offset = question_text(activity), page_request(activity)
        key = conversation_key(activity)
        if not question:
            answer: Any = HelpAnswer("help", language_of(activity))  # type: ignore[arg-type]
        else:
            scope = await self._service.chat_scope(key.conversation_id)
            answer = await self._service.ask(
                question, lang_hint=activity.locale, scope=scope, offset=offset
            )
        if isinstance(answer, ScopeSet):
            await self._service.set_chat_scope(key, ChatScope(answer.region, answer.cluster))
        turn_context.turn_state[INTENT] = answer.intent
        reply = render(answer, cards=supports_cards(activity))
        with_question(reply.card, question, offset)
        await turn_context.send_activity(to_activity(reply))

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
        if await self._service.claim_welcome(conversation_key(turn_context.activity)):
            turn_context.turn_state[INTENT] = "welcome"
            await turn_context.send_activity(
                to_activity(welcome_card(language_of(turn_context.activity)))
            )
