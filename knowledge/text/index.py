"""The passage index: full-text search over sections, with Danish folding and 4-grams.

    index = PassageIndex.build(passages)
    hits = index.search("hvornår trådte amningsaftalen i kraft", limit=10)
    hits = index.search(Query(terms, kind), boost={"Samarbejdsaftale om amning": 1.0})

The question is text (read by `query.read_query`) or a `Query` the caller built from its
own reading of the message (terms as the normaliser gives them, each marked as naming
the subject or only asking, and the kind of fact asked for).

A passage's score is BM25 over its terms plus `GRAM_SHARE` times BM25 over their
character 4-grams (`features`; the heading path counts more than body text), each query
term weighted by how telling it is and by whether it names the subject or only asks
(`query`). A term the passages do not have is looked up in their vocabulary
(`Vocabulary.expand`: a typo's correction, compounds it is part of; `split`: a compound
of two known terms). A gram in more than `COMMON_GRAM` of the passages does not rank: it
tells nothing and costs the most (half of all grams); the index only keeps which passages
hold it, for the confidence.

`boost` is the hybrid hook for the name index: a mapping from a document (its key or
title) or a heading (as written in passages' paths; compared folded) to a weight; a
passage of that document, or under that heading, has its score multiplied by
1 + weight. A boost reorders what the question matched; it never makes a match.

Why our own BM25 (numpy, `postings`) and not bm25s or SQLite FTS5, measured on the same
features over the seeds (63 labelled questions) and 100,000 generated sections
(`benchmarks/passage_engines.py`, figures in its docstring): quality is the features'
(right section first 58, 56 and 58 times; in the top 3 60 times for all three). FTS5
cannot weigh a query's terms and ORing some forty grams costs it 275 ms p50, 1.1 s p99.
bm25s searches as fast as ours (p50 2.6 ms against 2.4 ms) but builds in 78 s against
24 s with 1.8 GiB against 0.7 GiB, and keeps its postings to itself, while the confidence
asks the same arrays whether a passage holds a term. Ours needs numpy only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from knowledge.core.names import fold
from knowledge.text.confidence import confidences, presence
from knowledge.text.features import gram_features, grams, passage_terms, term_features
from knowledge.text.passages import Hit, Passage, Term
from knowledge.text.postings import Field, FieldBuilder, Rows, Scores
from knowledge.text.query import Query, read_query
from knowledge.understanding.vocabulary import GENERIC, GENERIC_SHARE, Vocabulary

GRAM_SHARE = 1.0  # a term's grams together weigh as much as the term itself
COMMON_GRAM = 0.2
ASKING_SHARE = 0.5  # weight of a term that asks ("hvornår", "formand") against a subject term
FORMS = 5  # known terms an unknown query term may stand for
LIMIT = 10


@dataclass(frozen=True, repr=False)
class PassageIndex:
    passages: tuple[Passage, ...]
    words: Field
    four_grams: Field
    vocabulary: Vocabulary
    keys: Mapping[str, Rows]  # folded document, title or heading -> its passages

    @classmethod
    def build(cls, passages: Iterable[Passage]) -> PassageIndex:
        kept = tuple(passages)
        word_builder, gram_builder = FieldBuilder(), FieldBuilder()
        known: dict[str, Rows] = {}
        for passage in kept:
            counts = passage_terms(passage)
            word_builder.add(*term_features(counts, word_builder))
            gram_builder.add(*gram_features(counts, gram_builder, known))
        words, four_grams = word_builder.build(), gram_builder.build(common=COMMON_GRAM)
        frequencies = {term: words.frequency(term) for term in words.ids}
        return cls(kept, words, four_grams, Vocabulary(frequencies, len(kept)), _keys(kept))

    def __len__(self) -> int:
        return len(self.passages)

    def __repr__(self) -> str:
        return f"<PassageIndex of {len(self.passages)} passages>"

    def search(
        self,
        question: str | Query,
        *,
        limit: int = LIMIT,
        boost: Mapping[str, float] | None = None,
    ) -> list[Hit]:
        """The best passages for a question, best first; none when nothing matches."""
        query = read_query(question) if isinstance(question, str) else question
        terms = tuple(self._term(asked.term, asked.subject) for asked in query.terms)
        scores = self._scores(terms)
        for key, weight in (boost or {}).items():
            rows = self.keys.get(fold(key))
            if rows is not None:
                scores[rows] *= 1.0 + weight
        return self._hits(terms, scores, limit)

    def _term(self, text: str, subject: bool) -> Term:
        share = 1.0 if subject else ASKING_SHARE
        if text in self.vocabulary:
            weight = self.vocabulary.weight(text)
            return Term(text, weight, subject, ((text, 1.0),), (), share * _kind_share(text))
        forms = sorted(self.vocabulary.expand(text).items(), key=lambda f: -f[1])[:FORMS]
        parts = self.vocabulary.split(text) or ()
        # a compound of two known terms is as telling as its more telling part
        weight = max((self.vocabulary.weight(p) for p in parts), default=0.0)
        weight = weight or self.vocabulary.weight(text)
        return Term(text, weight, subject, tuple(forms), parts, share)

    def _scores(self, terms: tuple[Term, ...]) -> Scores:
        word_weights: dict[str, float] = {}
        gram_weights: dict[str, float] = {}
        for term in terms:
            for form, similarity in term.forms:
                word_weights[form] = word_weights.get(form, 0.0) + term.share * similarity
            for part in term.parts:
                word_weights[part] = word_weights.get(part, 0.0) + term.share / len(term.parts)
            found = grams(term.text)
            for gram in found:
                share = GRAM_SHARE * term.share / len(found)
                gram_weights[gram] = gram_weights.get(gram, 0.0) + share
        return self.words.scores(word_weights) + self.four_grams.scores(gram_weights)

    def _hits(self, terms: tuple[Term, ...], scores: Scores, limit: int) -> list[Hit]:
        positive = np.flatnonzero(scores > 0)
        if len(positive) > limit:
            positive = positive[np.argpartition(-scores[positive], limit - 1)[:limit]]
        rows = positive[np.argsort(-scores[positive], kind="stable")].astype(np.int32)
        present = [presence(term, rows, self.words, self.four_grams) for term in terms]
        sure = confidences(terms, present)
        return [
            Hit(
                self.passages[row],
                float(scores[row]),
                float(sure[n]),
                tuple(term.text for term, found in zip(terms, present, strict=True) if found[n]),
                terms,
            )
            for n, row in enumerate(rows)
        ]


def _kind_share(term: str) -> float:
    """Kind words ("aftale", "projekt") rank less, as they weigh less in the name index."""
    return GENERIC_SHARE if term in GENERIC else 1.0


def _keys(passages: tuple[Passage, ...]) -> dict[str, Rows]:
    rows: dict[str, list[int]] = {}
    for row, passage in enumerate(passages):
        for key in {passage.document, passage.title, *passage.path}:
            rows.setdefault(fold(key), []).append(row)
    return {key: np.asarray(found, dtype=np.int32) for key, found in rows.items()}
