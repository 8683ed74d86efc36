"""The terms an index knows, how telling each one is, and which of them a typed term means.

A typed term finds known terms four ways, each with a similarity in (0, 1]:
- itself (1.0);
- a typo of it, when it is not known itself: known terms sharing character trigrams
  with it, scored by rapidfuzz (`fuzz.ratio`, at least 80, or 75 for short words);
- a compound it starts or ends ("randers" in "randersklyng", "aftal" in
  "samarbejdsaftal"): Danish writes compounds as one word, people split them;
- `split` and `join` mend compounds the other way round ("stomiaftal" is "stomi" +
  "aftal"; "sundheds" + "visitation" is "sundhedsvisitation").

How telling a term is, is its inverse document frequency over the index's names, less for
the kind words every other title has ("aftale", "projekt": `GENERIC`) and for
short words the index does not know ("kids", a typo too mangled to find); a long unknown
word ("sygeplejersker") weighs as much as the rarest known one, because a question about
something the knowledge base lacks should not be answered with what it has.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

EXACT = 1.0
TYPO_CUTOFF = 80.0  # fuzz.ratio: one wrong letter in a word of five or more
SHORT_TYPO_CUTOFF = 75.0  # five letters with one wrong or missing
TYPO_MIN = 5  # shorter terms must be typed right: at 100,000 names every four-letter slip
# is some other word ("vejr" would be "vejl", "verp" ...)
AFFIX_MIN = 4  # a compound part must have at least this many letters
AFFIX_LIMIT = 20  # compounds per part; "sundhed" starts hundreds of words
TYPO_CANDIDATES = 40  # known terms sharing the most trigrams that rapidfuzz then scores
PART_MIN = 3
UNKNOWN_SHORT = 0.4  # share of the rarest term's weight a short unknown word has
SUBSTANTIAL = 6  # letters from which an unknown word weighs fully
GENERIC = frozenset({"aftal", "samarbejdsaftal", "initiativ", "projekt", "indsats", "tiltag"})
GENERIC_SHARE = 0.3
LONG_WORD = 8  # longer words may lose or gain two letters in a typo, shorter ones one


def trigrams(term: str) -> set[str]:
    padded = f"^{term}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class Vocabulary:
    def __init__(self, frequencies: Mapping[str, int], documents: int) -> None:
        self._df = dict(frequencies)
        self._idf_top = math.log(1 + documents)
        self._sorted = sorted(self._df)
        self._reversed = sorted(term[::-1] for term in self._df)
        self._by_trigram: dict[str, list[str]] = {}
        for term in self._df:
            if len(term) >= TYPO_MIN - 1:
                for gram in trigrams(term):
                    self._by_trigram.setdefault(gram, []).append(term)
        self._expansions: dict[str, dict[str, float]] = {}

    def __contains__(self, term: object) -> bool:
        return term in self._df

    def __len__(self) -> int:
        return len(self._df)

    def frequency(self, term: str) -> int:
        return self._df.get(term, 0)

    def weight(self, term: str) -> float:
        """Inverse document frequency, less for kind words and for words the index lacks."""
        frequency = self._df.get(term)
        if frequency is None:
            return self._idf_top * (1.0 if len(term) >= SUBSTANTIAL else UNKNOWN_SHORT)
        weight = self._idf_top - math.log(frequency)
        return GENERIC_SHARE * weight if term in GENERIC else weight

    def expand(self, term: str) -> dict[str, float]:
        """Known terms `term` may mean, with their similarity to it."""
        found = self._expansions.get(term)
        if found is None:
            found = self._expand(term)
            if len(self._expansions) > 100_000:
                self._expansions.clear()
            self._expansions[term] = found
        return found

    def _expand(self, term: str) -> dict[str, float]:
        found = {term: EXACT} if term in self._df else self._typos(term)
        if len(term) >= AFFIX_MIN and not term.isdigit():
            for known in (*self._starting(term), *self._ending(term)):
                found.setdefault(known, affix_similarity(term, known))
        return found

    def _typos(self, term: str) -> dict[str, float]:
        if len(term) < TYPO_MIN or term.isdigit():
            return {}
        shared: Counter[str] = Counter()
        for gram in trigrams(term):
            shared.update(self._by_trigram.get(gram, ()))
        slack = 1 if len(term) <= LONG_WORD else 2  # letters a typo may add or drop
        choices = {
            known: known
            for known, _ in shared.most_common(TYPO_CANDIDATES)
            if abs(len(known) - len(term)) <= slack
        }
        cutoff = SHORT_TYPO_CUTOFF if len(term) <= 5 else TYPO_CUTOFF
        hits = process.extract(
            term, choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=5
        )
        return {known: score / 100 for _, score, known in hits}

    def _starting(self, term: str) -> Iterable[str]:
        return _with_prefix(self._sorted, term)

    def _ending(self, term: str) -> Iterable[str]:
        return (known[::-1] for known in _with_prefix(self._reversed, term[::-1]))

    def split(self, term: str) -> tuple[str, str] | None:
        """An unknown compound as two known terms: "stomiaftal" -> ("stomi", "aftal")."""
        if term in self._df:
            return None
        for cut in range(len(term) - PART_MIN, PART_MIN - 1, -1):
            head, tail = term[:cut], term[cut:]
            if tail not in self._df:
                continue
            for known_head in (head, head[:-1] if head[-1:] in "se" else ""):
                if len(known_head) >= PART_MIN and known_head in self._df:
                    return known_head, tail
        return None

    def join(self, head: str, tail: str) -> str | None:
        """Two typed terms that are one known compound, unless both are known words: run
        together, or with the linking "s" or "e" ("hoftebrud" + "forløb", "unge" + "aftale")."""
        if head in self._df and tail in self._df:
            return None
        for link in ("", "s", "e"):
            if head + link + tail in self._df:
                return head + link + tail
        return None


def affix_similarity(part: str, word: str) -> float:
    """A part of a compound: the more of the word it is, the closer ("aftal" in
    "samarbejdsaftal" 0.8, "randers" in "randersklyng" 0.88)."""
    return 0.7 + 0.3 * len(part) / len(word)


def _with_prefix(ordered: list[str], prefix: str) -> list[str]:
    found: list[str] = []
    index = bisect_left(ordered, prefix)
    while index < len(ordered) and len(found) < AFFIX_LIMIT:
        candidate = ordered[index]
        if not candidate.startswith(prefix):
            break
        if candidate != prefix:
            found.append(candidate)
        index += 1
    return found
