"""The schema: migrations match the models, run twice harmlessly, and race safely."""

from __future__ import annotations

import asyncio

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text

from knowledge.core.db import alembic_config, create_engine, migrate, normalise_url
from knowledge.core.models import Base


def _head() -> str:
    return str(ScriptDirectory.from_config(alembic_config()).get_current_head())


def _differences(connection: Connection) -> list[object]:
    return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


async def test_migrations_build_exactly_the_models(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        await migrate(engine)
        async with engine.connect() as connection:
            assert [] == await connection.run_sync(_differences)
    finally:
        await engine.dispose()


async def test_two_instances_migrating_at_once_both_succeed(database_url: str) -> None:
    engines = [create_engine(database_url) for _ in range(2)]
    try:
        if engines[0].dialect.name == "sqlite":
            # One SQLite file has one writer; instances share PostgreSQL, not SQLite.
            for engine in engines:
                await migrate(engine)
        else:
            await asyncio.gather(*(migrate(engine) for engine in engines))
        async with engines[0].connect() as connection:
            version = await connection.scalar(text("SELECT version_num FROM alembic_version"))
        assert _head() == version
    finally:
        for engine in engines:
            await engine.dispose()


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///kb.db", "sqlite+aiosqlite:///kb.db"),
        ("sqlite+aiosqlite:///kb.db", "sqlite+aiosqlite:///kb.db"),
        ("postgresql://u:p@h/db", "postgresql+asyncpg://u:p@h/db"),
        ("postgres://u:p@h/db", "postgresql+asyncpg://u:p@h/db"),
        ("postgresql+asyncpg://u:p@h:5433/db", "postgresql+asyncpg://u:p@h:5433/db"),
    ],
)
def test_database_urls_get_async_drivers(given: str, expected: str) -> None:
    assert expected == normalise_url(given)


def test_other_databases_are_refused() -> None:
    with pytest.raises(ValueError, match="SQLite or PostgreSQL"):
        normalise_url("mysql://u:p@h/db")
