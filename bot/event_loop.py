"""The event loop `serve` runs on: asyncio's own, or, for a diagnostic run, one that logs
every callback holding it too long.

With `SLOW_CALLBACK_MS` set, the loop runs in asyncio's debug mode with
`slow_callback_duration` at that many milliseconds, and asyncio logs a warning on its
`asyncio` logger, `Executing <what> took 0.123 seconds`, for each callback, task step or I/O
handler that ran longer. Debug mode also keeps where every task was created (the warning
names it), which makes each turn slower: a run for finding stalls, not for figures.
"""

from __future__ import annotations

import asyncio


def event_loop(slow_callback_ms: int) -> asyncio.AbstractEventLoop | None:
    """None (aiohttp makes the loop, as always) unless slow callbacks are to be logged."""
    if slow_callback_ms <= 0:
        return None
    loop = asyncio.new_event_loop()
    loop.set_debug(True)
    loop.slow_callback_duration = slow_callback_ms / 1000
    return loop
