"""Clocks for tests: a virtual monotonic clock for code that takes `clock` and `sleep`
(sleeping moves the clock forward instead of waiting, so rate-limit tests run in
milliseconds), and a wall clock a test sets by hand (`Ticker`, for knowledge.core.clock.Clock's
`utc_now`)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass
class VirtualClock:
    at: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def __call__(self) -> float:
        return self.at

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        target = self.at + seconds
        await asyncio.sleep(0)  # let other tasks run, as a real sleep would
        self.at = max(self.at, target)

    def advance(self, seconds: float) -> None:
        self.at += seconds


@dataclass
class Ticker:
    """The time is `now` until the test moves it."""

    now: datetime = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now
