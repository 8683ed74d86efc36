"""Two bot processes (`python app.py`) on one PostgreSQL database, sharing nothing else:
a conversation may reach either of them at any step, and one may die mid-traffic.

Replies go to one connector fake over HTTP (a loopback service URL, allowed because the
bots run anonymously); which process answered is read from its own log, where every turn
leaves one line. That reminders go out once with two processes is
tests/bot/test_notify_instances.py.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, session_factory
from knowledge.service import KnowledgeService
from tests.questions.replies import reply_text
from tests.support.activities import message
from tests.support.connector import Connector
from tests.support.process import BotProcess, started
from tests.support.waiting import eventually

pytestmark = pytest.mark.postgres
DEMO = Path(__file__).resolve().parents[2] / "knowledge" / "demo" / "kb.json"
RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"
TURN = re.compile(r"turn type=message intent=(\S+) .*conversation=")
# Each step of the status-update dialog, and a word its reply must contain.
QUESTIONS = ("status på rygestop", "hvem er med i KTH", "næste møde i Midtklyngen")
DIALOG = (
    ("opdater status på rygestop", "rygestop"),
    ("i gang", "note"),
    ("spring over", "rygestop"),
    ("ja", "status opdateret"),
)


def environment(url: str, name: str, service_url: str = "") -> dict[str, str]:
    return {
        "DATABASE_URL": url,
        "BOT_TODAY": "2024-03-01",
        "INSTANCE_ID": name,
        "ANONYMOUS_SERVICE_URLS": service_url,
    }


@dataclass
class Pair:
    a: BotProcess
    b: BotProcess
    http: aiohttp.ClientSession
    connector: Connector

    async def send(self, bot: BotProcess, text: str, conversation: str) -> tuple[int, list[str]]:
        """POST one message to `bot`; its status and the replies the connector got for it."""
        activity = message(text, self.connector.url, conversation=conversation)
        async with self.http.post(f"{bot.address}/api/messages", json=activity) as response:
            status = response.status
        return status, replies_to(self.connector, conversation)


def replies_to(connector: Connector, conversation: str) -> list[str]:
    """Every reply the connector has for one conversation, taking them out of it."""
    mine = [body for body in connector.messages() if _conversation(body) == conversation]
    connector.sent[:] = [body for body in connector.sent if body not in mine]
    return [reply_text(body) for body in mine]


def _conversation(body: dict[str, Any]) -> str:
    return str((body.get("conversation") or {}).get("id", ""))


def turns(bot: BotProcess, intent: str = "") -> int:
    """How many message turns the process logged (with this intent, if one is given)."""
    found = [TURN.search(line) for line in bot.output]
    return sum(1 for turn in found if turn and intent in ("", turn[1]))


async def logged(pair: Pair, count: int, intent: str = "") -> None:
    """Until the two logs show `count` turns: a line may still be in the pipe."""
    await eventually(lambda: turns(pair.a, intent) + turns(pair.b, intent) >= count, seconds=10)


async def entries(url: str) -> int:
    engine = create_engine(url)
    try:
        service = KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1)))
        return len(await service.history(RYGESTOP))
    finally:
        await engine.dispose()


@pytest.fixture
async def pair(postgres_url: str, connector: Connector) -> AsyncIterator[Pair]:
    bots: list[BotProcess] = []
    try:
        # bot-a loads the demo
        bots.append(await started(environment(postgres_url, "bot-a", connector.url)))
        bots.append(await started(environment(postgres_url, "bot-b", connector.url)))
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as http:
            yield Pair(bots[0], bots[1], http, connector)
    finally:
        for bot in bots:
            await asyncio.to_thread(bot.stop)


async def test_a_dialog_started_on_one_instance_is_finished_on_the_other(
    pair: Pair, postgres_url: str
) -> None:
    before = await entries(postgres_url)
    answered = [
        await pair.send(bot, text, "a:scale-dialog")
        for bot, (text, _) in zip((pair.a, pair.b, pair.a, pair.b), DIALOG, strict=True)
    ]

    assert [201] * 4 == [status for status, _ in answered]
    assert [1] * 4 == [len(replies) for _, replies in answered]
    for (_, word), (_, replies) in zip(DIALOG, answered, strict=True):
        assert word in replies[0].lower(), replies
    await logged(pair, 4, "update")
    assert (2, 2) == (turns(pair.a, "update"), turns(pair.b, "update"))
    assert before + 1 == await entries(postgres_url)


async def test_one_conversations_questions_are_answered_by_both_instances(pair: Pair) -> None:
    questions = ("status på rygestop", "hvem er med i KTH", "status på stomi", "hjælp") * 2
    bots = (pair.a, pair.b) * 4

    answered = [
        await pair.send(bot, question, "a:scale-questions")
        for bot, question in zip(bots, questions, strict=True)
    ]

    assert [(201, 1)] * 8 == [(status, len(replies)) for status, replies in answered]
    assert answered[0][1] == answered[4][1], "A and B give the same answer to one question"
    assert "rygestop" in answered[0][1][0].lower()
    await logged(pair, 8)
    assert (4, 4) == (turns(pair.a), turns(pair.b))


async def test_questions_at_the_same_moment_in_one_conversation_are_all_answered(
    pair: Pair,
) -> None:
    async def ask(bot: BotProcess, question: str) -> int:
        activity = message(question, pair.connector.url, conversation="a:scale-race")
        async with pair.http.post(f"{bot.address}/api/messages", json=activity) as response:
            return response.status

    questions = ("status på rygestop", "hvem er med i KTH") * 10
    bots = (pair.a, pair.b) * 10
    statuses = await asyncio.gather(*map(ask, bots, questions))

    replies = replies_to(pair.connector, "a:scale-race")
    assert [201] * 20 == statuses
    assert 20 == len(replies)
    assert [] == [reply for reply in replies if "beklager" in reply.lower()]


async def test_two_instances_starting_together_on_an_empty_database_load_the_demo_once(
    postgres_url: str,
) -> None:
    demo = json.loads(DEMO.read_text(encoding="utf-8"))
    bots: list[BotProcess] = []
    try:
        bots = list(
            await asyncio.gather(
                *(started(environment(postgres_url, name)) for name in ("bot-a", "bot-b"))
            )
        )
        engine = create_engine(postgres_url)
        try:
            service = KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1)))
            exported = await service.export()
        finally:
            await engine.dispose()
    finally:
        for bot in bots:
            await asyncio.to_thread(bot.stop)

    assert 1 == sum("loaded the demo" in "".join(bot.output) for bot in bots)
    for part in ("agreements", "initiatives", "meetings"):
        assert len(demo[part]) == len(exported[part])


@dataclass(frozen=True)
class Sent:
    bot: str
    after_kill: bool  # sent after the killed process was gone
    status: int  # 0: no HTTP answer (the process died or was gone)
    replies: tuple[str, ...]


@dataclass
class Traffic:
    """Conversations asking questions one after another, each turn to the other instance."""

    pair: Pair
    killed: asyncio.Event = field(default_factory=asyncio.Event)
    sent: list[Sent] = field(default_factory=list)
    _progress: asyncio.Event = field(default_factory=asyncio.Event)

    async def conversation(self, number: int, until: asyncio.Event) -> None:
        conversation = f"a:scale-traffic-{number}"
        for turn in itertools.count():
            if until.is_set():
                return
            bot, name = ((self.pair.a, "a"), (self.pair.b, "b"))[(number + turn) % 2]
            after_kill = self.killed.is_set()
            try:
                status, replies = await self.pair.send(bot, QUESTIONS[turn % 3], conversation)
            except aiohttp.ClientError:
                status, replies = 0, []
                conversation += "-on"  # a late reply from the dead process stays in the old one
            self.sent.append(Sent(name, after_kill, status, tuple(replies)))
            self._progress.set()

    def count(self, bot: str, *, after_kill: bool) -> int:
        return sum(1 for sent in self.sent if (sent.bot, sent.after_kill) == (bot, after_kill))

    async def until(self, bot: str, *, after_kill: bool, sent: int) -> None:
        async with asyncio.timeout(60):
            while self.count(bot, after_kill=after_kill) < sent:
                self._progress.clear()
                await self._progress.wait()


async def test_kill_9_of_one_instance_mid_traffic_leaves_the_other_serving_everything(
    pair: Pair, postgres_url: str
) -> None:
    before = await entries(postgres_url)
    started_on_a = [await pair.send(pair.a, text, "a:scale-kill") for text, _ in DIALOG[:2]]
    traffic = Traffic(pair)
    done = asyncio.Event()
    workers = [asyncio.create_task(traffic.conversation(n, done)) for n in range(8)]

    await traffic.until("a", after_kill=False, sent=20)
    await asyncio.to_thread(pair.a.kill_hard)
    traffic.killed.set()
    await traffic.until("b", after_kill=True, sent=40)
    finished_on_b = [await pair.send(pair.b, text, "a:scale-kill") for text, _ in DIALOG[2:]]
    done.set()
    await asyncio.gather(*workers)

    on_b = [sent for sent in traffic.sent if sent.bot == "b"]
    assert [(201, 1)] * len(on_b) == [(sent.status, len(sent.replies)) for sent in on_b]
    assert [] == [sent for sent in on_b if "beklager" in sent.replies[0].lower()]
    on_a = [sent for sent in traffic.sent if sent.bot == "a"]
    assert set() == {(s.status, len(s.replies)) for s in on_a if s.after_kill} - {(0, 0)}
    assert set() == {(s.status, len(s.replies)) for s in on_a} - {(0, 0), (201, 1)}
    assert [(201, 1)] * 4 == [
        (status, len(replies)) for status, replies in started_on_a + finished_on_b
    ]
    assert "status opdateret" in finished_on_b[-1][1][0].lower()
    assert before + 1 == await entries(postgres_url)
