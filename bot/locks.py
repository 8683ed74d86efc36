"""One turn at a time per conversation within this process.

Two quick messages in one chat would otherwise read the same dialog state and the
second save would hit an eTag conflict (or, on a lax store, lose the first turn).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from knowledge.state.conversations import ConversationKey


class TurnLocks:
    def __init__(self) -> None:
        self._locks: dict[str, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def holding(self, key: ConversationKey) -> AsyncIterator[None]:
        name = key.conversation_id
        lock, users = self._locks.get(name, (asyncio.Lock(), 0))
        self._locks[name] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[name]
            if users <= 1:
                del self._locks[name]
            else:
                self._locks[name] = (lock, users - 1)
