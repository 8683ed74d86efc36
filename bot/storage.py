"""Bot state in the database: botbuilder's `Storage` over `knowledge.state.bot_state`.

ConversationState and UserState keep their documents in the `bot_state` table, so a
restart or a second instance continues a waterfall at the step where it stopped, and two
turns racing on one conversation are caught by the e_tag instead of one silently losing
the other's changes. Each `read`, `write` and `delete` is one transaction; a `write` of
several keys stores all of them or none.

e_tags travel as botbuilder's Azure stores carry them: the "e_tag" key of a dict, or the
`e_tag` attribute of a StoreItem. They are not part of the stored document; a read puts
the current one back, a write with a stale one raises `knowledge.core.errors.StateConflict`
(its message contains "Etag conflict", which botbuilder's TeamsSSOTokenExchangeMiddleware
treats as a duplicate). Callers catch StateConflict, re-read and retry, or ask the user to
resend. The caller's item keeps the e_tag it had: as in the .NET storage tests, writing
it a second time is a conflict, so a turn saves its state once (or reloads before saving
again).

Documents are plain JSON. State holds objects (DialogState, DialogInstance, PromptOptions,
Activity, ...), which are written as {"$type": "module:Class", "$state": {attributes}} and
rebuilt on read without running their constructors. Only classes defined in TRUSTED
packages are written or rebuilt: unlike the jsonpickle the Azure stores use, nothing in
the database can make a read call arbitrary code.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import json
from collections.abc import AsyncIterator, Callable, Iterable, Iterator, Mapping
from contextlib import AbstractAsyncContextManager
from contextvars import ContextVar
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from botbuilder.core import Storage
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from knowledge.state import bot_state

E_TAG = "e_tag"
TYPE = "$type"
TRUSTED = frozenset({"botbuilder", "botframework", "dialogs", "knowledge"})
TEMPORAL: dict[str, type[date | time]] = {"datetime": datetime, "date": date, "time": time}


# Documents a turn has already read (knowledge.state.turn_start reads the conversation's state
# with the rest of what a turn needs, in one statement). A read of exactly those keys is
# answered from here, once; a write or delete of a key drops it.
_PREFETCHED: ContextVar[dict[str, bot_state.StoredState | None] | None] = ContextVar(
    "klyngebot_prefetched_state", default=None
)


@contextlib.contextmanager
def prefetched(documents: Mapping[str, bot_state.StoredState | None]) -> Iterator[None]:
    """Within the block, reads of these keys get these documents (None: no document)."""
    token = _PREFETCHED.set(dict(documents))
    try:
        yield
    finally:
        _PREFETCHED.reset(token)


def _take_prefetched(keys: list[str]) -> dict[str, bot_state.StoredState] | None:
    documents = _PREFETCHED.get()
    if not documents or not keys or any(key not in documents for key in keys):
        return None
    taken = {key: documents.pop(key) for key in keys}
    return {key: stored for key, stored in taken.items() if stored is not None}


def _forget_prefetched(keys: Iterable[str]) -> None:
    documents = _PREFETCHED.get()
    if documents:
        for key in keys:
            documents.pop(key, None)


class SqlStorage(Storage):  # type: ignore[misc]
    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        super().__init__()
        self._sessions = sessions
        self._sqlite_writer = asyncio.Lock()
        self._locked = _LockedOut()

    async def read(self, keys: Iterable[str] | None) -> dict[str, Any]:
        if keys is None:
            raise ValueError("Keys are required when reading")
        keys = list(keys)
        rows = _take_prefetched(keys)
        if rows is None:
            async with self._sessions() as session:
                rows = await bot_state.read(session, keys)
        return {key: _item(row.document, row.etag) for key, row in rows.items()}

    async def write(self, changes: Mapping[str, Any] | None) -> None:
        if changes is None:
            raise ValueError("Changes are required when writing")
        if not changes:
            return
        # Encode everything first: an item that cannot be stored stops the write untouched.
        documents = {key: (_document(item), _etag_of(item)) for key, item in changes.items()}
        _forget_prefetched(documents)
        async with self._sessions() as session, self._transaction(session):
            for key, (document, etag) in documents.items():
                await bot_state.write(session, key, document, etag)

    async def delete(self, keys: Iterable[str] | None) -> None:
        if keys is None:
            raise ValueError("Keys are required when deleting")
        keys = list(keys)
        _forget_prefetched(keys)
        async with self._sessions() as session, self._transaction(session):
            await bot_state.delete(session, keys)

    @contextlib.asynccontextmanager
    async def _transaction(self, session: AsyncSession) -> AsyncIterator[None]:
        # SQLite has one writer at a time, and its busy handler is not fair: with many
        # writers waiting, one can starve past busy_timeout ("database is locked", seen
        # with 200 racing writers). So this process's writers queue here in order, each
        # holding its pooled connection while it waits, as it would inside SQLite (which
        # keeps readers from running far ahead of the queue). Other processes still wait
        # on SQLite's own lock; the e_tag condition in the database decides either way.
        sqlite = "sqlite" == session.get_bind().dialect.name
        turn: AbstractAsyncContextManager[object] = (
            self._sqlite_writer if sqlite else contextlib.nullcontext()
        )
        await session.connection()
        queued = self._locked.failures
        async with turn:
            if sqlite:
                self._locked.check(queued)
            try:
                yield
            except BaseException as error:
                await session.rollback()
                self._locked.note(error)
                raise
            await session.commit()


class _LockedOut:
    """Whether SQLite's write lock was held by another process while a writer queued.

    A writer that waited LOCK_WAIT for the lock and failed ("database is locked") was
    behind another process's writer (a CLI import, a stuck connection). The writers that
    queued behind it in this process would each wait LOCK_WAIT again, one after the
    other: a turn 8th in the queue 16 s, past Teams' 15 s, which then redelivers the turn
    still waiting. So a writer that finds such a failure happened while it queued fails
    at once (TimeoutError, transient: its turn answers 503); one that queues afterwards
    tries the lock again."""

    def __init__(self) -> None:
        self.failures = 0  # "database is locked" so far

    def check(self, queued: int) -> None:
        if self.failures != queued:
            raise TimeoutError("the database was locked by another writer meanwhile")

    def note(self, error: BaseException) -> None:
        if isinstance(error, OperationalError) and "locked" in str(error.orig):
            self.failures += 1


def _etag_of(item: Any) -> str | None:
    etag = item.get(E_TAG) if isinstance(item, dict) else getattr(item, E_TAG, None)
    return None if etag is None else str(etag)


def state_document(item: Any) -> str:
    """The JSON text an item is stored as (without its e_tag)."""
    return _document(item)


def _document(item: Any) -> str:
    if isinstance(item, dict):
        item = {key: value for key, value in item.items() if key != E_TAG}
    encoded = _encode(item)
    if _is_object(encoded):
        encoded["$state"].pop(E_TAG, None)
    return json.dumps(encoded, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _item(document: str, etag: str) -> Any:
    encoded = json.loads(document)
    item = _decode(encoded)
    if isinstance(item, dict):
        item[E_TAG] = etag
    elif _is_object(encoded):
        setattr(item, E_TAG, etag)
    return item


def _is_object(encoded: Any) -> bool:
    return isinstance(encoded, dict) and TYPE in encoded and "$state" in encoded


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return {TYPE: _class_name(type(value)), "$value": _encode(value.value)}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list):
        return [_encode(element) for element in value]
    if isinstance(value, tuple):
        return {TYPE: "tuple", "$value": [_encode(element) for element in value]}
    if isinstance(value, dict):
        return _encode_dict(value)
    if type(value) in TEMPORAL.values():
        return {TYPE: type(value).__name__, "$value": value.isoformat()}
    return {TYPE: _class_name(type(value)), "$state": _encode_dict(_attributes(value))}


def _encode_dict(value: dict[Any, Any]) -> dict[str, Any]:
    if TYPE not in value and all(isinstance(key, str) for key in value):
        return {key: _encode(element) for key, element in value.items()}
    # Keys JSON cannot hold as they are ("$type", numbers, tuples) go as a list of pairs.
    return {TYPE: "dict", "$items": [[_encode(k), _encode(v)] for k, v in value.items()]}


def _attributes(value: object) -> dict[str, Any]:
    try:
        return dict(vars(value))
    except TypeError:
        raise TypeError(f"bot state cannot hold {type(value).__name__} (no __dict__)") from None


def _class_name(cls: type) -> str:
    module = cls.__module__
    if module.partition(".")[0] not in TRUSTED or "." in cls.__qualname__:
        raise TypeError(
            f"bot state cannot hold {module}.{cls.__qualname__}: only JSON values, dates and "
            f"top-level classes of {', '.join(sorted(TRUSTED))}"
        )
    return f"{module}:{cls.__qualname__}"


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(element) for element in value]
    if not isinstance(value, dict):
        return value
    tag = value.get(TYPE)
    if tag is None:
        return {key: _decode(element) for key, element in value.items()}
    decoder = DECODERS.get(tag)
    return decoder(value) if decoder else _decode_object(tag, value)


def _decode_pairs(value: dict[str, Any]) -> dict[Any, Any]:
    return {_decode(key): _decode(element) for key, element in value["$items"]}


def _decode_object(tag: str, value: dict[str, Any]) -> Any:
    cls = _trusted_class(tag)
    if issubclass(cls, Enum):
        return cls(_decode(value["$value"]))
    instance = cls.__new__(cls)
    instance.__dict__.update(_decode(value["$state"]))
    return instance


def _trusted_class(tag: str) -> type:
    module_name, _, name = tag.partition(":")
    cls = None
    if module_name.partition(".")[0] in TRUSTED:
        with contextlib.suppress(ImportError):
            cls = getattr(importlib.import_module(module_name), name, None)
    if not isinstance(cls, type) or (cls.__module__, cls.__qualname__) != (module_name, name):
        raise ValueError(f"bot state names a type it may not rebuild: {tag!r}")
    return cls


def _decode_tuple(value: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(_decode(element) for element in value["$value"])


def _decode_temporal(value: dict[str, Any]) -> date | time:
    return TEMPORAL[value[TYPE]].fromisoformat(value["$value"])


DECODERS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "dict": _decode_pairs,
    "tuple": _decode_tuple,
    **dict.fromkeys(TEMPORAL, _decode_temporal),
}
