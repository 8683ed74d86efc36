"""From index hits to one entity, several to choose from, or none: the confidence policy.

Thresholds (scores are 0-100, see `knowledge.understanding.index`):
- `ANSWER` 80: one wrong letter in an eight-letter name (87.5) or a name said in part
  ("Tele KOL" of "Forberedelse til Implementering af Tele KOL", 85) still answers.
- `UNSURE` 60: from here to `ANSWER` the best few are offered ("Mente du ...?"); below
  it the question is about nothing the knowledge base knows.
- `TIE` 3: hits this close fit equally ("IV-aftalen" names two agreements); the question's
  own region or cluster, then the chat's scope, may pick one, else the user chooses.
- `MARGIN` 10: a runner-up that accounts for the question too and scores this close
  makes the best hit a guess ("samarbejdsaftale" fits dozens): the user chooses. Not
  when the best hit is a name said exactly: only a tie competes with that.
- A name only one entity has answers even when it is a small part of that entity's name
  ("amning", "sundhedsvisitation"): when the best hit accounts for nearly the whole
  question (coverage `UNIQUE`) and no other entity accounts for much of it (`RIVAL`).
- A mention (a cluster or region named inside a longer question) is a name the question
  says almost entirely: precision at least `MENTION`.
- The place a question names decides first: of the best hits, those inside it count
  ("hjerneskadeaftalen i Sønderjylland" is the Syddanmark agreement), unless none is;
  a clear winner elsewhere stays the answer, and the answer says where it is.
- One candidate alone that scores at least `LONE` is the answer, not a "did you mean"
  with one button (not for filters, `unique=False`: they must be named well).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from knowledge.answers.snapshot import Snapshot
from knowledge.core.chat import ChatScope
from knowledge.understanding.entities import Entity
from knowledge.understanding.index import UNSEEN_PENALTY, Hit

ANSWER = 80.0
UNSURE = 60.0
TIE = 3.0
MARGIN = 10.0
EXACT = 0.999
UNIQUE = 0.85
RIVAL = 0.75
MENTION = 0.85
LONE = 70.0
CHOICES = 3
PLACES = frozenset({"region", "cluster"})

Outcome = Literal["found", "ambiguous", "unsure", "missing"]


@dataclass(frozen=True)
class Resolution:
    outcome: Outcome
    hits: tuple[Hit, ...] = ()
    outside: Places | None = None  # found, but not in the place the question names

    @property
    def entity(self) -> Entity:
        return self.hits[0].entity


MISSING = Resolution("missing")


@dataclass(frozen=True)
class Places:
    """Where a question is about: the region or cluster it names, else the chat's scope."""

    region: str | None = None
    cluster: str | None = None

    @property
    def empty(self) -> bool:
        return self.region is None and self.cluster is None


def mentions(snapshot: Snapshot, subject: Sequence[str], kinds: Collection[str]) -> list[Hit]:
    """Entities named in full inside the question, longest first, not overlapping."""
    hits = [
        hit
        for hit in snapshot.names.search(subject, kinds, rank="precision")
        if hit.precision >= MENTION and hit.covered
    ]
    hits.sort(
        key=lambda hit: (len(hit.covered), hit.precision, hit.score, hit.entity.kind in PLACES),
        reverse=True,
    )
    chosen: list[Hit] = []
    for hit in hits:
        if all(hit.covered.isdisjoint(other.covered) for other in chosen):
            chosen.append(hit)
    return chosen


def without(subject: Sequence[str], hits: Sequence[Hit]) -> tuple[str, ...]:
    """The subject's terms that none of the hits accounts for."""
    taken = frozenset().union(*(hit.covered for hit in hits))
    return tuple(term for position, term in enumerate(subject) if position not in taken)


def places(snapshot: Snapshot, named: Sequence[Hit], scope: ChatScope) -> tuple[Places, Places]:
    """(what the question names, what the chat's scope says); a cluster implies its region."""
    region = next((h.entity.label for h in named if h.entity.kind == "region"), None)
    cluster = next((h.entity.label for h in named if h.entity.kind == "cluster"), None)
    asked = Places(region or _region_of(snapshot, cluster), cluster)
    chat = Places(scope.region or _region_of(snapshot, scope.cluster), scope.cluster)
    return asked, chat


def _region_of(snapshot: Snapshot, cluster: str | None) -> str | None:
    return snapshot.region_of_cluster.get(cluster) if cluster else None


def resolve(
    snapshot: Snapshot,
    subject: Sequence[str],
    kinds: Collection[str],
    narrowing: Sequence[Places] = (),
    *,
    unique: bool = True,
) -> Resolution:
    """The entity of `kinds` the subject names, with `narrowing` to break ties.

    `unique=False` leaves out the lift for names only one entity has: a filter must be
    named well ("psykiatri" is a topic, not the party "Regionspsykiatrien Midt")."""
    if not subject:
        return MISSING
    return decide(snapshot.names.search(subject, kinds), narrowing, unique=unique)


def decide(
    hits: Sequence[Hit],
    narrowing: Sequence[Places] = (),
    *,
    unique: bool = True,
    place: Places | None = None,
) -> Resolution:
    """One entity, several to choose from, or none; `place` is where the question itself
    says it is about, `narrowing` breaks ties after it (the question's place, the chat's)."""
    hits = _inside(list(hits), place)
    hits = _boosted(hits) if unique else hits
    if not hits or hits[0].score < UNSURE:
        return MISSING
    rivals = _rivals(hits)
    if len(rivals) > 1:
        inside = _narrowed(rivals, narrowing)
        if len(inside) == 1:
            return Resolution("found", (inside[0],))
        if all(hits[0].score - hit.score <= TIE for hit in inside[:2]):
            return Resolution("ambiguous", tuple(inside[:CHOICES]))
    if hits[0].score >= ANSWER and len(rivals) == 1:
        return Resolution("found", (hits[0],))
    close = tuple(hit for hit in hits[:CHOICES] if hit.score >= UNSURE)
    if unique and len(close) == 1 and close[0].score >= LONE:
        return Resolution("found", close)
    return Resolution("unsure", close)


def _inside(hits: list[Hit], place: Places | None) -> list[Hit]:
    """Of the best hits (within `MARGIN` of the best), those inside the place the question
    names, when any are; a clear winner outside it stays (and is said to be elsewhere).
    Entities that belong nowhere (regions, parties) are never left out."""
    if place is None or place.empty or not hits:
        return hits
    best = [hit for hit in hits if hit.score >= hits[0].score - MARGIN]
    if not any(within(hit.entity, place) for hit in best):
        return hits
    return [
        hit
        for hit in hits
        if within(hit.entity, place) or not placed(hit.entity) or hit not in best
    ]


def placed(entity: Entity) -> bool:
    """Whether an entity belongs to one region or cluster (items and bodies)."""
    return entity.kind in ("item", "body") and bool(entity.region or entity.cluster)


def _rivals(hits: Sequence[Hit]) -> list[Hit]:
    """The best hit and those that fit as well (`TIE`), or nearly and as fully (`MARGIN`)."""
    top = hits[0].score
    margin = TIE if _exact(hits[0]) else MARGIN
    return [hits[0]] + [
        hit
        for hit in hits[1:]
        if top - hit.score <= TIE or (top - hit.score < margin and hit.coverage >= RIVAL)
    ]


def _exact(hit: Hit) -> bool:
    return hit.coverage >= EXACT and hit.precision >= EXACT


def _boosted(hits: list[Hit]) -> list[Hit]:
    """A name no other entity shares answers even when it is a small part of a long name;
    each word the index has never seen lowers it a little."""
    if not hits or hits[0].coverage < UNIQUE or hits[0].score >= ANSWER:
        return hits
    if any(hit.coverage >= RIVAL for hit in hits[1:]):
        return hits
    lifted = ANSWER + (100 - ANSWER) * hits[0].precision - UNSEEN_PENALTY * hits[0].unseen
    return [replace(hits[0], score=lifted), *hits[1:]]


def _narrowed(rivals: list[Hit], narrowing: Sequence[Places]) -> list[Hit]:
    """The rivals inside the question's place, then inside the chat's scope."""
    for where in narrowing:
        inside = [hit for hit in rivals if not where.empty and within(hit.entity, where)]
        if len(inside) == 1:
            return inside
        rivals = inside or rivals
    return rivals


def within(entity: Entity, where: Places) -> bool:
    if where.cluster is not None and entity.cluster is not None:
        return entity.cluster == where.cluster
    return where.region is not None and entity.region == where.region
