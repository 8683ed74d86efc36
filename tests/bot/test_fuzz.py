"""2,000 malformed requests (seeded, tests/support/fuzz.py) posted over real HTTP to two
running bots, one anonymous and one with an app id: no 5xx, and every class answered as
README's "The bot" says. benchmarks/fuzz.py runs 10,000 and prints the table."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from botframework.connector.auth import MicrosoftAppCredentials

from tests.support.activities import TENANT
from tests.support.bot import running_bot
from tests.support.connector import Connector
from tests.support.fuzz import CLASSES, Fuzzer, expected_by_class, fuzzed_settings, run
from tests.support.tokens import KeyServer, key_server

SEED = 15
CASES = 2_000


@pytest.fixture
def keys() -> Iterator[KeyServer]:
    with key_server() as server:
        yield server


@pytest.fixture
def outbound_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """The secured bot's replies carry a token made here (no Entra ID offline)."""
    token = jwt.encode({"exp": int(time.time()) + 3600}, "k" * 64, algorithm="HS256")
    monkeypatch.setattr(
        MicrosoftAppCredentials, "get_access_token", lambda _self, *_args, **_kw: token
    )


@pytest.mark.usefixtures("outbound_token")
async def test_fuzzed_requests_get_no_5xx_and_each_class_its_documented_answer(
    tmp_path: Path, connector: Connector, keys: KeyServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    cases = list(Fuzzer(SEED, connector.url, TENANT, token=keys.token).cases(CASES))
    async with (
        running_bot(fuzzed_settings(tmp_path, connector, None)) as anonymous,
        running_bot(fuzzed_settings(tmp_path, connector, keys)) as secured,
    ):
        async with asyncio.timeout(600):
            tally = await run(
                cases,
                str(anonymous.make_url("/api/messages")),
                str(secured.make_url("/api/messages")),
            )

    table = tally.table(expected_by_class(cases))
    failed_turns = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert 0 == tally.server_errors, table
    assert [] == [(case.kind, status) for case, status in tally.unexpected], table
    assert len(CLASSES) == len(tally.statuses), table  # every class was tried
    assert [] == failed_turns, table
