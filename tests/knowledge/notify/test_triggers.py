"""What imports and chat status updates owe subscribers: one digest per conversation for
each imported file, a status notification per follower (not to the author's own chat), written in
the same transaction; with an injected clock, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from knowledge.core.clock import COPENHAGEN, Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.documents.records import ItemRecord, MeetingRecord, ParsedDocument
from knowledge.notify.contract import Due, Subscribed, Subscriber, SubscribeRequest
from knowledge.service import KnowledgeService
from knowledge.state.conversations import ConversationKey
from knowledge.updates.contract import Author, Saved, UpdateRequest
from tests.factories import document, item, meeting, status

REGION = "Region Midtjylland"
CLUSTER = "Testklyngen"
STEERING = "Klyngestyregruppen Testklyngen"
AGREEMENT = "Samarbejdsaftale om testforløb"
ANNA_CHAT = "a:personal-anna"
BO_CHAT = "a:personal-bo"
CHANNEL = "19:klyngekanal@thread.tacv2"
GROUP = "19:gruppechat@thread.v2"
ANNA = Author("aad-anna", "Anna Jensen")
BO = Author("aad-bo", "Bo Hansen")
NOW = datetime(2024, 3, 1, 10, 0, tzinfo=COPENHAGEN)


def steering(day: date, **fields: object) -> MeetingRecord:
    return meeting(
        STEERING, day, region=REGION, cluster=CLUSTER, start_time=time(9), place="Viborg", **fields
    )


def agreement(category: str, valid_from: date, file: str) -> ItemRecord:
    entry = status(category, f"Aftalen er {category}.", valid_from, file=file, heading=AGREEMENT)
    return item(AGREEMENT, region=REGION, cluster=CLUSTER, file=file, statuses=(entry,))


def plan_document() -> ParsedDocument:
    return document(
        agreement("in_progress", date(2023, 6, 1), "plan.txt"),
        meetings=(steering(date(2024, 3, 12)), steering(date(2024, 4, 9))),
        file="plan.txt",
    )


def changes_document() -> ParsedDocument:
    """Moves one followed meeting, cancels one, adds one, and a newer status; plus a past
    meeting and another cluster's, which nobody hears of."""
    return document(
        agreement("implemented", date(2024, 2, 15), "nyt.txt"),
        meetings=(
            steering(date(2024, 3, 19), moved_from=date(2024, 3, 12), file="nyt.txt"),
            steering(date(2024, 4, 9), state="cancelled", file="nyt.txt"),
            steering(date(2024, 5, 14), file="nyt.txt"),
            steering(date(2024, 2, 2), state="held", file="nyt.txt"),
            meeting("Klyngestyregruppen Andenklyngen", date(2024, 5, 2), cluster="Andenklyngen"),
        ),
        file="nyt.txt",
        on=date(2024, 2, 28),
    )


@dataclass
class World:
    service: KnowledgeService

    async def load(self, doc: ParsedDocument) -> None:
        await self.service.apply_parsed([(doc, f"sha-{doc.file}")])

    async def chat(self, conversation_id: str) -> None:
        key = ConversationKey(conversation_id, "msteams", "tenant-1")
        reference = {"conversation": {"id": conversation_id}, "serviceUrl": "https://smba/"}
        await self.service.remember_conversation(key, reference)

    async def follow(self, target: str, conversation_id: str, who: Author, personal: bool) -> int:
        await self.chat(conversation_id)
        subscriber = Subscriber(
            conversation_id, "msteams", "tenant-1", personal, who.aad_id, who.name
        )
        outcome = await self.service.subscribe(SubscribeRequest(subscriber, target))
        assert isinstance(outcome, Subscribed), outcome
        return outcome.subscription.id

    async def due(self, kind: str) -> dict[str, Due]:
        """The claimed notifications of a kind, by conversation."""
        claimed = await self.service.claim_due("test", 100)
        return {due.conversation_id: due for due in claimed if due.kind == kind}

    async def reminders(self, conversation_id: str, state: str) -> list[datetime]:
        lines = await self.service.outbox((state,))
        return sorted(
            line.due_at.astimezone(COPENHAGEN)
            for line in lines
            if line.kind == "reminder" and line.conversation_id == conversation_id
        )

    async def write(self, author: Author, conversation_id: str, key: str) -> Saved:
        slug = (await self.service.list_items("agreement"))[0].slug
        current = await self.service.current_status(slug)
        request = UpdateRequest(
            slug, "paused", "Sat i bero til efteråret.", author, key, current.current_entry_id,
            conversation_id, "act-1",
        )  # fmt: skip
        outcome = await self.service.update_status(request)
        assert isinstance(outcome, Saved), outcome
        return outcome


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    engine = create_engine(database_url)
    await migrate(engine)
    clock = Clock(utc_now=lambda: NOW.astimezone(UTC))
    yield World(KnowledgeService(session_factory(engine), clock))
    await engine.dispose()


def _brief(change: dict[str, Any]) -> tuple[Any, ...]:
    if change["change"] == "status":
        return ("status", change["item"]["title"], change["category"], change["valid_from"])
    meeting = change["meeting"]
    return (change["change"], meeting["date"], meeting["state"], change.get("moved_from"))


MEETING_NEWS = [
    ("meeting moved", "2024-03-19", "planned", "2024-03-12"),
    ("meeting cancelled", "2024-04-09", "cancelled", None),
    ("meeting added", "2024-05-14", "planned", None),
]


async def test_one_import_gives_each_following_conversation_one_digest(world: World) -> None:
    await world.load(plan_document())
    anna_cluster = await world.follow(CLUSTER, ANNA_CHAT, ANNA, personal=True)
    anna_item = await world.follow("testforløb", ANNA_CHAT, ANNA, personal=True)
    channel = await world.follow("testklyngen", CHANNEL, BO, personal=False)
    await world.chat(BO_CHAT)  # Bo's own chat follows nothing

    await world.load(changes_document())

    digests = await world.due("digest")
    assert {ANNA_CHAT, CHANNEL} == set(digests)
    anna, team = digests[ANNA_CHAT], digests[CHANNEL]
    status_news = ("status", AGREEMENT, "implemented", "2024-02-15")
    assert [*MEETING_NEWS, status_news] == [_brief(c) for c in anna.payload["changes"]]
    assert MEETING_NEWS == [_brief(c) for c in team.payload["changes"]]
    assert [anna_cluster, anna_item] == anna.payload["subscription_ids"]
    assert [channel] == team.payload["subscription_ids"]
    assert [CLUSTER, AGREEMENT] == [t["label"] for t in anna.payload["targets"]]
    assert (NOW, None) == (anna.due_at, anna.deadline_at)
    assert anna.key.startswith("digest:")
    assert anna.key.endswith(f":{ANNA_CHAT}")


async def test_the_moved_meeting_keeps_its_slug_and_its_reminders_follow(world: World) -> None:
    await world.load(plan_document())
    await world.follow(CLUSTER, ANNA_CHAT, ANNA, personal=True)

    await world.load(changes_document())

    steering_meetings = [m for m in await world.service.list_meetings() if m.body == STEERING]
    assert [
        ("klyngestyregruppen-testklyngen-2024-02-02", date(2024, 2, 2), "held"),
        ("klyngestyregruppen-testklyngen-2024-03-12", date(2024, 3, 19), "planned"),
        ("klyngestyregruppen-testklyngen-2024-04-09", date(2024, 4, 9), "cancelled"),
        ("klyngestyregruppen-testklyngen-2024-05-14", date(2024, 5, 14), "planned"),
    ] == [(m.slug, m.date, m.state) for m in steering_meetings]
    eight = time(8)
    assert [
        datetime.combine(day, eight, COPENHAGEN)
        for day in (date(2024, 3, 12), date(2024, 3, 18), date(2024, 5, 7), date(2024, 5, 13))
    ] == await world.reminders(ANNA_CHAT, "pending")
    assert [
        datetime.combine(day, eight, COPENHAGEN)
        for day in (date(2024, 3, 5), date(2024, 3, 11), date(2024, 4, 2), date(2024, 4, 8))
    ] == await world.reminders(ANNA_CHAT, "cancelled")


async def test_importing_the_same_documents_again_owes_nothing(world: World) -> None:
    await world.load(plan_document())
    await world.follow(CLUSTER, ANNA_CHAT, ANNA, personal=True)
    await world.load(changes_document())

    await world.load(changes_document())

    digests = [line for line in await world.service.outbox(("pending",)) if line.kind == "digest"]
    assert 1 == len(digests)


async def test_changes_nobody_follows_give_no_digest(world: World) -> None:
    await world.load(plan_document())
    await world.follow(CLUSTER, ANNA_CHAT, ANNA, personal=True)
    other = meeting("Klyngestyregruppen Andenklyngen", date(2024, 5, 2), cluster="Andenklyngen")
    past = steering(date(2024, 2, 20), file="gammel.txt")
    old_status = agreement("planned", date(2022, 1, 1), "gammel.txt")

    await world.load(document(old_status, meetings=(other, past), file="gammel.txt"))

    assert {} == await world.due("digest")


async def test_a_meeting_added_and_cancelled_by_one_document_is_no_news(world: World) -> None:
    await world.load(plan_document())
    await world.follow(CLUSTER, ANNA_CHAT, ANNA, personal=True)
    both = (steering(date(2024, 6, 4)), steering(date(2024, 6, 4), state="cancelled"))

    await world.load(document(meetings=both, file="a.txt"))

    assert {} == await world.due("digest")


async def test_each_file_of_an_import_owes_its_own_digest(world: World) -> None:
    """Files are imported one transaction each, their digests with them: the second
    file's news does not wait for (or undo) the first's."""
    await world.load(plan_document())
    await world.follow(CLUSTER, ANNA_CHAT, ANNA, personal=True)
    added = document(meetings=(steering(date(2024, 6, 4)),), file="a.txt")
    cancelled = document(meetings=(steering(date(2024, 6, 4), state="cancelled"),), file="b.txt")

    await world.service.apply_parsed([(added, "sha-a"), (cancelled, "sha-b")])

    claimed = await world.service.claim_due("test", 100)
    digests = [due.payload["changes"] for due in claimed if due.kind == "digest"]
    assert [["meeting added"], ["meeting cancelled"]] == [
        [change["change"] for change in changes] for changes in digests
    ]


async def test_a_dry_run_owes_nothing(world: World) -> None:
    await world.load(plan_document())
    await world.follow(CLUSTER, ANNA_CHAT, ANNA, personal=True)

    await world.service.apply_parsed([(changes_document(), "sha-nyt")], dry_run=True)

    assert [] == [
        line for line in await world.service.outbox(("pending",)) if line.kind != "reminder"
    ]


async def test_a_status_from_chat_skips_the_authors_own_chat_but_tells_a_channel(
    world: World,
) -> None:
    await world.load(plan_document())
    await world.follow("testforløb", ANNA_CHAT, ANNA, personal=True)
    bo = await world.follow("testforløb", BO_CHAT, BO, personal=True)
    channel = await world.follow("testforløb", CHANNEL, ANNA, personal=False)

    saved = await world.write(ANNA, GROUP, key="card-1")

    due = await world.due("status")
    assert {BO_CHAT, CHANNEL} == set(due)
    assert f"status:{saved.entry_id}:{bo}" == due[BO_CHAT].key
    assert f"status:{saved.entry_id}:{channel}" == due[CHANNEL].key
    payload = due[CHANNEL].payload
    assert ("paused", "Sat i bero til efteråret.", "Anna Jensen", "2024-03-01") == (
        payload["category"],
        payload["text"],
        payload["author"],
        payload["valid_from"],
    )
    assert ([channel], AGREEMENT) == (payload["subscription_ids"], payload["item"]["title"])


async def test_a_status_said_in_a_channel_thread_is_not_repeated_in_the_channel(
    world: World,
) -> None:
    await world.load(plan_document())
    await world.follow("testforløb", BO_CHAT, BO, personal=True)
    await world.follow("testforløb", CHANNEL, BO, personal=False)

    await world.write(ANNA, f"{CHANNEL};messageid=1710000000000", key="dialog-7")

    assert {BO_CHAT} == set(await world.due("status"))


async def test_a_status_submitted_twice_notifies_once(world: World) -> None:
    await world.load(plan_document())
    await world.follow("testforløb", BO_CHAT, BO, personal=True)

    first = await world.write(ANNA, ANNA_CHAT, key="card-9")
    again = await world.write(ANNA, ANNA_CHAT, key="card-9")

    assert (True, first.entry_id) == (again.duplicate, again.entry_id)
    assert 1 == len(
        [line for line in await world.service.outbox(("pending",)) if line.kind == "status"]
    )
