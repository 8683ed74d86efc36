"""Fan-out of meeting reminders through the notifier to a misbehaving connector.

    .venv/bin/python benchmarks/notify_fanout.py [--reminders 10000] [--database-url URL]
        [--tenant-rate 25] [--latency 0.2] [--throttle 0.05] [--unavailable 0.02]

N conversations in one tenant each subscribe to a cluster whose meeting is two days
away, so planning puts N due reminders in the outbox. One notifier (the bot's, with the
pooled aiohttp connector) sends them to a connector fake on loopback that answers
`--throttle` of all requests with 429 and Retry-After 1-2 s and `--unavailable` with
503, each after `--latency` seconds. Figures: wall time until nothing due is left,
accepted sends per second, the largest number of requests the fake saw in any one-second
window per conversation and for the tenant, retries that came before their Retry-After,
duplicates, and the outbox states.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project and its test support

from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker  # noqa: E402

from bot.adapter import create_adapter  # noqa: E402
from bot.connector import connector_session  # noqa: E402
from bot.gate import service_url_allowed  # noqa: E402
from bot.limits import RateLimits  # noqa: E402
from bot.proactive import Notifier  # noqa: E402
from bot.settings import Settings  # noqa: E402
from knowledge.clock import Clock  # noqa: E402
from knowledge.db import create_engine, migrate, session_factory  # noqa: E402
from knowledge.models import Notification  # noqa: E402
from knowledge.service import KnowledgeService  # noqa: E402
from tests.support.flaky_connector import (  # noqa: E402
    FlakyConnector,
    random_faults,
    running_flaky_connector,
)
from tests.support.outbox import is_due_reminder, morning_of_today, running_from, seed  # noqa: E402
from tests.support.rates import max_in_window  # noqa: E402

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


async def run(arguments: argparse.Namespace) -> None:
    url = arguments.database_url or f"sqlite+aiosqlite:///{tempfile.mkdtemp()}/fanout.db"
    engine = create_engine(url)
    await migrate(engine)
    sessions = session_factory(engine)
    clock = running_from(morning_of_today())
    service = KnowledgeService(sessions, clock)
    chats = [f"a:fanout-{n:05d}" for n in range(arguments.reminders)]
    faults = random_faults(
        arguments.throttle, arguments.unavailable, latency=arguments.latency, seed=arguments.seed
    )
    async with running_flaky_connector(faults) as connector:
        started = time.monotonic()
        planned = await seed(service, sessions, chats, connector.url)
        print(
            f"seeded {len(chats)} conversations, planned {planned} reminders in "
            f"{time.monotonic() - started:.1f} s ({engine.dialect.name})"
        )
        settings = Settings()
        session = connector_session()
        notifier = Notifier(
            service,
            create_adapter(settings, session),
            bot_app_id="",
            owner="benchmark",
            limits=RateLimits(arguments.tenant_rate),
            clock=clock,
            allowed=lambda service_url: service_url_allowed(service_url, settings),
            interval=arguments.interval,
            writers=1 if engine.dialect.name == "sqlite" else 16,
        )
        started = time.monotonic()
        running = asyncio.create_task(notifier.run())
        while not await settled(sessions, clock):  # noqa: ASYNC110 - the database is polled
            await asyncio.sleep(2.0)
        wall = time.monotonic() - started
        await notifier.stop()
        await running
        await session.close()
    lines = [line for line in await service.outbox(STATES) if is_due_reminder(line.due_at)]
    await engine.dispose()
    report(arguments, connector, Counter(line.state for line in lines), wall)


def report(
    arguments: argparse.Namespace, connector: FlakyConnector, states: Counter[str], wall: float
) -> None:
    answers = Counter(status for statuses in connector.answers.values() for status in statuses)
    accepted = sum(connector.accepted.values())
    per_conversation = max(max_in_window(times, 1.0) for times in connector.arrivals.values())
    print(
        f"reminders {arguments.reminders}, tenant rate {arguments.tenant_rate:g}/s, "
        f"latency {arguments.latency:g} s, 429 {arguments.throttle:.0%}, "
        f"503 {arguments.unavailable:.0%}"
    )
    print(f"wall time                 {wall:8.1f} s")
    print(f"accepted sends/s          {accepted / wall:8.1f}")
    print(f"requests                  {connector.requests():8d}  answers {dict(answers)}")
    print(f"max per conversation/1 s  {per_conversation:8d}")
    print(f"max per tenant/1 s        {max_in_window(connector.all_arrivals(), 1.0):8d}")
    print(f"max per tenant/30 s       {max_in_window(connector.all_arrivals(), 30.0):8d}")
    print(f"retries before Retry-After{connector.early_retries():8d}")
    print(f"duplicates (accepted > 1) {sum(n > 1 for n in connector.accepted.values()):8d}")
    print("outbox                    " + ", ".join(f"{n} {s}" for s, n in sorted(states.items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reminders", type=int, default=10_000)
    parser.add_argument("--database-url", default="")
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
