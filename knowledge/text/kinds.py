"""Which kind of fact a question asks for, from the words that ask it.

A question asks for a date ("hvornår", "when", "i kraft"), a person ("hvem", "formand"),
an amount ("hvor meget", "budget"), a place ("hvor", "where"), a status, a decision, a
definition ("hvad er", "what is") or anything. Cues are read anywhere in the question's
loose Danish words (English is translated first), every kind is scored by its cues, and
the best wins; a definition cue ("hvad er") weighs half, because "hvad er status" and
"hvad er budgettet" ask for a status and an amount. On a tie the earlier kind in
`FACT_KINDS` wins: "hvem besluttede" asks for a person, "hvornår blev den godkendt" for
a date.

Status words ("implementeret", "i gang", "sat på pause": the categories the name index's
cues know) ask for a status.

The words a cue covers ask; they do not name what the question is about (`cue_positions`).
"""

from __future__ import annotations

import re
from typing import Literal

from knowledge.understanding.cues import CATEGORIES

FactKind = Literal["date", "person", "amount", "place", "status", "decision", "definition", "any"]
FACT_KINDS: tuple[FactKind, ...] = (
    "date", "person", "amount", "place", "status", "decision", "definition", "any",
)  # fmt: skip
HALF = 0.5


def _cue(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b(?:{pattern})\b" for pattern in patterns))


_CUES: dict[FactKind, re.Pattern[str]] = {
    "date": _cue(
        r"hvornar", r"dato\w*", r"i\s+kraft", r"ikrafttrad\w*", r"trad(?:t|te|er)", r"frist\w*",
        r"tidspunkt\w*", r"hvilken\s+dag", r"deadline\w*", r"dates?", r"start\w*", r"begynd\w*",
        r"slut(?:ter)?", r"abne[rt]?", r"lukke[rt]?",
    ),
    "person": _cue(
        r"hvem", r"(?:med)?formand\w*", r"kontaktperson\w*", r"modeleder\w*", r"referent\w*",
        r"sekretar\w*", r"tovholder\w*", r"projektleder\w*", r"chair\w*", r"contact\w*",
    ),
    "amount": _cue(
        r"hvor\s+(?:meget|mange)", r"budget\w*", r"kr", r"kroner", r"belob\w*",
        r"koster|kostede", r"pris(?:en)?", r"penge", r"mio", r"bevilg\w*", r"bevilling\w*",
    ),
    "place": _cue(
        r"hvor(?!\s+(?:meget|mange|langt|lang|ofte|stor|store|er\s+vi|star))", r"adresse\w*",
        r"lokal(?:e|et)", r"modested\w*", r"modelokal\w*",
    ),
    "status": _cue(
        r"status(?:sen|ser|serne)?", r"hvordan\s+(?:gar|star)\s+det", r"hvor\s+langt",
        r"fremdrift", r"hvor\s+(?:er\s+vi|star)", r"stadig", r"running", r"live", r"in\s+force",
        r"going",
    ),
    "decision": _cue(
        r"beslut\w*", r"vedt(?:ag\w*|og)", r"godkend\w*", r"indstill\w*", r"aftalt", r"agreed",
        r"kom\s+der\s+ud\s+af", r"came\s+out\s+of", r"go\s+ahead", r"hvad\s+skete",
    ),
    "definition": _cue(
        r"hvad\s+(?:er|var|betyder|daekker|dakker)", r"hvad\s+star\s+\w+\s+for", r"betyder",
        r"forklar\w*", r"formal\w*",
    ),
}  # fmt: skip
# Words that say the kind but also name the subject: they count for the kind and stay
# subject terms ("klyngemidler", "implementeret").
_HINTS: dict[FactKind, re.Pattern[str]] = {
    "amount": _cue(r"\w*midl(?:er|erne)", r"\w*pulj\w*"),
    "status": _cue(*(r"\s+".join(words) for words in CATEGORIES)),
}
_SHARE: dict[FactKind, float] = {"definition": HALF}


def kind_asked(loose_text: str) -> FactKind:
    """The kind of fact asked for in a question's loose words ("hvornar tradte den i kraft")."""
    scores = {kind: _said(kind, cue, loose_text) for kind, cue in _CUES.items()}
    best = max(FACT_KINDS[:-1], key=lambda kind: (scores[kind], -FACT_KINDS.index(kind)))
    return best if scores[best] > 0 else "any"


def _said(kind: FactKind, cue: re.Pattern[str], loose_text: str) -> float:
    hint = _HINTS.get(kind)
    found = len(cue.findall(loose_text)) + (len(hint.findall(loose_text)) if hint else 0)
    return found * _SHARE.get(kind, 1.0)


def cue_spans(loose_text: str) -> list[tuple[int, int]]:
    """Where the question's cue words are in its loose text, of every kind."""
    return [match.span() for cue in _CUES.values() for match in cue.finditer(loose_text)]
