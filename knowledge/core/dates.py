"""Read Danish dates and periods ("28. september 2023 kl. 14:00", "1. halvår 2023", "primo 2024").

Status reports and minutes date things the way people talk: a day, a month, a quarter,
"foråret 2021", "ultimo 2022", "i perioden 2022-2023". `parse_date` reads one such expression;
`find_dates` finds every one in running text, each as a `Period` with the precision the text
gave, so answers never claim more precision than the document had.

Why our own code: no library we know reads Danish periods. Babel formats Danish dates but
does not parse them, and general date parsers know neither "primo 2023" nor "1. halvår",
and guess a day where the text only gave a month.

Rules that keep running text honest (parse_date, which reads text known to be a date, is
more lenient):
- a bare year is a date only after a preposition ("i 2019", "fra 2020"), because documents
  are full of numbers like "kr. 2023" and "Sundhedsaftalen 2019-2023";
- a year range is a date only after "perioden" ("i perioden 2022-2023");
- a month, season, quarter or half with no year needs the document's year and a
  preposition ("i november"), so "april-mødet" and names such as "Jan" are not dates;
- an abbreviated month ("feb", "dec.") always needs a year;
- an expression that looks like a date but does not exist ("31. februar 2023") is skipped,
  and no shorter date is read out of it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, time
from functools import partial
from typing import Literal

from knowledge.core.errors import DateError
from knowledge.core.periods import Period, Precision, restore

__all__ = ["DateMatch", "find_dates", "parse_date"]


@dataclass(frozen=True)
class DateMatch:
    """One date expression: where it is in the searched text, and the period it names.

    The span includes leading words that belong to the expression ("Mandag d.", "den",
    "i løbet af"), so removing it leaves a sentence that still reads.
    """

    start: int
    end: int
    text: str
    period: Period
    start_time: time | None = None
    end_time: time | None = None


_FULL_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_NUMBERS = {name: n for n, name in enumerate(_FULL_MONTHS, 1)} | _ABBREVIATIONS
_ORDINAL_WORDS = {"første": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4, "femte": 5}
_THIRD_STARTS = {"primo": 1, "medio": 5, "ultimo": 9}
# "i begyndelsen af 2019" is a third of the year, as "primo 2019" is.
_PART_OF_STARTS = {"begyndelsen": 1, "starten": 1, "midten": 5, "slutningen": 9}
_SEASON_STARTS = {"forår": 3, "sommer": 6, "efterår": 9, "vinter": 12}

_ABBREVIATION_RE = "|".join(sorted(_ABBREVIATIONS, key=len, reverse=True))
# What a form's text must hold, found in one pass; only the windows around these are scanned.
_ANCHOR = re.compile(
    r"(?P<month>(?i:\b(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)))"
    r"|(?P<iso>(?:199\d|20\d\d)-\d)|(?P<numeric>\d[-./]\d{1,2}[-./\s])|(?P<slash>\d/\d)"
    r"|(?P<year>(?<!\d)(?:199\d|20\d\d)(?!\d))|(?P<part>(?i:kvartal|halvår))"
    rf"|(?P<third>(?i:{'|'.join(_THIRD_STARTS)}))|(?P<season>(?i:{'|'.join(_SEASON_STARTS)}))"
)
_MONTH_ANCHOR = ("month",)
_SLASH_ANCHOR = ("slash", "numeric")
_NUMERIC_ANCHOR = ("numeric", "iso")
_PART_ANCHOR = ("part",)
_THIRD_ANCHOR = ("third",)
_SEASON_ANCHOR = ("season",)
_YEAR_ANCHOR = ("year", "iso")  # an ISO date's anchor holds its year
_SPACE = re.compile(r"\s")
CACHE_SIZE = 4096  # texts whose dates are remembered (lines and sentences of a few documents)
_REACH = 40  # characters a form reaches from its anchor: leading words, the year after a month
_MONTH_RE = rf"(?:{'|'.join(_FULL_MONTHS)}|(?:{_ABBREVIATION_RE})\.?)(?!\w)"
_YEAR_RE = r"(?:199\d|20\d\d)(?!\d)"
_ORDINAL_RE = rf"(?:(?P<num>\d{{1,2}})(?:\.\s*|\s+)|(?P<word>{'|'.join(_ORDINAL_WORDS)})\s+)"
_TIME_RE = r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?(?!\d)"
_CLOCK_RE = rf"(?:\s*,?\s*kl(?:\.|okken)?\s*(?P<from>{_TIME_RE})(?:\s*[-–]\s*(?P<to>{_TIME_RE}))?)?"
# Leading words stay on the date's line: "mødet i\nden 28. september" is a layout, not "i".
_GAP_RE = r"[^\S\n]+"
_PERIOD_LEAD_RE = (
    rf"(?:i{_GAP_RE}løbet{_GAP_RE}af|i{_GAP_RE}perioden|perioden|inden|siden|fra|før|efter"
    rf"|indtil|i){_GAP_RE}|pr\.[^\S\n]*"
)
_WEEKDAY_RE = r"(?:man|tirs|ons|tors|fre|lør|søn)dag"
_LEAD_RE = (
    rf"(?P<lead>{_PERIOD_LEAD_RE})?(?:{_WEEKDAY_RE},?{_GAP_RE})?(?:d\.[^\S\n]*|den{_GAP_RE})?"
)
# Not inside a word, a number, a path or a file name ("aftale-2019-2023/", "_31.01.22").
_START_RE = r"(?<![\w./–-])"
_END_RE = r"(?!\w|[-–/.,]\d)"


def _season_re(name: str) -> str:
    return rf"(?P<{name}>{'|'.join(_SEASON_STARTS)})(?:en|et)?(?!\w)"


_Builder = Callable[[re.Match[str], int | None], Period]
# Which leading words a form needs in running text: "yearless" means only when it has no year.
_LeadRule = Literal["none", "yearless", "always", "perioden"]


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    build: _Builder
    lead: _LeadRule
    anchors: tuple[str, ...]  # the _ANCHOR groups one of which its text holds


def _form(
    core: str,
    build: _Builder,
    anchors: tuple[str, ...],
    lead: _LeadRule = "none",
    *,
    clock: bool = False,
) -> _Form:
    clock_re = _CLOCK_RE if clock else ""
    pattern = re.compile(rf"{_START_RE}{_LEAD_RE}(?:{core}){clock_re}{_END_RE}", re.IGNORECASE)
    return _Form(pattern, build, lead, anchors)


def parse_date(text: str, *, year: int | None = None) -> DateMatch:
    """The whole of `text` as one date expression; `year` is the document's year.

    Raises DateError when the text is not a date, names a day or period that does not
    exist, or has no year and `year` is None.
    """
    stripped = text.strip()
    offset = len(text) - len(text.lstrip())
    first_error: DateError | None = None
    for form in _FORMS:
        match = form.pattern.fullmatch(stripped)
        if match is None:
            continue
        try:
            return _date_match(form, match, year, offset)
        except DateError as error:
            first_error = first_error or error
    raise first_error or DateError(f"{text!r} is not a Danish date or period")


def find_dates(text: str, *, year: int | None = None) -> list[DateMatch]:
    """Every date expression in `text`, left to right, non-overlapping, longest first."""
    return list(_find_dates(text, year))


@functools.lru_cache(maxsize=CACHE_SIZE)
def _find_dates(text: str, year: int | None) -> tuple[DateMatch, ...]:
    # Cached: readers of one document ask for the dates of the same lines and sentences.
    windows = _windows(text)
    if not windows:
        return ()
    merged: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    candidates: list[tuple[int, int, DateMatch | None]] = []
    for form in _FORMS:
        spans = merged.get(form.anchors)
        if spans is None:
            spans = merged[form.anchors] = _merged(windows, form.anchors)
        for window in spans:
            candidates.extend(_candidates(form, text, year, window))
    # Kept spans never overlap, so sorted by start they are sorted by end too.
    starts: list[int] = []
    kept: list[tuple[int, int, DateMatch | None]] = []
    for candidate in sorted(candidates, key=lambda found: (found[0] - found[1], found[0])):
        start, end, _ = candidate
        at = bisect.bisect_right(starts, start)
        if (at and kept[at - 1][1] > start) or (at < len(kept) and kept[at][0] < end):
            continue
        starts.insert(at, start)
        kept.insert(at, candidate)
    return tuple(found for _, _, found in kept if found)


def _windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where forms can match, by anchor: from _REACH before each anchor to _REACH after it.

    Every form holds its anchor (a month word, a numeric date, a year ...) and its leading
    words stand just before it; scanning only these windows keeps a long document fast.
    A window ends at white space (or the text's end), so the forms' look-aheads still see
    that the date ends there.
    """
    windows: dict[str, list[tuple[int, int]]] = {}
    for found in _ANCHOR.finditer(text):
        start = max(0, found.start() - _REACH)
        end = _word_end(text, found.end() + _REACH)
        windows.setdefault(found.lastgroup or "", []).append((start, end))
    return windows


def _merged(
    windows: dict[str, list[tuple[int, int]]], kinds: tuple[str, ...]
) -> list[tuple[int, int]]:
    spans = sorted(span for kind in kinds for span in windows.get(kind, ()))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _word_end(text: str, at: int) -> int:
    """The first white space at or after `at` (or the text's end): a window never cuts a
    word, so the forms' look-aheads see what they would see in the whole text."""
    found = _SPACE.search(text, min(at, len(text)))
    return found.start() if found else len(text)


def _candidates(
    form: _Form, text: str, year: int | None, window: tuple[int, int]
) -> Iterator[tuple[int, int, DateMatch | None]]:
    """Spans the form recognises; None for one that does not exist, so it still blocks."""
    for match in form.pattern.finditer(text, *window):
        if _lead_allows(form.lead, match):
            yield match.start(), match.end(), _try_date_match(form, match, year)


def _lead_allows(rule: _LeadRule, match: re.Match[str]) -> bool:
    lead = (match["lead"] or "").lower()
    if rule == "perioden":
        return "perioden" in lead
    if rule == "always" or (rule == "yearless" and not _group(match, "year")):
        return bool(lead)
    return True


def _try_date_match(form: _Form, match: re.Match[str], year: int | None) -> DateMatch | None:
    try:
        return _date_match(form, match, year)
    except DateError:
        return None


def _date_match(form: _Form, match: re.Match[str], year: int | None, offset: int = 0) -> DateMatch:
    period = form.build(match, year)
    start_time, end_time = _time(_group(match, "from")), _time(_group(match, "to"))
    return DateMatch(
        match.start() + offset, match.end() + offset, match[0], period, start_time, end_time
    )


def _group(match: re.Match[str], name: str) -> str | None:
    value: str | None = match.groupdict().get(name)
    return value


def _time(text: str | None) -> time | None:
    if not text:
        return None
    hour, _, minute = text.replace(".", ":").partition(":")
    return time(int(hour), int(minute or 0))


def _quoted(match: re.Match[str]) -> str:
    return repr(match[0].strip())


def _year(match: re.Match[str], default: int | None) -> int:
    written = _group(match, "year")
    if written:
        return int(written)
    if default is None:
        raise DateError(f"{_quoted(match)} has no year, and no document year was given")
    return default


def _year_month(match: re.Match[str], default: int | None, name: str = "month") -> tuple[int, int]:
    token = match[name].lower().rstrip(".")
    if token in _ABBREVIATIONS and not _group(match, "year"):
        raise DateError(f"{_quoted(match)}: an abbreviated month needs a year")
    return _year(match, default), _MONTH_NUMBERS[token]


def _day(match: re.Match[str], year: int, month: int, name: str = "day") -> date:
    try:
        return date(year, month, int(match[name]))
    except ValueError:
        raise DateError(f"{_quoted(match)} is not a real date") from None


def _range(start: date, end: date, match: re.Match[str]) -> Period:
    if end <= start:
        raise DateError(f"{_quoted(match)} ends before it starts")
    return Period(start, end, "range")


def _first_of(year: int, month: int, precision: Precision) -> Period:
    return restore(date(year, month, 1), precision)


def _build_day(match: re.Match[str], default: int | None) -> Period:
    year, month = _year_month(match, default)
    return Period.day(_day(match, year, month))


def _build_day_range(match: re.Match[str], default: int | None) -> Period:
    year, month = _year_month(match, default)
    return _range(_day(match, year, month), _day(match, year, month, "day2"), match)


def _build_numeric(match: re.Match[str], default: int | None) -> Period:
    first, second = match["sep"], match["sep2"]
    if first != second and not (first == "/" and (second == "-" or second.isspace())):
        raise DateError(f"{_quoted(match)} mixes separators")
    return _build_iso(match, default)


def _build_iso(match: re.Match[str], default: int | None) -> Period:
    return Period.day(_day(match, int(match["year"]), int(match["month"])))


def _build_month(match: re.Match[str], default: int | None) -> Period:
    return _first_of(*_year_month(match, default), "month")


def _build_month_range(match: re.Match[str], default: int | None) -> Period:
    year, first = _year_month(match, default)
    _, last = _year_month(match, default, "month2")
    return _range(date(year, first, 1), restore(date(year, last, 1), "month").end, match)


def _build_part(match: re.Match[str], default: int | None, precision: Precision) -> Period:
    parts = 4 if precision == "quarter" else 2
    number = int(match["num"]) if match["num"] else _ORDINAL_WORDS[match["word"].lower()]
    if not 1 <= number <= parts:
        raise DateError(f"{_quoted(match)}: a year has {parts} parts, not {number}")
    return _first_of(_year(match, default), (number - 1) * 12 // parts + 1, precision)


def _build_part_of(match: re.Match[str], default: int | None) -> Period:
    return _first_of(int(match["year"]), _PART_OF_STARTS[match["part"].lower()], "third")


def _build_end_of(match: re.Match[str], default: int | None) -> Period:
    """ "udgangen af 2010": the year's last month."""
    return _first_of(int(match["year"]), 12, "month")


def _build_day_slash(match: re.Match[str], default: int | None) -> Period:
    """ "d. 28/9": day and month; the year written after it, else the document's."""
    month = int(match["month"])
    if not 1 <= month <= 12:
        raise DateError(f"{_quoted(match)} has no month {month}")
    return Period.day(_day(match, _year(match, default), month))


def _build_third(match: re.Match[str], default: int | None) -> Period:
    month = _THIRD_STARTS[match["third"].lower()]
    return _first_of(_year(match, default), month, "third")


def _season(match: re.Match[str], default: int | None, name: str) -> Period:
    month = _SEASON_STARTS[match[name].lower()]
    return _first_of(_year(match, default), month, "season")


def _build_season_range(match: re.Match[str], default: int | None) -> Period:
    start = _season(match, default, "season").start
    return _range(start, _season(match, default, "season2").end, match)


def _build_year(match: re.Match[str], default: int | None) -> Period:
    return _first_of(int(match["year"]), 1, "year")


def _build_year_range(match: re.Match[str], default: int | None) -> Period:
    last = date(int(match["year2"]), 12, 31)
    return _range(date(int(match["year"]), 1, 1), last, match)


_OPTIONAL_YEAR = rf"(?:\s*(?P<year>{_YEAR_RE}))?"
_DAY = rf"(?P<day>\d{{1,2}})(?:\.\s*|\s+)(?P<month>{_MONTH_RE}){_OPTIONAL_YEAR}"
_DAY_RANGE = (
    rf"(?P<day>\d{{1,2}})\.?\s*(?:til|[-–])\s*(?P<day2>\d{{1,2}})(?:\.\s*|\s+)"
    rf"(?P<month>{_MONTH_RE}){_OPTIONAL_YEAR}"
)
_NUMERIC = (
    rf"(?P<day>\d{{1,2}})(?P<sep>[-./])(?P<month>\d{{1,2}})(?P<sep2>[-./]|\s+)(?P<year>{_YEAR_RE})"
)
_ISO = rf"(?P<year>{_YEAR_RE})-(?P<month>\d{{1,2}})-(?P<day>\d{{1,2}})(?!\d)"
_MONTH = rf"(?P<month>{_MONTH_RE}){_OPTIONAL_YEAR}"
_MONTH_RANGE = rf"(?P<month>{_MONTH_RE})\s*[-–/]\s*(?P<month2>{_MONTH_RE})\s*(?P<year>{_YEAR_RE})"
_PART_YEAR = rf"(?:\s+(?:af\s+)?(?P<year>{_YEAR_RE}))?"
_QUARTER = rf"{_ORDINAL_RE}kvartal(?:et)?{_PART_YEAR}"
_HALF = rf"{_ORDINAL_RE}halvår(?:et)?{_PART_YEAR}"
_THIRD = rf"(?P<third>{'|'.join(_THIRD_STARTS)})\s+(?P<year>{_YEAR_RE})"
_PART_OF = rf"(?P<part>{'|'.join(_PART_OF_STARTS)})\s+af\s+(?P<year>{_YEAR_RE})"
_END_OF = rf"udgangen\s+af\s+(?P<year>{_YEAR_RE})"
_DAY_SLASH = rf"(?:d\.|den)\s*(?P<day>\d{{1,2}})/(?P<month>\d{{1,2}})(?:\s+(?P<year>{_YEAR_RE}))?"
_THIRD_MONTH = rf"(?:{'|'.join(_THIRD_STARTS)})\s+(?P<month>{_MONTH_RE}){_OPTIONAL_YEAR}"
_SEASON = rf"{_season_re('season')}{_OPTIONAL_YEAR}"
_SEASON_RANGE = rf"{_season_re('season')}\s*/\s*{_season_re('season2')}{_OPTIONAL_YEAR}"
_YEAR = rf"(?P<year>{_YEAR_RE})"
_YEAR_RANGE = rf"(?P<year>{_YEAR_RE})\s*[-–]\s*(?P<year2>{_YEAR_RE})"

_FORMS = (
    _form(_DAY_RANGE, _build_day_range, _MONTH_ANCHOR),
    _form(_DAY, _build_day, _MONTH_ANCHOR, clock=True),
    _form(_NUMERIC, _build_numeric, _NUMERIC_ANCHOR, clock=True),
    _form(_ISO, _build_iso, _NUMERIC_ANCHOR, clock=True),
    _form(_MONTH_RANGE, _build_month_range, _MONTH_ANCHOR),
    _form(_THIRD_MONTH, _build_month, _MONTH_ANCHOR),
    _form(_MONTH, _build_month, _MONTH_ANCHOR, "yearless"),
    _form(_QUARTER, partial(_build_part, precision="quarter"), _PART_ANCHOR, "yearless"),
    _form(_HALF, partial(_build_part, precision="half"), _PART_ANCHOR, "yearless"),
    _form(_THIRD, _build_third, _THIRD_ANCHOR),
    _form(_PART_OF, _build_part_of, _YEAR_ANCHOR),
    _form(_END_OF, _build_end_of, _YEAR_ANCHOR),
    _form(_DAY_SLASH, _build_day_slash, _SLASH_ANCHOR, clock=True),
    _form(_SEASON_RANGE, _build_season_range, _SEASON_ANCHOR, "yearless"),
    _form(_SEASON, partial(_season, name="season"), _SEASON_ANCHOR, "yearless"),
    _form(_YEAR_RANGE, _build_year_range, _YEAR_ANCHOR, "perioden"),
    _form(_YEAR, _build_year, _YEAR_ANCHOR, "always"),
)
