"""Passage search at scale: index build time and peak memory, search and quote latency.

    .venv/bin/python benchmarks/passages.py [--sections 100000] [--queries 300]
    (the seed check reads ../shared/seeds, or $KLYNGEBOT_SEEDS)

Builds `knowledge.text.index.PassageIndex` over generated sections
(`benchmarks/passage_corpus.py`: Danish-looking minutes and status reports, compound
subjects, a Zipf-drawn filler vocabulary) and reports:
- build time, and peak resident memory before and after the build (the generated
  corpus itself is in the first figure);
- search p50/p99 (10 hits) over the generated questions (whole, split and misspelt
  compounds, roles, amounts, and a question about nothing in the corpus);
- `best_quote` p50/p99 over the top 3 hits of each question (sentences split, kinds
  checked);
- with the seeds present: the seeds split by our own splitter
  (tests/knowledge/text/sections.py), and how many of our labelled questions
  (tests/knowledge/text/labelled.py) have the right section first and in the top 3.

The goal (issue 14): search p99 under 20 ms at 100,000 sections.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project and its test support

from benchmarks.passage_corpus import generate, questions  # noqa: E402
from knowledge.text.index import PassageIndex  # noqa: E402
from knowledge.text.passages import Passage  # noqa: E402
from knowledge.text.query import read_query  # noqa: E402
from knowledge.text.quotes import best_quote  # noqa: E402
from knowledge.understanding.normalise import loose  # noqa: E402
from tests.knowledge.text.labelled import LABELLED  # noqa: E402
from tests.knowledge.text.sections import passages_of  # noqa: E402

SEEDS = Path(os.environ.get("KLYNGEBOT_SEEDS", ROOT.parent / "shared" / "seeds"))


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def percentiles(times: list[float]) -> str:
    ordered = sorted(times)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return f"p50 {statistics.median(ordered):6.2f} ms   p99 {p99:6.2f} ms"


def timed(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def at_scale(sections: int, count: int) -> None:
    passages = generate(sections)
    gc.collect()
    before = peak_mib()
    started = time.perf_counter()
    index = PassageIndex.build(passages)
    built = time.perf_counter() - started
    print(f"sections          {len(index):,}")
    print(f"build             {built:.1f} s")
    print(f"peak RSS (MiB)    {before:.0f} with the corpus, {peak_mib():.0f} after the build")
    asked = [read_query(text) for text in questions(count)]
    index.search(asked[0])  # warm the caches once, as a running bot has them
    searches = [timed(lambda q=q: index.search(q, limit=10)) for q in asked]
    hits = [index.search(q, limit=3) for q in asked]
    quotes = [
        timed(lambda h=h, q=q: best_quote(h, q.kind)) for h, q in zip(hits, asked, strict=True)
    ]
    print(f"search ({count})      {percentiles(searches)}")
    print(f"best_quote        {percentiles(quotes)}")


def _right(passage: Passage, document: str, headings: tuple[str, ...]) -> bool:
    path = loose(" ".join(passage.path))
    return passage.document.startswith(document) and any(loose(h) in path for h in headings)


def on_seeds() -> None:
    if not SEEDS.is_dir():
        print(f"seeds: {SEEDS} is absent, not measured")
        return
    passages: list[Passage] = []
    for path in sorted(SEEDS.glob("0*.txt")):
        passages += passages_of(path, len(passages))
    index = PassageIndex.build(passages)
    first = top3 = 0
    for labelled in LABELLED:
        hits = index.search(labelled.question, limit=3)
        right = [_right(hit.passage, labelled.document, labelled.headings) for hit in hits]
        first += bool(right and right[0])
        top3 += any(right)
    print(f"seeds             {len(passages)} sections; of {len(LABELLED)} labelled questions")
    print(f"                  {first} right first, {top3} in the top 3")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    on_seeds()
    at_scale(args.sections, args.queries)


if __name__ == "__main__":
    main()
