"""Which kind of fact a message asks for, and which date when it asks for one.

"hvornår trådte den i kraft" asks for a date, of the kind *in force*; "hvornår blev den
godkendt" for the approval date; "hvem er formand" for a person; "hvem er parter" for the
parties; "hvor meget" for an amount. The same date words read a record's text, so the
answer can show the date the question asks about ("træder i kraft pr. 1. januar 2024"),
not just any date it has. Patterns are over loose Danish words (English is translated
by the lexicon first; a few English words are listed where the lexicon leaves them).
"""

from __future__ import annotations

import re
from typing import Literal

FactKind = Literal["date", "person", "parties", "amount", "status", "decision", "definition", "any"]
DateKind = Literal["in_force", "approved", "start", "end", "evaluated", "deadline"]


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b(?:{pattern})" for pattern in patterns))


DATE_WORDS: dict[DateKind, re.Pattern[str]] = {
    "in_force": _words(
        r"i kraft", r"ikrafttrad", r"trad(?:t|te|er) i", r"gald(?:er|ende|e)", r"in force",
        r"take[sn]? effect", r"took effect", r"apply", r"applies", r"gyldig",
    ),
    "approved": _words(
        r"godkend", r"vedt(?:aget|og|ag)", r"beslut", r"tiltradt", r"bakket op", r"approv",
        r"adopt", r"agreed", r"besluttet",
    ),
    "start": _words(
        r"start", r"opstart", r"begynd", r"igangsat", r"iverksat", r"abne", r"abn(?:ede|et)",
        r"implementering\b",
        r"forste patient", r"forste borger", r"launch", r"open", r"began", r"begin",
        r"lanc", r"etabler",
    ),
    "end": _words(
        r"slut", r"afslut", r"ophor", r"udlob", r"nedlag", r"end(?:s|ed)?\b", r"finish",
        r"stop",
    ),
    "evaluated": _words(r"evaluer", r"evaluation", r"opfolg"),
    "deadline": _words(r"deadline", r"frist", r"senest", r"indsend", r"sende"),
}  # fmt: skip
_PERSON = _words(
    r"(?:med)?formand", r"formaend", r"sekretar", r"sekretariat", r"referent", r"modeleder",
    r"kontaktperson", r"kontakt", r"tovholder", r"projektleder", r"medlem", r"deltag",
    r"afbud", r"repr", r"direktor", r"chef", r"navn", r"telefon", r"phone", r"mail",
    r"oplag", r"facilit", r"sidder i", r"leder",
)  # fmt: skip
_PARTIES = _words(r"parter", r"part\b", r"involver", r"star bag", r"samarbejdspart", r"aktor")
_AMOUNT = _words(
    r"hvor (?:meget|mange|stor)", r"budget", r"kost", r"pris", r"penge", r"\w*midl", r"pulje",
    r"kr\b", r"kroner", r"belob", r"bevill", r"afsat", r"spar", r"besparel", r"finansier",
)  # fmt: skip
_DATE = _words(r"hvornar", r"dato", r"deadline", r"frist", r"tidspunkt")
_STATUS = _words(r"status", r"hvordan (?:gar|star) det", r"hvor langt", r"fremdrift")
_DECISION = _words(r"beslut", r"vedt", r"kom der ud af", r"came out of")
_DEFINITION = _words(r"betyde", r"star \w+ for", r"sta for", r"forklar", r"hvad er", r"hvad var")
_WHO = _words(r"hvem", r"hvme")


def fact_asked(loose_text: str) -> FactKind:
    """The kind of fact a message's loose words ask for ("any" when they ask none)."""
    if _DATE.search(loose_text):
        return "date"
    if _WHO.search(loose_text) or _PERSON.search(loose_text):
        return _who(loose_text)
    for kind, pattern in _ORDER:
        if pattern.search(loose_text):
            return kind
    return "any"


_ORDER: tuple[tuple[FactKind, re.Pattern[str]], ...] = (
    ("amount", _AMOUNT),
    ("decision", _DECISION),
    ("status", _STATUS),
    ("definition", _DEFINITION),
)


def _who(loose_text: str) -> FactKind:
    """People by name or role ("hvem er formand"), or the parties to something."""
    if _PERSON.search(loose_text):
        return "person"
    return "parties"


def date_kind(loose_text: str) -> DateKind | None:
    """Which date a message asks for: in force, approved, start, end, evaluated, deadline."""
    found = [kind for kind, pattern in DATE_WORDS.items() if pattern.search(loose_text)]
    return found[0] if found else None


def is_date_word(loose_word: str) -> bool:
    """A word that says which date is asked ("startede", "godkendt", "launched")."""
    return any(pattern.match(loose_word) for pattern in DATE_WORDS.values())


def date_kinds_in(loose_text: str) -> frozenset[DateKind]:
    """Every kind of date a record's text speaks of."""
    return frozenset(kind for kind, pattern in DATE_WORDS.items() if pattern.search(loose_text))
