"""Klyngebot as a real process (`python app.py`), for tests that stop it the hard way."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
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
    # Where the output goes once the bot runs; unset, it stays in a pipe nobody reads
    # after start, which is fine for the few lines a short test makes.
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
                return self.address
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

    def kill_hard(self) -> None:
        """SIGKILL: no shutdown handlers, no flushing, as a crash or `kill -9`."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.communicate(timeout=30)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.communicate(timeout=30)
            self.process = None
