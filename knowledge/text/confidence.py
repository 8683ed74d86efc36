"""How much of what a question is about a passage holds: the confidence of a hit.

Confidence is the share of the question's subject terms found in the passage, each
weighted by how telling it is (`Vocabulary.weight`: inverse document frequency over the
passages, a third of it for kind words such as "aftale" and "projekt", the full weight
of the rarest term for a long word no passage has). So one common word never carries a
match alone, and a question about something the documents lack ("hundeterapi") scores
low however well its other words match.

A term is found in a passage (presence 0 to 1) when the passage has the term itself, one
of its forms (a typo's correction, a compound it is part of) times the square of that
form's similarity (a one-letter difference in a short word is often another word:
"dental", "mental"), both parts of a compound the question wrote as one word, or at least
`GRAMS_HELD` of its 4-grams (compounds written apart or together).

`CONFIDENT` is calibrated on questions written for the seeds (tests/knowledge/text):
about a fact they hold, phrased in other words, and about things they do not hold.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from knowledge.text.features import grams
from knowledge.text.passages import Term
from knowledge.text.postings import Field, Rows

CONFIDENT = 0.6
GRAMS_HELD = 0.8
FEW_GRAMS = 2  # a term with this few grams must have all of them

Presence = npt.NDArray[np.float64]


def presence(term: Term, rows: Rows, words: Field, four_grams: Field) -> Presence:
    """How far each passage in `rows` holds the term, 0 to 1."""
    found = np.zeros(len(rows))
    for form, similarity in term.forms:
        found = np.maximum(found, words.holds(form, rows) * similarity**2)
    if term.parts:
        parts = np.mean([words.holds(part, rows) for part in term.parts], axis=0)
        found = np.maximum(found, np.where(parts == 1.0, 1.0, 0.0))
    return np.maximum(found, _gram_share(term.text, rows, four_grams))


def confidences(terms: tuple[Term, ...], present: list[Presence]) -> Presence:
    """The weighted share of subject terms present, per passage."""
    subject = [
        (term.weight, found) for term, found in zip(terms, present, strict=True) if term.subject
    ]
    total = sum(weight for weight, _ in subject)
    if not subject or total <= 0:
        return np.zeros(len(present[0]) if present else 0)
    return np.asarray(sum(weight * found for weight, found in subject)) / total


def _gram_share(text: str, rows: Rows, four_grams: Field) -> Presence:
    found = grams(text)
    if not found:
        return np.zeros(len(rows))
    share = np.mean([four_grams.holds(gram, rows) for gram in found], axis=0)
    needed = 1.0 if len(found) <= FEW_GRAMS else GRAMS_HELD
    return np.where(share >= needed, share, 0.0)


def presence_in(term: Term, words: set[str], four_grams: set[str]) -> float:
    """How far a piece of text with these terms and 4-grams holds the term, 0 to 1 (the
    same rules as `presence`, for one sentence)."""
    found = max((similarity**2 for form, similarity in term.forms if form in words), default=0.0)
    if term.parts and all(part in words for part in term.parts):
        found = 1.0
    mine = grams(term.text)
    if mine:
        share = sum(gram in four_grams for gram in mine) / len(mine)
        if share >= (1.0 if len(mine) <= FEW_GRAMS else GRAMS_HELD):
            found = max(found, share)
    return found
