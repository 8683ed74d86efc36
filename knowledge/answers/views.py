"""Rows of the knowledge base as the answer types of `knowledge.answers.kinds`.

Views say what the rows say and nothing more: an item without status history has no
status (None), not "unknown" made up here; a budget line without a year has none.
"""

from __future__ import annotations

from typing import Any

from knowledge.answers.kinds import (
    AgendaView,
    BudgetView,
    ItemView,
    MeetingView,
    SourceRef,
    StatusView,
)
from knowledge.core.history import history_order, newest_entry
from knowledge.core.models import Item, Meeting, StatusEntry


def source_refs(rows: list[Any]) -> tuple[SourceRef, ...]:
    return tuple(SourceRef(row["file"], row.get("heading")) for row in rows or [])


def status_view(entry: StatusEntry) -> StatusView:
    source = None
    if entry.source_file is not None:
        source = SourceRef(entry.source_file, entry.source_heading)
    return StatusView(
        category=entry.category,
        text=entry.text,
        valid_from=entry.valid_from,
        precision=entry.valid_from_precision,
        author=entry.author,
        source=source,
    )


def newest_status(item: Item) -> StatusView | None:
    """The newest entry of a history loaded with the item; None without history."""
    newest = newest_entry(item.statuses)
    return status_view(newest) if newest is not None else None


def _budget(rows: list[Any]) -> tuple[BudgetView, ...]:
    return tuple(
        BudgetView(int(row["amount_dkk"]), row.get("year"), row.get("note") or "")
        for row in rows or []
    )


def item_view(item: Item) -> ItemView:
    """An item whose `statuses` were loaded (selectinload)."""
    return ItemView(
        id=item.slug,
        type=item.type,
        kind=item.kind,
        title=item.title,
        region=item.region,
        cluster=item.cluster,
        area=item.area,
        parties=tuple(item.parties or ()),
        purpose=item.purpose,
        citizen_impact=item.citizen_impact,
        budget=_budget(item.budget),
        status=newest_status(item),
        sources=source_refs(item.sources),
        history=tuple(status_view(e) for e in sorted(item.statuses, key=history_order)[::-1]),
    )


def _agenda(rows: list[Any]) -> tuple[AgendaView, ...]:
    return tuple(
        AgendaView(str(row.get("number") or ""), row.get("title") or "", row.get("decision"))
        for row in rows or []
    )


def meeting_view(meeting: Meeting) -> MeetingView:
    return MeetingView(
        slug=meeting.slug,
        body=meeting.body,
        region=meeting.region,
        cluster=meeting.cluster,
        date=meeting.date,
        date_precision=meeting.date_precision,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        place=meeting.place,
        state=meeting.state,
        agenda=_agenda(meeting.agenda),
        note=meeting.note,
        sources=source_refs(meeting.sources),
    )
