"""Question latency at 1,000, 10,000 and 100,000 items: p50/p99 per size, index build time.

    .venv/bin/python benchmarks/query_latency.py [--sizes 1000 10000 100000]
                                                  [--database-url URL] [--questions 300]

For each size a fresh knowledge base is filled with generated items: Danish-looking titles
made of a kind ("Samarbejdsaftale om", "Projekt"), a compound subject
("demensforløb", "sårplejeteam") and often a place or a group, with one to three status
entries, parties, areas, the odd budget and acronym, and one meeting (with agenda and
decisions) per 20 items. Rows are inserted directly with SQLAlchemy Core `insert`
executemany, not through `KnowledgeService.restore`: restoring validates the whole export
against its JSON schema, which at 100,000 items takes longer than the benchmark itself.

The questions are a fixed mix (seeded): exact titles, short forms, typos, questions about
nothing in the knowledge base, next meetings, meetings in a period, lists, decisions and
changes. Each is asked once through `KnowledgeService.ask`, end to end: the generation
check, the in-memory index and the database reads an answer needs. The first question
builds the index; its time is reported separately as the build time.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import tempfile
import time
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.core.models import Item, Meeting, StatusEntry
from knowledge.core.names import item_slug, meeting_slug
from knowledge.documents import exchange
from knowledge.service import KnowledgeService

TODAY = date(2024, 3, 1)
KINDS = (
    ("agreement", "samarbejdsaftale", "Samarbejdsaftale om"),
    ("agreement", "rammeaftale", "Rammeaftale om"),
    ("agreement", "partnerskab", "Partnerskab om"),
    ("agreement", "hensigtserklæring", "Hensigtserklæring om"),
    ("initiative", "projekt", "Projekt"),
    ("initiative", "initiativ", "Initiativ om"),
    ("initiative", "handleplan", "Handleplan for"),
    ("initiative", "forløbsprogram", "Forløbsprogram for"),
    ("initiative", "arbejdsgruppe", "Arbejdsgruppe om"),
    ("initiative", "kampagne", "Kampagne om"),
)
HEADS = (
    "sundheds", "hjemme", "genoptrænings", "rehabiliterings", "forebyggelses", "medicin",
    "demens", "diabetes", "kræft", "hjerte", "lunge", "psykiatri", "misbrugs", "børne",
    "ungdoms", "ældre", "akut", "udskrivnings", "indlæggelses", "sår", "fod", "tand",
    "syns", "høre", "ernærings", "rygestop", "alkohol", "smerte", "søvn", "mobilitets",
    "fald", "palliations", "tele", "video", "data", "kommunikations", "kompetence",
    "vaccinations", "graviditets", "fødsels", "skole", "trivsels", "stomi", "astma",
    "gigt", "epilepsi", "hjerneskade", "overvægts", "ensomheds", "boligsociale",
)  # fmt: skip
TAILS = (
    "indsats", "forløb", "program", "ordning", "model", "pakke", "team", "tilbud",
    "koordinering", "visitation", "plan", "netværk", "screening", "opfølgning",
    "behandling", "pleje", "rådgivning", "udredning", "samarbejde", "vejledning",
)  # fmt: skip
GROUPS = (
    "ældre borgere", "børn og unge", "gravide", "borgere med KOL", "sårbare familier",
    "borgere med demens", "nyudskrevne patienter", "borgere i eget hjem", "unge voksne",
    "borgere med diabetes", "pårørende", "hjemløse", "borgere med kroniske smerter",
)  # fmt: skip
PLACES = (
    "Viborg", "Skive", "Silkeborg", "Randers", "Favrskov", "Syddjurs", "Norddjurs",
    "Holstebro", "Herning", "Aabenraa", "Tønder", "Sønderborg", "Haderslev", "Aarhus",
    "Horsens", "Vejle", "Kolding", "Esbjerg", "Odense", "Svendborg", "Aalborg", "Hjørring",
    "Thisted", "Roskilde", "Holbæk", "Næstved", "Slagelse", "Hillerød", "Helsingør",
    "Lemvig", "Struer", "Ikast", "Brande", "Hedensted", "Billund", "Varde", "Fanø",
)  # fmt: skip
REGIONS = {
    "Region Midtjylland": ("Midtklyngen", "Randersklyngen", "Aarhusklyngen", "Vestklyngen"),
    "Region Syddanmark": ("Sundhedsklynge Sønderjylland", "Sydvestklyngen", "Fynsklyngen"),
    "Region Nordjylland": ("Aalborgklyngen", "Himmerlandsklyngen"),
    "Region Sjælland": ("Sjællandsklyngen Syd", "Roskildeklyngen"),
    "Region Hovedstaden": ("Nordsjællandsklyngen", "Byklyngen"),
}
BODIES = ("Klyngestyregruppen", "Politisk klynge", "Temagruppe for ældre", "Koordineringsforum")
CATEGORIES = ("planned", "in_progress", "implemented", "completed", "paused", "discontinued")
MISSES = (
    "hvad er vejret i morgen", "who won the football match", "opskrift på æblekage",
    "hvornår åbner svømmehallen", "hvad koster en pizza", "kan du anbefale en film",
    "hvem vandt Tour de France", "hvordan laver man kaffe", "what time is it in Tokyo",
    "status på månelandingen", "hvad blev besluttet om fodbold", "bedste restaurant i Aarhus",
)  # fmt: skip


def _compound(rng: random.Random) -> str:
    return rng.choice(HEADS) + rng.choice(TAILS)


def _title(rng: random.Random) -> tuple[str, str, str, str]:
    """(type, kind, title, the compound subject)."""
    item_type, kind, lead = rng.choice(KINDS)
    subject = _compound(rng)
    shape = rng.random()
    if shape < 0.35:
        title = f"{lead} {subject}"
    elif shape < 0.65:
        title = f"{lead} {subject} i {rng.choice(PLACES)}"
    elif shape < 0.9:
        title = f"{lead} {subject} for {rng.choice(GROUPS)}"
    else:
        title = f"{subject.capitalize()} på tværs i {rng.choice(PLACES)}"
    if rng.random() < 0.05:
        title += f" ({''.join(rng.choice('ABDEFGHKLMPRSTV') for _ in range(4))})"
    return item_type, kind, title, subject


def _place(rng: random.Random) -> tuple[str, str | None]:
    region = rng.choice(list(REGIONS))
    cluster = rng.choice(REGIONS[region]) if rng.random() < 0.6 else None
    return region, cluster


def generate_items(count: int, rng: random.Random) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    slugs: set[str] = set()
    while len(items) < count:
        item_type, kind, title, subject = _title(rng)
        region, cluster = _place(rng)
        slug = item_slug(title, region)
        if slug in slugs:
            continue
        slugs.add(slug)
        items.append(
            {
                "id": len(items) + 1,
                "slug": slug,
                "type": item_type,
                "kind": kind,
                "title": title,
                "subject": subject,
                "area": f"Område for {rng.choice(HEADS)}indsatser",
                "region": region,
                "cluster": cluster,
                "parties": [region, f"{rng.choice(PLACES)} Kommune"],
                "budget": [{"amount_dkk": rng.randint(1, 50) * 50_000, "year": 2024}]
                if rng.random() < 0.2
                else [],
            }
        )
    return items


def _status_rows(items: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    now = datetime(2024, 3, 1, tzinfo=UTC)
    rows = []
    for item in items:
        day = date(2019, 1, 1) + timedelta(days=rng.randint(0, 1800))
        for step in range(rng.randint(0, 3)):
            rows.append(
                {
                    "id": len(rows) + 1,
                    "item_id": item["id"],
                    "category": rng.choice(CATEGORIES),
                    "text": "Arbejdet er i gang.",
                    "valid_from": day + timedelta(days=120 * step),
                    "valid_from_precision": "day",
                    "author": "Statusrapport",
                    "recorded_at": now,
                    "fingerprint": f"{item['id']}-{step}",
                }
            )
    return rows


def _meeting_rows(items: list[dict[str, Any]], rng: random.Random) -> list[dict[str, Any]]:
    rows, slugs = [], set()
    for n in range(max(10, len(items) // 20)):
        region = rng.choice(list(REGIONS))
        cluster = rng.choice(REGIONS[region])
        body = f"{rng.choice(BODIES)} {cluster}"
        day = date(2022, 1, 1) + timedelta(days=rng.randint(0, 1100))
        slug = meeting_slug(body, day.isoformat())
        if slug in slugs:
            continue
        slugs.add(slug)
        subjects = [rng.choice(items)["subject"] for _ in range(rng.randint(3, 8))]
        agenda = [
            {"number": str(k + 1), "title": f"Drøftelse af {s}", "decision": f"{s} godkendt."}
            for k, s in enumerate(subjects)
        ]
        rows.append(
            {
                "id": n + 1,
                "slug": slug,
                "body": body,
                "region": region,
                "cluster": cluster,
                "date": day,
                "date_precision": "day",
                "place": None,
                "state": "held" if day < TODAY else "planned",
                "agenda": agenda,
                "sources": [],
            }
        )
    return rows


async def fill(engine: Any, items: list[dict[str, Any]]) -> None:
    """Empty the database (a given PostgreSQL one is reused per size), then insert."""
    async with session_factory(engine)() as session, session.begin():
        await exchange.clear(session)
    rng = random.Random(len(items))
    item_rows = [
        {key: value for key, value in item.items() if key != "subject"}
        | {"aliases": [], "sources": []}
        for item in items
    ]
    async with engine.begin() as connection:
        for start in range(0, len(item_rows), 5000):
            await connection.execute(insert(Item), item_rows[start : start + 5000])
        statuses = _status_rows(items, rng)
        for start in range(0, len(statuses), 5000):
            await connection.execute(insert(StatusEntry), statuses[start : start + 5000])
        await connection.execute(insert(Meeting), _meeting_rows(items, rng))


def _typo(text: str, rng: random.Random) -> str:
    letters = list(text)
    for _ in range(rng.choice((1, 1, 2))):
        at = rng.randrange(len(letters))
        action = rng.choice(("drop", "swap", "replace"))
        if action == "drop" and len(letters) > 4:
            del letters[at]
        elif action == "swap" and at + 1 < len(letters):
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
        else:
            letters[at] = rng.choice("aeiouklmnrst")
    return "".join(letters)


def questions(items: list[dict[str, Any]], count: int, seed: int) -> list[tuple[str, str]]:
    """(kind of question, question), a fixed mix."""
    rng = random.Random(seed)
    clusters = [cluster for group in REGIONS.values() for cluster in group]
    makers = (
        ("exact", lambda: f"status på {rng.choice(items)['title']}"),
        ("exact", lambda: f"hvem er parter i {rng.choice(items)['title']}"),
        ("short", lambda: f"hvordan går det med {rng.choice(items)['subject']}"),
        ("typo", lambda: f"status på {_typo(rng.choice(items)['title'], rng)}"),
        ("typo", lambda: f"status på {_typo(rng.choice(items)['subject'], rng)}"),
        ("miss", lambda: rng.choice(MISSES)),
        ("meeting", lambda: f"næste møde i {rng.choice(clusters)}"),
        ("meeting", lambda: rng.choice(("møder i april 2024", "møder i denne måned"))),
        ("list", lambda: f"hvilke aftaler er implementeret i {rng.choice(clusters)}"),
        ("decision", lambda: f"hvad blev besluttet om {rng.choice(items)['subject']}"),
        ("changes", lambda: "hvad er ændret siden 1. februar 2024"),
    )
    weights = (20, 8, 12, 16, 10, 14, 6, 3, 5, 4, 2)
    return [(kind, make()) for kind, make in rng.choices(makers, weights, k=count)]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def measure(size: int, database_url: str | None, count: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(database_url or f"sqlite:///{Path(tmp) / 'bench.db'}")
        await migrate(engine)
        service = KnowledgeService(session_factory(engine), Clock(TODAY))
        items = generate_items(size, random.Random(size))
        await fill(engine, items)
        started = time.perf_counter()
        await service.ask("hjælp")  # builds the index
        build = time.perf_counter() - started
        asked = questions(items, count, seed=size + 1)
        timings: list[float] = []
        outcomes: Counter[str] = Counter()
        for kind, question in asked:
            started = time.perf_counter()
            answer = await service.ask(question)
            timings.append((time.perf_counter() - started) * 1000)
            outcomes[f"{kind}:{type(answer).__name__}"] += 1
        name = engine.dialect.name
        await engine.dispose()
    return {
        "size": size,
        "database": name,
        "build": build,
        "p50": statistics.median(timings),
        "p99": percentile(timings, 0.99),
        "max": max(timings),
        "rss": rss_mib(),
        "outcomes": outcomes,
    }


def report(results: list[dict[str, Any]], verbose: bool) -> None:
    print(f"{'items':>8} {'database':>10} {'build s':>8} {'p50 ms':>7} {'p99 ms':>7} {'max ms':>7}")
    for r in results:
        print(
            f"{r['size']:>8,} {r['database']:>10} {r['build']:>8.2f} {r['p50']:>7.1f}"
            f" {r['p99']:>7.1f} {r['max']:>7.1f}"
        )
    print(f"peak RSS of the process: {results[-1]['rss']:.0f} MiB")
    if verbose:
        for r in results:
            print(r["size"], dict(sorted(r["outcomes"].items())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--database-url", help="default: a SQLite file in a temporary folder")
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--verbose", action="store_true", help="answer types per question kind")
    args = parser.parse_args()

    async def run() -> list[dict[str, Any]]:
        return [await measure(size, args.database_url, args.questions) for size in args.sizes]

    report(asyncio.run(run()), args.verbose)


if __name__ == "__main__":
    main()
