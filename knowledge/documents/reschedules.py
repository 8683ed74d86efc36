"""What a sentence says happened to a meeting: moved to another day, or called off.

- Moved: a move word ("flyttet", "flyttes", "rykket", "udsat", "moved", "postponed") and
  two days, the new one written right after "til" or "to": "Mødet 12. marts 2024 er
  flyttet til 19. marts 2024", "flyttes fra 12. marts til 19. marts". The old day is the
  nearest one before the new. A new day without a year that falls before the old one is
  in the next year ("fra 18. december til 8. januar").
- Cancelled: a cancel word ("aflyst", "aflyses", "udgår", "cancelled") calls off the
  meeting of the date nearest to it. Not in a sentence that moves a meeting ("aflyst og
  flyttet til ...": it is moved); "udgår" not in one about an agenda item ("punktet udgår
  fra mødet 12. marts").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from knowledge.core.dates import DateMatch, find_dates
from knowledge.core.periods import Period

Span = tuple[int, int]

_MOVED = re.compile(
    r"\b(?:flytte[st]|flyttede|rykke[st]|rykkede|udsat|udsættes|udskudt|udskydes"
    r"|moved|rescheduled|postponed)\b",
    re.IGNORECASE,
)
_CANCEL_WORD = r"\b(?:aflys(?:es|t|te)?|udgår|udgik|cancell?ed|called\s+off)\b"
_DROPPED = re.compile(r"udg", re.IGNORECASE)  # "udgår" is also what an agenda item does
_CANCELLED = re.compile(_CANCEL_WORD, re.IGNORECASE)
# The mark with the dash, colon or parentheses that set it off: "– AFLYST", "(aflyst)".
_MARK = re.compile(rf"\s*[-–,;:]?\s*\(?\s*{_CANCEL_WORD}\s*[!.:]?\s*\)?", re.IGNORECASE)
_AGENDA_ITEM = re.compile(r"\b(?:dagsordens)?punkt", re.IGNORECASE)
_TO = re.compile(r"\b(?:til|to)\s+$", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Move:
    old: DateMatch
    new: DateMatch


def moved(sentence: str, year: int | None) -> Move | None:
    """The old and the new day when the sentence moves a meeting; None otherwise."""
    if not _MOVED.search(sentence):
        return None
    days = [found for found in find_dates(sentence, year=year) if found.period.is_day]
    new = next((found for found in days if _TO.search(sentence[: found.start])), None)
    if new is None:
        return None
    earlier = [found for found in days if found.end <= new.start]
    if not earlier:
        return None
    return Move(earlier[-1], _after(earlier[-1], new))


def _after(old: DateMatch, new: DateMatch) -> DateMatch:
    if new.period.start >= old.period.start or _YEAR.search(new.text):
        return new
    try:
        day = new.period.start.replace(year=new.period.start.year + 1)
    except ValueError:  # 29 February
        return new
    return replace(new, period=Period.day(day))


def cancels(sentence: str, at: Span, dates: Sequence[Span]) -> bool:
    """True when a cancel word in the sentence is nearest to the date at `at` of `dates`."""
    if _MOVED.search(sentence) or not dates:
        return False
    about_item = _AGENDA_ITEM.search(sentence) is not None
    return any(
        min(dates, key=lambda span: distance(span, word.span())) == at
        for word in _CANCELLED.finditer(sentence)
        if not (about_item and _DROPPED.match(word.group()))
    )


def unmarked(text: str) -> str:
    """A place without the cancel mark written next to it: "Viborg – AFLYST" -> "Viborg"."""
    return _MARK.sub("", text)


def distance(first: Span, second: Span) -> int:
    """Characters between two spans; 0 when they touch or overlap."""
    return max(0, second[0] - first[1], first[0] - second[1])
