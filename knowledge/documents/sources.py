"""Reading a document file: bytes to text, with the errors a person can act on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from knowledge.core.errors import DocumentInvalid, UnknownDocument


@dataclass(frozen=True)
class SourceFile:
    name: str  # the file name only, so exports do not depend on where the file lay
    text: str
    sha256: str


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
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DocumentInvalid(str(path), line, "is not UTF-8 text") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DocumentInvalid(str(path), line, "contains binary data (NUL bytes)")
    return SourceFile(path.name, text.replace("\r\n", "\n"), hashlib.sha256(raw).hexdigest())
