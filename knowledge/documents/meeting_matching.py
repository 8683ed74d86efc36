"""Meetings in the knowledge base: matching what a document says to what is stored.

A meeting is one body on one day. A mention with only a month ("på møde i november")
is the same meeting as a dated one of that body in that month; when the day turns up
later, the stored meeting takes the day. Minutes of a meeting make it "held".

A record that calls off a planned meeting makes it "cancelled". A record that moves a
meeting (`moved_from`) moves the stored meeting of that body on the old day to the new
day in place: same row, same slug, so a calendar's UID and the notifications planned
for it follow the meeting. When the new day already has a meeting of that body, the old
one is cancelled instead. A move whose old day is unknown is a meeting on the new day.

What a later document adds to a stored meeting fills what it lacked: time, place, the
kind ("workshop" for a plain "møde"), the year once the text gives it, the people present
and absent, and per agenda item (by number) the decision, case text and recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.models import Meeting
from knowledge.core.names import fold, meeting_slug, region_key
from knowledge.documents.changes import Change
from knowledge.documents.provenance import as_json
from knowledge.documents.records import AgendaItem, MeetingRecord
from knowledge.documents.records import Member as MemberRecord

DEFAULT_KIND = "møde"
AGENDA_TEXTS = ("decision", "case_text", "recommendation")


def month_key(meeting_date: Any) -> str:
    return f"{meeting_date.year:04d}-{meeting_date.month:02d}"


def slug_for(body: str, record_date: Any, precision: str) -> str:
    when = record_date.isoformat() if precision == "day" else month_key(record_date)
    return meeting_slug(body, when)


def agenda_row(agenda: AgendaItem) -> dict[str, Any]:
    """{"number", "title", "decision"}, and what else the document gave."""
    row: dict[str, Any] = {"number": agenda.number, "title": agenda.title}
    row["decision"] = agenda.decision
    for name in ("case_text", "recommendation"):
        if getattr(agenda, name) is not None:
            row[name] = getattr(agenda, name)
    if agenda.source is not None:
        row["source"] = as_json(agenda.source)
    return row


def agenda_rows(record: MeetingRecord) -> list[dict[str, Any]]:
    return [agenda_row(a) for a in record.agenda]


def people(members: tuple[MemberRecord, ...]) -> list[dict[str, Any]]:
    return [{"name": m.name, "role": m.role, "affiliation": m.affiliation} for m in members]


@dataclass
class MeetingBook:
    """Stored meetings by (folded body, region, month), loaded once per import batch.

    The region is part of the key: Region Midtjylland and Region Syddanmark each have a
    "Sundhedssamarbejdsudvalget", and their meetings are not each other's."""

    session: AsyncSession
    by_month: dict[tuple[str, str, str], list[Meeting]] = field(default_factory=dict)
    slugs: set[str] = field(default_factory=set)

    @classmethod
    async def load(cls, session: AsyncSession) -> MeetingBook:
        book = cls(session)
        for meeting in await session.scalars(select(Meeting)):
            book._remember(meeting)
        return book

    def _remember(self, meeting: Meeting) -> None:
        self.by_month.setdefault(_key(meeting.body, meeting.region, meeting.date), []).append(
            meeting
        )
        self.slugs.add(meeting.slug)

    def find(self, record: MeetingRecord) -> Meeting | None:
        same_month = self.by_month.get(_key(record.body, record.region, record.when.start), [])
        if record.when.precision != "day":
            return same_month[0] if same_month else None
        for meeting in same_month:
            if meeting.date_precision != "day" or meeting.date == record.when.start:
                return meeting
        return None

    def on_day(self, body: str, region: str | None, day: date) -> Meeting | None:
        """The stored meeting of the body on that day (day precision only)."""
        same_month = self.by_month.get(_key(body, region, day), [])
        return next((m for m in same_month if m.date_precision == "day" and m.date == day), None)

    def apply(self, record: MeetingRecord) -> list[Change]:
        moved = self._move(record) if record.moved_from is not None else None
        if moved is not None:
            return moved
        meeting = self.find(record)
        if meeting is None:
            meeting = self._add(record)
            return [Change("add meeting", meeting.slug, f"{record.body} {meeting.date}")]
        changes: list[Change] = []
        updated = _merge(meeting, record)
        if updated:
            changes.append(Change("update meeting", meeting.slug, ", ".join(updated)))
        if record.state == "cancelled" and meeting.state == "planned":
            meeting.state = "cancelled"
            changes.append(Change("cancel meeting", meeting.slug, f"{meeting.body} {meeting.date}"))
        return changes

    def _move(self, record: MeetingRecord) -> list[Change] | None:
        """Move the old day's meeting to the record's day; None when there is none to move."""
        assert record.moved_from is not None
        old = self.on_day(record.body, record.region, record.moved_from)
        if old is None or old.state == "held" or record.moved_from == record.when.start:
            return None
        new_day = record.when.start
        if self.on_day(record.body, record.region, new_day) is not None:
            return [*self._cancel_moved(old, new_day), *self._apply_unmoved(record)]
        self.by_month[_key(old.body, old.region, old.date)].remove(old)
        old.date, old.date_precision = new_day, "day"
        old.state = "held" if record.state == "held" else "planned"
        if record.start_time is not None:  # else the new day keeps the old day's hours
            old.start_time, old.end_time = record.start_time, record.end_time
        old.place = record.place or old.place
        _add_source(old, record)
        self._remember(old)
        return [Change("move meeting", old.slug, f"{record.moved_from} -> {new_day}")]

    def _cancel_moved(self, old: Meeting, new_day: date) -> list[Change]:
        if old.state != "planned":
            return []
        old.state = "cancelled"
        return [Change("cancel meeting", old.slug, f"{old.body} {old.date}: moved to {new_day}")]

    def _apply_unmoved(self, record: MeetingRecord) -> list[Change]:
        return self.apply(replace(record, moved_from=None))

    def _add(self, record: MeetingRecord) -> Meeting:
        precision = "day" if record.when.precision == "day" else "month"
        slug = slug_for(record.body, record.when.start, precision)
        while slug in self.slugs:
            slug += "-x"
        meeting = Meeting(
            slug=slug,
            body=record.body,
            region=record.region,
            cluster=record.cluster,
            date=record.when.start,
            date_precision=precision,
            start_time=record.start_time,
            end_time=record.end_time,
            place=record.place,
            state=record.state,
            note=record.note,
            agenda=agenda_rows(record),
            sources=[as_json(record.source)],
            kind=record.kind,
            year_inferred=record.year_inferred,
            participants=people(record.participants),
            absent=people(record.absent),
        )
        self.session.add(meeting)
        self._remember(meeting)
        return meeting


def _merge(meeting: Meeting, record: MeetingRecord) -> list[str]:
    updated = []
    if meeting.date_precision != "day" and record.when.precision == "day":
        meeting.date, meeting.date_precision = record.when.start, "day"
        updated.append("date")
    for name in ("start_time", "end_time", "place", "note", "region", "cluster"):
        if getattr(meeting, name) is None and getattr(record, name) is not None:
            setattr(meeting, name, getattr(record, name))
            updated.append(name)
    if record.agenda and not meeting.agenda:
        meeting.agenda = agenda_rows(record)
        updated.append("agenda")
    elif _fill_agenda(meeting, record):
        updated.append("agenda")
    if record.state == "held" and meeting.state in ("planned", "cancelled"):
        meeting.state = "held"
        updated.append("state")
    updated.extend(_merge_people(meeting, record))
    _add_source(meeting, record)
    return updated


def _merge_people(meeting: Meeting, record: MeetingRecord) -> list[str]:
    updated = []
    if meeting.kind == DEFAULT_KIND and record.kind != DEFAULT_KIND:
        meeting.kind = record.kind
        updated.append("kind")
    if meeting.year_inferred and not record.year_inferred and record.when.is_day:
        meeting.year_inferred = False
        updated.append("year")
    for name in ("participants", "absent"):
        if not getattr(meeting, name) and getattr(record, name):
            setattr(meeting, name, people(getattr(record, name)))
            updated.append(name)
    return updated


def _fill_agenda(meeting: Meeting, record: MeetingRecord) -> bool:
    """Give stored agenda items what the record's items of the same number add."""
    given = {agenda.number: agenda_row(agenda) for agenda in record.agenda}
    rows, filled = [], False
    for row in meeting.agenda:
        new = given.get(row.get("number"), {})
        missing = {k: new[k] for k in AGENDA_TEXTS if new.get(k) and not row.get(k)}
        if missing and "source" in new and "source" not in row:
            missing["source"] = new["source"]
        rows.append({**row, **missing})
        filled = filled or bool(missing)
    if filled:
        meeting.agenda = rows
    return filled


def _add_source(meeting: Meeting, record: MeetingRecord) -> None:
    source = as_json(record.source)
    if source not in meeting.sources:
        meeting.sources = [*meeting.sources, source]


def _key(body: str, region: str | None, day: date) -> tuple[str, str, str]:
    return (fold(body), region_key(region), month_key(day))
