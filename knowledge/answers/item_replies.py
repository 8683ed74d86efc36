"""Replies about items: the status, parties, budget, dates or purpose of one; lists;
changes since a date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from knowledge.answers import phrasing
from knowledge.answers.context import (
    PAGE,
    SUBSTANCE,
    Asked,
    clarify,
    lacking,
    not_known,
    outside,
    resolve_named,
    typed,
    unseen_substance,
    unseen_words,
)
from knowledge.answers.kinds import (
    Answer,
    ChangesAnswer,
    ChangeView,
    ItemAnswer,
    ItemView,
    ListAnswer,
)
from knowledge.answers.lookup import change_views, item_views
from knowledge.answers.overview import date_answer
from knowledge.answers.people import people_answer
from knowledge.answers.resolution import Resolution, mentions, resolve, without
from knowledge.answers.snapshot import Group, Snapshot
from knowledge.understanding.entities import Entity, entity_id
from knowledge.understanding.intents import Intent, Question

FILTERS = frozenset({"region", "cluster", "party", "area"})
PARTIES_AND_PLACES = frozenset({"region", "cluster", "party"})
TOPIC = 0.88  # an item is about a topic when its name accounts for this much of it (a typo)
CHANGES_WINDOW = timedelta(days=30)  # "hvad er nyt?" without a date: the last month
_ITEM = frozenset({"item"})
_BODIES = frozenset({"body", "cluster"})
_WHO = _ITEM | _BODIES
ITEM_INTENTS = frozenset({"status", "who", "budget", "date", "what_is"})
_CHANGED = frozenset({"item", "cluster", "region"})


async def item_answer(asked: Asked) -> Answer:
    """status / who / budget of one item; a place, party or area lists what is there."""
    question = asked.question
    if not question.subject and (question.category or question.type_terms):
        return await list_answer(asked)  # "hvad er afsluttet?"
    resolution, _ = resolve_named(asked, _WHO if question.intent == "who" else _ITEM)
    if resolution.outcome == "found" and resolution.entity.kind in _BODIES:
        return await people_answer(asked, resolution.entity)  # "hvem er formand for KSG"
    if resolution.outcome == "found" and resolution.entity.kind != "item":
        return await list_answer(asked, place=resolution.entity)
    if resolution.outcome != "found":
        holder = _holder(asked, resolution)
        if holder is not None:  # "what is Regionspsykiatrien Midt involved in?"
            return await list_answer(asked, place=holder)
        if question.type_terms:
            return await list_answer(asked)  # "status på aftalerne i Midtklyngen"
    return await answer_item(asked, question.intent, resolution)


def _holder(asked: Asked, items: Resolution) -> Entity | None:
    """A party, area, cluster or region the subject names better than any item."""
    subject = asked.question.subject
    found = resolve(asked.snapshot, subject, FILTERS, unique=False)
    if found.outcome != "found" or unseen_substance(asked.snapshot, subject, found.hits[0]):
        return None  # "hvor mange sygeplejersker er der i Danmark": not Danmark's items
    best_item = items.hits[0].score if items.hits else 0.0
    return found.entity if found.hits[0].score > best_item else None


async def answer_item(asked: Asked, intent: Intent, resolution: Resolution) -> Answer:
    if resolution.outcome == "missing" or intent not in ITEM_INTENTS:
        return not_known(asked)
    if resolution.outcome != "found":
        return clarify(asked, intent, resolution)
    views = await item_views(asked.session, [resolution.entity.id], asked.views)
    if not views:
        return not_known(asked)
    view = views[0]
    gap = outside(asked, resolution) or _gap(asked, intent, resolution, view)
    if gap is not None:
        return gap
    if intent == "date":
        return date_answer(asked, view)
    if intent == "budget":
        view = _budget_of_year(view, asked)
    return ItemAnswer(intent, asked.lang, view)  # type: ignore[arg-type]


def _gap(asked: Asked, intent: Intent, resolution: Resolution, view: ItemView) -> Answer | None:
    """What the question asks that the record does not hold: a person (the record has
    parties, not people); an amount of an item without a budget, or what an item is
    asked with words of substance the index has never seen ("the readmission rate of
    X"): the thing is known, the fact is not. (Dates: `overview.date_answer`.)"""
    reading = asked.question.reading
    if intent == "who" and reading is not None and reading.fact == "person":
        return lacking(asked, view.title, "person")
    if intent not in ("what_is", "budget") or (intent == "budget" and view.budget):
        return None
    unseen = unseen_words(asked.snapshot, asked.question.subject, resolution.hits[0])
    return lacking(asked, view.title, "fact", typed(asked, unseen)) if unseen else None


def _budget_of_year(view: ItemView, asked: Asked) -> ItemView:
    """ "budget for FACT i 2025": that year's lines, when the budget has any."""
    period = asked.question.period
    if period is None:
        return view
    lines = tuple(line for line in view.budget if line.year == period.start.year)
    return replace(view, budget=lines) if lines else view


async def list_answer(asked: Asked, place: Entity | None = None) -> Answer:
    """Items filtered by type, status, region, cluster, party, area or topic, by title."""
    question, snapshot = asked.question, asked.snapshot
    subject = [term for term in question.subject if term not in question.type_terms]
    named, rest = _filters(snapshot, subject, place)
    topical = _topic(snapshot, rest)
    if topical is not None and not topical:
        return not_known(asked)
    if not (named or topical or question.item_type or question.category):
        return not_known(asked)
    named, numbers = _listed(snapshot, question, named, topical)
    page, more = asked.page(numbers)
    slugs = [snapshot.items[number].id for number in page]
    described = [(e.kind, e.label) for e in named] + _topic_label(question, topical)
    wording = phrasing.list_filter(asked.lang, question.item_type, question.category, described)
    views = await item_views(asked.session, slugs, asked.views)
    return ListAnswer("list", asked.lang, wording, tuple(views), more)


def _filters(
    snapshot: Snapshot, subject: Sequence[str], place: Entity | None
) -> tuple[list[Entity], tuple[str, ...]]:
    """Regions, clusters, parties and areas the subject names, and the words left over."""
    if place is not None:
        return [place], ()
    named = mentions(snapshot, subject, FILTERS)
    rest = without(subject, named)
    entities = [hit.entity for hit in named]
    if rest:
        resolution = resolve(snapshot, rest, PARTIES_AND_PLACES, unique=False)
        if resolution.outcome == "found":
            return [*entities, resolution.entity], ()
    return entities, rest


def _listed(
    snapshot: Snapshot, question: Question, named: list[Entity], topical: set[int] | None
) -> tuple[list[Entity], list[int]]:
    """The items; a cluster without any (agreements are made per region) means its region."""
    numbers = _numbers(snapshot, question, named, topical)
    if numbers or not any(entity.kind == "cluster" for entity in named):
        return named, numbers
    wider = [_region(snapshot, entity) for entity in named]
    return wider, _numbers(snapshot, question, wider, topical)


def _region(snapshot: Snapshot, entity: Entity) -> Entity:
    if entity.kind != "cluster" or entity.region is None:
        return entity
    return snapshot.entities.get(entity_id("region", entity.region), entity)


def _numbers(
    snapshot: Snapshot, question: Question, named: list[Entity], topical: set[int] | None
) -> list[int]:
    groups: list[Group] = [(entity.kind, entity.label) for entity in named]
    if question.item_type:
        groups.append(("type", question.item_type))
    if question.category:
        groups.append(("category", question.category))
    numbers = snapshot.filtered(groups)
    return numbers if topical is None else [n for n in numbers if n in topical]


def _topic(snapshot: Snapshot, rest: Sequence[str]) -> set[int] | None:
    """Items whose names or areas are about the words left over.

    None when nothing is left but short words the index does not know (stray filler); an
    empty set when a word of substance matches nothing ("aftaler om fodbold").
    """
    known = [term for term in rest if _knows_any(snapshot, (term,))]
    if any(len(term) >= SUBSTANCE and term not in known for term in rest):
        return set()
    if not known:
        return None
    found: set[int] = set()
    for hit in snapshot.names.search(known, frozenset({"item", "area"})):
        if hit.coverage >= TOPIC:
            found |= snapshot.members(hit.entity)
    return found


def _topic_label(question: Question, topical: set[int] | None) -> list[tuple[str, str]]:
    if topical is None or not question.subject_text:
        return []
    return [("topic", question.subject_text)]


async def changes_answer(asked: Asked) -> Answer:
    """Status entries valid from a date on, newest first; of an item, cluster or region."""
    question = asked.question
    resolution = resolve_named(asked, _CHANGED)[0] if question.subject else None
    if resolution is not None and resolution.outcome in ("ambiguous", "unsure"):
        return clarify(asked, "changes", resolution)
    if resolution is not None and resolution.outcome == "missing":
        if _knows_any(asked.snapshot, question.subject):
            return not_known(asked)
        resolution = None  # stray words the knowledge base does not know
    changed = resolution.entity if resolution is not None else None
    start = _start(asked, changed)
    entries, total = asked.snapshot.timeline.since(
        start,
        asked.today,
        items=_changed_items(asked, changed),
        category=question.category,
        limit=asked.offset + PAGE,
    )
    shown = await change_views(asked.session, entries[asked.offset :])
    start = start if start > date.min else _oldest(shown, asked.today)
    more = max(0, total - asked.offset - len(shown))
    return ChangesAnswer("changes", asked.lang, start, tuple(shown), more)


def _start(asked: Asked, changed: Entity | None) -> date:
    """The date asked about; for one item without a date, its whole history; else a month."""
    question = asked.question
    since = question.since or (question.period.start if question.period else None)
    if since is not None:
        return since
    if changed is not None and changed.kind == "item":
        return date.min
    return asked.today - CHANGES_WINDOW


def _changed_items(asked: Asked, changed: Entity | None) -> set[int] | None:
    """The items whose changes count: of the entity asked about, of the type asked for."""
    items = asked.snapshot.members(changed) if changed is not None else None
    if asked.question.item_type is None:
        return items
    typed = set(asked.snapshot.filtered([("type", asked.question.item_type)]))
    return typed if items is None else items & typed


def _knows_any(snapshot: Snapshot, subject: Sequence[str]) -> bool:
    return any(snapshot.names.vocabulary.expand(term) for term in subject)


def _oldest(shown: Sequence[ChangeView], today: date) -> date:
    dates = [change.entry.valid_from for change in shown if change.entry.valid_from]
    return min(dates, default=today)
