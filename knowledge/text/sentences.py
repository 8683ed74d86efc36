"""The sentences of a passage, each with its span in the passage's text.

A sentence ends at a full stop, question or exclamation mark followed by a capital or a
digit, unless the word before the stop is an abbreviation ("kr.", "bl.a.", "d.") or a
single letter; a line break or an HTML tag always ends one (lists, tables, cells). Bullets,
Markdown marks and table bars around a sentence are not part of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“(A-ZÆØÅ0-9])|\n|<[^>]*>|\t")
_ABBREVIATIONS = frozenset(
    {"pr", "ca", "jf", "hhv", "vedr", "bl.a", "mhp", "evt", "fx", "f.eks", "mv", "m.v", "nr"}
    | {"kl", "inkl", "ift", "dvs", "osv", "o.l", "mht", "ang", "tlf", "st", "kr", "mio", "mia"}
    | {"t.kr", "mr", "dr", "jan", "feb", "aug", "sep", "sept", "okt", "nov", "dec", "ad"}
)
_EDGE = " \t\r\n-–*•|#>_"
MIN_LETTERS = 2


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in `text`, in order."""
    return [span for span in _spans(text) if _worded(text[span[0] : span[1]])]


def _spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for gap in _BREAK.finditer(text):
        if gap[0].isspace() and gap[0] != "\n" and _abbreviated(text[start : gap.start()]):
            continue
        yield _trimmed(text, start, gap.start())
        start = gap.end()
    yield _trimmed(text, start, len(text))


def _abbreviated(sentence: str) -> bool:
    words = sentence.split()
    last = words[-1].lstrip("(").removesuffix(".").lower() if words else ""
    return (len(last) == 1 and last.isalpha()) or last in _ABBREVIATIONS


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _worded(sentence: str) -> bool:
    return sum(ch.isalnum() for ch in sentence) >= MIN_LETTERS
