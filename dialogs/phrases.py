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

from rapidfuzz.distance import DamerauLevenshtein

from knowledge.understanding.normalise import tokens

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


def words(text: str) -> list[Word]:
    """The words of `text`; punctuation is no word ("IV-aftalen" is two)."""
    return [Word(token.raw, token.word, token.start, token.end) for token in tokens(text)]


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


def _fits(found: Sequence[Word], at: int, phrase: Phrase, typos: bool) -> bool:
    if at + len(phrase) > len(found):
        return False
    pairs = zip(phrase, found[at : at + len(phrase)], strict=False)
    if typos:
        return all(near(word.key, known) for known, word in pairs)
    return all(word.key == known for known, word in pairs)


def find(
    found: Sequence[Word],
    wanted: Collection[Phrase],
    *,
    typos: bool = True,
    taken: Collection[int] = (),
) -> list[Match]:
    """Where the `wanted` phrases stand in `found`, left to right, not overlapping each
    other or the word positions in `taken`; at each place the longest phrase wins."""
    ordered = sorted(wanted, key=len, reverse=True)
    matches: list[Match] = []
    at = 0
    while at < len(found):
        hit = next(
            (
                phrase
                for phrase in ordered
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


def first(found: Sequence[Word], wanted: Collection[Phrase], *, typos: bool = True) -> Match | None:
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
