"""KlyngeState (bot/state.py) saves exactly when botbuilder's ConversationState would: an
unchanged state is not written, a changed one is, a cleared one is; and it tells changes
apart without jsonpickle."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from botbuilder.core import ConversationState, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogSet, DialogState, WaterfallDialog, WaterfallStepContext
from botbuilder.schema import Activity, ConversationAccount
from jsonpickle import pickler

from bot.state import KlyngeState
from bot.storage import SqlStorage
from knowledge.core.db import create_engine, migrate, session_factory


class CountingStorage(SqlStorage):
    writes: int = 0

    async def write(self, changes: Any) -> None:
        self.writes += 1
        await super().write(changes)


@pytest.fixture
async def storage(database_url: str) -> AsyncIterator[CountingStorage]:
    engine = create_engine(database_url)
    await migrate(engine)
    yield CountingStorage(session_factory(engine))
    await engine.dispose()


def turn() -> TurnContext:
    conversation = ConversationAccount(id="conversation-1")
    activity = Activity(type="message", channel_id="msteams", conversation=conversation)
    return TurnContext(TestAdapter(), activity)


async def _one_turn(state: ConversationState, change: Any = None) -> Any:
    context = turn()
    count = state.create_property("count")
    dialog_state = state.create_property("dialog_state")
    await dialog_state.get(context, DialogState)  # an object, as the dialogs keep
    value = await count.get(context, lambda: 0)
    if change is not None:
        await count.set(context, change(value))
    await state.save_changes(context)
    return value


@pytest.mark.parametrize("kind", [ConversationState, KlyngeState])
async def test_a_state_is_written_when_it_changed_and_only_then(
    storage: CountingStorage, kind: type[ConversationState]
) -> None:
    state = kind(storage)
    await _one_turn(state, lambda n: n + 1)  # new state: written
    assert 1 == storage.writes
    await _one_turn(state)  # read, nothing changed
    await _one_turn(state)
    assert 1 == storage.writes
    assert 1 == await _one_turn(state, lambda n: n + 1)
    assert 2 == storage.writes
    assert 2 == await _one_turn(state)


@pytest.mark.parametrize("kind", [ConversationState, KlyngeState])
async def test_a_cleared_state_is_written(
    storage: CountingStorage, kind: type[ConversationState]
) -> None:
    state = kind(storage)
    await _one_turn(state, lambda n: 5)
    context = turn()
    await state.load(context)
    await state.clear_state(context)
    await state.save_changes(context)
    assert 2 == storage.writes
    assert 0 == await _one_turn(state)


async def test_the_change_check_does_not_use_jsonpickle(
    storage: CountingStorage, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("jsonpickle was used")

    monkeypatch.setattr(pickler.Pickler, "flatten", refuse)
    state = KlyngeState(storage)
    await _one_turn(state, lambda n: n + 1)
    await _one_turn(state)
    assert 1 == storage.writes


async def test_a_dialog_runs_on_klyngestate(storage: CountingStorage) -> None:
    state = KlyngeState(storage)
    dialogs = DialogSet(state.create_property("dialog_state"))

    async def ask(step: WaterfallStepContext) -> Any:
        await step.context.send_activity("Hvilken aftale?")
        return await step.end_dialog() if step.context.activity.text == "stop" else None

    async def answer(step: WaterfallStepContext) -> Any:
        await step.context.send_activity(f"Du skrev {step.context.activity.text}")
        return await step.end_dialog()

    dialogs.add(WaterfallDialog("ask", [ask, answer]))

    async def logic(context: TurnContext) -> None:
        dialog = await dialogs.create_context(context)
        result = await dialog.continue_dialog()
        if not result.status or result.status.name == "Empty":
            await dialog.begin_dialog("ask")
        await state.save_changes(context)

    adapter = TestAdapter(logic)
    flow = await adapter.send("hej")
    flow = await flow.assert_reply("Hvilken aftale?")
    flow = await flow.send("IV-aftalen")
    await flow.assert_reply("Du skrev IV-aftalen")
    assert 2 == storage.writes  # begun, ended
