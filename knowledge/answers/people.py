"""People, for "who" questions about a body or cluster: its members and whom its last
meeting listed, with their roles.

The record of an item names parties (organisations), not people; a body's record
(`Body`, `Member`) and a meeting's (`participants`, `absent`) name people with a role
("formand", "sekretær", "kontaktperson") and whom they represent. A question that asks
for a role ("hvem er formand") is answered with the people in that role; one that asks
who sent apologies with the meeting's absent list. Nobody in the record: the answer says
so (and the documents' text is searched: `text_replies`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from knowledge.answers.context import Asked, lacking
from knowledge.answers.kinds import Answer, MeetingView, PeopleAnswer, PersonView
from knowledge.answers.meeting_choice import belongs, past
from knowledge.core.models import Body, Meeting
from knowledge.understanding.entities import Entity
from knowledge.understanding.normalise import loose

# Role words a question may ask for, by the loose stem a member's role starts with.
ROLES = (
    "medformand", "formand", "naestformand", "sekretar", "sekretariat", "referent",
    "modeleder", "kontaktperson", "tovholder", "projektleder", "direktor", "chef", "leder",
)  # fmt: skip
ABSENT = ("afbud", "fravar", "absent", "apolog")


async def people_of(
    session: AsyncSession, entity: Entity, last: MeetingView | None
) -> list[PersonView]:
    """The members of a body (of every body of a cluster), then the last meeting's
    participants not already among them."""
    query = select(Body).options(selectinload(Body.members))
    if entity.kind == "body":
        query = query.where(Body.name == entity.label)
        if entity.region:
            query = query.where(Body.region == entity.region)
    else:
        query = query.where(Body.cluster == entity.label)
    found: list[PersonView] = []
    for body in await session.scalars(query):
        found.extend(PersonView(m.name, m.role, m.affiliation, m.source_file) for m in body.members)
    if last is not None:
        found.extend(await _listed(session, last.slug, "participants"))
    return _unique(found)


async def absent_from(session: AsyncSession, meeting: MeetingView) -> list[PersonView]:
    return await _listed(session, meeting.slug, "absent")


async def _listed(session: AsyncSession, slug: str, field: str) -> list[PersonView]:
    row = await session.scalar(select(Meeting).where(Meeting.slug == slug))
    if row is None:
        return []
    source = row.sources[0].get("file") if row.sources else None
    return [_person(person, source) for person in getattr(row, field) or []]


def _person(person: dict[str, Any], source: str | None) -> PersonView:
    return PersonView(
        str(person.get("name") or ""), person.get("role"), person.get("affiliation"), source
    )


def asked_role(loose_text: str) -> str | None:
    """The role a question asks for ("hvem er medformand" -> "medformand")."""
    return next((role for role in ROLES if role in loose_text), None)


def asks_absent(loose_text: str) -> bool:
    return any(word in loose_text for word in ABSENT)


def in_role(people: Sequence[PersonView], role: str | None) -> list[PersonView]:
    if role is None:
        return list(people)
    return [person for person in people if person.role and loose(person.role).startswith(role)]


def _unique(people: Iterable[PersonView]) -> list[PersonView]:
    seen: dict[str, PersonView] = {}
    for person in people:
        if person.name:
            seen.setdefault(loose(person.name), person)
    return list(seen.values())


async def people_answer(asked: Asked, entity: Entity) -> Answer:
    """Who is in a body or cluster, in the role asked for; or who was absent last time."""
    reading = asked.question.reading
    said = " ".join(word.loose for word in reading.tokens) if reading is not None else ""
    held = past(asked.snapshot.meetings, belongs(entity), asked.today)
    last = held[-1] if held else None
    role = asked_role(said)
    if asks_absent(said) and last is not None:
        people = await absent_from(asked.session, last)
    else:
        people = in_role(await people_of(asked.session, entity, last), role)
    if not people:
        return lacking(asked, entity.label, "person")
    return PeopleAnswer("who", asked.lang, entity.label, tuple(people), role)
