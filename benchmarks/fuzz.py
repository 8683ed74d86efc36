"""Malformed requests against the running bot, by class: how each is answered.

    .venv/bin/python benchmarks/fuzz.py [--cases 10000] [--seed 15] [--concurrency 8]

The generator is tests/support/fuzz.py (tests/bot/test_fuzz.py runs 2,000 of the same in
CI): deep nesting, huge numbers, random bytes, truncated JSON, non-objects, missing
fields, a wrong JSON type in every declared field, bad timestamps, foreign tenants,
hostile reply addresses, oversized bodies, wrong content types, odd text, odd activity
types, card values of the wrong shape, invoke names the bot does not handle,
Action.Execute values that are not ours, and (against a second bot with an app id and a
local key server) bad and good tokens. Both bots are the real app over HTTP on
loopback (SQLite in a temporary folder, the demo knowledge base, replies to a connector
fake); each case's answer is checked against its class's documented statuses. Exit
status 1 if any answer was a 5xx or not its class's.

Measured 2026-12-08 (on 112cdd3 plus this script), 2 cores, 10,000 cases, seed 15,
concurrency 8: 21.4 s (467 requests/s), 0 x 5xx, 0 answers outside their class:

  class                     cases  expected   got
  Action.Execute not ours     391  200        200: 391
  bad timestamp               291  400        400: 291
  bad token                   697  401        401: 697
  card value                  452  201        201: 452
  content type                476  415        415: 476
  deep nesting                766  400        400: 766
  empty body                  103  400        400: 103
  foreign tenant              381  403        403: 381
  huge number                 743  400        400: 743
  missing field               549  400        400: 549
  not an object               353  400        400: 353
  odd activity type           407  201        201: 407
  odd text                    555  201        201: 555
  random bytes                546  400        400: 546
  reply address               430  403        403: 430
  too large                   279  413        413: 279
  truncated JSON              561  400        400: 561
  unhandled invoke            545  200/412    200: 519, 412: 26
  valid token                 168  201        201: 168
  wrong type                 1307  400        400: 1307

For comparison, issue 15's probe of main (27c2596, its own fuzzer) found 500s for nesting
past about 990 levels, numbers past 4,300 digits and Action.Execute values that are not
the bot's, and 501 for every invoke name the bot does not handle.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project and its test support

import jwt  # noqa: E402
from botframework.connector.auth import MicrosoftAppCredentials  # noqa: E402

from tests.support.activities import TENANT  # noqa: E402
from tests.support.bot import running_bot  # noqa: E402
from tests.support.connector import running_connector  # noqa: E402
from tests.support.fuzz import Fuzzer, expected_by_class, fuzzed_settings, run  # noqa: E402
from tests.support.tokens import key_server  # noqa: E402


def _offline_outbound_token() -> None:
    """The secured bot's replies carry a token made here (no Entra ID offline)."""
    token = jwt.encode({"exp": int(time.time()) + 24 * 3600}, "k" * 64, algorithm="HS256")
    MicrosoftAppCredentials.get_access_token = lambda _self, *_args, **_kw: token  # type: ignore[method-assign]


async def _main(cases: int, seed: int, concurrency: int) -> int:
    _offline_outbound_token()
    with key_server() as keys, tempfile.TemporaryDirectory() as folder:
        async with running_connector() as connector:
            made = list(Fuzzer(seed, connector.url, TENANT, token=keys.token).cases(cases))
            async with (
                running_bot(fuzzed_settings(Path(folder), connector, None)) as anonymous,
                running_bot(fuzzed_settings(Path(folder), connector, keys)) as secured,
            ):
                started = time.perf_counter()
                tally = await run(
                    made,
                    str(anonymous.make_url("/api/messages")),
                    str(secured.make_url("/api/messages")),
                    concurrency,
                )
                wall = time.perf_counter() - started
    print(tally.table(expected_by_class(made)))
    print(f"{cases} cases in {wall:.1f} s ({cases / wall:.0f}/s), seed {seed}")
    for case, status in tally.unexpected[:20]:
        print(f"  unexpected {status} for {case.kind}: {case.body[:120]!r}")
    return 1 if tally.server_errors or tally.unexpected else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--concurrency", type=int, default=8)
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)  # refusals log a line each; not the point
    sys.exit(asyncio.run(_main(arguments.cases, arguments.seed, arguments.concurrency)))


if __name__ == "__main__":
    main()
