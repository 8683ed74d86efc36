"""The demo knowledge base (knowledge/demo/kb.json) as answer views, for rendering tests."""

from __future__ import annotations

import json
from datetime import date, time
from functools import cache
from typing import Any

from knowledge.answers.kinds import (
    AgendaView,
    BudgetView,
    ItemView,
    MeetingView,
    SourceRef,
    StatusView,
)
from knowledge.service import DEMO_FILE


@cache
def _export() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return data


def _source(row: dict[str, Any] | None) -> SourceRef | None:
    return SourceRef(row["file"], row["heading"]) if row else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _time(value: str | None) -> time | None:
    return time.fromisoformat(value) if value else None


def _status(row: dict[str, Any]) -> StatusView:
    return StatusView(
        category=row["category"],
        text=row["text"],
        valid_from=_day(row["valid_from"]),
        precision=row["valid_from_precision"],
        author=row["author"],
        source=_source(row["source"]),
    )


def _item(row: dict[str, Any], item_type: str) -> ItemView:
    history = [_status(entry) for entry in row["status_history"]]
    return ItemView(
        id=row["id"],
        type=item_type,
        kind=row["kind"],
        title=row["title"],
        region=row["region"],
        cluster=row["cluster"],
        area=row["area"],
        parties=tuple(row["parties"]),
        purpose=row["purpose"],
        citizen_impact=row["citizen_impact"],
        budget=tuple(BudgetView(**line) for line in row["budget"]),
        status=history[-1] if history else None,
        sources=tuple(SourceRef(**source) for source in row["sources"]),
    )


def _meeting(row: dict[str, Any]) -> MeetingView:
    return MeetingView(
        slug=row["id"],
        body=row["body"],
        region=row["region"],
        cluster=row["cluster"],
        date=date.fromisoformat(row["date"]),
        date_precision=row["date_precision"],
        start_time=_time(row["start_time"]),
        end_time=_time(row["end_time"]),
        place=row["place"],
        state=row["state"],
        agenda=tuple(AgendaView(**point) for point in row["agenda"]),
        note=row["note"],
        sources=tuple(SourceRef(**source) for source in row["sources"]),
    )


def items() -> list[ItemView]:
    """All 55 agreements and initiatives, newest status last in each history."""
    data = _export()
    agreements = [_item(row, "agreement") for row in data["agreements"]]
    return agreements + [_item(row, "initiative") for row in data["initiatives"]]


def item(item_id: str) -> ItemView:
    return next(view for view in items() if view.id == item_id)


def history(item_id: str) -> list[StatusView]:
    """Every status entry of one item, oldest first."""
    rows = [*_export()["agreements"], *_export()["initiatives"]]
    row = next(row for row in rows if row["id"] == item_id)
    return [_status(entry) for entry in row["status_history"]]


def meetings() -> list[MeetingView]:
    """All 34 meetings, as exported (by date)."""
    return [_meeting(row) for row in _export()["meetings"]]


def meeting(meeting_id: str) -> MeetingView:
    return next(view for view in meetings() if view.slug == meeting_id)
