"""What a question asks (its intent) and what it is about (its slots), for the answers.

A `Question` is the part of a message's `Reading` (`knowledge.understanding.reading`) the
answer engine works from: the best-scoring intent among those a question can have (a
command such as "calendar" in "... jeg skal have sat tid af i kalenderen" is left to the
chat's commands), the subject's terms and how they were typed, the period, the status
filter. Help and small talk that name something are questions about that thing
("hvad kan du fortælle om IV-aftalen"). `understand` reads a question without a name
index; the engine reads it with one (`reading`), so entities named come along.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import get_args

from knowledge.core.chat import Lang
from knowledge.core.periods import Period
from knowledge.understanding.cues import Intent
from knowledge.understanding.index import NameIndex
from knowledge.understanding.reading import Reading, read
from knowledge.understanding.timeframe import anchored

__all__ = ["Intent", "Question", "question_of", "understand"]

INTENTS: frozenset[str] = frozenset(get_args(Intent))
UPCOMING_DAYS = 366  # "kommende møder": the coming year's
_ABOUT_NOTHING = frozenset({"help", "smalltalk"})


@dataclass(frozen=True)
class Question:
    intent: Intent
    lang: Lang
    subject: tuple[str, ...]  # terms of what the question is about
    subject_text: str  # the same words as typed, for answers ("Social Sundhed")
    period: Period | None = None
    since: date | None = None
    category: str | None = None  # a status filter ("implementeret")
    item_type: str | None = None  # "agreement" | "initiative" ("hvilke aftaler")
    type_terms: frozenset[str] = frozenset()  # the terms that said so ("aftal")
    latest: bool = False  # "sidste møde": the most recent meeting
    upcoming: bool = False  # "kommende møder": every meeting ahead, not each body's next
    reading: Reading | None = None  # the whole reading it was taken from


def understand(
    text: str, *, today: date, hint: str | None = None, names: NameIndex | None = None
) -> Question:
    """The question's intent and slots; its language from the words around its subject."""
    return question_of(read(text, today=today, names=names, hint_lang=hint), today)


def question_of(reading: Reading, today: date) -> Question:
    intent = _intent(reading)
    upcoming = intent == "meetings_in_period" and reading.upcoming
    return Question(
        intent=intent,
        lang=reading.lang,
        subject=reading.subject,
        subject_text=reading.subject_text,
        period=_period(reading, intent, today, upcoming),
        since=reading.since,
        category=reading.status,
        item_type=reading.item_type,
        type_terms=reading.type_terms,
        latest=reading.latest,
        upcoming=upcoming,
        reading=reading,
    )


def _intent(reading: Reading) -> Intent:
    """The best intent a question can have; help or small talk about something is a
    question about it, with whatever else the message asks."""
    asked = [name for name, _ in reading.intents if name in INTENTS]
    if reading.subject:
        asked = [name for name in asked if name not in _ABOUT_NOTHING]
    first = asked[0] if asked else "unknown"
    return first if first in INTENTS else "unknown"  # type: ignore[return-value]


def _period(reading: Reading, intent: Intent, today: date, upcoming: bool) -> Period | None:
    """Decisions look back: a yearless "28. september" is the nearest one, not the next."""
    if upcoming:
        return Period(today, today + timedelta(days=UPCOMING_DAYS), "range")
    if intent == "decisions" and reading.period is not None and reading.yearless:
        return anchored(reading.period, today)
    return reading.period
