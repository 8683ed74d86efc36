"""Reading a document file: its bytes, whichever format they are in, to text
(`knowledge.documents.formats.read_file`), with the errors a person can act on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from knowledge.core.errors import UnknownDocument
from knowledge.documents.formats import SourceText, read_file


@dataclass(frozen=True)
class SourceFile:
    name: str  # the file name only, so exports do not depend on where the file lay
    text: str
    sha256: str
    read: SourceText | None = None  # what the format reader made of it (title, warnings)

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.read.warnings if self.read is not None else ()


def read_source(path: Path) -> SourceFile:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UnknownDocument(str(path), None, "no such file") from None
    except IsADirectoryError:
        raise UnknownDocument(str(path), None, "is a directory, not a document") from None
    except OSError as error:  # no permission, a name too long, a disk that fails
        reason = f"cannot be read ({error.strerror or error})"
        raise UnknownDocument(str(path), None, reason) from None
    return source_of(path.name, raw)


def source_of(name: str, raw: bytes) -> SourceFile:
    """A file's bytes (from disk or sent in chat) as text to parse."""
    read = read_file(name, raw)
    return SourceFile(name, read.text, hashlib.sha256(raw).hexdigest(), read)
