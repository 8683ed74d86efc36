"""What a search reads and what it returns: passages (a document's sections) and hits.

A passage is plain data so that the index depends on no table: whoever stores sections
(the documents room, the database) turns each into a `Passage` and builds the index from
them. `start` is where the passage's text begins in the document's source, so a sentence
found in it can be cited by its span in the source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Passage:
    id: int
    document: str  # the document's file or key
    title: str  # the document's title
    document_date: date | None
    path: tuple[str, ...]  # heading path, outermost first; the section's own heading last
    text: str
    start: int = 0  # offset of `text` in the document's source


@dataclass(frozen=True)
class Term:
    """One term of a question as the index weighs it.

    `weight` is how telling it is (the vocabulary's idf; for confidence); ranking has BM25's
    own idf and takes only `share` from the question.

    `forms` are the index's own terms it stands for, with their similarity to it: itself
    (1.0) when the index knows it, else the words a typo means or compounds it is part
    of; `parts` the two known terms of a compound the question wrote as one word
    ("rygestopaftal" -> rygestop, aftal). A term that only asks (`subject` False:
    "hvornår", "formand") helps ranking but not confidence.
    """

    text: str
    weight: float
    subject: bool
    forms: tuple[tuple[str, float], ...]
    parts: tuple[str, ...] = ()
    share: float = 1.0  # how much it counts in ranking: less for asking and kind words


@dataclass(frozen=True)
class Hit:
    """A passage found for a question.

    `score` ranks hits of one search (BM25 with boosts; not comparable across searches).
    `confidence` is the share, weighted by how telling each term is, of the question's
    subject terms that the passage holds (0 to 1); `index.CONFIDENT` separates matches
    from noise. `matched` are the question's terms found in the passage.
    """

    passage: Passage
    score: float
    confidence: float
    matched: tuple[str, ...]
    terms: tuple[Term, ...]
