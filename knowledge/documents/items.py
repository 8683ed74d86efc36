"""Agreements and initiatives in any document, with status, key dates and budget.

Where an item is found, most certain first:
1. a heading with item fields under it ("Hvad:", "Formål:", "Status:", "Betydning for
   borgerne:") or whose words name an agreement or initiative ("Samarbejdsaftale om ...",
   "Projekt X", "Sundhedsaftalen 2024-2027"; `knowledge.documents.kinds`);
2. a table row under a header with a title column ("Titel", "Navn", "Initiativ",
   "Projekt", "Indsats", "Aftale"), or a budget table whose caption speaks of initiatives
   or projects (its amounts in the caption's unit, "beløb i 1.000 kr.");
3. an agenda item whose title names one ("Godkendelse af revideret aftale om ...");
4. a mention in running text (`knowledge.documents.item_names`).
The same item found twice is one: the most certain finding gives the title, a bare title
("Sundhedsaftalen") joins the one fuller title that contains it ("Sundhedsaftalen
2024-2027"), and the texts of both are read for status and dates.

Status: the item's "Status:" field or status cell, whole, read with
`knowledge.core.status.read_status` as of the document's date; without one, the sentences
of its text that state a status (no status when none does). Key dates by their meaning
(`knowledge.documents.key_dates`); budgets from the row or from amounts in the sentences
that name the item (`knowledge.documents.budgets`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz

from knowledge.core.names import core_title, fold
from knowledge.core.status import CUES, read_status, split_sentences
from knowledge.documents.agenda import Entry, clean_title
from knowledge.documents.budgets import amounts, cell_amount, table_scale
from knowledge.documents.item_names import named_items
from knowledge.documents.key_dates import key_dates
from knowledge.documents.kinds import (
    Kind,
    decision_case,
    kind_of,
    named_phrase,
    subject,
    title_key,
)
from knowledge.documents.layout import Line
from knowledge.documents.reading import Reading
from knowledge.documents.records import (
    AgendaItem,
    BudgetLine,
    ItemRecord,
    KeyDate,
    Source,
    StatusRecord,
)
from knowledge.documents.sections import Heading
from knowledge.documents.tables import Table, tables

TITLE_MAX = 300
SUBJECT_WORDS = 6
NEAR_WORDS = 4
NEAR_SCORE = 95
_FIELD = re.compile(
    r"^(?P<label>hvad|formål|status|betydning for borgerne|formål og indhold|indhold)\s*:\s*"
    r"(?P<value>.*)$",
    re.IGNORECASE,
)
_FIELD_NAMES = {
    "hvad": "purpose",
    "formål": "purpose",
    "formål og indhold": "purpose",
    "indhold": "purpose",
    "status": "status",
    "betydning for borgerne": "citizen_impact",
}
_TOTAL = re.compile(r"^(?:total|i alt|sum|samlet)\b", re.IGNORECASE)
_INITIATIVES = re.compile(r"\b(?:initiativ|projekt|indsats|aftale)", re.IGNORECASE)
_TITLE_COLUMN = ("titel", "navn", "initiativ", "projekt", "indsats", "aftale", "tiltag")
_PARTIES = re.compile(
    r"^(?P<title>.+?)\s*\((?P<parties>[^()]*(?:kommune|region|hospital|"
    r"psykiatri|praksis|enhed)[^()]*)\)\s*$",
    re.IGNORECASE,
)
_PARTY_SPLIT = re.compile(r",\s*|\s+og\s+")
_FILE_NAME = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|potx)\s*$", re.IGNORECASE)
_CAPTION = re.compile(r"^(?:tabel|figur|bilag)\b|\bbeløb i\b|^kort status\b", re.IGNORECASE)
_FOR_APPROVAL = re.compile(
    r"^(?:godkendelse|til godkendelse|endelig godkendelse|beslutning om)\b", re.I
)
# Sentences that put something ahead: to be approved, heard or set up.
_AHEAD = re.compile(
    r"\b(?:(?:høring|behandling)\s+og\s+godkendelse|endelig\s+godkendelse|til\s+godkendelse"
    r"|skal\s+godkendes|forventes\s+godkendt|sendes\s+i\s+(?:offentlig\s+)?høring"
    r"|(?:besluttede|beslutter|vil|skal)\s+(?:\w+\s+){0,3}(?:at\s+)?(?:etablere|oprette|nedsætte|igangsætte)"
    r"|etableres|oprettes|ny\w*\s+(?:\w+\s+){0,2}(?:strategi|aftale|samarbejdsaftale|plan"
    r"|handleplan|model))\b",
    re.IGNORECASE,
)
_PERIOD = re.compile(r"(?P<first>(?:19|20)\d\d)\s*[-–]\s*(?:19|20)?\d\d")
_BUDGET_WORDS = re.compile(
    r"\b(?:budget|bevilling|afsat|tildelt|udgift|ramme|finansier|midler)", re.I
)


@dataclass
class _Found:
    title: str
    kind: Kind
    line: Line
    certainty: int  # 0 heading or table, 1 agenda item, 2 mention
    scopes: list[tuple[int, int]] = field(default_factory=list)  # spans of its own text
    status_text: str | None = None
    purpose: str | None = None
    citizen_impact: str | None = None
    budget: tuple[BudgetLine, ...] = ()
    parties: tuple[str, ...] = ()
    aliases: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)  # sentences about it (status, dates)
    context: list[str] = field(default_factory=list)  # every sentence naming it
    bare: bool = False  # a kind word alone ("Sundhedsaftalen"): only joins a fuller title
    agenda_title: str | None = None  # the agenda item it was named in


def items(
    reading: Reading, entries: Sequence[Entry], agenda: Sequence[AgendaItem]
) -> tuple[ItemRecord, ...]:
    """The agreements and initiatives the document names; `agenda` is `entries` read."""
    found = [
        *_from_headings(reading, entries),
        *_from_tables(reading),
        *_from_agenda(entries, agenda),
        *_from_mentions(reading),
    ]
    return tuple(_record(reading, item) for item in _joined(found))


def _from_headings(reading: Reading, entries: Sequence[Entry]) -> Iterator[_Found]:
    agenda_lines = {entry.line.index for entry in entries}
    headings = reading.outline.headings
    for at, heading in enumerate(headings):
        if heading.style == "label" or heading.line.index in agenda_lines:
            continue
        if not _name_like(heading):
            continue
        own_end = headings[at + 1].line.start if at + 1 < len(headings) else len(reading.text)
        fields = _fields(reading, heading.line, own_end)
        written = clean_title(heading.title) if heading.number else heading.title
        title = written if fields else named_phrase(written)
        bare = not title and _is_bare(written)
        title = title or (written if bare else None)
        if not title:
            continue
        kind = kind_of(title) or Kind("initiative", "initiativ")
        yield _Found(
            title=title,
            kind=kind,
            line=heading.line,
            certainty=0,
            scopes=[(heading.line.start, own_end)],
            status_text=fields.get("status"),
            purpose=fields.get("purpose"),
            citizen_impact=fields.get("citizen_impact"),
            aliases=[heading.title] if heading.title != title else [],
            bare=bare,
        )


def _is_bare(title: str) -> bool:
    """A title that is a kind word alone: "Sundhedsaftalen", "Samarbejdsaftalen"."""
    return len(title.split()) == 1 and kind_of(title) is not None


def _name_like(heading: Heading) -> bool:
    """A heading that can be an item's name: not a caption, a running head in capitals, a
    list's lead-in ("... følgende:") or the document's title line with its date."""
    title = heading.title
    if heading.style == "caps" or title.endswith(":") or _CAPTION.search(title):
        return False
    return not (heading.style == "document" and re.search(r"\d{4}", title) and "," in title)


def _fields(reading: Reading, first: Line, end: int) -> dict[str, str]:
    """ "Hvad:", "Status:" ... fields below a heading, each running to the next field."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in reading.lines[first.index + 1 :]:
        if line.start >= end:
            break
        match = _FIELD.match(line.text)
        if match is not None:
            name = _FIELD_NAMES[match["label"].lower()]
            current = found.setdefault(name, [])
            current.append(match["value"])
        elif current is not None and line.text:
            current.append(line.text)
    return {name: " ".join(" ".join(parts).split()) for name, parts in found.items() if parts}


def _from_tables(reading: Reading) -> Iterator[_Found]:
    for table in tables(reading):
        title_at = table.column(*_TITLE_COLUMN)
        if title_at is not None:
            yield from _item_rows(table, title_at)
        elif _INITIATIVES.search(table.caption) and (table.years() or table.column("i alt")):
            yield from _budget_rows(table)


def _item_rows(table: Table, title_at: int) -> Iterator[_Found]:
    status_at = table.column("status", "fremdrift")
    purpose_at = table.column("formål", "indhold", "beskrivelse")
    with_parties = table.column("titel og parter", "parter") is not None
    for row in table.rows:
        cells = list(row.cells) + [""] * 3
        title = cells[title_at]
        if not title or _TOTAL.match(title) or sum(1 for cell in row.cells if cell) < 2:
            continue
        parties: tuple[str, ...] = ()
        split = _PARTIES.match(title) if with_parties else None
        if split is not None:
            title = split["title"]
            parties = tuple(p.strip() for p in _PARTY_SPLIT.split(split["parties"]) if p.strip())
        text = " ".join(row.cells)
        kind = kind_of(title) or Kind(
            "initiative", "projekt" if "projekt" in text.lower() else "initiativ"
        )
        yield _Found(
            title=title,
            kind=kind,
            line=row.line,
            certainty=0,
            scopes=[(row.line.start, row.line.end)],
            status_text=cells[status_at] or None if status_at is not None else None,
            purpose=cells[purpose_at] or None if purpose_at is not None else None,
            parties=parties,
        )


def _budget_rows(table: Table) -> Iterator[_Found]:
    scale = table_scale(table.caption)
    years = table.years()
    total_at = table.column("i alt", "total")
    for row in table.rows:
        title = row.cells[0] if row.cells else ""
        if not title or _TOTAL.match(title):
            continue
        lines = [
            BudgetLine(amount, years[at])
            for at, cell in enumerate(row.cells)
            if at in years and (amount := cell_amount(cell, scale)) is not None
        ]
        total = (
            cell_amount(row.cells[total_at], scale)
            if total_at is not None and total_at < len(row.cells)
            else None
        )
        budget = (*lines, *((BudgetLine(total),) if total is not None else ()))
        if not budget:
            continue
        kind = kind_of(title) or Kind("initiative", "projekt")
        yield _Found(title, kind, row.line, 0, [(row.line.start, row.line.end)], budget=budget)


def _from_agenda(entries: Sequence[Entry], agenda: Sequence[AgendaItem]) -> Iterator[_Found]:
    """Items named by agenda titles; their status is what the recommendation and the
    decision say (the case text tells of much else)."""
    for entry, item in zip(entries, agenda, strict=True):
        title = named_phrase(entry.title)
        kind = kind_of(title) if title else None
        case = decision_case(entry.title) if kind is None else None
        if case is not None:
            title, kind = case, Kind("initiative", "beslutningssag")
        if title is None or kind is None:
            continue
        said = " ".join(part for part in (item.recommendation, item.decision) if part)
        about = _about(item.case_text, title) if title == named_phrase(entry.title) else []
        yield _Found(
            title,
            kind,
            entry.line,
            1,
            aliases=[entry.title] if entry.title != title else [],
            sentences=[*about, *(split_sentences(said) if said else [])],
            agenda_title=entry.title,
        )


def _about(text: str | None, title: str) -> list[str]:
    """Sentences of a case text that speak of the item: they name its kind ("Aftalen ...")
    or a distinctive word of its title."""
    if not text:
        return []
    found = kind_of(title)
    words = {word for word in fold(title).split() if len(word) >= 6}
    stem = None if found is None else "aftal" if found.type == "agreement" else fold(found.kind)[:6]
    kept = []
    for sentence in split_sentences(text):
        folded = fold(sentence)
        if (stem and stem in folded) or any(word in folded for word in words):
            kept.append(sentence)
    return kept


def _from_mentions(reading: Reading) -> Iterator[_Found]:
    for line in reading.lines:
        if line.blank or line.table or _FILE_NAME.search(line.text):
            continue
        for named in named_items(line.text):
            kind = kind_of(named.name)
            if kind is None and named.form == "quoted":
                kind = kind_of(named.lead) or Kind("initiative", named.name.split()[-1].lower())
            if kind is None:
                continue
            own = _sentences_at(line.text, named.start, named.end)
            budget = tuple(amounts(" ".join(own))) if named.form == "project" else ()
            about = [sentence for sentence in own if _subject(sentence, named.name)]
            yield _Found(named.name, kind, line, 2, budget=budget, sentences=about, context=own)


def _subject(sentence: str, name: str) -> bool:
    """The sentence is about the named thing: the name stands among its first words (what
    a sentence says later of something it names in passing is about something else)."""
    head = fold(" ".join(sentence.split()[: SUBJECT_WORDS + len(name.split())]))
    return fold(name) in head


def _sentences_at(text: str, start: int, end: int) -> list[str]:
    """The sentence of `text` holding [start, end) and, when it is the subject of the next
    sentence ("Aftalen ...", "Den ..."), that sentence too."""
    sentences = split_sentences(text)
    at = 0
    kept: list[str] = []
    for sentence in sentences:
        found = text.find(sentence[:20], at)
        at = found + len(sentence) if found >= 0 else at
        if found <= start < at or (kept and _continues(sentence)):
            kept.append(sentence)
        elif kept:
            break
    return kept or [text]


def _continues(sentence: str) -> bool:
    return bool(
        re.match(r"(?:aftalen|projektet|den|det|initiativet|indsatsen|planen)\b", sentence, re.I)
    )


def _key(title: str) -> str:
    return title_key(title)


def _joined(found: list[_Found]) -> list[_Found]:
    """One finding per item: the most certain first; a bare title joins the only fuller
    title that contains it, and is dropped when there is none or several."""
    by_key: dict[str, _Found] = {}
    bare: list[_Found] = []
    for item in sorted(found, key=lambda item: (item.certainty, item.line.start)):
        if item.bare:
            bare.append(item)
            continue
        key = _key(item.title)
        known = by_key.get(key) or _containing(by_key, key, item)
        if known is None:
            by_key[key] = item
        else:
            _absorb(known, item)
    for item in bare:
        key = _key(item.title)
        fuller = [other for other_key, other in by_key.items() if _contains(other_key, key)]
        if len(fuller) == 1:
            _absorb(fuller[0], item)
            if item.certainty < fuller[0].certainty:  # the heading is where it is described
                fuller[0].line, fuller[0].certainty = item.line, item.certainty
    return sorted(by_key.values(), key=lambda item: item.line.start)


def _containing(by_key: dict[str, _Found], key: str, item: _Found) -> _Found | None:
    core = _core(item)
    for other_key, other in by_key.items():
        if _contains(key, other_key) or (_contains(other_key, key) and len(key.split()) >= 3):
            return other
        if core and core == _core(other):
            return other
        if item.kind == other.kind and _near(key, other_key):
            return other
    return None


def _near(first: str, second: str) -> bool:
    """One title's words all in the other's, four words or more: the same name written
    with or without an adjective ("nye (tværsektorielle) samarbejdsindsatser")."""
    shorter = min(first.split(), second.split(), key=len)
    if len(shorter) < NEAR_WORDS:
        return False
    score = fuzz.token_set_ratio(first, second, processor=None, score_cutoff=NEAR_SCORE)
    return score >= NEAR_SCORE


def _core(item: _Found) -> str | None:
    """An agreement's subject without its kind word: "Aftalen om X", "Samarbejdsaftale om X"."""
    if item.kind.type != "agreement":
        return None
    core = fold(core_title(subject(item.title)))
    return core if len(core.split()) >= 2 else None


def _contains(longer: str, shorter: str) -> bool:
    return longer != shorter and f" {shorter} " in f" {longer} " and len(shorter.split()) >= 1


def _absorb(into: _Found, other: _Found) -> None:
    into.scopes.extend(span for span in other.scopes if span not in into.scopes)
    into.sentences.extend(s for s in other.sentences if s not in into.sentences)
    into.context.extend(s for s in other.context if s not in into.context)
    into.agenda_title = into.agenda_title or other.agenda_title
    into.status_text = into.status_text or other.status_text
    into.purpose = into.purpose or other.purpose
    into.budget = into.budget or other.budget
    names = [other.title, *other.aliases]
    into.aliases.extend(name for name in names if name != into.title and name not in into.aliases)


def _record(reading: Reading, item: _Found) -> ItemRecord:
    source = reading.line_source(item.line)
    return ItemRecord(
        type=item.kind.type,
        kind=item.kind.kind,
        title=item.title[:TITLE_MAX],
        source=source,
        line=item.line.number,
        region=reading.region,
        cluster=reading.cluster,
        parties=item.parties,
        purpose=item.purpose,
        citizen_impact=item.citizen_impact,
        budget=item.budget,
        aliases=tuple(dict.fromkeys(alias for alias in item.aliases if alias != item.title)),
        statuses=_statuses(reading, item, source),
        dates=tuple(_dates(reading, item)),
    )


def _statuses(reading: Reading, item: _Found, source: Source) -> tuple[StatusRecord, ...]:
    text = item.status_text or _status_sentences(reading, item)
    if text:
        found = read_status(text, as_of=reading.date, year=reading.year)
        if item.status_text is not None or found.category != "unknown":
            return (StatusRecord(found.category, text, found.valid_from, source, reading.title),)
    ahead = _ahead(reading, item)
    if ahead is not None:
        return (StatusRecord("planned", ahead, reading.date, source, reading.title),)
    return ()


def _ahead(reading: Reading, item: _Found) -> str | None:
    """Still to come: an agenda item putting it up for approval, or an agreement whose
    period starts after the document's date. The text is what says so."""
    if item.agenda_title and _FOR_APPROVAL.search(item.agenda_title):
        return item.agenda_title
    sentences = [*_own_sentences(reading, item), *item.context]
    said = [sentence for sentence in sentences if _AHEAD.search(sentence)]
    if said:
        return " ".join(dict.fromkeys(said))
    period = _PERIOD.search(item.title)
    if period and reading.date is not None and int(period["first"]) > reading.date.start.year:
        return item.title
    return None


def _own_sentences(reading: Reading, item: _Found) -> list[str]:
    sentences = list(item.sentences)
    for start, end in item.scopes:
        for line in _lines(reading, start, end):
            sentences.extend(split_sentences(line.text))
    return sentences


def _status_sentences(reading: Reading, item: _Found) -> str:
    """The sentences of the item's own text that state a status, in order."""
    kept: list[str] = []
    for sentence in _own_sentences(reading, item):
        if any(cue.pattern.search(sentence) for cue in CUES) and sentence not in kept:
            kept.append(sentence)
    return " ".join(kept)


def _dates(reading: Reading, item: _Found) -> Iterator[KeyDate]:
    seen: set[tuple[object, str, str]] = set()
    source = reading.line_source(item.line)
    for sentence in item.sentences:
        for found in key_dates(sentence, source, reading.year):
            mark = (found.when, found.what, found.text)
            if mark not in seen:
                seen.add(mark)
                yield replace(found, source=source)
    for start, end in item.scopes:
        for line in _lines(reading, start, end):
            for found in key_dates(line.raw, reading.line_source(line), reading.year):
                mark = (found.when, found.what, found.text)
                if mark not in seen:
                    seen.add(mark)
                    yield found


def _lines(reading: Reading, start: int, end: int) -> Iterator[Line]:
    first = reading.line_at(start).index
    for line in reading.lines[first:]:
        if line.start >= end:
            break
        if not line.blank:
            yield line
