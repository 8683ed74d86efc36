"""SqlStorage: botbuilder's storage contract, the stricter .NET e_tag rules, racing
writers and a waterfall that survives a restart, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from typing import Any

import pytest
from botbuilder.core import ConversationState, MessageFactory, StoreItem, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import (
    DialogSet,
    DialogTurnStatus,
    PromptOptions,
    TextPrompt,
    WaterfallDialog,
    WaterfallStepContext,
)
from botbuilder.dialogs.choices import ListStyle
from botbuilder.schema import Activity, ConversationAccount
from botbuilder.testing.storage_base_tests import StorageBaseTests

from bot.storage import SqlStorage
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.core.errors import StateConflict, StateTooLarge
from knowledge.state import bot_state

CONTRACT = [
    "return_empty_object_when_reading_unknown_key",
    "handle_null_keys_when_reading",
    "handle_null_keys_when_writing",
    "does_not_raise_when_writing_no_items",
    "create_object",
    "handle_crazy_keys",
    "update_object",
    "delete_object",
    "delete_unknown_object",
    "perform_batch_operations",
    "proceeds_through_waterfall",
]
WRITERS = 200


@asynccontextmanager
async def open_storage(url: str) -> AsyncIterator[SqlStorage]:
    engine = create_engine(url)
    try:
        await migrate(engine)
        yield SqlStorage(session_factory(engine))
    finally:
        await engine.dispose()


@pytest.fixture
async def storage(database_url: str) -> AsyncIterator[SqlStorage]:
    async with open_storage(database_url) as opened:
        yield opened


def as_dict(**values: Any) -> dict[str, Any]:
    return values


def as_store_item(**values: Any) -> StoreItem:
    return StoreItem(**values)


def field(item: Any, name: str) -> Any:
    return item[name] if isinstance(item, dict) else getattr(item, name)


def set_field(item: Any, name: str, value: Any) -> None:
    if isinstance(item, dict):
        item[name] = value
    else:
        setattr(item, name, value)


@pytest.mark.parametrize("name", CONTRACT)
async def test_botbuilder_storage_contract(storage: SqlStorage, name: str) -> None:
    assert True is await getattr(StorageBaseTests, name)(storage)


@pytest.mark.parametrize("make", [as_dict, as_store_item])
async def test_a_stale_etag_is_rejected(storage: SqlStorage, make: Callable[..., Any]) -> None:
    # The .NET UpdateObjectTest, which the Python suite leaves out.
    await storage.write({"item": make(id=1, count=1, e_tag="*")})
    loaded = (await storage.read(["item"]))["item"]
    set_field(loaded, "count", 2)
    await storage.write({"item": loaded})
    reloaded = (await storage.read(["item"]))["item"]

    assert field(loaded, "e_tag") != field(reloaded, "e_tag")
    set_field(loaded, "count", 123)
    with pytest.raises(StateConflict, match="Etag conflict"):
        await storage.write({"item": loaded})
    assert 2 == field((await storage.read(["item"]))["item"], "count")


async def test_the_etag_changes_on_every_write(storage: SqlStorage) -> None:
    etags = []
    for etag in ["*", None, "*", None]:
        await storage.write({"item": {"count": len(etags), "e_tag": etag}})
        etags.append((await storage.read(["item"]))["item"]["e_tag"])
    for _ in range(4):
        item = (await storage.read(["item"]))["item"]
        await storage.write({"item": item})
        etags.append((await storage.read(["item"]))["item"]["e_tag"])

    assert 8 == len(set(etags))
    assert "*" not in etags


async def test_an_empty_etag_is_refused_and_changes_nothing(storage: SqlStorage) -> None:
    await storage.write({"item": {"count": 1}})

    with pytest.raises(ValueError, match="empty e_tag"):
        await storage.write({"item": {"count": 2, "e_tag": ""}})
    assert 1 == (await storage.read(["item"]))["item"]["count"]


async def test_an_etag_for_an_absent_key_writes_once_then_conflicts(storage: SqlStorage) -> None:
    # TeamsSSOTokenExchangeMiddleware's dedupe: the exchange id is the e_tag.
    marker = {"token-exchange": StoreItem(e_tag="exchange-1")}
    await storage.write(marker)

    for _ in range(2):
        with pytest.raises(StateConflict, match="Etag conflict"):
            await storage.write(marker)


async def test_a_write_of_several_keys_stores_all_or_none(storage: SqlStorage) -> None:
    await storage.write({"a": {"count": 1}, "b": {"count": 1}})
    stale = (await storage.read(["b"]))["b"]
    await storage.write({"b": {"count": 2}})

    with pytest.raises(StateConflict):
        await storage.write({"a": {"count": 9}, "b": {**stale, "count": 9}})
    stored = await storage.read(["a", "b"])
    assert (1, 2) == (stored["a"]["count"], stored["b"]["count"])


async def test_concurrent_writers_lose_no_increment(storage: SqlStorage) -> None:
    await storage.write({"counter": {"count": 0}})

    async def increment() -> int:
        conflicts = 0
        while True:
            counter = (await storage.read(["counter"]))["counter"]
            counter["count"] += 1
            try:
                await storage.write({"counter": counter})
                return conflicts
            except StateConflict:
                conflicts += 1

    conflicts = await asyncio.gather(*(increment() for _ in range(WRITERS)))

    assert WRITERS == (await storage.read(["counter"]))["counter"]["count"]
    assert 0 < sum(conflicts)  # the writers really raced


async def test_two_turns_racing_on_one_conversation_conflict(storage: SqlStorage) -> None:
    # MemoryStorage lets both saves through and loses one turn's change.
    conversation = ConversationState(storage)
    count = conversation.create_property("count")
    adapter = TestAdapter()
    earlier = turn(adapter)
    await conversation.load(earlier)
    await count.set(earlier, 1)
    await conversation.save_changes(earlier)
    first, second = turn(adapter), turn(adapter)

    for context in (first, second):
        await conversation.load(context)
        await count.set(context, 1 + await count.get(context, lambda: 0))
    await conversation.save_changes(first)
    with pytest.raises(StateConflict, match="Etag conflict"):
        await conversation.save_changes(second)


async def test_a_waterfall_continues_after_a_restart(database_url: str) -> None:
    async with open_storage(database_url) as before:
        flow = await status_bot(before).send("hej")
        flow = await flow.assert_reply("Hvilken aftale?")
        flow = await flow.send("Sundhedsaftalen")
        await flow.assert_reply("Status for Sundhedsaftalen?")

    async with open_storage(database_url) as after:
        flow = await status_bot(after).send("grøn")
        await flow.assert_reply("Sundhedsaftalen: grøn")


async def test_values_come_back_as_they_were_written(storage: SqlStorage) -> None:
    value = {
        "when": datetime(2024, 3, 1, 9, 30, tzinfo=UTC),
        "day": date(2024, 3, 1),
        "pair": (1, "a"),
        "by_number": {1: "one"},
        "looks_tagged": {"$type": "os:system"},
        "style": ListStyle.hero_card,
        "activity": MessageFactory.text("hej æøå"),
        "options": PromptOptions(prompt=MessageFactory.text("Navn?"), number_of_attempts=2),
    }
    await storage.write({"item": value})

    stored = (await storage.read(["item"]))["item"]
    options, expected_options = stored.pop("options"), value.pop("options")
    del stored["e_tag"]
    assert value == stored
    assert PromptOptions is type(options)
    assert vars(expected_options) == vars(options)


async def test_a_store_item_comes_back_as_a_store_item_with_its_etag(storage: SqlStorage) -> None:
    await storage.write({"item": StoreItem(count=1, e_tag="*")})

    stored = (await storage.read(["item"]))["item"]
    assert StoreItem is type(stored)
    assert 1 == stored.count
    assert "*" != stored.e_tag


async def test_a_read_returns_a_copy(storage: SqlStorage) -> None:
    await storage.write({"item": {"count": 1}})

    (await storage.read(["item"]))["item"]["count"] = 2
    assert 1 == (await storage.read(["item"]))["item"]["count"]


async def test_long_keys_and_hash_like_keys_stay_apart(storage: SqlStorage) -> None:
    long_key = "msteams/conversations/" + "x" * 5000
    hash_like = bot_state.stored_key(long_key)
    await storage.write({long_key: {"n": 1}, hash_like: {"n": 2}})

    stored = await storage.read([long_key, hash_like])
    assert (1, 2) == (stored[long_key]["n"], stored[hash_like]["n"])
    await storage.delete([long_key])
    assert [hash_like] == list(await storage.read([long_key, hash_like]))


async def test_an_untrusted_type_is_neither_written_nor_rebuilt(database_url: str) -> None:
    class Local:
        pass

    engine = create_engine(database_url)
    await migrate(engine)
    storage = SqlStorage(session_factory(engine))
    try:
        with pytest.raises(TypeError, match="cannot hold"):
            await storage.write({"item": {"x": Local()}})
        assert {} == await storage.read(["item"])
        async with session_factory(engine)() as session, session.begin():
            await bot_state.write(session, "item", '{"$type":"os:system","$state":{}}', None)
        with pytest.raises(ValueError, match="may not rebuild"):
            await storage.read(["item"])
    finally:
        await engine.dispose()


async def test_an_oversized_document_is_refused(storage: SqlStorage) -> None:
    with pytest.raises(StateTooLarge):
        await storage.write({"item": {"text": "x" * (bot_state.MAX_DOCUMENT_BYTES + 1)}})
    assert {} == await storage.read(["item"])


def turn(adapter: TestAdapter) -> TurnContext:
    conversation = ConversationAccount(id="conversation-1")
    activity = Activity(type="message", channel_id="msteams", conversation=conversation)
    return TurnContext(adapter, activity)


def status_bot(storage: SqlStorage) -> TestAdapter:
    conversation = ConversationState(storage)
    dialogs = DialogSet(conversation.create_property("dialog_state"))
    dialogs.add(TextPrompt("text"))
    dialogs.add(WaterfallDialog("status", [ask_item, ask_status, confirm]))

    async def on_turn(context: TurnContext) -> None:
        dialog_context = await dialogs.create_context(context)
        result = await dialog_context.continue_dialog()
        if DialogTurnStatus.Empty == result.status:
            await dialog_context.begin_dialog("status")
        await conversation.save_changes(context)

    return TestAdapter(on_turn)


async def ask_item(step: WaterfallStepContext) -> Any:
    return await step.prompt("text", PromptOptions(prompt=MessageFactory.text("Hvilken aftale?")))


async def ask_status(step: WaterfallStepContext) -> Any:
    step.values["item"] = step.result
    question = MessageFactory.text(f"Status for {step.result}?")
    return await step.prompt("text", PromptOptions(prompt=question))


async def confirm(step: WaterfallStepContext) -> Any:
    await step.context.send_activity(f"{step.values['item']}: {step.result}")
    return await step.end_dialog()
