"""The demo knowledge base: a choice, never a fallback.

The demo (knowledge/demo/kb.json, built from the five seed documents) loads only when it
is asked for (`serve --demo`, `DEMO=true`; scripts/run.sh asks) and only into an empty
database where no import was ever tried: a database someone imported into, or tried to,
holds their documents or is meant to, and must not answer with facts from documents
nobody gave it. `note_import` marks that (one `revisions` row, written once);
`import_tried` reads it.

`placed(data, today)` puts the demo's meetings where they belong relative to today, so
"næste møde" has an answer on any date. The demo's knowledge was current on `DEMO_DATE`
(the acceptance tests' `BOT_TODAY`); on that day nothing moves. Otherwise every meeting
moves by the same whole number of weeks (so weekdays stay), rounded down: a meeting's
distance from today shrinks by at most six days, so held meetings stay in the past, and a
planned meeting at least a week after `DEMO_DATE` (all of the demo's;
tests/knowledge/documents/test_demo.py keeps it so) stays in the future. A meeting known
only by its month moves by the months the weeks amount to. A meeting's id ends with its
date (or month) and moves with it. Status histories are history and keep their dates, as do the
dates written inside texts (decisions, notes).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.models import Revision

DEMO_DATE = date(2024, 3, 1)  # a Friday; the demo's meetings are placed around it
IMPORT_TRIED = "import tried"  # the reason of the revision that marks it


def weeks_moved(today: date) -> int:
    """How many whole weeks the demo's meetings move for `today` (0 on DEMO_DATE's week)."""
    return (today - DEMO_DATE).days // 7


def placed(data: dict[str, Any], today: date) -> dict[str, Any]:
    """The demo export `data` with its meetings moved for `today`; `data` is not changed."""
    weeks = weeks_moved(today)
    if weeks == 0:
        return data
    moved_ref = DEMO_DATE + timedelta(weeks=weeks)
    months = (moved_ref.year - DEMO_DATE.year) * 12 + moved_ref.month - DEMO_DATE.month
    meetings = [_moved(meeting, weeks, months) for meeting in data["meetings"]]
    return {**data, "meetings": meetings}


def _moved(meeting: dict[str, Any], weeks: int, months: int) -> dict[str, Any]:
    old = date.fromisoformat(meeting["date"])
    if meeting["date_precision"] == "month":
        new = _months_later(old, months)
    else:
        new = old + timedelta(weeks=weeks)
    slug = str(meeting["id"])
    for form in ("%Y-%m-%d", "%Y-%m"):  # a meeting first known by its month keeps that id
        if slug.endswith(old.strftime(form)):
            slug = slug.removesuffix(old.strftime(form)) + new.strftime(form)
            break
    return {**meeting, "date": new.isoformat(), "id": slug}


def _months_later(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


async def note_import(session: AsyncSession, now: datetime) -> None:
    """Remember that an import was tried here (once), whether or not it succeeds."""
    if not await import_tried(session):
        session.add(Revision(reason=IMPORT_TRIED, made_at=now))


async def import_tried(session: AsyncSession) -> bool:
    found = await session.scalar(
        select(Revision.id).where(Revision.reason == IMPORT_TRIED).limit(1)
    )
    return found is not None
