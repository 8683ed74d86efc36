"""Calendar feeds: a personal, revocable link to a body's, cluster's or region's meetings
as iCalendar (RFC 5545), for Outlook and other calendars to subscribe to.

- The link is /calendar/{slug}/{token}.ics: the slug says what it shows ("midtklyngen"),
  the random token is the key. Asking again for the same target gives the same link
  until the person revokes it. The target is found the way subscriptions find theirs
  (`knowledge.notify.subscriptions.resolve_target`); an item has no meetings, so it is not one.
- The feed holds the target's meetings with a known day from `PAST` ago on. Each event's
  UID is the meeting's slug, which a move does not change: a moved meeting moves in the
  subscriber's calendar, and a cancelled one stays with STATUS:CANCELLED.
- Times are Europe/Copenhagen (with its VTIMEZONE); a meeting without a time is all day.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from icalendar import Calendar, Event, Timezone, vDuration
from sqlalchemy import CursorResult, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.answers.snapshot import Snapshot
from knowledge.core.chat import ChatScope
from knowledge.core.clock import COPENHAGEN
from knowledge.core.models import CalendarToken, Meeting
from knowledge.core.names import fold, slugify
from knowledge.notify.contract import (
    CalendarLink,
    Subscriber,
    Target,
    TargetAmbiguous,
    TargetNotFound,
)
from knowledge.notify.outbox import meeting_in_target, utc
from knowledge.notify.subscriptions import MEETING_KINDS, resolve_target

PAST = timedelta(days=92)  # about three months of past meetings stay in the feed
UID_DOMAIN = "klyngebot"
PRODID = "-//Klyngebot//Møder//DA"
TZID = "Europe/Copenhagen"
REFRESH = timedelta(hours=1)  # how often a subscribed calendar should fetch again
TOKEN_BYTES = 24  # 32 URL-safe characters


async def issue_link(
    session: AsyncSession,
    snapshot: Snapshot,
    subscriber: Subscriber,
    target: str,
    scope: ChatScope,
    now: datetime,
) -> CalendarLink | TargetAmbiguous | TargetNotFound:
    """The person's feed link for what `target` names; the same one when asked again."""
    found = resolve_target(snapshot, target, scope, MEETING_KINDS)
    if isinstance(found, TargetAmbiguous):
        return TargetAmbiguous(
            tuple(replace(c, question=f"kalender for {c.label}") for c in found.choices)
        )
    if isinstance(found, TargetNotFound):
        return found
    row = await _issued(session, subscriber, found) or _new_token(subscriber, found, now)
    session.add(row)
    return CalendarLink(row.slug, row.token, found)


async def revoke(
    session: AsyncSession, owner_id: str | None, slug: str | None, now: datetime
) -> int:
    """Revoke the owner's links: all, or those of one target (its slug or its name)."""
    if owner_id is None:  # links without an owner can only be given up with their chat
        return 0
    rows = await session.scalars(
        select(CalendarToken)
        .where(CalendarToken.owner_id == owner_id)
        .where(CalendarToken.revoked_at.is_(None))
    )
    chosen = [row.id for row in rows if slug is None or _named(row, slug)]
    if not chosen:
        return 0
    result = await session.execute(
        update(CalendarToken)
        .where(CalendarToken.id.in_(chosen))
        .values(revoked_at=utc(now))
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[Any], result).rowcount


async def feed(session: AsyncSession, slug: str, token: str, now: datetime) -> bytes | None:
    """The iCalendar feed, or None for an unknown or revoked token or another slug."""
    row = await session.scalar(select(CalendarToken).where(CalendarToken.token == token))
    if row is None or row.revoked_at is not None or not secrets.compare_digest(row.slug, slug):
        return None
    meetings = await _meetings(session, row, now.astimezone(COPENHAGEN).date() - PAST)
    return bytes(_calendar(row.target_label, meetings, now).to_ical())


async def _issued(
    session: AsyncSession, subscriber: Subscriber, target: Target
) -> CalendarToken | None:
    query = (
        select(CalendarToken)
        .where(CalendarToken.target_id == target.id)
        .where(CalendarToken.revoked_at.is_(None))
        .order_by(CalendarToken.id)
        .limit(1)
    )
    if subscriber.aad_id is not None:
        query = query.where(CalendarToken.owner_id == subscriber.aad_id)
    else:  # no person known (an emulator): the link belongs to the chat
        query = query.where(CalendarToken.owner_id.is_(None)).where(
            CalendarToken.conversation_id == subscriber.conversation_id
        )
    return await session.scalar(query)


def _new_token(subscriber: Subscriber, target: Target, now: datetime) -> CalendarToken:
    return CalendarToken(
        token=secrets.token_urlsafe(TOKEN_BYTES),
        slug=feed_slug(target.id),
        target_kind=target.kind,
        target_id=target.id,
        target_label=target.label,
        target_region=target.region,
        owner_id=subscriber.aad_id,
        conversation_id=subscriber.conversation_id,
        created_at=utc(now),
    )


def feed_slug(target_id: str) -> str:
    """ "cluster:midtklyngen" -> "midtklyngen"; a body keeps its region."""
    return target_id.split(":", 1)[-1].replace(":", "-")


def _named(row: CalendarToken, slug: str) -> bool:
    return row.slug == slugify(slug) or fold(row.target_label) == fold(slug)


async def _meetings(session: AsyncSession, row: CalendarToken, since: date) -> list[Meeting]:
    column = {"body": Meeting.body, "cluster": Meeting.cluster, "region": Meeting.region}
    if row.target_kind not in column:
        return []
    found = await session.scalars(
        select(Meeting)
        .where(column[row.target_kind] == row.target_label)
        .where(Meeting.date_precision == "day")
        .where(Meeting.date >= since)
        .order_by(Meeting.date, Meeting.start_time, Meeting.id)
    )
    return [m for m in found if meeting_in_target(row.target_kind, row.target_id, m)]


def _calendar(label: str, meetings: Sequence[Meeting], now: datetime) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Møder: {label}")
    calendar.add("x-wr-timezone", TZID)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))  # Outlook's name for it
    first = min((m.date for m in meetings), default=now.date())
    last = max((m.date for m in meetings), default=now.date())
    # Always there, so the calendar has a component even before it has meetings.
    zone = Timezone.from_tzid(
        TZID, first_date=date(first.year, 1, 1), last_date=date(last.year + 1, 1, 1)
    )
    calendar.add_component(zone)
    stamp = utc(now)
    for meeting in meetings:
        calendar.add_component(_event(meeting, stamp))
    return calendar


def _event(meeting: Meeting, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{meeting.slug}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    start, end = _span(meeting)
    event.add("dtstart", start)
    if end is not None:
        event.add("dtend", end)
    cancelled = meeting.state == "cancelled"
    event.add("summary", f"AFLYST: {meeting.body}" if cancelled else meeting.body)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if meeting.place:
        event.add("location", meeting.place)
    description = _description(meeting)
    if description:
        event.add("description", description)
    return event


def _span(meeting: Meeting) -> tuple[date | datetime, date | datetime | None]:
    """Start and end in Copenhagen time; a whole day when no time is known."""
    if meeting.start_time is None:
        return meeting.date, meeting.date + timedelta(days=1)
    start = _at(meeting.date, meeting.start_time)
    end = meeting.end_time
    return start, _at(meeting.date, end) if end is not None and end > meeting.start_time else None


def _at(day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=COPENHAGEN)


def _description(meeting: Meeting) -> str:
    """The agenda's titles, one a line; else what the mention said."""
    titles = [
        f"{row.get('number')}. {row['title']}" if row.get("number") else str(row["title"])
        for row in meeting.agenda
        if row.get("title")
    ]
    return "\n".join(titles) if titles else (meeting.note or "")
