"""Bodies in the knowledge base: matching what a document names to what is stored.

A body is one name in one region ("Sundhedssamarbejdsudvalget" of Region Midtjylland
and that of Region Syddanmark are two bodies). A document that names a body without a
region is about the stored body of that name when there is exactly one; a body the
knowledge base has not seen is a new one, never a refusal.

Members are people in a body, the same person when the folded names are equal. A
document that names a member adds them; one that gives a member another role or
affiliation than stored changes it (the newest import wins, like the newest status),
and the member's source becomes that document's. Nobody is removed: a list that leaves a
person out may be a list of those present.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.core.models import Body, Member
from knowledge.core.names import fold, region_key, slugify
from knowledge.documents.changes import Change
from knowledge.documents.provenance import as_columns, as_json
from knowledge.documents.records import BodyRecord
from knowledge.documents.records import Member as MemberRecord

SLUG_MAX = 100


@dataclass
class BodyBook:
    """Stored bodies (with their members) by folded name, loaded once per import run."""

    session: AsyncSession
    by_name: dict[str, list[Body]] = field(default_factory=dict)
    slugs: set[str] = field(default_factory=set)

    @classmethod
    async def load(cls, session: AsyncSession) -> BodyBook:
        book = cls(session)
        for body in await session.scalars(select(Body).options(selectinload(Body.members))):
            book._remember(body)
        return book

    def _remember(self, body: Body) -> None:
        self.by_name.setdefault(fold(body.name), []).append(body)
        self.slugs.add(body.slug)

    def find(self, record: BodyRecord) -> Body | None:
        same_name = self.by_name.get(fold(record.name), [])
        wanted = region_key(record.region)
        exact = [body for body in same_name if region_key(body.region) == wanted]
        if exact:
            return exact[0]
        loose = [body for body in same_name if not wanted or not body.region]
        return loose[0] if len(loose) == 1 else None

    def apply(self, record: BodyRecord) -> list[Change]:
        body = self.find(record)
        changes: list[Change] = []
        if body is None:
            body = self._add(record)
            changes.append(Change("add body", body.slug, record.name))
        else:
            changes.extend(_merge(body, record))
        for member in record.members:
            changes.extend(_apply_member(body, member, record))
        return changes

    def _add(self, record: BodyRecord) -> Body:
        base = slugify(" ".join(filter(None, (record.name, region_key(record.region)))))
        slug, n = base[:SLUG_MAX], 2
        while slug in self.slugs:
            slug, n = f"{base[: SLUG_MAX - 4]}-{n}", n + 1
        body = Body(
            slug=slug,
            name=record.name,
            region=record.region,
            cluster=record.cluster,
            sources=[as_json(record.source)],
            members=[],
        )
        self.session.add(body)
        self._remember(body)
        return body


def _merge(body: Body, record: BodyRecord) -> list[Change]:
    filled = [
        name
        for name in ("region", "cluster")
        if getattr(body, name) is None and getattr(record, name) is not None
    ]
    for name in filled:
        setattr(body, name, getattr(record, name))
    source = as_json(record.source)
    if source not in body.sources:
        body.sources = [*body.sources, source]
    return [Change("update body", body.slug, ", ".join(filled))] if filled else []


def _apply_member(body: Body, record: MemberRecord, listed: BodyRecord) -> list[Change]:
    known = next((m for m in body.members if fold(m.name) == fold(record.name)), None)
    if known is None:
        body.members.append(
            Member(
                name=record.name,
                role=record.role,
                affiliation=record.affiliation,
                **as_columns(listed.source),
            )
        )
        return [Change("add member", body.slug, record.name)]
    changed = [
        name
        for name in ("role", "affiliation")
        if getattr(record, name) is not None and getattr(record, name) != getattr(known, name)
    ]
    if not changed:
        return []
    for name in changed:
        setattr(known, name, getattr(record, name))
    for column, value in as_columns(listed.source).items():
        setattr(known, column, value)
    return [Change("update member", body.slug, f"{record.name}: {', '.join(changed)}")]
