"""`python app.py` as people start it: port 0 picks a free port and says which."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNNING = re.compile(r"Running on (http://127\.0\.0\.1:\d+)")


def _wait_for_address(process: subprocess.Popen[str], seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    assert process.stdout is not None
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        found = RUNNING.search(line)
        if found:
            return found.group(1)
    raise AssertionError("the server never said where it listens")


def test_port_zero_serves_on_a_free_port_that_is_logged(tmp_path: Path) -> None:
    env = {**os.environ, "PORT": "0", "DATABASE_URL": f"sqlite:///{tmp_path / 'kb.db'}"}
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        address = _wait_for_address(process)
        with urllib.request.urlopen(f"{address}/readyz", timeout=10) as response:
            assert (200, {"status": "ready"}) == (response.status, json.loads(response.read()))
    finally:
        process.terminate()
        process.communicate(timeout=30)
