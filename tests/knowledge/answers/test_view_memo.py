"""Item views are kept per generation of the knowledge base (knowledge/answers/lookup.py,
knowledge/answers/cache.py): an item asked about again is not read again, yet a new status, and
a forgotten person, show in the very next answer, also when another process (its own
cache) made the change; while the snapshot is older than the database, nothing is kept.
On SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from knowledge.answers import cache
from knowledge.answers.kinds import ItemAnswer, ListAnswer, StatusView
from knowledge.answers.snapshot import Snapshot
from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.service import DEMO_FILE, KnowledgeService
from knowledge.updates.contract import ANONYMOUS_AUTHOR, Author, UpdateRequest
from tests import factories
from tests.support.statements import recording

RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"
QUESTION = "hvad er status på samarbejdsaftale om rygestop?"
PAUSED = "hvilke aftaler er sat på pause?"
ANNE = Author("aad-anne", "Anne Jensen")
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
ITEM_READ = "from items where items.slug in"
HISTORY_READ = "from status_entries where status_entries.item_id in"


@dataclass
class World:
    url: str
    engine: AsyncEngine
    kb: KnowledgeService

    async def status(self, *, from_turn: bool = False) -> StatusView:
        """The status the answer to QUESTION shows; `from_turn` asks as the handler does,
        with the generation the turn read when it started."""
        generation = None
        if from_turn:
            generation = (await self.kb.turn_start("a:memo-chat", "memo-state")).generation
        answer = await self.kb.ask(QUESTION, generation=generation)
        assert isinstance(answer, ItemAnswer), answer
        assert answer.item.status is not None
        return answer.item.status

    async def anne_sets(self, category: str, key: str = "memo-1") -> None:
        current = await self.kb.current_status(RYGESTOP)
        request = UpdateRequest(
            RYGESTOP, category, "Fra chatten.", ANNE, key, current.current_entry_id, "c", "a"
        )
        await self.kb.update_status(request)


@pytest.fixture
async def world(database_url: str) -> AsyncIterator[World]:
    engine = create_engine(database_url)
    await migrate(engine)
    kb = KnowledgeService(session_factory(engine), Clock(utc_now=lambda: NOW))
    await kb.restore(DEMO_FILE)
    yield World(database_url, engine, kb)
    await engine.dispose()


@asynccontextmanager
async def another_process(url: str) -> AsyncIterator[KnowledgeService]:
    """A second KnowledgeService on the same database, with its own engine and snapshot
    cache, as `python app.py forget-user` in another process has."""
    engine = create_engine(url)
    try:
        yield KnowledgeService(session_factory(engine), Clock(utc_now=lambda: NOW))
    finally:
        await engine.dispose()


@pytest.mark.parametrize("from_turn", [False, True], ids=["ask", "turn"])
async def test_the_same_status_twice_reads_the_item_once(world: World, from_turn: bool) -> None:
    with recording(world.engine) as statements:
        first = await world.status(from_turn=from_turn)
        second = await world.status(from_turn=from_turn)

    assert first == second
    assert 1 == len(statements.containing(ITEM_READ))
    assert 1 == len(statements.containing(HISTORY_READ))


async def test_a_list_reads_its_items_once(world: World) -> None:
    await world.anne_sets("paused")

    with recording(world.engine) as statements:
        first = await world.kb.ask(PAUSED)
        second = await world.kb.ask(PAUSED)

    assert isinstance(first, ListAnswer)
    assert RYGESTOP in [view.id for view in first.items]
    assert first == second
    assert 1 == len(statements.containing(ITEM_READ))


@pytest.mark.parametrize("from_turn", [False, True], ids=["ask", "turn"])
async def test_a_new_status_shows_in_the_next_answer(world: World, from_turn: bool) -> None:
    before = await world.status(from_turn=from_turn)
    await world.status(from_turn=from_turn)  # kept by now

    await world.anne_sets("paused")

    after = await world.status(from_turn=from_turn)
    assert "paused" != before.category
    assert ("paused", "Anne Jensen") == (after.category, after.author)


@pytest.mark.parametrize("from_turn", [False, True], ids=["ask", "turn"])
async def test_a_person_forgotten_here_is_gone_from_the_next_answer(
    world: World, from_turn: bool
) -> None:
    await world.anne_sets("paused")
    named = await world.status(from_turn=from_turn)
    await world.status(from_turn=from_turn)  # kept by now

    assert 1 == await world.kb.forget_user("aad-anne")

    assert "Anne Jensen" == named.author
    assert ANONYMOUS_AUTHOR == (await world.status(from_turn=from_turn)).author


@pytest.mark.parametrize("from_turn", [False, True], ids=["ask", "turn"])
async def test_a_person_forgotten_by_another_process_is_gone_from_the_next_answer(
    world: World, from_turn: bool
) -> None:
    await world.anne_sets("paused")
    named = await world.status(from_turn=from_turn)
    await world.status(from_turn=from_turn)  # kept by now

    async with another_process(world.url) as other:
        await other.ask(QUESTION)  # the other process has a cache of its own, too
        assert 1 == await other.forget_user("aad-anne")

    assert "Anne Jensen" == named.author
    assert ANONYMOUS_AUTHOR == (await world.status(from_turn=from_turn)).author


class HeldBuild:
    """Holds `knowledge.answers.cache.load` (the snapshot rebuild) until released: a rebuild
    in progress, for as long as the test needs one."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started = asyncio.Event()
        self.release = asyncio.Event()
        self._load = cache.load
        monkeypatch.setattr(cache, "load", self._held)

    async def _held(self, session: AsyncSession) -> Snapshot:
        self.started.set()
        await self.release.wait()
        return await self._load(session)


async def test_while_the_snapshot_is_older_than_the_database_nothing_is_kept(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    await world.anne_sets("paused")
    await world.status()  # Anne's entry is kept now
    async with another_process(world.url) as other:
        await other.forget_user("aad-anne")
    build = HeldBuild(monkeypatch)

    rebuilding = asyncio.create_task(world.status())
    await asyncio.wait_for(build.started.wait(), 10)
    with recording(world.engine) as statements:
        meanwhile = [await world.status(), await world.status()]
    build.release.set()
    rebuilt = await asyncio.wait_for(rebuilding, 10)

    assert [ANONYMOUS_AUTHOR, ANONYMOUS_AUTHOR] == [status.author for status in meanwhile]
    assert 2 == len(statements.containing(ITEM_READ))  # read each time, kept by neither
    assert ANONYMOUS_AUTHOR == rebuilt.author


async def test_the_cache_hands_out_no_memo_while_a_rebuild_is_under_way(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    sessions = session_factory(world.engine)
    snapshots = cache.SnapshotCache()
    async with sessions() as session:
        old, memo = await snapshots.fresh(session)
    assert memo is not None
    memo["kept"] = "a view of the old generation"
    await world.anne_sets("paused")  # the generation moves
    build = HeldBuild(monkeypatch)

    async def fresh() -> tuple[Snapshot, dict[str, object] | None]:
        async with sessions() as session:
            return await snapshots.fresh(session)

    rebuilding = asyncio.create_task(fresh())
    await asyncio.wait_for(build.started.wait(), 10)
    meanwhile = await fresh()
    build.release.set()
    new, new_memo = await asyncio.wait_for(rebuilding, 10)
    again = await fresh()

    assert (old, None) == meanwhile
    assert new is not old
    assert {} == new_memo
    assert (new, new_memo) == again
    assert again[1] is new_memo


class CountedBuilds:
    """Counts the snapshot builds (`knowledge.answers.cache.load`)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        self._load = cache.load
        monkeypatch.setattr(cache, "load", self._counted)

    async def _counted(self, session: AsyncSession) -> Snapshot:
        self.count += 1
        return await self._load(session)


async def test_a_turn_that_started_before_a_change_does_not_build_the_snapshot_again(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A turn reads the generation when it starts and asks a moment later; when the
    knowledge base changed in between and a later turn already built the new snapshot,
    the late turn's older generation must not count as a change once more (and make the
    turn after it build a third time)."""
    builds = CountedBuilds(monkeypatch)
    turn = world.kb.turn_start
    earlier = (await turn("a:memo-chat", "memo-state")).generation
    await world.kb.ask(QUESTION, generation=earlier)  # the first build
    await world.anne_sets("paused")
    later = (await turn("a:memo-chat", "memo-state")).generation

    await world.kb.ask(QUESTION, generation=later)  # the change: built again
    late = await world.kb.ask(QUESTION, generation=earlier)  # a turn that began before it
    await world.kb.ask(QUESTION, generation=later)

    assert isinstance(late, ItemAnswer)
    assert late.item.status is not None
    assert "paused" == late.item.status.category
    assert 2 == builds.count


async def test_the_same_document_imported_under_another_name_shows_its_new_source(
    database_url: str,
) -> None:
    # The same bytes again add no document row, yet add the new file to the item's
    # sources in place: the import records a revision, so the kept view is not shown.
    engine = create_engine(database_url)
    await migrate(engine)
    kb = KnowledgeService(session_factory(engine), Clock(utc_now=lambda: NOW))
    try:
        title = "Samarbejdsaftale om fodpleje"
        first = factories.document(factories.item(title, file="rapport.txt"), file="rapport.txt")
        await kb.apply_parsed([(first, "same-bytes")])
        asked = f"hvad er status på {title.lower()}?"
        before = await kb.ask(asked)
        assert isinstance(before, ItemAnswer)
        assert ["rapport.txt"] == [source.file for source in before.item.sources]

        again_item = factories.item(title, file="kopi.txt", statuses=())
        again = factories.document(again_item, file="kopi.txt")
        await kb.apply_parsed([(again, "same-bytes")])
        after = await kb.ask(asked)

        assert isinstance(after, ItemAnswer)
        assert ["rapport.txt", "kopi.txt"] == [source.file for source in after.item.sources]
    finally:
        await engine.dispose()
