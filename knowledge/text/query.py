"""A question as search terms: what it is about, and how it asks.

The question's words are the normaliser's (`normalise.words`: loose, English domain words
in Danish), stemmed, function words dropped. A term is a *subject* term when it names
something; the words that only ask are not: question words and other filler the name
index also ignores (`cues.FILLER`: "hvad", "hvem", "status", "budget"), everyday verbs and
adjectives (`GENERAL`: "fik", "vigtige"), and the words of a fact-kind cue ("i kraft",
"formand", `kinds`). Asking words still help to rank ("Beslutning" headings, "formand"
next to a name), but a passage that holds only them holds nothing the question is about.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.text.kinds import FactKind, cue_spans, kind_asked
from knowledge.understanding.cues import FILLER, corrected
from knowledge.understanding.normalise import FUNCTION_WORDS, loose, stem, words

# Everyday verbs, adjectives and adverbs of a question that name nothing ("hvornår *fik*
# de godkendt den *vigtige* aftale"), Danish and English, beyond the filler the name
# index already ignores.
_GENERAL_WORDS = (
    "fik få får fået haft havde gik gå gået kom komme kommer kommet lave laver lavede lavet "
    "bruge bruger brugt gøre gør gjorde gjort blive bliver blev blevet sige siger sagde se "
    "ser så stod ligger ligge være været gives giver gav fortæl vide ved hedder kaldes "
    "vigtig vigtige vigtigt stor store større lille små god gode godt dårlig bedste mest "
    "lidt egentlig faktisk helt rigtig rigtigt præcis præcist cirka omkring ca igen rådighed "
    "gammel gamle nuværende tidligere senere hans hendes deres dem han hun sin sit sine "
    "got get gets have has had did done make made said see seen new old important really "
    "actually exactly tell me about again available"
)
GENERAL = frozenset(loose(word) for word in _GENERAL_WORDS.split())


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
    found = [corrected(word) for word in words(text)]  # "stauts" is asked as "status"
    joined = " ".join(found)
    asking = _asking_words(found, cue_spans(joined))
    terms: dict[str, bool] = {}
    for index, word in enumerate(found):
        if word in FUNCTION_WORDS:
            continue
        term = stem(word)
        subject = index not in asking and word not in FILLER and word not in GENERAL
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
