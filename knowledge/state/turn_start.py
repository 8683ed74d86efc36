"""What every turn reads before it starts, in one statement.

A turn needs three things from the database before it can answer: the conversation's row
(what the chat said about itself, and the reference last stored for proactive messages),
its bot state document (is a dialog waiting for an answer?) and the knowledge base's
generation (is the question snapshot still current?). Read one by one they are three
round trips, each a connection checkout and, on SQLite, a hop to aiosqlite's thread;
read here they are one: a one-row select with the generation's subqueries, left-joined to
the conversation's row and to its state row by their keys. On a SQLite file the read runs
on the event loop through a plain sqlite3 connection (`InlineReader`), with the pooled
async path as the fallback.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, literal, select
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from knowledge.answers.cache import GENERATION_COLUMNS, Generation
from knowledge.core.chat import ChatScope
from knowledge.core.models import Conversation, StateDocument
from knowledge.state.bot_state import StoredState, stored_key
from knowledge.state.conversations import Seen


@dataclass(frozen=True)
class TurnStart:
    seen: Seen | None  # None: the bot has not met this conversation before
    generation: Generation
    state: StoredState | None  # None: the conversation has no state document


_ONE_ROW = select(literal(1).label("one")).subquery()
_READ = select(
    *GENERATION_COLUMNS,
    Conversation.id,
    Conversation.scope_region,
    Conversation.scope_cluster,
    Conversation.active,
    Conversation.reference,
    Conversation.last_seen_at,
    StateDocument.document,
    StateDocument.etag,
).select_from(
    _ONE_ROW.outerjoin(
        Conversation, Conversation.conversation_id == bindparam("conversation_id")
    ).outerjoin(StateDocument, StateDocument.key == bindparam("state_key"))
)


async def read(
    session: AsyncSession | AsyncConnection, conversation_id: str, state_key: str
) -> TurnStart:
    return _start((await session.execute(_READ, _parameters(conversation_id, state_key))).one())


class InlineReader:
    """`read` on a plain sqlite3 connection (`knowledge.core.db.open_inline`), on the event loop:
    the statement is compiled once, and the three typed columns are decoded as SQLAlchemy's
    SQLite dialect stores them (JSON text, 0/1, ISO date-time text)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        compiled = _READ.compile(dialect=sqlite.dialect())
        self._sql = str(compiled)
        self._names = tuple(compiled.positiontup or ())
        self._fixed = dict(compiled.params)
        self._connection = connection

    def read(self, conversation_id: str, state_key: str) -> TurnStart:
        values = self._fixed | _parameters(conversation_id, state_key)
        row = self._connection.execute(self._sql, [values[name] for name in self._names]).fetchone()
        size = len(GENERATION_COLUMNS)
        row_id, region, cluster, active, reference, last_seen_at, document, etag = row[size:]
        return _start(
            (
                *row[:size],
                row_id,
                region,
                cluster,
                None if active is None else bool(active),
                None if reference is None else json.loads(reference),
                None if last_seen_at is None else datetime.fromisoformat(last_seen_at),
                document,
                etag,
            )
        )

    def close(self) -> None:
        self._connection.close()


def _parameters(conversation_id: str, state_key: str) -> dict[str, str]:
    return {"conversation_id": conversation_id, "state_key": stored_key(state_key)}


def _start(row: Any) -> TurnStart:  # one Row of _READ
    size = len(GENERATION_COLUMNS)
    generation = tuple(row[:size])
    row_id, region, cluster, active, reference, last_seen_at, document, etag = row[size:]
    seen = None
    if row_id is not None:
        seen = Seen(
            ChatScope(region=region, cluster=cluster), bool(active), reference, last_seen_at
        )
    state = StoredState(document, etag) if etag is not None else None
    return TurnStart(seen, generation, state)
