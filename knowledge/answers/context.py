"""A question in its context, and what every reply needs: resolving names, asking back,
saying honestly that the knowledge base does not know.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.answers import phrasing
from knowledge.answers.kinds import Choice, Clarify, NotKnown
from knowledge.answers.resolution import (
    PLACES,
    Resolution,
    decide,
    mentions,
    placed,
    places,
    within,
    without,
)
from knowledge.answers.snapshot import Snapshot
from knowledge.core.chat import ChatScope, Lang
from knowledge.understanding.entities import Entity
from knowledge.understanding.index import Hit
from knowledge.understanding.intents import Intent, Question

T = TypeVar("T")
SUBSTANCE = 5  # an unseen word this long is a subject the knowledge base lacks
PAGE = 10  # items, meetings, decisions or changes shown at once; `more` counts the rest


@dataclass(frozen=True)
class Asked:
    """A question in its context: where it is answered from, for which chat, and when."""

    session: AsyncSession
    snapshot: Snapshot
    question: Question
    scope: ChatScope
    today: date
    offset: int = 0  # entries already shown ("vis flere" asks for the next page)
    views: dict[str, Any] | None = None  # item views of this generation (answers/lookup.py)

    def page(self, found: Sequence[T]) -> tuple[list[T], int]:
        """The page of `found` to show now, and how many come after it."""
        shown = list(found[self.offset : self.offset + PAGE])
        return shown, max(0, len(found) - self.offset - PAGE)

    @property
    def lang(self) -> Lang:
        return self.question.lang


def resolve_named(
    asked: Asked, kinds: frozenset[str], subject: Sequence[str] | None = None
) -> tuple[Resolution, list[Hit]]:
    """What the subject names among `kinds`, and the regions and clusters it mentions.

    Mentioned places break ties before the chat's scope does ("IV-aftalen i Region
    Syddanmark"). A subject that is nothing but a place resolves to that place.
    """
    subject = asked.question.subject if subject is None else subject
    named = mentions(asked.snapshot, subject, PLACES)
    asked_places, chat_places = places(asked.snapshot, named, asked.scope)
    rest = without(subject, named)
    if named and not rest:
        return Resolution("found", (named[0],)), named
    hits = _merged(
        asked.snapshot.names.search(subject, kinds),
        asked.snapshot.names.search(rest, kinds) if named else [],
    )
    found = decide(hits, (asked_places, chat_places), place=asked_places)
    if found.outcome == "found" and not asked_places.empty:
        entity = found.entity
        if placed(entity) and not within(entity, asked_places):
            found = replace(found, outside=asked_places)  # "... i Sønderjylland": not there
    return found, named


def _merged(*searches: list[Hit]) -> list[Hit]:
    best: dict[str, Hit] = {}
    for hits in searches:
        for hit in hits:
            if hit.entity.id not in best or hit.score > best[hit.entity.id].score:
                best[hit.entity.id] = hit
    return sorted(best.values(), key=lambda hit: (hit.score, hit.precision), reverse=True)


def clarify(asked: Asked, intent: Intent, resolution: Resolution) -> Clarify:
    choices = tuple(choice(hit.entity, intent, asked.lang) for hit in resolution.hits)
    if resolution.outcome == "ambiguous":
        return Clarify(intent, asked.lang, choices, "ambiguous")
    return Clarify(intent, asked.lang, choices, "unsure")


def choice(entity: Entity, intent: Intent, lang: Lang) -> Choice:
    """An item, a body, or (regions too) a cluster, with the question that picks it."""
    question = phrasing.question(intent, entity, lang)
    if entity.kind == "item" or entity.kind == "body":
        return Choice(entity.id, entity.kind, entity.label, entity.detail, question)
    return Choice(entity.id, "cluster", entity.label, entity.detail, question)


def not_known(asked: Asked) -> NotKnown:
    return NotKnown("unknown", asked.lang, suggestions(asked))


def lacking(asked: Asked, known: str, missing: str, words: str = "") -> NotKnown:
    """The thing asked about is known, the fact asked for is not."""
    return NotKnown("unknown", asked.lang, (), known, missing, words or _asked_words(asked))


def outside(asked: Asked, resolution: Resolution) -> NotKnown | None:
    """The thing named exists, but not in the place the question names."""
    where = resolution.outside
    if where is None or resolution.outcome != "found":
        return None
    entity = resolution.entity
    there = entity.cluster or entity.region
    said = where.cluster or where.region
    return NotKnown("unknown", asked.lang, (), entity.label, None, "", there, said)


def unseen_words(snapshot: Snapshot, subject: Sequence[str], hit: Hit) -> list[int]:
    """Positions of the subject's words of substance that the hit does not account for
    and the index has never seen: what is asked about is not (all) what the hit is."""
    vocabulary = snapshot.names.vocabulary
    return [
        position
        for position, term in enumerate(subject)
        if position not in hit.covered and len(term) >= SUBSTANCE and vocabulary.unseen(term)
    ]


def unseen_substance(snapshot: Snapshot, subject: Sequence[str], hit: Hit) -> bool:
    return bool(unseen_words(snapshot, subject, hit))


def typed(asked: Asked, positions: Sequence[int]) -> str:
    """The words of the subject at `positions`, as typed."""
    reading = asked.question.reading
    if reading is None:
        return ""
    subject = [word for word in reading.tokens if word.role == "subject"]
    return " ".join(subject[n].raw for n in positions if n < len(subject) and subject[n].raw)


def _asked_words(asked: Asked) -> str:
    reading = asked.question.reading
    if reading is None:
        return ""
    return " ".join(word.raw for word in reading.tokens if word.role == "asking" and word.raw)


def suggestions(asked: Asked) -> tuple[str, ...]:
    """Questions this knowledge base answers: its newest item, a cluster, a list."""
    snapshot, lang = asked.snapshot, asked.lang
    found: list[str] = []
    if snapshot.newest is not None:
        newest = snapshot.entities[snapshot.newest.id]
        found.append(phrasing.question("status", newest, lang))
    place = _suggested_place(asked)
    if place is not None:
        found.append(phrasing.question("next_meeting", place, lang))
    if snapshot.groups.get(("category", "implemented")):
        found.append(phrasing.LIST_EXAMPLE[lang])
    return tuple(found)


def _suggested_place(asked: Asked) -> Entity | None:
    clusters = asked.snapshot.clusters
    preferred = [entity for entity in clusters if entity.label == asked.scope.cluster]
    ordered = preferred or clusters
    return ordered[0] if ordered else None
