"""`read_file`: a file's bytes to `SourceText`, whichever format it is in."""

from __future__ import annotations

from knowledge.core.errors import EmptyDocument, UnsupportedFormat
from knowledge.documents.formats import plain, sniffing
from knowledge.documents.formats.source_text import SourceText


def read_file(name: str, data: bytes) -> SourceText:
    """The document in `data` as text. `name` is the file's name: it tells Markdown from
    plain text and names the file in errors; the content decides everything else.

    Raises an `UnreadableFile` (from knowledge.core.errors) that says what to do instead:
    `UnsupportedFormat`, `EmptyDocument`, `EncryptedDocument`, `NoTextLayer` or
    `CorruptDocument`."""
    found = sniffing.binary_format(name, data)
    if found == "pdf":
        from knowledge.documents.formats.pdf import read_pdf  # pdfminer loads in ~0.2 s

        source = read_pdf(name, data)
    elif found == "docx":
        from knowledge.documents.formats.word import read_docx  # python-docx loads in ~0.1 s

        source = read_docx(name, data)
    else:
        source = _read_text(name, data)
    warning = sniffing.mismatch(name, source.format)
    if warning is None:
        return source
    return SourceText(
        source.text, source.format, source.title, source.date, source.pages,
        (warning, *source.warnings),
    )  # fmt: skip


def _read_text(name: str, data: bytes) -> SourceText:
    text, warnings = plain.decode(data)
    if plain.looks_binary(text):
        raise UnsupportedFormat(
            name, f"binary data, not a document Klyngebot reads: {sniffing.SEND_INSTEAD}"
        )
    if sniffing.text_format(name, text) == "html":
        from knowledge.documents.formats.web_page import read_html

        return read_html(name, data)
    text = plain.normalise(text)
    if not text.strip():
        raise EmptyDocument(name, "the document is empty")
    return SourceText(text, sniffing.text_format(name, text), None, None, (), warnings)
