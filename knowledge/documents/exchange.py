"""The export format (schema_version 1) and restoring from it.

`export_knowledge` writes every agreement, initiative and meeting (a meeting as
`knowledge.core.meeting_json` shapes it), the items with their status history, oldest
first. Keys are sorted and nothing depends on when the export ran, so
two exports of the same knowledge base are byte-identical; `restore_knowledge` reads one
back into an empty database exactly.

Entries people wrote in chat (they have an idempotency key) also carry `author_id` (the
AAD object id, null once the person was forgotten), `recorded_at` (UTC) and
`idempotency_key`. Imported entries do not: their recording time is when the import ran,
which would make exports of the same documents differ.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.core.history import history_order, instant, person_fingerprint, status_fingerprint
from knowledge.core.meeting_json import meeting_from_json, meeting_json
from knowledge.core.models import Document, Item, Meeting, StatusEntry
from knowledge.documents.schema import validate_export

SCHEMA_VERSION = 1
LISTS = {"agreement": "agreements", "initiative": "initiatives"}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _status_row(entry: StatusEntry) -> dict[str, Any]:
    source = None
    if entry.source_file is not None:
        source = {"file": entry.source_file, "heading": entry.source_heading}
    row = {
        "category": entry.category,
        "text": entry.text,
        "valid_from": _iso(entry.valid_from),
        "valid_from_precision": entry.valid_from_precision,
        "valid_to": _iso(entry.valid_to),
        "author": entry.author,
        "source": source,
    }
    if entry.idempotency_key is not None or entry.author_id is not None:
        row["author_id"] = entry.author_id
        row["recorded_at"] = instant(entry.recorded_at).isoformat()
        row["idempotency_key"] = entry.idempotency_key
    return row


def _item_row(item: Item) -> dict[str, Any]:
    return {
        "id": item.slug,
        "kind": item.kind,
        "title": item.title,
        "area": item.area,
        "region": item.region,
        "cluster": item.cluster,
        "parties": item.parties,
        "purpose": item.purpose,
        "citizen_impact": item.citizen_impact,
        "budget": item.budget,
        "aliases": item.aliases,
        "sources": item.sources,
        "status_history": [_status_row(e) for e in sorted(item.statuses, key=history_order)],
    }


async def export_knowledge(session: AsyncSession) -> dict[str, Any]:
    items = await session.scalars(
        select(Item).options(selectinload(Item.statuses)).order_by(Item.slug)
    )
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "agreements": [], "initiatives": []}
    for item in items:
        data[LISTS[item.type]].append(_item_row(item))
    meetings = await session.scalars(select(Meeting).order_by(Meeting.date, Meeting.slug))
    data["meetings"] = [meeting_json(m) for m in meetings]
    return data


async def is_empty(session: AsyncSession) -> bool:
    for model in (Item, Meeting):
        if await session.scalar(select(model.id).limit(1)) is not None:
            return False
    return True


async def clear(session: AsyncSession) -> None:
    for model in (StatusEntry, Item, Meeting, Document):
        await session.execute(delete(model))


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _status_entry(slug: str, row: dict[str, Any], now: datetime) -> StatusEntry:
    source = row.get("source") or {}
    fields = {
        "category": row["category"],
        "text": row["text"],
        "valid_from": _parse_date(row.get("valid_from")),
        "valid_from_precision": row.get("valid_from_precision"),
        "valid_to": _parse_date(row.get("valid_to")),
        "author": row["author"],
        "source_file": source.get("file"),
        "source_heading": source.get("heading"),
    }
    if "recorded_at" not in row:
        return StatusEntry(**fields, recorded_at=now, fingerprint=status_fingerprint(slug, fields))
    recorded = instant(datetime.fromisoformat(row["recorded_at"]))
    return StatusEntry(
        **fields,
        recorded_at=recorded,
        author_id=row.get("author_id"),
        idempotency_key=row.get("idempotency_key"),
        fingerprint=person_fingerprint(slug, fields, row.get("author_id"), recorded),
    )


def _item(item_type: str, row: dict[str, Any], now: datetime) -> Item:
    item = Item(
        slug=row["id"],
        type=item_type,
        **{key: row.get(key) for key in ("kind", "title", "area", "region", "cluster")},
        **{key: row.get(key) for key in ("purpose", "citizen_impact")},
        **{key: list(row.get(key) or []) for key in ("parties", "budget", "aliases", "sources")},
    )
    item.statuses = [_status_entry(row["id"], s, now) for s in row.get("status_history", [])]
    return item


async def restore_knowledge(
    session: AsyncSession, data: Any, *, file: str, now: datetime
) -> dict[str, int]:
    """Load an export into the (empty) database; returns how many of each were restored."""
    validate_export(data, file)
    for item_type, key in LISTS.items():
        for row in data[key]:
            # The unit of work inserts in the order added: status ids keep export order.
            session.add(_item(item_type, row, now))
    session.add_all(meeting_from_json(row) for row in data["meetings"])
    await session.flush()
    return {key: len(data[key]) for key in ("agreements", "initiatives", "meetings")}
