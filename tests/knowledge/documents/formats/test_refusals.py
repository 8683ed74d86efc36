"""Files that cannot be read are refused with a typed error that says what to do."""

from __future__ import annotations

import io
import zipfile

import pytest

from knowledge.core.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    UnreadableFile,
    UnsupportedFormat,
)
from knowledge.documents.formats import read_file


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "error", "says"),
    [
        ("tom.txt", b"", EmptyDocument, "empty"),
        ("tom.txt", b" \n\r\n\t", EmptyDocument, "empty"),
        (
            "tom.html",
            b"<html><body><nav><a href=/>Forside</a></nav></body>",
            EmptyDocument,
            "no text",
        ),
        ("billede.pdf", b"\x89PNG\r\n\x1a\n" + bytes(40), UnsupportedFormat, "PNG image"),
        ("gammel.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), UnsupportedFormat, ".doc"),
        ("regneark.docx", _zip({"xl/workbook.xml": "<x/>"}), UnsupportedFormat, "Excel"),
        ("arkiv.zip", _zip({"a.txt": "hej"}), UnsupportedFormat, "zip archive"),
        ("skadet.docx", b"PK\x03\x04" + bytes(50), CorruptDocument, "damaged"),
        ("data.bin", bytes(range(256)) * 4, UnsupportedFormat, "binary data"),
        ("tekst.rtf", b"{\\rtf1\\ansi Hej}", UnsupportedFormat, "RTF"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(
    name: str, data: bytes, error: type[UnreadableFile], says: str
) -> None:
    with pytest.raises(error) as raised:
        read_file(name, data)
    assert (name, True) == (raised.value.file, says in raised.value.reason)


def test_a_password_protected_word_file_is_refused_as_encrypted() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    container = ole + bytes(500) + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(EncryptedDocument, match="encrypted Word document"):
        read_file("hemmelig.docx", container)
