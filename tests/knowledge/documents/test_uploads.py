"""Documents sent in chat, through the facade: tried in a dry run and kept under a token,
imported once on confirmation, cancelled, expired, and refused with the reader's reason."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta

import pytest

from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.core.errors import DocumentError, UnknownDocument, UnsupportedFormat
from knowledge.documents.uploads import (
    PENDING_FOR,
    PENDING_PER_CHAT,
    Count,
    Upload,
    UploadOutcome,
    file_name,
)
from knowledge.service import KnowledgeService
from tests.knowledge.documents.formats.documents import plain_to_docx
from tests.support.sample_documents import ITEMS, STATUS_REPORT, status_report

CHAT = "a:personal-chat-1"


class Ticking:
    """A clock whose time moves when a test says so."""

    def __init__(self) -> None:
        self.now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def ticking() -> Ticking:
    return Ticking()


@pytest.fixture
async def kb(database_url: str, ticking: Ticking) -> AsyncIterator[KnowledgeService]:
    engine = create_engine(database_url)
    await migrate(engine)
    yield KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1), ticking))
    await engine.dispose()


def upload(data: bytes = b"", *, name: str = "status.txt", chat: str = CHAT) -> Upload:
    return Upload(name, data or status_report(), chat, "aad-user-1", "Mette")


def titles(export: dict[str, list[dict[str, str]]]) -> list[str]:
    return sorted(row["title"] for key in ("agreements", "initiatives") for row in export[key])


async def test_a_preview_says_what_would_be_added_and_writes_nothing(
    kb: KnowledgeService,
) -> None:
    preview = await kb.preview_upload(upload())

    assert "status.txt" == preview.summary.file
    assert (Count(3, 0), 2, Count()) == (
        preview.summary.items,
        preview.summary.statuses,
        preview.summary.meetings,
    )
    assert 30 <= len(preview.token)
    assert await kb.is_empty()


async def test_confirming_imports_the_file_and_says_what_it_did(kb: KnowledgeService) -> None:
    preview = await kb.preview_upload(upload())

    outcome = await kb.confirm_upload(preview.token, CHAT)

    assert UploadOutcome("imported", "status.txt", preview.summary) == outcome
    assert sorted(ITEMS) == titles(await kb.export())


async def test_confirming_twice_imports_once_and_tells_the_first_outcome(
    kb: KnowledgeService,
) -> None:
    preview = await kb.preview_upload(upload())
    first = await kb.confirm_upload(preview.token, CHAT)
    after_first = await kb.export()

    second = await kb.confirm_upload(preview.token, CHAT)

    assert UploadOutcome("imported", "status.txt", first.summary, repeat=True) == second
    assert after_first == await kb.export()


async def test_two_confirmations_at_once_import_once(kb: KnowledgeService) -> None:
    preview = await kb.preview_upload(upload())

    outcomes = await asyncio.gather(
        kb.confirm_upload(preview.token, CHAT), kb.confirm_upload(preview.token, CHAT)
    )

    assert [False, True] == sorted(outcome.repeat for outcome in outcomes)
    assert {"imported"} == {outcome.state for outcome in outcomes}
    assert sorted(ITEMS) == titles(await kb.export())


async def test_a_word_document_is_kept_as_a_word_document(kb: KnowledgeService) -> None:
    preview = await kb.preview_upload(upload(plain_to_docx(STATUS_REPORT), name="status.docx"))
    await kb.confirm_upload(preview.token, CHAT)

    [document] = (await kb.export())["documents"]
    assert ("status.docx", "docx") == (document["file"], document["format"])
    assert sorted(ITEMS) == titles(await kb.export())


async def test_the_same_file_sent_again_is_the_same_pending_import(kb: KnowledgeService) -> None:
    first = await kb.preview_upload(upload())
    again = await kb.preview_upload(upload(name="kopi af status.txt"))

    assert first.token == again.token


async def test_a_token_is_good_only_in_the_chat_the_file_was_sent_in(
    kb: KnowledgeService,
) -> None:
    preview = await kb.preview_upload(upload())

    elsewhere = await kb.confirm_upload(preview.token, "a:someone-else")

    assert UploadOutcome("unknown") == elsewhere
    assert await kb.is_empty()


async def test_a_cancelled_import_cannot_be_confirmed(kb: KnowledgeService) -> None:
    preview = await kb.preview_upload(upload())

    cancelled = await kb.cancel_upload(preview.token, CHAT)
    confirmed = await kb.confirm_upload(preview.token, CHAT)

    assert UploadOutcome("cancelled", "status.txt") == cancelled
    assert UploadOutcome("cancelled", "status.txt", repeat=True) == confirmed
    assert await kb.is_empty()


async def test_a_pending_import_expires(kb: KnowledgeService, ticking: Ticking) -> None:
    preview = await kb.preview_upload(upload())
    ticking.now += PENDING_FOR + timedelta(seconds=1)

    assert UploadOutcome("expired", "status.txt") == await kb.confirm_upload(preview.token, CHAT)
    assert await kb.is_empty()


async def test_a_chat_keeps_only_its_newest_pending_imports(kb: KnowledgeService) -> None:
    tokens = [
        (await kb.preview_upload(upload(status_report(extra=f"Bilag nummer {n}.")))).token
        for n in range(PENDING_PER_CHAT + 1)
    ]

    oldest = await kb.confirm_upload(tokens[0], CHAT)
    newest = await kb.confirm_upload(tokens[-1], CHAT)

    assert ("unknown", "imported") == (oldest.state, newest.state)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, UnsupportedFormat),
        (b"# source: https://example.org/notat\n# retrieved: 2026-12-07\n", UnknownDocument),
    ],
    ids=["picture", "only a comment header"],
)
async def test_a_file_that_cannot_be_imported_is_refused_and_not_kept(
    kb: KnowledgeService, data: bytes, error: type[DocumentError]
) -> None:
    with pytest.raises(error):
        await kb.preview_upload(upload(data, name="bilag.png"))

    assert await kb.is_empty()


@pytest.mark.parametrize(
    ("sent", "kept"),
    [("status.txt", "status.txt"), ("../../etc/passwd", "passwd"), ("C:\\dok\\a.docx", "a.docx")],
)
def test_a_file_name_is_kept_without_its_folders(sent: str, kept: str) -> None:
    assert kept == file_name(sent)
