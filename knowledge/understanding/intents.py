"""What a question asks (its intent) and what it is about (its slots).

`understand` reads dates first (`knowledge.understanding.timeframe`), then the question's words in
their loose Danish form (English is put in Danish by the glossary, so one set of cues
serves both languages). Cues decide the intent in a fixed order, from the most telling
("besluttet", "ændret", "budget", "næste møde") to the least ("status", a bare name).
What is left once cue and question words are gone is the subject, matched against the
index later; an unrelated question keeps its words ("vejret") and matches nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from knowledge.core.chat import Lang
from knowledge.core.periods import Period
from knowledge.understanding import cues
from knowledge.understanding.language import detect
from knowledge.understanding.normalise import (
    FUNCTION_WORDS,
    Token,
    terms_of_words,
    tokens,
    translate_tokens,
)
from knowledge.understanding.timeframe import Timeframe, anchored, read

Intent = Literal[
    "status",  # status of an agreement or initiative
    "next_meeting",  # next meeting(s) of a body or cluster
    "meetings_in_period",  # meetings in a period ("i denne måned", "i april")
    "decisions",  # what was decided about something, or at a meeting
    "list",  # items filtered by area, cluster, region, status, party, type
    "changes",  # what changed since a date
    "who",  # who is involved (parties)
    "budget",  # budget of an initiative
    "help",
    "set_scope",  # "vi er Midtklyngen": the chat's default region/cluster
    "unknown",  # not something the knowledge base knows
]


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


_WORDY = re.compile(r"\w")
_SCOPE_WORDS = frozenset({"klynge", "klyngen"})
UPCOMING_DAYS = 366  # "kommende møder": the coming year's


def understand(text: str, *, today: date, hint: str | None = None) -> Question:
    """The question's intent and slots; its language from the words around its subject."""
    when = read(text, today)
    found = _words(when.rest)
    joined = " ".join(token.word for token in found)
    category, found = _take_category(found)
    kinds = [token for token in found if token.word in cues.KINDS]
    intent = _intent(joined, when, bool(kinds), category)
    subject = _subject(found, intent)
    terms = terms_of_words([token.word for token in subject])
    if intent == "help" and terms:
        intent = "unknown"  # "hvad kan du fortælle om IV-aftalen"
    spans = _spans(subject, when.rest)
    upcoming = intent == "meetings_in_period" and when.period is None and when.since is None
    return Question(
        intent=intent,
        lang=_language(text, when.rest, spans, hint),
        subject=terms,
        subject_text=" ".join(when.rest[begin:end] for begin, end in spans),
        period=_period(when, intent, today, upcoming),
        since=when.since,
        category=category,
        item_type=_item_type(kinds),
        type_terms=frozenset(terms_of_words([token.word for token in kinds])),
        latest=bool(cues.LATEST.search(joined)),
        upcoming=upcoming,
    )


def _words(text: str) -> list[Token]:
    """The words of a question in loose Danish, cue words' slips mended, compounds of
    "møde" split."""
    found = [
        Token(token.raw, cues.corrected(token.word), token.start, token.end)
        for token in translate_tokens(tokens(text))
    ]
    return _meeting_compounds(found)


def _item_type(kinds: list[Token]) -> str | None:
    return next((cues.KINDS[t.word] for t in kinds if cues.KINDS[t.word]), None)


def _subject(found: list[Token], intent: Intent) -> list[Token]:
    about_meetings = intent in ("next_meeting", "meetings_in_period", "decisions")
    subject = [
        token
        for n, token in enumerate(found)
        if token.word not in cues.FILLER
        and not _is_kind(token, intent)
        and not (
            token.word in cues.BEFORE_MEETING and (about_meetings or _before_meeting(found, n))
        )
    ]
    if intent == "set_scope":
        subject = [t for t in subject if t.word not in _SCOPE_WORDS]
    return subject


def _before_meeting(found: list[Token], n: int) -> bool:
    """Right before a meeting word ("sidste møde"); elsewhere a name ("Den sidste tid")."""
    following = found[n + 1].word if n + 1 < len(found) else ""
    return bool(cues.MEETING.fullmatch(following))


def _meeting_compounds(found: list[Token]) -> list[Token]:
    """ "klyngemøde" is "klynge" + "møde": the body, and the cue."""
    split: list[Token] = []
    for token in found:
        match = cues.MEETING_COMPOUND.fullmatch(token.word)
        if match is None:
            split.append(token)
        else:
            split.append(Token(token.raw, match[1], token.start, token.end))
            split.append(Token("", match[2], token.start, token.end))
    return split


def _period(when: Timeframe, intent: Intent, today: date, upcoming: bool) -> Period | None:
    """Decisions look back: a yearless "28. september" is the nearest one, not the next."""
    if upcoming:
        return Period(today, today + timedelta(days=UPCOMING_DAYS), "range")
    if intent == "decisions" and when.period is not None and when.yearless:
        return anchored(when.period, today)
    return when.period


def _language(text: str, rest: str, spans: list[tuple[int, int]], hint: str | None) -> Lang:
    """The language of the words around the subject; a name says nothing about it
    ("status on Kortlægningen vedr. forebyggelse af benamputation" is English)."""
    frame = [t.raw for t in tokens(rest) if not any(a <= t.start < b for a, b in spans)]
    return detect(" ".join(frame) if frame else text, hint)


def _intent(joined: str, when: Timeframe, kinds: bool, category: str | None) -> Intent:
    dated = when.period is not None or when.since is not None
    meeting = bool(cues.MEETING.search(joined))
    ordered: tuple[tuple[Intent, bool], ...] = (
        ("set_scope", bool(cues.SCOPE.search(joined))),
        ("decisions", bool(cues.DECISIONS.search(joined))),
        ("changes", bool(cues.CHANGES.search(joined)) or (when.since is not None and not meeting)),
        ("budget", bool(cues.BUDGET.search(joined))),
        ("meetings_in_period", bool(cues.UPCOMING.search(joined)) and not dated),
        (
            "next_meeting",
            bool(cues.NEXT.search(joined) or cues.LATEST.search(joined)) and not dated,
        ),
        ("who", bool(cues.WHO.search(joined))),
        ("meetings_in_period", meeting and dated),
        ("status", bool(cues.STATUS.search(joined))),
        ("list", kinds or (bool(cues.LIST.search(joined)) and category is not None)),
        ("next_meeting", meeting),
        ("status", category is not None),
        ("help", bool(cues.HELP.search(joined))),
    )
    return next((intent for intent, matches in ordered if matches), "unknown")


def _spans(subject: list[Token], text: str) -> list[tuple[int, int]]:
    """Where the subject is in `text`, without function words at either end; words with
    nothing but spaces and punctuation between them make one span ("IV-aftalen")."""
    start, end = 0, len(subject)
    while start < end and subject[start].word in FUNCTION_WORDS:
        start += 1
    while end > start and subject[end - 1].word in FUNCTION_WORDS:
        end -= 1
    spans: list[tuple[int, int]] = []
    for token in subject[start:end]:
        if spans and not _WORDY.search(text, spans[-1][1], token.start):
            spans[-1] = (spans[-1][0], max(spans[-1][1], token.end))
        else:
            spans.append((token.start, token.end))
    return spans


def _take_category(found: list[Token]) -> tuple[str | None, list[Token]]:
    """The first status word or phrase, and the tokens without it."""
    words = [token.word for token in found]
    for start in range(len(words)):
        for size in (3, 2, 1):
            category = cues.CATEGORIES.get(tuple(words[start : start + size]))
            if category is not None:
                return category, found[:start] + found[start + size :]
    return None, found


def _is_kind(token: Token, intent: Intent) -> bool:
    """Plural kind words filter lists; in "status på aftalen om rygestop" they are names."""
    return token.word in cues.KINDS and intent not in ("status", "who", "budget", "unknown")
