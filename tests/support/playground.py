"""The Microsoft 365 Agents Playground as a real process, and a client for its own API.

The Playground (`scripts/playground.sh install` puts it in .tools/playground) is a
Teams-like web client with a mocked connector. Its web UI talks to its server over HTTP
and one WebSocket; `PlaygroundClient` speaks that same API, so end-to-end tests drive it
without a browser. Facts about the routes are in ../shared/notes/playground.md.

Bot output arrives as WebSocket frames. Frames sent while no client listens are buffered
and handed to the next client, so the client connects once, numbers every frame, and a
test only accepts frames that arrived after it sent (`mark()`, then `replies(mark, ...)`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.questions.replies import reply_text

ROOT = Path(__file__).resolve().parents[2]
PLAYGROUND = ROOT / ".tools" / "playground" / "node_modules" / ".bin" / "agentsplayground"
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
INSTALL_HINT = "scripts/playground.sh install --browser"

Frame = dict[str, Any]


def require(browser: bool = False) -> None:
    """Skip (fail under CI=true) when the Playground, or the browser, is not installed."""
    missing = []
    if shutil.which("node") is None:
        missing.append("Node.js (apt-get install nodejs npm)")
    if not PLAYGROUND.exists():
        missing.append(f"the Agents Playground ({INSTALL_HINT})")
    if browser and shutil.which("chromium") is None:
        missing.append(f"Debian's chromium ({INSTALL_HINT}, as root)")
    if browser and not _has_playwright():
        missing.append("Playwright for Python (pip install -e '.[dev]')")
    if not missing:
        return
    reason = "end-to-end test needs " + ", ".join(missing)
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


def _has_playwright() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return True


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class PlaygroundProcess:
    """`agentsplayground` pointed at a bot, on a free port, logging into `artifacts` as
    NAME-playground.log (its own log) and NAME-playground.out (what it prints)."""

    bot_url: str
    workdir: Path
    name: str = "e2e"
    artifacts: Path = ARTIFACTS
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, seconds: float = 30) -> str:
        self.port = self.port or free_port()
        self.artifacts.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "TEAMSAPPTESTER_BROWSER": "none",
            "M365_AGENTS_PLAYGROUND_LOGFILE": str(self.artifacts / f"{self.name}-playground.log"),
        }
        command = [str(PLAYGROUND), "-e", f"{self.bot_url}/api/messages", "-c", "msteams"]
        command += ["--disable-telemetry", "-p", str(self.port)]
        with (self.artifacts / f"{self.name}-playground.out").open("ab") as output:
            self.process = subprocess.Popen(
                command, cwd=self.workdir, env=env, stdout=output, stderr=subprocess.STDOUT
            )
        self._wait_until_ready(seconds)
        return self.url

    def _wait_until_ready(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        assert self.process is not None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the Playground exited with {self.process.returncode}")
            if self._pong():
                return
            time.sleep(0.1)
        raise AssertionError(f"the Playground did not answer /_debug/ping within {seconds} s")

    def _pong(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/_debug/ping", timeout=2) as answer:
                return bool(answer.read() == b"pong")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            self.process = None


@dataclass(frozen=True)
class Tenant:
    """What /_internal/v1/config says about the mocked tenant."""

    bot_id: str
    bot_name: str
    user_id: str
    personal_chat: str
    team_channel: str

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> Tenant:
        general = config["teams"][0]["channels"][0]
        return cls(
            bot_id=config["bot"]["id"],
            bot_name=config["bot"]["name"],
            user_id=config["currentUser"]["id"],
            personal_chat=config["personalChat"]["id"],
            team_channel=general["id"],
        )


@dataclass
class PlaygroundClient:
    """The Playground's HTTP and WebSocket API, as its web UI uses it."""

    url: str
    session: aiohttp.ClientSession
    tenant: Tenant | None = None
    frames: list[Frame] = field(default_factory=list)
    _arrived: asyncio.Condition = field(default_factory=asyncio.Condition)
    _reader: asyncio.Task[None] | None = None

    @classmethod
    @contextlib.asynccontextmanager
    async def connect(cls, url: str) -> Any:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30)) as session:
            client = cls(url, session)
            # Blocks until the bot endpoint answers (the Playground waits up to 15 s).
            async with session.get(f"{url}/_internal/v1/config") as answer:
                client.tenant = Tenant.from_config((await answer.json())["config"])
            socket_ = await session.ws_connect(f"{url}/_ws_conversation/v1/conversations/stream")
            client._reader = asyncio.create_task(client._read(socket_))
            try:
                yield client
            finally:
                client._reader.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await client._reader
                await socket_.close()

    async def _read(self, socket_: aiohttp.ClientWebSocketResponse) -> None:
        async for message in socket_:
            if message.type != aiohttp.WSMsgType.TEXT:
                continue
            async with self._arrived:
                self.frames.append(json.loads(message.data))
                self._arrived.notify_all()

    @property
    def me(self) -> Tenant:
        assert self.tenant is not None
        return self.tenant

    def mark(self) -> int:
        """The number of frames seen so far: pass it to `replies` to look only after it."""
        return len(self.frames)

    async def replies(
        self, after: int, conversation: str, count: int = 1, seconds: float = 10
    ) -> list[Frame]:
        """The first `count` bot messages in `conversation` after `after`."""

        def mine(frame: Frame) -> bool:
            return in_conversation(frame, conversation) and frame["action"] == "createMessage"

        def found() -> list[Frame]:
            return [frame for frame in self.frames[after:] if mine(frame)]

        async with self._arrived:
            await asyncio.wait_for(self._arrived.wait_for(lambda: len(found()) >= count), seconds)
        return found()[:count]

    async def _post(self, path: str, body: dict[str, Any]) -> Any:
        async with self.session.post(f"{self.url}{path}", json=body) as answer:
            assert 200 == answer.status, await answer.text()
            text = await answer.text()
            return json.loads(text) if text else None

    async def install(self, conversation: str) -> None:
        """What the UI does when a chat is first opened: installationUpdate, then members."""
        await self._post(f"/_debug/conversation/{conversation}/installation", {})

    async def say(self, conversation: str, text: str, mention: bool = False) -> None:
        body: dict[str, Any] = {"from": {"id": self.me.user_id}, "text": text}
        body["textFormat"] = "plain"
        if mention:
            at = f"<at>{self.me.bot_name}</at>"
            body["text"] = f"{at} {text}"
            body["mentions"] = [{"mentioned": {"id": self.me.bot_id}, "text": at}]
        await self._post(f"/_conversation/v1/conversations/{conversation}/messages", body)

    async def submit(self, conversation: str, card_id: str, value: dict[str, Any]) -> None:
        """An Action.Submit of the card `card_id`: `value` is its data merged with inputs."""
        body = self._about(conversation, card_id) | {"value": value}
        await self._post("/_conversation/v1/submit", body)

    async def execute(
        self, conversation: str, card_id: str, action: dict[str, Any], data: dict[str, Any]
    ) -> Any:
        """An Action.Execute: answers the bot's invoke response ({statusCode, type, value})."""
        value = {"action": {"type": "Action.Execute", "title": action.get("title", "")}}
        value["action"] |= {"verb": action["verb"], "data": data}
        body = self._about(conversation, card_id) | {"name": "adaptiveCard/action", "value": value}
        return await self._post("/_conversation/v1/invoke", body)

    def _about(self, conversation: str, card_id: str) -> dict[str, Any]:
        return {
            "conversation": {"id": conversation},
            "from": {"id": self.me.user_id},
            "replyToId": card_id,
        }


def in_conversation(frame: Frame, conversation: str) -> bool:
    """Channel replies land in a thread: `team-id;messageid=...` belongs to `team-id`."""
    target = str(frame.get("actionConversationId", ""))
    return target == conversation or target.startswith(f"{conversation};")


def text_of(frame: Frame) -> str:
    """A message's text and every text in its cards, one string to search in."""
    return reply_text(frame.get("message", {}))


def card_of(frame: Frame) -> dict[str, Any] | None:
    for attachment in frame.get("message", {}).get("attachments") or []:
        if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
            content: dict[str, Any] = attachment["content"]
            return content
    return None


def actions_of(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every action in a card, wherever it sits (actions, ActionSets, select actions)."""
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if str(node.get("type", "")).startswith("Action."):
                found.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return found
