"""Which format a file is, by its content first and its name second.

The content decides: a `.pdf` that holds text is read as text, a `.txt` that holds a saved
web page is read as HTML, and the name only tells text from Markdown (no content tells them
apart: plain text documents have `# ` comment lines too). Formats Klyngebot does not read
are refused by name ("a Word 97-2003 .doc file"), with what to send instead.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath

from knowledge.core.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    UnsupportedFormat,
)
from knowledge.documents.formats.source_text import Format

SEND_INSTEAD = "save it as .docx, PDF or text and send that"
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_ZIP_KINDS = (
    ("xl/workbook.xml", "an Excel workbook (.xlsx)"),
    ("ppt/presentation.xml", "a PowerPoint presentation (.pptx)"),
    ("content.xml", "an OpenDocument file (.odt/.ods)"),
)
_MARKUP = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<(?:html|head|body|div|p|h[1-6]|table|main|article)\b[^>]*>", re.IGNORECASE)
_NAMED = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
}


def extension(name: str) -> str:
    return PurePath(name).suffix.lower()


def binary_format(name: str, data: bytes) -> Format | None:
    """ "pdf" or "docx" when the bytes are one; None when they may be text; refuses the
    binary formats Klyngebot does not read."""
    if not data:
        raise EmptyDocument(name, "the document is empty")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP):
        return _zip_format(name, data)
    if data.startswith(_OLE):
        raise _ole_refusal(name, data)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormat(name, f"{what}, not a document Klyngebot reads: {SEND_INSTEAD}")
    return None


def _zip_format(name: str, data: bytes) -> Format:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise CorruptDocument(name, f"a damaged zip or Word file ({error})") from None
    if "word/document.xml" in names:
        return "docx"
    for member, what in _ZIP_KINDS:
        if member in names:
            raise UnsupportedFormat(name, f"{what}, not a document Klyngebot reads: {SEND_INSTEAD}")
    raise UnsupportedFormat(name, "a zip archive, not a Word document: send the files in it")


def _ole_refusal(name: str, data: bytes) -> UnsupportedFormat | EncryptedDocument:
    # A password-protected .docx is an OLE container holding an "EncryptedPackage" stream.
    if "EncryptedPackage".encode("utf-16-le") in data[:65536]:
        return EncryptedDocument(
            name, "encrypted Word document: remove the password in Word and send it again"
        )
    return UnsupportedFormat(
        name, f"a Word 97-2003 (.doc) or other old Office file: {SEND_INSTEAD}"
    )


def text_format(name: str, text: str) -> Format:
    """ "html", "markdown" or "text" for a file that decoded as text."""
    named = _NAMED.get(extension(name))
    if _MARKUP.match(text) or (named == "html" and _TAG.search(text[:4096])):
        return "html"
    return "markdown" if named == "markdown" else "text"


def mismatch(name: str, found: Format) -> str | None:
    """A warning when the file's name says another format than its content."""
    named = _NAMED.get(extension(name))
    if named is None or named == found or {named, found} <= {"text", "markdown"}:
        return None
    return f"the file is named {extension(name)} but holds {found}: read as {found}"
