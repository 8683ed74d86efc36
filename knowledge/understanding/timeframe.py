"""When a question is about: dates and periods in it, relative ones read against today.

"i denne måned", "næste uge", "this month", "i april" (the coming April, or this one
while it lasts), "siden 1. januar 2024", "since March 2023". Explicit dates go through
`knowledge.core.dates` after English month names are put in Danish. A period after "siden",
"fra", "efter" or "since" is a starting point (`since`); a yearless month there is the
last one, not the coming one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from knowledge.core.dates import DateMatch, find_dates
from knowledge.core.periods import Period, restore

_EN_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_DA_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
# "may" is a month only next to a year or after "in"; elsewhere it is a verb.
_EN_MONTH = re.compile(rf"\b({'|'.join(m for m in _EN_MONTHS if m != 'may')})\b", re.IGNORECASE)
_EN_MONTH_DAY = re.compile(
    rf"\b({'|'.join(_EN_MONTHS)})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d),?", re.IGNORECASE
)
_SHORT_MONTHS = {
    "jan": "januar", "feb": "februar", "mar": "marts", "apr": "april", "jun": "juni",
    "jul": "juli", "aug": "august", "sep": "september", "sept": "september",
    "oct": "oktober", "okt": "oktober", "nov": "november", "dec": "december",
}  # fmt: skip
# "23 Feb", "4. mar": a day makes an abbreviation a month (alone, "jul" is Christmas).
_DAY_SHORT_MONTH = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+({'|'.join(_SHORT_MONTHS)})\b\.?", re.IGNORECASE
)
_EN_ORDINAL = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?=(?:{'|'.join(_DA_MONTHS)})\b)", re.IGNORECASE
)
_EN_LEADS = {"since": "siden", "from": "fra", "after": "efter", "before": "før", "in": "i"}
_EN_LEAD = re.compile(rf"\b({'|'.join(_EN_LEADS)})\s+(?=(?:\d|{'|'.join(_DA_MONTHS)}))", re.I)
_MAY = re.compile(r"\bmay\b(?=\s+\d{4})|(?<=\bin\s)may\b", re.IGNORECASE)
_SINCE = re.compile(r"^(?:siden|fra|efter|since|from|after)\b", re.IGNORECASE)
_AFTER = re.compile(r"^(?:efter|after)\b", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_LONE_YEAR = re.compile(r"(?<![\d.\-–/])\b(20\d\d)\b(?![\-–/.]?\d)")


@dataclass(frozen=True)
class Timeframe:
    period: Period | None  # the period asked about
    since: date | None  # a starting point: "siden 1. januar 2024"
    rest: str  # the question without its date expressions
    yearless: bool = False  # "i april", "28. september": the year was chosen here


def _letters(pattern: str) -> str:
    """Danish letters as they get typed: æ as æ, ae or a; ø as ø, oe or o; å as å, aa or a."""
    for letter, typed in (("æ", "(?:æ|ae|a)"), ("ø", "(?:ø|oe|o)"), ("å", "(?:å|aa|a)")):
        pattern = pattern.replace(letter, typed)
    return pattern


def _week(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    return Period(monday, monday + timedelta(days=6), "range")


def _month(day: date, shift: int) -> Period:
    index = day.year * 12 + day.month - 1 + shift
    return restore(date(index // 12, index % 12 + 1, 1), "month")


def _year(day: date, shift: int) -> Period:
    return restore(date(day.year + shift, 1, 1), "year")


def _season(today: date, first: int, last: int) -> Period:
    """This year's spring, summer or autumn (months `first` to `last`)."""
    end = _month(date(today.year, last, 1), 0).end
    return Period(date(today.year, first, 1), end, "range")


def _past_season(said: str, today: date) -> Period:
    """The last spring, summer or autumn that is over: "sidste sommer", "last autumn"."""
    word = said.lower()
    first, last = (3, 5) if "for" in word or "spring" in word else (6, 8)
    if "efter" in word or "autumn" in word or "fall" in word:
        first, last = 9, 11
    this_year = _season(today, first, last)
    if this_year.end < today:
        return this_year
    return _season(date(today.year - 1, today.month, 1), first, last)


def _rest_of_year(today: date) -> Period:
    return Period(today, date(today.year, 12, 31), "range")


def _last(today: date, month: int, day: int) -> date:
    """The last such day on or before today: last Christmas, this New Year's Day."""
    this_year = date(today.year, month, day)
    return this_year if this_year <= today else date(today.year - 1, month, day)


def _iso_week(number: int, year: int) -> Period:
    return _week(date.fromisocalendar(year, number, 1))


_Reader = Callable[[re.Match[str], date], Period]
_LEAD = r"(?:(?:i|in|siden|since|fra|from)\s+)?"
_RELATIVE: tuple[tuple[str, _Reader], ...] = (
    (r"i dag|today", lambda _, today: Period.day(today)),
    (r"i morgen|tomorrow", lambda _, today: Period.day(today + timedelta(days=1))),
    (r"i går|yesterday", lambda _, today: Period.day(today - timedelta(days=1))),
    (r"den(?:ne)? (?:her )?uge|this week", lambda _, today: _week(today)),
    (r"(?:næste|kommende) uge|next week", lambda _, t: _week(t + timedelta(days=7))),
    (r"(?:sidste|forrige) uge|last week", lambda _, t: _week(t - timedelta(days=7))),
    (r"den(?:ne)? (?:her )?måned|this month", lambda _, today: _month(today, 0)),
    (r"(?:næste|kommende) måned|next month", lambda _, today: _month(today, 1)),
    (r"(?:sidste|forrige) måned|last month", lambda _, today: _month(today, -1)),
    (r"(?:i )?resten af (?:året|år)|(?:the )?rest of the year", lambda _, t: _rest_of_year(t)),
    (r"(?:jul(?:en)?|christmas)", lambda _, t: Period.day(_last(t, 12, 24))),
    (r"(?:nytår|årsskiftet|new year)", lambda _, t: Period.day(_last(t, 1, 1))),
    (r"i år|dette år|this year", lambda _, today: _year(today, 0)),
    (r"(?:i )?(?:foråret|this spring)", lambda _, t: _season(t, 3, 5)),
    (r"(?:i )?(?:sommeren|sommer|this summer)", lambda _, t: _season(t, 6, 8)),
    (r"(?:i )?(?:efteråret|this autumn|this fall)", lambda _, t: _season(t, 9, 11)),
    (
        r"(?:sidste|forrige) (?:sommer|efterår|forår)|last (?:summer|autumn|fall|spring)",
        lambda m, t: _past_season(m[0], t),
    ),
    (r"(?:næste|kommende) år|next year", lambda _, today: _year(today, 1)),
    (
        r"(?:det )?seneste år|the past year",
        lambda _, t: Period(t - timedelta(days=365), t, "range"),
    ),
    (
        r"(?:den )?seneste måned|the past month",
        lambda _, t: Period(t - timedelta(days=30), t, "range"),
    ),
    (r"(?:sidste|forrige) år|last year", lambda _, today: _year(today, -1)),
    (
        r"(?:uge|week) (?P<week>\d{1,2})(?:,? (?P<year>\d{4}))?",
        lambda m, today: _iso_week(int(m["week"]), int(m["year"] or today.year)),
    ),
    (
        r"(?:de|the) (?:næste|kommende|next) (?P<days>\d{1,3}) (?:dage|days)",
        lambda m, t: Period(t, t + timedelta(days=int(m["days"])), "range"),
    ),
    (
        r"(?:de|the) (?:sidste|seneste|last|past) (?P<days>\d{1,3}) (?:dage|days)",
        lambda m, t: Period(t - timedelta(days=int(m["days"])), t, "range"),
    ),
)
_RELATIVE_RES = tuple(
    (re.compile(rf"\b{_LEAD}(?:{_letters(pattern)})\b", re.IGNORECASE), read)
    for pattern, read in _RELATIVE
)


def danish_dates(text: str) -> str:
    """English date wording in Danish for `find_dates`: "March 1st, 2024" -> "1. marts 2024"."""
    text = _MAY.sub("maj", text)
    text = _DAY_SHORT_MONTH.sub(lambda m: f"{m[1]}. {_SHORT_MONTHS[m[2].lower()]}", text)
    text = _EN_MONTH_DAY.sub(lambda m: f"{m[2]}. {m[1]}", text)
    text = _EN_MONTH.sub(lambda m: _DA_MONTHS[_EN_MONTHS.index(m[1].lower())], text)
    text = _EN_ORDINAL.sub(lambda m: f"{m[1]}. ", text)
    return _EN_LEAD.sub(lambda m: f"{_EN_LEADS[m[1].lower()]} ", text)


def read(text: str, today: date) -> Timeframe:
    """The first date expression of a question (relative ones first), and the rest of it."""
    text = danish_dates(text)
    for pattern, reader in _RELATIVE_RES:
        match = pattern.search(text)
        if match is not None:
            return _timeframe(text, match.start(), match.end(), reader(match, today), match[0])
    found = _first_date(text, today)
    if found is None:
        return _bare_year(text)
    since = bool(_SINCE.match(found.text.strip()))
    period = _anchor(found, today, past=since)
    timeframe = _timeframe(text, found.start, found.end, period, found.text)
    return replace(timeframe, yearless=not _YEAR.search(found.text))


def _bare_year(text: str) -> Timeframe:
    """ "FACT budget 2025", "the 2023 meetings": in a question a lone year is a time."""
    match = _LONE_YEAR.search(text)
    if match is None:
        return Timeframe(None, None, text)
    period = restore(date(int(match[1]), 1, 1), "year")
    return _timeframe(text, match.start(), match.end(), period, match[0])


def anchored(period: Period, today: date) -> Period:
    """A yearless period in the year that puts it nearest to today (looking back as well)."""
    before = _shift_year(period, -1)
    if abs((before.start - today).days) < abs((period.start - today).days):
        return before
    return period


def _first_date(text: str, today: date) -> DateMatch | None:
    found = find_dates(text, year=today.year)
    return found[0] if found else None


def _anchor(found: DateMatch, today: date, *, past: bool) -> Period:
    """A yearless date in the coming year (or, after "siden", the past one)."""
    period = found.period
    if _YEAR.search(found.text):
        return period
    if past and period.start > today:
        return _shift_year(period, -1)
    if not past and period.end < today:
        return _shift_year(period, 1)
    return period


def _shift_year(period: Period, years: int) -> Period:
    start = _add_years(period.start, years)
    if period.precision == "range":
        return Period(start, _add_years(period.end, years), "range")
    return restore(start, period.precision)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _timeframe(text: str, start: int, end: int, period: Period, said: str) -> Timeframe:
    """ "siden april" starts with April; "efter april" after it."""
    rest = f"{text[:start]} {text[end:]}"
    if _AFTER.match(said.strip()):
        return Timeframe(None, period.end + timedelta(days=1), rest)
    if _SINCE.match(said.strip()):
        return Timeframe(None, period.start, rest)
    return Timeframe(period, None, rest)
