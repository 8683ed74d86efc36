"""Three ways to rank passages, compared on the same features: quality and speed.

    .venv/bin/python benchmarks/passage_engines.py [--sections 100000] [--queries 300]
    (the seeds are read from ../shared/seeds, or from $KLYNGEBOT_SEEDS)
    (bm25s is measured when installed: .venv/bin/pip install bm25s)

Every engine indexes the same features (`knowledge.text.features`: the normaliser's terms,
the heading path counted three times, the title once, and each term's character 4-grams)
and is asked the same terms (`knowledge.text.query`):

- **own**: `knowledge.text.index.PassageIndex` (numpy BM25 postings; subject terms weigh
  twice the asking words, a term's grams together as much as the term, unknown terms
  expanded through the vocabulary: typos, compound parts);
- **bm25s**: two `bm25s.BM25` indexes (terms, grams) summed, the asking words weighed by
  listing subject terms twice, grams scaled by the mean grams per term; no vocabulary;
- **fts5**: SQLite FTS5 in memory, one row per passage with columns for heading terms,
  body terms and grams, ranked by `bm25()` with column weights 3, 1 and 0.25, the query
  an OR of every term and gram.

Quality: the labelled questions about the seeds (tests/knowledge/text/labelled.py; the
seeds split by our own splitter): share with the right section first and in the top 3.
Speed: build time, peak memory (each engine in its own process, over the memory the
generated corpus already takes) and search p50/p99 over generated sections
(`benchmarks/passage_corpus.py`).

Measured on this machine (2 cores shared with other developers' runs, so times vary by
up to 2x between runs), 100,000 sections, 300 queries, 63 labelled questions:

    engine   top-1  top-3  build s  memory MiB  p50 ms  p99 ms
    own         58     60     24.4         711    2.39   10.62
    bm25s       58     60     78.0        1848    2.55    7.23
    fts5        56     60     37.1         624  275.09 1104.28

Quality is the features' (all three agree within two questions); FTS5 cannot weigh query
terms and an OR of some forty grams costs it a quarter of a second. bm25s sums as fast as
our own (its p99 here returns row ids only; ours also scores every hit's confidence and
builds the hits) but takes three times as long to build and 2.6 times the memory, and
exposes no postings to ask "does passage p hold term t" for the confidence.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Protocol

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project and its test support

from benchmarks.passage_corpus import generate, questions  # noqa: E402
from knowledge.text.features import HEADING, TITLE, grams  # noqa: E402
from knowledge.text.index import PassageIndex  # noqa: E402
from knowledge.text.passages import Passage  # noqa: E402
from knowledge.text.query import Query, read_query  # noqa: E402
from knowledge.understanding.normalise import loose, text_terms  # noqa: E402
from tests.knowledge.text.labelled import LABELLED  # noqa: E402
from tests.knowledge.text.sections import passages_of  # noqa: E402

SEEDS = Path(os.environ.get("KLYNGEBOT_SEEDS", ROOT.parent / "shared" / "seeds"))
ENGINES = ("own", "bm25s", "fts5")
GRAM_COLUMN = 0.25


class Engine(Protocol):
    def search(self, query: Query, limit: int) -> list[int]: ...


class Own:
    def __init__(self, passages: list[Passage]) -> None:
        self.index = PassageIndex.build(passages)

    def search(self, query: Query, limit: int) -> list[int]:
        return [hit.passage.id for hit in self.index.search(query, limit=limit)]


def _tokens(passage: Passage, heading: int = HEADING) -> tuple[list[str], list[str], list[str]]:
    """Heading terms (repeated `heading` times, the title `TITLE` times), body terms, grams."""
    head = text_terms(" ".join(passage.path)) * heading + text_terms(passage.title) * TITLE
    body = text_terms(passage.text)
    return head, body, [gram for term in head + body for gram in grams(term)]


def _query_tokens(query: Query) -> tuple[list[str], list[str]]:
    words = [t.term for t in query.terms for _ in range(2 if t.subject else 1)]
    return words, [gram for t in query.terms for gram in grams(t.term)]


class Bm25s:
    def __init__(self, passages: list[Passage]) -> None:
        import bm25s

        tokens = [_tokens(passage) for passage in passages]
        self.words, self.grams = bm25s.BM25(k1=1.2, b=0.75), bm25s.BM25(k1=1.2, b=0.75)
        self.words.index([h + b for h, b, _ in tokens], show_progress=False)
        self.grams.index([g for _, _, g in tokens], show_progress=False)
        self.ids = [passage.id for passage in passages]
        counted = [len(grams(t)) for h, b, _ in tokens[:1000] for t in h + b]
        self.per_term = max(statistics.mean(counted or [1]), 1.0)

    def search(self, query: Query, limit: int) -> list[int]:
        words, four_grams = _query_tokens(query)
        words = [w for w in words if w in self.words.vocab_dict]
        four_grams = [g for g in four_grams if g in self.grams.vocab_dict]
        scores = self.words.get_scores(words) if words else 0.0
        if four_grams:
            scores = scores + self.grams.get_scores(four_grams) / self.per_term
        if isinstance(scores, float):
            return []
        best = (
            np.argpartition(-scores, limit)[:limit] if len(scores) > limit else range(len(scores))
        )
        ranked = sorted(best, key=lambda row: -scores[row])
        return [self.ids[row] for row in ranked if scores[row] > 0]


class Fts5:
    def __init__(self, passages: list[Passage]) -> None:
        self.db = sqlite3.connect(":memory:")
        self.db.execute(
            "CREATE VIRTUAL TABLE t USING fts5(head, body, grams, tokenize='unicode61')"
        )
        # the heading once: its column weighs HEADING times in bm25()
        rows = ((p.id, *(" ".join(part) for part in _tokens(p, 1))) for p in passages)
        self.db.executemany("INSERT INTO t(rowid, head, body, grams) VALUES (?, ?, ?, ?)", rows)

    def search(self, query: Query, limit: int) -> list[int]:
        words, four_grams = _query_tokens(query)
        said = dict.fromkeys(f'"{token}"' for token in words + four_grams)
        if not said:
            return []
        rank = f"bm25(t, {HEADING}, 1, {GRAM_COLUMN})"
        sql = f"SELECT rowid FROM t WHERE t MATCH ? ORDER BY {rank} LIMIT ?"
        return [row[0] for row in self.db.execute(sql, (" OR ".join(said), limit))]


def _engine(name: str, passages: list[Passage]) -> Engine:
    return {"own": Own, "bm25s": Bm25s, "fts5": Fts5}[name](passages)


def _seed_passages() -> list[Passage]:
    found: list[Passage] = []
    for path in sorted(SEEDS.glob("0*.txt")):
        found += passages_of(path, len(found))
    return found


def _right(passage: Passage, document: str, headings: tuple[str, ...]) -> bool:
    path = loose(" ".join(passage.path))
    return passage.document.startswith(document) and any(loose(h) in path for h in headings)


def quality(name: str) -> tuple[int, int]:
    passages = _seed_passages()
    by_id = {passage.id: passage for passage in passages}
    engine = _engine(name, passages)
    first = top3 = 0
    for labelled in LABELLED:
        found = engine.search(read_query(labelled.question), 3)
        right = [_right(by_id[i], labelled.document, labelled.headings) for i in found]
        first += bool(right and right[0])
        top3 += any(right)
    return first, top3


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def speed(name: str, sections: int, count: int) -> dict[str, float]:
    passages = generate(sections)
    before = _peak_mib()
    started = time.perf_counter()
    engine = _engine(name, passages)
    built = time.perf_counter() - started
    memory = _peak_mib() - before
    asked = [read_query(text) for text in questions(count)]
    times = []
    for query in asked:
        started = time.perf_counter()
        engine.search(query, 10)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    return {"build": built, "memory": memory, "p50": statistics.median(times), "p99": p99}


def child(name: str, sections: int, count: int) -> None:
    first, top3 = quality(name) if SEEDS.is_dir() else (-1, -1)
    print(json.dumps({"top1": first, "top3": top3, **speed(name, sections, count)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sections", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--engine", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        child(args.engine, args.sections, args.queries)
        return
    if not SEEDS.is_dir():
        print(f"{SEEDS} is absent: quality is not measured, only speed")
    print(f"{len(LABELLED)} labelled questions; {args.sections} sections, {args.queries} queries")
    print(f"{'engine':7}{'top-1':>7}{'top-3':>7}{'build s':>9}{'memory MiB':>12}", end="")
    print(f"{'p50 ms':>8}{'p99 ms':>8}")
    for name in ENGINES:
        result = _run(name, args.sections, args.queries)
        if result is None:
            print(f"{name:7} not measured (is it installed?)")
            continue
        print(
            f"{name:7}{result['top1']:>7}{result['top3']:>7}{result['build']:>9.1f}"
            f"{result['memory']:>12.0f}{result['p50']:>8.2f}{result['p99']:>8.2f}"
        )


def _run(name: str, sections: int, count: int) -> dict[str, Any] | None:
    command = [sys.executable, __file__, "--engine", name, "--sections", str(sections)]
    done = subprocess.run([*command, "--queries", str(count)], capture_output=True, text=True)
    if done.returncode:
        print(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


if __name__ == "__main__":
    main()
