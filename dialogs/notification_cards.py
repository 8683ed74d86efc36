"""The messages the notifier sends: short cards in the subscriber's language.

`notification_message(due)` renders a claimed notification (`knowledge.notify.contract.Due`) as
a `Message`; `bot/proactive.py` sends it (`bot/outgoing.py` makes it an Activity). Three kinds,
each with an unsubscribe button carrying the payload's "subscription_ids":

- reminder: which body meets, when (weekday, time, "om 7 dage"), where, agenda items;
- status: an item followed has a new status, by whom, from when;
- digest: one card listing every change one import made to what a chat follows.

The payload is plain JSON and read loosely: a field missing is left out, never guessed.
Meetings are as `knowledge.core.meeting_json` shapes them; outbox rows written before
hold the older form ("slug", "precision", the agenda as titles in order), read as well.
Digest changes read {"change": "meeting added" | "meeting cancelled", "meeting":
{...}}, {"change": "meeting moved", "meeting": {...}, "moved_from": "2024-03-12"} and
{"change": "status", ...status fields...}.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

from dialogs import formats
from dialogs.elements import (
    Content,
    Element,
    badge,
    card,
    facts,
    heading,
    plain_text,
    section,
    small,
    strong,
    subtle,
    text,
)
from dialogs.item_cards import status_badge
from dialogs.meeting_cards import when
from dialogs.message import Message
from dialogs.paging import AGENDA_SHOWN, page
from dialogs.subscription_cards import and_join, unsubscribe_button
from dialogs.turn import language_of
from dialogs.wording import count, say
from knowledge.answers.kinds import AgendaView, MeetingView, StatusView
from knowledge.core.chat import Lang
from knowledge.core.clock import COPENHAGEN
from knowledge.core.status import shorten
from knowledge.notify.contract import Due

STATUS_TEXT_MAX = 400
DIGEST_SHOWN = 12


def notification_message(due: Due, *, cards: bool = True) -> Message:
    """`due` as a card and plain text, in the subscriber's language (Danish by default)."""
    lang = language_of(due.locale)
    payload = due.payload if isinstance(due.payload, dict) else {}
    content = _CONTENT.get(due.kind, _digest)(payload, lang, due.due_at)
    ids = _ids(payload)
    if ids:
        content.actions.append(unsubscribe_button(ids, lang, "notification"))
    plain = plain_text(content)
    if not cards:
        hint = _unsubscribe_hint(payload, lang)
        return Message(f"{plain}\n{hint}" if hint else plain, None)
    return Message(plain, card(content, lang, plain))


# -- reminder ------------------------------------------------------------------------------


def _reminder(payload: dict[str, Any], lang: Lang, due_at: datetime) -> Content:
    meeting = meeting_view(payload.get("meeting"))
    if meeting is None:
        return Content([heading(say("note_reminder", lang, body="?"))])
    body = [heading(say("note_reminder", lang, body=meeting.body))]
    # The outbox counts the days when it hands the reminder out: one caught up after
    # downtime says how far off the meeting really is, not what its lead time was.
    counted = payload.get("days_until")
    relative = (
        days_away(counted, lang)
        if isinstance(counted, int)
        else relative_day(meeting.date, due_at, lang)
    )
    if relative is not None:
        body.append(text(say("note_is", lang, relative=relative), weight="Bolder"))
    where = [(say("note_when", lang), when(meeting, lang))]
    if meeting.place:
        where.append((say("note_where", lang), meeting.place))
    body.append(facts(where))
    body += _agenda(meeting, lang)
    body += _following(payload, lang)
    return Content(body)


def relative_day(day: date, due_at: datetime, lang: Lang) -> str | None:
    """ "i dag", "i morgen", "om 7 dage", counted from the day the message is due."""
    return days_away((day - _local(due_at).date()).days, lang)


def days_away(days: int, lang: Lang) -> str | None:
    if days < 0:
        return None
    if days <= 1:
        return say("note_tomorrow" if days else "note_today", lang)
    return say("note_in_days", lang, count=days)


def _local(moment: datetime) -> datetime:
    # A zone-less time from the database is UTC.
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(COPENHAGEN)


def _agenda(meeting: MeetingView, lang: Lang) -> list[Element]:
    shown, hidden = page(meeting.agenda, AGENDA_SHOWN)
    if not shown:
        return []
    listed = [strong(say("note_agenda", lang))]
    listed.append(facts([(f"{point.number}.", point.title) for point in shown]))
    return listed + ([subtle(count("agenda_more", lang, hidden))] if hidden else [])


# -- status --------------------------------------------------------------------------------


def _status(payload: dict[str, Any], lang: Lang, due_at: datetime) -> Content:
    item = _dict(payload.get("item"))
    title = _str(item.get("title")) or _str(item.get("slug")) or "?"
    body = [heading(say("note_status", lang, title=title)), *_status_lines(payload, lang)]
    body += _following(payload, lang)
    return Content(body)


def _status_lines(change: dict[str, Any], lang: Lang) -> list[Element]:
    status = status_view(change)
    valid = status.valid_from
    beside = say("as_of", lang, when=formats.period(valid, "day", lang)) if valid else None
    lines = [status_badge(status, lang, beside)]
    if status.text:
        lines.append(text(shorten(status.text, STATUS_TEXT_MAX), spacing="None"))
    if status.author:
        lines.append(small(say("note_by", lang, author=status.author)))
    return lines


def status_view(change: dict[str, Any]) -> StatusView:
    category = _str(change.get("category")) or "unknown"
    return StatusView(
        category=category,
        text=_str(change.get("text")) or "",
        valid_from=_date(change.get("valid_from")),
        precision="day",
        author=_str(change.get("author")) or "",
        source=None,
    )


# -- digest --------------------------------------------------------------------------------


def _digest(payload: dict[str, Any], lang: Lang, due_at: datetime) -> Content:
    raw = payload.get("changes")
    changes = (
        [change for change in raw if isinstance(change, dict)] if isinstance(raw, list) else []
    )
    body = [heading(count("note_digest", lang, len(changes)))]
    shown, hidden = page(changes, DIGEST_SHOWN)
    body += [section(_change(change, lang)) for change in shown]
    if hidden:
        body.append(subtle(say("shown_of", lang, shown=len(shown), total=len(changes))))
    body += _following(payload, lang)
    return Content(body)


def _change(change: dict[str, Any], lang: Lang) -> list[Element]:
    kind = _str(change.get("change")) or ""
    if kind == "status":
        item = _dict(change.get("item"))
        title = _str(item.get("title")) or _str(item.get("slug")) or "?"
        return [strong(say("note_status", lang, title=title)), *_status_lines(change, lang)]
    meeting = meeting_view(change.get("meeting"))
    if meeting is None:
        return [text(kind)]
    return _meeting_change(kind, meeting, _moved_from(change, lang), lang)


def _moved_from(change: dict[str, Any], lang: Lang) -> str | None:
    """When a moved meeting was: "moved_from" ("2024-03-12") or a "previous" meeting."""
    previous = meeting_view(change.get("previous"))
    if previous is not None:
        return when(previous, lang)
    raw = _str(change.get("moved_from"))
    day = _date(raw)
    return formats.weekday_date(day, lang) if day is not None else raw


def _meeting_change(
    kind: str, meeting: MeetingView, previous: str | None, lang: Lang
) -> list[Element]:
    key = {"meeting moved": "note_moved", "meeting cancelled": "note_cancelled"}.get(
        kind, "note_added"
    )
    lines = [strong(say(key, lang, body=meeting.body)), text(when(meeting, lang), spacing="None")]
    if kind == "meeting cancelled":
        lines.append(badge(say("cancelled", lang), "Attention", "attention", meeting.place))
    elif meeting.place:
        lines.append(subtle(meeting.place))
    if kind == "meeting moved" and previous is not None:
        lines.append(small(say("note_was", lang, when=previous)))
    return lines


# -- payload reading -----------------------------------------------------------------------


def _following(payload: dict[str, Any], lang: Lang) -> list[Element]:
    labels = _labels(payload)
    return [small(say("note_following", lang, labels=and_join(labels, lang)))] if labels else []


def _labels(payload: dict[str, Any]) -> list[str]:
    targets = payload.get("targets")
    found = targets if isinstance(targets, list) else [payload.get("target")]
    labels = [_str(t.get("label")) for t in found if isinstance(t, dict)]
    return list(dict.fromkeys(label for label in labels if label))


def _unsubscribe_hint(payload: dict[str, Any], lang: Lang) -> str | None:
    labels = _labels(payload)
    return say("note_unsubscribe_hint", lang, label=labels[0]) if len(labels) == 1 else None


def _ids(payload: dict[str, Any]) -> tuple[int, ...]:
    raw = payload.get("subscription_ids")
    ids = raw if isinstance(raw, list) else []
    return tuple(i for i in ids if isinstance(i, int) and not isinstance(i, bool) and i > 0)


def meeting_view(data: Any) -> MeetingView | None:
    """A MeetingView from its JSON form; None without at least a body and a date."""
    if not isinstance(data, dict):
        return None
    body, day = _str(data.get("body")), _date(data.get("date"))
    if body is None or day is None:
        return None
    return MeetingView(
        slug=_str(data.get("id")) or _str(data.get("slug")) or "",
        body=body,
        region=_str(data.get("region")),
        cluster=_str(data.get("cluster")),
        date=day,
        date_precision=_str(data.get("date_precision")) or _str(data.get("precision")) or "day",
        start_time=_time(data.get("start_time")),
        end_time=_time(data.get("end_time")),
        place=_str(data.get("place")),
        state=_str(data.get("state")) or "planned",
        agenda=_agenda_points(_list(data.get("agenda"))),
        note=_str(data.get("note")),
    )


def _agenda_points(points: list[Any]) -> tuple[AgendaView, ...]:
    """Agenda titles in order ("agenda": ["Godkendelse", ...]), or {number, title} points."""
    found = []
    for number, point in enumerate(points, start=1):
        if isinstance(point, str) and point.strip():
            found.append(AgendaView(str(number), point.strip(), None))
        elif isinstance(point, dict) and _str(point.get("title")):
            given = _str(point.get("number")) or str(number)
            found.append(AgendaView(given, _str(point.get("title")) or "", None))
    return tuple(found)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value.strip() or None if isinstance(value, str) else None


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if isinstance(value, str) else None
    except ValueError:
        return None


def _time(value: Any) -> time | None:
    try:
        return time.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


_CONTENT: dict[str, Callable[[dict[str, Any], Lang, datetime], Content]] = {
    "reminder": _reminder,
    "status": _status,
    "digest": _digest,
}
