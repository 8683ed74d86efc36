"""The load benchmark runs end to end: a short run on SQLite with real processes, no errors.

Not a timed assertion: the figures are the benchmark's business; this only checks that
the script still drives the bot (processes, connector fake, the mix) and gets every reply.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_quick_load_run_on_sqlite_gets_every_reply(tmp_path: Path) -> None:
    report = tmp_path / "load.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "load.py"), "--quick", "--duration", "5"]
    command += ["--concurrency", "2", "--setups", "sqlite", "--json", str(report)]

    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=tmp_path)

    assert 0 == done.returncode, done.stdout + done.stderr
    [row] = json.loads(report.read_text(encoding="utf-8"))["rows"]
    assert ("1 x SQLite", 2) == (row["setup"], row["concurrency"])
    assert (0, 0, 0) == (row["errors"], row["apologies"], row["bot_log_errors"])
    assert row["activities"] > 0
    assert {"question", "dialog"} <= set(row["mix"])
