"""Notification messages as the subscriber sees them: what, when, where and the agenda in
their language, an unsubscribe button with the payload's subscriptions, and the same facts
as plain text."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from bot.outgoing import notification_activity
from dialogs.elements import ACTION_TYPES, ELEMENT_TYPES, SIZE_LIMIT, size
from dialogs.notification_cards import notification_message
from knowledge.core.clock import COPENHAGEN, Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.core.meeting_json import meeting_json
from knowledge.core.models import Meeting
from knowledge.notify.contract import Due, Subscribed, Subscriber, SubscribeRequest
from knowledge.service import KnowledgeService
from knowledge.state.conversations import ConversationKey

# A meeting as outbox rows written before the one meeting shape hold it (the slug as
# "slug", "precision", the agenda as titles); `meeting_json` below writes the same meeting
# as notifications carry it now.
MEETING = {
    "slug": "klyngestyregruppen-midtklyngen-2024-03-13",
    "body": "Klyngestyregruppen Midtklyngen",
    "region": "Region Midtjylland",
    "cluster": "Midtklyngen",
    "date": "2024-03-13",
    "precision": "day",
    "start_time": "13:00",
    "end_time": "15:30",
    "place": "Mødelokale M5, Viborg Rådhus",
    "state": "planned",
    "agenda": ["Godkendelse af dagsorden", "IV-behandling i nærområdet"],
}
MIDT = {"kind": "cluster", "id": "cluster:midtklyngen", "label": "Midtklyngen"}
IV = {"kind": "item", "id": "samarbejdsaftale-om-iv", "label": "IV-aftalen"}
# 08:00 in Copenhagen on Wednesday 6 March 2024, a week before the meeting.
WEEK_BEFORE = datetime(2024, 3, 6, 7, 0, tzinfo=UTC)


def _due(kind: str, payload: dict[str, Any], locale: str | None = "da-DK") -> Due:
    return Due(
        id=1,
        key=f"{kind}:1",
        kind=kind,  # type: ignore[arg-type]
        conversation_id="a:personal-chat-1",
        tenant_id="tenant-midt",
        reference={},
        locale=locale,
        payload=payload,
        due_at=WEEK_BEFORE,
        deadline_at=None,
        attempts=1,
    )


def _reminder(locale: str | None = "da-DK", **changes: Any) -> Due:
    payload = {"meeting": MEETING, "lead_days": 7, "target": MIDT, "subscription_ids": [4, 9]}
    return replace(_due("reminder", payload, locale), **changes)


def _status(locale: str = "da-DK") -> Due:
    payload = {
        "item": {"slug": "samarbejdsaftale-om-iv", "title": "Samarbejdsaftale om IV-behandling"},
        "category": "in_progress",
        "text": "Pilotforsøget er i gang i Viborg.",
        "valid_from": "2024-03-05",
        "author": "Anna Jensen",
        "target": IV,
        "subscription_ids": [11],
    }
    return _due("status", payload, locale)


def _digest(locale: str = "da-DK") -> Due:
    changes = [
        {"change": "meeting added", "meeting": {**MEETING, "date": "2024-05-03"}},
        {"change": "meeting moved", "meeting": MEETING, "moved_from": "2024-03-12"},
        {"change": "meeting cancelled", "meeting": {**MEETING, "date": "2024-04-19"}},
        {"change": "status", **_status().payload},
    ]
    payload = {"changes": changes, "targets": [MIDT, IV], "subscription_ids": [4, 11]}
    return _due("digest", payload, locale)


def _unsubscribe_actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in card.get("actions", []) if a.get("verb") == "unsubscribe"]


def _types(node: Any) -> set[str]:
    if isinstance(node, list):
        return {kind for child in node for kind in _types(child)}
    if not isinstance(node, dict):
        return set()
    own = {node["type"]} if isinstance(node.get("type"), str) else set()
    return own | {
        kind for key, child in node.items() if key != "fallback" for kind in _types(child)
    }


def _flat(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_a_danish_reminder_says_what_when_where_and_the_agenda() -> None:
    reply = notification_message(_reminder())

    for fact in (
        "Påmindelse: Klyngestyregruppen Midtklyngen",
        "Mødet er om 7 dage.",
        "onsdag den 13. marts 2024, kl. 13:00–15:30",
        "Hvor: Mødelokale M5, Viborg Rådhus",
        "1. Godkendelse af dagsorden",
        "2. IV-behandling i nærområdet",
        "Abonnement: Midtklyngen",
    ):
        assert fact in _flat(reply.text), fact
        assert fact in _flat(reply.card["fallbackText"]), fact  # type: ignore[index]


def test_an_english_reminder_is_in_english() -> None:
    reply = notification_message(_reminder("en-GB"))

    assert "Reminder: Klyngestyregruppen Midtklyngen" in reply.text
    assert "The meeting is in 7 days." in reply.text
    assert "When: Wednesday 13 March 2024, 13:00–15:30" in reply.text
    assert "Where: Mødelokale M5, Viborg Rådhus" in reply.text
    assert "Agenda" in reply.text
    assert "en" == reply.card["lang"]  # type: ignore[index]
    assert ["Unsubscribe"] == [a["title"] for a in _unsubscribe_actions(reply.card or {})]


def test_a_subscriber_without_a_language_gets_danish() -> None:
    assert "Påmindelse" in notification_message(_reminder(None)).text


@pytest.mark.parametrize(
    ("due_at", "expected"),
    [
        (datetime(2024, 3, 12, 7, 0, tzinfo=UTC), "Mødet er i morgen."),
        (datetime(2024, 3, 13, 5, 0, tzinfo=UTC), "Mødet er i dag."),
        # Counted from the day it goes out (a weekend reminder goes on Friday), not the lead.
        (datetime(2024, 3, 8, 7, 0, tzinfo=UTC), "Mødet er om 5 dage."),
        # 23:30 UTC is already the next day in Copenhagen; a zone-less time is UTC.
        (datetime(2024, 3, 11, 23, 30), "Mødet er i morgen."),
    ],
)
def test_the_reminder_counts_days_in_copenhagen(due_at: datetime, expected: str) -> None:
    assert expected in notification_message(_reminder(due_at=due_at)).text


def test_a_reminder_caught_up_late_says_how_far_off_the_meeting_really_is() -> None:
    # Due seven days before, handed out by the outbox one day before (after downtime).
    late = _reminder()
    late = replace(late, payload={**late.payload, "days_until": 1})

    assert "Mødet er i morgen." in notification_message(late).text


def test_every_notification_has_an_unsubscribe_button_with_its_subscriptions() -> None:
    for due, ids in ((_reminder(), [4, 9]), (_status(), [11]), (_digest(), [4, 11])):
        [action] = _unsubscribe_actions(notification_message(due).card or {})
        data = {"klyngebot": "unsubscribe", "subscription_ids": ids, "source": "notification"}
        assert ("Action.Execute", "Afmeld", data) == (
            action["type"],
            action["title"],
            action["data"],
        )
        assert ("Action.Submit", data) == (action["fallback"]["type"], action["fallback"]["data"])


def test_a_status_change_says_item_status_author_and_date() -> None:
    da, en = notification_message(_status()), notification_message(_status("en-GB"))

    assert "Ny status: Samarbejdsaftale om IV-behandling" in da.text
    assert "i gang" in da.text
    assert "pr. 5. marts 2024" in _flat(da.text)
    assert "Pilotforsøget er i gang i Viborg." in da.text
    assert "Af Anna Jensen" in da.text
    assert "New status: Samarbejdsaftale om IV-behandling" in en.text
    assert "in progress" in en.text
    assert "By Anna Jensen" in en.text


def test_a_digest_lists_every_change_in_one_card() -> None:
    reply = notification_message(_digest())
    text = _flat(reply.text)

    assert "Nyt fra videnbasen: 4 ændringer" in text
    assert "Nyt møde: Klyngestyregruppen Midtklyngen" in text
    assert "fredag den 3. maj 2024" in text
    assert "Flyttet: Klyngestyregruppen Midtklyngen" in text
    assert "Før: tirsdag den 12. marts 2024" in text
    assert "Aflyst: Klyngestyregruppen Midtklyngen" in text
    assert "fredag den 19. april 2024" in text
    assert "Ny status: Samarbejdsaftale om IV-behandling" in text
    assert "Abonnement: Midtklyngen og IV-aftalen" in text


def test_without_cards_the_text_says_how_to_unsubscribe() -> None:
    reply = notification_message(_reminder(), cards=False)

    assert None is reply.card
    assert "13. marts 2024" in _flat(reply.text)
    assert "Skriv „afmeld Midtklyngen“ for ikke at få flere." in reply.text


@pytest.mark.parametrize("due", [_reminder(), _status(), _digest(), _reminder("en")])
def test_the_cards_use_only_known_types_and_fit_in_a_message(due: Due) -> None:
    card = notification_message(due).card or {}

    assert set() == _types(card["body"]) - ELEMENT_TYPES
    assert set() == {action["type"] for action in card["actions"]} - ACTION_TYPES
    assert size(card) < SIZE_LIMIT


def test_a_notification_activity_has_the_card_and_a_summary() -> None:
    activity = notification_activity(_reminder())

    [attachment] = activity.attachments
    assert "message" == activity.type
    assert "application/vnd.microsoft.card.adaptive" == attachment.content_type
    assert "AdaptiveCard" == attachment.content["type"]
    assert activity.summary.startswith("Påmindelse: Klyngestyregruppen Midtklyngen")


def test_a_payload_missing_fields_still_renders() -> None:
    due = _reminder(payload={"meeting": {"body": "KSG", "date": "2024-03-13"}})

    reply = notification_message(due)

    assert "Påmindelse: KSG" in reply.text
    assert [] == _unsubscribe_actions(reply.card or {})


def _in_the_one_meeting_shape(precision: str = "day") -> dict[str, Any]:
    """MEETING as a Meeting row, written the way notifications carry meetings now."""
    agenda = [
        {"number": str(number), "title": title, "decision": None}
        for number, title in enumerate(MEETING["agenda"], start=1)
    ]
    row = Meeting(
        slug=MEETING["slug"],
        body=MEETING["body"],
        region=MEETING["region"],
        cluster=MEETING["cluster"],
        date=date(2024, 3, 13),
        date_precision=precision,
        start_time=time(13, 0),
        end_time=time(15, 30),
        place=MEETING["place"],
        state="planned",
        note=None,
        agenda=agenda,
        sources=[{"file": "plan.txt", "heading": None}],
    )
    return meeting_json(row)


@pytest.mark.parametrize("lang", ["da-DK", "en-GB"])
@pytest.mark.parametrize("precision", ["day", "month"])
def test_a_reminder_stored_before_the_one_meeting_shape_reads_as_one_written_now(
    lang: str, precision: str
) -> None:
    old, new = _reminder(lang), _reminder(lang)
    old = replace(old, payload={**old.payload, "meeting": {**MEETING, "precision": precision}})
    new = replace(new, payload={**new.payload, "meeting": _in_the_one_meeting_shape(precision)})

    assert notification_message(old) == notification_message(new)


def test_a_digest_stored_before_the_one_meeting_shape_reads_as_one_written_now() -> None:
    now = _in_the_one_meeting_shape()
    old = _digest()
    changes = [
        {**change, "meeting": {**now, "date": change["meeting"]["date"]}}
        if "meeting" in change
        else change
        for change in old.payload["changes"]
    ]
    new = replace(old, payload={**old.payload, "changes": changes})

    assert notification_message(old) == notification_message(new)


@pytest.fixture
async def demo_service(database_url: str) -> AsyncIterator[tuple[KnowledgeService, list[datetime]]]:
    engine = create_engine(database_url)
    await migrate(engine)
    now = [datetime(2024, 3, 1, 10, 0, tzinfo=COPENHAGEN)]
    service = KnowledgeService(session_factory(engine), Clock(utc_now=lambda: now[0]))
    await service.load_demo()
    yield service, now
    await engine.dispose()


async def test_a_reminder_the_notifier_claims_renders_with_its_facts(
    demo_service: tuple[KnowledgeService, list[datetime]],
) -> None:
    service, now = demo_service
    chat = ConversationKey("a:personal-chat-1", "msteams", "tenant-midt")
    reference = {"conversation": {"id": chat.conversation_id}, "locale": "en-GB"}
    await service.remember_conversation(chat, reference)
    who = Subscriber(chat.conversation_id, "msteams", "tenant-midt", True, "aad-1", "Mette")
    subscribed = await service.subscribe(SubscribeRequest(who, "Midtklyngen"))
    assert isinstance(subscribed, Subscribed)
    now[0] = datetime(2024, 3, 6, 8, 1, tzinfo=COPENHAGEN)
    await service.plan_notifications()

    [due] = await service.claim_due("test", 10)

    reply = notification_message(due)
    [action] = _unsubscribe_actions(reply.card or {})
    assert "reminder" == due.kind
    assert "Reminder: Temagruppe for voksne (somatik) Midtklyngen" in reply.text
    assert "The meeting is in 7 days." in reply.text
    assert "When: Wednesday 13 March 2024" in reply.text
    assert [subscribed.subscription.id] == action["data"]["subscription_ids"]
