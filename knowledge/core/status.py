"""Status categories, their labels, and reading a category out of a status text.

Every status in the knowledge base is one of seven codes. Documents never use the codes:
they write "I drift", "Projektet afsluttes marts 2023" or "Alliancen blev nedlagt primo
2022". `read_status` turns such a text into a code *as of the document's date*, because a
future event in an old document ("træder i kraft den 1. maj 2023") may already have
happened by the time the document was written, and the category must say what was true
then, not what the sentence's grammar suggests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from knowledge.core.dates import DateMatch, find_dates, parse_date
from knowledge.core.errors import DateError
from knowledge.core.names import fold
from knowledge.core.periods import Period

CATEGORIES = (
    "planned",
    "in_progress",
    "implemented",
    "completed",
    "paused",
    "discontinued",
    "unknown",
)
_LABELS: dict[str, tuple[str, ...]] = {
    "da": ("planlagt", "i gang", "implementeret", "afsluttet", "sat på pause", "nedlagt", "ukendt"),
    "en": (
        "planned",
        "in progress",
        "implemented",
        "completed",
        "paused",
        "discontinued",
        "unknown",
    ),
}
# Words people type for a category besides its code and labels (folded on lookup): what a
# person says in chat ("den er i drift nu", "it's on hold"), in Danish and English.
_SYNONYMS: dict[str, str] = {
    "ikke startet": "planned",
    "ikke begyndt": "planned",
    "under forberedelse": "planned",
    "på tegnebrættet": "planned",
    "not started": "planned",
    "scheduled": "planned",
    "igangsat": "in_progress",
    "startet": "in_progress",
    "begyndt": "in_progress",
    "påbegyndt": "in_progress",
    "sat i gang": "in_progress",
    "sat i værk": "in_progress",
    "sat i drift": "implemented",
    "i proces": "in_progress",
    "under implementering": "in_progress",
    "under udarbejdelse": "in_progress",
    "under udvikling": "in_progress",
    "pågår": "in_progress",
    "ongoing": "in_progress",
    "underway": "in_progress",
    "under way": "in_progress",
    "started": "in_progress",
    "in the works": "in_progress",
    "being implemented": "in_progress",
    "work in progress": "in_progress",
    "i drift": "implemented",
    "i brug": "implemented",
    "taget i brug": "implemented",
    "udrullet": "implemented",
    "rullet ud": "implemented",
    "trådt i kraft": "implemented",
    "i kraft": "implemented",
    "in operation": "implemented",
    "operational": "implemented",
    "in use": "implemented",
    "in place": "implemented",
    "in force": "implemented",
    "in effect": "implemented",
    "rolled out": "implemented",
    "live": "implemented",
    "faerdig": "completed",
    "færdiggjort": "completed",
    "gennemfoert": "completed",
    "fuldført": "completed",
    "done": "completed",
    "finished": "completed",
    "complete": "completed",
    "concluded": "completed",
    "wrapped up": "completed",
    "pauseret": "paused",
    "pause": "paused",
    "på pause": "paused",
    "sat i bero": "paused",
    "i bero": "paused",
    "stillet i bero": "paused",
    "udsat": "paused",
    "parkeret": "paused",
    "on hold": "paused",
    "put on hold": "paused",
    "on pause": "paused",
    "suspended": "paused",
    "postponed": "paused",
    "halted": "paused",
    "opgivet": "discontinued",
    "ophoert": "discontinued",
    "lukket": "discontinued",
    "lukket ned": "discontinued",
    "stoppet": "discontinued",
    "droppet": "discontinued",
    "skrinlagt": "discontinued",
    "stopped": "discontinued",
    "cancelled": "discontinued",
    "canceled": "discontinued",
    "shut down": "discontinued",
    "closed down": "discontinued",
    "closed": "discontinued",
    "abandoned": "discontinued",
    "terminated": "discontinued",
    "scrapped": "discontinued",
    "dropped": "discontinued",
}
TEXT_MAX = 200

Tense = Literal["past", "present", "future"]
# weak: only decides when no other cue is found ("godkendt" says little about progress);
# final: a later sentence stating it wins over an earlier, different cue (newer state).
Weight = Literal["weak", "normal", "final"]


def label(category: str, lang: str = "da") -> str:
    """The human label of a category code in Danish ("da") or English ("en")."""
    if category not in CATEGORIES:
        raise ValueError(f"unknown status category: {category!r}")
    if lang not in _LABELS:
        raise ValueError(f"no status labels in language {lang!r}")
    return _LABELS[lang][CATEGORIES.index(category)]


def _loose(text: str) -> str:
    """Fold, then forgive æ/ø/å typed as a/o as well as ae/oe/aa, and spacing ("igang")."""
    folded = fold(text)
    for spelled, plain in (("aa", "a"), ("ae", "a"), ("oe", "o")):
        folded = folded.replace(spelled, plain)
    return folded.replace(" ", "")


def _lookup() -> dict[str, str]:
    table = {_loose(code): code for code in CATEGORIES}
    for labels in _LABELS.values():
        table.update({_loose(text): code for text, code in zip(labels, CATEGORIES, strict=True)})
    table.update({_loose(text): code for text, code in _SYNONYMS.items()})
    return table


_LOOKUP = _lookup()


def typed_phrases() -> tuple[tuple[str, str], ...]:
    """Every (phrase, code) a person may type for a category: the codes' labels in both
    languages and the synonyms, longest first (to find one inside a sentence)."""
    found = [
        (text, code)
        for labels in _LABELS.values()
        for text, code in zip(labels, CATEGORIES, strict=True)
    ]
    found += list(_SYNONYMS.items())
    return tuple(sorted(found, key=lambda pair: len(pair[0]), reverse=True))


def parse_category(text: str) -> str | None:
    """A category code from a code or a Danish/English label, typed loosely; else None."""
    return _LOOKUP.get(_loose(text)) if text.strip() else None


@dataclass(frozen=True)
class StatusReading:
    """What a status text says: its category, the sentence that decided it, since when."""

    category: str
    text: str
    valid_from: Period | None


@dataclass(frozen=True)
class Cue:
    """A phrase that states a category.

    For future events (`tense == "future"`) `category` is the state once the event has
    happened; before that the item is in the state `_AHEAD` gives.
    """

    pattern: re.Pattern[str]
    category: str
    tense: Tense
    weight: Weight = "normal"


def _cue(pattern: str, category: str, tense: Tense, weight: Weight = "normal") -> Cue:
    return Cue(re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), category, tense, weight)


CUES: tuple[Cue, ...] = (
    _cue(r"(?:er|blev)\s+nedlagt|nedlagt", "discontinued", "past", "final"),
    _cue(r"opgivet|ophørt", "discontinued", "past", "final"),
    _cue(r"pauseret|sat\s+på\s+pause|sat\s+i\s+bero", "paused", "past", "final"),
    _cue(r"(?:er|blev)\s+afsluttet", "completed", "past", "final"),
    _cue(r"er\s+gennemført|er\s+(?:der\s+)?udarbejdet", "completed", "past"),
    _cue(r"forventes\s+afsluttet|afsluttes|afrundes|evalueres", "completed", "future"),
    _cue(r"(?:er\s+)?fuldt\s+implementeret|er\s+implementeret", "implemented", "past"),
    _cue(r"er\s+trådt\s+i\s+kraft|trådte\s+i\s+kraft", "implemented", "past"),
    _cue(r"i\s+drift|gældende|er\s+forankret|anvendes", "implemented", "present"),
    _cue(r"træder\s+i\s+kraft|(?:forventet\s+)?ikrafttrædelse", "implemented", "future"),
    _cue(
        r"pågår|under\s+afprøvning|under\s+implementering|i\s+gang|igang", "in_progress", "present"
    ),
    _cue(
        r"implementeringsfasen|evaluerings-\s+og\s+afrapporteringsfasen", "in_progress", "present"
    ),
    _cue(r"kommet\s+langt\s+med\s+implementeringen|gentages\s+årligt", "in_progress", "present"),
    _cue(r"der\s+arbejdes|arbejdes\s+der", "in_progress", "present"),
    _cue(r"(?:er\s+)?igangsat|er\s+etableret", "in_progress", "past"),
    _cue(r"begyndte\s+arbejdet\s+med\s+implementering", "in_progress", "past"),
    _cue(r"har\s+(?:\w+\s+)?arbejdet\s+med\s+implementering", "in_progress", "past"),
    _cue(r"til\s+opgave\s+at\s+implementere", "in_progress", "past"),
    _cue(r"skal\s+igangsættes|igangsættes", "in_progress", "future"),
    _cue(r"(?:er|blev)\s+(?:der\s+)?nedsat\s+en\s+arbejdsgruppe", "in_progress", "past"),
    _cue(r"med\s+opstart|opstart\s+(?:i\s+)?(?=\w)", "in_progress", "future"),
    _cue(r"til\s+godkendelse", "planned", "present"),
    # Lower case only: "Individuelt Planlagt job med Støtte" is a name, not a plan.
    Cue(re.compile(r"\bplanlagt\b"), "planned", "present"),
    _cue(r"godkendt|godkendte", "planned", "past", "weak"),
)
_AHEAD = {"completed": "in_progress", "implemented": "planned", "in_progress": "planned"}

# Words that end in a full stop without ending the sentence (single letters as well).
_ABBREVIATIONS = frozenset(
    {"pr", "ca", "jf", "hhv", "vedr", "bl.a", "mhp", "evt", "fx", "f.eks", "mv", "m.v", "nr"}
    | {"kl", "inkl", "ift", "dvs", "osv", "o.l", "mht", "ang", "tlf", "st"}
)
_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“(A-ZÆØÅ0-9])")
_CLAUSE_BREAK = re.compile(r"[,;]|\s(?:og|samt|men|mens)\s", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\b(?:ikke|aldrig)\s+$", re.IGNORECASE)
_NOT_AFTER = re.compile(r"\s+(?:ikke|aldrig)\b", re.IGNORECASE)
_STAMP = re.compile(r"^(?:status\s+)?(?:pr\.|per)\s+(?P<when>.+?)\.?$", re.IGNORECASE)


def split_sentences(text: str) -> list[str]:
    """Sentences of a status text; "Pr. 1. kvartal" and "d. 7. februar" are not two."""
    flat = " ".join(text.split())
    sentences: list[str] = []
    start = 0
    for gap in _BREAK.finditer(flat):
        if not _ends_with_abbreviation(flat[start : gap.start()]):
            sentences.append(flat[start : gap.start()])
            start = gap.end()
    sentences.append(flat[start:])
    return [sentence for sentence in sentences if sentence]


def _ends_with_abbreviation(text: str) -> bool:
    words = text.split()
    last = words[-1].lstrip("(").removesuffix(".").lower() if words else ""
    return (len(last) == 1 and last.isalpha()) or last in _ABBREVIATIONS


@dataclass(frozen=True)
class _Reading:
    """A cue found in one sentence, resolved against the document's date."""

    category: str
    sentence: str
    date: Period | None  # the date in the cue's clause
    tense: Tense
    weight: Weight


def read_status(text: str, *, as_of: Period | None, year: int | None = None) -> StatusReading:
    """The category of a status text as of `as_of` (the document's date, or None).

    The first sentence with a cue decides; weak cues only when there is nothing else; a
    later sentence with a past-tense terminal cue of another category wins, being the
    newer state. A leading stamp sentence ("Pr. 2. kvartal 2023.") dates the status.
    """
    sentences = split_sentences(text)
    stamp = _stamp(sentences[0], year) if sentences else None
    if stamp is not None:
        sentences = sentences[1:]
    readings = [
        reading for sentence in sentences if (reading := _read(sentence, as_of, year)) is not None
    ]
    chosen = _decide(readings)
    if chosen is None:
        return StatusReading("unknown", shorten(" ".join(sentences)), stamp or as_of)
    return StatusReading(chosen.category, shorten(chosen.sentence), stamp or _since(chosen, as_of))


def _stamp(sentence: str, year: int | None) -> Period | None:
    match = _STAMP.match(sentence)
    if match is None:
        return None
    try:
        return parse_date(match.group("when"), year=year).period
    except DateError:
        return None


def _read(sentence: str, as_of: Period | None, year: int | None) -> _Reading | None:
    """The sentence's first strong cue (or, lacking one, its first weak cue), resolved."""
    found = [
        (match, cue)
        for cue in CUES
        for match in cue.pattern.finditer(sentence)
        if not _negated(sentence, match)
    ]
    strong = [pair for pair in found if pair[1].weight != "weak"]
    candidates = strong or found
    if not candidates:
        return None
    match, cue = min(candidates, key=lambda pair: pair[0].start())
    date = _clause_date(sentence, match, year)
    if cue.tense != "future":
        return _Reading(cue.category, sentence, date, cue.tense, cue.weight)
    if date is not None and as_of is not None and _has_happened(cue, date, as_of):
        return _Reading(cue.category, sentence, date, "past", cue.weight)
    return _Reading(_AHEAD[cue.category], sentence, date, "future", cue.weight)


def _has_happened(cue: Cue, date: Period, as_of: Period) -> bool:
    """A start ("opstart september 2023") has happened once its period began; an end or
    coming into force ("afsluttes i 2024") only once its period is over."""
    if cue.category == "in_progress":
        return date.start <= as_of.end
    return date.end <= as_of.end


def _negated(sentence: str, cue: re.Match[str]) -> bool:
    """ "er endnu ikke igangsat", "anvendes ikke længere" state nothing."""
    return bool(
        _NOT_BEFORE.search(sentence[: cue.start()]) or _NOT_AFTER.match(sentence[cue.end() :])
    )


def _clause_date(sentence: str, cue: re.Match[str], year: int | None) -> Period | None:
    """The first date in the clause the cue stands in: "godkendt medio 2021, og ... er
    implementeret" must not date the implementation by the approval."""
    breaks = [gap for gap in _CLAUSE_BREAK.finditer(sentence)]
    begin = max((gap.end() for gap in breaks if gap.end() <= cue.start()), default=0)
    end = min((gap.start() for gap in breaks if gap.start() >= cue.end()), default=len(sentence))
    dates: list[DateMatch] = find_dates(sentence, year=year)
    inside = [found.period for found in dates if begin <= found.start < end]
    return inside[0] if inside else None


def _decide(readings: list[_Reading]) -> _Reading | None:
    strong = [reading for reading in readings if reading.weight != "weak"]
    candidates = strong or readings
    if not candidates:
        return None
    chosen = candidates[0]
    for later in candidates[1:]:
        if later.weight == "final" and later.tense == "past" and later.category != chosen.category:
            chosen = later
    return chosen


def _since(reading: _Reading, as_of: Period | None) -> Period | None:
    """A past statement's own date when it is not after `as_of`; else `as_of`."""
    date = reading.date
    if reading.tense == "past" and date is not None and (as_of is None or date.start <= as_of.end):
        return date
    return as_of


def shorten(text: str, limit: int = TEXT_MAX) -> str:
    """At most `limit` characters, cut at a word boundary and marked with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.;:–-") + "…"
