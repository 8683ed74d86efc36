"""The import behaviour on fakes of what it needs (a downloader and `ImportKnowledge`): who
may send files where, what is downloaded, and what the card's buttons carry."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import pytest

from dialogs.access import Access
from dialogs.imports import DownloadRefused, Imports
from dialogs.reading import PRESSED
from dialogs.router import conversation
from dialogs.turn import Place, SentFile, Turn
from knowledge.core.errors import EncryptedDocument
from knowledge.documents.uploads import Count, ImportSummary, Upload, UploadOutcome, UploadPreview
from knowledge.service import KnowledgeService
from knowledge.state.conversations import ConversationKey
from knowledge.updates.contract import Author
from tests.questions.replies import submit_data

EDITOR = Author("aad-editor", "Erik Editor")
OTHER = Author("aad-other", "Olga")
ACCESS = Access(frozenset({"aad-editor"}), frozenset(), everyone_edits=False)
REPORT = SentFile("rapport.docx", "https://contoso-my.sharepoint.com/x/download.aspx", "docx")
SUMMARY = ImportSummary("rapport.docx", items=Count(2, 1), statuses=3, meetings=Count(1, 0))


def turn(
    files: tuple[SentFile, ...] = (REPORT,),
    value: Any = None,
    *,
    author: Author = EDITOR,
    place: Place = "personal",
) -> Turn:
    return Turn(
        text="",
        value=value,
        locale="da-DK",
        lang="da",
        author=author,
        chat=ConversationKey("a:chat", "msteams", "tenant"),
        thread_id="a:chat",
        activity_id="activity-1",
        place=place,
        cards=True,
        files=files,
    )


@dataclass
class Fetcher:
    refusal: DownloadRefused | None = None
    fetched: list[SentFile] = field(default_factory=list)

    async def download(self, file: SentFile) -> bytes:
        self.fetched.append(file)
        if self.refusal is not None:
            raise self.refusal
        return b"the bytes"


@dataclass
class Kept:
    """Pending imports kept in a dict: all that `Imports` needs of the knowledge base."""

    uploads: list[Upload] = field(default_factory=list)
    confirmed: list[tuple[str, str]] = field(default_factory=list)
    error: Exception | None = None

    async def is_editor(self, aad_id: str, configured: frozenset[str]) -> bool:
        return aad_id in configured

    async def preview_upload(self, upload: Upload) -> UploadPreview:
        if self.error is not None:
            raise self.error
        self.uploads.append(upload)
        return UploadPreview("token-1", replace(SUMMARY, file=upload.name))

    async def confirm_upload(self, token: str, conversation_id: str) -> UploadOutcome:
        self.confirmed.append((token, conversation_id))
        return UploadOutcome("imported", "rapport.docx", SUMMARY, repeat=len(self.confirmed) > 1)

    async def cancel_upload(self, token: str, conversation_id: str) -> UploadOutcome:
        return UploadOutcome("cancelled", "rapport.docx")


async def carried(imports: Imports, the_turn: Turn) -> list[dict[str, Any]]:
    reading = imports.read(the_turn)
    assert reading is not None
    handled = await imports.carry_out(the_turn, reading)
    return [{"text": m.text, "card": m.card} for m in handled.messages]


async def test_an_editors_file_is_fetched_tried_and_shown_with_two_buttons() -> None:
    kept, fetcher = Kept(), Fetcher()

    [said] = await carried(Imports(kept, ACCESS, fetcher), turn())

    assert [REPORT] == fetcher.fetched
    assert [Upload("rapport.docx", b"the bytes", "a:chat", "aad-editor", "Erik Editor")] == (
        kept.uploads
    )
    data = submit_data({"attachments": [{"content": said["card"]}]})
    assert [
        {"action": "import", "choice": "confirm", "token": "token-1"},
        {"action": "import", "choice": "cancel", "token": "token-1"},
    ] == data
    assert "Aftaler og initiativer: 2 nye, 1 ændret" in said["text"]
    assert "Møder: 1 ny" in said["text"]
    assert "Statusser: 3 nye" in said["text"]


@pytest.mark.parametrize(
    ("the_turn", "expected"),
    [
        (turn(author=OTHER), "Kun redaktører"),
        (turn(place="channel"), "personlig chat"),
        (turn(place="chat"), "personlig chat"),
        (turn((REPORT, REPORT)), "ét dokument ad gangen"),
    ],
    ids=["no editor", "channel", "group chat", "two files"],
)
async def test_nothing_is_downloaded_when_the_file_is_not_for_importing(
    the_turn: Turn, expected: str
) -> None:
    kept, fetcher = Kept(), Fetcher()

    [said] = await carried(Imports(kept, ACCESS, fetcher), the_turn)

    assert expected in said["text"]
    assert ([], []) == (fetcher.fetched, kept.uploads)


@pytest.mark.parametrize(
    ("refusal", "expected"),
    [
        (DownloadRefused("host", "files.example"), "et andet sted (files.example)"),
        (
            DownloadRefused("too_large", "10 MB"),
            "for stor til at importere i chatten (højst 10 MB)",
        ),
        (DownloadRefused("timeout", "10"), "for lang tid at hente rapport.docx (over 10 sekunder)"),
        (DownloadRefused("failed", "HTTP 404"), "kunne ikke hente rapport.docx (HTTP 404)"),
        (DownloadRefused("unreachable"), "kunne ikke få forbindelse"),
        (DownloadRefused("page"), "en side om rapport.docx"),
    ],
)
async def test_a_refused_download_is_explained_and_nothing_is_kept(
    refusal: DownloadRefused, expected: str
) -> None:
    kept = Kept()

    [said] = await carried(Imports(kept, ACCESS, Fetcher(refusal)), turn())

    assert expected in said["text"]
    assert [] == kept.uploads


async def test_a_file_the_reader_refuses_is_explained_with_its_reason() -> None:
    kept = Kept(error=EncryptedDocument("rapport.docx", "encrypted: it needs a password"))

    [said] = await carried(Imports(kept, ACCESS, Fetcher()), turn())

    assert "rapport.docx er beskyttet med en adgangskode." in said["text"]
    assert "Læseren siger: encrypted: it needs a password" in said["text"]


async def test_the_buttons_confirm_in_this_chat_and_only_for_an_editor() -> None:
    kept = Kept()
    imports = Imports(kept, ACCESS, Fetcher())
    confirm = {"action": "import", "choice": "confirm", "token": "token-1"}

    [done] = await carried(imports, turn((), confirm))
    [again] = await carried(imports, turn((), confirm))
    [refused] = await carried(imports, turn((), confirm, author=OTHER))

    assert done["text"].startswith("Importeret: rapport.docx.")
    assert again["text"].startswith("rapport.docx er allerede importeret.")
    assert "Kun redaktører" in refused["text"]
    assert [("token-1", "a:chat"), ("token-1", "a:chat")] == kept.confirmed


@pytest.mark.parametrize(
    "value",
    [
        {"action": "import", "choice": "delete", "token": "t"},
        {"action": "import", "choice": "confirm", "token": ""},
        {"action": "import", "choice": "confirm", "token": "t" * 65},
        {"action": "import", "choice": "confirm", "token": 7},
        {"action": "ask", "question": "importér"},
        "import",
    ],
)
def test_button_data_that_is_not_ours_is_not_read(value: Any) -> None:
    assert None is Imports(Kept(), ACCESS, Fetcher()).read(turn((), value))


async def test_the_chat_reads_files_and_import_buttons_as_certain(
    service: KnowledgeService,
) -> None:
    router = conversation(service, ACCESS, "http://127.0.0.1:3978", Fetcher())
    button = {"action": "import", "choice": "cancel", "token": "t"}

    readings = [router.pick(turn()), router.pick(turn((), button))]

    assert [("imports", PRESSED), ("imports", PRESSED)] == [
        (r.behaviour, r.score) for r in readings if r is not None
    ]
