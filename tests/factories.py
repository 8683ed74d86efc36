"""Factories for parsed records: each test builds exactly the data it talks about."""

from __future__ import annotations

from datetime import date, time

from knowledge.core.periods import Period
from knowledge.documents.records import (
    AgendaItem,
    BodyRecord,
    ItemRecord,
    KeyDate,
    MeetingRecord,
    Member,
    ParsedDocument,
    SectionRecord,
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
    sections: tuple[SectionRecord, ...] = (),
    bodies: tuple[BodyRecord, ...] = (),
    **fields: object,
) -> ParsedDocument:
    return ParsedDocument(
        file=file,
        shape="test",
        title=f"Testdokument {file}",
        document_date=Period.day(on) if on else None,
        items=items,
        meetings=meetings,
        sections=sections,
        bodies=bodies,
        **fields,  # type: ignore[arg-type]
    )


def sectioned(text: str) -> tuple[SectionRecord, ...]:
    """Sections of a text whose headings are lines starting with "#" (one per level),
    with their spans, as a reader would give them."""
    found: list[SectionRecord] = []
    path: tuple[str, ...] = ()
    start, body = 0, []
    offset = 0
    for line in text.splitlines(keepends=True):
        if line.startswith("#"):
            if body or path:
                found.append(SectionRecord(path, len(path), "".join(body).strip(), start, offset))
            level = len(line) - len(line.lstrip("#"))
            path = (*path[: level - 1], line.strip("# \n"))
            start, body = offset, []
        else:
            body.append(line)
        offset += len(line)
    found.append(SectionRecord(path, len(path), "".join(body).strip(), start, offset))
    return tuple(found)


def source(file: str, *path: str, span: tuple[int, int] | None = None) -> Source:
    start, end = span if span else (None, None)
    return Source(file, path[-1] if path else "", tuple(path), start, end)


def key_date(
    what: str, day: date | None, text: str, where: Source, *, year_inferred: bool = False
) -> KeyDate:
    when = Period.day(day) if day else None
    return KeyDate(what, when, text, where, year_inferred)  # type: ignore[arg-type]


def body(name: str, *members: Member, where: Source, region: str | None = MIDT) -> BodyRecord:
    return BodyRecord(name, where, region=region, members=members)


def agenda(*titles: str) -> tuple[AgendaItem, ...]:
    return tuple(
        AgendaItem(str(n), t, f"Besluttet om {t.lower()}") for n, t in enumerate(titles, 1)
    )


__all__ = [
    "MIDT",
    "SYD",
    "Member",
    "agenda",
    "body",
    "document",
    "item",
    "key_date",
    "meeting",
    "sectioned",
    "source",
    "status",
    "time",
]
