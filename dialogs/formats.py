"""How dates, times and amounts are written for people, in Danish or English.

A date from a document keeps its precision: "2. kvartal 2023" is written as a quarter,
never as the first of April, because that day was never said. Babel supplies the month
and weekday names and the digit grouping of each language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

# Babel 2.9 (pinned by botbuilder-dialogs) ships no type information.
from babel.dates import format_date  # type: ignore[import-untyped]
from babel.numbers import format_decimal  # type: ignore[import-untyped]

from knowledge.core.chat import Lang

_LOCALES: dict[Lang, str] = {"da": "da_DK", "en": "en_GB"}
_THIRDS = {"da": ("primo ", "medio ", "ultimo "), "en": ("early ", "mid-", "late ")}
_SEASONS = {
    "da": ("vinteren", "foråret", "sommeren", "efteråret"),
    "en": ("winter", "spring", "summer", "autumn"),
}
_FROM = {"da": "fra", "en": "from"}
_DANISH_ORDER = str.maketrans({"æ": "{", "ø": "|", "å": "}"})


def _day(value: date, lang: Lang) -> str:
    return str(format_date(value, "long", locale=_LOCALES[lang]))


def _month(value: date, lang: Lang) -> str:
    return str(format_date(value, "LLLL y", locale=_LOCALES[lang]))


def _quarter(value: date, lang: Lang) -> str:
    pattern = "QQQQ y" if lang == "da" else "QQQ y"
    return str(format_date(value, pattern, locale=_LOCALES[lang]))


def _half(value: date, lang: Lang) -> str:
    half = 1 if value.month <= 6 else 2
    return f"{half}. halvår {value.year}" if lang == "da" else f"H{half} {value.year}"


def _third(value: date, lang: Lang) -> str:
    return f"{_THIRDS[lang][(value.month - 1) // 4]}{value.year}"


def _season(value: date, lang: Lang) -> str:
    # Winter starts in December and carries that year: "vinteren 2022" is Dec 2022-Feb 2023.
    year = value.year - 1 if value.month < 3 else value.year
    return f"{_SEASONS[lang][value.month % 12 // 3]} {year}"


def _year(value: date, lang: Lang) -> str:
    return str(value.year)


def _range(value: date, lang: Lang) -> str:
    # Only the start of a range is known here; its year is all that is safe to say.
    return f"{_FROM[lang]} {value.year}"


_BY_PRECISION: dict[str, Callable[[date, Lang], str]] = {
    "day": _day,
    "month": _month,
    "quarter": _quarter,
    "half": _half,
    "third": _third,
    "season": _season,
    "year": _year,
    "range": _range,
}


def period(value: date, precision: str | None, lang: Lang) -> str:
    """A date as precise as the document was: "1. maj 2023", "2. kvartal 2023", "2019".

    An unknown precision is written as the year, the one thing that is surely right.
    """
    return _BY_PRECISION.get(precision or "year", _year)(value, lang)


def weekday_date(value: date, lang: Lang) -> str:
    """ "fredag den 19. april 2024" / "Friday 19 April 2024"."""
    pattern = "EEEE 'den' d. MMMM y" if lang == "da" else "EEEE d MMMM y"
    return str(format_date(value, pattern, locale=_LOCALES[lang]))


def month(value: date, lang: Lang) -> str:
    """ "april 2024" / "April 2024"."""
    return _month(value, lang)


def time_span(start: time, end: time | None) -> str:
    """ "08:30–11:30", or "14:00" when the end is not known."""
    first = start.strftime("%H:%M")
    return f"{first}–{end.strftime('%H:%M')}" if end is not None else first


def amount(value: int, lang: Lang) -> str:
    """Digits grouped the language's way: "1.214.000" / "1,214,000"."""
    return str(format_decimal(value, locale=_LOCALES[lang]))


def title_order(title: str) -> str:
    """A sort key that puts æ, ø, å after z, as a Danish reader expects."""
    return title.casefold().translate(_DANISH_ORDER)


def warm_up() -> None:
    """Load Babel's Danish and English data now: the first date written in each language
    otherwise reads it from disk inside someone's turn, on the event loop."""
    for lang in _LOCALES:
        weekday_date(date(2024, 3, 1), lang)
        period(date(2024, 3, 1), "quarter", lang)
        amount(1000, lang)
