"""Outbound rate limits on a virtual clock: nothing sleeps, every send time is recorded."""

from __future__ import annotations

import asyncio

import pytest

from bot.limits import RateLimits
from tests.support.clock import VirtualClock
from tests.support.rates import max_in_window

TENANT = "tenant-midt"


def limits_on(clock: VirtualClock, tenant_rate: float = 25.0, margin: float = 0.0) -> RateLimits:
    return RateLimits(tenant_rate, margin=margin, clock=clock, sleep=clock.sleep)


async def send_times(limits: RateLimits, clock: VirtualClock, chat: str, count: int) -> list[float]:
    times = []
    for _ in range(count):
        await limits.wait(chat, TENANT)
        times.append(clock())
    return times


async def test_one_conversation_gets_seven_a_second_eight_in_two_and_sixty_in_thirty() -> None:
    clock = VirtualClock()
    limits = limits_on(clock, tenant_rate=1000)

    times = await send_times(limits, clock, "a:chat", 200)

    assert (7, 8, 60) == (
        max_in_window(times, 1),
        max_in_window(times, 2),
        max_in_window(times, 30),
    )
    # The 61st waits for the first to leave the 30 s window, and no longer.
    assert (30.0, 60.0, 90.0) == (
        times[60] - times[0],
        times[120] - times[0],
        times[180] - times[0],
    )


async def test_a_margin_keeps_each_window_longer_than_published() -> None:
    clock = VirtualClock()
    limits = limits_on(clock, tenant_rate=1000, margin=0.1)

    times = await send_times(limits, clock, "a:chat", 100)

    assert 7 == max_in_window(times, 1.1)
    assert 60 == max_in_window(times, 30.1)
    assert pytest.approx(30.1) == times[60] - times[0]


async def test_one_conversation_gets_at_most_1800_an_hour() -> None:
    clock = VirtualClock()
    limits = limits_on(clock, tenant_rate=1000)

    times = await send_times(limits, clock, "a:busy", 1900)

    assert 1800 == max_in_window(times, 3600)
    assert 3600.0 == times[1800] - times[0]


async def test_the_tenant_is_spaced_evenly_at_its_rate_across_conversations() -> None:
    clock = VirtualClock()
    limits = limits_on(clock, tenant_rate=25)
    times: list[float] = []

    async def one(chat: str) -> None:
        await limits.wait(chat, TENANT)
        times.append(clock())

    started = clock()
    await asyncio.gather(*(one(f"a:chat-{n}") for n in range(500)))

    assert 25 == max_in_window(times, 1)
    assert 500 == len(times)
    assert 20.0 >= clock() - started  # 500 at 25 a second, and no slower


async def test_concurrent_senders_to_shared_conversations_respect_every_window() -> None:
    clock = VirtualClock()
    limits = limits_on(clock, tenant_rate=25)
    per_chat: dict[str, list[float]] = {f"a:chat-{n}": [] for n in range(5)}
    tenant: list[float] = []

    async def one(chat: str) -> None:
        await limits.wait(chat, TENANT)
        per_chat[chat].append(clock())
        tenant.append(clock())

    await asyncio.gather(*(one(chat) for chat in per_chat for _ in range(80)))

    assert 25 >= max_in_window(tenant, 1)
    for times in per_chat.values():
        assert 80 == len(times)
        assert 7 >= max_in_window(times, 1)
        assert 8 >= max_in_window(times, 2)
        assert 60 >= max_in_window(times, 30)


async def test_tenants_do_not_share_a_bucket() -> None:
    clock = VirtualClock()
    limits = limits_on(clock, tenant_rate=2)
    await limits.wait("a:one", "tenant-a")
    await limits.wait("a:two", "tenant-a")
    before = clock()

    await limits.wait("a:three", "tenant-b")

    assert before == clock()


async def test_a_lone_429_does_not_hold_the_tenant() -> None:
    clock = VirtualClock()
    limits = limits_on(clock)

    paused = limits.throttled(TENANT, retry_after=30)
    before = clock()
    await limits.wait("a:chat", TENANT)

    assert (False, before) == (paused, clock())


async def test_a_burst_of_429s_holds_the_tenant_until_the_longest_retry_after() -> None:
    clock = VirtualClock()
    limits = limits_on(clock)
    for retry_after in (1, 2, 5, 2):
        assert not limits.throttled(TENANT, retry_after)
        clock.advance(0.1)

    paused = limits.throttled(TENANT, retry_after=3)
    pause_ends = clock() + 3
    await limits.wait("a:chat", TENANT)
    await limits.wait("a:other-tenant-chat", "tenant-other")

    assert paused
    assert pause_ends == clock()
    assert 0 == limits.paused_for(TENANT)


async def test_a_pause_that_starts_while_a_sender_waits_holds_it_too() -> None:
    clock = VirtualClock()
    limits = limits_on(clock, tenant_rate=1)
    await limits.wait("a:chat-1", TENANT)
    waiting = asyncio.create_task(limits.wait("a:chat-2", TENANT))
    await asyncio.sleep(0)

    for _ in range(5):
        limits.throttled(TENANT, retry_after=10)
    pause_ends = clock() + 10
    await waiting

    assert pause_ends <= clock()


async def test_waiting_out_a_pause_counts_no_send() -> None:
    clock = VirtualClock()
    limits = limits_on(clock, tenant_rate=1)
    for _ in range(5):
        limits.throttled(TENANT, retry_after=4)
    pause_ends = clock() + 4

    await limits.unpaused(TENANT)
    await limits.wait("a:chat", TENANT)

    assert pause_ends == clock()  # the bucket's one token was still there
