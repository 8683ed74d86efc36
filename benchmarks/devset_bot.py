"""The dev-set harness: Klyngebot in this process behind a real loopback HTTP server.

It leans only on surfaces that outlive rewrites of the question engine and the importer:
`python app.py import/export` (run in-process through `app.main`), `app.create_app` with
`bot.settings.Settings`, POST /api/messages with Teams-like activities, the connector fake
of tests/support/connector.py recording the replies, the per-turn log record's `intent`,
and the `knowledge.service.KnowledgeService` facade that the running app holds.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import logging
import re
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

import app as klyngebot
from bot.settings import Settings
from knowledge.service import KnowledgeService
from tests.support.activities import message
from tests.support.connector import Connector, running_connector

ROOT = Path(__file__).resolve().parents[1]


def _shared() -> Path:
    """../shared beside the project; from a git worktree (/work/wt/NAME) the nearest
    ancestor that has one."""
    for folder in ROOT.parents:
        if (folder / "shared").is_dir():
            return folder / "shared"
    return ROOT.parent / "shared"


SHARED = _shared()
DEVSET = SHARED / "devset"
SEEDS = SHARED / "seeds"
ARTIFACTS = ROOT / "test-artifacts" / "devset"
DEMO_NAME = "kb.json"  # the demo export under knowledge/ (knowledge/demo/kb.json today)
USER_AAD = "aad-user-1"  # tests/support/activities.py's user, "Mette"
USER_NAME = "Mette"
LOCALES = {"da": "da-DK", "en": "en-US"}
# Libraries whose INFO lines would only cost time (SQL statements, access log lines).
QUIET = ("sqlalchemy", "aiohttp", "aiosqlite", "alembic", "asyncio", "botbuilder", "msrest")
_INTENT_IN_MESSAGE = re.compile(r"\bintent=(\S+)")


def require(path: Path, what: str) -> Path:
    """Exit with a clear message when shared data is not where it should be."""
    if not path.exists():
        sys.exit(
            f"{what} not found at {path}: these figures need the shared checkout beside the project"
        )
    return path


class IntentLog(logging.Handler):
    """Keeps the intent of every turn log record, whichever logger wrote it.

    The bot writes one record per turn with an `intent` field (bot/handler.py today);
    a record without the field but with "intent=..." in its message counts too."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.intents: list[str] = []
        self.problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        intent = getattr(record, "intent", None)
        if intent is None:
            found = _INTENT_IN_MESSAGE.search(record.getMessage())
            intent = found[1] if found else None
        if intent is not None:
            self.intents.append(str(intent))
        elif record.levelno >= logging.ERROR:
            self.problems.append(f"{record.name}: {record.getMessage()}")
            print(
                f"  [log {record.levelname}] {record.name}: {record.getMessage()}", file=sys.stderr
            )


def capture_intents() -> IntentLog:
    """Install the intent capture on the root logger, before anything configures logging
    (app.main then leaves logging alone), with libraries kept quiet."""
    handler = IntentLog()
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    return handler


@dataclass(frozen=True)
class CliRun:
    code: int
    out: str
    err: str


def run_cli(argv: Sequence[str], database_url: str) -> CliRun:
    """`python app.py ARGV` in this process, with its output captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = klyngebot.main(list(argv), environ={"DATABASE_URL": database_url})
        except SystemExit as stop:  # argparse
            code = stop.code if isinstance(stop.code, int) else 2
        except Exception as error:  # a crash is a finding: report it, do not stop the run
            print(f"crashed: {type(error).__name__}: {error}", file=sys.stderr)
            code = 99
    return CliRun(code, out.getvalue(), err.getvalue())


CODE = ("app.py", "bot", "dialogs", "knowledge", "pyproject.toml")  # what the figures measure


def _git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    return done.stdout.strip()


def commit() -> str:
    """The commit measured ("27c2596", "-dirty" with uncommitted changes) and the last
    commit that changed the bot's code, which is what the figures depend on."""
    head = _git("describe", "--always", "--dirty") or "unknown"
    code = _git("log", "-1", "--format=%h", "--", *CODE) or "unknown"
    return f"{head} (bot code last changed in {code})"


def sqlite_url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


def demo_file() -> Path:
    found = sorted((ROOT / "knowledge").rglob(f"demo/{DEMO_NAME}"))
    if not found:
        sys.exit(f"the demo knowledge base (knowledge/**/demo/{DEMO_NAME}) is missing")
    return found[0]


def load_knowledge(kb: str, database: Path, seeds: Path = SEEDS) -> str:
    """Fill a fresh SQLite file from the five seeds (as `python app.py import` does) or
    from the demo export; "seeds" or "demo", whichever was loaded, said loudly."""
    if kb == "seeds":
        files = sorted(str(path) for path in require(seeds, "the seed documents").glob("*.txt"))
        run = run_cli(["import", *files], sqlite_url(database))
        if run.code == 0:
            print(f"KNOWLEDGE BASE: the {len(files)} seeds ({seeds}) imported")
            return "seeds"
        print(f"!!! the importer refused the seeds (exit {run.code}): {run.err.strip()}")
        print("!!! continuing with the DEMO knowledge base instead")
        database.unlink(missing_ok=True)
    run = run_cli(["import", str(demo_file())], sqlite_url(database))
    if run.code != 0:
        sys.exit(f"restoring the demo knowledge base failed: {run.err.strip()}")
    print(f"KNOWLEDGE BASE: the DEMO ({demo_file()}) restored")
    return "demo"


def copy_database(source: Path, target: Path) -> None:
    """A fresh database with the same content (SQLite's online backup, WAL included)."""
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)


@dataclass(frozen=True)
class Turn:
    status: int
    replies: list[dict[str, Any]]
    intent: str | None


@dataclass
class Bot:
    app: web.Application
    client: TestClient[Any, Any]
    connector: Connector
    log: IntentLog
    ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    @property
    def service(self) -> KnowledgeService:
        """The facade the running app holds, whatever key it is kept under."""
        for value in self.app.values():
            if isinstance(value, KnowledgeService):
                return value
        raise LookupError("the running app holds no KnowledgeService")

    async def send(self, text: str, conversation: str, locale: str, **extra: Any) -> Turn:
        """One Teams personal-chat message; returns once the bot has answered it."""
        self.connector.clear()
        seen = len(self.log.intents)
        activity = message(text, self.connector.url, conversation=conversation, locale=locale)
        activity.update(id=f"devset-{next(self.ids)}", **extra)
        response = await self.client.post("/api/messages", json=activity)
        await response.read()
        intents = self.log.intents[seen:]
        return Turn(response.status, self.connector.messages(), intents[-1] if intents else None)


@contextlib.asynccontextmanager
async def running_bot(settings: Settings, log: IntentLog) -> AsyncIterator[Bot]:
    async with running_connector() as connector:
        app = klyngebot.create_app(replace(settings, anonymous_service_urls=(connector.url,)))
        async with TestClient(TestServer(app, host="127.0.0.1")) as client:
            yield Bot(app, client, connector, log)


def bot_settings(database: Path, **changes: Any) -> Settings:
    """Anonymous on loopback, no notifier (nothing proactive is measured)."""
    return Settings(database_url=sqlite_url(database), notify=False, **changes)
