"""Welcoming a chat or team the bot was added to, once: Teams says it twice on install
(conversationUpdate and installationUpdate), the knowledge base remembers the first."""

from __future__ import annotations

from typing import Protocol

from dialogs.cards import welcome_card
from dialogs.reading import Handled
from dialogs.turn import Turn
from knowledge.state.conversations import ConversationKey


class Welcoming(Protocol):
    async def claim_welcome(self, key: ConversationKey) -> bool: ...


class Welcome:
    def __init__(self, knowledge: Welcoming) -> None:
        self._knowledge = knowledge

    async def greet(self, turn: Turn) -> Handled:
        if not await self._knowledge.claim_welcome(turn.chat):
            return Handled()
        return Handled("welcome", (welcome_card(turn.lang),))
