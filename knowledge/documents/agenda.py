"""The agenda of minutes or of an agenda: numbered items with case text, recommendation
and decision.

Items come from two places, joined by their number:
- the numbered headings that continue one count from the first ("1.", "2.", ... or
  "Punkt 1:", or "38Godkendelse ...", "39Beslutning ..." when the count is the year's);
  a count that starts again inside an item ("1." under item 12) holds sub-items, not items;
- a numbered list of titles (an agenda's list of items, "PUNKTER", with sub-items "2.1.");
  lists only count before the first numbered heading, where a document lists its agenda,
  or in a document without numbered headings.

An item's parts are the sections under it, by their label: the case text (Sagsfremstilling,
Baggrund, Resume, Beskrivelse af sagen), the recommendation (Indstilling, "Det indstilles,",
"Administrationen indstiller,") and the decision (Beslutning; Referat when there is no
Beslutning; a label glued to the title, "formandenReferat"). Each part is kept whole.
An item cut off by the end of an excerpt keeps what it has: no decision is not a decision
to do nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from knowledge.documents.layout import GLUED_LABEL, INLINE_LABEL, Line, Role, label_role
from knowledge.documents.reading import Reading
from knowledge.documents.records import AgendaItem
from knowledge.documents.sections import Heading, numbered

_TIME_SLOT = re.compile(
    r"\s*\((?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?\s*[-–]\s*\d{1,2}(?:[.:]\d{2})?\)\s*$", re.IGNORECASE
)
_INLINE_RECOMMENDATION = re.compile(
    r"(?:^|\n)\s*((?:det\s+indstilles|\w+(?:\s+\w+){0,3}\s+indstiller)\b.*)", re.IGNORECASE
)
_ITEM_PREFIX = re.compile(r"^(?:(?:dagsordens)?punkt|pkt\.?|ad\.?)\s*", re.IGNORECASE)
LIST_MIN = 2


@dataclass(frozen=True)
class Entry:
    """An agenda item as found: its number, title, heading (when it has one) and span."""

    number: str
    title: str
    line: Line
    heading: Heading | None
    end: int  # where its text ends in the document


def agenda(reading: Reading) -> list[AgendaItem]:
    """The document's agenda items in order, each with its parts."""
    return [_item(reading, entry) for entry in entries(reading)]


def entries(reading: Reading) -> list[Entry]:
    """The agenda's entries as found, in order (headed entries win over listed ones)."""
    headed = _headed(reading)
    by_number = {entry.number: entry for entry in _listed(reading, headed)}
    for entry in headed:
        by_number[entry.number] = entry
    return sorted(by_number.values(), key=_order)


def clean_title(title: str) -> str:
    """A title without its number, a time slot or a label glued to its end."""
    found = numbered(title)
    text = found[2] if found else _ITEM_PREFIX.sub("", title)
    text = GLUED_LABEL.sub("", text)
    return " ".join(_TIME_SLOT.sub("", text).split()).strip(" *")


def _order(entry: Entry) -> tuple[int, int]:
    keys = [int(part) for part in entry.number.split(".") if part.isdigit()]
    return (keys[0] if keys else 0, keys[1] if len(keys) > 1 else -1)


def _headed(reading: Reading) -> list[Entry]:
    headings = reading.outline.headings
    found: list[Entry] = []
    last: str | None = None
    kind: str | None = None
    numbered_headings = [h for h in headings if h.number is not None and "." not in h.number]
    for heading in numbered_headings:
        family = _family(heading)
        if last is None or (family == kind and _next(last, heading.number or "")):
            found.append(
                Entry(heading.number or "", clean_title(heading.title), heading.line, heading, 0)
            )
            last, kind = heading.number, family
    return _with_ends(reading, found)


def _family(heading: Heading) -> str:
    found = numbered(heading.title)
    return found[0] if found else ""


def _next(before: str, after: str) -> bool:
    return before.isdigit() and after == str(int(before) + 1)


def _with_ends(reading: Reading, found: list[Entry]) -> list[Entry]:
    text_end = len(reading.text)
    ended = []
    for at, entry in enumerate(found):
        end = found[at + 1].line.start if at + 1 < len(found) else text_end
        ended.append(Entry(entry.number, entry.title, entry.line, entry.heading, end))
    return ended


def _listed(reading: Reading, headed: list[Entry]) -> list[Entry]:
    """Numbered lines in runs of at least LIST_MIN, before the first numbered heading."""
    limit = headed[0].line.index if headed else len(reading.lines)
    runs: list[list[tuple[Line, str, str]]] = [[]]
    for line in reading.lines[:limit]:
        if line.blank:
            continue
        found = numbered(line.text)
        if found is None or (line.md and headed):
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append((line, found[1], found[2]))
    return [
        Entry(number, clean_title(title), line, None, line.end)
        for run in runs
        if len(run) >= LIST_MIN
        for line, number, title in run
    ]


def _item(reading: Reading, entry: Entry) -> AgendaItem:
    parts = dict(_parts(reading, entry))
    decision = parts.get("decision")
    recommendation = parts.get("recommendation") or _inline_recommendation(parts.get("case"))
    source = reading.source(entry.line.start, entry.end if entry.heading else entry.line.end)
    return AgendaItem(
        number=entry.number,
        title=entry.title,
        decision=decision,
        case_text=parts.get("case"),
        recommendation=recommendation,
        source=source,
    )


def _parts(reading: Reading, entry: Entry) -> Iterator[tuple[Role, str]]:
    """The item's labelled parts, each the text up to the next label of the item."""
    heading = entry.heading
    if heading is None:
        return
    labels = [
        h
        for h in reading.outline.headings
        if entry.line.start < h.line.start < entry.end
        and h.role is not None
        and h.style in ("label", "md")
    ]
    collected: dict[Role, list[str]] = {}
    if heading.glued is not None:
        first = labels[0].line.start if labels else entry.end
        collected.setdefault(heading.glued, []).append(_text(reading, entry.line.end, first))
    decided = any(label.title.lower().startswith("beslut") for label in labels)
    for at, label in enumerate(labels):
        end = labels[at + 1].line.start if at + 1 < len(labels) else entry.end
        role = label.role
        if role is None or (role == "decision" and decided and not _is_decision(label)):
            continue  # "Referat" beside a "Beslutning": the minutes of the talk, not the decision
        collected.setdefault(role, []).append(_text(reading, label.line.end, end))
    for role, value in _inline_parts(reading, entry):
        collected.setdefault(role, []).append(value)
    for role, texts in collected.items():
        joined = "\n".join(text for text in texts if text)
        if joined:
            yield role, joined


def _inline_parts(reading: Reading, entry: Entry) -> Iterator[tuple[Role, str]]:
    """ "Beslutning: Godkendt." inside the item: the label and its text on one line."""
    first = entry.line.index + 1
    for line in reading.lines[first:]:
        if line.start >= entry.end:
            break
        found = INLINE_LABEL.match(line.text)
        if found is not None:
            role = label_role(found["label"])
            if role is not None:
                yield role, found["value"].strip()


def _is_decision(label: Heading) -> bool:
    return label.title.lower().startswith("beslut")


def _text(reading: Reading, start: int, end: int) -> str:
    """The plain text of the lines in [start, end), one line per line, list items "- "."""
    if start >= end:
        return ""
    first = reading.line_at(start).index
    lines: Sequence[Line] = reading.lines[first:]
    kept = []
    for line in lines:
        if line.start >= end:
            break
        if line.start >= start and not line.blank:
            kept.append(f"- {line.text}" if line.bullet else line.text)
    return "\n".join(kept).strip()


def _inline_recommendation(case: str | None) -> str | None:
    """ "Det indstilles, at ..." written inside the case text."""
    if not case:
        return None
    found = _INLINE_RECOMMENDATION.search(case)
    return found.group(1).strip() if found else None
