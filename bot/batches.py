"""Group commit for the notifier's outbox writes.

A hundred sends a second each want their row marked "sending" before the POST and their
outcome recorded after it. One transaction per row is a few hundred transactions a
second, and SQLite takes them one at a time. `Batches` lets every caller wait for its own
answer, while the writes that arrive during one transaction go together in the next: one
transaction per round instead of one per row, and no waiting to fill a batch when the
outbox is quiet.

A caller cancelled while its write is under way does not undo the write: its item goes to
`abandoned` after the transaction, so that a row marked for a send that will not happen
can be given back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)

In = TypeVar("In")
Out = TypeVar("Out")

MOST = 500  # items in one transaction


@dataclass
class Batches(Generic[In, Out]):
    write: Callable[[Sequence[In]], Awaitable[Sequence[Out]]]  # one answer per item, in order
    gate: asyncio.Semaphore  # held during each write (SQLite: one writer at a time)
    abandoned: Callable[[Sequence[tuple[In, Out]]], Awaitable[None]] | None = None
    most: int = MOST
    _queue: list[tuple[In, asyncio.Future[Out]]] = field(default_factory=list, init=False)
    _writer: asyncio.Task[None] | None = field(default=None, init=False)

    async def __call__(self, item: In) -> Out:
        """Write `item` with whatever else is waiting; its answer."""
        answer: asyncio.Future[Out] = asyncio.get_running_loop().create_future()
        self._queue.append((item, answer))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_all())
        return await answer

    async def settle(self) -> None:
        """Wait until what was handed in has been written (or has failed)."""
        while self._writer is not None:
            await asyncio.wait([self._writer])

    async def _write_all(self) -> None:
        try:
            while self._queue:
                batch, self._queue = self._queue[: self.most], self._queue[self.most :]
                await self._write_one(batch)
        finally:
            self._writer = None

    async def _write_one(self, batch: list[tuple[In, asyncio.Future[Out]]]) -> None:
        items = [item for item, _ in batch]
        try:
            async with self.gate:
                answers = await self.write(items)
        except Exception as error:
            for _, answer in batch:
                if not answer.done():
                    answer.set_exception(error)
            return
        left: list[tuple[In, Out]] = []
        for (item, answer), result in zip(batch, answers, strict=True):
            if answer.done():  # the caller was cancelled meanwhile
                left.append((item, result))
            else:
                answer.set_result(result)
        if left and self.abandoned is not None:
            try:
                await self.abandoned(left)
            except Exception:
                logger.exception("could not undo %d writes whose callers left", len(left))
