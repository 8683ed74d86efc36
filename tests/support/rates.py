"""Counting sends in sliding windows: the largest number in any half-open window; and
the real rate limits, remembering when they let each send go."""

from __future__ import annotations

import time
from collections.abc import Iterable

from bot.limits import RateLimits

EPSILON = 1e-9  # x + span - span need not be x in floating point


def max_in_window(times: Iterable[float], seconds: float) -> int:
    """The most of `times` that fall in any window [t, t + seconds)."""
    ordered = sorted(times)
    most, start = 0, 0
    for end, at in enumerate(ordered):
        while ordered[start] <= at - seconds + EPSILON:
            start += 1
        most = max(most, end - start + 1)
    return most


class RecordingLimits(RateLimits):
    """The real limits, remembering when each send was let go, per conversation and per
    tenant. Arrival times at a fake on the same busy event loop jitter by more than the
    limiter's margin under a loaded test run; these decisions don't."""

    def __init__(self, tenant_rate: float) -> None:
        super().__init__(tenant_rate)
        self.released: dict[str, list[float]] = {}
        self.by_tenant: dict[str, list[float]] = {}

    async def wait(self, conversation_id: str, tenant_id: str | None) -> None:
        await super().wait(conversation_id, tenant_id)
        now = time.monotonic()
        self.released.setdefault(conversation_id, []).append(now)
        self.by_tenant.setdefault(tenant_id or "", []).append(now)
