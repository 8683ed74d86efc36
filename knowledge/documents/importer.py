"""Apply a parsed document to the knowledge base.

New items are added; an item the knowledge base already has (see
`knowledge.documents.item_matching`)
gets the document's status as a new entry in its history and any field it lacked;
meetings are matched by body and day (a month-only mention joins the day it turns out
to be). Every status entry carries a fingerprint of what it says and where it was
read, so importing the same document again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.history import status_fingerprint
from knowledge.core.models import Document, Item, Revision, StatusEntry
from knowledge.core.names import aliases as make_aliases
from knowledge.core.names import item_slug
from knowledge.documents.changes import Change, ImportReport
from knowledge.documents.item_matching import Candidate, ItemIndex
from knowledge.documents.meeting_matching import MeetingBook
from knowledge.documents.records import ItemRecord, ParsedDocument, StatusRecord


def status_fields(record: StatusRecord) -> dict[str, object]:
    period = record.valid_from
    return {
        "category": record.category,
        "text": record.text,
        "valid_from": period.start if period else None,
        "valid_from_precision": period.precision if period else None,
        "valid_to": period.end if period and period.precision == "range" else None,
        "author": record.author,
        "source_file": record.source.file,
        "source_heading": record.source.heading,
    }


@dataclass
class Importer:
    """One import batch: the item index and meeting book are loaded once and kept current."""

    session: AsyncSession
    now: datetime
    index: ItemIndex = field(default_factory=ItemIndex)
    items: dict[str, Item] = field(default_factory=dict)
    fingerprints: set[str] = field(default_factory=set)
    meetings: MeetingBook | None = None

    async def load(self) -> None:
        rows = await self.session.scalars(select(Item))
        for item in rows:
            self._remember(item)
        self.fingerprints = set(await self.session.scalars(select(StatusEntry.fingerprint)))
        self.meetings = await MeetingBook.load(self.session)

    def _remember(self, item: Item) -> None:
        self.items[item.slug] = item
        headings: dict[str, set[str]] = {}
        for source in item.sources:
            headings.setdefault(source["file"], set()).add(source["heading"])
        names = (item.title, *item.aliases)
        self.index.add(Candidate(item.slug, item.type, item.region, names, headings))

    async def apply(self, document: ParsedDocument, sha256: str) -> ImportReport:
        await self._record_document(document, sha256)
        changes: list[Change] = []
        for record in document.items:
            changes.extend(self._apply_item(record))
        assert self.meetings is not None, "load() first"
        for meeting in document.meetings:
            changes.extend(self.meetings.apply(meeting))
        await self.session.flush()
        return ImportReport(document.file, document.shape, tuple(changes), sha256)

    async def _record_document(self, document: ParsedDocument, sha256: str) -> None:
        known = await self.session.scalar(select(Document).where(Document.sha256 == sha256))
        if known is None:
            self.session.add(
                Document(
                    file=document.file,
                    sha256=sha256,
                    shape=document.shape,
                    title=document.title,
                    document_date=document.document_date.start if document.document_date else None,
                    imported_at=self.now,
                )
            )
        else:  # the same bytes again (perhaps under another name): no new document row,
            # but sources may change in place, so the generation must move (answers/cache.py)
            self.session.add(Revision(reason="document imported again", made_at=self.now))

    def _apply_item(self, record: ItemRecord) -> list[Change]:
        names = (record.title, *record.aliases)
        slug = self.index.match(
            record.type, record.region, names, record.source.file, record.source.heading
        )
        changes: list[Change] = []
        if slug is None:
            item = self._new_item(record)
            changes.append(Change("add item", item.slug, record.title))
        else:
            item = self.items[slug]
            changes.extend(self._merge_item(item, record))
        changes.extend(self._add_statuses(item, record.statuses))
        return changes

    def _new_item(self, record: ItemRecord) -> Item:
        slug = self._free_slug(item_slug(record.title, record.region))
        generated = make_aliases(record.title, record.type)
        item = Item(
            slug=slug,
            type=record.type,
            kind=record.kind,
            title=record.title,
            area=record.area,
            region=record.region,
            cluster=record.cluster,
            parties=list(record.parties),
            purpose=record.purpose,
            citizen_impact=record.citizen_impact,
            budget=[vars(line) for line in record.budget],
            aliases=list(dict.fromkeys((*record.aliases, *generated))),
            sources=[{"file": record.source.file, "heading": record.source.heading}],
        )
        self.session.add(item)
        self._remember(item)
        return item

    def _free_slug(self, slug: str) -> str:
        candidate, n = slug, 2
        while candidate in self.items:
            candidate, n = f"{slug}-{n}", n + 1
        return candidate

    def _merge_item(self, item: Item, record: ItemRecord) -> list[Change]:
        filled = []
        for name in ("area", "purpose", "citizen_impact", "kind"):
            if getattr(item, name) in (None, "") and getattr(record, name):
                setattr(item, name, getattr(record, name))
                filled.append(name)
        if item.cluster and record.cluster != item.cluster:
            item.cluster = None  # reported by several clusters: the item is regional
            filled.append("cluster")
        filled.extend(self._merge_lists(item, record))
        source = {"file": record.source.file, "heading": record.source.heading}
        if source not in item.sources:
            item.sources = [*item.sources, source]
            self._remember(item)
        return [Change("update item", item.slug, ", ".join(filled))] if filled else []

    def _merge_lists(self, item: Item, record: ItemRecord) -> list[str]:
        filled = []
        new_parties = [p for p in record.parties if p not in item.parties]
        if new_parties:
            item.parties = [*item.parties, *new_parties]
            filled.append("parties")
        if record.budget and not item.budget:
            item.budget = [vars(line) for line in record.budget]
            filled.append("budget")
        new_aliases = [a for a in (record.title, *record.aliases) if a not in item.aliases]
        new_aliases = [a for a in new_aliases if a != item.title]
        if new_aliases:
            item.aliases = [*item.aliases, *new_aliases]
            filled.append("aliases")
        return filled

    def _add_statuses(self, item: Item, statuses: tuple[StatusRecord, ...]) -> list[Change]:
        changes = []
        for record in statuses:
            fields = status_fields(record)
            fingerprint = status_fingerprint(item.slug, fields)
            if fingerprint in self.fingerprints:
                continue
            self.fingerprints.add(fingerprint)
            entry = StatusEntry(**fields, recorded_at=self.now, fingerprint=fingerprint)
            entry.item = item
            self.session.add(entry)
            changes.append(Change("add status", item.slug, record.category, fingerprint))
        return changes
