"""A meeting as plain JSON: the one shape the export writes (its "meetings" rows,
schema_version 2), a restore reads back (version 1 rows lack the last four keys), and a
notification carries to its card.

The keys are the export format's, so two of them differ from the names in Python: "id"
is the meeting's slug (`Meeting.slug`, `MeetingView.slug`; a row's `id` is its integer
key) and "date_precision" says whether `date` is a day or only its month. Days are ISO
dates, times "HH:MM", the agenda and the sources their stored rows (agenda points as
{"number", "title", "decision"}).

Outbox rows written before notifications carried this shape hold a meeting with "slug",
"precision" and the agenda as a list of titles; `dialogs.notification_cards` reads both.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from knowledge.core.models import Meeting


def meeting_json(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.slug,
        "body": meeting.body,
        "region": meeting.region,
        "cluster": meeting.cluster,
        "date": meeting.date.isoformat(),
        "date_precision": meeting.date_precision,
        "start_time": _clock(meeting.start_time),
        "end_time": _clock(meeting.end_time),
        "place": meeting.place,
        "state": meeting.state,
        "note": meeting.note,
        "agenda": meeting.agenda,
        "sources": meeting.sources,
        "kind": meeting.kind,
        "year_inferred": meeting.year_inferred,
        "participants": meeting.participants,
        "absent": meeting.absent,
    }


def meeting_from_json(row: dict[str, Any]) -> Meeting:
    """The meeting a (validated) `meeting_json` row describes, as a new row."""
    return Meeting(
        slug=row["id"],
        **{key: row.get(key) for key in ("body", "region", "cluster", "place", "state", "note")},
        date=date.fromisoformat(row["date"]),
        date_precision=row["date_precision"],
        start_time=_parse_clock(row.get("start_time")),
        end_time=_parse_clock(row.get("end_time")),
        agenda=list(row.get("agenda") or []),
        sources=list(row.get("sources") or []),
        participants=list(row.get("participants") or []),
        absent=list(row.get("absent") or []),
        kind=row.get("kind") or "møde",
        year_inferred=bool(row.get("year_inferred")),
    )


def _clock(value: time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _parse_clock(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None
