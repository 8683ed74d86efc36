"""A virtual monotonic clock for code that takes `clock` and `sleep`: sleeping moves the
clock forward instead of waiting, so rate-limit tests run in milliseconds."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


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
