"""The snapshot questions are answered from, rebuilt when the knowledge base changed.

Every question first reads the knowledge base's *generation*: row counts and highest ids
of items, status entries, meetings and documents, in one query. Any import, restore or
status update changes it, also when another process or instance made the change, and
then the snapshot is rebuilt from two queries (items with their newest status; meetings).
Building happens in a worker thread, so a rebuild of a large knowledge base does not
stall the event loop, and under a lock, so concurrent questions build it once.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.models import Document, Item, Meeting, StatusEntry
from knowledge.snapshot import ItemSummary, Snapshot
from knowledge.views import meeting_view

logger = logging.getLogger(__name__)

Generation = tuple[Any, ...]


async def generation(session: AsyncSession) -> Generation:
    columns = [
        select(aggregate(model.id)).scalar_subquery()
        for model in (Item, StatusEntry, Meeting, Document)
        for aggregate in (func.count, func.max)
    ]
    row = (await session.execute(select(*columns))).one()
    return tuple(row)


def _newest_statuses() -> Any:
    rank = func.row_number().over(
        partition_by=StatusEntry.item_id,
        order_by=(StatusEntry.valid_from.desc().nulls_last(), StatusEntry.id.desc()),
    )
    return select(
        StatusEntry.item_id, StatusEntry.category, StatusEntry.valid_from, rank.label("rank")
    ).subquery()


async def _items(session: AsyncSession) -> list[ItemSummary]:
    newest = _newest_statuses()
    rows = await session.execute(
        select(
            Item.slug, Item.type, Item.kind, Item.title, Item.area, Item.region, Item.cluster,
            Item.parties, Item.aliases, newest.c.category, newest.c.valid_from,
        ).outerjoin(newest, (newest.c.item_id == Item.id) & (newest.c.rank == 1))
    )  # fmt: skip
    return [
        ItemSummary(
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


async def load(session: AsyncSession) -> Snapshot:
    items = await _items(session)
    meetings = [meeting_view(m) for m in await session.scalars(select(Meeting))]
    started = time.perf_counter()
    snapshot = await asyncio.to_thread(Snapshot, items, meetings)
    logger.info(
        "question index built: %d items, %d meetings, %d names in %.2f s",
        len(items),
        len(meetings),
        snapshot.names.names,
        time.perf_counter() - started,
    )
    return snapshot


class SnapshotCache:
    def __init__(self) -> None:
        self._snapshot: Snapshot | None = None
        self._generation: Generation | None = None
        self._lock = asyncio.Lock()

    async def current(self, session: AsyncSession) -> Snapshot:
        """The snapshot of the knowledge base as it is now."""
        now = await generation(session)
        if self._snapshot is not None and now == self._generation:
            return self._snapshot
        async with self._lock:
            if self._snapshot is None or now != self._generation:
                self._snapshot = await load(session)
                self._generation = now
            return self._snapshot
