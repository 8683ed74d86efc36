"""A load run: Klyngebot as real processes under 16 and 64 concurrent conversations.

    .venv/bin/python benchmarks/load.py [--duration 300] [--quick] [--concurrency 16 64]
        [--setups sqlite postgres] [--warmup 30] [--postgres-url URL] [--json FILE]

Setups: `sqlite` is one bot on a fresh SQLite file; `postgres` is two bots on one fresh
PostgreSQL database (created on the server of `--postgres-url`, by default
KLYNGEBOT_TEST_POSTGRES_URL or scripts/postgres.sh's, and dropped afterwards), and every
request goes to the two in turn, so each conversation's turns, dialogs included, move
between the instances. Each bot is `python app.py` with PORT=0, anonymous (no app id, so
everyone may update statuses), the demo knowledge base (DEMO=true), BOT_TODAY=2024-03-01,
LOG_LEVEL=WARNING and NOTIFY=true (the notifier runs, as in production; nothing falls due).
Every run starts fresh processes on a fresh database.

A connector fake runs in its own process: it answers the bot's replies at once and keeps
each one, with its arrival time, under the id of the activity it replies to. The load
generator (this process) runs N conversations at once; each loops: post an activity to
/api/messages, then fetch the reply to that activity from the fake (a long poll). Latency
is from just before the POST to the reply's arrival at the fake (both read the
system-wide CLOCK_MONOTONIC). An error is a non-2xx answer or no reply within 15 s.
Replies that apologise for a failed turn are counted apart ("apologies").

The mix, per activity: about 70 % knowledge questions taken from the acceptance set
(tests/questions: status, next meeting, who, budget, lists, and ambiguous names that ask
"Mente du ...?"; Danish and English, with the matching locale); about 20 % status-update
dialog turns ("opdater status [på X]", the item, the new status, "spring over", then "ja"
one time in five and "annuller" otherwise, so the database stays small); about 10 % card
submits: a "Mente du ...?" or "vis flere" button from an earlier reply in the same chat.
The warm-up runs the same load and is not counted. Printed: one row per run, the mix,
the machine and the versions. "bot CPU" is the bots' user+system CPU time over the
measured period as a share of one core (200 % is both cores of a 2-core machine); "load"
is the machine's 1-minute load average when the period ended, since anything else running
on the machine skews the figures.

Last measured 2026-11-23 (commit 5f8d0e4), full run: 30 s warm-up + 300 s per row.

  setup           conc.  time  activities  act./s  p50 ms  p99 ms  max ms  errors  apol.  CPU  load
  1 x SQLite         16  300s       16992    56.6     115     390    1707       0      0  81%   5.3
  1 x SQLite         64  300s       20107    67.0     601    1451    2739       0      0  83%   5.3
  2 x PostgreSQL     16  300s       12429    41.4     220     775    1129       0      0  55%   5.4
  2 x PostgreSQL     64  300s       27010    90.0     354    1997    4704       0      0 101%   3.5
  mix: card 13%, dialog 18%, question 69%
  machine: 2 cores (AMD EPYC), shared: other sessions' test suites ran at the same time
  versions: Python 3.11.7, SQLite 3.40.1, botbuilder-core 4.17.1, aiohttp 3.14.5,
            SQLAlchemy 2.1.9, asyncpg 0.32.0, aiosqlite 0.22.1, PostgreSQL 15.18

No errors, no apologies, no ERROR lines in any bot's log. The bots, the fake, the load
generator and PostgreSQL shared 2 cores with other work (load average 3.5-5.4), so the
figures are low and noisy: a 30-second 2 x PostgreSQL run at 16 right after, at load
3.2, made 75 activities/s with p50 118 ms. CPU is the bots' CPU. A bot spends 11-14 ms
of CPU per activity in one event loop, so one instance cannot pass about 80/s on a core
like these; beyond that, more conversations only queue (64 conversations: p50 0.35-0.6
s), and two instances only help when there are cores for them (here there were not). On
PostgreSQL an activity took about 8 transactions (1.4 commits, 6.5 read-only
rollbacks) and 1.2 row updates, most of them the conversation reference refreshed on
every turn.

After issue 7 (commit 620647b: one read per turn, the reference written only when it
changed, no msrest per activity), a shorter run: 10 s warm-up + 60 s per row, no other
session's work on the machine (load average 1.7-3.4: the bots, PostgreSQL, the fake and
the generator on 2 cores):

  setup           conc.  time  activities  act./s  p50 ms  p99 ms  max ms  errors  apol.  CPU  load
  1 x SQLite         16   60s       15181   253.0       4      65    1559       0      0  94%   1.7
  1 x SQLite         64   60s       12568   209.5       5     408     948       0      0  92%   2.6
  2 x PostgreSQL     16   60s       15232   253.9      39     147     261       0      0 135%   3.2
  2 x PostgreSQL     64   60s       12984   216.4     187     665    1005       0      0 130%   3.4
  mix: card 13%, dialog 19%, question 69%

Four to six times the throughput before. Dialog turns and card submits still write (state,
status entries): with 13 % card submits, 30 status updates a second each move the
knowledge base's generation, so the question index is rebuilt many times a second; that
and SQLite's one writer are the likely causes of the slow tail here (not measured apart).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import multiprocessing
import os
import platform
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections import Counter, deque
from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project and its test support

import aiohttp  # noqa: E402
import asyncpg  # noqa: E402
from aiohttp import web  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from benchmarks.offline_auth import SECURE, fake_auth  # noqa: E402
from tests.questions.expectations import Budget, Clarify, ListOf, NextMeeting, Status, Who  # noqa: E402
from tests.questions.question_set import QUESTIONS  # noqa: E402
from tests.support.activities import message  # noqa: E402
from tests.support.connector import MEMBER  # noqa: E402

REPLY_TIMEOUT = 15.0
DEFAULT_POSTGRES = "postgresql+asyncpg://klyngebot:klyngebot@127.0.0.1:54329/klyngebot"
APOLOGIES = ("Beklager, noget gik galt", "Sorry, something went wrong")
SAVED = ("Status opdateret", "Status updated")
NOT_SAVED = ("ikke gemt noget", "Nothing was saved")
ASKED = (Status, NextMeeting, Who, Budget, ListOf, Clarify)
DIALOG_ITEMS = (
    "rygestop", "stomiaftalen", "KTH", "FACT", "medicinposen", "TUCV", "SKARB",
    "Psykiatriens Hus", "korrespondancebreve", "kræftrehabilitering", "Tele KOL",
    "palliative indsatser",
)  # fmt: skip
NEW_STATUS = ("i gang", "sat på pause", "planlagt", "implementeret", "afsluttet")
# Chosen per step; a dialog is 4-6 activities, so activities come out near 70/20/10.
STEPS = {"question": 0.70, "dialog": 0.043, "card": 0.14}


# --- The connector fake (its own process) -------------------------------------------


class Replies:
    """Replies by the id of the activity they answer, with their arrival time; a long
    poll hands each out once. Ones nobody fetched are forgotten after a minute."""

    def __init__(self) -> None:
        self.arrived: dict[str, tuple[float, dict[str, Any]]] = {}
        self.waiting: dict[str, asyncio.Future[None]] = {}
        self.order: deque[tuple[float, str]] = deque()

    def add(self, reply_to: str, body: dict[str, Any]) -> None:
        now = time.monotonic()
        if body.get("type") != "message" or reply_to in self.arrived:
            return
        self.arrived[reply_to] = (now, body)
        self.order.append((now, reply_to))
        if (waiter := self.waiting.get(reply_to)) is not None and not waiter.done():
            waiter.set_result(None)
        while self.order and self.order[0][0] < now - 60:
            self.arrived.pop(self.order.popleft()[1], None)

    async def take(self, activity_id: str, wait: float) -> tuple[float, dict[str, Any]] | None:
        if activity_id not in self.arrived:
            waiter = self.waiting[activity_id] = asyncio.get_running_loop().create_future()
            try:
                await asyncio.wait_for(waiter, wait)
            except TimeoutError:
                return None
            finally:
                self.waiting.pop(activity_id, None)
        return self.arrived.pop(activity_id, None)


def _fake_app(jwks: dict[str, Any] | None = None) -> web.Application:
    """The connector; with `jwks`, also the key server and token endpoint of
    benchmarks/offline_auth.py, and its connector routes again under /secure/."""
    replies = Replies()

    async def receive(request: web.Request) -> web.Response:
        body = await request.json()
        reply_to = body.get("replyToId") or request.match_info.get("activity", "")
        replies.add(str(reply_to), body)
        return web.json_response({"id": f"reply-{uuid.uuid4().hex[:12]}"})

    async def take(request: web.Request) -> web.Response:
        found = await replies.take(request.match_info["activity"], float(request.query["wait"]))
        if found is None:
            return web.json_response({"error": "no reply"}, status=404)
        return web.json_response({"at": found[0], "activity": found[1]})

    async def member(_request: web.Request) -> web.Response:
        return web.json_response(MEMBER)

    async def members(_request: web.Request) -> web.Response:
        return web.json_response([MEMBER])

    async def ok(_request: web.Request) -> web.Response:
        return web.Response(status=200)

    routes, middlewares = [], []
    if jwks is not None:
        auth_routes, bearer_required = fake_auth(jwks)
        routes, middlewares = auth_routes, [bearer_required]
    app = web.Application(middlewares=middlewares)
    app.router.add_routes(routes)
    for prefix in ("", SECURE) if jwks is not None else ("",):
        base = prefix + "/v3/conversations/{conversation}"
        app.router.add_post(base + "/activities", receive)
        app.router.add_post(base + "/activities/{activity}", receive)
        app.router.add_put(base + "/activities/{activity}", ok)
        app.router.add_delete(base + "/activities/{activity}", ok)
        app.router.add_get(base + "/members", members)
        app.router.add_get(base + "/members/{member}", member)
    app.router.add_get("/replies/{activity}", take)
    return app


def _serve_fake(port: int, jwks: dict[str, Any] | None = None) -> None:
    web.run_app(_fake_app(jwks), host="127.0.0.1", port=port, print=None, backlog=1024)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int) -> None:
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the connector fake did not start")


@contextmanager
def running_fake(jwks: dict[str, Any] | None = None) -> Iterator[str]:
    port = _free_port()
    fake = multiprocessing.get_context("spawn").Process(target=_serve_fake, args=(port, jwks))
    fake.start()
    try:
        _wait_for(port)
        yield f"http://127.0.0.1:{port}/"
    finally:
        fake.terminate()
        fake.join()


# --- The bots (their own processes) -------------------------------------------------


@dataclass
class Server:
    """One bot process, its output drained (a full pipe would stall it) and kept.

    PORT=0 cannot be used: a bot says where it listens only at INFO, and the runs log at
    WARNING, so the port is picked free beforehand and /readyz is polled."""

    name: str
    command: list[str]
    env: dict[str, str]
    port: int
    process: subprocess.Popen[str] | None = None
    errors: int = 0
    last_lines: deque[str] = field(default_factory=lambda: deque(maxlen=20))
    log: list[str] | None = None  # a list: every line of output goes there too

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, seconds: float = 120) -> None:
        self.process = subprocess.Popen(
            self.command,
            cwd=ROOT,
            env={**os.environ, **self.env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._drain, args=(self.process,), daemon=True).start()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and self.process.poll() is None:
            if _ready(self.address):
                return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.name} did not start:\n" + "".join(self.last_lines))

    def _drain(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.last_lines.append(line)
            if self.log is not None:
                self.log.append(line)
            self.errors += " ERROR " in line or line.startswith("Traceback")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def cpu_seconds(self) -> float:
        if self.process is None:
            return float("nan")
        try:
            stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        except OSError:
            return float("nan")
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def bot_server(env: dict[str, str], name: str = "klyngebot") -> Server:
    """`python app.py` on a free port."""
    port = _free_port()
    return Server(name, [sys.executable, str(ROOT / "app.py")], {**env, "PORT": str(port)}, port)


def _ready(address: str) -> bool:
    try:
        with urllib.request.urlopen(f"{address}/readyz", timeout=1) as response:
            return int(response.status) == 200
    except OSError:
        return False


def _bot_env(database_url: str, service_url: str, instance: str) -> dict[str, str]:
    return {
        "DATABASE_URL": database_url,
        "BOT_TODAY": "2024-03-01",
        "DEMO": "true",
        "LOG_LEVEL": "WARNING",
        "NOTIFY": "true",
        "INSTANCE_ID": instance,
        "SERVICE_URL_ALLOWLIST": service_url,
        "MicrosoftAppId": "",
        "MicrosoftAppPassword": "",
    }


def _start_bots(database_url: str, service_url: str, count: int) -> list[Server]:
    bots: list[Server] = []
    try:
        for n in range(count):  # one after the other: the first loads the demo
            bots.append(bot_server(_bot_env(database_url, service_url, f"load-{n + 1}")))
            bots[-1].start()
    except BaseException:
        _stop(bots)
        raise
    return bots


def _plain_dsn(url: str, database: str) -> str:
    return make_url(url).set(drivername="postgresql", database=database).render_as_string(False)


@asynccontextmanager
async def fresh_postgres(url: str) -> AsyncIterator[tuple[str, str]]:
    """A new database on `url`'s server, dropped afterwards; (its URL, the server version)."""
    name = f"load_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(_plain_dsn(url, "postgres"))
    try:
        version = str(await admin.fetchval("SHOW server_version"))
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield make_url(url).set(database=name).render_as_string(hide_password=False), version
    finally:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.close()


# --- The conversations ---------------------------------------------------------------


@dataclass
class Turn:
    kind: str  # question, dialog or card
    started: float
    latency: float | None  # None: an error
    status: int
    apology: bool = False


@dataclass
class Load:
    """What every conversation of one run shares."""

    session: aiohttp.ClientSession
    bots: list[str]
    fake: str
    label: str
    measure_from: float
    stop_at: float
    turns: list[Turn] = field(default_factory=list)
    spread: Iterator[int] = field(default_factory=itertools.count)

    async def send(
        self, kind: str, activity: dict[str, Any], headers: dict[str, str] | None = None
    ) -> dict[str, Any] | None:
        """Post one activity (with `headers`: a bearer token) and wait for its reply; the
        reply, or None on an error."""
        bot = self.bots[next(self.spread) % len(self.bots)]
        reply_url = f"{self.fake}replies/{activity['id']}"
        started = time.monotonic()
        waiting = asyncio.create_task(self._reply(reply_url, started))
        try:
            post = self.session.post(f"{bot}/api/messages", json=activity, headers=headers)
            async with post as response:
                status = response.status
                await response.read()
        except (aiohttp.ClientError, TimeoutError):
            status = 0
        if not 200 <= status < 300:
            waiting.cancel()
        found = await waiting if 200 <= status < 300 else None
        if found is None:
            self._record(Turn(kind, started, None, status))
            return None
        at, reply = found
        text = str(reply.get("text") or "")
        self._record(Turn(kind, started, at - started, status, text.startswith(APOLOGIES)))
        return reply

    async def _reply(self, url: str, started: float) -> tuple[float, dict[str, Any]] | None:
        wait = max(0.0, started + REPLY_TIMEOUT - time.monotonic())
        try:
            async with self.session.get(url, params={"wait": f"{wait:.3f}"}) as response:
                if response.status != 200:
                    return None
                found = await response.json()
        except (aiohttp.ClientError, TimeoutError):
            return None
        return float(found["at"]), found["activity"]

    def _record(self, turn: Turn) -> None:
        if self.measure_from <= turn.started < self.stop_at:
            self.turns.append(turn)


QUESTION_POOL = [(q.text, q.lang) for q in QUESTIONS if not q.scope and isinstance(q.expect, ASKED)]
# Questions whose answers have buttons: "Mente du ...?" choices, or "vis flere" (the demo
# knowledge base is small, so only a few lists run past one card).
BUTTON_POOL = [(q.text, q.lang) for q in QUESTIONS if isinstance(q.expect, Clarify)] + [
    ("which initiatives are in progress", "en"),
    ("hvilke aftaler er der i Region Midtjylland", "da"),
    ("list initiatives in Region Midtjylland", "en"),
    ("hvilke initiativer er der i Midtklyngen", "da"),
    ("which agreements are implemented", "en"),
    ("hvilke møder er der i 2024", "da"),
]


def _buttons(reply: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The submit data of a reply's "Mente du ...?" and "vis flere" buttons."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            data = node.get("data")
            if node.get("type") == "Action.Submit" and isinstance(data, dict):
                found.extend([data] if data.get("action") in ("ask", "more") else [])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for attachment in (reply or {}).get("attachments") or []:
        walk(attachment.get("content"))
    return found


def _shown(reply: dict[str, Any] | None) -> str:
    return str((reply or {}).get("text") or "") + " " + str((reply or {}).get("summary") or "")


@dataclass
class Conversation:
    load: Load
    number: int
    rng: random.Random
    buttons: list[tuple[dict[str, Any], str]] = field(default_factory=list)
    locale: str = "da-DK"

    @property
    def id(self) -> str:
        return f"a:load-{self.load.label}-{self.number}"

    def activity(self, text: str, **extra: Any) -> dict[str, Any]:
        activity = message(text, self.load.fake, conversation=self.id, locale=self.locale, **extra)
        activity["id"] = f"load-{uuid.uuid4().hex}"
        activity["from"] = {
            "id": f"29:load-user-{self.number}",
            "name": f"Bruger {self.number}",
            "aadObjectId": f"aad-load-{self.number}",
        }
        return activity

    async def run(self) -> None:
        while time.monotonic() < self.load.stop_at:
            step = self.rng.choices(list(STEPS), list(STEPS.values()))[0]
            if step == "dialog":
                await self.dialog()
            elif step == "card" and self.buttons:
                await self.press()
            else:  # a card step with no button at hand asks for one first
                await self.ask(BUTTON_POOL if step == "card" else QUESTION_POOL)

    async def ask(self, pool: Sequence[tuple[str, str]]) -> None:
        text, lang = self.rng.choice(pool)
        self.locale = "en-GB" if lang == "en" else "da-DK"
        self.remember(await self.load.send("question", self.activity(text)))

    async def press(self) -> None:
        data, self.locale = self.buttons.pop(self.rng.randrange(len(self.buttons)))
        self.remember(await self.load.send("card", self.activity("", value=data)))

    def remember(self, reply: dict[str, Any] | None) -> None:
        """Keep the latest buttons, with the language they were offered in."""
        if found := _buttons(reply):
            self.buttons = [(data, self.locale) for data in found]

    async def dialog(self) -> None:
        self.locale = "da-DK"
        item = self.rng.choice(DIALOG_ITEMS)
        script = (
            ["opdater status", item] if self.rng.random() < 0.3 else [f"opdater status på {item}"]
        )
        script += [self.rng.choice(NEW_STATUS), "spring over"]
        script.append("ja" if self.rng.random() < 0.2 else "annuller")
        reply: dict[str, Any] | None = None
        for text in script:
            reply = await self.load.send("dialog", self.activity(text))
            if reply is None or any(phrase in _shown(reply) for phrase in NOT_SAVED):
                break
        if script[-1] == "ja" and reply is not None and not any(s in _shown(reply) for s in SAVED):
            await self.load.send("dialog", self.activity("annuller"))  # changed meanwhile: leave


# --- One run and the report ------------------------------------------------------------


@dataclass
class Result:
    setup: str
    concurrency: int
    duration: float
    turns: list[Turn]
    bot_cpu: float  # CPU seconds of all bots over the measured period
    bot_log_errors: int
    load: float  # the machine's 1-minute load average at the end of the measured period

    def row(self) -> dict[str, Any]:
        good = sorted(t.latency for t in self.turns if t.latency is not None)
        cuts = statistics.quantiles(good, n=100, method="inclusive") if len(good) > 1 else [0] * 99
        return {
            "setup": self.setup,
            "concurrency": self.concurrency,
            "duration_s": round(self.duration, 1),
            "activities": len(self.turns),
            "activities_per_s": round(len(self.turns) / self.duration, 1),
            "p50_ms": round(cuts[49] * 1000, 1),
            "p99_ms": round(cuts[98] * 1000, 1),
            "max_ms": round(good[-1] * 1000, 1) if good else 0.0,
            "errors": sum(t.latency is None for t in self.turns),
            "apologies": sum(t.apology for t in self.turns),
            "bot_cpu_pct": round(100 * self.bot_cpu / self.duration),
            "bot_log_errors": self.bot_log_errors,
            "load_average": round(self.load, 2),
            "mix": dict(Counter(t.kind for t in self.turns)),
        }


async def _drive(
    bots: list[Server], fake: str, label: str, arguments: argparse.Namespace
) -> Result:
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=REPLY_TIMEOUT + 5)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        now = time.monotonic()
        measure_from = now + arguments.warmup
        load = Load(
            session,
            [bot.address for bot in bots],
            fake,
            label,
            measure_from,
            measure_from + arguments.duration,
        )
        rngs = (random.Random(f"{arguments.seed}-{n}") for n in range(arguments.concurrency))
        tasks = [
            asyncio.create_task(Conversation(load, n, rng).run()) for n, rng in enumerate(rngs)
        ]
        await asyncio.sleep(max(0.0, measure_from - time.monotonic()))
        cpu = sum(bot.cpu_seconds() for bot in bots)
        await asyncio.sleep(max(0.0, load.stop_at - time.monotonic()))
        cpu = sum(bot.cpu_seconds() for bot in bots) - cpu
        machine_load = os.getloadavg()[0]
        await asyncio.gather(*tasks)
    setup = "1 x SQLite" if len(bots) == 1 else f"{len(bots)} x PostgreSQL"
    errors = sum(bot.errors for bot in bots)
    return Result(
        setup, arguments.concurrency, arguments.duration, load.turns, cpu, errors, machine_load
    )


async def _run(
    setup: str, fake: str, arguments: argparse.Namespace, versions: dict[str, str]
) -> Result:
    label = f"{setup}-{arguments.concurrency}-{uuid.uuid4().hex[:6]}"
    if setup == "sqlite":
        folder = tempfile.mkdtemp(prefix="klyngebot-load-")
        bots = _start_bots(f"sqlite+aiosqlite:///{folder}/load.db", fake, 1)
        try:
            return await _drive(bots, fake, label, arguments)
        finally:
            _stop(bots)
    async with fresh_postgres(arguments.postgres_url) as (url, version):
        versions["PostgreSQL"] = version
        bots = _start_bots(url, fake, 2)
        try:
            return await _drive(bots, fake, label, arguments)
        finally:
            _stop(bots)


def _stop(bots: list[Server]) -> None:
    for bot in bots:
        if bot.errors:
            print(f"  {bot.errors} ERROR lines in {bot.env['INSTANCE_ID']}'s log; last:")
            print("  " + "  ".join(bot.last_lines), end="")
        bot.stop()


def _versions() -> dict[str, str]:
    found = {"Python": platform.python_version(), "SQLite": sqlite3.sqlite_version}
    for package in ("botbuilder-core", "aiohttp", "SQLAlchemy", "asyncpg", "aiosqlite"):
        found[package] = metadata.version(package)
    return found


def _commit() -> str:
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return done.stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    return commit + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def _machine() -> str:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines()
                 if line.startswith("model name")]  # fmt: skip
        model = names[0] if names else ""
    load = " ".join(f"{n:.2f}" for n in os.getloadavg())
    return f"{os.cpu_count()} cores ({model or platform.machine()}), load average {load}"


HEADER = (
    f"{'setup':<16} {'conc.':>5} {'duration':>8} {'activities':>10} {'act./s':>7} "
    f"{'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'errors':>6} {'apol.':>5} {'bot CPU':>7} "
    f"{'load':>5}"
)


def _line(row: dict[str, Any]) -> str:
    return (
        f"{row['setup']:<16} {row['concurrency']:>5} {row['duration_s']:>7.0f}s "
        f"{row['activities']:>10} {row['activities_per_s']:>7.1f} {row['p50_ms']:>7.0f} "
        f"{row['p99_ms']:>7.0f} {row['max_ms']:>7.0f} {row['errors']:>6} "
        f"{row['apologies']:>5} {row['bot_cpu_pct']:>6}% {row['load_average']:>5.1f}"
    )


def _print_report(rows: list[dict[str, Any]], versions: dict[str, str], started: str) -> None:
    print()
    print(f"Klyngebot load run, {started}, commit {_commit()}")
    print(HEADER)
    for row in rows:
        print(_line(row))
    mixes = Counter[str]()
    for row in rows:
        mixes.update(row["mix"])
    total = sum(mixes.values()) or 1
    print("mix: " + ", ".join(f"{kind} {n / total:.0%}" for kind, n in sorted(mixes.items())))
    print("machine: " + _machine())
    print("versions: " + ", ".join(f"{name} {version}" for name, version in versions.items()))


async def main_async(arguments: argparse.Namespace) -> list[dict[str, Any]]:
    versions = _versions()
    started = time.strftime("%Y-%m-%d %H:%M")
    rows: list[dict[str, Any]] = []
    with running_fake() as fake:
        for setup in arguments.setups:
            for concurrency in arguments.concurrency_levels:
                arguments.concurrency = concurrency
                result = await _run(setup, fake, arguments, versions)
                rows.append(result.row())
                print(HEADER if len(rows) == 1 else "", end="\n" if len(rows) == 1 else "")
                print(_line(rows[-1]), flush=True)
    _print_report(rows, versions, started)
    if arguments.json:
        document = {"rows": rows, "versions": versions, "machine": _machine(), "commit": _commit()}
        Path(arguments.json).write_text(json.dumps(document, indent=2), encoding="utf-8")
    return rows


def _arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, help="measured seconds per run (300; --quick 20)")
    parser.add_argument("--warmup", type=float, help="unmeasured seconds first (30; --quick 3)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 20 s, short warm-up")
    parser.add_argument(
        "--concurrency", dest="concurrency_levels", type=int, nargs="+", default=[16, 64]
    )
    parser.add_argument(
        "--setups", nargs="+", choices=("sqlite", "postgres"), default=["sqlite", "postgres"]
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("KLYNGEBOT_TEST_POSTGRES_URL") or DEFAULT_POSTGRES,
        help="a PostgreSQL server to create a fresh database on",
    )
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--json", help="also write the rows to this file")
    arguments = parser.parse_args(argv)
    if arguments.duration is None:
        arguments.duration = 20.0 if arguments.quick else 300.0
    if arguments.warmup is None:
        arguments.warmup = 3.0 if arguments.quick else 30.0
    return arguments


def main(argv: list[str] | None = None) -> int:
    rows = asyncio.run(main_async(_arguments(argv)))
    return 1 if any(row["errors"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
