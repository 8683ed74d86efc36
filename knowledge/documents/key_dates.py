"""Key dates of an agreement or initiative, with what they mean.

A date means what the words of its clause say: approved ("godkendt", "vedtaget",
"tiltrådt", "underskrevet", "indgået"), in force ("trådte i kraft", "træder i kraft",
"ikrafttrædelse", "gældende fra", "gælder fra"), starts ("opstart", "starter",
"igangsat", "begyndte"), evaluated ("evalueret", "evaluering"), ends ("udløber",
"udløb", "ophører", "afsluttes", "frem til", "indtil", "gælder indtil"), a deadline
("frist", "senest", "deadline"). A date with none of these is left out: the item's text
says many dates that are not the item's. A day written without a year takes the
document's year and says so; without a document date such a day has no date (`when` is
None) but keeps its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from knowledge.core.dates import DateMatch, find_dates
from knowledge.documents.dating import PROBE_YEAR, has_year
from knowledge.documents.records import DateMeaning, KeyDate, Source

_WORDS: tuple[tuple[DateMeaning, str], ...] = (
    (
        "in_force",
        r"tr(?:æder|ådte|ådt)\s+i\s+kraft|ikrafttræd\w*|gældende\s+fra|gælder\s+fra|i\s+kraft\s+pr",
    ),
    ("ends", r"udløb\w*|ophør\w*|afsluttes|afsluttet|slutter|frem\s+til|indtil|gælder\s+til"),
    ("ends", r"nedlagt|nedlægges|afrundes"),
    ("evaluated", r"evaluer\w*|midtvejsevaluer\w*|evaluering\w*"),
    ("approved", r"godkend\w*|vedtag\w*|vedtog|tiltråd\w*|underskre\w*|indgå\w*|indgik"),
    ("starts", r"opstart\w*|starte[rt]?\b|igangsat|igangsættes|begynd\w*|påbegynd\w*|etableret"),
    ("deadline", r"frist\w*|senest|deadline"),
)
_MEANINGS = tuple(
    (meaning, re.compile(rf"\b(?:{words})", re.IGNORECASE)) for meaning, words in _WORDS
)
_ANY_MEANING = re.compile("|".join(f"(?:{words})" for _, words in _WORDS), re.IGNORECASE)
_CLAUSE = re.compile(r"[.;]\s+|,\s+(?=(?:og|men|mens|hvor|der|som)\b)|\s+og\s+(?=\w+(?:ede|es)\b)")
REACH = 60  # characters from the date to its meaning word, within the clause


def key_dates(text: str, source: Source, year: int | None, offset: int = 0) -> Iterator[KeyDate]:
    """The dates in `text` that have a meaning; `offset` is where `text` starts in the
    text the source span refers to (the spans of the returned sources are the dates')."""
    if not _ANY_MEANING.search(text):
        return
    for found in find_dates(text, year=year if year is not None else PROBE_YEAR):
        inferred = not has_year(found.text)
        meaning = _meaning(text, found)
        if meaning is None:
            continue
        when = found.period if (year is not None or not inferred) else None
        start = (source.start or 0) + offset + found.start
        yield KeyDate(
            what=meaning,
            when=when,
            text=found.text.strip(),
            source=Source(source.file, source.heading, source.path, start, start + len(found.text)),
            year_inferred=inferred and when is not None,
        )


def _meaning(text: str, found: DateMatch) -> DateMeaning | None:
    begin = max(0, found.start - REACH)
    end = min(len(text), found.end + REACH)
    for cut in _CLAUSE.finditer(text, begin, end):
        if cut.end() <= found.start:
            begin = cut.end()
        elif cut.start() >= found.end:
            end = cut.start()
            break
    near = text[begin:end]
    at = found.start - begin
    best: tuple[int, DateMeaning] | None = None
    for meaning, pattern in _MEANINGS:
        for match in pattern.finditer(near):
            if match.start() < at + len(found.text) and at < match.end():
                continue  # a word of the date itself ("i begyndelsen af 2019")
            gap = max(0, match.start() - (at + len(found.text)), at - match.end())
            if best is None or gap < best[0]:
                best = (gap, meaning)
    return best[1] if best else None
