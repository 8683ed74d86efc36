"""Meetings mentioned in passing: "På møde i klyngestyregruppen 24. november 2023 skal ...".

The rule, sentence by sentence (a line is never joined to the next):
- the sentence has a meeting word: a word ending in møde, mødet, møder, møderne or
  mødes ("møde", "opfølgningsmøde", "klyngestyregruppemødet"; not "mødelokale");
- it gives a date with day precision, or a month in the form "møde i <month> [<year>]"
  (the year from the document when not written), or "møder i hhv. <month> og <month>
  <year>" (one month for each body named, in order);
- a body is named: the one nearest to the meeting word nearest to the date. A body
  followed by "formandskab" is its chairs, not the body meeting. A role word
  ("klyngestyregruppen", "KSG", "Fagligt strategisk niveau") is the document's own
  cluster's body; failing that, `default_body`; failing that, a body the previous
  sentence of the same paragraph named ("X besluttede ... På et ekstraordinært møde
  d. 7. marts 2023 ..."), unless the meeting sentence names who took part ("med
  deltagelse af ..."). No body, no meeting.
- "behandles <noun> i <body> den <date>" and "<day> <year> drøftede <body>" count as meeting
  words: a body treating a case on a day is a meeting of that body.

State: "cancelled" when a cancel word calls off that date's meeting ("er aflyst");
"held" when the period ends before `as_of`, "planned" when it starts after it;
otherwise (same day, or no `as_of`) the tense decides: a past-tense verb and no
future word gives "held". A sentence that moves a meeting ("flyttet fra 12. marts til
19. marts") gives the meeting of the new day, with the old day as `moved_from`
(`knowledge.documents.reschedules` reads both). The note is the sentence itself, shortened.

`merge_meetings` makes one meeting of one body on one day, and drops a month-only
mention of a body in a month where a dated meeting of that body is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from knowledge.core.dates import DateMatch, find_dates, parse_date
from knowledge.core.errors import DateError
from knowledge.core.periods import Period
from knowledge.core.status import shorten, split_sentences
from knowledge.documents.bodies import Body, BodyMatch, find_bodies
from knowledge.documents.records import MeetingRecord, MeetingState, Source
from knowledge.documents.reschedules import cancels, distance, moved

NOTE_MAX = 160
# "behandles i <body> den <date>" and "<date> drøftede <body>" report a meeting as well.
_MEETING_WORD = re.compile(
    r"\b\w*møde(?:rne|t|r|s)?\b|\bbehandles\s+(?:\w+\s+)?i\b(?=[^.,;]*?\bden\s+\d)|(?<=\d{4}\s)drøftede\b",
    re.IGNORECASE,
)
_MONTH_LEAD = re.compile(r"\w*møde\w*\s+$", re.IGNORECASE)
_MONTH = r"(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)"
_RESPECTIVELY = re.compile(
    rf"\w*møde\w*\s+i\s+hhv\.\s+(?P<first>{_MONTH})\s+og\s+(?P<second>{_MONTH})"
    r"(?:\s+(?P<year>\d{4}))?",
    re.IGNORECASE,
)
# "et møde med deltagelse af kommuner, ..." is a meeting of others, not of the body before.
_OTHERS_TAKE_PART = re.compile(r"\bdeltagelse\s+af\b", re.IGNORECASE)
_CHAIRS = re.compile(r"\s*formandskab", re.IGNORECASE)
_OWN_REFERENCE = re.compile(
    r"\bklynge\s?styregrupp\w*|\b(?:KSG|FSN)\b|\bfagligt?[- ]strategisk\w*\s+niveau\w*",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:blev|var|har|havde|fik|gav|holdt|holdtes|afholdt|afholdtes|vedtog|godkendte"
    r"|gennemførte|tiltrådte|mødtes|\w+ede)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:skal|vil|forventes|kommende|næste|planlagt|afholdes|holdes|bliver)\b", re.IGNORECASE
)
_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKUP = re.compile(r"[*#`]|\\(?=[()])")
_BULLET = re.compile(r"^\s*[-•]\s+")


@dataclass(frozen=True)
class _Where:
    """What every meeting found in one call shares."""

    file: str
    heading: str
    year: int | None
    as_of: Period | None
    default_body: str | None
    region: str | None
    cluster: str | None


@dataclass(frozen=True)
class _Dated:
    """A date that may be a meeting's, with its span in the sentence."""

    start: int
    end: int
    period: Period
    match: DateMatch | None = None


def meetings_mentioned(
    text: str,
    *,
    file: str,
    heading: str,
    line: int,
    year: int | None,
    as_of: Period | None,
    default_body: str | None = None,
    region: str | None = None,
    cluster: str | None = None,
) -> list[MeetingRecord]:
    """The meetings `text` mentions (its first line is line `line` of `file`), merged."""
    where = _Where(file, heading, year, as_of, default_body, region, cluster)
    found: list[MeetingRecord] = []
    for offset, raw in enumerate(text.splitlines()):
        previous: Body | None = None
        for sentence in split_sentences(plain(raw)):
            carried = None if _OTHERS_TAKE_PART.search(sentence) else previous
            found.extend(_in_sentence(sentence, line + offset, where, carried))
            named = find_bodies(sentence, default_cluster=where.cluster)
            previous = named[-1].body if named else previous
    return list(merge_meetings(found))


def plain(line: str) -> str:
    """A line without markup: HTML tags, markdown links, emphasis, heading and bullet marks."""
    return _BULLET.sub("", _MARKUP.sub("", _LINK.sub(r"\1", _TAG.sub(" ", line))))


def merge_meetings(meetings: Iterable[MeetingRecord]) -> tuple[MeetingRecord, ...]:
    """One meeting per body and day (the first found wins, keeping a move a later one
    reports); month-only mentions of a body in a month with a dated meeting of that body
    are the same meeting."""
    kept: dict[tuple[str, Period], MeetingRecord] = {}
    for meeting in meetings:
        first = kept.setdefault((meeting.body, meeting.when), meeting)
        if first.moved_from is None and meeting.moved_from is not None:
            kept[(meeting.body, meeting.when)] = replace(first, moved_from=meeting.moved_from)
    dated = {
        (meeting.body, meeting.when.start.replace(day=1))
        for meeting in kept.values()
        if meeting.when.is_day
    }
    return tuple(
        meeting
        for meeting in kept.values()
        if meeting.when.is_day or (meeting.body, meeting.when.start) not in dated
    )


def _in_sentence(
    sentence: str, line: int, where: _Where, previous: Body | None = None
) -> list[MeetingRecord]:
    words = [match.span() for match in _MEETING_WORD.finditer(sentence)]
    if not words:
        return []
    named = find_bodies(sentence, default_cluster=where.cluster)
    bodies = [found for found in named if not _CHAIRS.match(sentence, found.end)]
    previous = None if named else previous
    respectively = _respectively(sentence, where.year)
    if respectively and len(respectively) == len(bodies):
        pairs = list(zip(respectively, [found.body for found in bodies], strict=True))
    else:
        pairs = _nearest_pairs(sentence, words, bodies, where, previous)
    return _records(pairs, sentence, line, where)


def _records(
    pairs: list[tuple[_Dated, Body]], sentence: str, line: int, where: _Where
) -> list[MeetingRecord]:
    """A record per dated meeting; a move gives one, on the new day, instead of two."""
    move = moved(sentence, where.year)
    spans = [(dated.start, dated.end) for dated, _ in pairs]
    records: list[MeetingRecord] = []
    for dated, body in pairs:
        if move is not None and dated.start == move.old.start:
            continue
        if move is not None and dated.start == move.new.start:
            new = _Dated(move.new.start, move.new.end, move.new.period, move.new)
            records.append(_record(new, body, sentence, line, where, move.old.period.start))
            continue
        cancelled = cancels(sentence, (dated.start, dated.end), spans)
        records.append(_record(dated, body, sentence, line, where, cancelled=cancelled))
    return records


def _nearest_pairs(
    sentence: str,
    words: list[tuple[int, int]],
    bodies: list[BodyMatch],
    where: _Where,
    previous: Body | None,
) -> list[tuple[_Dated, Body]]:
    pairs: list[tuple[_Dated, Body]] = []
    for dated in _dates(sentence, where.year):
        word = min(words, key=lambda span: distance(span, (dated.start, dated.end)))
        body = _nearest_body(word, bodies) or _own_body(sentence, where) or previous
        if body is not None:
            pairs.append((dated, body))
    return pairs


def _dates(sentence: str, year: int | None) -> list[_Dated]:
    """Day dates, and months written "møde i <month>"."""
    return [
        _Dated(found.start, found.end, found.period, found)
        for found in find_dates(sentence, year=year)
        if found.period.is_day or _is_meeting_month(sentence, found)
    ]


def _is_meeting_month(sentence: str, found: DateMatch) -> bool:
    return (
        found.period.precision == "month"
        and found.text.lower().startswith("i ")
        and bool(_MONTH_LEAD.search(sentence[: found.start]))
    )


def _respectively(sentence: str, year: int | None) -> list[_Dated]:
    match = _RESPECTIVELY.search(sentence)
    if match is None:
        return []
    written = match["year"] or (str(year) if year else "")
    try:
        return [
            _Dated(
                match.start(name), match.end(name), parse_date(f"{match[name]} {written}").period
            )
            for name in ("first", "second")
        ]
    except DateError:
        return []


def _nearest_body(word: tuple[int, int], bodies: list[BodyMatch]) -> Body | None:
    if not bodies:
        return None
    return min(bodies, key=lambda found: distance(word, (found.start, found.end))).body


def _own_body(sentence: str, where: _Where) -> Body | None:
    references = [
        found
        for found in _OWN_REFERENCE.finditer(sentence)
        if not _CHAIRS.match(sentence, found.end())
    ]
    if where.default_body and references:
        return Body(where.default_body, where.region, where.cluster)
    return None


def _record(
    dated: _Dated,
    body: Body,
    sentence: str,
    line: int,
    where: _Where,
    moved_from: date | None = None,
    *,
    cancelled: bool = False,
) -> MeetingRecord:
    found = dated.match
    return MeetingRecord(
        body=body.name,
        when=dated.period,
        state=meeting_state(dated.period, where.as_of, sentence, cancelled=cancelled),
        source=Source(where.file, where.heading),
        line=line,
        region=body.region or where.region,
        cluster=body.cluster,
        start_time=found.start_time if found else None,
        end_time=found.end_time if found else None,
        note=shorten(sentence, NOTE_MAX),
        moved_from=moved_from,
    )


def meeting_state(
    when: Period, as_of: Period | None, sentence: str, *, cancelled: bool = False
) -> MeetingState:
    """Cancelled when the text says so; else held or planned as of the document's date,
    and the tense decides when dates cannot."""
    if cancelled:
        return "cancelled"
    if as_of is not None and when.end < as_of.start:
        return "held"
    if as_of is not None and when.start > as_of.end:
        return "planned"
    if _PAST.search(sentence) and not _FUTURE.search(sentence):
        return "held"
    return "planned"
