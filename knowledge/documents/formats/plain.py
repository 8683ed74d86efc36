"""Bytes to text for plain text, Markdown and HTML: which encoding, and the few changes
made to the text.

Plain text and Markdown pass through: the text is the file's own, with line endings made
`\\n`, non-breaking spaces made plain spaces and a byte-order mark removed, and nothing else
changed, so a character span in `SourceText.text` is a span of the source as a person sees
it (structure is left to the document reader; `# ` comment lines stay).

Encodings, in order: a byte-order mark (UTF-8, UTF-16) decides; else strict UTF-8; else the
encoding an HTML page declares; else a
file that is mostly UTF-8 with a few bad bytes (two files glued together, a cut) stays UTF-8
with the bad bytes replaced; else Windows-1252 (what Danish Windows programs write: æ ø å
and typographic quotes), or Latin-1 when the file uses bytes Windows-1252 leaves undefined.
Every fallback is named in the warnings, so a person can check æ, ø and å.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8", None),
    (codecs.BOM_UTF16_LE, "utf-16-le", "read as UTF-16 (byte-order mark)"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "read as UTF-16 (byte-order mark)"),
)
# A lead byte and its continuation bytes: a character UTF-8 encodes in two to four bytes.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LINE_ENDINGS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_NO_BREAK_SPACES = re.compile(r"[\u00a0\u2007\u202f]")


def decode(data: bytes, declared: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The text of `data` and warnings that say which encoding was used when it was not
    UTF-8. `declared` is an encoding the file names itself (an HTML meta charset)."""
    for bom, encoding, warning in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return text, (warning,) if warning else ()
    try:  # before a declared charset: saved pages are often UTF-8 under an old meta tag
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    if declared is not None and _known(declared) and codecs.lookup(declared).name != "utf-8":
        return data.decode(declared, errors="replace"), (f"read as {declared} (declared)",)
    return _fallback(data)


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
    except LookupError:
        return False
    return True


def _fallback(data: bytes) -> tuple[str, tuple[str, ...]]:
    valid = len(_UTF8_SEQUENCE.findall(data))
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if valid >= 4 * bad:
        return text, (f"not valid UTF-8: {bad} byte(s) could not be read and were replaced",)
    if _CP1252_UNDEFINED.search(data):
        return data.decode("latin-1"), ("not UTF-8: read as Latin-1 (ISO-8859-1)",)
    return data.decode("cp1252"), ("not UTF-8: read as Windows-1252 (cp1252)",)


def normalise(text: str) -> str:
    """Line endings as `\\n`, non-breaking spaces as spaces, no byte-order mark."""
    text = _LINE_ENDINGS.sub("\n", text.removeprefix("\ufeff"))
    return _NO_BREAK_SPACES.sub(" ", text)


def looks_binary(text: str) -> bool:
    """True when the text is full of control characters: bytes of some other format."""
    sample = text[:4096]
    return "\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) // 100
