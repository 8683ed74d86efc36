"""The knowledge base facade: the only door the CLI, the bot and the dialogs use.

Each public method is one unit of work with its own session and transaction, except
an import: it reads, parses and applies one file at a time, each file in a transaction
of its own together with what its changes owe subscribers. A file that cannot be read,
parsed or stored is refused (its report says why) and the others are imported. A dry
run applies every file in one transaction and rolls it back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import selectinload

from knowledge.answers import query
from knowledge.answers.cache import Generation, SnapshotCache
from knowledge.answers.kinds import Answer
from knowledge.core.chat import ChatScope
from knowledge.core.clock import Clock
from knowledge.core.db import RESTORE_LOCK_KEY, hold_lock, is_transient, open_inline
from knowledge.core.errors import DocumentError, RestoreError
from knowledge.core.history import newest_entry
from knowledge.core.models import Conversation, Item, Meeting
from knowledge.documents import exchange, sections
from knowledge.documents.changes import ImportReport
from knowledge.documents.importer import Importer, Incoming
from knowledge.documents.records import ParsedDocument
from knowledge.documents.sections import Passage
from knowledge.documents.shapes import parse_document
from knowledge.documents.sources import read_source
from knowledge.notify import calendar, outbox, subscriptions, triggers
from knowledge.notify.contract import (
    LEASE,
    CalendarLink,
    Due,
    OutboxLine,
    SendResult,
    SubscribeOutcome,
    Subscriber,
    SubscribeRequest,
    SubscriptionLine,
    TargetAmbiguous,
    TargetNotFound,
    Unsubscribed,
)
from knowledge.state import conversations, turn_start
from knowledge.state.conversations import ConversationKey, Seen
from knowledge.state.turn_start import TurnStart
from knowledge.updates import editors, status_updates
from knowledge.updates.contract import (
    CORRECTION_WINDOW,
    Author,
    Current,
    HistoryEntry,
    ItemSearch,
    Saved,
    UpdateOutcome,
    UpdateRequest,
)
from knowledge.updates.editors import EditorLine

DEMO_FILE = Path(__file__).with_name("demo") / "kb.json"
NO_SCOPE = ChatScope()
# A parsed document with its content hash, and its text when the caller has it.
Parsed = tuple[ParsedDocument, str] | tuple[ParsedDocument, str, str]


@dataclass(frozen=True)
class ItemLine:
    slug: str
    type: str
    title: str
    region: str | None
    cluster: str | None
    status: str  # category of the newest entry, "unknown" without history
    status_since: date | None


@dataclass(frozen=True)
class MeetingLine:
    slug: str
    body: str
    date: date
    date_precision: str
    state: str
    place: str | None


class KnowledgeService:
    def __init__(self, sessions: async_sessionmaker[AsyncSession], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock
        self._snapshots = SnapshotCache()
        self._engine: AsyncEngine = sessions.kw["bind"]
        inline = open_inline(self._engine)
        self._inline = turn_start.InlineReader(inline) if inline is not None else None

    def close(self) -> None:
        """Close the inline SQLite reader (the async engine is its owner's to dispose)."""
        if self._inline is not None:
            self._inline.close()

    async def import_documents(
        self, paths: Sequence[Path], *, dry_run: bool = False
    ) -> list[ImportReport]:
        """One report per file, in order; a refused file's report says why."""
        return await self._import_each((_read(path) for path in paths), dry_run)

    async def apply_parsed(
        self, parsed: Iterable[Parsed], *, dry_run: bool = False
    ) -> list[ImportReport]:
        """Apply already parsed documents (with their content hashes), each in its own
        transaction with what its changes owe subscribers (`knowledge.notify.triggers`).
        `parsed` is read one document at a time: a generator keeps one in memory."""
        return await self._import_each((Incoming(*entry) for entry in parsed), dry_run)

    async def _import_each(
        self, incoming: Iterable[Incoming | ImportReport], dry_run: bool
    ) -> list[ImportReport]:
        reports: list[ImportReport] = []
        async with self._sessions() as session:
            importer: Importer | None = None
            for entry in incoming:  # read lazily: one document in memory at a time
                if isinstance(entry, ImportReport):
                    reports.append(entry)
                    continue
                try:
                    importer = importer or await _importer(session, self._clock)
                    importer.now = self._clock.now()
                    reports.append(await _import_one(session, importer, entry, dry_run))
                except DBAPIError as error:
                    # What a file's content can make the database refuse (a value too long
                    # for its column, a duplicate key) refuses that file; a database that is
                    # down stops the import. The transaction is gone, and with it what the
                    # importer had loaded; in a dry run the files before this one too.
                    if is_transient(error):
                        raise
                    await session.rollback()
                    importer = None
                    reports.append(_not_stored(entry, error))
            await session.rollback()  # a dry run writes nothing; a real one has committed
        return reports

    async def passages(self) -> AsyncIterator[Passage]:
        """Every stored section with its document's file, date and currency, streamed in
        one query (`knowledge.documents.sections`): what a passage index is built from."""
        async with self._sessions() as session:
            async for passage in sections.passages(session):
                yield passage

    async def restore(self, path: Path, *, replace: bool = False) -> dict[str, int]:
        data = _read_json(path)
        async with self._sessions() as session, session.begin():
            await hold_lock(session, RESTORE_LOCK_KEY)
            if not await exchange.is_empty(session):
                if not replace:
                    raise RestoreError(
                        f"{path}: the knowledge base is not empty; use --replace to overwrite it"
                    )
                await exchange.clear(session)
            return await exchange.restore_knowledge(
                session, data, file=str(path), now=self._clock.now()
            )

    async def export(self) -> dict[str, Any]:
        async with self._sessions() as session:
            return await exchange.export_knowledge(session)

    async def is_empty(self) -> bool:
        async with self._sessions() as session:
            return await exchange.is_empty(session)

    async def load_demo(self) -> bool:
        """Fill an empty knowledge base with the shipped demo; False when it had content."""
        if not await self.is_empty():
            return False
        data = _read_json(DEMO_FILE)
        async with self._sessions() as session, session.begin():
            # Instances starting together on an empty database: the first loads, the rest
            # wait here and then find it filled.
            await hold_lock(session, RESTORE_LOCK_KEY)
            if not await exchange.is_empty(session):
                return False
            await exchange.restore_knowledge(
                session, data, file=str(DEMO_FILE), now=self._clock.now()
            )
        return True

    async def list_items(self, item_type: str) -> list[ItemLine]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(Item)
                .where(Item.type == item_type)
                .options(selectinload(Item.statuses))
                .order_by(Item.title)
            )
            return [_item_line(item) for item in rows]

    async def ask(
        self,
        question: str,
        *,
        lang_hint: str | None = None,
        scope: ChatScope = NO_SCOPE,
        offset: int = 0,
        generation: Generation | None = None,
    ) -> Answer:
        """Answer a question in Danish or English (`knowledge.answers.query`); `lang_hint` is the
        user's locale, `scope` what the chat said about itself ("vi er Midtklyngen"),
        `generation` the knowledge base's when the caller has just read it (`turn_start`)."""
        async with self._sessions() as session:
            snapshot, views = await self._snapshots.fresh(session, generation)
            return await query.ask(
                session,
                snapshot,
                question,
                lang_hint=lang_hint,
                scope=scope,
                today=self._clock.today(),
                offset=offset,
                views=views,
            )

    async def list_meetings(self) -> list[MeetingLine]:
        async with self._sessions() as session:
            rows = await session.scalars(select(Meeting).order_by(Meeting.date, Meeting.body))
            return [
                MeetingLine(m.slug, m.body, m.date, m.date_precision, m.state, m.place)
                for m in rows
            ]

    async def chat_scope(self, conversation_id: str) -> ChatScope:
        async with self._sessions() as session:
            return await conversations.scope_of(session, conversation_id)

    async def set_chat_scope(self, key: ConversationKey, scope: ChatScope) -> None:
        await self._retry_once_on_conflict(
            lambda session: conversations.set_scope(session, key, scope, self._clock.now())
        )

    async def deactivate_conversation(self, conversation_id: str, reason: str) -> bool:
        """The bot was removed: keep the row, cancel what was owed to it."""
        async with self._sessions() as session, session.begin():
            changed = await conversations.deactivate(session, conversation_id, reason)
            await outbox.cancel_for_conversation(session, conversation_id, self._clock.now())
            return changed

    async def turn_start(self, conversation_id: str, state_key: str) -> TurnStart:
        """What a turn reads before it starts (`knowledge.state.turn_start`), in one statement."""
        if self._inline is not None:
            try:
                return self._inline.read(conversation_id, state_key)
            except sqlite3.Error:  # locked, or the file is gone: the pooled path decides
                pass
        async with self._engine.connect() as connection:
            return await turn_start.read(connection, conversation_id, state_key)

    async def refresh_conversation(
        self, key: ConversationKey, reference: dict[str, Any], before: Seen | None
    ) -> None:
        """`remember_conversation`, unless `before` (what `seen` read when the turn
        started) shows nothing would change: a busy chat costs no write per message."""
        if conversations.needs_remembering(before, reference, self._clock.now()):
            await self.remember_conversation(key, reference)

    async def remember_conversation(self, key: ConversationKey, reference: dict[str, Any]) -> None:
        """Store (or refresh) where proactive messages for this conversation go; a
        conversation that comes back gets its reminders planned again."""
        returned = await self._retry_once_on_conflict(
            lambda session: conversations.remember(session, key, reference, self._clock.now())
        )
        if returned:
            await self.plan_notifications()

    async def conversation(self, conversation_id: str) -> Conversation | None:
        async with self._sessions() as session:
            return await conversations.reference_of(session, conversation_id)

    async def claim_welcome(self, key: ConversationKey) -> bool:
        """True the first time only: the bot welcomes each conversation once."""
        return bool(
            await self._retry_once_on_conflict(
                lambda session: conversations.claim_welcome(session, key, self._clock.now())
            )
        )

    async def ping(self) -> None:
        """Raise DatabaseUnavailable unless the database answers."""
        async with self._sessions() as session:
            await session.execute(text("SELECT 1"))

    async def _retry_once_on_conflict(
        self, work: Callable[[AsyncSession], Awaitable[object]]
    ) -> object:
        # Two turns creating the same conversation row race on its unique key; the loser
        # finds the row on its second try.
        for attempt in (1, 2):
            try:
                async with self._sessions() as session, session.begin():
                    return await work(session)
            except IntegrityError:
                if attempt == 2:
                    raise
        return None

    async def update_status(self, request: UpdateRequest) -> UpdateOutcome:
        """Save a status from chat (`knowledge.updates.contract` says the rules); raises an
        UpdateRefused error for an unknown item, a status people may not set, a long note."""
        async with self._sessions() as session, session.begin():
            return await status_updates.update_status(session, request, self._clock.now())

    async def find_item(self, text: str, scope: ChatScope = NO_SCOPE) -> ItemSearch:
        """The agreement or initiative a person names ("IV-aftalen", with typos)."""
        async with self._sessions() as session:
            snapshot = await self._snapshots.current(session)
            return await status_updates.find_item(session, snapshot, text, scope)

    async def current_status(self, item_id: str) -> Current:
        async with self._sessions() as session:
            return await status_updates.current(session, item_id)

    async def history(self, item_id: str) -> tuple[HistoryEntry, ...]:
        """The item's status entries, newest first, with their authors."""
        async with self._sessions() as session:
            return await status_updates.history(session, item_id)

    async def correct_last(
        self,
        item_id: str,
        author: Author,
        category: str,
        note: str | None,
        window: timedelta = CORRECTION_WINDOW,
    ) -> Saved | None:
        """Replace the author's own newest entry within `window`; None when not allowed."""
        async with self._sessions() as session, session.begin():
            return await status_updates.correct_last(
                session, item_id, author, category, note, self._clock.now(), window
            )

    async def is_editor(self, aad_id: str, configured: frozenset[str]) -> bool:
        async with self._sessions() as session:
            return await editors.is_editor(session, aad_id, configured)

    async def add_editor(self, aad_id: str, name: str, added_by: str | None = None) -> bool:
        async with self._sessions() as session, session.begin():
            return await editors.add_editor(session, aad_id, name, added_by, self._clock.now())

    async def remove_editor(self, aad_id: str) -> bool:
        async with self._sessions() as session, session.begin():
            return await editors.remove_editor(session, aad_id)

    async def list_editors(self) -> tuple[EditorLine, ...]:
        async with self._sessions() as session:
            return await editors.list_editors(session)

    async def forget_user(self, aad_id: str) -> int:
        """Anonymise everything the person wrote; returns how many entries."""
        async with self._sessions() as session, session.begin():
            return await status_updates.forget_user(session, aad_id, self._clock.now())

    # Notifications (`knowledge.notify.contract` says the rules).

    async def subscribe(
        self, request: SubscribeRequest, scope: ChatScope = NO_SCOPE
    ) -> SubscribeOutcome:
        """Follow a body's, cluster's or region's meetings, or an item's status changes."""
        async with self._sessions() as session, session.begin():
            snapshot = await self._snapshots.current(session)
            return await subscriptions.subscribe(
                session, snapshot, request, scope, self._clock.now()
            )

    async def unsubscribe(
        self,
        conversation_id: str,
        target: str | None,
        subscription_ids: tuple[int, ...] = (),
        scope: ChatScope = NO_SCOPE,
    ) -> Unsubscribed:
        """End subscriptions by what was typed, by id (the card's button), or all (None)."""
        async with self._sessions() as session, session.begin():
            snapshot = await self._snapshots.current(session)
            return await subscriptions.unsubscribe(
                session,
                snapshot,
                conversation_id,
                target,
                subscription_ids,
                scope,
                self._clock.now(),
            )

    async def subscriptions(self, conversation_id: str) -> tuple[SubscriptionLine, ...]:
        async with self._sessions() as session:
            return await subscriptions.list_subscriptions(
                session, conversation_id, self._clock.now()
            )

    async def calendar_link(
        self, subscriber: Subscriber, target: str, scope: ChatScope = NO_SCOPE
    ) -> CalendarLink | TargetAmbiguous | TargetNotFound:
        """A personal feed link for a body's, cluster's or region's meetings."""
        async with self._sessions() as session, session.begin():
            snapshot = await self._snapshots.current(session)
            return await calendar.issue_link(
                session, snapshot, subscriber, target, scope, self._clock.now()
            )

    async def revoke_calendar(self, owner_id: str | None, slug: str | None = None) -> int:
        """Revoke the person's feed links (one body's, or all); returns how many."""
        async with self._sessions() as session, session.begin():
            return await calendar.revoke(session, owner_id, slug, self._clock.now())

    async def calendar_feed(self, slug: str, token: str) -> bytes | None:
        """The iCalendar feed for a valid token, None for an unknown or revoked one."""
        async with self._sessions() as session:
            return await calendar.feed(session, slug, token, self._clock.now())

    async def plan_notifications(self) -> int:
        """Make sure every due-to-be reminder is in the outbox; idempotent."""
        async with self._sessions() as session, session.begin():
            return await outbox.plan(session, self._clock.now())

    async def claim_due(self, owner: str, limit: int, lease: timedelta = LEASE) -> list[Due]:
        async with self._sessions() as session, session.begin():
            return await outbox.claim(session, self._clock.now(), owner, limit, lease)

    async def mark_sending(self, notification_id: int, owner: str) -> bool:
        """Just before the POST; False when the row must not be sent any more."""
        async with self._sessions() as session, session.begin():
            return await outbox.mark_sending(session, notification_id, owner, self._clock.now())

    async def finish_send(self, notification_id: int, owner: str, result: SendResult) -> None:
        async with self._sessions() as session, session.begin():
            await outbox.finish(session, notification_id, owner, result, self._clock.now())

    async def mark_sending_all(self, notification_ids: Sequence[int], owner: str) -> set[int]:
        """`mark_sending` for several rows in one transaction: the ids that may be sent."""
        async with self._sessions() as session, session.begin():
            return await outbox.mark_sending_all(
                session, notification_ids, owner, self._clock.now()
            )

    async def finish_sends(self, results: Sequence[tuple[int, SendResult]], owner: str) -> None:
        """`finish_send` for several attempts in one transaction."""
        async with self._sessions() as session, session.begin():
            await outbox.finish_all(session, results, owner, self._clock.now())

    async def give_back(self, notification_id: int, owner: str) -> bool:
        """A row marked for sending that was never sent: pending again, attempt uncounted."""
        async with self._sessions() as session, session.begin():
            return await outbox.give_back(session, notification_id, owner)

    async def release_leases(self, owner: str) -> int:
        """On shutdown: give back rows claimed but not yet being sent."""
        async with self._sessions() as session, session.begin():
            return await outbox.release(session, owner)

    async def outbox(self, states: tuple[str, ...]) -> list[OutboxLine]:
        async with self._sessions() as session:
            return await outbox.outbox(session, states)


def _item_line(item: Item) -> ItemLine:
    newest = newest_entry(item.statuses)
    return ItemLine(
        item.slug,
        item.type,
        item.title,
        item.region,
        item.cluster,
        newest.category if newest else "unknown",
        newest.valid_from if newest else None,
    )


def _read(path: Path) -> Incoming | ImportReport:
    """The file read and parsed, or its refusal."""
    try:
        source = read_source(path)
        document = parse_document(source.name, source.text)
    except DocumentError as error:
        # Sources keep the bare file name; the person needs the path they typed.
        where = f"{path}:{error.line}" if error.line else str(path)
        return ImportReport.refusal(str(path), f"{where}: {error.reason}")
    return Incoming(document, source.sha256, source.text)


async def _importer(session: AsyncSession, clock: Clock) -> Importer:
    importer = Importer(session, clock.now())
    await importer.load()
    return importer


async def _import_one(
    session: AsyncSession, importer: Importer, incoming: Incoming, dry_run: bool
) -> ImportReport:
    report = await importer.apply(incoming)
    if not dry_run:
        await triggers.after_import(session, [report], importer.now)
        await session.commit()
    return report


def _not_stored(incoming: Incoming, error: DBAPIError) -> ImportReport:
    reason = str(error.orig or error).strip().splitlines()[0]
    file = incoming.document.file
    return ImportReport.refusal(file, f"{file}: could not be stored: {reason}")


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (FileNotFoundError, IsADirectoryError):
        raise RestoreError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise RestoreError(f"{path}: is not UTF-8 text") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise RestoreError(f"{path}:{error.lineno}: not valid JSON ({error.msg})") from None
