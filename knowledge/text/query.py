"""A question as search terms: what it is about, and how it asks.

The question's words are the normaliser's (`normalise.words`: loose, English domain words
in Danish), stemmed, function words dropped. A term is a *subject* term when it names
something; the words that only ask are not: question words and other filler the name
index also ignores (`cues.FILLER`: "hvad", "hvem", "status", "budget"), and the words of
a fact-kind cue ("i kraft", "formand", `kinds`). Asking words still help to rank ("Beslutning"
headings, "formand" next to a name), but a passage that holds only them holds nothing the
question is about.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.text.kinds import FactKind, cue_spans, kind_asked
from knowledge.understanding.cues import FILLER
from knowledge.understanding.normalise import FUNCTION_WORDS, stem, words


@dataclass(frozen=True)
class Asked:
    term: str
    subject: bool


@dataclass(frozen=True)
class Query:
    terms: tuple[Asked, ...]
    kind: FactKind

    @property
    def subject(self) -> tuple[str, ...]:
        return tuple(asked.term for asked in self.terms if asked.subject)


def read_query(text: str) -> Query:
    """The terms and the kind of fact of a question: "hvornår trådte amningsaftalen i kraft"
    is about "amningsaftal" and asks for a date."""
    found = words(text)
    joined = " ".join(found)
    asking = _asking_words(found, cue_spans(joined))
    terms: dict[str, bool] = {}
    for index, word in enumerate(found):
        if word in FUNCTION_WORDS:
            continue
        term = stem(word)
        subject = index not in asking and word not in FILLER
        terms[term] = terms.get(term, False) or subject
    return Query(tuple(Asked(t, s) for t, s in terms.items()), kind_asked(joined))


def _asking_words(found: list[str], spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the words that fall inside a cue's span."""
    asking: set[int] = set()
    offset = 0
    for index, word in enumerate(found):
        end = offset + len(word)
        if any(start < end and offset < stop for start, stop in spans):
            asking.add(index)
        offset = end + 1
    return asking
