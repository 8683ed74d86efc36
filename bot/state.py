"""Conversation state whose change check costs a JSON encoding, not a jsonpickle pass.

botbuilder's BotState remembers a hash of the state it loaded and compares it with a new
hash at save time; the hash is `str(jsonpickle.Pickler().flatten(state))`, twice per
turn, about 5 % of a question's CPU. Here it is the document `SqlStorage` would write
(bot/storage.py: the same values and classes, as compact JSON), so "changed" means
exactly "would be stored differently". A state that document cannot express falls back
to jsonpickle, as before. Only `load` and `clear_state` are repeated from botbuilder
4.17.1, to build the cached state with this check.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import ConversationState, TurnContext
from botbuilder.core.bot_assert import BotAssert
from botbuilder.core.bot_state import CachedBotState

from bot.storage import state_document


class _Cached(CachedBotState):  # type: ignore[misc]
    def compute_hash(self, obj: object) -> str:
        try:
            return state_document(obj)
        except (TypeError, ValueError):  # not storable as it is: botbuilder's own check
            return str(super().compute_hash(obj))


class KlyngeState(ConversationState):  # type: ignore[misc]
    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        BotAssert.context_not_none(turn_context)
        cached = self.get_cached_state(turn_context)
        if force or not cached or not cached.state:
            key = self.get_storage_key(turn_context)
            items: dict[str, Any] = await self._storage.read([key])
            turn_context.turn_state[self._context_service_key] = _Cached(items.get(key))

    async def clear_state(self, turn_context: TurnContext) -> None:
        BotAssert.context_not_none(turn_context)
        cleared = _Cached()
        cleared.hash = ""  # differs from any document: the next save writes
        turn_context.turn_state[self._context_service_key] = cleared
