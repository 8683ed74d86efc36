"""Bot state: one JSON document per key, guarded by an e_tag (optimistic concurrency).

This is the table behind botbuilder's conversation and user state (`bot/storage.py` adapts
it to botbuilder's `Storage`); here documents are JSON text in and JSON text out.

A write follows the Bot Framework storage contract, with the stricter .NET rules:

- expected e_tag None or "*": write unconditionally (insert, or overwrite what is there);
- expected e_tag "": a caller's bug, refused with ValueError;
- any other e_tag: `UPDATE ... WHERE key = :key AND etag = :expected`. When no row matched,
  `INSERT ... ON CONFLICT (key) DO NOTHING`: a new row means the key was absent (a first
  write with an e_tag of the caller's choosing, as TeamsSSOTokenExchangeMiddleware does);
  no new row means the key exists with another e_tag, and that is a StateConflict.

Both statements decide in the database, so two writers can never both win: PostgreSQL
re-checks the UPDATE's condition against the newest committed row, and SQLite has one
writer at a time (busy_timeout makes the others wait). Every write stores a fresh e_tag,
never the caller's, so an e_tag read before any other write is stale afterwards.

Keys are stored as they are up to MAX_KEY_BYTES of UTF-8. Longer keys, and keys that
begin with HASHED, are stored as HASHED + their SHA-256 (the original kept in
`original_key`); so a stored key names exactly one original key.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from typing import Any, NamedTuple, cast

import sqlalchemy as sa
from sqlalchemy import CursorResult, bindparam, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.errors import StateConflict, StateTooLarge
from knowledge.core.models import StateDocument

ANY_ETAG = "*"
HASHED = "sha256:"
MAX_KEY_BYTES = 1000  # well inside PostgreSQL's B-tree entry limit (about 2,700 bytes)
MAX_DOCUMENT_BYTES = 256 * 1024


class StoredState(NamedTuple):
    document: str
    etag: str


def stored_key(key: str) -> str:
    """The primary key a state key is stored under (see the module docstring)."""
    if len(key.encode()) <= MAX_KEY_BYTES and not key.startswith(HASHED):
        return key
    return HASHED + hashlib.sha256(key.encode()).hexdigest()


_READ = select(StateDocument.key, StateDocument.document, StateDocument.etag).where(
    StateDocument.key.in_(bindparam("keys", expanding=True))
)  # built once: read on every turn


async def read(session: AsyncSession, keys: Iterable[str]) -> dict[str, StoredState]:
    """The stored documents of those keys that exist, by key."""
    originals = {stored_key(key): key for key in keys}
    if not originals:
        return {}
    rows = await session.execute(_READ, {"keys": list(originals)})
    return {originals[key]: StoredState(document, etag) for key, document, etag in rows}


async def write(session: AsyncSession, key: str, document: str, expected_etag: str | None) -> str:
    """Store `document` under `key` if `expected_etag` allows it; returns the new e_tag."""
    if expected_etag == "":
        raise ValueError(f"an empty e_tag cannot be matched (key {key!r}); use None or '*'")
    if len(document.encode()) > MAX_DOCUMENT_BYTES:
        raise StateTooLarge(f"state {key!r} is over {MAX_DOCUMENT_BYTES} bytes")
    etag = uuid.uuid4().hex
    if expected_etag is None or expected_etag == ANY_ETAG:
        await _upsert(session, key, document, etag)
    elif not (
        await _replace(session, key, document, etag, expected_etag)
        or await _insert_if_absent(session, key, document, etag)
    ):
        raise StateConflict(key, expected_etag)
    return etag


async def delete(session: AsyncSession, keys: Iterable[str]) -> None:
    """Remove those keys; unknown keys are not an error."""
    stored = {stored_key(key) for key in keys}
    if stored:
        await session.execute(sa.delete(StateDocument).where(StateDocument.key.in_(stored)))


async def _replace(
    session: AsyncSession, key: str, document: str, etag: str, expected_etag: str
) -> bool:
    result = await session.execute(
        update(StateDocument)
        .where(StateDocument.key == stored_key(key), StateDocument.etag == expected_etag)
        .values(document=document, etag=etag, updated_at=func.now())
        .execution_options(synchronize_session=False)
    )
    return 1 == _row_count(result)


async def _insert_if_absent(session: AsyncSession, key: str, document: str, etag: str) -> bool:
    statement = _insert(session, key, document, etag).on_conflict_do_nothing(
        index_elements=[StateDocument.key]
    )
    return 1 == _row_count(await session.execute(statement))


async def _upsert(session: AsyncSession, key: str, document: str, etag: str) -> None:
    statement = _insert(session, key, document, etag)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[StateDocument.key],
            set_={
                "document": statement.excluded.document,
                "etag": statement.excluded.etag,
                "updated_at": statement.excluded.updated_at,
            },
        )
    )


def _insert(
    session: AsyncSession, key: str, document: str, etag: str
) -> postgresql.Insert | sqlite.Insert:
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stored = stored_key(key)
    return insert(StateDocument).values(
        key=stored,
        original_key=None if stored == key else key,
        document=document,
        etag=etag,
        updated_at=func.now(),
    )


def _row_count(result: object) -> int:
    return cast(CursorResult[Any], result).rowcount
