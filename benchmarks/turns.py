"""Per-turn cost: the stock botbuilder echo bot, a plain aiohttp echo and Klyngebot, one run.

    .venv/bin/python benchmarks/turns.py [--duration 30] [--warmup 5] [--concurrency 16]
        [--bots stock raw klyngebot klyngebot-auth] [--json FILE]

The yardstick of issue 7. Four bots, each its own process on loopback, one after the other:

  stock      benchmarks/echo_stock.py: botbuilder 4.17.1's `CloudAdapter` with
             `ConfigurationBotFrameworkAuthentication` and an empty app id (no authentication),
             `adapter.process(request, bot)`, an `ActivityHandler` echoing the text.
  raw        benchmarks/echo_raw.py: aiohttp only; parse the JSON, post the echo to
             {serviceUrl}v3/conversations/{id}/activities/{activity id} with one shared
             ClientSession, answer 201.
  klyngebot  `python app.py` on a fresh SQLite file in a temporary folder, the demo
             knowledge base (DEMO=true), BOT_TODAY=2024-03-01, anonymous, LOG_LEVEL=WARNING,
             NOTIFY=false, answering 20 fixed knowledge-base questions (status and next
             meeting, Danish and English, from tests/questions; the echo bots get the same
             texts). Each conversation keeps one locale, as a Teams client does (half
             en-GB, half da-DK), and asks in either language.
  klyngebot-auth  the same with authentication on, offline (benchmarks/offline_auth.py):
             an app id and password, ALLOWED_TENANTS, the OpenID metadata and token
             issuer pointing at the connector fake's key server, so every activity's
             token is validated by botbuilder's checks; BOT_LOGIN_URL pointing at the
             fake's token endpoint, whose connector routes (under /secure/) refuse a reply
             without the token it issued the bot. The load generator signs one token
             (RS256, an hour's lifetime, the test key) per conversation before the run
             and sends it with each of that conversation's activities, as the Bot
             Connector reuses its token: signing per request would cost the generator
             about a millisecond of CPU each and cap the figure it measures.

Each is loaded the same way, with benchmarks/load.py's connector fake (its own process,
answers at once) and its `Load.send`: N conversations at once, each loops post an activity to
/api/messages, wait for the reply to THAT activity at the fake. Latency is from just before
the POST to the reply's arrival at the fake; an error is a non-2xx answer or no reply within
15 s. The warm-up runs the same load and is not counted. "CPU/act." is the bot process's
user+system CPU over the measured period divided by the activities; "load" is the machine's
1-minute load average when the period ended. The ratios are to the stock echo bot.

Baseline before issue 7, measured 2026-11-23 (commit 1592600, no bot changes), 5 s warm-up
+ 30 s per bot, 16 conversations, 2 cores (AMD EPYC), load average 0.50 at the start and
1.79 at the end (nothing else heavy ran):

  bot                              act./s  p50 ms  p99 ms  max ms errors apol.  CPU/act.  load
  stock botbuilder 4.17.1 echo       88.3     124     241     319      0     0  11.15 ms   0.9
  plain aiohttp echo              2,552.9     3.2     8.3     133      0     0   0.24 ms   1.6
  Klyngebot (KB questions)           76.4     135     211     236      0     0  13.36 ms   1.8
  ratios to the stock echo bot:   act./s    p50     p99
    plain aiohttp echo             28.91x  0.026x  0.035x
    Klyngebot (KB questions)        0.87x  1.087x  0.876x

The stock echo bot spends 11 ms of CPU per echo, Klyngebot 13 ms per answered question: the
knowledge base, state and dialogs add only about 2 ms to botbuilder's per-turn overhead, so
one event loop caps both near 80-90/s. The plain echo's bot used about 60 % of a core; at
2,500/s the load generator and the fake (Python, on the same 2 cores) are near their own
limit, so read that row as "at least". Issue 7's goal from this baseline: Klyngebot at 5x
the stock echo's throughput (about 440/s here) with p99 under 50 ms.

With the klyngebot-auth row, measured 2026-11-23 on branch fast-auth (signing keys off the
event loop; the per-turn hot path not yet rewritten), 5 s + 30 s per bot, 16 conversations,
on a busy machine (load average 3.2 at the start, 4.7 at the worst: read the ratios, not the
absolute figures):

  bot                              act./s  p50 ms  p99 ms  max ms errors apol.  CPU/act.  load
  stock botbuilder 4.17.1 echo       66.4     160     366     519      0     0  10.78 ms   3.7
  plain aiohttp echo                886.3     8.8      36     118      0     0   0.30 ms   4.3
  Klyngebot (KB questions)           72.9     106     247     338      0     0  11.35 ms   4.7
  Klyngebot, authentication on       87.0      96     256     381      0     0  10.39 ms   4.4
  ratios to the stock echo bot:   act./s    p50     p99
    plain aiohttp echo             13.35x  0.055x  0.098x
    Klyngebot (KB questions)        1.10x  0.665x  0.675x
    Klyngebot, authentication on    1.31x  0.600x  0.699x

Authentication on costs Klyngebot no measurable throughput here: validating a token
(botbuilder's checks against cached keys: one RS256 signature check) takes about 0.25 ms of
CPU, measured apart in-process, against 10-11 ms for the rest of a turn.

After issue 7 (commit 5e8087a: one statement per turn, read inline on SQLite; activities
without msrest; item views kept per generation; replies copied shallowly; startup objects
frozen), 5 s + 30 s per bot, 16 conversations, a quiet machine (load average 0.6 at the
start, 1.7 at the end):

  bot                              act./s  p50 ms  p99 ms  max ms errors apol.  CPU/act.  load
  stock botbuilder 4.17.1 echo      101.9     109     210     322      0     0   9.63 ms   1.1
  plain aiohttp echo              2,190.4     3.8     9.0     112      0     0   0.27 ms   1.6
  Klyngebot (KB questions)          799.6      13      28      41      0     0   1.25 ms   1.6
  Klyngebot, authentication on      680.5      16      27      40      0     0   1.47 ms   1.7
  ratios to the stock echo bot:   act./s    p50     p99
    plain aiohttp echo             21.50x  0.035x  0.043x
    Klyngebot (KB questions)        7.85x  0.124x  0.133x
    Klyngebot, authentication on    6.68x  0.151x  0.126x

A second run (commit 620647b, load average 2.0-2.2, something else on the machine): stock
83.2/s; Klyngebot 803.8/s, p99 26 ms (9.66x); with authentication 543.0/s, p99 36 ms
(6.53x). With authentication on, PyJWT decodes each token four times in botbuilder's checks
(skill? emulator? issuer? then the signature): about 0.3-0.6 ms per activity.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project, its test support, load.py

import aiohttp  # noqa: E402

from benchmarks import offline_auth  # noqa: E402
from benchmarks.load import (  # noqa: E402
    REPLY_TIMEOUT,
    Load,
    Server,
    _bot_env,
    _commit,
    _free_port,
    _machine,
    _versions,
    running_fake,
)
from tests.questions.expectations import NextMeeting, Status  # noqa: E402
from tests.questions.question_set import QUESTIONS  # noqa: E402
from tests.support.activities import TENANT, message  # noqa: E402
from tests.support.tokens import KeyServer, new_key  # noqa: E402

BOTS = ("stock", "raw", "klyngebot", "klyngebot-auth")
LABELS = {
    "stock": "stock botbuilder 4.17.1 echo",
    "raw": "plain aiohttp echo",
    "klyngebot": "Klyngebot (KB questions)",
    "klyngebot-auth": "Klyngebot, authentication on",
}


def _questions() -> list[tuple[str, str]]:
    """20 fixed questions: the first 7 Danish and 5 English status questions, the first 4
    Danish and 4 English next-meeting questions of the acceptance set (no declared scope)."""
    picked: list[tuple[str, str]] = []
    for kind, lang, count in ((Status, "da", 7), (Status, "en", 5), (NextMeeting, "da", 4),
                              (NextMeeting, "en", 4)):  # fmt: skip
        found = [q for q in QUESTIONS if not q.scope and q.lang == lang and type(q.expect) is kind]
        picked += [(q.text, q.lang) for q in found[:count]]
    return picked


QUESTION_LIST = _questions()


def _server(name: str, fake: str, folder: str, extra: dict[str, str] | None = None) -> Server:
    """One of the bots, not started; `extra` adds to (or overrides) a Klyngebot's env."""
    port = _free_port()
    if name.startswith("klyngebot"):
        env = _bot_env(f"sqlite+aiosqlite:///{folder}/{name}.db", fake, name)
        env.update({"NOTIFY": "false", "PORT": str(port)})
        command = [sys.executable, str(ROOT / "app.py")]
        if name == "klyngebot-auth":
            env.update(offline_auth.bot_env(fake) | {"ALLOWED_TENANTS": TENANT})
            command = [sys.executable, str(ROOT / "benchmarks" / "offline_auth.py")]
        return Server(name, command, env | (extra or {}), port)
    script = ROOT / "benchmarks" / f"echo_{name}.py"
    return Server(name, [sys.executable, str(script), str(port)], {}, port)


async def _conversation(
    load: Load, number: int, rng: random.Random, signer: KeyServer | None
) -> None:
    """With a `signer`, every activity carries the one token signed for this conversation
    and names the fake's /secure/ routes as its service URL."""
    conversation = f"a:turns-{load.label}-{number}"
    sender = {"id": f"29:turns-user-{number}", "name": f"Bruger {number}"}
    service_url = f"{load.fake}{offline_auth.SECURE[1:]}/" if signer else load.fake
    headers = {"Authorization": f"Bearer {signer.token(service_url)}"} if signer else None
    locale = "en-GB" if number % 2 else "da-DK"  # a Teams client's language stays put
    while time.monotonic() < load.stop_at:
        text, _lang = rng.choice(QUESTION_LIST)
        activity = message(text, service_url, conversation=conversation, locale=locale)
        activity["id"] = f"turns-{uuid.uuid4().hex}"
        activity["from"] = {**sender, "aadObjectId": f"aad-turns-{number}"}
        await load.send("question", activity, headers)


async def _measure(
    server: Server, fake: str, arguments: argparse.Namespace, signer: KeyServer | None = None
) -> dict[str, Any]:
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=REPLY_TIMEOUT + 5)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        measure_from = time.monotonic() + arguments.warmup
        stop_at = measure_from + arguments.duration
        label = f"{server.name}-{uuid.uuid4().hex[:6]}"
        load = Load(session, [server.address], fake, label, measure_from, stop_at)
        rngs = [random.Random(f"{arguments.seed}-{n}") for n in range(arguments.concurrency)]
        tasks = [
            asyncio.create_task(_conversation(load, n, rng, signer)) for n, rng in enumerate(rngs)
        ]
        await asyncio.sleep(max(0.0, measure_from - time.monotonic()))
        cpu = server.cpu_seconds()
        await asyncio.sleep(max(0.0, stop_at - time.monotonic()))
        cpu = server.cpu_seconds() - cpu
        machine_load = os.getloadavg()[0]
        await asyncio.gather(*tasks)
    good = sorted(t.latency for t in load.turns if t.latency is not None)
    cuts = statistics.quantiles(good, n=100, method="inclusive") if len(good) > 1 else [0.0] * 99
    count = len(load.turns)
    return {
        "bot": server.name,
        "activities": count,
        "activities_per_s": round(count / arguments.duration, 1),
        "p50_ms": round(cuts[49] * 1000, 2),
        "p99_ms": round(cuts[98] * 1000, 2),
        "max_ms": round(good[-1] * 1000, 1) if good else 0.0,
        "errors": sum(t.latency is None for t in load.turns),
        "apologies": sum(t.apology for t in load.turns),
        "cpu_ms_per_activity": round(1000 * cpu / count, 2) if count else float("nan"),
        "log_errors": server.errors,
        "load_average": round(machine_load, 2),
    }


def _ms(value: float) -> str:
    return f"{value:.1f}" if value < 10 else f"{value:.0f}"


def table(rows: Sequence[dict[str, Any]]) -> list[str]:
    """The report: one line per bot, then the ratios to the stock echo bot."""
    lines = [
        f"{'bot':<30} {'act./s':>8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7} {'errors':>6} "
        f"{'apol.':>5} {'CPU/act.':>9} {'load':>5}"
    ]
    for row in rows:
        lines.append(
            f"{LABELS[row['bot']]:<30} {row['activities_per_s']:>8,.1f} "
            f"{_ms(row['p50_ms']):>7} {_ms(row['p99_ms']):>7} {_ms(row['max_ms']):>7} "
            f"{row['errors']:>6} {row['apologies']:>5} {row['cpu_ms_per_activity']:>6.2f} ms "
            f"{row['load_average']:>5.1f}"
        )
    stock = next((row for row in rows if row["bot"] == "stock"), None)
    if stock and stock["activities_per_s"]:
        lines.append("ratios to the stock echo bot:   act./s    p50     p99")
        for row in rows:
            if row is not stock:
                speed = row["activities_per_s"] / stock["activities_per_s"]
                p50 = row["p50_ms"] / stock["p50_ms"]
                p99 = row["p99_ms"] / stock["p99_ms"]
                lines.append(f"  {LABELS[row['bot']]:<28} {speed:>7.2f}x {p50:>6.3f}x {p99:>6.3f}x")
    return lines


async def main_async(arguments: argparse.Namespace) -> list[dict[str, Any]]:
    started = time.strftime("%Y-%m-%d %H:%M")
    machine = _machine()
    rows: list[dict[str, Any]] = []
    folder = tempfile.mkdtemp(prefix="klyngebot-turns-")
    signer = KeyServer(new_key(), kid="turns-key-1")
    with running_fake(signer.jwks()) as fake:
        for name in arguments.bots:
            server = _server(name, fake, folder)
            server.start()
            try:
                auth = signer if name == "klyngebot-auth" else None
                rows.append(await _measure(server, fake, arguments, auth))
            finally:
                if server.errors:
                    print(f"  {server.errors} error lines in {name}'s output; last:")
                    print("  " + "  ".join(server.last_lines), end="")
                server.stop()
            print(f"  {name}: {rows[-1]['activities_per_s']} activities/s", flush=True)
    print()
    print(
        f"Turns, {started}, commit {_commit()}, {arguments.concurrency} conversations, "
        f"{arguments.warmup:.0f} s warm-up + {arguments.duration:.0f} s per bot"
    )
    print("\n".join(table(rows)))
    print(f"machine at the start: {machine}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in _versions().items()))
    if arguments.json:
        document = {"rows": rows, "machine": machine, "commit": _commit(), "started": started}
        Path(arguments.json).write_text(json.dumps(document, indent=2), encoding="utf-8")
    return rows


def _arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=float, default=30.0, help="measured seconds per bot")
    parser.add_argument("--warmup", type=float, default=5.0, help="unmeasured seconds first")
    parser.add_argument("--concurrency", type=int, default=16, help="conversations at once")
    parser.add_argument("--bots", nargs="+", choices=BOTS, default=list(BOTS))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", help="also write the rows to this file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    rows = asyncio.run(main_async(_arguments(argv)))
    return 1 if any(row["errors"] or row["log_errors"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
