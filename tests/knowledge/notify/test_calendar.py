"""Calendar feeds: one revocable link per person and target, valid iCalendar with stable
UIDs, moved meetings moved and cancelled ones cancelled; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time
from typing import Any

import pytest
from icalendar import Calendar

from knowledge.core.clock import COPENHAGEN, Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.documents.records import MeetingRecord
from knowledge.notify.contract import CalendarLink, Subscriber, TargetNotFound
from knowledge.service import KnowledgeService
from tests.factories import agenda, document, item, meeting

REGION = "Region Midtjylland"
CLUSTER = "Testklyngen"
STEERING = "Klyngestyregruppen Testklyngen"
POLITICAL = "Politisk klynge Testklyngen"
NOW = datetime(2024, 3, 1, 10, 0, tzinfo=COPENHAGEN)
ANNA = Subscriber("a:personal-anna", "msteams", "tenant-1", True, "aad-anna", "Anna Jensen")
BO = Subscriber("a:personal-bo", "msteams", "tenant-1", True, "aad-bo", "Bo Hansen")
UID = "klyngestyregruppen-testklyngen-2024-03-12@klyngebot"


def ours(body: str, day: date, **fields: object) -> MeetingRecord:
    return meeting(body, day, region=REGION, cluster=CLUSTER, **fields)


def plan() -> Any:
    return document(
        item("Samarbejdsaftale om testforløb", region=REGION, cluster=CLUSTER),
        meetings=(
            ours(
                STEERING,
                date(2024, 3, 12),
                start_time=time(13),
                end_time=time(15, 30),
                place="Regionshuset Viborg",
                agenda=agenda("Velkomst", "Budget 2025"),
            ),
            ours(POLITICAL, date(2024, 4, 9)),
            ours(STEERING, date(2024, 1, 19), state="held"),
            ours(STEERING, date(2023, 10, 6), state="held"),  # more than three months ago
            ours(STEERING, date(2024, 6, 1), precision="month"),  # no day: not in a calendar
            meeting("Klyngestyregruppen Andenklyngen", date(2024, 3, 14), cluster="Andenklyngen"),
        ),
        file="plan.txt",
    )


@pytest.fixture
async def service(database_url: str) -> AsyncIterator[KnowledgeService]:
    engine = create_engine(database_url)
    await migrate(engine)
    kb = KnowledgeService(session_factory(engine), Clock(utc_now=lambda: NOW.astimezone(UTC)))
    await kb.apply_parsed([(plan(), "sha-plan")])
    yield kb
    await engine.dispose()


async def link(service: KnowledgeService, target: str = CLUSTER, who: Subscriber = ANNA) -> Any:
    issued = await service.calendar_link(who, target)
    assert isinstance(issued, CalendarLink), issued
    return issued


async def events(service: KnowledgeService, issued: CalendarLink) -> dict[str, Any]:
    body = await service.calendar_feed(issued.slug, issued.token)
    assert body is not None
    return {str(e["uid"]): e for e in Calendar.from_ical(body).walk("VEVENT")}


async def test_the_link_names_the_target_and_is_the_same_when_asked_again(
    service: KnowledgeService,
) -> None:
    first = await link(service)
    again = await link(service, "testklyngen")
    someone_else = await link(service, who=BO)

    assert ("testklyngen", "cluster", CLUSTER) == (
        first.slug,
        first.target.kind,
        first.target.label,
    )
    assert f"/calendar/testklyngen/{first.token}.ics" == first.path
    assert first.token == again.token
    assert first.token != someone_else.token
    assert len(first.token) >= 32


async def test_the_feed_is_icalendar_with_the_targets_meetings(service: KnowledgeService) -> None:
    issued = await link(service)

    body = await service.calendar_feed(issued.slug, issued.token)

    assert body is not None
    calendar = Calendar.from_ical(body)
    assert ("2.0", f"Møder: {CLUSTER}") == (calendar["version"], calendar["x-wr-calname"])
    assert ["Europe/Copenhagen"] == [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")]
    found = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert [
        "klyngestyregruppen-testklyngen-2024-01-19@klyngebot",
        UID,
        "politisk-klynge-testklyngen-2024-04-09@klyngebot",
    ] == sorted(found)
    timed = found[UID]
    assert datetime(2024, 3, 12, 13, tzinfo=COPENHAGEN) == timed.decoded("dtstart")
    assert datetime(2024, 3, 12, 15, 30, tzinfo=COPENHAGEN) == timed.decoded("dtend")
    assert "Europe/Copenhagen" == timed["dtstart"].params["TZID"]
    assert (STEERING, "Regionshuset Viborg", "CONFIRMED") == (
        str(timed["summary"]),
        str(timed["location"]),
        str(timed["status"]),
    )
    assert "1. Velkomst\n2. Budget 2025" == str(timed["description"])
    all_day = found["politisk-klynge-testklyngen-2024-04-09@klyngebot"]
    assert (date(2024, 4, 9), date(2024, 4, 10)) == (
        all_day.decoded("dtstart"),
        all_day.decoded("dtend"),
    )


async def test_a_body_feed_shows_only_that_body(service: KnowledgeService) -> None:
    issued = await link(service, POLITICAL)

    assert "politisk-klynge-testklyngen-midtjylland" == issued.slug
    assert ["politisk-klynge-testklyngen-2024-04-09@klyngebot"] == list(
        await events(service, issued)
    )


async def test_a_moved_meeting_keeps_its_uid_and_shows_the_new_day(
    service: KnowledgeService,
) -> None:
    issued = await link(service)
    move = ours(STEERING, date(2024, 3, 19), moved_from=date(2024, 3, 12), file="flyt.txt")

    await service.apply_parsed([(document(meetings=(move,), file="flyt.txt"), "sha-flyt")])

    moved = (await events(service, issued))[UID]
    assert datetime(2024, 3, 19, 13, tzinfo=COPENHAGEN) == moved.decoded("dtstart")
    assert "CONFIRMED" == str(moved["status"])


async def test_a_cancelled_meeting_stays_with_status_cancelled(service: KnowledgeService) -> None:
    issued = await link(service)
    off = ours(STEERING, date(2024, 3, 12), state="cancelled", file="aflys.txt")

    await service.apply_parsed([(document(meetings=(off,), file="aflys.txt"), "sha-aflys")])

    cancelled = (await events(service, issued))[UID]
    assert ("CANCELLED", f"AFLYST: {STEERING}") == (
        str(cancelled["status"]),
        str(cancelled["summary"]),
    )


async def test_a_revoked_link_gives_nothing_and_a_new_one_works(
    service: KnowledgeService,
) -> None:
    issued = await link(service)
    kept = await link(service, POLITICAL)

    revoked = await service.revoke_calendar("aad-anna", "Testklyngen")

    assert 1 == revoked
    assert await service.calendar_feed(issued.slug, issued.token) is None
    assert await service.calendar_feed(kept.slug, kept.token) is not None
    fresh = await link(service)
    assert fresh.token != issued.token
    assert await service.calendar_feed(fresh.slug, fresh.token) is not None


async def test_revoking_all_of_a_persons_links_leaves_others_alone(
    service: KnowledgeService,
) -> None:
    annas = [await link(service), await link(service, POLITICAL)]
    bos = await link(service, who=BO)

    assert 2 == await service.revoke_calendar("aad-anna")
    assert 0 == await service.revoke_calendar("aad-anna")
    assert [None, None] == [await service.calendar_feed(x.slug, x.token) for x in annas]
    assert await service.calendar_feed(bos.slug, bos.token) is not None


async def test_unknown_tokens_and_other_slugs_give_nothing(service: KnowledgeService) -> None:
    issued = await link(service)

    assert await service.calendar_feed("andenklyngen", issued.token) is None
    assert await service.calendar_feed(issued.slug, issued.token + "x") is None


async def test_an_item_is_not_a_calendar(service: KnowledgeService) -> None:
    outcome = await service.calendar_link(ANNA, "Samarbejdsaftale om testforløb")

    assert isinstance(outcome, TargetNotFound)
    assert "Samarbejdsaftale om testforløb" not in outcome.suggestions
