"""Loose matching of what the importer extracted against what a careful reader expected
(../shared/devset/documents/documents.json), as pure functions.

- `names_alike`: titles and body names, folded (benchmarks/devset_scoring.fold), alike when
  one contains the other or rapidfuzz's token_set_ratio is at least `NAME_CUTOFF`.
- `meeting_day`: a meeting's date as precise as the export says it is ("2024-05-03",
  or "2024-05" for precision month), to compare with the expected ISO text.
- `decision_alike`: lenient on purpose. The expected decisions are English paraphrases,
  the extracted ones Danish text, so words rarely coincide: an agenda item's decision
  counts when it shares `DECISION_WORDS` content words (folded, the first five letters
  compared) with the paraphrase, or when the paraphrase names its item number ("Item 38:").
- `states_no_decision`: the paraphrases that say the excerpt holds none (they start with
  "None" or "No decision", or say the decision is cut); those are not counted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz

from benchmarks.devset_scoring import fold

NAME_CUTOFF = 85
DECISION_WORDS = 2
_NO_DECISION = re.compile(
    r"^(none\b|no decision)|decision (text )?(is )?cut|(is|are) then cut|cut off|"
    r"only (the )?[\w' ]{0,40}survives",
    re.IGNORECASE,
)
_ITEM_NUMBER = re.compile(r"^\s*item\s+(\d+)\b", re.IGNORECASE)
_COMMON_WORDS = (
    "the and that this with from were was have has for its into item items also which "
    "their them they about after before og det der som med til for den har blev ikke "
    "eller efter samt skal kan være"
)
_COMMON = frozenset(_COMMON_WORDS.split())


def names_alike(expected: str, extracted: str, cutoff: int = NAME_CUTOFF) -> bool:
    a, b = fold(expected), fold(extracted)
    if not a or not b:
        return False
    return a in b or b in a or fuzz.token_set_ratio(a, b, processor=None) >= cutoff


def meeting_day(meeting: dict[str, Any]) -> str | None:
    day = meeting.get("date")
    if not day:
        return None
    return str(day)[:7] if meeting.get("date_precision") == "month" else str(day)[:10]


def _stems(text: str) -> set[str]:
    return {word[:5] for word in fold(text).split() if len(word) >= 4 and word not in _COMMON}


def states_no_decision(paraphrase: str) -> bool:
    return bool(_NO_DECISION.search(paraphrase))


def decision_alike(paraphrase: str, number: str, decision: str) -> bool:
    named = _ITEM_NUMBER.match(paraphrase)
    if named and named[1] == str(number).strip().rstrip("."):
        return True
    return len(_stems(paraphrase) & _stems(decision)) >= DECISION_WORDS


def first_match(expected: str, names: Iterable[str]) -> str | None:
    return next((name for name in names if names_alike(expected, name)), None)
