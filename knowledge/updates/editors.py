"""Who may update statuses from chat: the people settings name ("*" is everyone) and
those added in chat or with `app.py editors add`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.models import Editor

EVERYONE = "*"


@dataclass(frozen=True)
class EditorLine:
    aad_id: str
    name: str
    added_by: str | None  # AAD id of who added them; None from the command line
    added_at: datetime


async def is_editor(session: AsyncSession, aad_id: str, configured: frozenset[str]) -> bool:
    if EVERYONE in configured or aad_id in configured:
        return True
    return await session.scalar(select(Editor.id).where(Editor.aad_id == aad_id)) is not None


async def add_editor(
    session: AsyncSession, aad_id: str, name: str, added_by: str | None, now: datetime
) -> bool:
    """True when added; False when already an editor (their name is brought up to date)."""
    existing = await session.scalar(select(Editor).where(Editor.aad_id == aad_id))
    if existing is None:
        try:
            async with session.begin_nested():
                session.add(Editor(aad_id=aad_id, name=name, added_by=added_by, added_at=now))
            return True
        except IntegrityError:  # added by someone else at the same moment
            existing = await session.scalar(select(Editor).where(Editor.aad_id == aad_id))
            if existing is None:
                raise
    existing.name = name
    return False


async def remove_editor(session: AsyncSession, aad_id: str) -> bool:
    """True when they were an editor (configured editors stay: settings name them)."""
    removed = await session.scalar(
        delete(Editor).where(Editor.aad_id == aad_id).returning(Editor.id)
    )
    return removed is not None


async def list_editors(session: AsyncSession) -> tuple[EditorLine, ...]:
    rows = await session.scalars(select(Editor).order_by(Editor.name, Editor.aad_id))
    return tuple(EditorLine(e.aad_id, e.name, e.added_by, e.added_at) for e in rows)
