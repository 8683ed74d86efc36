"""Factories for parsed records: each test builds exactly the data it talks about."""

from __future__ import annotations

from datetime import date, time

from knowledge.core.periods import Period
from knowledge.documents.records import (
    AgendaItem,
    ItemRecord,
    MeetingRecord,
    ParsedDocument,
    Source,
    StatusRecord,
)

MIDT = "Region Midtjylland"
SYD = "Region Syddanmark"


def status(
    category: str = "in_progress",
    text: str = "Arbejdet er i gang.",
    valid_from: date | None = date(2023, 4, 1),
    file: str = "rapport.txt",
    heading: str = "Samarbejdsaftale om fodpleje",
) -> StatusRecord:
    period = Period.day(valid_from) if valid_from else None
    return StatusRecord(category, text, period, Source(file, heading), author="Statusrapport")


def item(
    title: str = "Samarbejdsaftale om fodpleje",
    *,
    region: str | None = MIDT,
    item_type: str = "agreement",
    file: str = "rapport.txt",
    statuses: tuple[StatusRecord, ...] | None = None,
    **fields: object,
) -> ItemRecord:
    if statuses is None:
        statuses = (status(file=file, heading=title),)
    return ItemRecord(
        type=item_type,  # type: ignore[arg-type]
        kind=str(fields.pop("kind", "samarbejdsaftale")),
        title=title,
        source=Source(file, title),
        line=1,
        region=region,
        statuses=statuses,
        **fields,  # type: ignore[arg-type]
    )


def meeting(
    body: str = "Klyngestyregruppen Testklyngen",
    day: date = date(2024, 5, 3),
    *,
    precision: str = "day",
    state: str = "planned",
    file: str = "referat.txt",
    **fields: object,
) -> MeetingRecord:
    if precision == "day":
        when = Period.day(day)
    else:
        first = day.replace(day=1)
        when = Period(first, first, "month")
    return MeetingRecord(
        body=body,
        when=when,
        state=state,  # type: ignore[arg-type]
        source=Source(file, "Mødeplan"),
        line=1,
        **fields,  # type: ignore[arg-type]
    )


def document(
    *items: ItemRecord,
    meetings: tuple[MeetingRecord, ...] = (),
    file: str = "rapport.txt",
    on: date | None = date(2023, 6, 1),
) -> ParsedDocument:
    return ParsedDocument(
        file=file,
        shape="test",
        title=f"Testdokument {file}",
        document_date=Period.day(on) if on else None,
        items=items,
        meetings=meetings,
    )


def agenda(*titles: str) -> tuple[AgendaItem, ...]:
    return tuple(
        AgendaItem(str(n), t, f"Besluttet om {t.lower()}") for n, t in enumerate(titles, 1)
    )


__all__ = ["MIDT", "SYD", "agenda", "document", "item", "meeting", "status", "time"]
