"""The contract for notifications: what the bot's chat commands hand the knowledge base
to subscribe, what the notifier claims from the outbox, and what it reports back.
Plain data; `knowledge/notify/subscriptions.py`, `knowledge/notify/outbox.py`,
`knowledge/notify/triggers.py` and `knowledge/notify/calendar.py` implement it and
`KnowledgeService` exposes it.

Rules the implementation keeps:
- A subscription belongs to a conversation: a person's own chat (`personal`) or a channel
  or group chat, where anyone may subscribe or unsubscribe it and the bot says who did.
  Its target is an entity the query engine knows: a body, cluster or region (their
  meetings) or an item (its status changes).
- Meeting reminders go out `lead_days` before the meeting (default 7 and 1) at 08:00
  Europe/Copenhagen; one that would fall on a Saturday or Sunday goes out on the Friday
  before at 08:00. A lead time already past when the subscription is made is skipped.
  Only meetings with a known day are reminded of.
- The outbox is the schedule. Each notification has a unique key, so planning may run
  any number of times on any number of instances. States: pending -> sending -> sent,
  or failed (gave up), uncertain (the send may or may not have arrived), cancelled
  (meeting moved or cancelled, subscription ended, conversation gone), skipped (its
  meeting started, or a later reminder of the same meeting replaces it).
- A reminder is never sent at or after its `deadline_at` (the meeting's start; the
  start of its day when the time is unknown). When several reminders of one meeting to
  one conversation are due at once (after downtime), only the latest is sent.
- Claiming takes due rows with a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so two
  instances never hold the same row. A row whose lease ran out while it was `sending`
  becomes `uncertain`: reminders are sent at most once.
- One import that changes several things a conversation follows gives it one digest.
  A status written in chat notifies the item's subscribers except its author's own chat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Literal

from knowledge.answers.kinds import Choice

DEFAULT_LEAD_DAYS = (7, 1)
REMINDER_TIME = time(8, 0)  # Europe/Copenhagen
LEASE = timedelta(seconds=60)
MAX_LEAD_DAYS = 60

TargetKind = Literal["body", "cluster", "region", "item"]
NotificationKind = Literal["reminder", "digest", "status"]
State = Literal["pending", "sending", "sent", "failed", "uncertain", "cancelled", "skipped"]
OPEN_STATES = ("pending", "sending")


@dataclass(frozen=True)
class Subscriber:
    """Who asks, and where: the conversation gets the messages."""

    conversation_id: str
    channel_id: str
    tenant_id: str | None
    personal: bool  # a one-to-one chat with the person; else a channel or group chat
    aad_id: str | None
    name: str


@dataclass(frozen=True)
class SubscribeRequest:
    subscriber: Subscriber
    target: str  # what the person typed: "Midtklyngen", "IV-aftalen", "KSG"
    wants: Literal["meetings", "status", "any"] = "any"
    lead_days: tuple[int, ...] | None = None  # None: DEFAULT_LEAD_DAYS for meetings


@dataclass(frozen=True)
class Target:
    kind: TargetKind
    id: str  # Entity id ("body:...", "cluster:...", "region:...") or an item's slug
    label: str
    region: str | None = None


@dataclass(frozen=True)
class UpcomingMeeting:
    slug: str
    body: str
    date: date
    start_time: time | None
    place: str | None


@dataclass(frozen=True)
class SubscriptionLine:
    id: int
    target: Target
    lead_days: tuple[int, ...]
    created_by: str  # display name
    created_at: datetime
    next_meeting: UpcomingMeeting | None  # for meeting subscriptions


@dataclass(frozen=True)
class Subscribed:
    subscription: SubscriptionLine
    already: bool  # it existed; lead times were updated if given
    next_meeting: UpcomingMeeting | None
    skipped_lead_days: tuple[int, ...]  # lead times already past for the next meeting
    first_reminder_at: datetime | None  # Copenhagen time of the first planned reminder


@dataclass(frozen=True)
class TargetAmbiguous:
    choices: tuple[Choice, ...]


@dataclass(frozen=True)
class TargetNotFound:
    suggestions: tuple[str, ...]


SubscribeOutcome = Subscribed | TargetAmbiguous | TargetNotFound


@dataclass(frozen=True)
class Unsubscribed:
    removed: tuple[SubscriptionLine, ...]  # empty: nothing matched
    cancelled: int  # pending notifications cancelled with them


@dataclass(frozen=True)
class CalendarLink:
    slug: str
    token: str
    target: Target

    @property
    def path(self) -> str:
        return f"/calendar/{self.slug}/{self.token}.ics"


@dataclass(frozen=True)
class Due:
    """A claimed notification, ready to render and send. `payload` is plain JSON:

    reminder: {"meeting": {...as `knowledge.core.meeting_json` shapes it...}, "lead_days": 7,
               "days_until": 7, "target": {"kind", "id", "label"}}
    status:   {"item": {"slug", "title"}, "category", "text", "valid_from", "author",
               "target": {...}}
    digest:   {"changes": [{"change": "meeting added"|"meeting moved"|"meeting cancelled"|
               "status", ...fields...}], "targets": [{...}]}
    Every payload also has "subscription_ids": [ids] for the unsubscribe button.
    """

    id: int
    key: str
    kind: NotificationKind
    conversation_id: str
    tenant_id: str | None
    reference: dict[str, Any]  # the stored conversation reference (botbuilder JSON)
    locale: str | None
    payload: dict[str, Any]
    due_at: datetime
    deadline_at: datetime | None
    attempts: int  # including this one


@dataclass(frozen=True)
class OutboxLine:
    id: int
    key: str
    kind: str
    conversation_id: str
    state: str
    attempts: int
    due_at: datetime
    deadline_at: datetime | None
    next_attempt_at: datetime | None
    last_error: str | None


@dataclass(frozen=True)
class SendResult:
    """What the notifier learned from one send attempt."""

    outcome: Literal["sent", "retry", "failed", "uncertain", "gone", "blocked"]
    activity_id: str | None = None
    not_before: datetime | None = None  # for "retry": Retry-After or backoff
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
