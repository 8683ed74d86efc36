"""The in-memory name index: which entities a question's words name, and how well.

Every name of every entity (`knowledge.understanding.entities`) is stored as its terms
(`knowledge.understanding.normalise`). A search never compares the question with every name:

1. each query term is looked up in the vocabulary (exact, typo, compound part);
2. an inverted index of terms -> names (one per kind of entity) collects the names those
   terms occur in, rarest term first, scored by how telling the shared terms are; a term
   in more than `RARE` names only adds to names already collected (a binary search in
   its sorted postings), so "samarbejdsaftale" does not walk 30,000 names, and a word
   typed right collects by itself, not through every compound it starts;
3. only the best `CANDIDATES` names are scored in full: how much of the question the
   name accounts for (coverage), how much of the name the question said (precision),
   combined as an F2 score that favours coverage ("Tele KOL" is enough of "Forberedelse
   til Implementering af Tele KOL"), and rapidfuzz's `fuzz.ratio` of the two run
   together, which forgives typos spread over a short name.
4. a word no name has in any form (unseen, `Vocabulary.unseen`) that names nothing
   (`vocabulary.telling_unseen`) counts for nothing in coverage; each such word lowers
   the score by `UNSEEN_PENALTY` (at most `UNSEEN_MAX`): one unfamiliar word lowers a
   good match a little and never vetoes it.

Scores are 0-100. An entity's hit is its best-scoring name.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from knowledge.understanding.entities import Entity
from knowledge.understanding.normalise import compact, terms
from knowledge.understanding.vocabulary import GENERIC, Vocabulary

RARE = 2_000
CANDIDATES = 200
WHOLE_CUTOFF = 90.0  # fuzz.ratio of question and name run together: typos, not parts
IMPLICIT = 0.8  # an item's kind, said but not in its title
COVERED = 0.75  # a query term this similar to a name term is accounted for by the name
UNSEEN_PENALTY = 4.0  # points off a hit per unseen word that names nothing
UNSEEN_MAX = 12.0
Rank = Literal["score", "precision"]


@dataclass(frozen=True)
class Hit:
    entity: Entity
    name: str
    score: float  # 0-100
    coverage: float  # share of the question's weight the name accounts for
    precision: float  # share of the name's weight the question said
    covered: frozenset[int]  # positions of the query terms the name's words are
    unseen: int = 0  # query words that no name has in any form (they lowered the score)


@dataclass(frozen=True)
class _Unit:
    """A query term as matched: compounds split or joined, so one unit may span two."""

    term: str
    positions: tuple[int, ...]
    parts: tuple[str, ...] = ()  # two known words that are also one known compound


@dataclass(frozen=True)
class _Query:
    units: tuple[_Unit, ...]
    expansions: tuple[dict[str, float], ...]
    weights: tuple[float, ...]
    compact: str
    penalty: float = 0.0  # for the unseen words that name nothing
    unseen: int = 0  # how many there are


class NameIndex:
    def __init__(self, entries: Iterable[tuple[Entity, Iterable[str]]]) -> None:
        self._entities: list[Entity] = []
        self._owner: list[int] = []
        self._names: list[str] = []
        self._terms: list[tuple[str, ...]] = []
        self._postings: dict[str, dict[str, list[int]]] = {}  # kind -> term -> names
        for entity, said in entries:
            self._add(entity, said)
        frequencies: dict[str, int] = {}
        for postings in self._postings.values():
            for term, holders in postings.items():
                frequencies[term] = frequencies.get(term, 0) + len(holders)
        self.vocabulary = Vocabulary(frequencies, len(self._names))
        self._weights = [tuple(map(self.vocabulary.weight, found)) for found in self._terms]
        self._compact = [compact(found) for found in self._terms]

    def _add(self, entity: Entity, names: Iterable[str]) -> None:
        number = len(self._entities)
        self._entities.append(entity)
        seen: set[tuple[str, ...]] = set()
        postings = self._postings.setdefault(entity.kind, {})
        for name in names:
            found = terms(name)
            if not found or found in seen:
                continue
            seen.add(found)
            name_id = len(self._names)
            self._owner.append(number)
            self._names.append(name)
            self._terms.append(found)
            for term in set(found):
                postings.setdefault(term, []).append(name_id)

    def __len__(self) -> int:
        return len(self._entities)

    @property
    def names(self) -> int:
        return len(self._names)

    def search(
        self, query: Sequence[str], kinds: Collection[str], *, rank: Rank = "score"
    ) -> list[Hit]:
        """Entities of `kinds` the query terms name, best first (at most `CANDIDATES`)."""
        prepared = self._prepare(query)
        if prepared is None:
            return []
        candidates = self._candidates(prepared, kinds)
        whole = self._whole(prepared, candidates)
        best: dict[int, Hit] = {}
        for name_id in candidates:
            hit = self._hit(name_id, prepared, whole.get(name_id, 0.0))
            owner = self._owner[name_id]
            if owner not in best or _key(hit, rank) > _key(best[owner], rank):
                best[owner] = hit
        return sorted(best.values(), key=lambda hit: _key(hit, rank), reverse=True)

    def weight(self, query: Sequence[str]) -> float:
        """How telling the query's known terms are, together."""
        return sum(self.vocabulary.weight(term) for term in query if term in self.vocabulary)

    def _prepare(self, query: Sequence[str]) -> _Query | None:
        units = self._units(query)
        if not units:
            return None
        expansions = tuple(self._expansion(unit) for unit in units)
        weights = tuple(
            self._unit_weight(unit, found) for unit, found in zip(units, expansions, strict=True)
        )
        if not any(w for w, u in zip(weights, units, strict=True) if u.term not in GENERIC):
            return None  # a kind word alone names nothing
        unseen = sum(1 for found, weight in zip(expansions, weights, strict=True) if not weight)
        penalty = min(UNSEEN_MAX, UNSEEN_PENALTY * unseen)
        return _Query(units, expansions, weights, compact(tuple(query)), penalty, unseen)

    def _expansion(self, unit: _Unit) -> dict[str, float]:
        found = dict(self.vocabulary.expand(unit.term))
        for part in unit.parts:
            for term, similarity in self.vocabulary.expand(part).items():
                found[term] = max(found.get(term, 0.0), similarity)
        return found

    def _units(self, query: Sequence[str]) -> tuple[_Unit, ...]:
        """Query terms with compounds mended: joined when split, split when unknown; two
        known words that also make a known compound ("unge aftalen") are one unit that
        means either."""
        units: list[_Unit] = []
        index = 0
        while index < len(query):
            pair = query[index : index + 2]
            joined = self.vocabulary.join(*pair) if len(pair) == 2 else None
            if joined is not None:
                units.append(_Unit(joined, (index, index + 1)))
                index += 2
                continue
            compound = self.vocabulary.compound(*pair) if len(pair) == 2 else None
            if compound is not None:
                units.append(_Unit(compound, (index, index + 1), tuple(pair)))
                index += 2
                continue
            parts = self.vocabulary.split(query[index])
            units.extend(_Unit(part, (index,)) for part in parts or (query[index],))
            index += 1
        return tuple(units)

    def _unit_weight(self, unit: _Unit, found: dict[str, float]) -> float:
        if not found:
            return self.vocabulary.name_weight(unit.term)
        if unit.term in found:
            return self.vocabulary.weight(unit.term)
        closest = max(found.items(), key=lambda pair: (pair[1], self.vocabulary.weight(pair[0])))
        return self.vocabulary.weight(closest[0])

    def _candidates(self, query: _Query, kinds: Collection[str]) -> list[int]:
        found = sorted(
            (len(names), weight * similarity, names)
            for kind in kinds
            for weight, expansion in zip(query.weights, query.expansions, strict=True)
            for term, similarity in _seeds(expansion)
            if (names := self._postings.get(kind, {}).get(term))
        )
        gains: dict[int, float] = {}
        for size, gain, names in found:
            if size <= RARE or not gains:
                for name_id in names:
                    gains[name_id] = gains.get(name_id, 0.0) + gain
            else:
                for name_id in gains:
                    if _holds(names, name_id):
                        gains[name_id] += gain
        return heapq.nlargest(CANDIDATES, gains, key=gains.__getitem__)

    def _whole(self, query: _Query, candidates: list[int]) -> dict[int, float]:
        choices = {name_id: self._compact[name_id] for name_id in candidates}
        hits = process.extract(
            query.compact,
            choices,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=WHOLE_CUTOFF,
            limit=None,
        )
        return {name_id: score for _, score, name_id in hits}

    def _hit(self, name_id: int, query: _Query, whole: float) -> Hit:
        best_unit = [0.0] * len(query.units)
        said, taken, last = 0.0, set(), -1
        name_weights = self._weights[name_id]
        for term, weight in zip(self._terms[name_id], name_weights, strict=True):
            best, at = 0.0, -1
            for position, found in enumerate(query.expansions):
                similarity = found.get(term, 0.0)
                if similarity > best_unit[position]:
                    best_unit[position] = similarity
                if similarity > best or (similarity == best > 0 and _nearer(position, at, last)):
                    best, at = similarity, position
            said += weight * best
            if best >= COVERED:
                taken.add(at)
                last = at
        entity = self._entities[self._owner[name_id]]
        for position, unit in enumerate(query.units):
            if unit.term in entity.implicit:  # "selvskade-initiativet": it is an initiative
                best_unit[position] = max(best_unit[position], IMPLICIT)
        coverage = _share(sum(map(float.__mul__, query.weights, best_unit)), query.weights)
        precision = _share(said, name_weights)
        covered = frozenset(p for at in taken for p in query.units[at].positions)
        score = max(0.0, max(100 * f2(coverage, precision), whole) - query.penalty)
        name = self._names[name_id]
        return Hit(entity, name, score, coverage, precision, covered, query.unseen)


def _nearer(position: int, other: int, last: int) -> bool:
    """A word said twice is taken where it continues the name ("PLO-Midtjylland og
    Region Midtjylland": each "Midtjylland" goes with its own name)."""
    return abs(position - last - 1) < abs(other - last - 1)


def _seeds(expansion: dict[str, float]) -> list[tuple[str, float]]:
    """The terms that collect candidates: a word typed right collects by itself; its
    compounds ("smerte" in twenty "smerte...") only score the names found."""
    exact = [(term, similarity) for term, similarity in expansion.items() if similarity >= 1.0]
    return exact or list(expansion.items())


def _holds(names: list[int], name_id: int) -> bool:
    """Whether sorted postings hold a name."""
    at = bisect_left(names, name_id)
    return at < len(names) and names[at] == name_id


def f2(coverage: float, precision: float) -> float:
    """F-beta with beta 2: coverage (of the question) counts four times precision."""
    if coverage <= 0 or precision <= 0:
        return 0.0
    return 5 * precision * coverage / (4 * precision + coverage)


def _share(value: float, weights: Sequence[float]) -> float:
    total = sum(weights)
    return value / total if total > 0 else 0.0


def _key(hit: Hit, rank: Rank) -> tuple[float, float]:
    if rank == "precision":
        return (hit.precision, hit.score)
    return (hit.score, hit.precision)
