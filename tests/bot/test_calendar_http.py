"""GET /calendar/{slug}/{token}.ics over real HTTP: the feed for a valid link, 404 for
anything else, and caching that keeps a personal feed out of shared caches."""

from __future__ import annotations

from typing import Any

from aiohttp.test_utils import TestClient
from icalendar import Calendar

from app import SERVICE
from knowledge.notify.contract import CalendarLink, Subscriber

ANNA = Subscriber("a:personal-anna", "msteams", "tenant-1", True, "aad-anna", "Anna Jensen")


async def _link(bot: TestClient[Any, Any]) -> CalendarLink:
    issued = await bot.app[SERVICE].calendar_link(ANNA, "Midtklyngen")  # type: ignore[index]
    assert isinstance(issued, CalendarLink), issued
    return issued


async def test_a_link_serves_the_feed_as_icalendar(bot: TestClient[Any, Any]) -> None:
    issued = await _link(bot)

    response = await bot.get(issued.path)

    assert 200 == response.status
    assert "text/calendar; charset=utf-8" == response.headers["Content-Type"]
    assert "private, max-age=900" == response.headers["Cache-Control"]
    calendar = Calendar.from_ical(await response.read())
    uids = {str(event["uid"]) for event in calendar.walk("VEVENT")}
    assert "klyngestyregruppen-midtklyngen-2024-05-03@klyngebot" in uids
    assert "Møder: Midtklyngen" == str(calendar["x-wr-calname"])


async def test_a_revoked_link_and_a_wrong_slug_are_not_found(bot: TestClient[Any, Any]) -> None:
    issued = await _link(bot)

    other_slug = await bot.get(f"/calendar/randersklyngen/{issued.token}.ics")
    unknown = await bot.get(f"/calendar/{issued.slug}/{'A' * 32}.ics")
    await bot.app[SERVICE].revoke_calendar("aad-anna")  # type: ignore[index]
    revoked = await bot.get(issued.path)

    assert [404, 404, 404] == [other_slug.status, unknown.status, revoked.status]
