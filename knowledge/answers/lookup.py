"""Reading the rows an answer shows: full items, and status entries with their items.

The snapshot finds *which* items; these queries read only those (a page), with their
status history, so an answer at 100,000 items reads ten items, not all of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.answers.kinds import ChangeView, ItemView
from knowledge.answers.views import item_view, status_view
from knowledge.core.models import Item, StatusEntry

# Item views kept per generation of the knowledge base (knowledge/answers/cache.py): the items
# people ask about again and again are read once per change, not once per question.
MEMO_SIZE = 2048


async def item_views(
    session: AsyncSession, slugs: Sequence[str], memo: dict[str, Any] | None = None
) -> list[ItemView]:
    """Items by slug, in the order given; `memo` holds views of the current generation."""
    memo = memo if memo is not None else {}
    missing = [slug for slug in slugs if slug not in memo]
    if missing:
        rows = await session.scalars(
            select(Item).where(Item.slug.in_(missing)).options(selectinload(Item.statuses))
        )
        for item in rows:
            while len(memo) >= MEMO_SIZE:
                del memo[next(iter(memo))]
            memo[item.slug] = item_view(item)
    return [memo[slug] for slug in slugs if slug in memo]


async def change_views(session: AsyncSession, entries: Sequence[int]) -> list[ChangeView]:
    """Status entries by id, in the order given, each with its item."""
    if not entries:
        return []
    rows = {
        e.id: e
        for e in await session.scalars(select(StatusEntry).where(StatusEntry.id.in_(entries)))
    }
    slugs = await _slugs(session, {entry.item_id for entry in rows.values()})
    items = {view.id: view for view in await item_views(session, sorted(set(slugs.values())))}
    return [
        ChangeView(items[slugs[rows[n].item_id]], status_view(rows[n]))
        for n in entries
        if n in rows
    ]


async def _slugs(session: AsyncSession, ids: set[int]) -> dict[int, str]:
    rows = await session.execute(select(Item.id, Item.slug).where(Item.id.in_(ids)))
    return {row.id: row.slug for row in rows}
