"""The demo knowledge base: its meetings placed around today, and loaded only where no import
was ever tried."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from knowledge.answers.kinds import MeetingsAnswer
from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.documents.demo import DEMO_DATE, placed, weeks_moved
from knowledge.service import DEMO_FILE, KnowledgeService

DAYS = [
    date(2024, 3, 1),
    date(2024, 3, 7),
    date(2024, 3, 8),
    date(2024, 7, 15),
    date(2025, 2, 28),
    date(2026, 12, 8),
    date(2031, 1, 1),
    date(2023, 6, 1),
]


def demo_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return data


def pairs(today: date) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Each demo meeting as shipped, beside itself as placed for `today`."""
    data = demo_data()
    return list(zip(data["meetings"], placed(data, today)["meetings"], strict=True))


def day(meeting: dict[str, Any]) -> date:
    return date.fromisoformat(meeting["date"])


def test_on_the_demo_date_and_in_its_week_nothing_moves() -> None:
    data = demo_data()

    assert [data, data] == [placed(data, DEMO_DATE), placed(data, DEMO_DATE + timedelta(6))]


@pytest.mark.parametrize("today", DAYS)
def test_meetings_move_by_whole_weeks_and_keep_their_weekday(today: date) -> None:
    moved = [(before, after) for before, after in pairs(today) if before["date_precision"] == "day"]

    expected = {timedelta(weeks=weeks_moved(today))}
    assert expected == {day(after) - day(before) for before, after in moved}
    assert [day(b).weekday() for b, _ in moved] == [day(a).weekday() for _, a in moved]


@pytest.mark.parametrize("today", DAYS)
def test_past_meetings_stay_past_and_planned_ones_stay_ahead(today: date) -> None:
    for before, after in pairs(today):
        if day(before) < DEMO_DATE:
            assert day(after) < today, after["id"]
        if before["state"] == "planned" and day(before) > DEMO_DATE:
            assert day(after) > today, after["id"]


def test_every_planned_meeting_after_the_demo_date_is_at_least_a_week_after_it() -> None:
    """What keeps planned meetings ahead of today when the weeks are rounded down."""
    ahead = [m for m in demo_data()["meetings"] if day(m) > DEMO_DATE and m["state"] == "planned"]

    assert ahead
    assert [] == [m["id"] for m in ahead if day(m) - DEMO_DATE < timedelta(weeks=1)]


def test_a_meeting_known_by_its_month_moves_by_months() -> None:
    # 2026-12-08 is 144 weeks after 2024-03-01, that is 2026-12-04: 33 months on.
    months = [(b, a) for b, a in pairs(date(2026, 12, 8)) if b["date_precision"] == "month"]

    assert months
    for before, after in months:
        start = day(before)
        index = start.year * 12 + start.month - 1 + 33
        assert date(index // 12, index % 12 + 1, 1) == day(after)


@pytest.mark.parametrize("today", DAYS)
def test_a_meeting_id_ends_with_its_new_date_as_it_ended_with_the_old(today: date) -> None:
    for before, after in pairs(today):
        length = 10 if before["id"].endswith(before["date"]) else 7  # the day, or the month
        assert before["id"].endswith(before["date"][:length])
        assert before["id"][:-length] + after["date"][:length] == after["id"]


def test_statuses_and_texts_keep_their_dates() -> None:
    data = demo_data()
    moved = placed(data, date(2026, 12, 8))

    assert data["agreements"] == moved["agreements"]
    assert data["initiatives"] == moved["initiatives"]
    for before, after in zip(data["meetings"], moved["meetings"], strict=True):
        assert (before["agenda"], before["note"]) == (after["agenda"], after["note"])


@asynccontextmanager
async def service_on(url: str, today: date) -> AsyncIterator[KnowledgeService]:
    engine = create_engine(url)
    await migrate(engine)
    try:
        yield KnowledgeService(session_factory(engine), Clock(today))
    finally:
        await engine.dispose()


async def test_the_next_meeting_in_the_demo_is_ahead_of_any_today(database_url: str) -> None:
    today = date(2026, 12, 8)
    async with service_on(database_url, today) as service:
        assert "loaded" == await service.load_demo()
        answer = await service.ask("næste møde i Midtklyngen")

    assert isinstance(answer, MeetingsAnswer)
    assert answer.meetings
    assert all(meeting.date >= today for meeting in answer.meetings)


def unknown_file(folder: Path) -> Path:
    """A file every reader refuses (any text with content is accepted: this has none)."""
    path = folder / "notat.txt"
    path.write_text("\n   \n", encoding="utf-8")
    return path


async def test_the_demo_never_loads_after_an_import_was_tried(
    service: KnowledgeService, tmp_path: Path
) -> None:
    [report] = await service.import_documents([unknown_file(tmp_path)])

    assert report.refused is not None
    assert "import tried" == await service.load_demo()
    assert await service.is_empty()


async def test_a_dry_run_is_no_import(service: KnowledgeService, tmp_path: Path) -> None:
    [report] = await service.import_documents([unknown_file(tmp_path)], dry_run=True)

    assert report.refused is not None
    assert "loaded" == await service.load_demo()


async def test_a_filled_knowledge_base_gets_no_demo(service: KnowledgeService) -> None:
    await service.restore(DEMO_FILE)

    assert "not empty" == await service.load_demo()
