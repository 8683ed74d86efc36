"""Meetings in any document: the meeting minutes or an agenda are of, meeting plans, and
every dated mention of a body meeting or acting.

The document's own meeting is read from its header, the lines before the agenda:
- that it is a meeting document: "Referat"/"Dagsorden" in its first lines or title,
  meeting labels ("Mødedato", "Tid & Sted", "Tidspunkt", "STARTTIDSPUNKT") or "mødet i X";
- the day: on a labelled line or the line under a label, a "den <day> kl." line, the
  title; a day without a year takes the document's year (and says so);
- the time: "kl. 14:00", "kl. 13-15", "kl. 13:00 - 14:45", a time right after a numeric
  date ("21-03-2018 11:00:00"), "kl. 12.00" later in the header; the end from an end
  label ("SLUTTIDSPUNKT") or "Mødet blev hævet kl. 12.50";
- the place: a place label ("Mødested", "STED", "Sted:"), the "i <place>" line under the
  date, the line under "Tid & Sted:", or the part of a line naming a room ("Mødelokale F7");
- the body: "mødet i X", "Referat: X", "X - Referat - <day>", "Møde i X", "X <day>",
  "Xs møde den <day>", the "UDVALG" label, or the first body the header names;
- held when the document records decisions or calls itself minutes, else by its date.

Mentions, sentence by sentence: a day (or "i <month> <year>" with a verb of meeting) and
a trigger: a meeting word ("møde", "mødet", "mødes", "opfølgningsmøde"), an event word
("workshop", "temadag", "kursusdag", "udviklingsdag", "konference", "seminar") or a body
acting ("godkendte", "besluttede", "drøftede", "behandlede", "forelægges", "tiltrådte",
"til godkendelse i X").
The body is the one named nearest the date in the sentence; an event with no body named
is the document's own body's. A moved meeting is its new day; a called-off one is
"cancelled" (`knowledge.documents.reschedules`). Week numbers, "i denne uge" and vague
periods give no meeting: nothing is invented.

Meeting plans: the dated lines of a list under a line or heading that announces meetings
("Mødeplan 2025", "I 2025 afholdes møder ...:"), one meeting per line, the place after the
day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import time

from knowledge.core.dates import DateMatch
from knowledge.core.names import fold
from knowledge.core.status import shorten
from knowledge.documents.agenda import Entry
from knowledge.documents.bodies import Body
from knowledge.documents.body_names import BodyLexicon, BodyMention
from knowledge.documents.dating import dated
from knowledge.documents.layout import Line, cells, label_role
from knowledge.documents.mentions import meeting_state, merge_meetings
from knowledge.documents.reading import Reading
from knowledge.documents.records import AgendaItem, MeetingRecord, MeetingState
from knowledge.documents.reschedules import cancels, distance, moved

NOTE_MAX = 160
BODY_REACH = 60
HEADER_LINES = 25
HEADER_LINE_MAX = 100  # a header's lines are short; a date in prose is about something else
PLACE_MAX = 150
_DOCUMENT_WORD = re.compile(r"\b(?:referat|dagsorden|mødereferat|beslutningsreferat)\b", re.I)
_MINUTES_WORD = re.compile(r"\b(?:referat|mødereferat|beslutningsreferat)\b", re.I)
_DATE_LABEL = re.compile(
    r"^(?:mødedato|dato|tid(?:\s*(?:&|og)\s*sted)?|tidspunkt|mødetidspunkt|starttidspunkt"
    r"|hvornår)\b\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_END_LABEL = re.compile(r"^(?:sluttidspunkt|sluttid)\b\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
_PLACE_LABEL = re.compile(r"^(?:mødested|sted|hvor|adresse)\b\s*:?\s*(?P<value>.*)$", re.I)
_BODY_LABEL = re.compile(r"^(?:udvalg|forum|mødeforum|organ)\s*:?\s*(?P<value>.*)$", re.I)
_BOTH_LABEL = re.compile(r"^tid\s*(?:&|og)\s*sted\b", re.IGNORECASE)
_ADJOURNED = re.compile(
    r"\bmødet\s+(?:blev\s+)?(?:hævet|sluttede|afsluttedes|afsluttet)\s+kl\.?\s*"
    r"(?P<hour>\d{1,2})[.:](?P<minute>\d{2})",
    re.IGNORECASE,
)
_BARE_TIME = re.compile(r"^\s*(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?::\d{2})?\b")
_LATER_TIME = re.compile(
    r"\bkl\.?\s*(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?"
    r"(?:\s*[-–]\s*(?P<end_hour>[01]?\d|2[0-3])(?:[:.](?P<end_minute>[0-5]\d))?)?",
    re.IGNORECASE,
)
_PLACE_WORD = re.compile(
    r"\b(?:\w*lokale|møderum|mødesal|\w*sal(?:en)?|\w*rådhus(?:et)?|\w*huset|\w*hospital(?:et)?"
    r"|sygehus(?:et)?|\w*center|konference\s*\d*|regionshuset|auditori\w*|kantine\w*|bygning"
    r"|online|teams|virtuel\w*|\d{4}\s+[A-ZÆØÅ]\w+)\b",
    re.IGNORECASE,
)
_BODY_PATTERNS = (
    re.compile(r"\bmødet\s+i\s+(?P<body>.+?)(?=\s+(?:den|d\.)\s+\d|\s+\d|$)", re.I),
    re.compile(r"^(?:referat|dagsorden)\s*[:–-]\s*(?P<body>.+)$", re.I),
    re.compile(
        r"^(?:referat|dagsorden)\s+(?:(?:fra|for|af)\s+(?:mødet\s+i\s+)?)?(?P<body>[^\d]+?)"
        r"\s+(?:(?:d\.|den)\s*)?\d",
        re.I,
    ),
    re.compile(r"^(?P<body>.+?)\s+[-–]\s+(?:referat|dagsorden)\b", re.I),
    re.compile(
        r"^(?:(?:ekstraordinært\s+)?møde)\s+i\s+(?P<body>.+?)(?=\s+(?:den|d\.)\s+\d|$)", re.I
    ),
    re.compile(r"^(?P<body>.+?)s\s+(?:ekstraordinære\s+)?møde\s+(?:den|d\.)\s+\d", re.I),
    re.compile(r"^(?P<body>[A-ZÆØÅ][^\d]{2,60}?)\s+\d{1,2}[-./]\d{1,2}[-./]\d{4}", re.I),
)
_MEETING_WORD = re.compile(r"\b\w*møde(?:rne|t|r|s)?\b|\bmødes\b|\bmødtes\b", re.IGNORECASE)
_EVENT = re.compile(
    r"\b(?P<kind>workshop|temadag|kursusdag|udviklingsdag|konference|seminar|webinar"
    r"|studietur|dialogmøde|opstartsmøde|opfølgningsmøde|netværksmøde|årsmøde|fyraftensmøde)"
    r"(?:en|et|pen|s|er|ne)?\b",
    re.IGNORECASE,
)
_ACTING = re.compile(
    r"\b(?:godkendte|godkendes|godkendt|besluttede|besluttes|vedtog|vedtages|drøftede|drøftes"
    r"|drøftet|behandlede|behandles|behandlet|tiltrådte|tiltrådt|forelægges|forelagt"
    r"|præsenteres\s+for|gav\s+opbakning|tog\s+\w+\s+til\s+efterretning"
    r"|(?:til\s+)?godkendelse\s+i)\b",
    re.IGNORECASE,
)
_ANY_TRIGGER = re.compile(
    "|".join(pattern.pattern for pattern in (_MEETING_WORD, _EVENT, _ACTING)), re.IGNORECASE
)
_CHAIRS = re.compile(r"\s*(?:formandskab|formand)", re.IGNORECASE)
_PLAN_INTRO = re.compile(
    r"\b(?:mødeplan|mødekalender|mødedatoer|møderække|kommende\s+møder|møder\s+i\s+\d{4}"
    r"|afholdes\s+\w*møder|møder\s+(?:afholdes|holdes)|møderne\s+(?:afholdes|holdes))\b",
    re.IGNORECASE,
)
_DATE_HINT = re.compile(
    r"\d|januar|februar|marts|april|maj|juni|juli|august|september"
    r"|oktober|november|december",
    re.IGNORECASE,
)
# "et møde med deltagelse af kommuner, ...": a meeting of others, not of the body before.
_OTHERS_TAKE_PART = re.compile(r"\bdeltagelse\s+af\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r",\s+|\s+og\s+|;\s*")
_SENTENCE_BREAK = re.compile(r"(?<=[a-zæøå0-9)\]”\"'])[.!?]\s+(?=[A-ZÆØÅ\"“(])")


@dataclass(frozen=True)
class _Head:
    body: Body
    day: DateMatch
    line: Line
    year_inferred: bool
    start_time: time | None
    end_time: time | None
    place: str | None


def own_meeting(
    reading: Reading,
    lexicon: BodyLexicon,
    entries: Sequence[Entry],
    agenda: Sequence[AgendaItem],
) -> MeetingRecord | None:
    """The meeting the document is the minutes or agenda of, if it is one."""
    header = _header_lines(reading, entries)
    if not _is_meeting_document(reading, header):
        return None
    head = _head(reading, lexicon, header)
    if head is None:
        return None
    state = _own_state(reading, head, agenda)
    start = header[0].start if header else 0
    end = header[-1].end if header else 0
    source = reading.source(start, end)
    return MeetingRecord(
        body=head.body.name,
        when=head.day.period,
        state=state,
        source=replace(source, heading=reading.title),
        line=head.line.number,
        region=head.body.region or reading.region,
        cluster=head.body.cluster or reading.cluster,
        start_time=head.start_time,
        end_time=head.end_time,
        place=head.place,
        agenda=tuple(agenda),
        year_inferred=head.year_inferred,
    )


def _header_lines(reading: Reading, entries: Sequence[Entry]) -> list[Line]:
    stop = entries[0].line.index if entries else len(reading.lines)
    kept: list[Line] = []
    for line in reading.lines[:stop]:
        if not line.blank:
            kept.append(line)
        if len(kept) >= HEADER_LINES:
            break
    return kept


def _is_meeting_document(reading: Reading, header: list[Line]) -> bool:
    first = header[:8]
    if _DOCUMENT_WORD.search(reading.title) or any(
        _DOCUMENT_WORD.search(line.text) for line in first
    ):
        return True
    if any(_DATE_LABEL.match(line.text) or _END_LABEL.match(line.text) for line in header):
        return True
    return any(
        len(line.text) <= HEADER_LINE_MAX
        and bool(_BODY_PATTERNS[0].search(line.text) or _BODY_PATTERNS[4].search(line.text))
        for line in first
    )


def _head(reading: Reading, lexicon: BodyLexicon, header: list[Line]) -> _Head | None:
    found = _day(reading, header)
    if found is None:
        return None
    day, line, inferred = found
    body = _body(reading, lexicon, header)
    if body is None:
        return None
    start, end = day.start_time, day.end_time
    if start is None:
        start = _bare_time(line.text, day) or _later_time(header, line)[0]
        end = end or _later_time(header, line)[1]
    end = end or _end_time(reading, header)
    return _Head(body, day, line, inferred, start, end, _place(header, line, day))


def _day(reading: Reading, header: list[Line]) -> tuple[DateMatch, Line, bool] | None:
    """A day on a date line: labelled, under a label, "den <day> kl.", else the first."""
    candidates: list[tuple[int, DateMatch, Line, bool]] = []
    previous: Line | None = None
    for order, line in enumerate(header):
        if len(line.text) > HEADER_LINE_MAX:
            continue
        for found, inferred in dated(line.text, reading.year):
            if not found.period.is_day:
                continue
            rank = 2
            if _DATE_LABEL.match(line.text) or (previous and _DATE_LABEL.match(previous.text)):
                rank = 0
            elif found.start_time is not None or found.text.lower().lstrip().startswith(
                ("den", "d.")
            ):
                rank = 1
            candidates.append((rank * 100 + order, found, line, inferred))
            break
        previous = line if not line.blank else previous
    if not candidates:
        return None
    _, found, line, inferred = min(candidates, key=lambda item: item[0])
    return found, line, inferred


def _body(reading: Reading, lexicon: BodyLexicon, header: list[Line]) -> Body | None:
    texts = [reading.title, *(line.text for line in header)]
    for at, line in enumerate(header):
        labelled = _BODY_LABEL.match(line.text)
        if labelled is not None and not labelled["value"] and at + 1 < len(header):
            texts.insert(0, header[at + 1].text)
    for text in texts:
        for pattern in _BODY_PATTERNS:
            found = pattern.search(text)
            if found is None:
                continue
            body = _named(found["body"], lexicon, reading)
            if body is not None:
                return body
    for line in header:
        start, end = reading.plain_span(line)
        named = lexicon.named(start, end)
        if named:
            return named[0].body
    return None


def _named(phrase: str, lexicon: BodyLexicon, reading: Reading) -> Body | None:
    """The body a header phrase names: the lexicon's when it is the whole phrase or a known
    body; else the phrase itself ("Sundhedsudvalget Test" is not "Sundhedsudvalget")."""
    phrase = phrase.strip(" -–:,")
    if not phrase or len(phrase) > 80 or _DOCUMENT_WORD.fullmatch(phrase):
        return None
    found = lexicon.find(phrase)
    if found is not None and (fold(found.name) == fold(phrase) or lexicon.is_known(found)):
        return found
    if re.search(r"\d", phrase) or len(phrase.split()) > 6:
        return found
    return Body(phrase[0].upper() + phrase[1:], reading.region, reading.cluster)


def _bare_time(text: str, day: DateMatch) -> time | None:
    found = _BARE_TIME.match(text[day.end :]) if day.end <= len(text) else None
    return time(int(found["hour"]), int(found["minute"])) if found else None


def _later_time(header: list[Line], line: Line) -> tuple[time | None, time | None]:
    """ "kl. 12.00" on the date's line or the two lines after it."""
    at = header.index(line)
    for other in header[at : at + 3]:
        found = _LATER_TIME.search(other.text)
        if found is not None:
            start = time(int(found["hour"]), int(found["minute"] or 0))
            end = (
                time(int(found["end_hour"]), int(found["end_minute"] or 0))
                if found["end_hour"]
                else None
            )
            return start, end
    return None, None


def _end_time(reading: Reading, header: list[Line]) -> time | None:
    for at, line in enumerate(header):
        labelled = _END_LABEL.match(line.text)
        if labelled is not None:
            value = labelled["value"] or (header[at + 1].text if at + 1 < len(header) else "")
            for found, _ in dated(value, reading.year):
                return found.start_time or _bare_time(value, found)
        adjourned = _ADJOURNED.search(line.text)
        if adjourned is not None:
            return time(int(adjourned["hour"]), int(adjourned["minute"]))
    return None


def _place(header: list[Line], line: Line, day: DateMatch) -> str | None:
    at = header.index(line)
    for index, other in enumerate(header):
        labelled = _PLACE_LABEL.match(other.text)
        if labelled is not None and not _DATE_LABEL.match(other.text):
            value = labelled["value"] or (header[index + 1].text if index + 1 < len(header) else "")
            return _clean_place(value)
    if at > 0 and _BOTH_LABEL.match(header[at - 1].text) and at + 1 < len(header):
        return _clean_place(header[at + 1].text)
    following = header[at + 1].text if at + 1 < len(header) else ""
    if following.startswith("i ") and _PLACE_WORD.search(following):
        return _clean_place(following[2:])
    for other in header[at : at + 3]:
        for part in re.split(r"\s+[-–]\s+", other.text):
            if _PLACE_WORD.match(part.strip()) and not _DOCUMENT_WORD.search(part):
                return _clean_place(part)
    return None


def _clean_place(text: str) -> str | None:
    text = _LATER_TIME.sub("", text).strip(" ,.-–")
    if not text or len(text) > PLACE_MAX or label_role(text) is not None:
        return None
    return text


def _own_state(reading: Reading, head: _Head, agenda: Sequence[AgendaItem]) -> MeetingState:
    decided = any(item.decision for item in agenda)
    if decided or _MINUTES_WORD.search(reading.title):
        return "held"
    as_of = reading.date
    if as_of is not None and head.day.period.end < as_of.start:
        return "held"
    return "planned"


def mentioned(
    reading: Reading, lexicon: BodyLexicon, own: MeetingRecord | None
) -> list[MeetingRecord]:
    """Meetings the text mentions: plans first, then mentions sentence by sentence."""
    default = lexicon.find(own.body) if own is not None else None
    if own is not None and default is None:
        default = Body(own.body, own.region, own.cluster)
    found = list(_planned(reading, lexicon, default))
    for line in reading.lines:
        if line.blank or not _DATE_HINT.search(line.text) or not _ANY_TRIGGER.search(line.text):
            continue
        found.extend(_in_line(reading, lexicon, line, default))
    return found


def _in_line(
    reading: Reading, lexicon: BodyLexicon, line: Line, default: Body | None
) -> Iterator[MeetingRecord]:
    line_start, _ = reading.plain_span(line)
    days = dated(line.text, reading.year)  # once per line; sentences take theirs by place
    if not days:
        return
    previous: Body | None = None
    for start, sentence in _sentences(line.text):
        end = start + len(sentence)
        named = lexicon.named(line_start + start, line_start + end)
        inside = [
            (replace(found, start=found.start - start, end=found.end - start), inferred)
            for found, inferred in days
            if start <= found.start and found.end <= end
        ]
        triggers = _triggers(sentence) if inside else []
        if triggers:
            carried = None if _OTHERS_TAKE_PART.search(sentence) else previous
            yield from _meetings(
                reading, line, sentence, (start, inside), triggers, named, default, carried
            )
        if named:
            previous = named[-1].body


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    start = 0
    for gap in _SENTENCE_BREAK.finditer(text):
        if _abbreviation_before(text[start : gap.start()]):
            continue
        yield start, text[start : gap.start() + 1]
        start = gap.end()
    yield start, text[start:]


def _abbreviation_before(text: str) -> bool:
    last = text.split()[-1].lower() if text.split() else ""
    return len(last) <= 2 or last in {"pr", "ca", "jf", "kl", "bl.a", "evt", "vedr", "hhv", "nr"}


@dataclass(frozen=True)
class _Trigger:
    start: int
    end: int
    kind: str  # "møde", an event word, or "acting"


def _triggers(sentence: str) -> list[_Trigger]:
    found = [_Trigger(m.start(), m.end(), "møde") for m in _MEETING_WORD.finditer(sentence)]
    found += [_Trigger(m.start(), m.end(), m["kind"].lower()) for m in _EVENT.finditer(sentence)]
    found += [_Trigger(m.start(), m.end(), "acting") for m in _ACTING.finditer(sentence)]
    return found


def _meetings(
    reading: Reading,
    line: Line,
    sentence: str,
    place: tuple[int, list[tuple[DateMatch, bool]]],
    triggers: list[_Trigger],
    named: list[BodyMention],
    default: Body | None,
    previous: Body | None,
) -> Iterator[MeetingRecord]:
    line_start, _ = reading.plain_span(line)
    offset, days = place
    bodies = [
        (mention.start - line_start - offset, mention.end - line_start - offset, mention.body)
        for mention in named
        if not _CHAIRS.match(sentence, mention.end - line_start - offset)
    ]
    move = moved(sentence, reading.year)
    spans = [(found.start, found.end) for found, _ in days]
    for found, inferred in days:
        trigger = min(triggers, key=lambda t: distance((t.start, t.end), (found.start, found.end)))
        if not _counts(found, trigger, sentence):
            continue
        if move is not None and found.start == move.old.start:
            continue
        body = _nearest(bodies, found, trigger) or _fallback(trigger, default, previous, bodies)
        if body is None:
            continue
        period = found.period
        moved_from = None
        if move is not None and found.start == move.new.start:
            period, moved_from = move.new.period, move.old.period.start
        cancelled = cancels(sentence, (found.start, found.end), spans)
        yield MeetingRecord(
            body=body.name,
            when=period,
            state=meeting_state(
                period, reading.date, _clause(sentence, found), cancelled=cancelled
            ),
            source=reading.line_source(line),
            line=line.number,
            region=body.region or reading.region,
            cluster=body.cluster,
            start_time=found.start_time,
            end_time=found.end_time,
            note=shorten(sentence, NOTE_MAX),
            moved_from=moved_from,
            kind=trigger.kind if trigger.kind not in ("møde", "acting") else "møde",
            year_inferred=inferred,
        )


def _clause(sentence: str, found: DateMatch) -> str:
    """The clause a date stands in: its tense is the meeting's ("... har været drøftet d. 20.
    maj og forelægges d. 17. juni ...": one held, one ahead)."""
    cuts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    begin = max(cut for cut in cuts if cut <= found.start)
    end = min((cut for cut in cuts if cut >= found.end), default=len(sentence))
    return sentence[begin:end]


def _counts(found: DateMatch, trigger: _Trigger, sentence: str) -> bool:
    """A day near its trigger, or "i <month> <year>" after a meeting word or an acting body."""
    if distance((trigger.start, trigger.end), (found.start, found.end)) > 80:
        return False
    if found.period.is_day:
        return not _deadline(sentence, found)
    if found.period.precision != "month" or not found.text.lower().startswith("i "):
        return False
    return trigger.kind in ("møde", "acting") and bool(re.search(r"\d{4}", found.text))


def _deadline(sentence: str, found: DateMatch) -> bool:
    before = sentence[max(0, found.start - 25) : found.start].lower()
    return bool(
        re.search(
            r"(?:deadline|frist|senest|i kraft|ikrafttrædelse|gældende fra)\W*\w*\W*$", before
        )
    )


def _nearest(
    bodies: list[tuple[int, int, Body]], found: DateMatch, trigger: _Trigger
) -> Body | None:
    """The body named nearest the meeting word (or, for a body acting, the date), within
    BODY_REACH characters: one named further off is where a case goes next, not who met."""
    anchor = (trigger.start, trigger.end) if trigger.kind != "acting" else (found.start, found.end)
    near = [body for body in bodies if distance(anchor, body[:2]) <= BODY_REACH]
    if not near:
        return None
    return min(near, key=lambda body: distance(anchor, body[:2]))[2]


def _fallback(
    trigger: _Trigger,
    default: Body | None,
    previous: Body | None,
    bodies: list[tuple[int, int, Body]],
) -> Body | None:
    if trigger.kind == "acting" or bodies:
        return None
    return previous  # "X besluttede ... På et ekstraordinært møde d. 7. marts ...": X's


def _planned(
    reading: Reading, lexicon: BodyLexicon, default: Body | None
) -> Iterator[MeetingRecord]:
    """One meeting per dated line of a list announced as a meeting plan."""
    in_plan = False
    for line in reading.lines:
        if line.blank:
            continue
        if _PLAN_INTRO.search(line.text) and not line.bullet and len(line.text) <= 160:
            in_plan = True
            continue
        if not in_plan:
            continue
        if not (line.bullet or line.table or len(line.text) <= 80):
            in_plan = False
            continue
        meeting = _plan_entry(reading, lexicon, line, default)
        if meeting is None and not (line.bullet or line.table):
            in_plan = False
        elif meeting is not None:
            yield meeting


def _plan_entry(
    reading: Reading, lexicon: BodyLexicon, line: Line, default: Body | None
) -> MeetingRecord | None:
    text = line.text
    days = [
        (found, inferred) for found, inferred in dated(text, reading.year) if found.period.is_day
    ]
    if not days:
        return None
    found, inferred = days[0]
    start, end = reading.plain_span(line)
    named = lexicon.named(start, end)
    body = named[0].body if named else default
    if body is None:
        return None
    place = text[found.end :].strip(" ,.-–|") or None
    if line.table:  # the row's other cells: "| 6. maj 2025 | Rådhuset |"
        others = [cell for cell in cells(line.raw) if cell and found.text.strip() not in cell]
        place = ", ".join(others) or None
    spans = [(day.start, day.end) for day, _ in days]
    cancelled = cancels(text, (found.start, found.end), spans)
    return MeetingRecord(
        body=body.name,
        when=found.period,
        state=meeting_state(found.period, reading.date, text, cancelled=cancelled),
        source=reading.line_source(line),
        line=line.number,
        region=body.region or reading.region,
        cluster=body.cluster,
        start_time=found.start_time,
        end_time=found.end_time,
        place=place if place and len(place) <= PLACE_MAX else None,
        year_inferred=inferred,
    )


def all_meetings(
    own: MeetingRecord | None, others: list[MeetingRecord]
) -> tuple[MeetingRecord, ...]:
    """One meeting per body and day, the document's own first."""
    return merge_meetings([*(() if own is None else (own,)), *others])
