"""The terms an index knows, how telling each one is, and which of them a typed term means.

A typed term finds known terms five ways, each with a similarity in (0, 1]:
- itself (1.0);
- the same word with æ/ø/å typed otherwise ("naste", "born" for "naeste", "boern"),
  when it is not known itself: `SKELETON`, a little less than itself, because "kraft"
  is not "kraeft" (`normalise.skeleton`);
- a typo of it, when it is not known itself: known terms sharing character trigrams
  with it, scored by rapidfuzz (`fuzz.ratio` of the skeletons, at least 80, or 75 for
  short words);
- a compound it starts or ends ("randers" in "randersklyng", "aftal" in
  "samarbejdsaftal"): Danish writes compounds as one word, people split them;
- `split` and `join` mend compounds the other way round ("stomiaftal" is "stomi" +
  "aftal"; "sundheds" + "visitation" is "sundhedsvisitation").

How telling a term is, is its inverse document frequency over the index's names, less for
the kind words every other title has ("aftale", "projekt": `GENERIC`).

A word the index has never seen, in no form, is *unseen*. Most unseen words are the
asking around a name ("live", "traeder", "thing"): they weigh nothing against a match and
only lower its score a little (`index.UNSEEN_PENALTY`), so one unfamiliar word never
vetoes a good match. Some unseen words are names of things the knowledge base lacks,
and those weigh as much as the rarest known term, because a question about something the
knowledge base lacks should not be answered with what it has (`telling_unseen`): a place
(`PLACES`: Danish regions, towns and islands, "nordjylland", "odense") or a compound of a
kind word ("tandplejeaftalen", "nordklyngen": something's name, by its tail).
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

from knowledge.understanding.normalise import skeleton
from knowledge.understanding.places import PLACES

EXACT = 1.0
SKELETON = 0.9  # "born" for "boern": the same letters as typed on an English keyboard
TYPO_CUTOFF = 80.0  # fuzz.ratio: one wrong letter in a word of five or more
SHORT_TYPO_CUTOFF = 75.0  # five letters with one wrong or missing
TYPO_MIN = 5  # shorter terms must be typed right: at 100,000 names every four-letter slip
# is some other word ("vejr" would be "vejl", "verp" ...)
AFFIX_MIN = 4  # a compound part must have at least this many letters
AFFIX_LIMIT = 20  # compounds per part; "sundhed" starts hundreds of words
TYPO_CANDIDATES = 40  # known terms sharing the most trigrams that rapidfuzz then scores
PART_MIN = 3
UNKNOWN_SHORT = 0.4  # share of the rarest term's weight a short unknown word has (passages)
SUBSTANTIAL = 6  # letters from which an unknown word weighs fully (passages)
GENERIC = frozenset(
    {"aftal", "samarbejdsaftal", "initiativ", "projekt", "indsats", "tiltag", "region"}
    | {"klyng", "sundhedsklyng", "kommun"}
)
# The tails of names of things: an unseen compound ending in one names something.
KIND_TAILS = (
    "aftal", "klyng", "udvalg", "grupp", "grup", "projekt", "initiativ", "indsats", "plan",
    "program", "forum", "rad", "niveau", "region", "kommun", "ordning", "model",
    "strategi", "kampagn", "partnerskab", "allianc", "center", "hospital", "sygehus",
)  # fmt: skip
KIND_HEAD_MIN = 4  # letters before the tail: "plan" alone is no compound
GENERIC_SHARE = 0.3
LONG_WORD = 8  # longer words may lose or gain two letters in a typo, shorter ones one


def trigrams(term: str) -> set[str]:
    padded = f"^{term}$"
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class Vocabulary:
    def __init__(self, frequencies: Mapping[str, int], documents: int) -> None:
        self._df = dict(frequencies)
        self._idf_top = math.log(1 + documents)
        self._spelled: dict[str, list[str]] = {}  # skeleton -> the known terms it is
        for term in self._df:
            self._spelled.setdefault(skeleton(term), []).append(term)
        self._sorted = sorted(self._spelled)
        self._reversed = sorted(bare[::-1] for bare in self._spelled)
        self._by_trigram: dict[str, list[str]] = {}
        for bare in self._spelled:
            if len(bare) >= TYPO_MIN - 1:
                for gram in trigrams(bare):
                    self._by_trigram.setdefault(gram, []).append(bare)
        self._expansions: dict[str, dict[str, float]] = {}

    def __contains__(self, term: object) -> bool:
        return term in self._df

    def __len__(self) -> int:
        return len(self._df)

    def frequency(self, term: str) -> int:
        return self._df.get(term, 0)

    def weight(self, term: str) -> float:
        """Inverse document frequency, less for kind words and for short words the index
        lacks; a long word it lacks weighs as much as the rarest known one (how telling a
        word is in passages, which name nothing)."""
        frequency = self._df.get(term)
        if frequency is None:
            return self._idf_top * (1.0 if len(term) >= SUBSTANTIAL else UNKNOWN_SHORT)
        weight = self._idf_top - math.log(frequency)
        return GENERIC_SHARE * weight if term in GENERIC else weight

    def name_weight(self, term: str) -> float:
        """`weight` as a name is matched: a word no name has in any form weighs the rarest
        term's weight when it names something itself (`telling_unseen`), else nothing."""
        if term in self._df:
            return self.weight(term)
        return self._idf_top if telling_unseen(term) else 0.0

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
        bare = skeleton(term)
        found = {term: EXACT} if term in self._df else self._respelled(term, bare)
        if len(bare) >= AFFIX_MIN and not bare.isdigit():
            # a place ends only other places: "danmark" is not "syddanmark", but
            # "randers" starts "randersklyngen"
            ending = self._ending(bare) if bare not in PLACES else ()
            for known in (*self._starting(bare), *ending):
                for spelled in self._spelled[known]:
                    similarity = affix_similarity(bare, known)
                    if term not in spelled:  # the part matched only as a skeleton
                        similarity *= SKELETON
                    found.setdefault(spelled, similarity)
        return found

    def _respelled(self, term: str, bare: str) -> dict[str, float]:
        """Known terms that are `term` typed otherwise: its skeleton, else a typo of it."""
        same = self._spelled.get(bare)
        if same:
            return dict.fromkeys(same, SKELETON)
        return {
            spelled: similarity
            for known, similarity in self._typos(bare).items()
            for spelled in self._spelled[known]
        }

    def _typos(self, bare: str) -> dict[str, float]:
        if len(bare) < TYPO_MIN or bare.isdigit():
            return {}
        shared: Counter[str] = Counter()
        for gram in trigrams(bare):
            shared.update(self._by_trigram.get(gram, ()))
        slack = 1 if len(bare) <= LONG_WORD else 2  # letters a typo may add or drop
        choices = {
            known: known
            for known, _ in shared.most_common(TYPO_CANDIDATES)
            if abs(len(known) - len(bare)) <= slack
        }
        cutoff = SHORT_TYPO_CUTOFF if len(bare) <= 5 else TYPO_CUTOFF
        hits = process.extract(
            bare, choices, scorer=fuzz.ratio, processor=None, score_cutoff=cutoff, limit=5
        )
        return {known: score / 100 for _, score, known in hits}

    def _starting(self, bare: str) -> Iterable[str]:
        return _with_prefix(self._sorted, bare)

    def _ending(self, bare: str) -> Iterable[str]:
        return (known[::-1] for known in _with_prefix(self._reversed, bare[::-1]))

    def known(self, term: str) -> str | None:
        """The known term `term` is, as typed or with æ/ø/å typed otherwise."""
        if term in self._df:
            return term
        same = self._spelled.get(skeleton(term))
        return same[0] if same else None

    def split(self, term: str) -> tuple[str, str] | None:
        """An unknown compound as two known terms: "stomiaftal" -> ("stomi", "aftal")."""
        if self.known(term) is not None:
            return None
        for cut in range(len(term) - PART_MIN, PART_MIN - 1, -1):
            head, tail = term[:cut], self.known(term[cut:])
            if tail is None:
                continue
            for part in (head, head[:-1] if head[-1:] in "se" else ""):
                known_head = self.known(part) if len(part) >= PART_MIN else None
                if known_head is not None:
                    return known_head, tail
        return None

    def join(self, head: str, tail: str) -> str | None:
        """Two typed terms that are one known compound, unless both are known words: run
        together, or with the linking "s" or "e" ("hoftebrud" + "forløb", "unge" + "aftale")."""
        if head in self._df and tail in self._df:
            return None
        for link in ("", "s", "e"):
            joined = self.known(head + link + tail)
            if joined is not None:
                return joined
        return None

    def compound(self, head: str, tail: str) -> str | None:
        """The known compound two known words make ("ung" + "aftal" -> "ungeaftal")."""
        if head not in self._df or tail not in self._df:
            return None
        for link in ("", "s", "e"):
            if head + link + tail in self._df:
                return head + link + tail
        return None

    def unseen(self, term: str) -> bool:
        """Not known in any form: not itself, not typed otherwise, no typo, no compound."""
        return not self.expand(term) and self.split(term) is None


def telling_unseen(term: str) -> bool:
    """An unseen word that names something: a place, or a compound of a kind word."""
    bare = skeleton(term)
    if bare in PLACES:
        return True
    return any(
        bare.endswith(tail) and len(bare) - len(tail) >= KIND_HEAD_MIN for tail in KIND_TAILS
    )


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
