"""What is due, with an injected clock (nothing sleeps): lead times, the weekend rule,
subscriptions made late, catch-up after downtime, nothing after the start, moved and
cancelled meetings, unsubscribing, leases, retries and conversations that are gone."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import update

from knowledge.core.clock import COPENHAGEN, Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.core.models import Meeting
from knowledge.notify.contract import (
    Due,
    SendResult,
    Subscribed,
    Subscriber,
    SubscribeRequest,
    TargetAmbiguous,
    TargetNotFound,
)
from knowledge.notify.outbox import reminder_due
from knowledge.service import KnowledgeService
from knowledge.state.conversations import ConversationKey
from tests.factories import document, item, meeting

CLUSTER = "Testklyngen"
REGION = "Region Midtjylland"
STEERING = "Klyngestyregruppen Testklyngen"
CHAT = "a:personal-anna"


def at(day: date, hour: int = 10, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=COPENHAGEN)


@dataclass
class World:
    service: KnowledgeService
    sessions: object
    now: list[datetime] = field(default_factory=list)

    def set(self, moment: datetime) -> None:
        self.now[0] = moment

    async def meetings(self, *records: object) -> None:
        parsed = document(
            item("Samarbejdsaftale om testforløb", region=REGION, cluster=CLUSTER),
            meetings=tuple(records),  # type: ignore[arg-type]
        )
        await self.service.apply_parsed([(parsed, f"sha-{len(records)}-{id(records)}")])

    async def chat(self, conversation_id: str = CHAT, tenant: str = "tenant-1") -> None:
        key = ConversationKey(conversation_id, "msteams", tenant)
        reference = {
            "conversation": {"id": conversation_id},
            "serviceUrl": "https://smba.trafficmanager.net/emea/",
            "channelId": "msteams",
            "locale": "da-DK",
        }
        await self.service.remember_conversation(key, reference)

    async def subscribe(
        self,
        target: str = CLUSTER,
        conversation_id: str = CHAT,
        lead: tuple[int, ...] | None = None,
        tenant: str = "tenant-1",
    ) -> Subscribed:
        who = Subscriber(conversation_id, "msteams", tenant, True, "aad-anna", "Anna Jensen")
        outcome = await self.service.subscribe(SubscribeRequest(who, target, lead_days=lead))
        assert isinstance(outcome, Subscribed), outcome
        return outcome

    async def pending(self) -> list[datetime]:
        lines = await self.service.outbox(("pending",))
        return sorted(line.due_at.astimezone(COPENHAGEN) for line in lines)

    async def claim(self, owner: str = "one", limit: int = 100) -> list[Due]:
        return await self.service.claim_due(owner, limit)

    async def send(self, due: Due, owner: str = "one", result: str = "sent") -> None:
        assert await self.service.mark_sending(due.id, owner)
        await self.service.finish_send(due.id, owner, SendResult(result, activity_id="act-1"))  # type: ignore[arg-type]

    async def states(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        every = ("pending", "sending", "sent", "failed", "uncertain", "cancelled", "skipped")
        for line in await self.service.outbox(every):
            counts[line.state] = counts.get(line.state, 0) + 1
        return counts


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    engine = create_engine(database_url)
    await migrate(engine)
    now = [at(date(2024, 4, 1))]
    clock = Clock(utc_now=lambda: now[0].astimezone(UTC))
    sessions = session_factory(engine)
    yield World(KnowledgeService(sessions, clock), sessions, now)
    await engine.dispose()


def steering(day: date, start: time | None = time(9, 0), **fields: object) -> object:
    return meeting(
        STEERING, day, region=REGION, cluster=CLUSTER, start_time=start, place="Viborg", **fields
    )


# The weekend rule, on its own.


@pytest.mark.parametrize(
    ("meeting_day", "lead", "expected"),
    [
        (date(2024, 4, 19), 7, at(date(2024, 4, 12), 8)),  # Friday -> Friday
        (date(2024, 4, 19), 1, at(date(2024, 4, 18), 8)),  # Thursday
        (date(2024, 4, 22), 1, at(date(2024, 4, 19), 8)),  # Sunday -> Friday
        (date(2024, 4, 23), 3, at(date(2024, 4, 19), 8)),  # Saturday -> Friday
        (date(2024, 4, 22), 7, at(date(2024, 4, 15), 8)),  # Monday
        (date(2024, 3, 31), 1, at(date(2024, 3, 29), 8)),  # across the switch to summer time
    ],
)
def test_reminders_go_out_at_eight_and_never_at_weekends(
    meeting_day: date, lead: int, expected: datetime
) -> None:
    assert expected == reminder_due(meeting_day, lead)
    assert 8 == reminder_due(meeting_day, lead).astimezone(COPENHAGEN).hour


async def test_default_lead_times_are_seven_days_and_one_day_before(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)), steering(date(2024, 4, 22)))
    await world.chat()

    outcome = await world.subscribe()

    assert [at(date(2024, 4, d), 8) for d in (12, 15, 18, 19)] == await world.pending()
    assert date(2024, 4, 19) == outcome.next_meeting.date  # type: ignore[union-attr]
    assert () == outcome.skipped_lead_days
    assert at(date(2024, 4, 12), 8) == outcome.first_reminder_at


async def test_lead_times_of_the_subscription_are_kept(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()

    outcome = await world.subscribe(lead=(3, 14))

    assert (14, 3) == outcome.subscription.lead_days
    assert [at(date(2024, 4, 5), 8), at(date(2024, 4, 16), 8)] == await world.pending()


async def test_lead_times_already_past_are_skipped_but_the_next_meeting_is_named(
    world: World,
) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    world.set(at(date(2024, 4, 15)))

    outcome = await world.subscribe()

    assert (7,) == outcome.skipped_lead_days
    assert (date(2024, 4, 19), time(9, 0)) == (
        outcome.next_meeting.date,  # type: ignore[union-attr]
        outcome.next_meeting.start_time,  # type: ignore[union-attr]
    )
    assert [at(date(2024, 4, 18), 8)] == await world.pending()


async def test_planning_again_adds_nothing(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()

    added = [await world.service.plan_notifications() for _ in range(3)]

    assert [0, 0, 0] == added
    assert 2 == len(await world.pending())


async def test_subscribing_twice_keeps_one_subscription(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()

    await world.subscribe()
    again = await world.subscribe("testklyngen")

    assert again.already
    assert 1 == len(await world.service.subscriptions(CHAT))
    assert 2 == len(await world.pending())


async def test_a_reminder_is_due_at_its_time_and_sent_once(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()

    world.set(at(date(2024, 4, 12), 7, 59))
    early = await world.claim()
    world.set(at(date(2024, 4, 12), 8, 0))
    (due,) = await world.claim()
    await world.send(due)
    again = await world.claim()

    assert [] == early
    assert ("reminder", 7, 7) == (due.kind, due.payload["lead_days"], due.payload["days_until"])
    assert STEERING == due.payload["meeting"]["body"]
    assert CHAT == due.reference["conversation"]["id"]
    assert "da-DK" == due.locale
    assert [] == again
    assert {"sent": 1, "pending": 1} == await world.states()


async def test_a_reminder_carries_its_meeting_as_the_export_writes_it(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()

    world.set(at(date(2024, 4, 12), 8, 0))
    (due,) = await world.claim()

    [exported] = (await world.service.export())["meetings"]
    assert exported == due.payload["meeting"]


async def test_after_downtime_only_the_latest_due_reminder_is_caught_up(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()

    world.set(at(date(2024, 4, 18), 14))  # down from before the 12th until now
    (due,) = await world.claim()

    assert 1 == due.payload["lead_days"]
    assert {"pending": 1, "skipped": 1} == await world.states()


async def test_nothing_is_sent_once_the_meeting_has_started(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()

    world.set(at(date(2024, 4, 19), 9, 0))
    claimed = await world.claim()
    planned = await world.service.plan_notifications()

    assert ([], 0) == (claimed, planned)
    assert {"skipped": 2} == await world.states()


async def test_a_claimed_reminder_is_not_sent_after_the_start(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()
    world.set(at(date(2024, 4, 19), 8, 59))
    (due,) = await world.claim()

    world.set(at(date(2024, 4, 19), 9, 1))  # the rate limiter held it past the start
    allowed = await world.service.mark_sending(due.id, "one")

    assert not allowed
    assert {"skipped": 2} == await world.states()


async def test_a_moved_meeting_gets_new_reminders_and_loses_the_old_ones(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()

    async with world.service._sessions() as session, session.begin():  # as an import moves it
        await session.execute(
            update(Meeting).where(Meeting.body == STEERING).values(date=date(2024, 4, 26))
        )
    await world.service.plan_notifications()

    assert [at(date(2024, 4, 19), 8), at(date(2024, 4, 25), 8)] == await world.pending()
    assert 2 == (await world.states())["cancelled"]


async def test_a_cancelled_meeting_loses_its_reminders(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()

    async with world.service._sessions() as session, session.begin():
        await session.execute(
            update(Meeting).where(Meeting.body == STEERING).values(state="cancelled")
        )
    await world.service.plan_notifications()

    assert {"cancelled": 2} == await world.states()


async def test_unsubscribing_cancels_what_was_pending(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()

    gone = await world.service.unsubscribe(CHAT, "testklyngen")

    assert [CLUSTER] == [line.target.label for line in gone.removed]
    assert 2 == gone.cancelled
    assert () == await world.service.subscriptions(CHAT)
    assert [] == await world.pending()


async def test_unsubscribing_by_id_only_touches_the_own_conversation(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.chat("19:channel@thread.tacv2")
    mine = await world.subscribe()
    await world.subscribe(conversation_id="19:channel@thread.tacv2")

    foreign = await world.service.unsubscribe(
        "19:channel@thread.tacv2", None, (mine.subscription.id,)
    )
    own = await world.service.unsubscribe(CHAT, None, (mine.subscription.id,))

    assert ((), 1) == (foreign.removed, len(own.removed))


async def test_an_item_can_be_followed_and_a_typo_still_finds_the_cluster(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()

    followed = await world.subscribe("testforlob-aftalen")
    cluster = await world.subscribe("Tesklyngen")

    assert ("item", ()) == (followed.subscription.target.kind, followed.subscription.lead_days)
    assert ("cluster", CLUSTER) == (
        cluster.subscription.target.kind,
        cluster.subscription.target.label,
    )


async def test_unknown_and_ambiguous_targets_are_answered_not_guessed(world: World) -> None:
    await world.meetings(
        steering(date(2024, 4, 19)),
        meeting("Sundhedssamarbejdsudvalget", date(2024, 5, 2), region="Region Midtjylland"),
        meeting("Sundhedssamarbejdsudvalget", date(2024, 5, 3), region="Region Syddanmark"),
    )
    who = Subscriber(CHAT, "msteams", "tenant-1", True, "aad-anna", "Anna Jensen")

    unknown = await world.service.subscribe(SubscribeRequest(who, "Kvantefysikudvalget"))
    both = await world.service.subscribe(SubscribeRequest(who, "Sundhedssamarbejdsudvalget"))

    assert isinstance(unknown, TargetNotFound)
    assert isinstance(both, TargetAmbiguous)
    assert {"Region Midtjylland", "Region Syddanmark"} == {c.detail for c in both.choices}


async def test_two_owners_never_hold_the_same_row(world: World) -> None:
    days = [date(2024, 4, 19) + timedelta(days=7 * n) for n in range(10)]
    await world.meetings(*(steering(day) for day in days))
    for n in range(10):
        await world.chat(f"a:chat-{n}")
        await world.subscribe(conversation_id=f"a:chat-{n}", lead=(1,))
    world.set(at(date(2024, 4, 18), 8))  # only the first meeting's reminders are due

    first, second = await asyncio.gather(world.claim("one", 6), world.claim("two", 6))

    ids = [due.id for due in first] + [due.id for due in second]
    assert 10 == len(ids)
    assert len(ids) == len(set(ids))


async def test_tenants_take_turns_in_a_claim(world: World) -> None:
    # Each tenant has its own send rate: a claim full of one tenant's backlog would hold
    # the instance at that rate while the others' reminders, due as soon, wait.
    await world.meetings(steering(date(2024, 4, 19)))
    tenants = ["tenant-a"] * 8 + ["tenant-b"] * 2 + ["tenant-c"] * 2
    for n, tenant in enumerate(tenants):
        await world.chat(f"a:chat-{n}", tenant)
        await world.subscribe(conversation_id=f"a:chat-{n}", lead=(1,), tenant=tenant)
    world.set(at(date(2024, 4, 18), 8))

    first = await world.claim("one", 6)
    rest = await world.claim("two", 100)

    assert {"tenant-a": 2, "tenant-b": 2, "tenant-c": 2} == Counter(d.tenant_id for d in first)
    assert {"tenant-a": 6} == Counter(d.tenant_id for d in rest)


async def test_a_lease_that_runs_out_while_sending_makes_it_uncertain(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe(lead=(1,))
    world.set(at(date(2024, 4, 18), 8))
    (due,) = await world.claim("one")
    assert await world.service.mark_sending(due.id, "one")

    world.set(at(date(2024, 4, 18), 8, 5))  # instance "one" died mid-send
    claimed_by_two = await world.claim("two")

    assert [] == claimed_by_two
    assert {"uncertain": 1} == await world.states()


async def test_leases_released_on_shutdown_go_to_the_next_instance(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe(lead=(1,))
    world.set(at(date(2024, 4, 18), 8))
    (held,) = await world.claim("one")

    nothing = await world.claim("two")
    released = await world.service.release_leases("one")
    (taken,) = await world.claim("two")

    assert ([], 1, held.id) == (nothing, released, taken.id)


async def test_a_retry_waits_for_its_time_and_gives_up_after_five_attempts(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe(lead=(1,))
    moment = at(date(2024, 4, 18), 8)
    attempts = []
    for _ in range(5):
        world.set(moment)
        (due,) = await world.claim()
        attempts.append(due.attempts)
        assert await world.service.mark_sending(due.id, "one")
        moment += timedelta(seconds=30)
        retry = SendResult("retry", not_before=moment, error="429")
        await world.service.finish_send(due.id, "one", retry)
        world.set(moment - timedelta(seconds=1))
        assert [] == await world.claim()

    assert [1, 2, 3, 4, 5] == attempts
    assert {"failed": 1} == await world.states()


async def test_a_403_deactivates_the_conversation_and_cancels_the_rest(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)), steering(date(2024, 4, 26)))
    await world.chat()
    await world.subscribe(lead=(1,))
    world.set(at(date(2024, 4, 18), 8))
    (due,) = await world.claim()

    await world.send(due, result="blocked")
    conversation = await world.service.conversation(CHAT)

    assert conversation is not None
    assert not conversation.active
    assert {"failed": 1, "cancelled": 1} == await world.states()


async def test_a_404_forgets_the_conversation_and_its_subscriptions(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)), steering(date(2024, 4, 26)))
    await world.chat()
    await world.subscribe(lead=(1,))
    world.set(at(date(2024, 4, 18), 8))
    (due,) = await world.claim()

    await world.send(due, result="gone")

    assert await world.service.conversation(CHAT) is None
    assert () == await world.service.subscriptions(CHAT)
    assert {"failed": 1, "cancelled": 1} == await world.states()


async def test_an_inactive_conversation_gets_nothing(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe(lead=(1,))
    await world.service.deactivate_conversation(CHAT, "uninstalled")
    world.set(at(date(2024, 4, 18), 8))

    assert [] == await world.claim()
    assert {"cancelled": 1} == await world.states()


async def test_removal_cancels_and_writing_again_brings_the_reminders_back(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()

    await world.service.deactivate_conversation(CHAT, "uninstalled")
    after_removal = await world.states()
    await world.chat()  # the person writes to the bot again

    assert {"cancelled": 2} == after_removal
    assert [at(date(2024, 4, 12), 8), at(date(2024, 4, 18), 8)] == await world.pending()


async def test_a_meeting_moved_back_to_its_day_gets_its_reminders_back(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe()

    for day in (date(2024, 4, 26), date(2024, 4, 19)):
        async with world.service._sessions() as session, session.begin():
            await session.execute(update(Meeting).where(Meeting.body == STEERING).values(date=day))
        await world.service.plan_notifications()

    assert [at(date(2024, 4, 12), 8), at(date(2024, 4, 18), 8)] == await world.pending()


async def test_a_row_given_back_unsent_keeps_its_attempts(world: World) -> None:
    await world.meetings(steering(date(2024, 4, 19)))
    await world.chat()
    await world.subscribe(lead=(1,))
    world.set(at(date(2024, 4, 18), 8))
    (first,) = await world.claim("one")
    assert await world.service.mark_sending(first.id, "one")

    given = await world.service.give_back(first.id, "one")
    (again,) = await world.claim("two")

    assert given
    assert (first.id, 1) == (again.id, again.attempts)
