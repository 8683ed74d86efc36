"""Import a generated corpus and print how long it took and how much memory it used.

    .venv/bin/python benchmarks/import_corpus.py --items 10000 [--database-url URL]

The corpus is written in two of the shapes Klyngebot reads (status reports and initiative
tables), split over documents of a few hundred items each, with made-up titles. It is
imported in one `import_documents` call (one transaction), as `python app.py import`
would. Figures: wall-clock seconds for parsing+import, items per second, and the
process's peak resident memory before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.service import KnowledgeService

TOPICS = (
    "fodpleje",
    "tandpleje",
    "hjemmepleje",
    "genoptræning",
    "demens",
    "diabetes",
    "KOL",
    "hjertesvigt",
    "sårbehandling",
    "ernæring",
    "medicinhåndtering",
    "rehabilitering",
    "palliation",
    "forebyggelse",
    "rusmidler",
    "ensomhed",
    "søvn",
    "mobilitet",
    "faldulykker",
    "synstab",
    "hørelse",
    "astma",
    "overvægt",
    "graviditet",
    "fødsel",
    "skolesundhed",
)
PLACES = (
    "Viborg",
    "Skive",
    "Silkeborg",
    "Randers",
    "Favrskov",
    "Syddjurs",
    "Norddjurs",
    "Holstebro",
    "Herning",
    "Aabenraa",
    "Tønder",
    "Sønderborg",
    "Haderslev",
)
STATUSES = (
    "Aftalen er implementeret i {year}.",
    "Arbejdet pågår stadig.",
    "Projektet blev afsluttet i {year}.",
    "Indsatsen er sat på pause.",
    "Initiativet blev nedlagt ultimo {year}.",
    "Aftalen træder i kraft den 1. maj {year}.",
)


def _title(n: int, rng: random.Random) -> str:
    return f"{rng.choice(TOPICS)} i {rng.choice(PLACES)} nr. {n}"


def status_report(doc: int, first: int, count: int, rng: random.Random) -> str:
    lines = [
        "Slutstatus",
        "",
        f"Sundhedsaftalen benchmark {doc}",
        "",
        "Region Midtjylland, kommunerne og almen praksis",
        "",
    ]
    for n in range(first, first + count):
        if (n - first) % 50 == 0:
            area = f"Område {(n - first) // 50 + 1}"
            lines += [f"Kort status på samarbejdsaftaler og igangsatte initiativer - {area}", ""]
        status = rng.choice(STATUSES).format(year=rng.randint(2019, 2023))
        lines += [
            f"Samarbejdsaftale om {_title(n, rng)}",
            "",
            "Hvad: En fælles aftale mellem kommuner, region og almen praksis om et forløb.",
            "",
            "Betydning for borgerne: Borgerne oplever et mere sammenhængende forløb.",
            "",
            f"Status: {status}",
            "",
        ]
    return "\n".join(lines)


def initiative_table(doc: int, first: int, count: int, rng: random.Random) -> str:
    rows = [
        f"Udvalgte initiativer og samarbejder i Midtklyngen, november 2022 ({doc})",
        "",
        "Fælles initiativer\t\t",
        "Titel\tFormål og indhold\tStatus",
    ]
    for n in range(first, first + count):
        rows.append(
            f"Projekt om {_title(n, rng)}\t<p>Projektet afprøver en ny måde at samarbejde på.</p>"
            f"\t{rng.choice(('I drift', 'Projektet afsluttes i 2024.', 'Under implementering.'))}"
        )
    return "\n".join(rows) + "\n"


def write_corpus(folder: Path, items: int, per_document: int, seed: int) -> list[Path]:
    rng = random.Random(seed)
    paths, first, doc = [], 0, 0
    while first < items:
        count = min(per_document, items - first)
        shape = status_report if doc % 2 == 0 else initiative_table
        path = folder / f"corpus_{doc:03d}.txt"
        path.write_text(shape(doc, first, count, rng), encoding="utf-8")
        paths.append(path)
        first, doc = first + count, doc + 1
    return paths


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def run(items: int, per_document: int, database_url: str | None, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_corpus(folder, items, per_document, seed)
        engine = create_engine(database_url or f"sqlite:///{folder / 'bench.db'}")
        await migrate(engine)
        service = KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1)))
        before = peak_rss_mib()
        started = time.perf_counter()
        reports = await service.import_documents(paths)
        seconds = time.perf_counter() - started
        added = sum(1 for r in reports for c in r.changes if c.action == "add item")
        await engine.dispose()
    print(f"database          {engine.dialect.name}")
    print(f"documents         {len(paths)} ({per_document} items each)")
    print(f"items imported    {added} of {items}")
    print(f"seconds           {seconds:.2f}")
    print(f"items per second  {added / seconds:,.0f}")
    print(f"peak RSS (MiB)    {before:.0f} before import, {peak_rss_mib():.0f} after")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--per-document", type=int, default=500)
    parser.add_argument("--database-url", help="default: a SQLite file in a temporary folder")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    asyncio.run(run(args.items, args.per_document, args.database_url, args.seed))


if __name__ == "__main__":
    main()
