"""Teams' outbound limits, kept in process: when may the next proactive send go?

Per conversation (a Teams "thread") sliding windows of the published bot limits: 7 sends
per 1 s, 8 per 2 s, 60 per 30 s and 1,800 per hour. Per tenant an even spacing of
`TENANT_SEND_RATE` sends per second (1 + margin) (so no window of a second holds more than
the rate), and a pause when the tenant is being throttled: several 429s within a second
hold every send of that tenant until the longest Retry-After among them.

Each decision is made and recorded at the moment `wait` returns, against the injected
monotonic clock. A conversation's late wake-up can only spread its sends out. A tenant's
sends keep a timetable instead: one let go a little late (the event loop was busy) still
takes its slot if that is at most half the margin ago, so small delays do not add up to a
lower rate; the other half of the margin is for sends that reach Teams a little late or
early. After a longer hold-up the timetable starts again from now, without a burst.
Waiters line up per conversation and then per tenant (asyncio locks are first come, first
served), so a tenant's queue wakes one sender at a time instead of all of them.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

# (sends, seconds): msteams-docs rate-limit.md, "Send to conversation" per bot per thread.
CONVERSATION_WINDOWS = ((7, 1.0), (8, 2.0), (60, 30.0), (1800, 3600.0))
# Teams counts arrivals; a send leaves a little after it is let go (the outbox write, a new
# connection), so each conversation window is kept this much longer than published.
MARGIN = 0.1
DEFAULT_TENANT_RATE = 25.0
# A lone 429 only holds its own notification (Retry-After goes into the outbox row); this
# many within PAUSE_WINDOW seconds mean the tenant itself is throttled.
PAUSE_AFTER = 5
PAUSE_WINDOW = 1.0
SWEEP_EVERY = 60.0  # seconds between forgetting conversations quiet for the longest window

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


@dataclass
class _Queue:
    """An asyncio lock that forgets itself when nobody holds or waits for it."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


@dataclass
class _Tenant:
    next_free: float = float("-inf")  # the next send's slot in the timetable
    paused_until: float = float("-inf")
    throttles: deque[float] = field(default_factory=deque)  # recent 429 times


class RateLimits:
    def __init__(
        self,
        tenant_rate: float = DEFAULT_TENANT_RATE,
        *,
        windows: tuple[tuple[int, float], ...] = CONVERSATION_WINDOWS,
        pause_after: int = PAUSE_AFTER,
        margin: float = MARGIN,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        if tenant_rate <= 0:
            raise ValueError("tenant_rate must be positive")
        self._interval = (1.0 + margin) / tenant_rate
        self._catch_up = margin / 2
        self._windows = tuple((limit, span + margin) for limit, span in windows)
        self._horizon = max(span for _, span in self._windows)
        self._pause_after = pause_after
        self._clock, self._sleep = clock, sleep
        self._sent: dict[str, deque[float]] = {}
        self._tenants: dict[str, _Tenant] = {}
        self._queues: dict[str, _Queue] = {}
        self._swept_at = clock()

    async def wait(self, conversation_id: str, tenant_id: str | None) -> None:
        """Return when one send to this conversation may go, and count it as sent."""
        tenant = tenant_id or ""
        async with self._queue("c:" + conversation_id):
            await self._until(lambda now: self._conversation_free_at(conversation_id, now))
            async with self._queue("t:" + tenant):
                state = self._tenants.setdefault(tenant, _Tenant())
                await self._until(lambda _now: max(state.next_free, state.paused_until))
                now = self._clock()
                late = now - state.next_free
                slot = state.next_free if late <= self._catch_up else now
                state.next_free = slot + self._interval
                self._sent.setdefault(conversation_id, deque()).append(now)
                self._forget_old(now)

    def throttled(self, tenant_id: str | None, retry_after: float) -> bool:
        """The connector answered 429 for this tenant; True when the tenant is now paused."""
        state = self._tenants.setdefault(tenant_id or "", _Tenant())
        now = self._clock()
        state.throttles.append(now)
        while state.throttles[0] <= now - PAUSE_WINDOW:
            state.throttles.popleft()
        if len(state.throttles) < self._pause_after:
            return False
        state.paused_until = max(state.paused_until, now + retry_after)
        return True

    async def unpaused(self, tenant_id: str | None) -> None:
        """Return when the tenant is not held (counts nothing)."""
        state = self._tenants.setdefault(tenant_id or "", _Tenant())
        await self._until(lambda _now: state.paused_until)

    def paused_for(self, tenant_id: str | None) -> float:
        """Seconds the tenant is still held (0 when it may send)."""
        state = self._tenants.get(tenant_id or "")
        return max(0.0, state.paused_until - self._clock()) if state else 0.0

    async def _until(self, free_at: Callable[[float], float]) -> None:
        while True:
            now = self._clock()
            delay = free_at(now) - now
            if delay <= 0:
                return
            await self._sleep(delay)

    def _conversation_free_at(self, conversation_id: str, now: float) -> float:
        sent = self._sent.get(conversation_id)
        if not sent:
            return now
        # The window is full while its limit-th newest send is younger than its span.
        return max(
            (sent[-limit] + span for limit, span in self._windows if len(sent) >= limit),
            default=now,
        )

    def _forget_old(self, now: float) -> None:
        if now - self._swept_at < SWEEP_EVERY:
            return
        self._swept_at = now
        for conversation_id in list(self._sent):
            sent = self._sent[conversation_id]
            while sent and sent[0] <= now - self._horizon:
                sent.popleft()
            if not sent:
                del self._sent[conversation_id]

    @asynccontextmanager
    async def _queue(self, key: str) -> AsyncIterator[None]:
        queue = self._queues.setdefault(key, _Queue())
        queue.users += 1
        try:
            async with queue.lock:
                yield
        finally:
            queue.users -= 1
            if not queue.users:
                del self._queues[key]
