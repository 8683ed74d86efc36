"""`python app.py` as people start it: port 0 picks a free port and says which; the demo
knowledge base only when asked for."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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


@pytest.mark.parametrize(
    ("args", "extra"),
    [(["--demo"], {}), (["serve", "--demo"], {}), ([], {"DEMO": "true"}), ([], {})],
    ids=["--demo", "serve --demo", "DEMO=true", "not asked"],
)
def test_the_demo_loads_when_asked_for_by_flag_or_setting(
    tmp_path: Path, args: list[str], extra: dict[str, str]
) -> None:
    database = f"sqlite:///{tmp_path / 'kb.db'}"
    env = {**os.environ, "PORT": "0", "DATABASE_URL": database, "DEMO": "", **extra}
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py"), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        _wait_for_address(process)
    finally:
        process.terminate()
        process.communicate(timeout=30)
    exported = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "export"],
        env={**os.environ, "DATABASE_URL": database},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert bool(args or extra) == bool(json.loads(exported.stdout)["meetings"])
