"""Questions for the knowledge base: any message no other behaviour reads, and the
questions that "ask" and "vis flere" buttons carry.

The answer is rendered by `dialogs.cards`; each "vis flere" button of it is given the
question and where its next page starts, so pressing it asks again from there. "vi er
Midtklyngen" answers with the chat's new scope, which is kept for the chat.
"""

from __future__ import annotations

from typing import Any, Protocol

from dialogs.cards import clarify_offer, render
from dialogs.message import Message
from dialogs.phrases import words
from dialogs.reading import ASKED_QUESTION, QUESTION, Handled, Reading
from dialogs.requests import is_question
from dialogs.turn import Turn
from knowledge.answers.cache import Generation
from knowledge.answers.kinds import Answer, Clarify, HelpAnswer, ScopeSet
from knowledge.core.chat import ChatScope
from knowledge.state.conversations import ConversationKey


class Asking(Protocol):
    async def ask(
        self,
        question: str,
        *,
        lang_hint: str | None,
        scope: ChatScope,
        offset: int,
        generation: Generation | None,
    ) -> Answer: ...
    async def set_chat_scope(self, key: ConversationKey, scope: ChatScope) -> None: ...


class Ask:
    name = "ask"

    def __init__(self, knowledge: Asking) -> None:
        self._knowledge = knowledge

    def read(self, turn: Turn) -> Reading[str]:
        """Anything is a question; one that asks like one ("hvad er ...?", "er X i drift?")
        wins over a command word in it."""
        asked = is_question(words(turn.text))
        return Reading(self.name, ASKED_QUESTION if asked else QUESTION, turn.text)

    async def carry_out(self, turn: Turn, reading: Reading[str]) -> Handled:
        question = reading.slots
        answer = await self._answer(turn, question)
        if isinstance(answer, ScopeSet):
            scope = ChatScope(answer.region, answer.cluster)
            await self._knowledge.set_chat_scope(turn.chat, scope)
        reply = answer_reply(answer, question, turn.page, cards=turn.cards)
        choices = clarify_offer(answer) if isinstance(answer, Clarify) else None
        return Handled(answer.intent, (reply,), offer=choices)

    async def _answer(self, turn: Turn, question: str) -> Answer:
        if not question:
            return HelpAnswer("help", turn.lang)
        return await self._knowledge.ask(
            question,
            lang_hint=turn.lang,  # the message's language, not the client's locale
            scope=turn.scope,
            offset=turn.page,
            generation=turn.generation,
        )


def answer_reply(answer: Answer, question: str, offset: int, *, cards: bool) -> Message:
    """The answer as a message whose "vis flere" buttons ask `question` again from the
    next page (the card itself knows neither the question nor the offset)."""
    reply = render(answer, cards=cards)
    for data in _submit_data(reply.card):
        if data.get("action") == "more":
            shown = data.get("shown")
            data["question"] = question
            data["offset"] = offset + (shown if isinstance(shown, int) else 0)
    return reply


def _submit_data(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [data for child in node for data in _submit_data(child)]
    if not isinstance(node, dict):
        return []
    own = [node["data"]] if isinstance(node.get("data"), dict) else []
    return own + [data for child in node.values() for data in _submit_data(child)]
