"""How long reading one message takes: `knowledge.understanding.reading.read`, p50 and p99.

    .venv/bin/python benchmarks/reading.py [--kb demo|seeds] [--rounds 5]

The messages are the dev set's questions (../shared/devset/questions.jsonl, read at run
time, never copied here) when it is there, and a mix of our own (questions, commands,
dialog answers in Danish and English). The name index is the knowledge base's: the demo
export restored, or the five seeds imported, into a fresh SQLite file; reading is timed
with it (entity mentions included), as the answer engine reads a question. Each message
is read once to warm the caches the way a running bot has them, then `--rounds` times.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import app  # noqa: E402
from knowledge.answers.cache import load  # noqa: E402
from knowledge.core.db import create_engine, session_factory  # noqa: E402
from knowledge.service import DEMO_FILE  # noqa: E402
from knowledge.understanding.index import NameIndex  # noqa: E402
from knowledge.understanding.reading import read  # noqa: E402

TODAY = date(2024, 3, 1)
DEVSET = ROOT.parent / "shared" / "devset" / "questions.jsonl"
SEEDS = ROOT.parent / "shared" / "seeds"
OURS = (
    "hvordan står det til med aftalen om rygestop?",
    "hvornår træder aftalen om amning i kraft",
    "næste møde i klyngestyregruppen i Midtklyngen",
    "who chairs the steering group in Randersklyngen?",
    "what is the budget for the telemedicine project in 2024",
    "hvilke af projekterne i Syddanmark står stille for tiden",
    "hvad er ændret siden 1. januar 2024",
    "sæt kom trygt hjem til implementeret: kører nu i alle fire kommuner",
    "abonner på møderne i Midtklyngen",
    "send mig ikke flere beskeder om møderne",
    "ja, gem den",
    "nej, lad være",
    "forget it",
    "den sidste af dem",
    "the second one please",
    "mange tak for svaret!",
    "godmorgen",
    "KSG Midtklyngen",
    "kan jeg få møderne ind i min outlook-kalender?",
    "is the palliative care agreement still running?",
)


def filled(kb: str, folder: Path) -> str:
    """A fresh SQLite file with the demo export restored, or the seeds imported."""
    url = f"sqlite+aiosqlite:///{folder / 'kb.db'}"
    files = sorted(str(path) for path in SEEDS.glob("*.txt")) if kb == "seeds" else []
    code = app.main(["import", *(files or [str(DEMO_FILE)])], environ={"DATABASE_URL": url})
    if code != 0:
        sys.exit(f"filling the knowledge base failed ({code})")
    return url


async def name_index(url: str) -> NameIndex:
    engine = create_engine(url)
    async with session_factory(engine)() as session:
        snapshot = await load(session)
    await engine.dispose()
    return snapshot.names


def messages() -> list[str]:
    ours = list(OURS)
    if not DEVSET.is_file():
        print(f"(dev set not found at {DEVSET}: our own messages only)")
        return ours
    lines = DEVSET.read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["q"] for line in lines if line.strip()] + ours


def timed(texts: list[str], names: NameIndex | None, rounds: int) -> list[float]:
    for text in texts:
        read(text, today=TODAY, names=names)
    found: list[float] = []
    for _ in range(rounds):
        for text in texts:
            started = time.perf_counter()
            read(text, today=TODAY, names=names)
            found.append((time.perf_counter() - started) * 1000)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", choices=("demo", "seeds"), default="demo")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        names = asyncio.run(name_index(filled(args.kb, Path(folder))))
    texts = messages()
    print(f"read(): {len(texts)} messages x {args.rounds} rounds, name index of {args.kb}")
    for label, index in (("with the name index", names), ("without a name index", None)):
        found = sorted(timed(texts, index, args.rounds))
        p99 = found[min(len(found) - 1, int(len(found) * 0.99))]
        median = statistics.median(found)
        print(f"{label:>22}: p50 {median:.3f} ms  p99 {p99:.3f} ms  max {found[-1]:.3f} ms")


if __name__ == "__main__":
    main()
