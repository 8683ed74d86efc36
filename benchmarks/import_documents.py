"""Import 1,000 generated documents of mixed formats, then 100,000 sections stored and read
back as a passage index would, and print the figures.

    .venv/bin/python benchmarks/import_documents.py [--documents 1000] [--sections 100000]
        [--database-url URL] [--part import|store|read|all]

Documents come from our own templates (status reports, minutes, a body's page), rendered
as .txt and .md, and as .html, .docx and .pdf when `knowledge.documents.formats` is
importable (the .docx needs python-docx, the .pdf reportlab); the output says which
formats ran. Each file is read (bytes to text: `formats.read_file`, else UTF-8), parsed
by `read_document` and imported through `KnowledgeService.apply_parsed` one transaction
per file, as `python app.py import` does. `read_document` is a trivial reader (headings
split sections; items, statuses, key dates, meetings, agendas and members are read from
the templates' fixed wording) until the general reader lands: switching is one line,
marked READER below.

Parts, each in a process of its own so peak memory is its own:
- import: documents/s overall and per format, CPU seconds (documents per CPU second is
  per core: the import is one thread plus aiosqlite's), peak RSS and traced peak;
- store: 100,000 sections (documents of 100 sections, no records) through the importer;
- read: a fresh process streams every section (`KnowledgeService.passages`, one query)
  into a word -> section postings index, as a passage index would at start.
With --database-url (PostgreSQL) each part gets a database of its own, dropped after.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import html
import multiprocessing
import random
import re
import resource
import tempfile
import time
import tracemalloc
import uuid
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url

from knowledge.core.clock import Clock
from knowledge.core.dates import find_dates
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.core.names import fold
from knowledge.core.periods import Period
from knowledge.core.status import read_status
from knowledge.documents.records import (
    AgendaItem,
    BodyRecord,
    ItemRecord,
    KeyDate,
    MeetingRecord,
    Member,
    ParsedDocument,
    SectionRecord,
    Source,
    StatusRecord,
)
from knowledge.service import KnowledgeService

try:
    from knowledge.documents import formats
except ImportError:  # the formats branch has not landed: text and Markdown only
    formats = None  # type: ignore[assignment]

REGION = "Region Midtjylland"
TOPICS = (
    "fodpleje",
    "demens",
    "KOL",
    "hjertesvigt",
    "sårbehandling",
    "ernæring",
    "rygestop",
    "genoptræning",
    "palliation",
    "diabetes",
    "faldulykker",
    "rusmidler",
    "ensomhed",
)
PLACES = (
    "Viborg",
    "Skive",
    "Silkeborg",
    "Randers",
    "Favrskov",
    "Holstebro",
    "Herning",
    "Lemvig",
)
CLUSTERS = (
    "Nordklyngen",
    "Søklyngen",
    "Hedeklyngen",
    "Fjordklyngen",
    "Bakkeklyngen",
)
PEOPLE = (
    "Anne Holm",
    "Bo Lund",
    "Carla Ravn",
    "Dorte Berg",
    "Erik Dahl",
    "Frida Kjær",
    "Gorm Lind",
    "Hanne Vestergaard",
    "Ib Mose",
    "Jette Krog",
)
ROLES = (
    "formand",
    "næstformand",
    "sekretær",
    "medlem",
    "medlem",
)
MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)
STATUSES = (
    "Aftalen er implementeret i alle kommuner.",
    "Arbejdet er i gang i arbejdsgruppen.",
    "Projektet blev afsluttet med en evaluering.",
    "Indsatsen er sat på pause.",
    "Aftalen er godkendt og træder i kraft til sommer.",
)
FILLER = (
    "Arbejdsgruppen har mødtes fire gange og drøftet, hvordan opgaverne fordeles.",
    "Kommunerne har peget på behovet for fælles materiale til borgerne.",
    "Almen praksis deltager med to repræsentanter, som formidler erfaringerne videre.",
    "Der er udarbejdet et udkast til en fælles beskrivelse af forløbet.",
    "Evalueringen viser, at flere borgere får hjælp tidligere end før.",
    "Sekretariatet samler op på de lokale erfaringer til næste møde.",
)
Block = tuple[str, Any]  # ("title"|"heading"|"subheading"|"paragraph"|"bullets", value)


def _day(rng: random.Random, year: int) -> tuple[date, str]:
    day = date(year, rng.randint(1, 12), rng.randint(1, 28))
    return day, f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def _people(rng: random.Random) -> list[str]:
    names = rng.sample(PEOPLE, 5)
    return [f"{n} ({rng.choice(ROLES)}), {rng.choice(PLACES)} Kommune" for n in names]


def status_report(n: int, rng: random.Random) -> list[Block]:
    cluster, (_, written) = rng.choice(CLUSTERS), _day(rng, 2024)
    blocks: list[Block] = [("title", f"Statusrapport {n} for {cluster}")]
    blocks.append(("paragraph", f"Rapporten samler status på klyngens arbejde pr. {written}."))
    for area in range(1, rng.randint(2, 3) + 1):
        blocks.append(("heading", f"Indsatsområde {area}"))
        for k in range(rng.randint(3, 5)):
            kind = rng.choice(("Samarbejdsaftale om", "Projekt"))
            blocks.append(
                ("subheading", f"{kind} {rng.choice(TOPICS)} i {cluster} nr. {n}-{area}-{k}")
            )
            blocks.append(("paragraph", "Formål: Borgerne skal opleve et sammenhængende forløb."))
            blocks.append(("paragraph", f"Godkendt den {_day(rng, 2023)[1]} i styregruppen."))
            blocks.append(("paragraph", f"Status: {rng.choice(STATUSES)}"))
            blocks.append(("paragraph", " ".join(rng.sample(FILLER, 3))))
    return blocks


def minutes(n: int, rng: random.Random) -> list[Block]:
    cluster, (_, held) = rng.choice(CLUSTERS), _day(rng, 2024)
    body = f"Styregruppen for {cluster}"
    blocks: list[Block] = [("title", f"Referat af møde i {body} den {held}")]
    blocks.append(("paragraph", f"Mødet blev holdt den {held} i {rng.choice(PLACES)}."))
    blocks += [("heading", "Deltagere"), ("bullets", _people(rng))]
    for point in range(1, rng.randint(4, 7) + 1):
        blocks.append(
            ("heading", f"{point}. Orientering om {rng.choice(TOPICS)} (sag {n}-{point})")
        )
        blocks += [
            ("subheading", "Sagsfremstilling"),
            ("paragraph", " ".join(rng.sample(FILLER, 4))),
        ]
        blocks += [
            ("subheading", "Indstilling"),
            ("paragraph", "Det indstilles, at orienteringen tages til efterretning."),
        ]
        blocks += [("subheading", "Beslutning"), ("paragraph", "Indstillingen blev godkendt.")]
    blocks += [
        ("heading", "Næste møde"),
        ("paragraph", f"Næste møde holdes den {_day(rng, 2025)[1]}."),
    ]
    return blocks


def body_page(n: int, rng: random.Random) -> list[Block]:
    cluster = rng.choice(CLUSTERS)
    blocks: list[Block] = [("title", f"Om Styregruppen for {cluster}")]
    blocks.append(
        ("paragraph", f"Styregruppen følger klyngens indsatser (side {n}). " + rng.choice(FILLER))
    )
    blocks += [("heading", "Medlemmer"), ("bullets", _people(rng))]
    plan = [f"Møde den {_day(rng, 2025)[1]}" for _ in range(4)]
    return [*blocks, ("heading", "Mødeplan"), ("bullets", plan)]


TEMPLATES = (status_report, minutes, body_page)


def to_text(blocks: list[Block], markdown: bool) -> str:
    marks = {"title": "# ", "heading": "## ", "subheading": "### "}
    parts = []
    for kind, value in blocks:
        if kind == "bullets":
            parts.append("\n".join(f"- {item}" for item in value))
        else:
            parts.append((marks.get(kind, "") if markdown else "") + value)
    return "\n\n".join(parts) + "\n"


def to_html(blocks: list[Block]) -> bytes:
    tags = {"title": "h1", "heading": "h2", "subheading": "h3", "paragraph": "p"}
    parts = [
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Side</title></head><body>',
        '<nav><a href="/">Forside</a> <a href="/om">Om klyngen</a></nav><main>',
    ]
    for kind, value in blocks:
        if kind == "bullets":
            parts.append("<ul>" + "".join(f"<li>{html.escape(v)}</li>" for v in value) + "</ul>")
        else:
            parts.append(f"<{tags[kind]}>{html.escape(value)}</{tags[kind]}>")
    parts.append("</main><footer>Sundhedsklyngen · Kontakt</footer></body></html>")
    return "\n".join(parts).encode()


def to_docx(blocks: list[Block]) -> bytes:
    import io

    import docx  # python-docx, with the formats branch

    styles = {"title": "Title", "heading": "Heading 1", "subheading": "Heading 2"}
    document = docx.Document()
    for kind, value in blocks:
        for text in value if kind == "bullets" else [value]:
            style = "List Bullet" if kind == "bullets" else styles.get(kind)
            document.add_paragraph(text, style=style)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_pdf(blocks: list[Block]) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    styles = getSampleStyleSheet()
    names = {"title": "Title", "heading": "Heading1", "subheading": "Heading2"}
    story = [
        Paragraph(
            html.escape(("• " if kind == "bullets" else "") + text),
            styles[names.get(kind, "BodyText")],
        )
        for kind, value in blocks
        for text in (value if kind == "bullets" else [value])
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(story)
    return out.getvalue()


def renderers() -> dict[str, Any]:
    """The formats this run can write and read: text and Markdown always; the rest when
    formats.read_file can read them back and a library can write them."""
    found: dict[str, Any] = {
        "txt": lambda b: to_text(b, False).encode(),
        "md": lambda b: to_text(b, True).encode(),
    }
    if formats is None:
        return found
    found["html"] = to_html
    for suffix, writer, module in (("docx", to_docx, "docx"), ("pdf", to_pdf, "reportlab")):
        try:
            __import__(module)
        except ImportError:
            continue
        found[suffix] = writer
    return found


def write_corpus(folder: Path, count: int, seed: int) -> list[Path]:
    rng, writers = random.Random(seed), renderers()
    suffixes = list(writers)
    paths = []
    for n in range(count):
        suffix = suffixes[n % len(suffixes)]
        path = folder / f"doc_{n:04d}.{suffix}"
        path.write_bytes(writers[suffix](TEMPLATES[n % len(TEMPLATES)](n, rng)))
        paths.append(path)
    return paths


# --- the trivial reader: headings make sections; the templates' wording makes records ---

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^(Samarbejdsaftale om|Projekt)\s")
_POINT = re.compile(r"^(\d+)\.\s+(.*)$")
_PERSON = re.compile(r"^(?:[-•*]\s*)?(?P<name>[^(,]+?)\s*\((?P<role>[^)]+)\)(?:,\s*(?P<aff>.+))?$")


SUBHEADINGS = ("Sagsfremstilling", "Indstilling", "Beslutning")


def _heading(line: str, blank_around: bool, first: bool) -> tuple[int, str] | None:
    """(level, title) for a Markdown heading, or in plain text a short line standing alone
    without final punctuation: the first is the title, the templates' items and case
    parts are level 3, the rest level 2."""
    found = _HEADING.match(line)
    if found:
        return len(found.group(1)), found.group(2).strip()
    plain = line.strip()
    if not blank_around or not 0 < len(plain) <= 90 or plain[-1] in ".:,;" or plain[0] in "-•*":
        return None
    if first:
        return 1, plain
    return (3 if plain in SUBHEADINGS or _ITEM.match(plain) else 2), plain


def split_sections(text: str) -> list[SectionRecord]:
    lines = text.splitlines(keepends=True)
    sections: list[SectionRecord] = []
    path: tuple[str, ...] = ()
    start, body, offset = 0, [], 0
    for n, line in enumerate(lines):
        around = (n == 0 or not lines[n - 1].strip()) and (
            n + 1 >= len(lines) or not lines[n + 1].strip()
        )
        heading = _heading(line.rstrip("\n"), around, not sections and not path)
        if heading is not None:
            if body or path:
                sections.append(
                    SectionRecord(path, len(path), "".join(body).strip(), start, offset)
                )
            level, title = heading
            path = (*path[: level - 1], *([""] * max(0, level - 1 - len(path))), title)
            start, body = offset, []
        else:
            body.append(line)
        offset += len(line)
    sections.append(SectionRecord(path, len(path), "".join(body).strip(), start, offset))
    return sections


def read_document(name: str, text: str) -> ParsedDocument:
    """A trivial reader for the templates above (never for real documents)."""
    sections = split_sections(text)
    title = next((s.path[0] for s in sections if s.path), name)
    first = find_dates(text[:400])
    when = first[0].period if first else None
    items = [_item(name, s, when) for s in sections if s.path and _ITEM.match(s.path[-1])]
    people = [
        Member(m["name"].strip(), m["role"], m["aff"])
        for s in sections
        if s.path[-1:] in (("Deltagere",), ("Medlemmer",))
        for line in s.text.splitlines()
        if (m := _PERSON.match(line.strip()))
    ]
    body = title.split(" i ", 1)[-1].split(" den ")[0].removeprefix("Om ")
    meetings = _meetings(name, title, body, sections, when)
    bodies = (
        [BodyRecord(body, Source(name, title, (title,)), REGION, members=tuple(people))]
        if people
        else []
    )
    return ParsedDocument(
        name,
        "benchmark",
        title,
        when,
        tuple(items),
        tuple(meetings),
        tuple(sections),
        tuple(bodies),
        format=name.rsplit(".", 1)[-1],
    )


def _source(name: str, section: SectionRecord) -> Source:
    return Source(
        name, section.path[-1] if section.path else "", section.path, section.start, section.end
    )


def _item(name: str, section: SectionRecord, when: Period | None) -> ItemRecord:
    title, where = section.path[-1], _source(name, section)
    paragraphs = section.text.split("\n\n")

    def starting(prefix: str) -> str:
        return next((p.removeprefix(prefix) for p in paragraphs if p.startswith(prefix)), "")

    status = read_status(starting("Status: "), as_of=when)
    approved = [
        KeyDate("approved", d.period, d.text, where) for d in find_dates(starting("Godkendt"))
    ]
    agreement = title.startswith("Samarbejdsaftale")
    return ItemRecord(
        "agreement" if agreement else "initiative",
        "samarbejdsaftale" if agreement else "projekt",
        title,
        where,
        1,
        region=REGION,
        purpose=starting("Formål: ") or None,
        statuses=(
            StatusRecord(status.category, status.text, status.valid_from, where, "Statusrapport"),
        ),
        dates=tuple(approved),
    )


def _meetings(
    name: str, title: str, body: str, sections: list[SectionRecord], when: Period | None
) -> Iterator[MeetingRecord]:
    subs = {s.path: s.text for s in sections if len(s.path) == 3}
    agenda = [
        AgendaItem(
            m.group(1),
            m.group(2),
            subs.get((*s.path, "Beslutning")),
            subs.get((*s.path, "Sagsfremstilling")),
            subs.get((*s.path, "Indstilling")),
            _source(name, s),
        )
        for s in sections
        if len(s.path) == 2 and (m := _POINT.match(s.path[-1]))
    ]
    if title.startswith("Referat") and when is not None:
        yield MeetingRecord(
            body, when, "held", Source(name, title, (title,)), 1, REGION, agenda=tuple(agenda)
        )
    for section in sections:
        if section.path[-1:] in (("Næste møde",), ("Mødeplan",)):
            for found in find_dates(section.text):
                if found.period.is_day:
                    yield MeetingRecord(
                        body, found.period, "planned", _source(name, section), 1, REGION
                    )


# --- running the parts ---


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def read_bytes(path: Path) -> str:
    data = path.read_bytes()
    if formats is not None:
        return str(formats.read_file(path.name, data).text)
    return data.decode("utf-8")


async def service_for(url: str) -> tuple[KnowledgeService, Any]:
    engine = create_engine(url)
    await migrate(engine)
    return KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1))), engine


async def import_part(url: str, count: int, seed: int, trace: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), count, seed)
        service, engine = await service_for(url)
        seconds: dict[str, list[float]] = defaultdict(list)

        def parsed() -> Iterator[tuple[ParsedDocument, str, str]]:
            last = time.perf_counter()
            for path in paths:
                text = read_bytes(path)
                document = read_document(path.name, text)  # READER: the general reader goes here
                yield document, hashlib.sha256(path.read_bytes()).hexdigest(), text
                now = time.perf_counter()  # this file read, parsed and committed
                seconds[path.suffix].append(now - last)
                last = now

        if trace:
            tracemalloc.start()
        cpu, started = cpu_seconds(), time.perf_counter()
        reports = await service.apply_parsed(parsed())
        wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        traced = tracemalloc.get_traced_memory()[1] / 2**20 if trace else None
        tracemalloc.stop()
        await engine.dispose()
    refused = [r for r in reports if r.refused]
    counted = {
        key: sum(getattr(r, key).added for r in reports) for key in ("items", "meetings", "bodies")
    }
    print(
        f"import  {engine.dialect.name}: {len(reports)} documents ({', '.join(sorted(seconds))}), "
        f"{len(refused)} refused; {sum(r.sections for r in reports)} sections, "
        f"{counted['items']} items, {counted['meetings']} meetings, "
        f"{counted['bodies']} bodies added"
    )
    print(
        f"  {wall:.1f} s wall, {len(reports) / wall:.1f} documents/s; {cpu:.1f} s CPU, "
        f"{len(reports) / cpu:.1f} documents per CPU second (per core)"
    )
    for suffix, spent in sorted(seconds.items()):
        print(
            f"  {suffix:<5} {len(spent):>5} documents  {len(spent) / sum(spent):7.1f} documents/s"
        )
    traced_peak = f", traced Python peak {traced:.0f} MiB (--trace)" if traced is not None else ""
    print(f"  peak RSS {peak_rss_mib():.0f} MiB{traced_peak}")


def _sectioned(n: int, per_document: int, rng: random.Random) -> tuple[ParsedDocument, str, str]:
    parts, sections, offset = [], [], 0
    for k in range(per_document):
        heading = f"Afsnit {k} om {rng.choice(TOPICS)} i {rng.choice(PLACES)}"
        # About 600 characters, with words of its own (a case number, a name) as real
        # sections have, so the index's vocabulary grows with the corpus.
        own = f"Sag {n}-{k} om {rng.choice(TOPICS)} følges af {rng.choice(PEOPLE)}."
        body = " ".join([own, *rng.sample(FILLER, 6), f"Se {rng.choice(PLACES)} {n * 1000 + k}."])
        chunk = f"## {heading}\n\n{body}\n\n"
        sections.append(SectionRecord(("Dokument", heading), 2, body, offset, offset + len(chunk)))
        parts.append(chunk)
        offset += len(chunk)
    text = "".join(parts)
    document = ParsedDocument(
        f"afsnit_{n:05d}.md",
        "benchmark",
        f"Dokument {n}",
        Period.day(date(2024, 1, 1 + n % 28)),
        sections=tuple(sections),
        format="markdown",
    )
    return document, hashlib.sha256(text.encode()).hexdigest(), text


async def store_part(url: str, count: int, seed: int) -> None:
    per_document = 100
    rng = random.Random(seed)
    service, engine = await service_for(url)
    started, cpu = time.perf_counter(), cpu_seconds()
    reports = await service.apply_parsed(
        _sectioned(n, per_document, rng) for n in range(count // per_document)
    )
    wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    await engine.dispose()
    stored = sum(r.sections for r in reports)
    print(
        f"store   {engine.dialect.name}: {stored} sections in {len(reports)} documents, "
        f"{wall:.1f} s ({stored / wall:,.0f} sections/s), {cpu:.1f} s CPU; "
        f"peak RSS {peak_rss_mib():.0f} MiB"
    )


async def read_part(url: str) -> None:
    engine = create_engine(url)
    service = KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1)))
    postings: dict[str, list[int]] = defaultdict(list)
    started, cpu, count, characters = time.perf_counter(), cpu_seconds(), 0, 0
    async for passage in service.passages():
        count, characters = count + 1, characters + len(passage.text)
        for word in set(fold(passage.text).split()):
            postings[word].append(passage.section_id)
    wall, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    await engine.dispose()
    print(
        f"read    {engine.dialect.name}: {count} sections ({characters / 2**20:.0f} MiB of text) "
        f"streamed into a postings index of {len(postings)} words in {wall:.1f} s, "
        f"{cpu:.1f} s CPU ({'under' if wall < 60 else 'OVER'} 60 s); "
        f"peak RSS {peak_rss_mib():.0f} MiB "
        f"({'under' if peak_rss_mib() < 1536 else 'OVER'} 1.5 GiB)"
    )


def _run(part: str, url: str, args: argparse.Namespace) -> None:
    if part == "import":
        asyncio.run(import_part(url, args.documents, args.seed, args.trace))
    elif part == "store":
        asyncio.run(store_part(url, args.sections, args.seed))
    else:
        asyncio.run(read_part(url))


async def _postgres(url: str, name: str, drop: bool = False) -> str:
    plain = make_url(url).set(drivername="postgresql")
    connection = await asyncpg.connect(plain.render_as_string(hide_password=False))
    try:
        await connection.execute(
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
            if drop
            else f'CREATE DATABASE "{name}"'
        )
    finally:
        await connection.close()
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--sections", type=int, default=100_000)
    parser.add_argument(
        "--database-url", help="PostgreSQL; default: SQLite files in a temporary folder"
    )
    parser.add_argument("--part", choices=("import", "store", "read", "all"), default="all")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--trace", action="store_true", help="also trace allocations (slower)")
    args = parser.parse_args()
    if formats is None:
        print("knowledge.documents.formats is not importable: text and Markdown only")
    parts = ("import", "store", "read") if args.part == "all" else (args.part,)
    spawn = multiprocessing.get_context("spawn")
    with tempfile.TemporaryDirectory() as tmp:
        names = {"import": "import", "store": "sections", "read": "sections"}
        urls = {n: f"sqlite:///{Path(tmp) / n}.db" for n in set(names.values())}
        if args.database_url:
            tag = uuid.uuid4().hex[:8]
            urls = {n: asyncio.run(_postgres(args.database_url, f"bench_{n}_{tag}")) for n in urls}
        try:
            for part in parts:
                process = spawn.Process(target=_run, args=(part, urls[names[part]], args))
                process.start()
                process.join()
        finally:
            if args.database_url:
                for url in urls.values():
                    asyncio.run(
                        _postgres(args.database_url, str(make_url(url).database), drop=True)
                    )


if __name__ == "__main__":
    main()
