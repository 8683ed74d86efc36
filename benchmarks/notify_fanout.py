"""Fan-out of meeting reminders through the notifier to a misbehaving connector.

    .venv/bin/python benchmarks/notify_fanout.py [--reminders 10000] [--tenants 5]
        [--database-url URL | --postgres] [--tenant-rate 25] [--latency 0.2] [--throttle 0.05]
        [--unavailable 0.02]

N conversations, taking turns among `--tenants` tenants, each subscribe to a cluster
whose meeting is two days away, so planning puts N due reminders in the outbox. One
notifier (the bot's, with the pooled aiohttp connector) sends them to a connector fake on
loopback that answers `--throttle` of all requests with 429 and Retry-After 1-2 s and
`--unavailable` with 503, each after `--latency` seconds. Figures: wall time until
nothing due is left, accepted sends per second for the instance (the budget is tenants x
tenant rate), the largest number of requests the fake saw in any one-second window per
conversation and per tenant, the most requests it was answering at once, retries that
came before their Retry-After (per tenant also as the limiter let them go: arrivals at
a fake on the same busy event loop jitter), duplicates, the outbox states, and the
threads: the most the process had during the run and how often anything was handed to
an executor (`run_in_executor`, which `asyncio.to_thread` uses too). The SQLite driver keeps one
thread per pooled connection; no send may need a thread. `--postgres` runs on a fresh
database of the server KLYNGEBOT_TEST_POSTGRES_URL names (scripts/postgres.sh), dropped
afterwards.

Measured 2026-11-23 (commit 620647b), connector 200 ms, tenants at 25/s, 2 cores:

  database     reminders tenants faults          wall    sent/s  tenant max/1 s  in flight  dup.
  SQLite           3,000       5 none          28.9 s    103.7   23              29         0
  SQLite           5,000       5 none          48.3 s    103.6   24              28         0
  PostgreSQL       5,000       5 none          48.7 s    102.7   24              30         0
  SQLite           5,000      10 none          26.8 s    186.8   24              60         0
  SQLite           3,000       5 5 % 429,     35.7 s     84.1   24              28         0
                                 2 % 503

Every run: at most 1 send per conversation in any second, 0 retries before Retry-After,
everything sent, 0 executor calls (3 threads on SQLite: aiosqlite's, 1 on PostgreSQL).
The instance is held by the tenants' budgets (25/s less the 10 % margin, 22.7/s each), not
by a pool: ten tenants nearly double it. Before issue 7 (one tenant at 25/s) it was 19.4/s.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project and its test support

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker  # noqa: E402

from bot.adapter import create_adapter  # noqa: E402
from bot.connector import connector_session  # noqa: E402
from bot.gate import service_url_allowed  # noqa: E402
from bot.proactive import Notifier  # noqa: E402
from bot.settings import Settings  # noqa: E402
from knowledge.core.clock import Clock  # noqa: E402
from knowledge.core.db import create_engine, migrate, session_factory  # noqa: E402
from knowledge.core.models import Notification  # noqa: E402
from knowledge.service import KnowledgeService  # noqa: E402
from tests.support.flaky_connector import (  # noqa: E402
    FlakyConnector,
    random_faults,
    running_flaky_connector,
)
from tests.support.outbox import (  # noqa: E402
    is_due_reminder,
    morning_of_today,
    running_from,
    seed,
    tenant_of,
)
from tests.support.rates import RecordingLimits, max_in_window  # noqa: E402

TENANTS_DEFAULT = 5
STATES = ("pending", "sending", "sent", "failed", "uncertain", "cancelled", "skipped")


async def settled(sessions: async_sessionmaker[AsyncSession], clock: Clock) -> bool:
    """Nothing due is left (a count, so that watching costs the notifier little)."""
    due = (
        select(func.count())
        .select_from(Notification)
        .where(Notification.state.in_(("pending", "sending")))
        .where(Notification.due_at <= clock.now())
    )
    async with sessions() as session:
        return not await session.scalar(due)


@dataclass
class Threads:
    """What the run asked of threads: the most alive at once (sampled), and how many
    calls went to the loop's executor."""

    most: int = 0
    executor_calls: int = 0

    def watch_executor(self, loop: asyncio.AbstractEventLoop) -> None:
        handed = loop.run_in_executor

        def counted(executor: Any, function: Callable[..., Any], *args: Any) -> Any:
            self.executor_calls += 1
            return handed(executor, function, *args)

        loop.run_in_executor = counted  # type: ignore[method-assign]

    async def sample(self) -> None:
        while True:
            self.most = max(self.most, threading.active_count())
            await asyncio.sleep(0.1)


async def run(arguments: argparse.Namespace) -> None:
    if not arguments.postgres:
        url = arguments.database_url or f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/fanout.db"
        await fan_out(arguments, url)
        return
    from tests.conftest import POSTGRES_URL, drop_postgres_database, fresh_postgres_database

    if not POSTGRES_URL:
        raise SystemExit("--postgres: set KLYNGEBOT_TEST_POSTGRES_URL (scripts/postgres.sh)")
    url = await fresh_postgres_database()
    try:
        await fan_out(arguments, url)
    finally:
        await drop_postgres_database(url)


async def fan_out(arguments: argparse.Namespace, url: str) -> None:
    engine = create_engine(url)
    await migrate(engine)
    sessions = session_factory(engine)
    clock = running_from(morning_of_today())
    service = KnowledgeService(sessions, clock)
    chats = [f"a:fanout-{n:05d}" for n in range(arguments.reminders)]
    tenants = [f"tenant-{n + 1}" for n in range(arguments.tenants)]
    faults = random_faults(
        arguments.throttle, arguments.unavailable, latency=arguments.latency, seed=arguments.seed
    )
    async with running_flaky_connector(faults, keep_bodies=False) as connector:
        started = time.monotonic()
        planned = await seed(service, sessions, chats, connector.url, tenants=tenants)
        print(
            f"seeded {len(chats)} conversations in {len(tenants)} tenants, planned "
            f"{planned} reminders in {time.monotonic() - started:.1f} s ({engine.dialect.name})"
        )
        settings = Settings(anonymous_service_urls=(connector.url,))
        session = connector_session()
        limits = RecordingLimits(arguments.tenant_rate)
        notifier = Notifier(
            service,
            create_adapter(settings, session),
            bot_app_id="",
            owner="benchmark",
            limits=limits,
            clock=clock,
            allowed=lambda service_url: service_url_allowed(service_url, settings),
            interval=arguments.interval,
            writers=1 if engine.dialect.name == "sqlite" else 16,
        )
        threads = Threads()
        threads.watch_executor(asyncio.get_running_loop())
        sampling = asyncio.create_task(threads.sample())
        started = time.monotonic()
        running = asyncio.create_task(notifier.run())
        while not await settled(sessions, clock):  # noqa: ASYNC110 - the database is polled
            await asyncio.sleep(0.5)
        wall = time.monotonic() - started
        await notifier.stop()
        await running
        sampling.cancel()
        await session.close()
    lines = [line for line in await service.outbox(STATES) if is_due_reminder(line.due_at)]
    await engine.dispose()
    tenant = dict(zip(chats, (tenant_of(n, tenants) for n in range(len(chats))), strict=True))
    per_tenant = connector.arrivals_by(tenant.__getitem__)
    states = Counter(line.state for line in lines)
    report(arguments, connector, per_tenant, limits.by_tenant, states, wall, threads)


def report(
    arguments: argparse.Namespace,
    connector: FlakyConnector,
    tenants: dict[str, list[float]],
    released: dict[str, list[float]],
    states: Counter[str],
    wall: float,
    threads: Threads,
) -> None:
    answers = Counter(status for statuses in connector.answers.values() for status in statuses)
    accepted = sum(connector.accepted.values())
    per_conversation = max(max_in_window(times, 1.0) for times in connector.arrivals.values())
    per_tenant = {tenant: max_in_window(times, 1.0) for tenant, times in sorted(tenants.items())}
    budget = arguments.tenants * arguments.tenant_rate
    print(
        f"reminders {arguments.reminders}, {arguments.tenants} tenants at "
        f"{arguments.tenant_rate:g}/s (budget {budget:g}/s), latency {arguments.latency:g} s, "
        f"429 {arguments.throttle:.0%}, 503 {arguments.unavailable:.0%}"
    )
    print(f"wall time                 {wall:8.1f} s")
    print(f"accepted sends/s          {accepted / wall:8.1f}")
    print(f"requests                  {connector.requests():8d}  answers {dict(answers)}")
    print(f"most in flight at fake    {connector.most_in_flight:8d}")
    print(f"max per conversation/1 s  {per_conversation:8d}  (limit 7)")
    print(
        f"max per tenant/1 s        {max(per_tenant.values()):8d}  (limit "
        f"{arguments.tenant_rate:g}; " + ", ".join(f"{n}" for n in per_tenant.values()) + ")"
    )
    let_go = [max_in_window(times, 1.0) for _, times in sorted(released.items())]
    print(f"  when let go             {max(let_go):8d}  (" + ", ".join(map(str, let_go)) + ")")
    print(f"max instance/1 s          {max_in_window(connector.all_arrivals(), 1.0):8d}")
    print(f"retries before Retry-After{connector.early_retries():8d}")
    print(f"duplicates (accepted > 1) {sum(n > 1 for n in connector.accepted.values()):8d}")
    print("outbox                    " + ", ".join(f"{n} {s}" for s, n in sorted(states.items())))
    print(f"threads (most alive)      {threads.most:8d}  executor calls {threads.executor_calls}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reminders", type=int, default=10_000)
    parser.add_argument("--tenants", type=int, default=TENANTS_DEFAULT)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--postgres", action="store_true", help="a fresh PostgreSQL database")
    parser.add_argument("--tenant-rate", type=float, default=25.0)
    parser.add_argument("--latency", type=float, default=0.2, help="connector answer delay (s)")
    parser.add_argument("--throttle", type=float, default=0.05, help="share answered 429")
    parser.add_argument("--unavailable", type=float, default=0.02, help="share answered 503")
    parser.add_argument("--interval", type=float, default=15.0, help="NOTIFY_INTERVAL_SECONDS")
    parser.add_argument("--seed", type=int, default=5)
    logging.basicConfig(level=logging.ERROR)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
