"""Documents sent in chat: read and tried at once, imported when their editor confirms.

A file an editor sends the bot is read (`read`: any format `documents.formats` reads, then
the document reader), tried in a dry run, and kept here (`keep`) under a random token
until the editor confirms or cancels it on the summary card, whose buttons carry only
that token: the bytes never leave the server, and nothing a card sends back is content.

- The same content sent again in the same chat before it is settled (a second try, or
  Teams delivering the message again) is the same pending import: one token, so two
  cards confirm once.
- A pending import belongs to the chat it was sent in: a personal chat, so one person.
- It expires `PENDING_FOR` after it was last sent; expired rows are deleted whenever a
  new file is kept, and a chat keeps at most `PENDING_PER_CHAT` (the oldest go first).
- Confirming claims the row (`claim`: an UPDATE from pending to imported, before the
  import reads anything, in the import's own transaction), so of two confirmations one
  imports and the other finds it imported and answers what the first did (`settled`).
  Settled rows drop their bytes and keep what the import did (`outcome`) until expiry.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath
from typing import Any, Literal

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.core.history import instant
from knowledge.core.models import PendingImport
from knowledge.documents.changes import ImportReport
from knowledge.documents.formats import SourceText, read_file
from knowledge.documents.records import ParsedDocument
from knowledge.documents.shapes import parse_document

PENDING_FOR = timedelta(hours=1)
PENDING_PER_CHAT = 5
NAME_MAX = 200  # characters of a file name as shown and stored
State = Literal["imported", "cancelled", "expired", "unknown"]


@dataclass(frozen=True)
class Upload:
    """A file as it arrived in chat, with who sent it where."""

    name: str
    data: bytes
    conversation_id: str
    author_id: str | None
    author_name: str


@dataclass(frozen=True)
class Count:
    """Records of one kind an import adds, and stored ones it changes."""

    added: int = 0
    changed: int = 0


@dataclass(frozen=True)
class ImportSummary:
    """What importing one file does (or did), by kind of record."""

    file: str
    items: Count = field(default_factory=Count)
    statuses: int = 0  # status entries added to items, new or known
    meetings: Count = field(default_factory=Count)
    bodies: Count = field(default_factory=Count)
    sections: int = 0  # the document's sections (every one is kept as text)
    text_only: int = 0  # of them, those no record was read from

    @property
    def nothing_new(self) -> bool:
        counts = (self.items, self.meetings, self.bodies)
        return not self.statuses and all(c == Count() for c in counts)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ImportSummary:
        return cls(
            data["file"],
            items=Count(**data["items"]),
            statuses=data["statuses"],
            meetings=Count(**data["meetings"]),
            bodies=Count(**data["bodies"]),
            sections=data["sections"],
            text_only=data["text_only"],
        )


@dataclass(frozen=True)
class UploadPreview:
    """A file read and tried: its token for the card's buttons, and what it would do."""

    token: str
    summary: ImportSummary
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class UploadOutcome:
    """What became of a pending import a button named. `repeat`: it was settled before
    (a second click, or a redelivery), and `summary` is what the first import did."""

    state: State
    file: str | None = None
    summary: ImportSummary | None = None
    repeat: bool = False


def file_name(name: str) -> str:
    """The bare name of a file as a client sent it: no folders, at most NAME_MAX chars."""
    bare = PurePosixPath(name.replace("\\", "/")).name.strip()
    return bare[:NAME_MAX] or "dokument"


def read(name: str, data: bytes) -> tuple[ParsedDocument, SourceText]:
    """The file's records and text; raises a DocumentError (an UnreadableFile for a file
    that is no document, UnknownDocument or DocumentInvalid for one the reader refuses)."""
    source = read_file(name, data)
    return replace(parse_document(name, source.text), format=source.format), source


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def summary_of(report: ImportReport) -> ImportSummary:
    """The card's view of an import report: records added and changed by kind, the status
    entries added, and the document's sections with those kept as text only."""
    return ImportSummary(
        file=report.file,
        items=Count(report.items.added, report.items.changed),
        statuses=sum(1 for change in report.changes if change.action == "add status"),
        meetings=Count(report.meetings.added, report.meetings.changed),
        bodies=Count(report.bodies.added, report.bodies.changed),
        sections=report.sections,
        text_only=report.text_only,
    )


async def keep(session: AsyncSession, upload: Upload, now: datetime) -> str:
    """Keep `upload` until it is confirmed, cancelled or expired; returns its token."""
    now = _utc(now)
    await session.execute(delete(PendingImport).where(PendingImport.expires_at <= now))
    sha256 = sha256_of(upload.data)
    same = await session.scalar(
        select(PendingImport).where(
            PendingImport.conversation_id == upload.conversation_id,
            PendingImport.sha256 == sha256,
            PendingImport.state == "pending",
        )
    )
    if same is not None:
        same.expires_at = now + PENDING_FOR
        return same.token
    token = secrets.token_urlsafe(24)
    session.add(_row(upload, token, sha256, now))
    await session.flush()
    await _keep_newest(session, upload.conversation_id)
    return token


def _row(upload: Upload, token: str, sha256: str, now: datetime) -> PendingImport:
    return PendingImport(
        token=token,
        conversation_id=upload.conversation_id,
        author_id=upload.author_id,
        author_name=upload.author_name[:300],
        file=file_name(upload.name),
        sha256=sha256,
        size=len(upload.data),
        data=upload.data,
        state="pending",
        outcome={},
        created_at=now,
        expires_at=now + PENDING_FOR,
    )


async def _keep_newest(session: AsyncSession, conversation_id: str) -> None:
    newest = (
        select(PendingImport.id)
        .where(PendingImport.conversation_id == conversation_id)
        .where(PendingImport.state == "pending")
        .order_by(PendingImport.id.desc())
        .limit(PENDING_PER_CHAT)
    )
    await session.execute(
        delete(PendingImport)
        .where(PendingImport.conversation_id == conversation_id)
        .where(PendingImport.state == "pending")
        .where(PendingImport.id.not_in(newest.scalar_subquery()))
    )


async def pending(
    session: AsyncSession, token: str, conversation_id: str, now: datetime
) -> PendingImport | UploadOutcome:
    """The pending import `token` names in this chat, or what became of it."""
    row = await _row_of(session, token, conversation_id)
    if row is None or row.state != "pending" or _expired(row, now):
        return settled(row, now)
    return row


async def claim(session: AsyncSession, token: str, conversation_id: str, now: datetime) -> bool:
    """Take the pending import for importing now; False when someone else did first (or
    it is settled or expired meanwhile). PostgreSQL makes a second claimer wait here until
    the first commits, and then finds nothing to claim."""
    now = _utc(now)
    result: CursorResult[Any] = await session.execute(  # type: ignore[assignment]
        update(PendingImport)
        .where(PendingImport.token == token)
        .where(PendingImport.conversation_id == conversation_id)
        .where(PendingImport.state == "pending")
        .where(PendingImport.expires_at > now)
        .values(state="imported", data=None)
    )
    return result.rowcount == 1


async def record(session: AsyncSession, token: str, summary: ImportSummary) -> None:
    """What the claimed import did, for a second click to be told."""
    await session.execute(
        update(PendingImport).where(PendingImport.token == token).values(outcome=summary.as_json())
    )


async def cancel(
    session: AsyncSession, token: str, conversation_id: str, now: datetime
) -> UploadOutcome:
    result: CursorResult[Any] = await session.execute(  # type: ignore[assignment]
        update(PendingImport)
        .where(PendingImport.token == token)
        .where(PendingImport.conversation_id == conversation_id)
        .where(PendingImport.state == "pending")
        .values(state="cancelled", data=None)
    )
    row = await _row_of(session, token, conversation_id)
    if result.rowcount == 1 and row is not None:
        return UploadOutcome("cancelled", row.file)
    return settled(row, now)


async def outcome(
    session: AsyncSession, token: str, conversation_id: str, now: datetime
) -> UploadOutcome:
    """What became of the import `token` names, when it could not be claimed."""
    return settled(await _row_of(session, token, conversation_id), now)


def settled(row: PendingImport | None, now: datetime) -> UploadOutcome:
    """What a button of a pending import that is no longer pending gets told (a row still
    pending here is one that expired)."""
    if row is None:
        return UploadOutcome("unknown")
    if row.state == "imported":
        return UploadOutcome("imported", row.file, ImportSummary.from_json(row.outcome), True)
    if row.state == "cancelled":
        return UploadOutcome("cancelled", row.file, repeat=True)
    return UploadOutcome("expired", row.file)


async def _row_of(session: AsyncSession, token: str, conversation_id: str) -> PendingImport | None:
    return await session.scalar(
        select(PendingImport).where(
            PendingImport.token == token, PendingImport.conversation_id == conversation_id
        )
    )


def _expired(row: PendingImport, now: datetime) -> bool:
    return instant(row.expires_at) <= _utc(now)


def _utc(now: datetime) -> datetime:
    """Times are stored and compared in UTC (SQLite keeps no zone), as the outbox's are."""
    return now.astimezone(UTC)
