"""Answers from the documents' text: when the structured record does not hold the fact.

The answer engine consults `Passages` (a protocol, so another search can stand in) with
the question, the kind of fact it asks for and the documents of the thing it names; what
comes back is a quote (`knowledge.text.quotes`): the sentence that holds the fact, from
the passage that is confidently about the question, with its document and heading.

`SectionPassages` is the search over the stored sections (`documents.sections`); a
document stored without sections (imported before sections were kept, or by a shape
that gives none) is split here into its paragraphs, each under the short line before
it, so its text is searchable too. Built with the snapshot, in memory.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator, Mapping
from datetime import date
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.models import Document, Section
from knowledge.documents import document_store
from knowledge.text.index import PassageIndex
from knowledge.text.passages import Passage
from knowledge.text.query import read_query
from knowledge.text.quotes import Quote, find_quote

HEADING_MAX = 90  # a line this short, without a full stop, heads the paragraph below it
_BLOCK = re.compile(r"(?:(?!\n\s*\n).)+", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


class Passages(Protocol):
    def quote(self, question: str, *, boost: Mapping[str, float] | None = None) -> Quote | None:
        """The sentence that answers, from a passage confidently about the question."""


class SectionPassages:
    def __init__(self, index: PassageIndex) -> None:
        self._index = index

    def __len__(self) -> int:
        return len(self._index)

    def quote(self, question: str, *, boost: Mapping[str, float] | None = None) -> Quote | None:
        if not len(self._index):
            return None
        return find_quote(self._index, read_query(question), boost=boost)


async def load(session: AsyncSession) -> list[Passage]:
    """Every current stored section as a passage, and the paragraphs of every document
    stored without sections."""
    found = [passage async for passage in _stored(session)]
    sectioned = {passage.document for passage in found}
    rows = await session.execute(
        select(Document.file, Document.title, Document.document_date, Document.text).where(
            Document.superseded_by_id.is_(None), Document.text.is_not(None)
        )
    )
    for row in rows:
        if row.file not in sectioned and row.text:
            found.extend(_paragraphs(row.file, row.title, row.document_date, row.text, len(found)))
    return found


async def _stored(session: AsyncSession) -> AsyncIterator[Passage]:
    if await session.scalar(select(Section.id).limit(1)) is None:
        return
    rows = await session.execute(select(Document.file, Document.title))
    titles = {file: title for file, title in rows}
    async for stored in document_store.passages(session):
        if stored.current:
            yield Passage(
                stored.section_id,
                stored.file,
                titles.get(stored.file, stored.file),
                stored.document_date,
                stored.path,
                stored.text,
                stored.start,
            )


def _paragraphs(
    file: str, title: str, day: date | None, text: str, first: int
) -> Iterator[Passage]:
    heading = ""
    number = first
    for match in _BLOCK.finditer(text):
        block = match[0].strip()
        lines = block.splitlines()
        if len(lines) == 1 and len(block) <= HEADING_MAX and not block.endswith("."):
            heading = block.strip("#* ").strip()
            continue
        path = (heading,) if heading else ()
        start = match.start() + match[0].find(block[:1])
        yield Passage(number, file, title, day, path, _TAGS.sub(" ", block), start)
        number += 1
