"""The dates the knowledge base gives for an item, each with the words that say what it is.

A date question wants one date: when an agreement came into force, was approved, started,
ended, was evaluated. An item's record holds dates in three places: the date each status
entry is valid from, the dates written inside the entries' texts ("godkendt i
Sundhedssamarbejdsudvalget 19. december 2022 ... ikrafttrædelse 1. maj 2023"), and the
meetings whose decisions are about it. Each becomes a `KeyDate` with the sentence that
gives it, and the kinds of date that sentence speaks of (`facts.date_kinds_in`), so the
answer can show the date asked about and say honestly when there is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from knowledge.answers.kinds import DecisionView, ItemView, KeyDate, StatusView
from knowledge.core.dates import find_dates
from knowledge.understanding.facts import DateKind, date_kinds_in
from knowledge.understanding.normalise import loose

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ0-9])|\n+")
SENTENCE_MAX = 300
NEAR = 20  # characters after a date that still say what it is ("1. maj 2023 i kraft")
DATES_SHOWN = 6


def key_dates(item: ItemView, decisions: Sequence[DecisionView] = ()) -> list[KeyDate]:
    """Every date the record gives, oldest first, each once (the most telling words win)."""
    found: dict[tuple[date, str], KeyDate] = {}
    for key_date in (*_from_history(item.history or _status(item)), *_from_decisions(decisions)):
        key = (key_date.day, key_date.precision)
        if key not in found or (found[key].kind is None and key_date.kind is not None):
            found[key] = key_date
    return sorted(found.values(), key=lambda key_date: key_date.day)


def asked_kind(dates: Iterable[KeyDate], kind: DateKind | None) -> list[KeyDate]:
    """The dates of the kind asked for; all of them when no kind is asked."""
    dates = list(dates)
    if kind is None:
        return dates
    return [key_date for key_date in dates if key_date.kind == kind]


def _status(item: ItemView) -> tuple[StatusView, ...]:
    return (item.status,) if item.status is not None else ()


def _from_history(history: Iterable[StatusView]) -> Iterator[KeyDate]:
    for entry in history:
        for sentence in _sentences(entry.text):
            yield from _written(sentence, entry)
        if entry.valid_from is not None:
            kind = _kind(entry.text)
            precision = entry.precision or "day"
            yield KeyDate(entry.valid_from, precision, entry.text, entry.source, kind)


def _written(sentence: str, entry: StatusView) -> Iterator[KeyDate]:
    """The dates a sentence writes out, each with the sentence and the kind the words
    before it (since the date before) say, else those right after it, else the sentence."""
    year = entry.valid_from.year if entry.valid_from else None
    before = 0
    for match in find_dates(sentence, year=year):
        period = match.period
        after = sentence[match.end : match.end + NEAR]
        kind = _kind(sentence[before : match.end]) or _kind(after) or _kind(sentence)
        yield KeyDate(period.start, period.precision, sentence, entry.source, kind)
        before = match.end


def _from_decisions(decisions: Iterable[DecisionView]) -> Iterator[KeyDate]:
    for decision in decisions:
        meeting = decision.meeting
        text = f"{meeting.body}: {decision.title} – {decision.decision}".strip(" –:")
        source = meeting.sources[0] if meeting.sources else None
        kind = _kind(decision.decision) or "approved"
        yield KeyDate(meeting.date, meeting.date_precision, _short(text), source, kind)


def _kind(text: str) -> DateKind | None:
    kinds = date_kinds_in(loose(text))
    for kind in ("in_force", "approved", "start", "end", "evaluated", "deadline"):
        if kind in kinds:
            return kind
    return None


def _sentences(text: str) -> list[str]:
    return [_short(part.strip()) for part in _SENTENCE.split(text) if part.strip()]


def _short(text: str) -> str:
    return text if len(text) <= SENTENCE_MAX else text[: SENTENCE_MAX - 1].rstrip() + "…"
