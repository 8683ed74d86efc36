"""Meetings in the knowledge base: matching what a document says to what is stored.

A meeting is one body on one day. A mention with only a month ("på møde i november")
is the same meeting as a dated one of that body in that month; when the day turns up
later, the stored meeting takes the day. Minutes of a meeting make it "held".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.changes import Change
from knowledge.documents.records import MeetingRecord
from knowledge.models import Meeting
from knowledge.names import fold, meeting_slug, region_key


def month_key(meeting_date: Any) -> str:
    return f"{meeting_date.year:04d}-{meeting_date.month:02d}"


def slug_for(body: str, record_date: Any, precision: str) -> str:
    when = record_date.isoformat() if precision == "day" else month_key(record_date)
    return meeting_slug(body, when)


def agenda_rows(record: MeetingRecord) -> list[dict[str, Any]]:
    return [{"number": a.number, "title": a.title, "decision": a.decision} for a in record.agenda]


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
        key = (fold(meeting.body), region_key(meeting.region), month_key(meeting.date))
        self.by_month.setdefault(key, []).append(meeting)
        self.slugs.add(meeting.slug)

    def find(self, record: MeetingRecord) -> Meeting | None:
        key = (fold(record.body), region_key(record.region), month_key(record.when.start))
        same_month = self.by_month.get(key, [])
        if record.when.precision != "day":
            return same_month[0] if same_month else None
        for meeting in same_month:
            if meeting.date_precision != "day" or meeting.date == record.when.start:
                return meeting
        return None

    def apply(self, record: MeetingRecord) -> list[Change]:
        meeting = self.find(record)
        if meeting is None:
            meeting = self._add(record)
            return [Change("add meeting", meeting.slug, f"{record.body} {meeting.date}")]
        updated = _merge(meeting, record)
        return [Change("update meeting", meeting.slug, ", ".join(updated))] if updated else []

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
            sources=[{"file": record.source.file, "heading": record.source.heading}],
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
    if record.state == "held" and meeting.state == "planned":
        meeting.state = "held"
        updated.append("state")
    source = {"file": record.source.file, "heading": record.source.heading}
    if source not in meeting.sources:
        meeting.sources = [*meeting.sources, source]
    return updated
