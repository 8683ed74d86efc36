"""A document's own row, its text and its sections: stored once per content, read back
as passages.

A document is its bytes: the same bytes again (under any name) are the same document and
store nothing. A newer version of a file (the same name, other bytes) is a document of
its own, and the older versions are kept with their sections, marked `superseded_by`
the current one: the history entries and key dates read from an older version cite its
text, and a quote of them must still find it. Which version is current: the one with the
latest document date when every version has one, else the one imported last.

Passage search (the next room up) reads every section with its document's file, date
and currency in one streaming query (`passages`), so its index can be rebuilt at start
without holding the rows twice.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.models import Document, Section
from knowledge.documents.records import ParsedDocument, SectionRecord, Source

STREAM_BATCH = 2000  # rows per fetch when streaming passages
TITLE_MAX = 300  # Document.title's column


@dataclass(frozen=True)
class Passage:
    """A stored section with what a passage index needs of its document."""

    section_id: int
    file: str
    document_date: date | None
    current: bool  # False for a section of an older version of the file
    path: tuple[str, ...]
    level: int
    text: str
    start: int
    end: int


async def known(session: AsyncSession, sha256: str) -> bool:
    return await session.scalar(select(Document.id).where(Document.sha256 == sha256)) is not None


async def store(
    session: AsyncSession, document: ParsedDocument, sha256: str, text: str | None, now: datetime
) -> Document:
    """Add the document's row and its sections (new content only: see `known`)."""
    row = Document(
        file=document.file,
        sha256=sha256,
        shape=document.shape,
        title=document.title[:TITLE_MAX],  # a display title; the text keeps it whole
        document_date=document.document_date.start if document.document_date else None,
        imported_at=now,
        format=document.format,
        source_url=document.source_url,
        text=text,
    )
    session.add(row)
    await session.flush()
    await add_sections(session, row.id, document.sections)
    await supersede(session, row.file)
    return row


async def add_sections(
    session: AsyncSession, document_id: int, sections: Iterable[SectionRecord]
) -> None:
    rows = [
        {
            "document_id": document_id,
            "ordinal": ordinal,
            "path": list(section.path),
            "heading": section.path[-1] if section.path else "",
            "level": section.level,
            "text": section.text,
            "start": section.start,
            "end": section.end,
        }
        for ordinal, section in enumerate(sections)
    ]
    if rows:
        await session.execute(insert(Section), rows)


async def supersede(session: AsyncSession, file: str) -> None:
    """Mark every version of `file` but the current one as superseded by it."""
    versions = list(
        await session.scalars(select(Document).where(Document.file == file).order_by(Document.id))
    )
    if all(version.document_date is not None for version in versions):
        current = max(versions, key=lambda version: (version.document_date, version.id))
    else:
        current = versions[-1]
    for version in versions:
        newer = None if version is current else current.id
        if version.superseded_by_id != newer:
            version.superseded_by_id = newer


def text_only(document: ParsedDocument) -> int:
    """How many of the document's sections no record was read from: their text is kept
    (and searchable) but says nothing the knowledge base holds as a fact."""
    sources = list(_sources(document))
    paths = {source.path for source in sources if source.path}
    headings = {source.heading for source in sources if not source.path}
    starts = sorted(source.start for source in sources if source.start is not None)
    return sum(1 for section in document.sections if not _read(section, paths, headings, starts))


def _read(
    section: SectionRecord, paths: set[tuple[str, ...]], headings: set[str], starts: list[int]
) -> bool:
    if section.path in paths or (section.path and section.path[-1] in headings):
        return True
    at = bisect_left(starts, section.start)
    return at < len(starts) and starts[at] < section.end


def _sources(document: ParsedDocument) -> Iterable[Source]:
    for item in document.items:
        yield item.source
        yield from (status.source for status in item.statuses)
        yield from (key_date.source for key_date in item.dates)
    for meeting in document.meetings:
        yield meeting.source
        yield from (agenda.source for agenda in meeting.agenda if agenda.source is not None)
    yield from (body.source for body in document.bodies)


async def passages(session: AsyncSession) -> AsyncIterator[Passage]:
    """Every stored section in reading order, document by document, in one query whose
    rows are fetched STREAM_BATCH at a time."""
    query = (
        select(
            Section.id,
            Document.file,
            Document.document_date,
            Document.superseded_by_id,
            Section.path,
            Section.level,
            Section.text,
            Section.start,
            Section.end,
        )
        .join(Document, Section.document_id == Document.id)
        .order_by(Section.document_id, Section.ordinal)
        .execution_options(yield_per=STREAM_BATCH)
    )
    result = await session.stream(query)
    async for row in result:
        yield Passage(
            section_id=row.id,
            file=row.file,
            document_date=row.document_date,
            current=row.superseded_by_id is None,
            path=tuple(row.path),
            level=row.level,
            text=row.text,
            start=row.start,
            end=row.end,
        )
