"""Meetings an import moves or cancels: in place, reported, and only once."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from knowledge.documents.changes import Change
from knowledge.service import KnowledgeService
from tests.factories import document, meeting

BODY = "Klyngestyregruppen Testklyngen"
SLUG = "klyngestyregruppen-testklyngen-2024-03-12"


async def _apply(service: KnowledgeService, *records: Any, file: str) -> tuple[Change, ...]:
    doc = document(meetings=records, file=file)
    [report] = await service.apply_parsed([(doc, f"sha-{file}")])
    return report.changes


async def _rows(service: KnowledgeService) -> list[tuple[str, str, str, Any, Any]]:
    meetings = (await service.export())["meetings"]
    return [(m["id"], m["date"], m["state"], m["start_time"], m["place"]) for m in meetings]


async def _planned(service: KnowledgeService) -> None:
    planned = meeting(BODY, date(2024, 3, 12), start_time=time(13), end_time=time(15))
    await _apply(service, planned, file="plan.txt")


async def test_a_cancelled_record_cancels_the_planned_meeting(service: KnowledgeService) -> None:
    await _planned(service)
    cancelled = meeting(BODY, date(2024, 3, 12), state="cancelled", file="aflysning.txt")

    changes = await _apply(service, cancelled, file="aflysning.txt")

    assert (Change("cancel meeting", SLUG, f"{BODY} 2024-03-12"),) == changes
    assert [(SLUG, "2024-03-12", "cancelled", "13:00", None)] == await _rows(service)
    assert () == await _apply(service, cancelled, file="aflysning.txt")


async def test_minutes_are_not_undone_by_a_cancellation(service: KnowledgeService) -> None:
    await _apply(service, meeting(BODY, date(2024, 3, 12), state="held"), file="referat.txt")

    changes = await _apply(
        service, meeting(BODY, date(2024, 3, 12), state="cancelled"), file="plan.txt"
    )

    assert () == changes
    assert "held" == (await _rows(service))[0][2]


async def test_a_moved_meeting_keeps_its_row_and_slug(service: KnowledgeService) -> None:
    await _planned(service)
    move = meeting(
        BODY, date(2024, 3, 19), moved_from=date(2024, 3, 12), place="Sygehuset", file="ny.txt"
    )

    changes = await _apply(service, move, file="ny.txt")

    assert (Change("move meeting", SLUG, "2024-03-12 -> 2024-03-19"),) == changes
    assert [(SLUG, "2024-03-19", "planned", "13:00", "Sygehuset")] == await _rows(service)
    assert () == await _apply(service, move, file="ny.txt")


async def test_a_move_with_a_new_time_takes_it(service: KnowledgeService) -> None:
    await _planned(service)
    move = meeting(BODY, date(2024, 3, 19), moved_from=date(2024, 3, 12), start_time=time(9))

    await _apply(service, move, file="ny.txt")

    assert [(SLUG, "2024-03-19", "planned", "09:00", None)] == await _rows(service)


async def test_a_move_onto_a_known_meeting_cancels_the_old_day(service: KnowledgeService) -> None:
    await _planned(service)
    await _apply(service, meeting(BODY, date(2024, 3, 19)), file="andet.txt")
    move = meeting(BODY, date(2024, 3, 19), moved_from=date(2024, 3, 12), place="Rådhuset")

    changes = await _apply(service, move, file="ny.txt")

    new_slug = "klyngestyregruppen-testklyngen-2024-03-19"
    assert (
        Change("cancel meeting", SLUG, f"{BODY} 2024-03-12: moved to 2024-03-19"),
        Change("update meeting", new_slug, "place"),
    ) == changes
    assert [
        (SLUG, "2024-03-12", "cancelled", "13:00", None),
        (new_slug, "2024-03-19", "planned", None, "Rådhuset"),
    ] == await _rows(service)


async def test_a_move_from_an_unknown_day_adds_the_new_meeting(service: KnowledgeService) -> None:
    move = meeting(BODY, date(2024, 3, 19), moved_from=date(2024, 3, 12))

    changes = await _apply(service, move, file="ny.txt")

    new_slug = "klyngestyregruppen-testklyngen-2024-03-19"
    assert (Change("add meeting", new_slug, f"{BODY} 2024-03-19"),) == changes


async def test_another_bodys_meeting_on_the_old_day_is_not_moved(
    service: KnowledgeService,
) -> None:
    await _planned(service)
    other = meeting("Politisk klynge Testklyngen", date(2024, 3, 19), moved_from=date(2024, 3, 12))

    changes = await _apply(service, other, file="ny.txt")

    assert ["add meeting"] == [change.action for change in changes]
    assert (SLUG, "2024-03-12") == (await _rows(service))[0][:2]
