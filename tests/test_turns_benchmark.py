"""The turns benchmark runs end to end: all four bots, real processes, every reply.

Not a timed assertion: the figures are the benchmark's business; this only checks that the
script still starts the stock echo bot, the plain aiohttp echo, Klyngebot and Klyngebot with
authentication on (every activity's token checked, every reply sent with the bot's own
token, or the fake would refuse it and the row would count errors), drives each through the
connector fake and prints a row and a ratio for each.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_short_turns_run_gets_every_reply_from_all_four_bots(tmp_path: Path) -> None:
    report = tmp_path / "turns.json"
    command = [sys.executable, str(ROOT / "benchmarks" / "turns.py"), "--duration", "1"]
    command += ["--warmup", "0.5", "--concurrency", "2", "--json", str(report)]

    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=tmp_path)

    assert 0 == done.returncode, done.stdout + done.stderr
    rows = json.loads(report.read_text(encoding="utf-8"))["rows"]
    assert ["stock", "raw", "klyngebot", "klyngebot-auth"] == [row["bot"] for row in rows]
    for row in rows:
        assert (row["bot"], 0, 0, 0) == (
            row["bot"], row["errors"], row["apologies"], row["log_errors"]
        )  # fmt: skip
        assert row["activities"] > 0, row
    ratios = done.stdout.split("ratios to the stock echo bot:")[1].splitlines()[1:4]
    assert [
        "plain aiohttp echo",
        "Klyngebot (KB questions)",
        "Klyngebot, authentication on",
    ] == [line[:30].strip() for line in ratios]
