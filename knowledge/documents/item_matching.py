"""Which stored item a parsed item is: the same thing, or a new one.

Items are the same only when they are of the same type, in the same region, and their
titles (or aliases) name the same subject. Two documents about "IV-behandling i
nærområdet" in Region Midtjylland and Region Syddanmark describe two agreements. Two
items of one document are never merged with each other.

Titles vary between documents ("Samarbejdsaftale om sundhedsvisitationer i alle
klynger" vs "... for somatik og psykiatri i alle klynger"), so after exact matching one
subject may contain the other: every significant word of the shorter subject appears in
the longer, which has at most twice as many ("Livets Afslutning" is a project;
"Fællesregionale elementer fra projekt Livets Afslutning" is something made from it).
That needs at least two significant words: "rygestop" alone is too little to
tell a cooperation agreement from a declaration of intent about smoking cessation. A
similarity score is deliberately not used here: titles that differ in one word ("... 2023"
vs "... 2024") score high and are different things.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from knowledge.core.names import core_title, fold, region_key

MIN_SUBSET_WORDS = 2
MAX_SUBSET_WORDS = 10  # longer subjects are only matched by containing them
STOPWORDS = frozenset(
    [
        "i",
        "og",
        "om",
        "for",
        "af",
        "paa",
        "til",
        "med",
        "en",
        "et",
        "den",
        "det",
        "de",
        "vedr",
        "ved",
        "samt",
        "eller",
        "fra",
        "alle",
    ]
)


@dataclass
class Candidate:
    """What matching needs to know about a stored item."""

    slug: str
    type: str
    region: str | None
    names: tuple[str, ...]  # title and aliases
    headings_by_file: dict[str, set[str]] = field(default_factory=dict)

    def seen_elsewhere_in(self, file: str, heading: str) -> bool:
        """Another item of `file` already claimed this one (same document never merges)."""
        headings = self.headings_by_file.get(file)
        return headings is not None and heading not in headings


def subject(name: str) -> str:
    return fold(core_title(name))


def significant_words(name: str) -> frozenset[str]:
    words = subject(name).split()
    return frozenset(w for w in words if w not in STOPWORDS and (len(w) > 1 or w.isdigit()))


@dataclass
class ItemIndex:
    """Stored items by (type, region) and subject, by significant word, and by word set."""

    _exact: dict[tuple[str, str, str], str] = field(default_factory=dict)
    _by_word: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)
    _by_words: dict[tuple[str, str, frozenset[str]], set[str]] = field(default_factory=dict)
    _word_sets: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    _candidates: dict[str, Candidate] = field(default_factory=dict)

    def add(self, candidate: Candidate) -> None:
        self._candidates[candidate.slug] = candidate
        group = (candidate.type, region_key(candidate.region))
        for name in candidate.names:
            self._exact.setdefault((*group, subject(name)), candidate.slug)
            words = significant_words(name)
            self._word_sets.setdefault(candidate.slug, []).append(words)
            self._by_words.setdefault((*group, words), set()).add(candidate.slug)
            for word in words:
                self._by_word.setdefault((*group, word), set()).add(candidate.slug)

    def match(
        self, item_type: str, region: str | None, names: tuple[str, ...], file: str, heading: str
    ) -> str | None:
        group = (item_type, region_key(region))
        for name in names:
            slug = self._exact.get((*group, subject(name)))
            if slug and not self._candidates[slug].seen_elsewhere_in(file, heading):
                return slug
        words = significant_words(names[0])
        if len(words) < MIN_SUBSET_WORDS:
            return None
        found = self._containing(group, words) | self._contained_in(group, words)
        for slug in sorted(found):
            close = any(_comparable(words, theirs) for theirs in self._word_sets[slug])
            if close and not self._candidates[slug].seen_elsewhere_in(file, heading):
                return slug
        return None

    def _containing(self, group: tuple[str, str], words: frozenset[str]) -> set[str]:
        """Items whose subject has every one of `words`."""
        pools = sorted((self._by_word.get((*group, w), set()) for w in words), key=len)
        return set.intersection(*pools) if pools and pools[0] else set()

    def _contained_in(self, group: tuple[str, str], words: frozenset[str]) -> set[str]:
        """Items whose subject's words are all among `words` (titles are short: few subsets)."""
        found: set[str] = set()
        ordered = sorted(words)
        for size in range(MIN_SUBSET_WORDS, min(len(ordered), MAX_SUBSET_WORDS) + 1):
            for subset in combinations(ordered, size):
                found |= self._by_words.get((*group, frozenset(subset)), set())
        return found


def _comparable(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """One subject contains the other and is at least half as long: "Livets Afslutning"
    is not "Fællesregionale elementer fra projekt Livets Afslutning"."""
    shorter, longer = sorted((ours, theirs), key=len)
    return shorter <= longer and 2 * len(shorter) >= len(longer)
