"""Migrations go up and down on a database with a knowledge base in it, on SQLite and on
PostgreSQL: 0007 (revisions), after which forgetting a person works, and 0008 (documents
kept whole), after which the knowledge base exports as it did.

The knowledge base is restored at the newest revision (the models are the newest
schema's) and the database then taken down to the revision under test."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import Connection, inspect, text
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.answers import cache
from knowledge.core.clock import Clock
from knowledge.core.db import alembic_config, create_engine, migrate, session_factory
from knowledge.service import DEMO_FILE, KnowledgeService
from tests.factories import document, item, sectioned


async def _to(engine: AsyncEngine, revision: str, *, down: bool = False) -> None:
    def run(connection: Connection) -> None:
        step = command.downgrade if down else command.upgrade
        step(alembic_config(connection), revision)

    async with engine.begin() as connection:
        await connection.run_sync(run)


async def _state(engine: AsyncEngine) -> tuple[str, bool, int]:
    """The schema version, whether `revisions` exists, and how many items there are."""
    async with engine.connect() as connection:
        version = await connection.scalar(text("SELECT version_num FROM alembic_version"))
        tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
        items = await connection.scalar(text("SELECT count(*) FROM items"))
    return str(version), "revisions" in tables, int(items or 0)


async def test_0007_goes_up_and_down_keeping_the_knowledge_base(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await migrate(engine)
        kb = KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1)))
        await kb.restore(DEMO_FILE)
        await _to(engine, "0006", down=True)
        at_0006 = await _state(engine)

        await _to(engine, "0007")
        at_0007 = await _state(engine)
        await _to(engine, "0006", down=True)
        down_again = await _state(engine)
        await migrate(engine)
        async with session_factory(engine)() as session:
            before = await cache.generation(session)
        await kb.forget_user("aad-nobody")
        async with session_factory(engine)() as session:
            after = await cache.generation(session)
    finally:
        await engine.dispose()

    items = at_0006[2]
    assert items > 0
    assert ("0006", False) == at_0006[:2]
    assert ("0007", True, items) == at_0007
    assert ("0006", False, items) == down_again
    assert before != after


NEW_TABLES = {"sections", "item_dates", "bodies", "members"}


async def _tables(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return set(await connection.run_sync(lambda sync: inspect(sync).get_table_names()))


async def test_0008_goes_up_and_down_keeping_the_knowledge_base(database_url: str) -> None:
    engine = create_engine(database_url)
    text = "# Aftaler\nOm fodpleje.\n"
    parsed = document(item(), file="plan.md", sections=sectioned(text), format="markdown")
    try:
        await migrate(engine)
        kb = KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1)))
        await kb.restore(DEMO_FILE)
        await kb.apply_parsed([(parsed, "sha-plan", text)])
        before = await kb.export()

        await _to(engine, "0007", down=True)
        at_0007 = await _tables(engine)
        await migrate(engine)
        after = await kb.export()
        await kb.apply_parsed([(parsed, "sha-plan", text)])
        again = await kb.export()
    finally:
        await engine.dispose()

    assert set() == NEW_TABLES & at_0007
    assert {"documents", "items", "meetings"} <= at_0007
    kept = ("agreements", "initiatives", "meetings")
    assert [before[key] for key in kept] == [after[key] for key in kept]
    [document_row] = after["documents"]
    assert ("sha-plan", "text", None, []) == (
        document_row["sha256"],
        document_row["format"],
        document_row["text"],
        document_row["sections"],
    ), "the row stays; what 0008 added to it is gone"
    assert after == again, "the same bytes again are known: nothing is added"
