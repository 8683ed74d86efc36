"""An in-memory copy of what questions are answered from, built in one go from two queries.

The snapshot holds a summary of every item (title, names, where it belongs, its newest
status category), every meeting as a `MeetingView`, the entities questions name
(`knowledge.understanding.entities`) in a `NameIndex`, and the meetings' decisions in a
second index.
Item filters ("aftaler i Midtklyngen der er implementeret") are set intersections over
precomputed groups, so a list question at 100,000 items does not walk every item.

Full item details (purpose, sources, the status text) stay in the database and are read
for the few items an answer shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from knowledge.answers.kinds import DecisionView, MeetingView
from knowledge.answers.passages import Passages
from knowledge.answers.timeline import Mark, Timeline
from knowledge.understanding.entities import (
    Entity,
    area_names,
    body_names,
    cluster_names,
    entity_id,
    item_names,
    party_names,
    region_names,
)
from knowledge.understanding.index import NameIndex
from knowledge.understanding.normalise import terms

_TYPE_WORDS = {"agreement": "aftale", "initiative": "initiativ projekt"}
Group = tuple[str, str]  # ("cluster", "Midtklyngen"), ("category", "implemented"), ...


@dataclass(frozen=True)
class ItemSummary:
    pk: int  # the row's id
    id: str  # slug
    type: str
    kind: str
    title: str
    area: str | None
    region: str | None
    cluster: str | None
    parties: tuple[str, ...]
    aliases: tuple[str, ...]
    category: str | None  # of the newest status entry; None without history
    since: date | None


Dated = tuple[date, int, int, str]  # a status entry: valid from, id, item's row id, category


class Snapshot:
    def __init__(
        self,
        items: Iterable[ItemSummary],
        meetings: Iterable[MeetingView],
        dated: Iterable[Dated] = (),
        passages: Passages | None = None,
    ) -> None:
        self.passages = passages  # the documents' text, for facts the records lack
        self.items = sorted(items, key=lambda item: (item.title.casefold(), item.id))
        self.number = {item.id: number for number, item in enumerate(self.items)}
        by_pk = {item.pk: number for number, item in enumerate(self.items)}
        self.timeline = Timeline(
            Mark(day, entry, by_pk[pk], category) for day, entry, pk, category in dated
        )
        self.meetings = tuple(sorted(meetings, key=lambda m: (m.date, m.body, m.slug)))
        self.groups = _groups(self.items)
        self.region_of_cluster = _cluster_regions(self.items, self.meetings)
        self.entities: dict[str, Entity] = {}
        self.names = NameIndex(self._named())
        self.decisions = tuple(_decisions(self.meetings))
        self.decision_index = NameIndex(
            (Entity(f"decision:{n}", "decision", d.title), (_decision_text(d),))
            for n, d in enumerate(self.decisions)
        )
        dated_items = [item for item in self.items if item.since is not None]
        self.newest = max(dated_items, key=lambda i: (i.since or date.min, i.id), default=None)
        self.clusters = sorted(
            (entity for entity in self.entities.values() if entity.kind == "cluster"),
            key=lambda entity: entity.label,
        )

    def item(self, entity: Entity) -> ItemSummary:
        return self.items[self.number[entity.id]]

    def filtered(self, groups: Iterable[Group]) -> list[int]:
        """Numbers of the items in every group (all items without groups), by title."""
        sets = sorted((self.groups.get(group, set()) for group in groups), key=len)
        if not sets:
            return list(range(len(self.items)))
        return sorted(sets[0].intersection(*sets[1:]))

    def members(self, entity: Entity) -> set[int]:
        """Items an entity stands for as a filter (its cluster, region, party or area)."""
        if entity.kind == "item":
            return {self.number[entity.id]}
        return self.groups.get((entity.kind, entity.label), set())

    def _named(self) -> Iterator[tuple[Entity, Sequence[str]]]:
        for item in self.items:
            entity = Entity(item.id, "item", item.title, item.region, item.cluster, _implicit(item))
            yield self._remember(entity), item_names(item.title, item.aliases, item.type)
        yield from self._places()
        for kind, label in sorted(self.groups):
            if kind == "party":
                party = Entity(entity_id("party", label), "party", label)
                yield self._remember(party), party_names(label)
            elif kind == "area":
                area = Entity(entity_id("area", label), "area", label)
                yield self._remember(area), area_names(label)

    def _places(self) -> Iterator[tuple[Entity, Sequence[str]]]:
        bodies = sorted({(m.body, m.region, m.cluster) for m in self.meetings}, key=str)
        for body, region, cluster in bodies:
            entity = Entity(entity_id("body", body, region), "body", body, region, cluster)
            yield self._remember(entity), body_names(body, cluster)
        for cluster, region in sorted(self.region_of_cluster.items(), key=str):
            entity = Entity(entity_id("cluster", cluster), "cluster", cluster, region, cluster)
            yield self._remember(entity), cluster_names(cluster)
        for region in sorted(self._regions()):
            entity = Entity(entity_id("region", region), "region", region, region)
            yield self._remember(entity), region_names(region)

    def _regions(self) -> set[str]:
        regions = {item.region for item in self.items} | {m.region for m in self.meetings}
        return {region for region in regions if region}

    def _remember(self, entity: Entity) -> Entity:
        self.entities[entity.id] = entity
        return entity


def _implicit(item: ItemSummary) -> frozenset[str]:
    """What an item is without its title saying so: its kind and type ("initiativ")."""
    return frozenset(terms(f"{item.kind} {_TYPE_WORDS.get(item.type, '')}"))


def _groups(items: Sequence[ItemSummary]) -> dict[Group, set[int]]:
    groups: dict[Group, set[int]] = {}
    for number, item in enumerate(items):
        for group in _item_groups(item):
            groups.setdefault(group, set()).add(number)
    return groups


def _item_groups(item: ItemSummary) -> Iterator[Group]:
    yield "type", item.type
    yield "category", item.category or "unknown"
    for kind, value in (("cluster", item.cluster), ("region", item.region), ("area", item.area)):
        if value:
            yield kind, value
    for party in item.parties:
        yield "party", party


def _cluster_regions(
    items: Sequence[ItemSummary], meetings: Sequence[MeetingView]
) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for cluster, region in [(i.cluster, i.region) for i in items] + [
        (m.cluster, m.region) for m in meetings
    ]:
        if cluster and (found.get(cluster) is None):
            found[cluster] = region
    return found


def _decisions(meetings: Sequence[MeetingView]) -> Iterator[DecisionView]:
    """Agenda items with a decision; a held meeting without them is summed up by its note."""
    for meeting in meetings:
        decided = [a for a in meeting.agenda if a.decision and a.decision.strip()]
        for agenda in decided:
            yield DecisionView(meeting, agenda.number, agenda.title, agenda.decision or "")
        if not decided and meeting.state == "held" and meeting.note:
            yield DecisionView(meeting, "", "", meeting.note)


def _decision_text(decision: DecisionView) -> str:
    return f"{decision.meeting.body} {decision.title} {decision.decision}"
