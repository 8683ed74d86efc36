"""A precise shape reader's records merged with the general reader's.

The precise reader knows its layout better: for the same item or meeting its record wins,
and gains what only the general reader reads (key dates, the heading path and span of its
source, an agenda item's case text and recommendation, who took part). The general reader
adds the sections, the bodies and their members, and the items and meetings the shape's
rules leave out.

The same item: equal titles once case, accents, a kind word's ending and a leading
"Status på"-like phrase are set aside, or one title inside the other (two words or more),
or an alias of the precise item. The same meeting: the same day (or month) and bodies of
the same name, or of one cluster, or the general reader's body inside the precise one's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from knowledge.core.names import core_title, fold
from knowledge.documents.kinds import subject, title_key
from knowledge.documents.records import (
    AgendaItem,
    ItemRecord,
    MeetingRecord,
    ParsedDocument,
    Source,
)


def merged(precise: ParsedDocument, general: ParsedDocument) -> ParsedDocument:
    """`precise` with what `general` adds."""
    return replace(
        precise,
        items=_items(precise.items, general.items, precise.title),
        meetings=_meetings(precise.meetings, general.meetings),
        sections=general.sections,
        bodies=general.bodies,
        format=general.format,
        source_url=general.source_url,
    )


def _items(
    precise: tuple[ItemRecord, ...], general: tuple[ItemRecord, ...], author: str
) -> tuple[ItemRecord, ...]:
    kept = list(precise)
    extra: list[ItemRecord] = []
    for item in general:
        at = next((at for at, known in enumerate(kept) if same_item(known, item)), None)
        if at is None:
            extra.append(_authored(item, author))
        else:
            kept[at] = _enriched(kept[at], item)
    return (*kept, *extra)


def _authored(item: ItemRecord, author: str) -> ItemRecord:
    """Statuses of the merged document are the document's (its precise title)."""
    return replace(item, statuses=tuple(replace(s, author=author) for s in item.statuses))


def same_item(known: ItemRecord, item: ItemRecord) -> bool:
    names = {_key(name) for name in (known.title, *known.aliases)}
    key = _key(item.title)
    if key in names or any(_key(alias) in names for alias in item.aliases):
        return True
    if known.type == item.type == "agreement" and _core(known.title) == _core(item.title):
        return True  # "Aftalen om X" and "Revidering af samarbejdsaftale om X"
    if known.type == item.type and _under(item, known) and _shared_word(known, item):
        return True  # named in the precise item's own section, sharing a word of its name
    return any(_inside(key, name) or _inside(name, key) for name in names)


def _under(item: ItemRecord, known: ItemRecord) -> bool:
    headings = {fold(name) for name in (known.source.heading, *known.aliases)}
    return any(any(h and h in fold(part) for h in headings) for part in item.source.path)


def _shared_word(known: ItemRecord, item: ItemRecord) -> bool:
    def words(title: str) -> set[str]:  # the first four letters: "boern", "boerne", "unge"
        return {word[:4] for word in fold(title).split() if len(word) >= 4}

    return bool(words(known.title) & words(item.title))


def _core(title: str) -> str:
    core = fold(core_title(subject(title)))
    return core if len(core.split()) >= 2 else f"<{fold(title)}>"


def _key(title: str) -> str:
    return title_key(title)


def _inside(shorter: str, longer: str) -> bool:
    return len(shorter.split()) >= 2 and shorter != longer and f" {shorter} " in f" {longer} "


def _enriched(known: ItemRecord, item: ItemRecord) -> ItemRecord:
    source = known.source
    if not source.path and item.source.start is not None:
        source = Source(
            source.file, source.heading, item.source.path, item.source.start, item.source.end
        )
    return replace(known, source=source, dates=known.dates or item.dates)


def _meetings(
    precise: tuple[MeetingRecord, ...], general: tuple[MeetingRecord, ...]
) -> tuple[MeetingRecord, ...]:
    kept = list(precise)
    extra: list[MeetingRecord] = []
    for meeting in general:
        at = next((at for at, known in enumerate(kept) if same_meeting(known, meeting)), None)
        if at is None:
            if not any(same_meeting(other, meeting) for other in extra):
                extra.append(meeting)
        else:
            kept[at] = _with_general(kept[at], meeting)
    return (*kept, *extra)


def same_meeting(known: MeetingRecord, meeting: MeetingRecord) -> bool:
    if known.when.start.replace(day=1) != meeting.when.start.replace(day=1):
        return False
    if known.when.is_day and meeting.when.is_day and known.when != meeting.when:
        return False
    return _same_body(known, meeting)


def _same_body(known: MeetingRecord, meeting: MeetingRecord) -> bool:
    first, second = fold(known.body), fold(meeting.body)
    if first == second or (second and second in first) or (first and first in second):
        return True
    # "Randersklyngen" meeting on the day of the cluster's steering group: the same meeting.
    return known.cluster is not None and fold(known.cluster) == second


def _with_general(known: MeetingRecord, meeting: MeetingRecord) -> MeetingRecord:
    return replace(
        known,
        agenda=tuple(_agenda(known.agenda, meeting.agenda)),
        participants=known.participants or meeting.participants,
        absent=known.absent or meeting.absent,
        place=known.place or meeting.place,
    )


def _agenda(precise: Iterable[AgendaItem], general: Iterable[AgendaItem]) -> Iterable[AgendaItem]:
    by_number = {item.number: item for item in general}
    for item in precise:
        found = by_number.get(item.number)
        if found is None:
            yield item
            continue
        yield replace(
            item,
            decision=item.decision or found.decision,
            case_text=item.case_text or found.case_text,
            recommendation=item.recommendation or found.recommendation,
            source=item.source or found.source,
        )
