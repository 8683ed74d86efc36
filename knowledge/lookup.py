"""Reading the rows an answer shows: full items, and status changes since a date.

The snapshot finds *which* items; these queries read only those (a page), with their
status history, so an answer at 100,000 items reads ten items, not all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.answers import ChangeView, ItemView
from knowledge.models import Item, StatusEntry
from knowledge.views import item_view, status_view


@dataclass(frozen=True)
class ChangeFilter:
    since: date
    item: str | None = None  # slug
    region: str | None = None
    cluster: str | None = None
    item_type: str | None = None
    category: str | None = None

    def conditions(self) -> list[Any]:
        found: list[Any] = [StatusEntry.valid_from >= self.since]
        for column, value in (
            (Item.slug, self.item),
            (Item.region, self.region),
            (Item.cluster, self.cluster),
            (Item.type, self.item_type),
            (StatusEntry.category, self.category),
        ):
            if value is not None:
                found.append(column == value)
        return found


async def item_views(session: AsyncSession, slugs: Sequence[str]) -> list[ItemView]:
    """Items by slug, in the order given."""
    if not slugs:
        return []
    rows = await session.scalars(
        select(Item).where(Item.slug.in_(list(slugs))).options(selectinload(Item.statuses))
    )
    views = {item.slug: item_view(item) for item in rows}
    return [views[slug] for slug in slugs if slug in views]


async def changes(
    session: AsyncSession, wanted: ChangeFilter, limit: int
) -> tuple[list[ChangeView], int]:
    """Status entries valid from `since` on, newest first: a page of them, and how many."""
    joined = select(StatusEntry).join(Item, Item.id == StatusEntry.item_id)
    matching = joined.where(*wanted.conditions())
    total = await session.scalar(select(func.count()).select_from(matching.subquery()))
    entries = list(
        await session.scalars(
            matching.order_by(StatusEntry.valid_from.desc(), StatusEntry.id.desc()).limit(limit)
        )
    )
    slugs = await _slugs(session, {entry.item_id for entry in entries})
    items = {view.id: view for view in await item_views(session, sorted(set(slugs.values())))}
    shown = [ChangeView(items[slugs[e.item_id]], status_view(e)) for e in entries]
    return shown, total or 0


async def _slugs(session: AsyncSession, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = await session.execute(select(Item.id, Item.slug).where(Item.id.in_(ids)))
    return {row.id: row.slug for row in rows}
