"""The sentence that answers: from the best passages, the one that holds the kind of fact
asked for and most of the question's terms.

    quote = best_quote(index.search(question, limit=3), query.kind)
    quote = find_quote(index, question)  # the same, or None when nothing is confidently about it
    quote.sentence, quote.span, quote.passage.document, quote.passage.path, quote.kind_found

A sentence scores its overlap with the question (the weighted share of the hit's terms it
holds, `confidence.presence_in`) plus `KIND` times how surely it states the kind
(`facts.strength`). The kind counts as found only in a sentence about the question's
subject: the sentence and its section's headings hold at least `ABOUT` of the subject
terms ("hvad koster X" is not answered by an amount in a sentence about Y). Across
passages, a sentence that holds the kind beats one that does not, and a better passage
counts for `PASSAGE`. When no sentence in the passages holds the kind, the best sentence
of the best passage comes back with `kind_found` False, so the answer can say what the
documents do say ("Dokumenterne nævner X, men ikke hvornår").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from knowledge.text.confidence import CONFIDENT, presence_in
from knowledge.text.facts import FOUND, strength
from knowledge.text.features import grams
from knowledge.text.index import PassageIndex
from knowledge.text.kinds import FactKind
from knowledge.text.passages import Hit, Passage, Term
from knowledge.text.query import Query, read_query
from knowledge.text.sentences import sentence_spans
from knowledge.understanding.normalise import text_terms

KIND = 1.0
PASSAGE = 1.0
DEPTH = 3  # passages read for a quote
CLOSE = 0.5  # a passage read for a quote scores at least this share of the best
ABOUT = 0.34  # share of the subject a quote and its headings must hold to count as found


@dataclass(frozen=True)
class Quote:
    passage: Passage
    sentence: str
    span: tuple[int, int]  # in the document's source: passage.start + offsets in its text
    kind: FactKind
    kind_found: bool
    score: float

    @property
    def document(self) -> str:
        return self.passage.document

    @property
    def path(self) -> tuple[str, ...]:
        return self.passage.path

    @property
    def document_date(self) -> date | None:
        return self.passage.document_date


def best_sentence(hit: Hit, kind: FactKind) -> Quote:
    """The sentence of the hit's passage that best answers; the heading when it has none."""
    passage = hit.passage
    year = passage.document_date.year if passage.document_date else None
    heading = passage.path[-1] if passage.path else ""
    headings = " ".join(passage.path)
    best: Quote | None = None
    for start, end in sentence_spans(passage.text) or [(0, len(passage.text))]:
        sentence = passage.text[start:end]
        sure = strength(kind, sentence, year=year, heading=heading)
        score = _overlap(hit.terms, sentence) + KIND * sure
        if best is None or score > best.score:
            about = _overlap(_subject(hit), f"{headings} {sentence}") >= ABOUT
            span = (passage.start + start, passage.start + end)
            best = Quote(passage, sentence, span, kind, sure >= FOUND and about, score)
    assert best is not None  # one span at least
    return best


def best_quote(hits: Sequence[Hit], kind: FactKind, *, depth: int = DEPTH) -> Quote | None:
    """The best sentence across the best passages; None without hits."""
    if not hits:
        return None
    top = hits[0].score or 1.0
    read = [hit for hit in hits[:depth] if hit.score >= CLOSE * top]
    quotes = [(best_sentence(hit, kind), hit.score / top) for hit in read]
    found = [(quote, share) for quote, share in quotes if quote.kind_found]
    if not found:
        return quotes[0][0]
    return max(found, key=lambda pair: pair[0].score + PASSAGE * pair[1])[0]


def _subject(hit: Hit) -> tuple[Term, ...]:
    return tuple(term for term in hit.terms if term.subject)


def _overlap(asked: tuple[Term, ...], text: str) -> float:
    terms = set(text_terms(text))
    four_grams = {gram for term in terms for gram in grams(term)}
    weighted = [(term.weight * term.share, term) for term in asked]
    total = sum(weight for weight, _ in weighted)
    if total <= 0:
        return 0.0
    return sum(weight * presence_in(term, terms, four_grams) for weight, term in weighted) / total


def find_quote(
    index: PassageIndex, question: str | Query, *, boost: Mapping[str, float] | None = None
) -> Quote | None:
    """The quote that answers `question`, or None when no passage is confidently about
    what it asks (`confidence.CONFIDENT`): search, confidence and quote in one call."""
    query = read_query(question) if isinstance(question, str) else question
    hits = index.search(query, limit=DEPTH, boost=boost)
    if not hits or hits[0].confidence < CONFIDENT:
        return None
    return best_quote(hits, query.kind)
