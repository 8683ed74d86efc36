"""Which stored item a parsed item is: the same thing, or a new one.

Items are the same only when they are of the same type, in the same region, and their
titles (or aliases) name the same subject. Two documents about "IV-behandling i
nærområdet" in Region Midtjylland and Region Syddanmark describe two agreements. Two
items of one document are never merged with each other.

Titles vary between documents ("Samarbejdsaftale om sundhedsvisitationer i alle
klynger" vs "... for somatik og psykiatri i alle klynger"), so after exact matching a
strict token-set comparison of the subjects is tried, but only for subjects of at least
two words: "rygestop" alone is too little to tell a cooperation agreement from a
declaration of intent about smoking cessation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from knowledge.names import core_title, fold, region_key

FUZZY_CUTOFF = 92.0
MIN_FUZZY_WORDS = 2


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


def _key(name: str) -> str:
    return fold(core_title(name))


@dataclass
class ItemIndex:
    """Stored items by (type, region) and by folded subject; updated as items are added."""

    _exact: dict[tuple[str, str, str], str] = field(default_factory=dict)
    _by_group: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)
    _candidates: dict[str, Candidate] = field(default_factory=dict)

    def add(self, candidate: Candidate) -> None:
        self._candidates[candidate.slug] = candidate
        group = (candidate.type, region_key(candidate.region))
        subjects = self._by_group.setdefault(group, {})
        for name in candidate.names:
            key = _key(name)
            self._exact.setdefault((*group, key), candidate.slug)
            subjects.setdefault(f"{candidate.slug}\x00{key}", key)

    def get(self, slug: str) -> Candidate:
        return self._candidates[slug]

    def match(
        self, item_type: str, region: str | None, names: tuple[str, ...], file: str, heading: str
    ) -> str | None:
        group = (item_type, region_key(region))
        for name in names:
            slug = self._exact.get((*group, _key(name)))
            if slug and not self._candidates[slug].seen_elsewhere_in(file, heading):
                return slug
        return self._fuzzy(group, names[0], file, heading)

    def _fuzzy(self, group: tuple[str, str], title: str, file: str, heading: str) -> str | None:
        subject = _key(title)
        choices = self._by_group.get(group)
        if not choices or len(subject.split()) < MIN_FUZZY_WORDS:
            return None
        hits = process.extract(
            subject,
            choices,
            scorer=fuzz.token_set_ratio,
            processor=None,
            score_cutoff=FUZZY_CUTOFF,
            limit=5,
        )
        for choice, _score, choice_id in hits:
            slug = str(choice_id).split("\x00")[0]
            if len(choice.split()) < MIN_FUZZY_WORDS:
                continue
            if not self._candidates[slug].seen_elsewhere_in(file, heading):
                return slug
        return None
