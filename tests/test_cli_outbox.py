"""`python app.py outbox`: what the notifier still owes, and what went wrong, as a table."""

from __future__ import annotations

import asyncio
from pathlib import Path

from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.notify.contract import SendResult
from knowledge.service import KnowledgeService
from tests.support.outbox import morning_of_today, running_from, seed
from tests.test_cli import run

CHATS = ["a:anna", "a:bo", "a:carl"]


async def fill(db: Path) -> None:
    """Six reminders (three due, three in March): one fails, one is uncertain."""
    engine = create_engine(f"sqlite+aiosqlite:///{db}")
    await migrate(engine)
    sessions = session_factory(engine)
    service = KnowledgeService(sessions, running_from(morning_of_today()))
    await seed(service, sessions, CHATS, "https://smba.trafficmanager.net/emea/")
    first, second = (await service.claim_due("cli-test", 2))[:2]
    for due, result in (
        (first, SendResult("failed", error="400 BadArgument")),
        (second, SendResult("uncertain", error="TimeoutError")),
    ):
        assert await service.mark_sending(due.id, "cli-test")
        await service.finish_send(due.id, "cli-test", result)
    await service.release_leases("cli-test")
    await engine.dispose()


def test_outbox_lists_pending_failed_and_uncertain_notifications(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    asyncio.run(fill(db))

    result = run("outbox", db=db)

    assert 0 == result.returncode, result.stderr
    lines = result.stdout.splitlines()
    assert ["id", "state", "kind", "tries", "due"] == lines[0].split()[:5]
    assert "4 pending, 1 failed, 1 uncertain" == lines[-1]
    failed = next(line for line in lines if " failed " in line)
    assert ["failed", "reminder", "1", "2024-02-29", "08:00"] == failed.split()[1:6]
    assert failed.endswith("a:anna  400 BadArgument")
    assert 1 == sum(" uncertain " in line for line in lines)
    assert 4 == sum(" pending " in line for line in lines)


def test_outbox_shows_the_states_asked_for(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    asyncio.run(fill(db))

    uncertain = run("outbox", "--state", "uncertain", db=db)
    sent = run("outbox", "--state", "sent", db=db)

    assert "1 uncertain" == uncertain.stdout.splitlines()[-1]
    assert "outbox: nothing sent\n" == sent.stdout


def test_an_empty_outbox_says_so(tmp_path: Path) -> None:
    result = run("outbox", db=tmp_path / "kb.db")

    assert (0, "outbox: nothing pending, failed or uncertain\n") == (
        result.returncode,
        result.stdout,
    )
