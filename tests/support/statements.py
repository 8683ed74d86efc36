"""The SQL statements an engine runs, recorded while a block runs (to count reads and writes).

A SQLAlchemy `before_cursor_execute` listener on the engine: every statement sent to the
database, on SQLite and on PostgreSQL alike, whitespace folded, identifier quotes dropped
(SQLite quotes a column named "key") and in lower case.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine


@dataclass
class Statements:
    sent: list[str] = field(default_factory=list)

    def _record(self, *args: Any) -> None:
        statement = args[2]
        self.sent.append(" ".join(statement.replace('"', "").split()).lower())

    def containing(self, *parts: str) -> list[str]:
        """The statements that contain every one of `parts` (lower case)."""
        return [sql for sql in self.sent if all(part in sql for part in parts)]

    def writes_to(self, table: str) -> list[str]:
        starts = (f"insert into {table} ", f"update {table} ", f"delete from {table} ")
        return [sql for sql in self.sent if sql.startswith(starts)]

    def clear(self) -> None:
        self.sent.clear()


@contextmanager
def recording(engine: AsyncEngine) -> Iterator[Statements]:
    statements = Statements()
    event.listen(engine.sync_engine, "before_cursor_execute", statements._record)
    try:
        yield statements
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", statements._record)
