"""The knowledge base's errors, one small tree.

KnowledgeError
├── DocumentError          a document cannot be imported (names the file and line)
│   ├── UnknownDocument    no parser recognises the document's shape
│   └── DocumentInvalid    the shape is known but the content is broken
├── DateError (ValueError) a Danish date or period that cannot be read
├── RestoreError           an export file cannot be restored (bad schema, non-empty database)
├── DatabaseUnavailable    the database cannot be reached (transient; callers may retry)
├── StateConflict          a bot-state write lost an e_tag race ("Etag conflict"; re-read and retry)
└── StateTooLarge          a bot-state document over the size cap (also a ValueError)
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
