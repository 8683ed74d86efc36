"""A simple splitter of our own: a plain or Markdown-ish document into passages by its
headings, for tests and benchmarks (the real sections come from the documents room).

A heading is a Markdown heading, a "Punkt N:" or "Skriftlig orientering:" line, a
numbered line ("2. Udviklingsdag"), a short line in capitals ("SAGSFREMSTILLING"), or a
short line standing alone between blank lines. A tab-separated table row is a section
of its own, titled by its first cell. The document's date is its first date.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from knowledge.core.dates import find_dates
from knowledge.text.passages import Passage

_MARKDOWN = re.compile(r"^(#{1,6})\s+(.*)$")
_NAMED = re.compile(r"^(?:Punkt \d+:|Skriftlig orientering:)\s*\S")
_NUMBERED = re.compile(r"^\d{1,2}\.\s+[A-ZÆØÅ]")
_CAPITALS = re.compile(r"^[A-ZÆØÅ ]{5,40}$")
_TAGS = re.compile(r"<[^>]+>")
SHORT = 120
ALONE = 100
LEAF = 9  # a heading found by layout only sits below every heading Markdown gives


@dataclass(frozen=True)
class _Line:
    text: str
    start: int
    alone: bool  # a blank line before and after


def passages_of(path: Path, first_id: int = 0) -> list[Passage]:
    source = path.read_text(encoding="utf-8")
    lines = list(_lines(source))
    title = next((line.text for line in lines if line.text), path.name)
    dates = find_dates(source[:600])
    when = dates[0].period.start if dates else None
    found: list[Passage] = []
    for heading, body in _sections(lines, markdown=bool(_MARKDOWN.search(source))):
        text = source[body[0].start : body[-1].start + len(body[-1].text)]
        found.append(
            Passage(
                first_id + len(found),
                path.name,
                title,
                when,
                heading,
                _TAGS.sub(" ", text),
                body[0].start,
            )
        )
    return found


def _lines(source: str) -> Iterator[_Line]:
    raw = source.split("\n")
    offset = 0
    for n, line in enumerate(raw):
        before = n == 0 or not raw[n - 1].strip()
        after = n + 1 == len(raw) or not raw[n + 1].strip()
        stripped = line.strip()
        yield _Line(
            stripped, offset + line.find(stripped) if stripped else offset, before and after
        )
        offset += len(line) + 1


def _sections(
    lines: list[_Line], *, markdown: bool
) -> Iterator[tuple[tuple[str, ...], list[_Line]]]:
    path: list[tuple[int, str]] = []
    body: list[_Line] = []
    for line in lines:
        if "\t" in line.text and line.text.count("\t") >= 2:
            yield from _flush(path, body)
            body = []
            title, _, rest = line.text.partition("\t")
            yield (
                (*(h for _, h in path), title.strip()),
                [_Line(rest, line.start + len(title) + 1, False)],
            )
            continue
        level = _heading_level(line, markdown)
        if level is None:
            if line.text:
                body.append(line)
            continue
        yield from _flush(path, body)
        body = []
        path = [(lv, h) for lv, h in path if lv < level] + [(level, _clean(line.text))]


def _flush(
    path: list[tuple[int, str]], body: list[_Line]
) -> Iterator[tuple[tuple[str, ...], list[_Line]]]:
    if body:
        yield tuple(h for _, h in path), body


def _heading_level(line: _Line, markdown: bool) -> int | None:
    text = line.text
    marked = _MARKDOWN.match(text)
    if marked:
        return len(marked[1])
    if not text or len(text) > SHORT or "\t" in text or text.startswith(("-", "*", "|", "<")):
        return None
    if _NAMED.match(text):
        return LEAF - 2 if markdown else 1
    if _NUMBERED.match(text):
        return LEAF - 1 if markdown else 2
    if _CAPITALS.match(text):
        return LEAF if markdown else 3
    if _alone(line):
        return LEAF if markdown else 2
    return None


def _alone(line: _Line) -> bool:
    text = line.text
    return line.alone and text[0].isupper() and text[-1] not in ".:;,|" and len(text) <= ALONE


def _clean(heading: str) -> str:
    return _MARKDOWN.sub(r"\2", heading).replace("**", "").strip()
