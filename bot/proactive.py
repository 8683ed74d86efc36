"""The notifier: delivers what the outbox says is due, once, within Teams' limits.

A background task (`run`/`stop`). Each round it lets the knowledge base plan reminders (at
most once a minute), claims due notifications with a lease, and sends each one
concurrently: wait for the rate limits, `mark_sending` just before the POST (skip the row
if that says no), `continue_conversation` with the stored reference, then `finish_send`
with what the connector answered (`bot.outcomes`). A full claim, or a retry whose
Retry-After has passed, starts the next round early.

Nothing on the send path needs a thread: the POST is a coroutine on the pooled aiohttp
session, so the number of sends in flight is only what the rate limits allow. The outbox
writes around the sends are group-committed (`bot.batches`): the marks and outcomes that
come in during one transaction share the next, so the database sees a few transactions a
second, not two per send.

Stopping claims nothing more, drops sends still waiting for the limits, lets sends on the
wire finish for a few seconds and gives the remaining leases back.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import os
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from botbuilder.core import BotAdapter, TurnContext
from botbuilder.schema import Activity, ConversationReference

from bot.batches import Batches
from bot.limits import RateLimits
from bot.outcomes import backoff, failure_of, result_of
from bot.outgoing import notification_activity
from bot.wire import from_json
from knowledge.core.clock import Clock
from knowledge.notify.contract import Due, SendResult
from knowledge.service import KnowledgeService

logger = logging.getLogger(__name__)

Render = Callable[[Due], Activity]
Allowed = Callable[[str], bool]

BATCH = 200  # sends in flight at once, and the most claimed in one round
PLAN_EVERY = 60.0  # seconds
SEND_TIMEOUT = 30.0
GRACE = 10.0  # seconds in-flight sends get at stop
RETRY_MARGIN = 0.05  # claim a retry just after its not_before, not just before


def instance_id(configured: str = "") -> str:
    """Who holds the leases: INSTANCE_ID, else host name and process id."""
    return (configured or f"{socket.gethostname()}-{os.getpid()}")[:100]


@dataclass
class _Attempt:
    started: bool = False
    activity_id: str | None = None
    delivered: bool = False
    error: BaseException | None = None


@dataclass
class Notifier:
    service: KnowledgeService
    adapter: BotAdapter
    bot_app_id: str
    owner: str
    limits: RateLimits
    clock: Clock = field(default_factory=Clock)  # the knowledge base's: retry times
    render: Render = notification_activity  # the card in the subscriber's language
    allowed: Allowed = field(default=lambda _url: True)  # service URLs sends may go to
    interval: float = 15.0
    batch: int = BATCH
    send_timeout: float = SEND_TIMEOUT
    grace: float = GRACE
    monotonic: Callable[[], float] = time.monotonic
    # Outbox writes at once: 1 on SQLite, whose busy handler is unfair enough that one of
    # 200 racing writers can wait past busy_timeout ("database is locked").
    writers: int = 16
    _sending: set[asyncio.Task[None]] = field(default_factory=set, init=False)
    _waiting: set[asyncio.Task[None]] = field(default_factory=set, init=False)
    _wake: asyncio.Event = field(default_factory=asyncio.Event, init=False)
    _kick: bool = field(default=False, init=False)  # claim again now, do not rest
    _stopping: bool = field(default=False, init=False)
    _planned_at: float | None = field(default=None, init=False)
    _retries: list[float] = field(default_factory=list, init=False)  # heap: when retries fall due
    _busy: bool = field(default=False, init=False)  # the last round found no room
    _runner: asyncio.Task[None] | None = field(default=None, init=False)
    _writing: asyncio.Semaphore = field(init=False)
    _marks: Batches[int, bool] = field(init=False)
    _finishes: Batches[tuple[int, SendResult], None] = field(init=False)

    def __post_init__(self) -> None:
        self._writing = asyncio.Semaphore(self.writers)
        self._marks = Batches(self._mark_all, self._writing, abandoned=self._unmark)
        self._finishes = Batches(self._finish_all, self._writing)

    async def run(self) -> None:
        self._runner = asyncio.current_task()
        while not self._stopping:
            self._kick = False
            try:
                claimed, room = await self.tick()
            except Exception:
                logger.exception("notifier: a round failed; trying again in %s s", self.interval)
                claimed, room = 0, 1
            self._busy = room == 0
            if self._stopping or (room and claimed == room):
                continue  # a full claim: more may be due right now
            await self._rest()

    async def stop(self) -> None:
        self._stopping = self._kick = True
        self._wake.set()
        if self._runner is not None and self._runner is not asyncio.current_task():
            await asyncio.wait([self._runner], timeout=self.grace)  # its round claims no more
        for task in self._waiting:
            task.cancel()
        tasks = self._waiting | self._sending
        if tasks:
            _done, late = await asyncio.wait(tasks, timeout=self.grace)
            for task in late:  # its row stays "sending"; the lease turns it uncertain
                task.cancel()
        await self._marks.settle()
        await self._finishes.settle()
        try:
            async with self._writing:
                released = await self.service.release_leases(self.owner)
        except Exception:  # the lease runs out by itself; shutdown goes on
            logger.exception("notifier: could not give back its claimed notifications")
            return
        logger.info("notifier stopped; %d claimed notifications given back", released)

    async def tick(self) -> tuple[int, int]:
        """One round: plan if due, claim what there is room for and start sending it.
        Returns (claimed, room)."""
        await self._plan()
        room = self.batch - len(self._sending) - len(self._waiting)
        if room <= 0 or self._stopping:
            return 0, max(room, 0)
        async with self._writing:
            claimed = await self.service.claim_due(self.owner, room)
        if claimed:
            logger.info("notifier: claimed %d due notifications", len(claimed))
        for due in claimed:
            task = asyncio.create_task(self._deliver(due))
            self._waiting.add(task)
            task.add_done_callback(self._forget)
        return len(claimed), room

    async def drain(self) -> None:
        """Wait until every started send has finished (tests, benchmarks)."""
        while self._waiting or self._sending:
            await asyncio.wait(self._waiting | self._sending)

    async def _plan(self) -> None:
        now = self.monotonic()
        if self._planned_at is not None and now - self._planned_at < PLAN_EVERY:
            return
        self._planned_at = now
        async with self._writing:
            planned = await self.service.plan_notifications()
        if planned:
            logger.info("notifier: planned %d notifications", planned)

    async def _rest(self) -> None:
        """Until the interval is over, a retry falls due, or a round may claim more."""
        end = self.monotonic() + self.interval
        while not self._kick:
            timeout = min([end, *self._retries[:1]]) - self.monotonic()
            if timeout <= 0:
                break
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)
        while self._retries and self._retries[0] <= self.monotonic():
            heapq.heappop(self._retries)

    def _forget(self, task: asyncio.Task[None]) -> None:
        self._waiting.discard(task)
        self._sending.discard(task)
        if self._busy and len(self._waiting) + len(self._sending) <= self.batch // 2:
            self._kick = True  # room for a good handful more
            self._wake.set()

    async def _deliver(self, due: Due) -> None:
        try:
            await self._deliver_one(due)
        except Exception:  # the database, most likely; a "sending" row turns uncertain
            logger.exception("notifier: notification %s could not be delivered", due.id)

    async def _deliver_one(self, due: Due) -> None:
        prepared = self._prepare(due)
        if isinstance(prepared, Activity):
            await self.limits.unpaused(due.tenant_id)  # no row sits in "sending" through a pause
        if self._stopping:
            return
        if not await self._marks(due.id):
            return
        result = prepared
        if isinstance(prepared, Activity):
            # The limiter is the last gate before the POST: a slow outbox write between
            # them would otherwise bunch the sends it spaced out.
            if not await self._clear_to_send(due):
                return
            result = await self.send(due, prepared)
        await self._finishes((due.id, result))
        self._log(due, result)

    async def _mark_all(self, ids: Sequence[int]) -> list[bool]:
        marked = await self.service.mark_sending_all(ids, self.owner)
        return [notification_id in marked for notification_id in ids]

    async def _unmark(self, marks: Sequence[tuple[int, bool]]) -> None:
        """Marked for sending while the send was being stopped: never sent, give it back."""
        for notification_id, marked in marks:
            if marked:
                async with self._writing:
                    await self.service.give_back(notification_id, self.owner)

    async def _finish_all(self, results: Sequence[tuple[int, SendResult]]) -> list[None]:
        await self.service.finish_sends(results, self.owner)
        return [None] * len(results)

    async def _clear_to_send(self, due: Due) -> bool:
        """Wait for the limits; a stop meanwhile gives the row back untried."""
        try:
            await self.limits.wait(due.conversation_id, due.tenant_id)
        except asyncio.CancelledError:
            await self._give_back(due)
            raise
        if self._stopping:
            await self._give_back(due)
            return False
        task = asyncio.current_task()
        assert task is not None
        self._waiting.discard(task)  # on the wire: stop() lets it finish
        self._sending.add(task)
        return True

    async def _give_back(self, due: Due) -> None:
        async with self._writing:
            await self.service.give_back(due.id, self.owner)

    def _prepare(self, due: Due) -> Activity | SendResult:
        if not self.allowed(str(due.reference.get("serviceUrl", ""))):
            return SendResult("failed", error="service URL not allowed")
        try:
            return self.render(due)
        except Exception as error:
            logger.exception("notifier: could not render notification %s", due.id)
            return SendResult("failed", error=f"render: {type(error).__name__}: {error}"[:500])

    async def send(self, due: Due, activity: Activity) -> SendResult:
        """One attempt: POST the activity to the conversation, and what came of it."""
        attempt = _Attempt()

        async def callback(turn_context: TurnContext) -> None:
            attempt.started = True
            try:  # caught here: the adapter's on_turn_error would apologise to the chat
                response = await turn_context.send_activity(activity)
            except Exception as error:
                attempt.error = error
                return
            attempt.delivered = True
            attempt.activity_id = getattr(response, "id", None)

        reference = from_json(ConversationReference, due.reference)
        try:
            async with asyncio.timeout(self.send_timeout):
                await self.adapter.continue_conversation(reference, callback, self.bot_app_id)
        except Exception as error:  # a time-out, or the connector could not be built
            attempt.error = attempt.error or error
        if attempt.delivered:
            return SendResult("sent", activity_id=attempt.activity_id)
        return self._judge(due, attempt)

    def _judge(self, due: Due, attempt: _Attempt) -> SendResult:
        error = attempt.error or RuntimeError("the turn ended before the send")
        now = self.clock.now()
        failure = failure_of(error, started=attempt.started, now=now)
        if failure.status == 429:
            wait = failure.retry_after if failure.retry_after is not None else backoff(1)
            if self.limits.throttled(due.tenant_id, wait):
                logger.warning("notifier: tenant %s throttled, held %.1f s", due.tenant_id, wait)
        result = result_of(failure, due.attempts, now)
        if result.not_before is not None:
            at = self.monotonic() + (result.not_before - now).total_seconds() + RETRY_MARGIN
            heapq.heappush(self._retries, at)
            self._wake.set()  # a resting loop shortens its rest
        return result

    def _log(self, due: Due, result: SendResult) -> None:
        level = logging.DEBUG if result.outcome == "sent" else logging.WARNING
        logger.log(
            level,
            "notifier: %s %s to %s: %s%s",
            due.kind,
            due.id,
            due.conversation_id,
            result.outcome,
            f" ({result.error})" if result.error else "",
        )
