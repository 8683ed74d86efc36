"""A stopped database: the user hears it once, Teams is told to redeliver (503), and the
same question is answered when the database is back. Uses a PostgreSQL server of its
own, really stopped and started, not a simulated failure."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.settings import Settings
from tests.support.activities import message
from tests.support.bot import TODAY, post, running_bot
from tests.support.connector import Connector

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "postgres.sh"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, folder: Path) -> None:
        self.env = {
            **os.environ,
            "KLYNGEBOT_PG_DIR": str(folder),
            "KLYNGEBOT_PG_PORT": str(_free_port()),
        }

    def run(self, command: str) -> str:
        done = subprocess.run(
            ["bash", str(SCRIPT), command],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


@pytest.fixture
def own_postgres() -> Iterator[Server]:
    if not (shutil.which("pg_ctl") or list(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))):
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but PostgreSQL is not installed (scripts/postgres.sh installs it)")
        pytest.skip("PostgreSQL is not installed here: run scripts/postgres.sh start once")
    # The server runs as the postgres user, who cannot enter pytest's private tmp_path.
    server = Server(Path(tempfile.gettempdir()) / f"klyngebot-pg-{uuid.uuid4().hex[:8]}")
    yield server
    server.run("stop")


async def test_a_stopped_database_gets_one_apology_a_503_and_later_an_answer(
    own_postgres: Server, connector: Connector
) -> None:
    url = own_postgres.run("start")
    settings = Settings(database_url=url, today=TODAY, anonymous_service_urls=(connector.url,))
    async with running_bot(settings) as bot:
        question = message("status på rygestop", connector.url)
        assert 201 == (await post(bot, message("hjælp", connector.url))).status
        connector.clear()

        own_postgres.run("halt")
        first = await post(bot, question)
        redelivered = await post(bot, question)
        apologies = list(connector.messages())
        connector.clear()
        own_postgres.run("start")
        answered = await post(bot, question)

    assert (503, 503, 201) == (first.status, redelivered.status, answered.status)
    assert 1 == len(apologies), "the apology is said once, not on every redelivery"
    assert "videnbasen" in apologies[0]["text"]
    assert 1 == len(connector.messages())


async def test_readyz_answers_503_while_the_database_is_stopped(own_postgres: Server) -> None:
    url = own_postgres.run("start")
    async with running_bot(Settings(database_url=url, today=TODAY, notify=False)) as bot:
        before = (await bot.get("/readyz")).status
        own_postgres.run("halt")
        stopped = await bot.get("/readyz")
        alive = (await bot.get("/healthz")).status
        body = await stopped.json()
        own_postgres.run("start")
        after = (await bot.get("/readyz")).status

    assert (200, 503, 200, 200) == (before, stopped.status, alive, after)
    assert {"status": "database unreachable"} == body
