"""Which meetings a question means: the next ones, the last one, those in a period.

A meeting known only by its month ("møde i oktober") counts as upcoming until that month
is over, and lies in every period that overlaps its month. Cancelled meetings are never
anybody's next meeting.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from knowledge.answers.kinds import MeetingView
from knowledge.core.periods import Period, restore
from knowledge.understanding.entities import Entity

Filter = Callable[[MeetingView], bool]


def last_day(meeting: MeetingView) -> date:
    if meeting.date_precision == "day":
        return meeting.date
    return restore(meeting.date, "month").end


def belongs(target: Entity | None) -> Filter:
    """Meetings of a body, of the bodies of a cluster or region, or (None) all meetings."""
    if target is None:
        return lambda meeting: True
    if target.kind == "body":
        return lambda m: m.body == target.label and m.region == target.region
    if target.kind == "cluster":
        return lambda m: m.cluster == target.label
    return lambda m: m.region == target.label


def upcoming(meetings: Sequence[MeetingView], wanted: Filter, today: date) -> list[MeetingView]:
    return [m for m in meetings if wanted(m) and m.state != "cancelled" and last_day(m) >= today]


def past(meetings: Sequence[MeetingView], wanted: Filter, today: date) -> list[MeetingView]:
    return [m for m in meetings if wanted(m) and m.state != "cancelled" and m.date < today]


def within(meetings: Sequence[MeetingView], wanted: Filter, period: Period) -> list[MeetingView]:
    return [
        m for m in meetings if wanted(m) and m.date <= period.end and last_day(m) >= period.start
    ]


def first_per_body(meetings: Sequence[MeetingView]) -> list[MeetingView]:
    """The first meeting of each body (meetings sorted by date), in date order."""
    seen: set[tuple[str, str | None]] = set()
    firsts: list[MeetingView] = []
    for meeting in meetings:
        if (meeting.body, meeting.region) not in seen:
            seen.add((meeting.body, meeting.region))
            firsts.append(meeting)
    return firsts
