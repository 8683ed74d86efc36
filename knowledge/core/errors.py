"""The knowledge base's errors, one small tree.

KnowledgeError
├── DocumentError          a document cannot be imported (names the file and line)
│   ├── UnknownDocument    no parser recognises the document's shape
│   ├── DocumentInvalid    the shape is known but the content is broken
│   └── UnreadableFile     the file's bytes cannot be turned into text (documents.formats)
│       ├── UnsupportedFormat  not a format Klyngebot reads (by content, then by name)
│       ├── EmptyDocument      no bytes, only white space, or a PDF with no text at all
│       ├── EncryptedDocument  needs a password to open ("encrypted PDF: ...")
│       ├── NoTextLayer        a PDF of page images only (scanned, not OCR'ed)
│       └── CorruptDocument    the format is known but the file is damaged or truncated
├── DateError (ValueError) a Danish date or period that cannot be read
├── RestoreError           an export file cannot be restored (bad schema, non-empty database)
├── DatabaseUnavailable    the database cannot be reached (transient; callers may retry)
├── StateConflict          a bot-state write lost an e_tag race ("Etag conflict"; re-read and retry)
├── StateTooLarge          a bot-state document over the size cap (also a ValueError)
└── UpdateRefused          a status update from chat that cannot be saved; nothing is written
    ├── UnknownItem        no agreement or initiative has that id
    ├── InvalidStatus      the category is not one a person may set (also a ValueError)
    └── NoteTooLong        the note is over NOTE_MAX characters (also a ValueError)
"""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base of every error the knowledge package raises on purpose."""


class DocumentError(KnowledgeError):
    """A document that cannot be imported; the message names the file and the line."""

    def __init__(self, file: str, line: int | None, reason: str) -> None:
        self.file = file
        self.line = line
        self.reason = reason
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {reason}")


class UnknownDocument(DocumentError):
    """No parser recognises the document; nothing is imported."""


class DocumentInvalid(DocumentError):
    """The document has a known shape but content that cannot be read."""


class UnreadableFile(DocumentError):
    """A file whose bytes cannot be turned into text; the reason says what to do instead."""

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(file, None, reason)


class UnsupportedFormat(UnreadableFile):
    """Not plain text, Markdown, HTML, Word (.docx) or PDF, judged by content first."""


class EmptyDocument(UnreadableFile):
    """A file with nothing to read in it."""


class EncryptedDocument(UnreadableFile):
    """A password-protected file (a PDF with a user password, an encrypted .docx)."""


class NoTextLayer(UnreadableFile):
    """A PDF whose pages are images only: it needs OCR before it can be read."""


class CorruptDocument(UnreadableFile):
    """A file of a known format that its parser cannot read: damaged or cut short."""


class DateError(KnowledgeError, ValueError):
    """A Danish date or period that cannot be read (or does not exist)."""


class RestoreError(KnowledgeError):
    """An export file that cannot be restored."""


class DatabaseUnavailable(KnowledgeError):
    """The database cannot be reached; the operation may succeed later."""


class StateConflict(KnowledgeError):
    """A bot-state write whose e_tag no longer matches: someone else wrote the key since it
    was read. The message contains "Etag conflict", the text botbuilder's
    TeamsSSOTokenExchangeMiddleware looks for to recognise a duplicate."""

    def __init__(self, key: str, expected_etag: str) -> None:
        self.key = key
        self.expected_etag = expected_etag
        super().__init__(
            f"Etag conflict: {key!r} was written by someone else since e_tag "
            f"{expected_etag!r} was read"
        )


class StateTooLarge(KnowledgeError, ValueError):
    """A bot-state document over the size cap; nothing is written."""


class UpdateRefused(KnowledgeError):
    """A status update that cannot be saved; nothing was written."""


class UnknownItem(UpdateRefused):
    """No agreement or initiative has this id (slug)."""

    def __init__(self, item_id: str) -> None:
        self.item_id = item_id
        super().__init__(f"no agreement or initiative {item_id!r}")


class InvalidStatus(UpdateRefused, ValueError):
    """A category outside UPDATE_CATEGORIES."""

    def __init__(self, category: str) -> None:
        self.category = category
        super().__init__(f"{category!r} is not a status that can be set")


class NoteTooLong(UpdateRefused, ValueError):
    """A note longer than NOTE_MAX characters."""

    def __init__(self, length: int, limit: int) -> None:
        self.length = length
        self.limit = limit
        super().__init__(f"the note is {length} characters; at most {limit}")
