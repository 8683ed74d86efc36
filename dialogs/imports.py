"""Importing a document sent in chat: an editor sends a file to the bot in a personal chat,
sees what importing it would change, and confirms or cancels on the card.

A message with files is read first: outside a personal chat the bot says to send it there
(Teams gives bots files only in personal chats; in a channel or group chat it sends no
file attachment at all, only the message's HTML: botbuilder-dotnet#6710,
msteams-docs#1470, so there the message is read as text, and a file attachment that does
arrive there gets the advice); a person who is no editor is told so, and nothing is
downloaded for either. One file per message. The file is fetched by the
`Downloader` the bot gives (bot/downloads.py: which hosts, how large, how long), read and
tried in a dry run by the knowledge base, and kept there under a token until the card's
"Importér" (import it, once) or "Annuller"; both buttons check again that the person
edits, and a token is good only in the chat it was sent in (`knowledge.documents.uploads`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from dialogs.access import Access, EditorCheck
from dialogs.import_cards import (
    ImportChoice,
    import_choice,
    outcome_message,
    preview_message,
    refused,
    unreadable,
    word,
)
from dialogs.message import Message
from dialogs.reading import PRESSED, Handled, Reading
from dialogs.turn import SentFile, Turn
from knowledge.core.errors import DocumentError
from knowledge.documents.uploads import Upload, UploadOutcome, UploadPreview, file_name

Refusal = Literal["host", "too_large", "timeout", "failed", "unreachable", "page"]


class DownloadRefused(Exception):
    """A file that was not fetched, and why: its host is not allowed, it is too large, the
    download took too long, the host answered with an error or a web page, or could not
    be reached."""

    def __init__(self, reason: Refusal, detail: str = "") -> None:
        self.reason = reason
        self.detail = detail  # what the user is told beside the reason: a host, a limit
        super().__init__(f"{reason}: {detail}" if detail else reason)


class Downloader(Protocol):
    async def download(self, file: SentFile) -> bytes:
        """The file's bytes; raises DownloadRefused."""


class ImportKnowledge(EditorCheck, Protocol):
    async def preview_upload(self, upload: Upload) -> UploadPreview: ...
    async def confirm_upload(self, token: str, conversation_id: str) -> UploadOutcome: ...
    async def cancel_upload(self, token: str, conversation_id: str) -> UploadOutcome: ...


@dataclass(frozen=True)
class Sent:
    files: tuple[SentFile, ...]


class Imports:
    name = "imports"

    def __init__(self, knowledge: ImportKnowledge, access: Access, downloader: Downloader) -> None:
        self._knowledge = knowledge
        self._access = access
        self._downloader = downloader

    def read(self, turn: Turn) -> Reading[Sent | ImportChoice] | None:
        if turn.files:  # a file is as certain as a button: a waiting dialog does not take it
            return Reading(self.name, PRESSED, Sent(turn.files), "import file")
        if (choice := import_choice(turn.value)) is not None:
            intent = "import confirm" if choice.confirm else "import cancel"
            return Reading(self.name, PRESSED, choice, intent)
        return None

    async def carry_out(self, turn: Turn, reading: Reading[Sent | ImportChoice]) -> Handled:
        if not turn.personal:
            return _said(Message(word("not_personal", turn.lang)))
        if not await self._access.may_edit(self._knowledge, turn.author):
            return _said(Message(word("not_editor", turn.lang)))
        slots = reading.slots
        if isinstance(slots, ImportChoice):
            return _said(await self._chosen(turn, slots))
        if len(slots.files) > 1:
            return _said(Message(word("one_at_a_time", turn.lang)))
        return _said(await self._received(turn, slots.files[0]))

    async def _received(self, turn: Turn, sent: SentFile) -> Message:
        name = file_name(sent.name)
        try:
            data = await self._downloader.download(sent)
            upload = Upload(name, data, turn.chat_id, turn.author.aad_id, turn.author.name)
            preview = await self._knowledge.preview_upload(upload)
        except DownloadRefused as refusal:
            return refused(refusal.reason, turn.lang, name, refusal.detail)
        except DocumentError as error:
            return unreadable(error, turn.lang, name)
        return preview_message(preview, turn.lang, turn.cards)

    async def _chosen(self, turn: Turn, choice: ImportChoice) -> Message:
        if choice.confirm:
            try:
                outcome = await self._knowledge.confirm_upload(choice.token, turn.chat_id)
            except DocumentError as error:  # the reader changed since the dry run
                return unreadable(error, turn.lang, error.file)
        else:
            outcome = await self._knowledge.cancel_upload(choice.token, turn.chat_id)
        return outcome_message(outcome, turn.lang)


def _said(message: Message) -> Handled:
    return Handled(messages=(message,))
