"""Shared fixtures: a fresh, migrated database per test, on SQLite and on PostgreSQL.

PostgreSQL runs when KLYNGEBOT_TEST_POSTGRES_URL names a server (scripts/postgres.sh
prints one; .ci/run sets it). Without it those variants skip, except under CI=true,
where a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.service import KnowledgeService

pytest_plugins = ["tests.support.bot"]

POSTGRES_URL = os.environ.get("KLYNGEBOT_TEST_POSTGRES_URL", "")
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def _plain_dsn(url: str, database: str) -> str:
    parsed = make_url(url).set(drivername="postgresql", database=database)
    return parsed.render_as_string(hide_password=False)


async def fresh_postgres_database() -> str:
    name = f"test_{uuid.uuid4().hex[:12]}"
    connection = await asyncpg.connect(_plain_dsn(POSTGRES_URL, "postgres"))
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)


async def drop_postgres_database(url: str) -> None:
    name = make_url(url).database
    connection = await asyncpg.connect(_plain_dsn(POSTGRES_URL, "postgres"))
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


def require_postgres() -> None:
    if POSTGRES_URL:
        return
    if os.environ.get("CI") == "true":
        pytest.fail("CI=true but KLYNGEBOT_TEST_POSTGRES_URL is not set (.ci/run starts it)")
    pytest.skip("no PostgreSQL: run scripts/postgres.sh and set KLYNGEBOT_TEST_POSTGRES_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'kb.db'}"
        return
    require_postgres()
    url = await fresh_postgres_database()
    try:
        yield url
    finally:
        await drop_postgres_database(url)


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    """A fresh PostgreSQL database of its own, dropped afterwards (for bot processes)."""
    require_postgres()
    url = await fresh_postgres_database()
    try:
        yield url
    finally:
        await drop_postgres_database(url)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'kb.db'}"


@pytest.fixture
async def service(database_url: str) -> AsyncIterator[KnowledgeService]:
    engine = create_engine(database_url)
    await migrate(engine)
    yield KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1)))
    await engine.dispose()


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds is not present (looked in {SEEDS}); seed tests need it")
    return SEEDS
