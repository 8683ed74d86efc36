"""The one normaliser shared by the question index and the questions asked of it.

A question and a name compare equal when their *terms* do. A term is a word folded
(`names.fold`: lower case, æ/ø/å as ae/oe/aa, accents and punctuation gone), translated
when it is English (`knowledge.understanding.lexicon`: "stoma" -> "stomi"), and stemmed
("aftalen", "aftaler", "aftalerne" -> "aftal"). Function words are not terms.

How æ/ø/å were typed matters little, but not nothing: "kraft" and "kræft" are different
words. Terms keep the folded spelling (kræft is "kraeft"); the *skeleton* of a word
(`skeleton`: ae and aa typed as a, oe as o, so "naeste", "næste" and "naste" meet) is
what the vocabulary falls back on, with a lower similarity, when a typed term is not
known (`knowledge.understanding.vocabulary`). Cues and filler words, which only ask,
are read in the skeleton (`loose`), where every spelling is one.

Compounds are left whole here: "sundhedsvisitationer" is one term, "sundheds
visitationer" two. The vocabulary joins and splits them when a question is matched
(`knowledge.understanding.vocabulary`), so the index stays one term per written word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from knowledge.core.names import fold
from knowledge.understanding.lexicon import FIRST_WORDS, english_base, phrase_at

_LOOSE = (("aa", "a"), ("ae", "a"), ("oe", "o"))
# Definite, plural and genitive endings, longest first ("klyngens", "aftalernes"); a bare
# "-s" is left alone ("status", "fokus").
_ENDINGS = ("ernes", "erne", "enes", "ene", "ens", "ets", "er", "en", "et", "e")
_DOUBLED = re.compile(r"([bdfgklmnprst])\1$")  # "programmet" -> "programm" -> "program"
STEM_MIN = 3
UNDOUBLE_MIN = 4  # "kaffe" stays "kaff", not "kaf"
_WORD = re.compile(r"\w+")

# Words that never tell one thing from another, in names or in questions.
FUNCTION_WORDS = frozenset(
    {"af", "de", "den", "det", "der", "en", "et", "for", "fra", "i", "med", "og", "om"}
    | {"pa", "til", "ved", "vedr", "vedrorende", "samt", "eller", "som", "at", "hos"}
    | {"the", "a", "an", "of", "in", "on", "for", "and", "with", "to", "at", "by", "or"}
    | {"from", "into", "about", "its", "their", "our"}
)


@dataclass(frozen=True)
class Token:
    """One written word: as typed, its loose form and its folded form (not yet stemmed)."""

    raw: str
    word: str  # loose: "naste" for "næste", what cues read
    start: int = 0  # where the raw word is in the text it was read from
    end: int = 0
    folded: str = ""  # folded: "naeste"; what terms are made of ("" : the same as `word`)

    @property
    def plain(self) -> str:
        return self.folded or self.word


def skeleton(folded: str) -> str:
    """A folded text with ae/aa typed as a and oe as o: "naeste" -> "naste"."""
    for spelled, plain in _LOOSE:
        folded = folded.replace(spelled, plain)
    return folded


@lru_cache(maxsize=200_000)
def loose(text: str) -> str:
    """Folded and loose: "Næste møde" -> "naste mode"."""
    return skeleton(fold(text))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Danish definite and plural endings off: "visitationer" -> "visitation"."""
    if word.isdigit():
        return word
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM_MIN:
            stemmed = word[: -len(ending)]
            return _DOUBLED.sub(r"\1", stemmed) if len(stemmed) > UNDOUBLE_MIN else stemmed
    return word


def tokens(text: str) -> list[Token]:
    """The words of `text` with their loose forms; "IV-aftalen" is two words."""
    found: list[Token] = []
    for match in _WORD.finditer(text):
        folded = fold(match[0]).split()
        found.extend(
            Token(match[0], skeleton(plain), match.start(), match.end(), plain) for plain in folded
        )
    return found


def translate(loose_words: list[str]) -> list[str]:
    """English phrases of the lexicon replaced by their Danish counterparts (loose)."""
    return [token.word for token in translate_tokens([Token(w, w) for w in loose_words])]


def translate_tokens(found: list[Token]) -> list[Token]:
    """Tokens with English phrases in Danish; a phrase's Danish words keep its raw text
    and span."""
    plain = tuple(token.plain for token in found)
    bases = tuple(map(english_base, plain))
    if FIRST_WORDS.isdisjoint(plain) and FIRST_WORDS.isdisjoint(bases):
        return found
    out: list[Token] = []
    index = 0
    while index < len(found):
        size, danish = phrase_at(plain, bases, index)
        if danish is None:
            out.append(found[index])
            index += 1
            continue
        first, last = found[index], found[index + size - 1]
        out.extend(
            Token(first.raw if n == 0 else "", skeleton(word), first.start, last.end, word)
            for n, word in enumerate(danish)
        )
        index += size
    return out


@lru_cache(maxsize=400_000)
def _words(text: str) -> tuple[str, ...]:
    return tuple(token.word for token in translate_tokens(tokens(text)))


def words(text: str) -> list[str]:
    """Loose words, English domain words translated: "the stoma agreement" -> Danish."""
    return list(_words(text))


def terms_of_words(plain_words: list[str]) -> tuple[str, ...]:
    """Stemmed terms of loose or folded words, function words dropped."""
    return tuple(stem(word) for word in plain_words if skeleton(word) not in FUNCTION_WORDS)


@lru_cache(maxsize=400_000)
def terms(text: str) -> tuple[str, ...]:
    """The terms of a name or phrase: "Samarbejdsaftale om rygestop" -> samarbejdsaftal
    rygestop; folded, not loose ("kræft" is "kraeft")."""
    return terms_of_words([token.plain for token in translate_tokens(tokens(text))])


@lru_cache(maxsize=400_000)
def word_terms(raw: str) -> tuple[str, ...]:
    """The terms of one written word, untranslated: "Aftalerne" -> aftal; "og" -> none."""
    return terms_of_words(loose(raw).split())


def text_terms(text: str) -> list[str]:
    """The terms of running text (a document's section), word by word and untranslated.

    Only each word is cached, never the text, so a hundred thousand sections do not fill
    the caches that `terms` keeps for names and questions.
    """
    return [term for raw in _WORD.findall(text) for term in word_terms(raw)]


def located_terms(text: str) -> list[tuple[str, int, int]]:
    """The terms of running text with where each word is: (term, start, end)."""
    return [
        (term, match.start(), match.end())
        for match in _WORD.finditer(text)
        for term in word_terms(match[0])
    ]


def compact(found: tuple[str, ...]) -> str:
    """Terms run together, so "IV aftalen", "IV-aftalen" and "ivaftalen" compare equal."""
    return "".join(found)
