"""The export format (schema_version 2) and restoring from it (versions 1 and 2).

`export_knowledge` writes every agreement, initiative and meeting with its status
history (oldest first) and key dates, every body with its members, and every imported
document with its text and sections. Keys are sorted and nothing depends on when the
export ran (documents' import times are left out), so two exports of the same knowledge
base are byte-identical; `restore_knowledge` reads one back into an empty database
exactly.

Version 2 adds `bodies` and `documents` at the top, `dates` on items, `kind`,
`year_inferred`, `participants` and `absent` on meetings, and the optional `path`,
`start` and `end` on every source (`knowledge.documents.provenance`). A version 1 export
restores as it always did: what it lacks is empty.

Entries people wrote in chat (they have an idempotency key) also carry `author_id` (the
AAD object id, null once the person was forgotten), `recorded_at` (UTC) and
`idempotency_key`. Imported entries do not: their recording time is when the import ran,
which would make exports of the same documents differ.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.core.history import history_order, instant, person_fingerprint, status_fingerprint
from knowledge.core.meeting_json import meeting_from_json, meeting_json
from knowledge.core.models import (
    Body,
    Document,
    Item,
    ItemDate,
    Meeting,
    Member,
    Section,
    StatusEntry,
)
from knowledge.documents import sections
from knowledge.documents.importer import date_fingerprint
from knowledge.documents.provenance import columns_as_json, json_as_columns
from knowledge.documents.records import SectionRecord
from knowledge.documents.schema import validate_export

SCHEMA_VERSION = 2
LISTS = {"agreement": "agreements", "initiative": "initiatives"}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _status_row(entry: StatusEntry) -> dict[str, Any]:
    row = {
        "category": entry.category,
        "text": entry.text,
        "valid_from": _iso(entry.valid_from),
        "valid_from_precision": entry.valid_from_precision,
        "valid_to": _iso(entry.valid_to),
        "author": entry.author,
        "source": columns_as_json(entry),
    }
    if entry.idempotency_key is not None or entry.author_id is not None:
        row["author_id"] = entry.author_id
        row["recorded_at"] = instant(entry.recorded_at).isoformat()
        row["idempotency_key"] = entry.idempotency_key
    return row


def _date_row(key_date: ItemDate) -> dict[str, Any]:
    return {
        "what": key_date.what,
        "date": _iso(key_date.date),
        "date_precision": key_date.date_precision,
        "date_end": _iso(key_date.date_end),
        "year_inferred": key_date.year_inferred,
        "text": key_date.text,
        "source": columns_as_json(key_date),
    }


def _date_order(key_date: ItemDate) -> tuple[date, int]:
    return (key_date.date or date.min, key_date.id)


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
        "dates": [_date_row(d) for d in sorted(item.dates, key=_date_order)],
    }


def _body_row(body: Body) -> dict[str, Any]:
    return {
        "id": body.slug,
        "name": body.name,
        "region": body.region,
        "cluster": body.cluster,
        "sources": body.sources,
        "members": [
            {
                "name": member.name,
                "role": member.role,
                "affiliation": member.affiliation,
                "source": columns_as_json(member),
            }
            for member in body.members
        ],
    }


def _section_row(section: Section) -> dict[str, Any]:
    return {
        "path": section.path,
        "level": section.level,
        "text": section.text,
        "start": section.start,
        "end": section.end,
    }


async def _documents(session: AsyncSession) -> list[dict[str, Any]]:
    documents = list(await session.scalars(select(Document)))
    by_id = {document.id: document for document in documents}
    parts: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for section in await session.scalars(select(Section).order_by(Section.ordinal)):
        parts[section.document_id].append(_section_row(section))
    rows = []
    for document in documents:
        newer = by_id.get(document.superseded_by_id) if document.superseded_by_id else None
        rows.append(
            {
                "sha256": document.sha256,
                "file": document.file,
                "shape": document.shape,
                "title": document.title,
                "document_date": _iso(document.document_date),
                "format": document.format,
                "source_url": document.source_url,
                "superseded_by": newer.sha256 if newer else None,
                "text": document.text,
                "sections": parts[document.id],
            }
        )
    # Not by id: the same documents imported in another order export the same.
    return sorted(rows, key=lambda row: (row["file"], row["document_date"] or "", row["sha256"]))


async def export_knowledge(session: AsyncSession) -> dict[str, Any]:
    with_history = (selectinload(Item.statuses), selectinload(Item.dates))
    items = await session.scalars(select(Item).options(*with_history).order_by(Item.slug))
    data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "agreements": [], "initiatives": []}
    for item in items:
        data[LISTS[item.type]].append(_item_row(item))
    meetings = await session.scalars(select(Meeting).order_by(Meeting.date, Meeting.slug))
    data["meetings"] = [meeting_json(m) for m in meetings]
    bodies = await session.scalars(
        select(Body).options(selectinload(Body.members)).order_by(Body.slug)
    )
    data["bodies"] = [_body_row(body) for body in bodies]
    data["documents"] = await _documents(session)
    return data


async def is_empty(session: AsyncSession) -> bool:
    for model in (Item, Meeting, Body, Document):
        if await session.scalar(select(model.id).limit(1)) is not None:
            return False
    return True


async def clear(session: AsyncSession) -> None:
    for model in (StatusEntry, ItemDate, Item, Meeting, Member, Body, Section, Document):
        await session.execute(delete(model))


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _status_entry(slug: str, row: dict[str, Any], now: datetime) -> StatusEntry:
    provenance = json_as_columns(row.get("source"))
    fields = {
        "category": row["category"],
        "text": row["text"],
        "valid_from": _parse_date(row.get("valid_from")),
        "valid_from_precision": row.get("valid_from_precision"),
        "valid_to": _parse_date(row.get("valid_to")),
        "author": row["author"],
        "source_file": provenance.pop("source_file"),
        "source_heading": provenance.pop("source_heading"),
    }
    if "recorded_at" not in row:
        fingerprint = status_fingerprint(slug, fields)
        return StatusEntry(**fields, **provenance, recorded_at=now, fingerprint=fingerprint)
    recorded = instant(datetime.fromisoformat(row["recorded_at"]))
    return StatusEntry(
        **fields,
        **provenance,
        recorded_at=recorded,
        author_id=row.get("author_id"),
        idempotency_key=row.get("idempotency_key"),
        fingerprint=person_fingerprint(slug, fields, row.get("author_id"), recorded),
    )


def _item_date(slug: str, row: dict[str, Any]) -> ItemDate:
    fields = {
        "what": row["what"],
        "date": _parse_date(row.get("date")),
        "date_precision": row.get("date_precision"),
        "date_end": _parse_date(row.get("date_end")),
        "year_inferred": bool(row.get("year_inferred")),
        "text": row["text"],
    }
    source = row.get("source") or {}
    where = {"file": source.get("file"), "heading": source.get("heading")}
    fingerprint = date_fingerprint(slug, {**fields, **where})
    return ItemDate(**fields, **json_as_columns(source), fingerprint=fingerprint)


def _item(item_type: str, row: dict[str, Any], now: datetime) -> Item:
    item = Item(
        slug=row["id"],
        type=item_type,
        **{key: row.get(key) for key in ("kind", "title", "area", "region", "cluster")},
        **{key: row.get(key) for key in ("purpose", "citizen_impact")},
        **{key: list(row.get(key) or []) for key in ("parties", "budget", "aliases", "sources")},
    )
    item.statuses = [_status_entry(row["id"], s, now) for s in row.get("status_history", [])]
    item.dates = [_item_date(row["id"], d) for d in row.get("dates", [])]
    return item


def _body(row: dict[str, Any]) -> Body:
    members = [
        Member(
            name=member["name"],
            role=member.get("role"),
            affiliation=member.get("affiliation"),
            **json_as_columns(member.get("source")),
        )
        for member in row.get("members", [])
    ]
    return Body(
        slug=row["id"],
        name=row["name"],
        region=row.get("region"),
        cluster=row.get("cluster"),
        sources=list(row.get("sources") or []),
        members=members,
    )


async def _restore_documents(
    session: AsyncSession, rows: list[dict[str, Any]], now: datetime
) -> None:
    stored: dict[str, Document] = {}
    for row in rows:
        document = Document(
            **{key: row[key] for key in ("sha256", "file", "shape", "title")},
            document_date=_parse_date(row.get("document_date")),
            imported_at=now,
            format=row.get("format") or "text",
            source_url=row.get("source_url"),
            text=row.get("text"),
        )
        session.add(document)
        stored[row["sha256"]] = document
    await session.flush()
    for row in rows:
        document = stored[row["sha256"]]
        if row.get("superseded_by"):
            document.superseded_by_id = stored[row["superseded_by"]].id
        parts = [
            SectionRecord(tuple(s["path"]), s["level"], s["text"], s["start"], s["end"])
            for s in row.get("sections", [])
        ]
        await sections.add_sections(session, document.id, parts)


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
    session.add_all(_body(row) for row in data.get("bodies", []))
    await _restore_documents(session, data.get("documents", []), now)
    await session.flush()
    counts = {key: len(data[key]) for key in ("agreements", "initiatives", "meetings")}
    for key in ("bodies", "documents"):
        if key in data:
            counts[key] = len(data[key])
    return counts
