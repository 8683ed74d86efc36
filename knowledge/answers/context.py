"""A question in its context, and what every reply needs: resolving names, asking back,
saying honestly that the knowledge base does not know.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.answers import phrasing
from knowledge.answers.kinds import Choice, Clarify, NotKnown
from knowledge.answers.resolution import PLACES, Resolution, decide, mentions, places, without
from knowledge.answers.snapshot import Snapshot
from knowledge.core.chat import ChatScope, Lang
from knowledge.understanding.entities import Entity
from knowledge.understanding.index import Hit
from knowledge.understanding.intents import Intent, Question

T = TypeVar("T")
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
    return decide(hits, (asked_places, chat_places)), named


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
