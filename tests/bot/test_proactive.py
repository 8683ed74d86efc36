"""The notifier against a misbehaving connector over real HTTP, on a real database:
every deliverable reminder arrives once, nothing is retried before its Retry-After,
403s deactivate the conversation, unknown outcomes are never resent.

Sends go through the bot's own adapter (one pooled aiohttp session, `ConnectorError`);
the fault test also runs once through botbuilder's stock msrest client, whose errors the
notifier reads as well."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import aiohttp
import pytest
from botbuilder.core import BotAdapter
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.adapter import bot_configuration, create_adapter
from bot.connector import connector_session
from bot.gate import service_url_allowed
from bot.limits import RateLimits
from bot.proactive import Notifier
from bot.settings import Settings
from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.notify.outbox import enqueue
from knowledge.service import KnowledgeService
from tests.support.activities import TENANT
from tests.support.flaky_connector import OK, Answer, FlakyConnector, running_flaky_connector
from tests.support.outbox import (
    is_due_reminder,
    morning_of_today,
    running_from,
    seed,
    tenant_of,
)
from tests.support.rates import RecordingLimits, max_in_window

EVERY_STATE = ("pending", "sending", "sent", "failed", "uncertain", "cancelled", "skipped")


@dataclass
class Outbox:
    service: KnowledgeService
    sessions: async_sessionmaker[AsyncSession]
    clock: Clock
    writers: int  # as app.py: 1 on SQLite
    session: aiohttp.ClientSession  # the pooled connector's
    service_urls: list[str] = field(default_factory=list)  # seeded: replies may go there

    def now(self) -> datetime:
        return self.clock.now()

    def notifier(self, *, stock: bool = False, **options: Any) -> Notifier:
        # Anonymous: replies may go to the loopback fakes the references were seeded with.
        settings = Settings(anonymous_service_urls=tuple(self.service_urls))
        adapter: BotAdapter = create_adapter(settings, self.session)
        if stock:  # botbuilder's own msrest client on the default thread pool
            configuration = bot_configuration(settings)
            adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(configuration))
        return Notifier(
            self.service,
            adapter,
            bot_app_id="",
            owner=options.pop("owner", "test-instance"),
            limits=options.pop("limits", RateLimits(1000)),
            clock=self.clock,
            allowed=lambda url: service_url_allowed(url, settings),
            writers=self.writers,
            **options,
        )

    async def seed(
        self, conversations: list[str], service_url: str, tenants: tuple[str, ...] = ()
    ) -> None:
        self.service_urls.append(service_url)
        planned = await seed(
            self.service, self.sessions, conversations, service_url, tenants=tenants
        )
        assert 2 * len(conversations) == planned

    async def states(self) -> dict[tuple[str, str], str]:
        """Each reminder's state by conversation and "now" (due) or "later" (March)."""
        return {
            (line.conversation_id, "now" if is_due_reminder(line.due_at) else "later"): line.state
            for line in await self.service.outbox(EVERY_STATE)
        }

    async def settled(self) -> bool:
        now = self.now()
        lines = await self.service.outbox(("pending", "sending"))
        return not [line for line in lines if line.state == "sending" or line.due_at <= now]


@pytest.fixture
async def outbox(database_url: str) -> AsyncIterator[Outbox]:
    engine = create_engine(database_url)
    await migrate(engine)
    clock = running_from(morning_of_today())
    sessions = session_factory(engine)
    writers = 1 if engine.dialect.name == "sqlite" else 16
    async with connector_session() as session:
        yield Outbox(KnowledgeService(sessions, clock), sessions, clock, writers, session)
    await engine.dispose()


async def run_until_settled(notifier: Notifier, outbox: Outbox, seconds: float = 30) -> float:
    """Run the notifier until nothing due is left; returns how long that took."""
    started = time.monotonic()
    running = asyncio.create_task(notifier.run())
    try:
        while not await outbox.settled():
            assert time.monotonic() - started < seconds, await outbox.states()
            await asyncio.sleep(0.05)
    finally:
        await notifier.stop()
        await running
    return time.monotonic() - started


def scripted(answers: dict[str, list[Answer]]) -> Callable[[str, int], Answer]:
    """Per conversation prefix, the answers to its 1st, 2nd ... request; then 201."""

    def answer(conversation: str, attempt: int) -> Answer:
        for prefix, planned in answers.items():
            if conversation.startswith(prefix):
                return planned[attempt - 1] if attempt <= len(planned) else OK
        return OK

    return answer


FAULTS = {
    "a:throttled": [Answer(429, retry_after=1)],
    "a:unavailable": [Answer(503)],
    "a:blocked": [Answer(403)] * 3,
    "a:gone": [Answer(404)],
    "a:broken": [Answer(500)],
}


@pytest.mark.parametrize("path", ["pooled", "stock"])
async def test_every_deliverable_reminder_arrives_exactly_once_through_faults(
    outbox: Outbox, path: str
) -> None:
    groups = {"a:fine": 30, "a:throttled": 10, "a:unavailable": 10, "a:blocked": 5}
    groups |= {"a:gone": 3, "a:broken": 2}
    chats = [f"{prefix}-{n}" for prefix, count in groups.items() for n in range(count)]
    blocked = [chat for chat in chats if chat.startswith("a:blocked")]

    async with running_flaky_connector(scripted(FAULTS)) as connector:
        await outbox.seed(chats, connector.url)
        notifier = outbox.notifier(interval=10, stock=path == "stock")
        took = await run_until_settled(notifier, outbox)

    deliverable = [c for c in chats if c.startswith(("a:fine", "a:throttled", "a:unavailable"))]
    assert {chat: 1 for chat in deliverable} == dict(connector.accepted)
    states = await outbox.states()
    assert {(chat, "now"): "sent" for chat in deliverable}.items() <= states.items()
    assert took < 10, "a retry waits for its Retry-After, not for the next round"
    _assert_retries_waited(connector)
    await _assert_blocked_are_inactive_and_cancelled(outbox, connector, blocked, states)
    for chat in chats:
        if chat.startswith(("a:gone", "a:broken")):
            assert 1 == len(connector.arrivals[chat])
            expected = "failed" if chat.startswith("a:gone") else "uncertain"
            assert expected == states.get((chat, "now"))
            assert (chat.startswith("a:gone")) == (await outbox.service.conversation(chat) is None)


def _assert_retries_waited(connector: FlakyConnector) -> None:
    for chat, times in connector.arrivals.items():
        if chat.startswith("a:throttled"):
            assert [429, 201] == connector.answers[chat]
            assert times[1] - times[0] >= 1.0, "retried before Retry-After: 1"
        if chat.startswith("a:unavailable"):
            assert [503, 201] == connector.answers[chat]
            assert times[1] - times[0] >= 0.8, "the first backoff is 1 s +-20 %"


async def _assert_blocked_are_inactive_and_cancelled(
    outbox: Outbox, connector: FlakyConnector, blocked: list[str], states: dict[str, str]
) -> None:
    for chat in blocked:
        conversation = await outbox.service.conversation(chat)
        assert conversation is not None
        assert (False, [403]) == (conversation.active, connector.answers[chat])
        assert ("failed", "cancelled") == (states[chat, "now"], states[chat, "later"])


async def test_a_send_that_times_out_after_going_out_is_uncertain_and_never_resent(
    outbox: Outbox,
) -> None:
    slow = scripted({"a:slow": [Answer(201, delay=2.0)]})
    async with running_flaky_connector(slow) as connector:
        await outbox.seed(["a:slow-1"], connector.url)
        await run_until_settled(outbox.notifier(interval=0.1, send_timeout=0.3), outbox)
        await asyncio.sleep(2.0)  # the connector's late answer arrives; nobody listens

    assert "uncertain" == (await outbox.states())["a:slow-1", "now"]
    assert 1 == len(connector.arrivals["a:slow-1"])


async def test_a_refused_connection_is_retried_later(outbox: Outbox) -> None:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}/"
    await outbox.seed(["a:unreachable"], closed)
    notifier = outbox.notifier(interval=60)

    await notifier.tick()
    await notifier.drain()

    [line] = [line for line in await outbox.service.outbox(("pending",)) if line.attempts]
    assert "ConnectorError" in (line.last_error or "")
    assert line.next_attempt_at is not None
    assert line.next_attempt_at > outbox.now()


async def test_a_reference_to_a_host_not_allowed_gets_no_request(outbox: Outbox) -> None:
    await outbox.seed(["a:hijacked"], "https://evil.trafficmanager.net/")
    notifier = outbox.notifier()

    await notifier.tick()
    await notifier.drain()

    [line] = await outbox.service.outbox(("failed",))
    assert "service URL not allowed" == line.last_error


async def test_stopping_gives_back_what_is_still_waiting_for_the_rate_limit(
    outbox: Outbox,
) -> None:
    chats = [f"a:queued-{n}" for n in range(10)]
    async with running_flaky_connector() as connector:
        await outbox.seed(chats, connector.url)
        notifier = outbox.notifier(limits=RateLimits(2))  # 2 a second: most must wait
        await notifier.tick()
        await asyncio.sleep(0.2)
        await notifier.stop()

        sent = sum(connector.accepted.values())
        reclaimed = await outbox.service.claim_due("another-instance", 100)

    assert 1 <= sent <= 2
    assert 10 - sent == len(reclaimed)


async def test_the_message_is_the_reminder_card_in_the_chats_language(outbox: Outbox) -> None:
    async with running_flaky_connector() as connector:
        await outbox.seed(["a:mette"], connector.url)
        notifier = outbox.notifier()
        await notifier.tick()
        await notifier.drain()

    [body] = connector.bodies
    [attachment] = body["attachments"]
    assert "application/vnd.microsoft.card.adaptive" == attachment["contentType"]
    assert "Klyngestyregruppen Testklyngen" in body["summary"]
    assert "Viborg" in str(attachment["content"])
    assert "a:mette" == body["conversation"]["id"]


async def test_many_notifications_to_one_chat_keep_to_its_limits(outbox: Outbox) -> None:
    limits = RecordingLimits(1000)
    async with running_flaky_connector() as connector:
        await outbox.seed(["a:busy"], connector.url)
        now = outbox.now()
        async with outbox.sessions() as session, session.begin():
            await enqueue(session, [status_change("a:busy", n, now) for n in range(20)], now)
        await run_until_settled(outbox.notifier(interval=0.1, limits=limits), outbox)

    assert 21 == connector.accepted["a:busy"]  # the reminder and 20 status changes
    # When each send was let go (see RecordingLimits).
    released = limits.released["a:busy"]
    assert 21 == len(released)
    assert (7, 8) == (max_in_window(released, 1.0), max_in_window(released, 2.0))


FAN_OUT_TENANTS = tuple(f"tenant-{n}" for n in range(1, 6))


async def test_fan_out_keeps_many_sends_in_flight_without_a_thread(outbox: Outbox) -> None:
    """500 reminders over 5 tenants to a connector that takes 200 ms each. A thread pool
    (botbuilder's stock path: 6 threads on 2 cores) would keep at most 6 on the wire; here
    the rate limits alone decide, so at 60 a second per tenant about 50 overlap."""
    chats = [f"a:fan-{n:03d}" for n in range(500)]
    limits = RecordingLimits(60)
    handed = watch_executor(asyncio.get_running_loop())
    async with running_flaky_connector(lambda _chat, _attempt: Answer(delay=0.2)) as connector:
        await outbox.seed(chats, connector.url, FAN_OUT_TENANTS)
        await run_until_settled(outbox.notifier(interval=10, limits=limits), outbox)

    assert {chat: 1 for chat in chats} == dict(connector.accepted)
    assert connector.most_in_flight >= 50
    assert [] == handed, "nothing on the send path may need a thread"
    tenants = {chat: tenant_of(n, FAN_OUT_TENANTS) for n, chat in enumerate(chats)}
    arrived = connector.arrivals_by(tenants.__getitem__)
    assert {tenant: 100 for tenant in FAN_OUT_TENANTS} == {t: len(a) for t, a in arrived.items()}
    # When each tenant's sends were let go: never more than its rate in a second, nor
    # about half of it in half a second, where the limiter binds (the first claim puts 40
    # of each tenant's reminders in its queue at once).
    windows = {
        tenant: (max_in_window(released, 1.0), max_in_window(released, 0.5))
        for tenant, released in limits.by_tenant.items()
    }
    assert set(FAN_OUT_TENANTS) == set(windows)
    assert [] == [(t, w) for t, w in windows.items() if w[0] > 60 or w[1] > 31]


def watch_executor(loop: asyncio.AbstractEventLoop) -> list[Callable[..., Any]]:
    """What the loop hands to its executor from now on (`asyncio.to_thread` included)."""
    handed: list[Callable[..., Any]] = []
    original = loop.run_in_executor

    def run_in_executor(executor: Any, function: Callable[..., Any], *args: Any) -> Any:
        handed.append(function)
        return original(executor, function, *args)

    loop.run_in_executor = run_in_executor  # type: ignore[method-assign]
    return handed


def status_change(conversation_id: str, n: int, now: datetime) -> dict[str, Any]:
    return {
        "key": f"status:test:{conversation_id}:{n}",
        "kind": "status",
        "conversation_id": conversation_id,
        "tenant_id": TENANT,
        "due_at": now - timedelta(minutes=1),
        "payload": {"item": {"slug": "rygestop", "title": "Rygestop"}, "category": "completed"},
    }
