"""Waiting for something another process does, with a deadline instead of a fixed sleep."""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable


async def eventually(
    condition: Callable[[], bool | Awaitable[bool]], *, seconds: float = 30, every: float = 0.05
) -> None:
    """Until `condition()` (a function or a coroutine function) is true; fails after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        result = condition()
        if await result if inspect.isawaitable(result) else result:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"still not so after {seconds:g} s: {condition}")
        await asyncio.sleep(every)
