"""The dev set's scoring rules (../shared/devset/README.md) as pure functions, no I/O.

`fact_present(fact, text)` says whether a reply shows one `must_mention` fact:

- "2024-05-03" (a day): that day in any common format, with its year ("3. maj 2024",
  "3 May 2024", "May 3, 2024", "03-05-2024", "3.5.2024", "2024-05-03", "3/5 2024").
- "2024-05" (a month): the month's name (Danish or English, full or short) and the year,
  or "05-2024" / "2024-05". A day of that month alone does not count: the seed gives none,
  so an answer that names one invented it.
- a number: any number in the reply with that value, read generously ("1,2 mio. kr.",
  "1.200.000 kr.", "1 200 000", "DKK 1.2 million", "1.200 t.kr.", "74,8 %"). Days,
  months and clock times are taken out first, so "6. marts" is no count of 6; a year
  (1900-2100) may stand inside a date.
- "status:<code>": the category's label or one of a few clear synonyms, in either language
  (`STATUS_WORDS`), not negated ("ikke implementeret") and not part of a longer phrase of
  another category ("being implemented" is in progress, not implemented).
- any other string: the term, compared folded (case, æ/ø/å as ae/oe/aa and as a/o, other
  accents, hyphens, dashes and punctuation as spaces), starting at a word boundary and
  ending at one or in a Danish inflection ("fodplejen" shows "fodpleje"; "Boligudvalget"
  does not show "Bo").

`language_of(text)` tells a Danish reply from an English one by function words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

# The status words that count for a category, folded when compared. Labels as the bot
# writes them, plus a few synonyms a person would accept as saying the same.
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    "planned": ("planlagt", "planned", "ikke startet", "not started"),
    "in_progress": (
        "i gang",
        "igang",
        "igangsat",
        "under implementering",
        "in progress",
        "being implemented",
        "ongoing",
    ),
    "implemented": ("implementeret", "i drift", "implemented", "in operation"),
    "completed": ("afsluttet", "gennemført", "færdig", "completed", "finished"),
    "paused": ("sat på pause", "på pause", "sat i bero", "paused", "on hold"),
    "discontinued": ("nedlagt", "ophørt", "opgivet", "discontinued"),
}
NEGATIONS = ("ikke", "endnu ikke", "not", "not yet")
# What may follow a term inside one word: Danish definite and plural endings.
INFLECTIONS = r"(?:s|e|n|en|et|ne|er|es|ens|ets|erne|ernes)?"

MONTHS: dict[str, int] = {
    **dict.fromkeys(("januar", "january", "jan"), 1),
    **dict.fromkeys(("februar", "february", "feb"), 2),
    **dict.fromkeys(("marts", "march", "mar"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("maj", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("august", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("december", "dec"), 12),
}
_MONTH = "(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?![a-zæøå])\.?"
_DAY_PATTERNS = (
    re.compile(rf"\b(?P<d>\d{{1,2}})\.?\s*{_MONTH},?\s*(?P<y>\d{{4}})\b"),
    re.compile(rf"\b{_MONTH}\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b"),
    re.compile(r"\b(?P<d>\d{1,2})(?P<sep>[-./])(?P<m>\d{1,2})(?:(?P=sep)|\s)(?P<y>\d{4})\b"),
)
_MONTH_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s*(?P<y>\d{{4}})\b"),
    re.compile(r"\b(?P<m>\d{1,2})[-/.](?P<y>\d{4})\b"),
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})\b"),
)
_TIMES = re.compile(r"\bkl\.?\s*\d{1,2}(?:[.:]\d{2})?\b|\b\d{1,2}:\d{2}\b")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_MONTH = re.compile(r"\d{4}-\d{2}")
_NUMBER = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?P<sep>[.,])\d{3}(?:(?P=sep)\d{3})*(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?!\w)"
)
_GROUPED = re.compile(r"(?P<whole>\d{1,3}(?:(?P<sep>[.,])\d{3})+)(?:[.,](?P<decimals>\d+))?")
_SPACED_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0]\d{3})+(?!\w)")
_SCALES = (
    (re.compile(r"\s*(?:mio\b|millioner\b|millions?\b|mn\b)"), 1_000_000),
    (re.compile(r"\s*(?:mia\b|milliarder?\b|billions?\b)"), 1_000_000_000),
    (re.compile(r"\s*(?:t\.\s?kr|tkr|tusinde?\b|thousands?\b)"), 1_000),
)
_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_WORD = re.compile(r"[a-z0-9]+")
# Function words and the bot's own frame words (labels, weekdays). Words both languages
# use ("for", "status", "i", "at", "under") are in neither list.
_DANISH_WORDS = (
    "og er på til af den det de en et med som ikke har kan blev være hvad hvem hvornår jeg "
    "du om eller fra ved var skal efter næste møde møder mødet siden ingen noget intet "
    "videnbasen hvilken hvilke mente parter formål borgerne beslutning besluttet kilde nu "
    "ny nye vil gerne mere flere alle også her der din dit dine mig vi jer spørg spørge prøv "
    "fx pr implementeret planlagt afsluttet nedlagt ukendt pause alt ændringer "
    "mandag tirsdag onsdag torsdag fredag lørdag søndag"
)
_DANISH = frozenset(_DANISH_WORDS.split())
_ENGLISH_WORDS = (
    "the and is of to in on with was are not no has be what who when you from or by will "
    "next meeting meetings since knowledge base which did mean parties purpose citizens "
    "decision decided source about this that there it an as can does don't i'm now new want "
    "more all also here your me we ask agreement agreements initiative initiatives could "
    "implemented planned progress completed paused discontinued unknown total changes "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_ENGLISH = frozenset(_ENGLISH_WORDS.split())
# The knowledge base's own text (titles, quoted status notes) is Danish in answers in
# either language, so an English answer is one whose frame is English: this share of the
# function words found.
ENGLISH_SHARE = 0.15  # Danish answers run at 0-5 %, English ones at 22 % and more


def fold(text: str) -> str:
    """Lower case, æ/ø/å as ae/oe/aa, no accents, anything not a letter or digit a space."""
    lowered = text.lower().translate(_DANISH_LETTERS)
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c)
    )
    return " ".join(_WORD.findall(plain))


def skeleton(folded: str) -> str:
    """The a/o spelling of a folded text: "toender" and "tonder" are both "tonder"."""
    return folded.replace("aa", "a").replace("oe", "o").replace("ae", "e")


def has_term(text: str, term: str) -> bool:
    """`term` in `text`, folded, from a word's start to its end or an inflection."""
    folded_text, folded_term = fold(text), fold(term)
    if not folded_term:
        return False
    return any(
        re.search(rf"(?<![a-z0-9]){re.escape(needle)}{INFLECTIONS}(?![a-z0-9])", haystack)
        for haystack, needle in (
            (folded_text, folded_term),
            (skeleton(folded_text), skeleton(folded_term)),
        )
    )


def _day(year: str, month: int, day: str) -> date | None:
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def _month_of(match: re.Match[str]) -> int:
    named = match.groupdict().get("mon")
    return MONTHS[named] if named else int(match["m"])


def find_days(text: str) -> tuple[set[date], list[tuple[int, int]]]:
    """Every full date the text writes, and where (to take them out of the text)."""
    lowered = text.lower()
    days: set[date] = set()
    spans: list[tuple[int, int]] = []
    for pattern in _DAY_PATTERNS:
        for match in pattern.finditer(lowered):
            day = _day(match["y"], _month_of(match), match["d"])
            if day is not None:
                days.add(day)
                spans.append(match.span())
    return days, spans


def _without(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def find_months(text: str) -> set[tuple[int, int]]:
    """(year, month) of every month written without a day ("maj 2024", "05-2024")."""
    _, spans = find_days(text)
    rest = _without(text.lower(), spans)
    months: set[tuple[int, int]] = set()
    for pattern in _MONTH_PATTERNS:
        for match in pattern.finditer(rest):
            month = _month_of(match)
            if 1 <= month <= 12:
                months.add((int(match["y"]), month))
    return months


def _readings(token: str) -> set[float]:
    """What a written number may mean: "1.200" is 1200 (Danish) or 1.2 (English)."""
    grouped = _GROUPED.fullmatch(token)
    if grouped is None:
        return {float(token.replace(",", "."))}
    whole = grouped["whole"].replace(grouped["sep"], "")
    decimals = grouped["decimals"]
    readings = {float(f"{whole}.{decimals}" if decimals else whole)}
    if decimals is None and grouped["whole"].count(grouped["sep"]) == 1:
        readings.add(float(grouped["whole"].replace(grouped["sep"], ".")))
    return readings


def _scale(text: str, end: int) -> int:
    for pattern, factor in _SCALES:
        if pattern.match(text, end):
            return factor
    return 1


def find_numbers(text: str) -> set[float]:
    """Every value a number in the text may have, with "mio."/"million"/"t.kr." applied."""
    lowered = text.lower()
    values: set[float] = set()
    for match in _NUMBER.finditer(lowered):
        factor = _scale(lowered, match.end())
        values |= {reading * factor for reading in _readings(match[0])}
    for match in _SPACED_NUMBER.finditer(lowered):
        factor = _scale(lowered, match.end())
        values.add(float(re.sub(r"\D", "", match[0])) * factor)
    return values


def number_present(text: str, number: float) -> bool:
    is_year = float(number).is_integer() and 1900 <= number <= 2100
    if not is_year:
        _, spans = find_days(text)
        text = _TIMES.sub(" ", _without(text, spans))
    return any(abs(value - number) <= 1e-6 * max(1.0, abs(number)) for value in find_numbers(text))


def _status_spans(folded: str) -> list[tuple[int, int, str]]:
    """Status phrases in a folded text, the longer phrase winning where two overlap."""
    found: list[tuple[int, int, str]] = []
    for category, words in STATUS_WORDS.items():
        for word in words:
            pattern = rf"(?<![a-z0-9]){re.escape(fold(word))}(?![a-z0-9])"
            found += [(m.start(), m.end(), category) for m in re.finditer(pattern, folded)]
    found.sort(key=lambda span: (span[0] - span[1], span[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, category in found:
        if all(end <= k_start or start >= k_end for k_start, k_end, _ in kept):
            kept.append((start, end, category))
    return kept


def _negated(folded: str, start: int) -> bool:
    before = folded[:start].rstrip()
    return any(re.search(rf"(?<![a-z0-9]){fold(word)}$", before) for word in NEGATIONS)


def status_present(text: str, category: str) -> bool:
    folded = fold(text)
    return any(
        found == category and not _negated(folded, start)
        for start, _, found in _status_spans(folded)
    )


def fact_present(fact: str | int | float, text: str) -> bool:
    """Does `text` show this `must_mention` fact (module docstring)."""
    if isinstance(fact, int | float):
        return number_present(text, float(fact))
    if fact.startswith("status:"):
        return status_present(text, fact.removeprefix("status:"))
    if _ISO_DAY.fullmatch(fact):
        return date.fromisoformat(fact) in find_days(text)[0]
    if _ISO_MONTH.fullmatch(fact):
        year, month = fact.split("-")
        return (int(year), int(month)) in find_months(text)
    return has_term(text, fact)


def missing_facts(facts: Iterable[str | int | float], text: str) -> list[str | int | float]:
    return [fact for fact in facts if not fact_present(fact, text)]


def language_of(text: str) -> str:
    """ "en" when at least `ENGLISH_SHARE` of the function words are English, "da" when
    fewer are, "?" when the text has none."""
    words = re.findall(r"[a-zæøå']+", text.lower())
    danish = sum(word in _DANISH for word in words)
    english = sum(word in _ENGLISH for word in words)
    if danish + english == 0:
        return "?"
    return "en" if english >= ENGLISH_SHARE * (danish + english) else "da"
