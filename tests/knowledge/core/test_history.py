"""An item's newest status entry: the latest valid-from date wins, undated entries count as
oldest, and among entries of one date the one recorded last; SQL and Python agree."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.core.history import history_order, newest_entry, newest_first
from knowledge.core.models import Item, StatusEntry

RECORDED = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def _entry(text: str, valid_from: date | None) -> StatusEntry:
    return StatusEntry(
        category="in_progress",
        text=text,
        valid_from=valid_from,
        author="Test",
        recorded_at=RECORDED,
        fingerprint=text,
    )


def test_an_empty_history_has_no_newest_entry() -> None:
    assert None is newest_entry([])


async def test_python_and_sql_pick_the_same_newest_entry(database_url: str) -> None:
    # Written out of order: the ids say the order they were recorded in.
    histories: dict[str, list[tuple[int, str, date | None]]] = {
        "dated-beats-undated": [(1, "later", date(2024, 1, 1)), (2, "undated", None)],
        "same-day-last-recorded": [(3, "first", date(2024, 2, 1)), (4, "second", date(2024, 2, 1))],
        "ahead-wins": [(6, "now", date(2024, 3, 1)), (5, "planned ahead", date(2024, 9, 1))],
        "only-undated": [(7, "one", None), (8, "two", None)],
    }
    expected = {
        "dated-beats-undated": "later",
        "same-day-last-recorded": "second",
        "ahead-wins": "planned ahead",
        "only-undated": "two",
    }
    engine = create_engine(database_url)
    try:
        await migrate(engine)
        async with session_factory(engine)() as session, session.begin():
            for slug, entries in histories.items():
                item = Item(slug=slug, type="agreement", kind="samarbejdsaftale", title=slug)
                for entry_id, text, valid_from in entries:
                    entry = _entry(text, valid_from)
                    entry.id = entry_id
                    item.statuses.append(entry)
                session.add(item)
        async with session_factory(engine)() as session:
            rows = list(await session.scalars(select(StatusEntry).order_by(*newest_first())))
            slugs = {row.id: row.slug for row in await session.execute(select(Item.id, Item.slug))}
    finally:
        await engine.dispose()
    by_item: dict[str, list[StatusEntry]] = {}
    for row in rows:
        by_item.setdefault(slugs[row.item_id], []).append(row)
    in_python = {slug: newest_entry(entries) for slug, entries in by_item.items()}
    in_sql = {slug: entries[0] for slug, entries in by_item.items()}

    assert expected == {slug: entry.text for slug, entry in in_python.items() if entry}
    assert expected == {slug: entry.text for slug, entry in in_sql.items()}
    for entries in by_item.values():
        assert sorted(entries, key=history_order, reverse=True) == entries
