"""Klyngebot as a real process (`python app.py`), for tests that stop it the hard way, stop
it gently, or run several of it on one database.

Once the process says where it listens, a thread keeps reading its output into `output`
(a full pipe would stall the process); `stop` and `kill_hard` wait for that thread, so
every line the process wrote is there afterwards.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RUNNING = re.compile(r"Running on (http://127\.0\.0\.1:\d+)")


@dataclass
class BotProcess:
    env: dict[str, str]
    process: subprocess.Popen[str] | None = None
    address: str = ""
    output: list[str] = field(default_factory=list)
    returncode: int | None = None
    _reader: threading.Thread | None = None
    # Where the output goes, when set: a file (the e2e tests keep it as an artifact)
    # instead of the pipe a thread reads.
    log: Path | None = None

    def start(self, seconds: float = 60) -> str:
        if self.log is not None:
            return self._start_logging(self.log, seconds)
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py")],
            env={**os.environ, "PORT": "0", **self.env},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + seconds
        assert self.process.stdout is not None
        while time.monotonic() < deadline:
            line = self.process.stdout.readline()
            self.output.append(line)
            if found := RUNNING.search(line):
                self.address = found.group(1)
                self._reader = threading.Thread(target=self._follow, daemon=True)
                self._reader.start()
                return self.address
            if not line and self.process.poll() is not None:
                break
        self.stop()
        raise AssertionError("the bot did not start:\n" + "".join(self.output[-20:]))

    def _start_logging(self, log: Path, seconds: float) -> str:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as output:
            start = output.tell()
            self.process = subprocess.Popen(
                [sys.executable, str(ROOT / "app.py")],
                env={**os.environ, "PORT": "0", **self.env},
                stdout=output,
                stderr=subprocess.STDOUT,
                text=True,
            )
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with log.open(encoding="utf-8") as written:
                written.seek(start)
                self.output = written.readlines()
            if found := next(filter(None, map(RUNNING.search, self.output)), None):
                self.address = found.group(1)
                return self.address
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise AssertionError("the bot did not start:\n" + "".join(self.output[-20:]))

    def _follow(self) -> None:
        assert self.process is not None
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.output.append(line)

    def signal(self, number: int) -> None:
        assert self.process is not None, "the bot is not running"
        self.process.send_signal(number)

    def wait(self, seconds: float = 30) -> int:
        """Until the process has ended (raises subprocess.TimeoutExpired); its exit code."""
        if self.process is None:
            assert self.returncode is not None, "the bot never ran"
            return self.returncode
        self.returncode = self.process.wait(timeout=seconds)
        if self._reader is not None:
            self._reader.join(timeout=10)
        elif self.process.stdout is not None:
            self.output.extend(self.process.stdout)
        if self.process.stdout is not None:
            self.process.stdout.close()
        self.process = self._reader = None
        return self.returncode

    def kill_hard(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing, as a crash or `kill -9`."""
        if self.process is not None:
            self.signal(signal.SIGKILL)
            self.wait()

    def stop(self, seconds: float = 30) -> int | None:
        """SIGTERM, and wait for the graceful shutdown; the exit code."""
        if self.process is None:
            return self.returncode
        if self.process.poll() is None:
            self.signal(signal.SIGTERM)
        return self.wait(seconds)


async def started(env: dict[str, str]) -> BotProcess:
    """A started bot; started in a thread, so this event loop (a connector fake on it) keeps
    answering meanwhile."""
    bot = BotProcess(env)
    await asyncio.to_thread(bot.start)
    return bot
