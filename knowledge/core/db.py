"""The database: URL handling, the async engine, sessions and migrations.

SQLite (aiosqlite) is the embedded default; PostgreSQL (asyncpg) is for several bot
instances sharing one database. The schema is Alembic's: `migrate` brings any database
to the newest revision at start, under an advisory lock on PostgreSQL so that two
instances starting together do not both try.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

MIGRATIONS = Path(__file__).with_name("migrations")
DEFAULT_URL = "sqlite+aiosqlite:///klyngebot.db"
# Any constant shared by all instances; it names "the Klyngebot schema migration" lock.
MIGRATION_LOCK_KEY = 0x6B6C796E6765
# "The Klyngebot knowledge restore" lock: instances starting together load the demo once.
RESTORE_LOCK_KEY = MIGRATION_LOCK_KEY + 1


def normalise_url(url: str) -> str:
    """Accept the URLs people paste: sqlite:///x.db and postgresql://... get async drivers."""
    parsed = make_url(url)
    drivers = {
        "sqlite": "sqlite+aiosqlite",
        "postgresql": "postgresql+asyncpg",
        "postgres": "postgresql+asyncpg",
    }
    backend = parsed.drivername.split("+")[0]
    if backend not in drivers:
        raise ValueError(f"DATABASE_URL must be SQLite or PostgreSQL, not {parsed.drivername!r}")
    return parsed.set(drivername=drivers[backend]).render_as_string(hide_password=False)


# How long a statement waits for a lock (SQLite's write lock, a PostgreSQL row, table or
# advisory lock) before it gives up with a transient error, which a turn answers 503:
# Teams waits 15 s for a turn and then delivers it again, so a turn that cannot get the
# database in 2 s says so rather than wait into the redelivery. Start-up work (migrations,
# the demo restore) waits as long as it takes.
LOCK_WAIT = 2.0
# How long a checkout waits for a pooled connection when all are in use: a burst queues
# rather than fails, but not past Teams' 15 s.
POOL_WAIT = 10.0


def _sqlite_pragmas(dbapi_connection: object, _record: object) -> None:
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={int(LOCK_WAIT * 1000)}")
    cursor.close()


# Connections kept open: enough for the turns one instance runs at once. With SQLAlchemy's
# default of 5, a sixth concurrent turn opens a connection (on SQLite a new aiosqlite
# thread, on PostgreSQL a login) and closes it again afterwards, on every busy second.
# Two instances on PostgreSQL's default max_connections (100) stay within 2 x 40.
POOL_SIZE = 20
POOL_OVERFLOW = 20


def create_engine(url: str) -> AsyncEngine:
    url = normalise_url(url)
    # A pooled PostgreSQL connection can be dead after a server restart: ping it before use
    # (one round trip per checkout). A SQLite connection is a file handle that does not go
    # stale, and the ping would be one more hop to aiosqlite's thread on every query.
    sqlite = url.startswith("sqlite")
    pool: dict[str, Any] = {
        "pool_size": POOL_SIZE,
        "max_overflow": POOL_OVERFLOW,
        "pool_timeout": POOL_WAIT,
    }
    if make_url(url).database in (None, "", ":memory:"):
        pool = {}  # one connection for all: SQLAlchemy's StaticPool
    if not sqlite:
        lock_timeout = str(int(LOCK_WAIT * 1000))
        pool["connect_args"] = {"server_settings": {"lock_timeout": lock_timeout}}
    engine = create_async_engine(url, pool_pre_ping=not sqlite, **pool)
    if sqlite:
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


# How long an inline read waits for a lock before the pooled path takes over. In WAL mode
# readers do not wait for writers; only rare recovery work makes them.
INLINE_BUSY_TIMEOUT = 0.02


def open_inline(engine: AsyncEngine) -> sqlite3.Connection | None:
    """For a SQLite file: a plain sqlite3 connection to the same file, for the one small
    read every turn makes (knowledge/state/turn_start.py), run on the event loop itself.

    Through aiosqlite that read is four hand-offs to the connection's thread and back
    (cursor, execute, fetch, rollback) and SQLAlchemy's per-execution work: about 0.3 ms
    of CPU and a GIL round trip, against some 0.03 ms for the read itself. The file is
    opened read-write but never created (a missing file is an error, not a new empty
    database), in autocommit mode (each read sees the newest commit), and a lock is
    waited for at most INLINE_BUSY_TIMEOUT; callers fall back to the pooled path on any
    error. None for PostgreSQL and in-memory SQLite."""
    url = engine.url
    if engine.dialect.name != "sqlite" or not url.database or url.database == ":memory:":
        return None
    path = Path(url.database).resolve()
    try:
        return sqlite3.connect(
            f"file:{quote(str(path))}?mode=rw",
            uri=True,
            timeout=INLINE_BUSY_TIMEOUT,
            isolation_level=None,
            check_same_thread=False,  # used by whichever thread runs the event loop
        )
    except sqlite3.Error:
        return None


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        # Held until this transaction ends: a second instance waits, then finds nothing to do.
        connection.execute(text("SET LOCAL lock_timeout = 0"))  # as long as migrating takes
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    command.upgrade(alembic_config(connection), "head")


async def hold_lock(session: AsyncSession, key: int) -> None:
    """Until the session's transaction ends, other instances wait here (PostgreSQL; SQLite
    serves one instance, whose writers its own lock already orders)."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SET LOCAL lock_timeout = 0"))  # start-up work: no limit
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


async def check_writable(engine: AsyncEngine) -> None:
    """Raise unless a write can be made within LOCK_WAIT: a no-op update, rolled back,
    takes SQLite's write lock and a PostgreSQL row lock as any write would."""
    async with engine.connect() as connection:
        try:
            await connection.execute(text("UPDATE alembic_version SET version_num = version_num"))
        finally:
            await connection.rollback()


async def migrate(engine: AsyncEngine) -> None:
    """Bring the database to the newest schema (idempotent, safe for concurrent starts)."""
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)


# PostgreSQL's lock_not_available (lock_timeout ran out) and query_canceled.
_WAITED_TOO_LONG = frozenset({"55P03", "57014"})


def is_transient(error: BaseException) -> bool:
    """A database error that may pass: the server is down, restarting or unreachable, or
    a lock was not to be had within LOCK_WAIT (a pooled connection within POOL_WAIT)."""
    from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    if isinstance(
        error, OperationalError | InterfaceError | ConnectionError | TimeoutError | PoolTimeout
    ):
        return True
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    if getattr(getattr(error, "orig", None), "sqlstate", None) in _WAITED_TOO_LONG:
        return True
    cause = error.__cause__ or error.__context__
    return isinstance(cause, ConnectionError | OSError) and not isinstance(error, ValueError)
