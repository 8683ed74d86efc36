"""The document's own date, and dates written without a year.

A document dates itself near its top, on a short line: a date line ("29. februar 2024"),
a labelled one ("Udgivet 21.03.2018", "Mødedato 08-03-2016 kl. 13:00"), or the title
("Sundhedssamordningsudvalget - Referat - 08. marts 2016", "Social og sundheds møde den
17. april 2023", "Udvalgte initiativer ..., november 2022"). A date in prose ("... er
revideret på baggrund af høringssvar i august 2023.") is about something else, so only
short lines among the first lines count, and only a day or a month with its year. The
"# retrieved:" comment is when the file was saved, never the document's date.

Dates without a year ("den 29. oktober", "møde 6. februar") take the document's year and
say so (`year_inferred`); without a document date they have no date at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.core.dates import DateMatch, find_dates
from knowledge.core.periods import Period
from knowledge.documents.layout import Line

DATE_LINE_MAX = 90  # longer lines are prose
FIRST_LINES = 15
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}")
_FINITE = re.compile(
    r"\b(?:er|var|blev|bliver|har|havde|skal|vil|kan|træder|trådte|godkendte|besluttede"
    r"|udløber|gælder)\b",
    re.IGNORECASE,
)
# A year used only to find yearless dates; 2000 is a leap year, so 29 February exists.
PROBE_YEAR = 2000


def document_date(lines: Sequence[Line]) -> tuple[Period, Line] | None:
    """The date a document gives itself on one of its first short lines, and that line."""
    seen = 0
    for line in lines:
        if line.blank:
            continue
        seen += 1
        if seen > FIRST_LINES:
            break
        if line.table or len(line.text) > DATE_LINE_MAX:
            continue
        for found in find_dates(line.text):
            if found.period.precision not in ("day", "month") or not has_year(found.text):
                continue
            if not _sentence(line.text[: found.start] + line.text[found.end :]):
                return found.period, line
    return None


def _sentence(rest: str) -> bool:
    """What the line says besides its date reads as a sentence: it ends with a full stop
    after several words, or it has a finite verb ("Aftalen træder i kraft 1. maj 2024.")."""
    words = rest.split()
    if rest.rstrip().endswith(".") and len(words) >= 3:
        return True
    return bool(_FINITE.search(rest))


def has_year(text: str) -> bool:
    """True when a date as written gives its year ("28. september 2023", "28-09-2023")."""
    return bool(_YEAR.search(text))


def dated(text: str, year: int | None) -> list[tuple[DateMatch, bool]]:
    """Every date in `text` with whether its year was inferred; yearless dates only when
    `year` (the document's) is known."""
    if year is None:  # the probe year finds them all; those without a year are dropped
        return [
            (found, False) for found in find_dates(text, year=PROBE_YEAR) if has_year(found.text)
        ]
    return [(found, not has_year(found.text)) for found in find_dates(text, year=year)]
