"""Status entries' identity and order: the fingerprint that makes an import or a chat
update idempotent, the order a history is kept in, an item's newest entry (in Python and
in SQL, the same order), and a stored moment read back in UTC."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import UnaryExpression

from knowledge.core.models import StatusEntry


def status_fingerprint(slug: str, entry: dict[str, object]) -> str:
    """Identity of a status entry: the item, what it says, from when, and where it was read."""
    payload = json.dumps([slug, entry], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()


def person_fingerprint(
    slug: str, fields: dict[str, Any], author_id: str | None, recorded_at: datetime
) -> str:
    """Identity of an entry a person wrote: what it says, by whom, and when it was said."""
    moment = instant(recorded_at).isoformat()
    return status_fingerprint(slug, {**fields, "author_id": author_id, "recorded_at": moment})


def instant(value: datetime) -> datetime:
    """A stored moment in UTC; SQLite gives it back without its zone (it is stored in UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def history_order(entry: StatusEntry) -> tuple[date, int]:
    """Oldest first: by the date an entry is valid from (undated first), then as recorded."""
    return (entry.valid_from or date.min, entry.id)


def newest_entry(entries: Iterable[StatusEntry]) -> StatusEntry | None:
    """The newest entry of a history (the last in `history_order`); None without entries."""
    return max(entries, key=history_order, default=None)


def newest_first() -> tuple[UnaryExpression[Any], ...]:
    """`history_order` reversed, as an ORDER BY: the first row is what `newest_entry` picks."""
    return (StatusEntry.valid_from.desc().nulls_last(), StatusEntry.id.desc())
