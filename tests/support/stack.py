"""Klyngebot as a process with the Agents Playground in front of it, for tests/e2e.

Each e2e test module starts its own stack: the bot (`python app.py`: SQLite in a temporary
folder, the demo knowledge base, `BOT_TODAY` fixed, anonymous, as the Playground sends
no token) and a Playground on a free port pointed at it. Logs go to
test-artifacts/e2e/. Without Node, the Playground or (for the UI) Chromium, the tests
skip with the reason; under CI=true they fail, since scripts/test.sh installs them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tests.support.playground import ARTIFACTS, PlaygroundProcess, free_port
from tests.support.process import BotProcess

TODAY = "2024-03-01"


@dataclass
class Stack:
    """The bot and the Playground; the bot can be restarted alone on the same port."""

    workdir: Path
    name: str
    bot: BotProcess
    playground: PlaygroundProcess

    def restart_bot(self, today: str) -> None:
        """Stop the bot and start it again on the same address and database, with
        another `BOT_TODAY`; the Playground keeps running and keeps its conversations."""
        port = urlsplit(self.bot.address).port
        self.bot.stop()
        self.bot = _bot(self.workdir, self.name, today, self.playground.port, port=port)
        self.bot.start()


def _bot(
    workdir: Path, name: str, today: str, playground_port: int, port: int | None = 0
) -> BotProcess:
    # Anonymous bots reply only to the loopback addresses they are told: the Playground's.
    connector = f"{playground_port}/_connector"
    env = {
        "DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'kb.db'}",
        "BOT_TODAY": today,
        "PORT": str(port),
        "MicrosoftAppId": "",  # anonymous: the Playground sends no token
        "ALLOWED_TENANTS": "",
        "NOTIFY_INTERVAL_SECONDS": "1",
        "LOG_LEVEL": "INFO",
        "ANONYMOUS_SERVICE_URLS": f"http://localhost:{connector},http://127.0.0.1:{connector}",
    }
    return BotProcess(env, log=ARTIFACTS / f"{name}-bot.log")


@contextmanager
def running_stack(workdir: Path, name: str) -> Iterator[Stack]:
    for old in ARTIFACTS.glob(f"{name}-*"):
        old.unlink()
    playground_port = free_port()
    bot = _bot(workdir, name, TODAY, playground_port)
    playground_dir = workdir / "playground"
    playground_dir.mkdir()
    playground = PlaygroundProcess("", playground_dir, name=name, port=playground_port)
    stack = Stack(workdir, name, bot, playground)
    try:
        stack.playground.bot_url = bot.start()
        stack.playground.start()
        yield stack
    finally:
        stack.playground.stop()
        stack.bot.stop()
