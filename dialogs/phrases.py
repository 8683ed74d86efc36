"""A message as words with their places, and phrases found anywhere in it.

Commands and dialog answers are read from the same words. A `Word` is a written word as
typed (`raw`), in a loose form for comparing (`key`: folded, æ/ø/å typed as ae/oe/aa or
a/o are one letter, so "følg", "foelg" and "folg" meet), and where it stands in the text.
A phrase is a few keys in a row; `find` returns where phrases stand, longest first,
forgiving a small typo in a long word ("abonnner", "påmindelsr").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from knowledge.understanding.normalise import tokens as _tokens

Phrase = tuple[str, ...]
TYPO_MIN = 6  # words this long forgive one typo; from TYPO_TWO letters on, two
TYPO_TWO = 9


@dataclass(frozen=True)
class Word:
    raw: str
    key: str
    start: int  # where the word stands in the text, in characters
    end: int


@dataclass(frozen=True)
class Match:
    """A phrase found at words[first:last]."""

    first: int
    last: int
    phrase: Phrase

    @property
    def span(self) -> range:
        return range(self.first, self.last)


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[Word, ...]:
    """The words of `text`; punctuation is no word ("IV-aftalen" is two). Read once per
    text: every behaviour reads the same message."""
    return tuple(Word(token.raw, token.word, token.start, token.end) for token in _tokens(text))


def phrases(*texts: str) -> frozenset[Phrase]:
    """Phrases as loose keys: phrases("giv mig besked", "remind me")."""
    return frozenset(tuple(word.key for word in words(text)) for text in texts if words(text))


def keys(*texts: str) -> frozenset[str]:
    """One-word phrases as bare keys, for membership tests."""
    return frozenset(phrase[0] for phrase in phrases(*texts) if len(phrase) == 1)


def near(key: str, known: str) -> bool:
    """`key` is `known` typed with a typo or two, when `known` is long enough to tell."""
    if key == known:
        return True
    if len(known) < TYPO_MIN or abs(len(key) - len(known)) > 2:
        return False
    allowed = 2 if len(known) >= TYPO_TWO else 1
    return DamerauLevenshtein.distance(key, known, score_cutoff=allowed) <= allowed


class _Index:
    """Phrases by their first word, and which first words a typed word is near."""

    def __init__(self, wanted: frozenset[Phrase]) -> None:
        self.by_first: dict[str, list[Phrase]] = {}
        for phrase in sorted(wanted, key=len, reverse=True):
            self.by_first.setdefault(phrase[0], []).append(phrase)
        self.long = [key for key in self.by_first if len(key) >= TYPO_MIN]
        self.nearby: dict[str, list[Phrase]] = {}

    def starting(self, key: str, typos: bool) -> list[Phrase]:
        """The phrases that may start at a word `key`, longest first."""
        exact = self.by_first.get(key, [])
        if not typos:
            return exact
        if key not in self.nearby:
            near_keys = [known for known in self.long if known != key and near(key, known)]
            found = exact + [p for known in near_keys for p in self.by_first[known]]
            self.nearby[key] = sorted(found, key=len, reverse=True)
        return self.nearby[key]


@lru_cache(maxsize=512)
def _index(wanted: frozenset[Phrase]) -> _Index:
    return _Index(wanted)


def _fits(found: Sequence[Word], at: int, phrase: Phrase, typos: bool) -> bool:
    if at + len(phrase) > len(found):
        return False
    pairs = zip(phrase[1:], found[at + 1 : at + len(phrase)], strict=False)
    if typos:
        return all(near(word.key, known) for known, word in pairs)
    return all(word.key == known for known, word in pairs)


def find(
    found: Sequence[Word],
    wanted: frozenset[Phrase],
    *,
    typos: bool = True,
    taken: Collection[int] = (),
) -> list[Match]:
    """Where the `wanted` phrases stand in `found`, left to right, not overlapping each
    other or the word positions in `taken`; at each place the longest phrase wins."""
    index = _index(wanted)
    matches: list[Match] = []
    at = 0
    while at < len(found):
        hit = next(
            (
                phrase
                for phrase in index.starting(found[at].key, typos)
                if _fits(found, at, phrase, typos)
                and not any(n in taken for n in range(at, at + len(phrase)))
            ),
            None,
        )
        if hit is None:
            at += 1
            continue
        matches.append(Match(at, at + len(hit), hit))
        at += len(hit)
    return matches


def first(found: Sequence[Word], wanted: frozenset[Phrase], *, typos: bool = True) -> Match | None:
    matches = find(found, wanted, typos=typos)
    return matches[0] if matches else None


def covered(matches: Iterable[Match]) -> set[int]:
    """The word positions the matches stand on."""
    return {position for match in matches for position in match.span}


def text_of(text: str, found: Sequence[Word], positions: Iterable[int]) -> str:
    """The words at `positions` as typed: runs of neighbours as one stretch of `text`
    ("IV-aftalen" keeps its hyphen), runs apart joined by a space."""
    chosen = sorted(set(positions))
    stretches: list[str] = []
    run: list[int] = []
    for position in chosen:
        if run and position != run[-1] + 1:
            stretches.append(text[found[run[0]].start : found[run[-1]].end])
            run = []
        run.append(position)
    if run:
        stretches.append(text[found[run[0]].start : found[run[-1]].end])
    return " ".join(stretches)
