"""The snapshot questions are answered from, rebuilt when the knowledge base changed.

Every question first reads the knowledge base's *generation*: the highest ids of items,
status entries, meetings, documents and revisions, in one query of five index lookups
(counting rows would scan them: 9 ms at 100,000 items on SQLite). An import adds a
document, a status update a status entry, forgetting a person a revision, a restore new
rows, so each changes it, also when another process or instance made the change; then the
snapshot is rebuilt from three queries (items with their newest status; meetings; the
dates of all status entries), and the memo of item views read for answers starts empty.
One change goes unseen: a restore elsewhere that replaces the knowledge base with one of
exactly as many rows in every table, on SQLite, which numbers rows from 1 again after
they are all deleted.
Building happens in a worker thread, so a rebuild of a large knowledge base does not
stall the event loop, and under a lock, so concurrent questions build it once; questions
asked meanwhile are answered from the previous snapshot.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.answers import passages
from knowledge.answers.kinds import MeetingView
from knowledge.answers.snapshot import Dated, ItemSummary, Snapshot
from knowledge.answers.views import meeting_view
from knowledge.core.history import newest_first
from knowledge.core.models import Document, Item, Meeting, Revision, StatusEntry
from knowledge.text.index import PassageIndex
from knowledge.text.passages import Passage

logger = logging.getLogger(__name__)

Generation = tuple[Any, ...]


GENERATION_COLUMNS = tuple(
    select(func.max(table.id)).scalar_subquery()
    for table in (Item, StatusEntry, Meeting, Document, Revision)
)
_GENERATION = select(*GENERATION_COLUMNS)  # built once: asked before every question


async def generation(session: AsyncSession) -> Generation:
    row = (await session.execute(_GENERATION)).one()
    return tuple(row)


def _newest_statuses() -> Any:
    rank = func.row_number().over(
        partition_by=StatusEntry.item_id,
        order_by=newest_first(),
    )
    return select(
        StatusEntry.item_id, StatusEntry.category, StatusEntry.valid_from, rank.label("rank")
    ).subquery()


async def _items(session: AsyncSession) -> list[ItemSummary]:
    newest = _newest_statuses()
    rows = await session.execute(
        select(
            Item.id, Item.slug, Item.type, Item.kind, Item.title, Item.area, Item.region,
            Item.cluster, Item.parties, Item.aliases, newest.c.category, newest.c.valid_from,
        ).outerjoin(newest, (newest.c.item_id == Item.id) & (newest.c.rank == 1))
    )  # fmt: skip
    return [
        ItemSummary(
            pk=row.id,
            id=row.slug,
            type=row.type,
            kind=row.kind,
            title=row.title,
            area=row.area,
            region=row.region,
            cluster=row.cluster,
            parties=tuple(row.parties or ()),
            aliases=tuple(row.aliases or ()),
            category=row.category,
            since=row.valid_from,
        )
        for row in rows
    ]


async def _dated(session: AsyncSession) -> list[Dated]:
    rows = await session.execute(
        select(
            StatusEntry.valid_from, StatusEntry.id, StatusEntry.item_id, StatusEntry.category
        ).where(StatusEntry.valid_from.is_not(None))
    )
    return [(row.valid_from, row.id, row.item_id, row.category) for row in rows]


async def load(session: AsyncSession) -> Snapshot:
    items = await _items(session)
    meetings = [meeting_view(m) for m in await session.scalars(select(Meeting))]
    dated = await _dated(session)
    texts = await passages.load(session)
    started = time.perf_counter()
    snapshot = await asyncio.to_thread(_build, items, meetings, dated, texts)
    logger.info(
        "question index built: %d items, %d meetings, %d names, %d passages in %.2f s",
        len(items),
        len(meetings),
        snapshot.names.names,
        len(texts),
        time.perf_counter() - started,
    )
    return snapshot


def _build(
    items: list[ItemSummary],
    meetings: list[MeetingView],
    dated: list[Dated],
    texts: list[Passage] | None = None,
) -> Snapshot:
    """Build with the cycle collector paused, then freeze what exists.

    A snapshot is millions of small objects that are never garbage. Left alone, the
    collector runs full passes over them while they are made (a third of the build time
    at 100,000 items) and again, now and then, during later questions: a pause of a
    second in the middle of someone's answer. Frozen objects are skipped by the
    collector; a replaced snapshot is still freed, by reference counting.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        search = passages.SectionPassages(PassageIndex.build(texts or ()))
        return Snapshot(items, meetings, dated, search)
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


class SnapshotCache:
    def __init__(self) -> None:
        self._snapshot: Snapshot | None = None
        self._generation: Generation | None = None
        self._views: dict[str, Any] = {}
        self._lock = asyncio.Lock()

    async def current(self, session: AsyncSession, known: Generation | None = None) -> Snapshot:
        """The snapshot of the knowledge base as it is now; while a newer one is being
        built, the previous one answers (only the very first question waits). `known` is
        the generation when the caller has just read it (a turn reads it with its state)."""
        return (await self.fresh(session, known))[0]

    async def fresh(
        self, session: AsyncSession, known: Generation | None = None
    ) -> tuple[Snapshot, dict[str, Any] | None]:
        """`current`, and a memo for what is read from rows of this very generation (item
        views); None while the snapshot is older than the database, so nothing read then
        is kept."""
        # A turn's generation is trusted only when it is the cache's: one read before a
        # change that another turn has already built a snapshot for must not label that
        # newer snapshot as the older generation (and so cause two more builds).
        now = known if known is not None and known == self._generation else None
        if now is None:
            now = await generation(session)
        if self._snapshot is not None and (now == self._generation or self._lock.locked()):
            return self._snapshot, self._views if now == self._generation else None
        async with self._lock:
            if self._snapshot is None or now != self._generation:
                self._snapshot = await load(session)
                self._generation, self._views = now, {}
            return self._snapshot, self._views if now == self._generation else None
