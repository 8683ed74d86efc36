"""Status updates from chat (the contract is `knowledge.updates.contract`): finding the item a
person names, saving a new status exactly once and never over one they did not see, the
history with its authors, correcting one's own last entry, and forgetting a person.

Every write first claims the item's row with an UPDATE, before the transaction reads
anything. PostgreSQL then makes a second writer of the same item wait for the first to
commit (its later reads see the first one's entry); SQLite has one writer at a time and
busy_timeout makes the others wait. So the idempotency check and the check against
`current_entry_id` are decided one writer after the other, never both on the same state.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.answers.context import choice
from knowledge.answers.resolution import PLACES, decide, mentions, places, without
from knowledge.answers.snapshot import Snapshot
from knowledge.answers.views import item_view, status_view
from knowledge.core.chat import ChatScope
from knowledge.core.errors import InvalidStatus, NoteTooLong, UnknownItem
from knowledge.core.history import history_order, instant, newest_entry, person_fingerprint
from knowledge.core.models import Editor, Item, Revision, StatusEntry
from knowledge.core.resemblance import resembling
from knowledge.notify import triggers
from knowledge.understanding.index import Hit
from knowledge.understanding.normalise import terms
from knowledge.updates.contract import (
    ANONYMOUS_AUTHOR,
    NOTE_MAX,
    UPDATE_CATEGORIES,
    Ambiguous,
    Author,
    ChangedMeanwhile,
    Current,
    Found,
    HistoryEntry,
    ItemSearch,
    NotFound,
    Saved,
    UpdateOutcome,
    UpdateRequest,
)

ITEM = frozenset({"item"})
DEFAULT_TEXT = "Status opdateret i chat"
SUGGESTIONS = 3
SUGGEST = 50.0  # a near miss of the name index worth suggesting


async def find_item(
    session: AsyncSession, snapshot: Snapshot, text: str, scope: ChatScope
) -> ItemSearch:
    """The item `text` names; a region or cluster in it, then the chat's scope, break ties."""
    subject = terms(text)
    named = mentions(snapshot, subject, PLACES)
    asked, chat = places(snapshot, named, scope)
    rest = without(subject, named)
    hits = snapshot.names.search(rest or subject, ITEM) if subject else []
    resolution = decide(hits, (asked, chat))
    if resolution.outcome == "found":
        return Found(item_view(await _item(session, resolution.entity.id)))
    if resolution.outcome != "missing":
        return Ambiguous(tuple(choice(hit.entity, "status", "da") for hit in resolution.hits))
    return _not_found(snapshot, hits, text)


def _not_found(snapshot: Snapshot, hits: list[Hit], text: str) -> NotFound:
    """The items whose names look like `text`, best first: the index's near misses, else
    titles that resemble it; none when nothing does."""
    near = [hit.entity for hit in hits if hit.score >= SUGGEST][:SUGGESTIONS]
    if not near:
        titles = {item.id: item.title for item in snapshot.items}
        near = [snapshot.entities[slug] for slug in resembling(text, titles, SUGGESTIONS)]
    choices = tuple(choice(entity, "status", "da") for entity in near)
    return NotFound(tuple(entity.label for entity in near), choices)


async def current(session: AsyncSession, item_id: str) -> Current:
    item = await _item(session, item_id)
    newest = newest_entry(item.statuses)
    return Current(item_view(item), newest.id if newest else None)


async def update_status(
    session: AsyncSession, request: UpdateRequest, now: datetime
) -> UpdateOutcome:
    """Save a new newest status, once per idempotency key, unless another arrived meanwhile;
    the item's subscribers are notified in the same transaction."""
    text = _checked(request.category, request.note)
    item = await _claim(session, request.item_id)
    stored = await _by_key(session, request.idempotency_key)
    if stored is not None:
        return await _duplicate(session, stored)
    newest = newest_entry(item.statuses)
    if newest is not None and newest.id != request.current_entry_id:
        return ChangedMeanwhile(item_view(item), newest.id)
    entry = _entry(item, request.category, text, request.author, _from(newest, now), now)
    entry.conversation_id = request.conversation_id
    entry.activity_id = request.activity_id
    entry.idempotency_key = request.idempotency_key
    try:
        async with session.begin_nested():
            session.add(entry)
    except IntegrityError:
        # Only a key reused on another item gets here: the claim serialises one item.
        stored = await _by_key(session, request.idempotency_key)
        if stored is None:
            raise
        return await _duplicate(session, stored)
    await triggers.after_status_update(session, entry, item, now)
    return Saved(item_view(await _item(session, item.slug)), entry.id)


async def history(session: AsyncSession, item_id: str) -> tuple[HistoryEntry, ...]:
    """Every entry of the item, newest first."""
    item = await _item(session, item_id)
    return tuple(
        HistoryEntry(
            entry_id=entry.id,
            status=status_view(entry),
            author_id=entry.author_id,
            recorded_at=instant(entry.recorded_at),
            conversation_id=entry.conversation_id,
        )
        for entry in sorted(item.statuses, key=history_order, reverse=True)
    )


async def correct_last(
    session: AsyncSession,
    item_id: str,
    author: Author,
    category: str,
    note: str | None,
    now: datetime,
    window: timedelta,
) -> Saved | None:
    """Replace the author's own entry while it is the newest and younger than `window`.

    The replacement is a new row (inserted before the old one goes), so the question
    engine, which notices new entry ids, sees the correction; it keeps the old entry's
    idempotency key, so a retried first submission still finds it."""
    text = _checked(category, note)
    item = await _claim(session, item_id)
    newest = newest_entry(item.statuses)
    if not _correctable(newest, author, now, window):
        return None
    assert newest is not None  # _correctable says so
    entry = _entry(item, category, text, author, newest.valid_from or now.date(), now)
    entry.conversation_id, entry.activity_id = newest.conversation_id, newest.activity_id
    key, newest.idempotency_key = newest.idempotency_key, None
    session.add(entry)
    await session.flush()
    await session.delete(newest)
    await session.flush()
    entry.idempotency_key = key
    await session.flush()
    return Saved(item_view(await _item(session, item.slug)), entry.id)


def _correctable(
    newest: StatusEntry | None, author: Author, now: datetime, window: timedelta
) -> bool:
    if newest is None or author.aad_id is None or newest.author_id != author.aad_id:
        return False
    return instant(newest.recorded_at) >= now - window


async def forget_user(session: AsyncSession, aad_id: str, now: datetime) -> int:
    """Anonymise every entry the person wrote and drop them as an editor; the entry count.
    The entries change in place, so a revision is recorded for the caches."""
    session.add(Revision(reason="forget user", made_at=now))
    result = await session.execute(
        update(StatusEntry)
        .where(StatusEntry.author_id == aad_id)
        .values(author=ANONYMOUS_AUTHOR, author_id=None, conversation_id=None, activity_id=None)
        .execution_options(synchronize_session=False)
    )
    await session.execute(delete(Editor).where(Editor.aad_id == aad_id))
    await session.execute(
        update(Editor)
        .where(Editor.added_by == aad_id)
        .values(added_by=None)
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[Any], result).rowcount


def _checked(category: str, note: str | None) -> str:
    """The entry's text; refuses a category people may not set and an oversized note."""
    if category not in UPDATE_CATEGORIES:
        raise InvalidStatus(category)
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise NoteTooLong(len(note), NOTE_MAX)
    return note or DEFAULT_TEXT


async def _claim(session: AsyncSession, slug: str) -> Item:
    """Take the item's write lock (see the module docstring), then read it."""
    result = await session.execute(
        update(Item)
        .where(Item.slug == slug)
        .values(slug=Item.slug)
        .execution_options(synchronize_session=False)
    )
    if not cast(CursorResult[Any], result).rowcount:
        raise UnknownItem(slug)
    return await _item(session, slug)


async def _item(session: AsyncSession, slug: str) -> Item:
    item = await session.scalar(
        select(Item)
        .where(Item.slug == slug)
        .options(selectinload(Item.statuses))
        .execution_options(populate_existing=True)
    )
    if item is None:
        raise UnknownItem(slug)
    return item


async def _by_key(session: AsyncSession, key: str) -> StatusEntry | None:
    return await session.scalar(select(StatusEntry).where(StatusEntry.idempotency_key == key))


async def _duplicate(session: AsyncSession, stored: StatusEntry) -> Saved:
    slug = await session.scalar(select(Item.slug).where(Item.id == stored.item_id))
    return Saved(item_view(await _item(session, str(slug))), stored.id, duplicate=True)


def _from(newest: StatusEntry | None, now: datetime) -> date:
    """Today; or the newest entry's date when that lies ahead (a plan said in advance),
    so that what a person says now is the newest status."""
    today = now.date()
    if newest is None or newest.valid_from is None:
        return today
    return max(today, newest.valid_from)


def _entry(
    item: Item, category: str, text: str, author: Author, valid_from: date, now: datetime
) -> StatusEntry:
    recorded = now.astimezone(UTC)
    fields: dict[str, Any] = {
        "category": category,
        "text": text,
        "valid_from": valid_from,
        "valid_from_precision": "day",
        "valid_to": None,
        "author": author.name,
        "source_file": None,
        "source_heading": None,
    }
    return StatusEntry(
        item_id=item.id,
        **fields,
        author_id=author.aad_id,
        recorded_at=recorded,
        fingerprint=person_fingerprint(item.slug, fields, author.aad_id, recorded),
    )
