"""Which stored item a parsed item is: the same thing, or a new one.

Items are the same only when they are of the same type, in the same region, and their
titles (or aliases) name the same subject. Two documents about "IV-behandling i
nærområdet" in Region Midtjylland and Region Syddanmark describe two agreements. Two
items of one document are never merged with each other.

Titles vary between documents ("Samarbejdsaftale om sundhedsvisitationer i alle
klynger" vs "... for somatik og psykiatri i alle klynger"), so after exact matching one
subject may contain the other: every significant word of the shorter subject appears in
the longer. That needs at least two significant words: "rygestop" alone is too little to
tell a cooperation agreement from a declaration of intent about smoking cessation. A
similarity score is deliberately not used here: titles that differ in one word ("... 2023"
vs "... 2024") score high and are different things.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.names import core_title, fold, region_key

MIN_SUBSET_WORDS = 2
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
    return frozenset(w for w in subject(name).split() if w not in STOPWORDS and len(w) > 1)


@dataclass
class ItemIndex:
    """Stored items by (type, region, subject) and by significant word."""

    _exact: dict[tuple[str, str, str], str] = field(default_factory=dict)
    _by_word: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)
    _words: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    _candidates: dict[str, Candidate] = field(default_factory=dict)

    def add(self, candidate: Candidate) -> None:
        self._candidates[candidate.slug] = candidate
        group = (candidate.type, region_key(candidate.region))
        for name in candidate.names:
            self._exact.setdefault((*group, subject(name)), candidate.slug)
            words = significant_words(name)
            self._words.setdefault(candidate.slug, []).append(words)
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
        return self._contained(group, significant_words(names[0]), file, heading)

    def _contained(
        self, group: tuple[str, str], words: frozenset[str], file: str, heading: str
    ) -> str | None:
        if len(words) < MIN_SUBSET_WORDS:
            return None
        # Candidates share at least the rarest word; check containment either way.
        pools = [self._by_word.get((*group, word), set()) for word in words]
        for slug in sorted(set().union(*pools)):
            if self._candidates[slug].seen_elsewhere_in(file, heading):
                continue
            if any(_one_contains_other(words, theirs) for theirs in self._words[slug]):
                return slug
        return None


def _one_contains_other(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    if min(len(ours), len(theirs)) < MIN_SUBSET_WORDS:
        return False
    return ours <= theirs or theirs <= ours
