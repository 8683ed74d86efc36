"""Apply a parsed document to the knowledge base.

The document's row, text and sections are stored once per content
(`knowledge.documents.sections`). New items are added; an item the knowledge base
already has (see `knowledge.documents.item_matching`) gets the document's status as a
new entry in its history, its key dates, and any field it lacked; meetings are matched
by body and day (a month-only mention joins the day it turns out to be), bodies by name
and region (`body_matching`). Every status entry and key date carries a fingerprint of
what it says and where it was read, so importing the same document again changes
nothing; every fact keeps its provenance (`knowledge.documents.provenance`).

An `Importer` serves a whole import run, one transaction per file: what it loaded stays
current as long as each file's transaction commits. After one rolls back, load again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.history import status_fingerprint
from knowledge.core.models import Item, ItemDate, Revision, StatusEntry
from knowledge.core.names import aliases as make_aliases
from knowledge.core.names import item_slug
from knowledge.documents import sections
from knowledge.documents.body_matching import BodyBook
from knowledge.documents.changes import Change, ImportReport, Tally
from knowledge.documents.item_matching import Candidate, ItemIndex
from knowledge.documents.meeting_matching import MeetingBook
from knowledge.documents.provenance import as_columns, as_json, span_columns
from knowledge.documents.records import ItemRecord, KeyDate, ParsedDocument, StatusRecord


def status_fields(record: StatusRecord) -> dict[str, object]:
    """The fields a status entry's fingerprint is made of (its provenance span is not:
    entries stored before spans were kept must stay recognisable)."""
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


def date_fields(record: KeyDate) -> dict[str, object]:
    period = record.when
    return {
        "what": record.what,
        "date": period.start if period else None,
        "date_precision": period.precision if period else None,
        "date_end": period.end if period and period.precision == "range" else None,
        "year_inferred": record.year_inferred,
        "text": record.text,
    }


def date_fingerprint(slug: str, fields: dict[str, object]) -> str:
    """Identity of a key date: the item, what the date means, the date as read, and where
    (file and heading, like a status: a reader that cuts spans differently adds nothing)."""
    return status_fingerprint(slug, {"key date": fields})


@dataclass(frozen=True)
class Incoming:
    """One document to import: as parsed, its content hash, and its text (None when the
    caller has only the records)."""

    document: ParsedDocument
    sha256: str
    text: str | None = None


@dataclass
class Importer:
    """One import run: the item index, meeting and body books are loaded once and kept
    current file after file."""

    session: AsyncSession
    now: datetime
    index: ItemIndex = field(default_factory=ItemIndex)
    items: dict[str, Item] = field(default_factory=dict)
    fingerprints: set[str] = field(default_factory=set)
    meetings: MeetingBook | None = None
    bodies: BodyBook | None = None

    async def load(self) -> None:
        rows = await self.session.scalars(select(Item))
        for item in rows:
            self._remember(item)
        self.fingerprints = set(await self.session.scalars(select(StatusEntry.fingerprint)))
        self.fingerprints |= set(await self.session.scalars(select(ItemDate.fingerprint)))
        self.meetings = await MeetingBook.load(self.session)
        self.bodies = await BodyBook.load(self.session)

    def _remember(self, item: Item) -> None:
        self.items[item.slug] = item
        headings: dict[str, set[str]] = {}
        for source in item.sources:
            headings.setdefault(source["file"], set()).add(source["heading"])
        names = (item.title, *item.aliases)
        self.index.add(Candidate(item.slug, item.type, item.region, names, headings))

    async def apply(self, incoming: Incoming) -> ImportReport:
        document = incoming.document
        known = await self._record_document(incoming)
        assert self.meetings is not None, "load() first"
        assert self.bodies is not None, "load() first"
        changes: list[Change] = []
        items = meetings = bodies = Tally()
        for record in document.items:
            found = self._apply_item(record)
            items, changes = items.counted(found, "add item"), changes + found
        for meeting in document.meetings:
            found = self.meetings.apply(meeting)
            meetings, changes = meetings.counted(found, "add meeting"), changes + found
        for body in document.bodies:
            found = self.bodies.apply(body)
            bodies, changes = bodies.counted(found, "add body"), changes + found
        await self.session.flush()
        return ImportReport(
            document.file,
            document.shape,
            tuple(changes),
            incoming.sha256,
            sections=len(document.sections),
            text_only=sections.text_only(document),
            known=known,
            items=items,
            meetings=meetings,
            bodies=bodies,
        )

    async def _record_document(self, incoming: Incoming) -> bool:
        """Store a new document with its sections; True when its bytes were known."""
        if not await sections.known(self.session, incoming.sha256):
            await sections.store(
                self.session, incoming.document, incoming.sha256, incoming.text, self.now
            )
            return False
        # The same bytes again (perhaps under another name): no new document row, but
        # sources may change in place, so the generation must move (answers/cache.py).
        self.session.add(Revision(reason="document imported again", made_at=self.now))
        return True

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
        changes.extend(self._add_dates(item, record.dates))
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
            sources=[as_json(record.source)],
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
        source = as_json(record.source)
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
            entry = StatusEntry(
                **fields,
                **span_columns(record.source),
                recorded_at=self.now,
                fingerprint=fingerprint,
            )
            entry.item = item
            self.session.add(entry)
            changes.append(Change("add status", item.slug, record.category, fingerprint))
        return changes

    def _add_dates(self, item: Item, dates: tuple[KeyDate, ...]) -> list[Change]:
        changes = []
        for record in dates:
            fields = date_fields(record)
            where = {"file": record.source.file, "heading": record.source.heading}
            fingerprint = date_fingerprint(item.slug, {**fields, **where})
            if fingerprint in self.fingerprints:
                continue
            self.fingerprints.add(fingerprint)
            key_date = ItemDate(**fields, **as_columns(record.source), fingerprint=fingerprint)
            key_date.item = item
            self.session.add(key_date)
            changes.append(Change("add date", item.slug, f"{record.what} {record.text}"))
        return changes
