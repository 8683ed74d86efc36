"""The heading tree of any document, and its sections: nothing of the text is lost.

Headings are found by general rules about how Danish cooperation documents are laid out,
never by a document's exact wording:

- Markdown ("## 2. Title") and HTML heading lines, and lines that are bold throughout;
- numbered headings ("1.", "2.1.", "Punkt 3:", "Pkt. 4", "Dagsordenspunkt 5", "Ad 1.A)",
  and numbers glued to the title "38Godkendelse af dagsorden"), when the numbering
  continues or starts a count and text follows (a run of numbered lines with nothing
  between them is a list, such as an agenda's list of items, not a heading each); a
  number followed by a month ("9. oktober 2023 ...") is a date, and a line of several
  sentences is a numbered paragraph;
- the labels of an agenda item on a line of their own ("Sagsfremstilling", "Indstilling",
  "Det indstilles,", "Direktionen indstiller,", "Beslutning", "Bilag", ...), in any case;
- lines in capitals ("UDVALG", "SAGSFREMSTILLING", "MENTAL SUNDHED HOS BØRN OG UNGE:");
- short title-like lines that start a paragraph and are followed by body text: a capital
  first letter, no full stop, not a field ("Hvad: ..."), a person, an address or a link;
- the first such line of the document is its title, with looser limits.

Levels follow the order headings are met in (as reStructuredText assigns them): a style
seen before returns to its level, a new style goes one deeper. Markdown levels nest by
their number. Labels are siblings of each other and children of the item they stand in;
title-like lines and capitals are children of the heading above them. A numbered heading
that continues a count ("2." after "1.") is the sibling of the one before, wherever that
stands; one that starts a new count ("1." under item 12) is a child.

Sections cut the text at each heading: a section runs from its heading line to the next
heading, so every character after the comment header belongs to exactly one section, in
reading order (a preorder of the tree). Text before the first heading is a section with
the path () when it holds anything but white space; else it joins the first section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from knowledge.core.dates import parse_date
from knowledge.core.errors import DateError
from knowledge.documents.layout import (
    GLUED_LABEL,
    Line,
    Role,
    ends_with_connector,
    is_navigation,
    label_role,
    without_navigation,
)
from knowledge.documents.records import SectionRecord

Style = Literal["document", "md", "bold", "number", "label", "caps", "title"]
_STRUCTURED = ("md", "bold", "number")

_NUMBERED = re.compile(
    r"^(?:(?P<word>(?i:dagsordenspunkt|punkt|pkt\.?|ad\.?))\s*)?"
    r"(?P<num>\d{1,3}(?:\.\d{1,2})*)"
    r"(?:\s*[.:)]\s*(?:[A-Z]\)\s*)?|(?=[A-ZÆØÅ]))"
    r"(?P<title>[\"'“‘(A-ZÆØÅ].*)$"
)
_MONTH_START = re.compile(
    r"^(?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november"
    r"|december|halvår|kvartal|jan|feb|mar|apr|jun|jul|aug|sep|okt|nov|dec)\b",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"[.!?]\s+[A-ZÆØÅ]")
_FIELD = re.compile(r"^[A-ZÆØÅ][\wæøå .&/()-]{0,40}:\s+\S")
_CONTACT = re.compile(
    r"@|https?://|www\.|\b(?:tlf|telefon|mobil)\b|\d{2} ?\d{2} ?\d{2} ?\d{2}", re.I
)
_DATED_LABEL = re.compile(
    r"^(?:udgivet|publiceret|offentliggjort|opdateret|dato|mødedato|tid|tidspunkt)\b", re.I
)
# "Kate Hansen, Favrskov Kommune": a person and what they represent, not a title.
_PERSON = re.compile(r"^(?:[A-ZÆØÅ][\w.'-]+\s+){1,4}[A-ZÆØÅ][\w'-]+\s*(?:,|\()")
_REFERENCE = re.compile(r"\b(?:sags?nr|j\.?\s?nr|nr)\.?:?\s*[\d/.-]{2,}", re.IGNORECASE)
_FILE_NAME = re.compile(r"\.(?:pdf|docx?|xlsx?|pptx?|potx|odt|txt|zip)$", re.IGNORECASE)
# A finite verb makes a short line a sentence ("Målene med dagen er"), unless it asks.
_FINITE = re.compile(r"\b(?:er|var|har|havde|skal|kan|vil|blev|bliver|må|bør|får)\b")
_DOCUMENT_WORDS = ("referat", "dagsorden", "mødereferat", "beslutningsreferat")
_LETTERS = re.compile(r"[A-Za-zÆØÅæøåÉéÜü]")
_SENTENCE_END = (".", "!", "?", ":")
TITLE_MAX = 100
TITLE_WORDS = 12
DOCUMENT_TITLE_MAX = 200
DOCUMENT_TITLE_WORDS = 25
NUMBERED_MAX = 160
SHORT_NUMBERED = 110


@dataclass(frozen=True)
class Heading:
    """A heading line with its place in the tree."""

    line: Line
    style: Style
    level: int
    title: str  # the heading as written, markup removed
    path: tuple[str, ...]  # the titles from the top down to this one
    number: str | None = None  # "3", "2.1" for numbered headings (and Markdown ones)
    role: Role | None = None  # what a label heading opens
    glued: Role | None = None  # a label glued to the end of the title ("formandenReferat")


@dataclass(frozen=True)
class Outline:
    """A document's lines, its headings and its sections (one per heading, plus the text
    before the first heading when there is any), in reading order."""

    lines: tuple[Line, ...]
    headings: tuple[Heading, ...]
    sections: tuple[SectionRecord, ...]
    section_of_line: tuple[int, ...] = field(repr=False)  # line index -> section index
    heading_of_section: tuple[Heading | None, ...] = field(repr=False)

    def section_at(self, line: Line) -> SectionRecord:
        return self.sections[self.section_of_line[line.index]]

    def heading_at(self, line: Line) -> Heading | None:
        return self.heading_of_section[self.section_of_line[line.index]]


@dataclass(frozen=True)
class _Candidate:
    style: Style
    key: tuple[object, ...]
    title: str
    number: str | None = None
    word: str = ""
    role: Role | None = None
    glued: Role | None = None


@dataclass
class _Open:
    heading: Heading
    key: tuple[object, ...]


def outline(text: str, lines: Sequence[Line], body_start: int) -> Outline:
    """The heading tree and sections of `text`; `lines` start at `body_start`."""
    candidates = _candidates(lines)
    headings = _place(lines, candidates)
    return _cut(text, tuple(lines), headings, body_start)


def numbered(text: str) -> tuple[str, str, str] | None:
    """ "2.1. Title" -> ("", "2.1", "Title"); "Punkt 3: Title" -> ("punkt", "3", "Title")."""
    found = _NUMBERED.match(text)
    if found is None or _MONTH_START.match(found["title"]):
        return None
    word = (found["word"] or "").lower().rstrip(".")
    return word, found["num"], found["title"].strip()


def _candidates(lines: Sequence[Line]) -> dict[int, _Candidate]:
    found: dict[int, _Candidate] = {}
    title_open = True  # until the first line that is not furniture or a date
    for line in lines:
        if line.blank:
            continue
        candidate = _candidate(lines, line, title_open)
        if candidate is not None:
            found[line.index] = candidate
        if title_open and (candidate is not None or not _furniture(line.text)):
            title_open = False
    return {
        index: candidate
        for index, candidate in found.items()
        if candidate.style != "number"
        or (_text_follows(lines, index, found) and not _ends_a_list(lines, index))
    }


def _candidate(lines: Sequence[Line], line: Line, may_be_title: bool) -> _Candidate | None:
    if line.table:
        return None
    if line.md:
        return _markdown(line)
    bare = without_navigation(line.text)
    role = label_role(bare)
    if role is not None and may_be_title and bare.lower() in _DOCUMENT_WORDS:
        return _Candidate("document", ("document",), bare)
    if role is not None:
        return _Candidate("label", ("label",), bare, role=role)
    if is_navigation(line.text):
        return None
    return _plain_candidate(lines, line, may_be_title)


def _plain_candidate(lines: Sequence[Line], line: Line, may_be_title: bool) -> _Candidate | None:
    """A line without heading markup or label: numbered, bold, capitals or title-like."""
    text = line.text
    number = numbered(text)
    if number is not None and _numbered_title(number[2], bool(number[0])):
        word, num, title = number
        return _numbered_candidate(word, num, text, title)
    if line.bold:
        return _Candidate("bold", ("bold",), text)
    if line.bullet or number is not None:
        return None
    if _is_caps(text):
        return _Candidate("caps", ("caps",), text)
    if may_be_title and _document_title_like(text):
        return _Candidate("document", ("document",), text)
    if _title_like(lines, line):
        return _Candidate("title", ("title",), text)
    return None


def _markdown(line: Line) -> _Candidate:
    number = numbered(line.text)
    glued = GLUED_LABEL.search(line.text)
    role = label_role(line.text)
    return _Candidate(
        "md",
        ("md", line.md),
        line.text,
        number=number[1] if number else None,
        word=number[0] if number else "",
        role=role,
        glued=label_role(glued.group(1)) if glued else None,
    )


def _numbered_candidate(word: str, num: str, text: str, title: str) -> _Candidate:
    glued = GLUED_LABEL.search(title)
    return _Candidate(
        "number",
        ("number", word, num.count(".")),
        text,
        number=num,
        word=word,
        glued=label_role(glued.group(1)) if glued else None,
    )


def _numbered_title(title: str, worded: bool = False) -> bool:
    """An agenda title, not a numbered paragraph: short, and no full stop at its end (two
    phrases "Ledelsesprogram. Udpegning til hold 3" are fine, a run of sentences is not)."""
    if len(title) > NUMBERED_MAX or title.endswith((".", ",", ";", ":")):
        return False
    return worded or len(title) <= SHORT_NUMBERED or not _SENTENCES.search(title)


def _is_caps(text: str) -> bool:
    letters = _LETTERS.findall(text)
    if len(letters) < 4 or len(text) > 80 or text.endswith(","):
        return False
    return sum(1 for letter in letters if letter.isupper()) >= 0.85 * len(letters)


def _document_title_like(text: str) -> bool:
    return (
        len(text) <= DOCUMENT_TITLE_MAX
        and len(text.split()) <= DOCUMENT_TITLE_WORDS
        and text[0].isupper()
        and not text.endswith((".", ",", ";"))
        and not _date_only(text)
        and not _DATED_LABEL.match(text)
        and not _CONTACT.search(text)
    )


def _title_like(lines: Sequence[Line], line: Line) -> bool:
    text = line.text
    if not (3 <= len(text) <= TITLE_MAX) or not 2 <= len(text.split()) <= TITLE_WORDS:
        return False
    if not text[0].isupper() or text.endswith((".", ",", ";", ":", "!")):
        return False
    if _FIELD.match(text) or _CONTACT.search(text) or _DATED_LABEL.match(text):
        return False
    if _PERSON.match(text) or _REFERENCE.search(text) or _FILE_NAME.search(text):
        return False
    if _FINITE.search(text) and not text.endswith("?"):
        return False
    if ends_with_connector(text) or _date_only(text):
        return False
    return _starts_paragraph(lines, line) and _body_follows(lines, line)


def _starts_paragraph(lines: Sequence[Line], line: Line) -> bool:
    previous = lines[line.index - 1] if line.index > 0 else None
    if previous is None or previous.blank or previous.md or previous.bold:
        return True
    return previous.text.endswith(_SENTENCE_END) or label_role(previous.text) is not None


def _body_follows(lines: Sequence[Line], line: Line) -> bool:
    following = _next_text(lines, line.index)
    if following is None or following.table:
        return False
    if following.bullet:
        return True
    longer = len(following.text) >= 1.2 * len(line.text) and len(following.text.split()) >= 5
    return longer or following.text.endswith(".")


def _next_text(lines: Sequence[Line], index: int) -> Line | None:
    return next((line for line in lines[index + 1 :] if not line.blank), None)


def _text_follows(lines: Sequence[Line], index: int, found: dict[int, _Candidate]) -> bool:
    """A numbered line is a heading when text follows it before the next numbered line."""
    following = _next_text(lines, index)
    if following is None:
        return False
    other = found.get(following.index)
    if other is not None and other.style == "label":
        return True
    return other is None and numbered(following.text) is None and not following.table


def _furniture(text: str) -> bool:
    return is_navigation(text) or _date_only(text) or bool(_DATED_LABEL.match(text))


def _ends_a_list(lines: Sequence[Line], index: int) -> bool:
    """The last entry of a numbered list: the line before it is the entry it continues."""
    previous = next((line for line in reversed(lines[:index]) if not line.blank), None)
    before = numbered(previous.text) if previous is not None else None
    after = numbered(lines[index].text)
    if before is None or after is None or before[0] != after[0]:
        return False
    return _continues(before[1], after[1])


def _date_only(text: str) -> bool:
    if len(text) > 45 or not any(char.isdigit() for char in text):
        return False
    try:
        parse_date(text, year=2000)
    except DateError:
        return False
    return True


def _place(lines: Sequence[Line], candidates: dict[int, _Candidate]) -> list[Heading]:
    stack: list[_Open] = []
    headings: list[Heading] = []
    started: dict[tuple[object, ...], tuple[str, int]] = {}
    for index in sorted(candidates):
        candidate = candidates[index]
        if candidate.style == "md" and candidate.role is not None and _item_open(stack):
            # "## Beslutning" inside an agenda item is the item's part, whatever its level.
            candidate = replace(candidate, style="label", key=("label",))
        key = _open_at(stack, candidate, started)
        if key is None:
            continue
        level = (stack[-1].heading.level if stack else 0) + 1
        path = (*(entry.heading.title for entry in stack), candidate.title)
        heading = Heading(
            line=lines[index],
            style=candidate.style,
            level=level,
            title=candidate.title,
            path=path,
            number=candidate.number,
            role=candidate.role,
            glued=candidate.glued,
        )
        stack.append(_Open(heading, key))
        headings.append(heading)
    return headings


def _open_at(
    stack: list[_Open], candidate: _Candidate, started: dict[tuple[object, ...], tuple[str, int]]
) -> tuple[object, ...] | None:
    """Pop `stack` to where `candidate` stands; its key, or None when it is no heading."""
    style = candidate.style
    if style == "document":
        stack.clear()
    elif style == "label":
        # A sibling of the label open in the same item (one whose parent is structured).
        labels = [
            at
            for at, entry in enumerate(stack)
            if entry.heading.style == "label"
            and at
            and stack[at - 1].heading.style in (*_STRUCTURED, "document")
        ]
        if labels:
            del stack[labels[-1] :]
        _pop_while(stack, ("caps", "title"))
    elif style in ("caps", "title"):
        _pop_while(stack, ("caps", "title"))
    elif style == "md":
        level = candidate.key[1]
        while (
            stack and stack[-1].heading.style != "document" and not _shallower_md(stack[-1], level)
        ):
            stack.pop()
    elif style == "number":
        return _open_number(stack, candidate, started)
    else:
        at = next((at for at, entry in enumerate(stack) if entry.key == candidate.key), None)
        if at is not None:
            del stack[at:]
    return candidate.key


def _item_open(stack: list[_Open]) -> bool:
    return any(entry.heading.number is not None for entry in stack)


def _shallower_md(entry: _Open, level: object) -> bool:
    return entry.heading.style == "md" and int(str(entry.key[1])) < int(str(level))


def _pop_while(stack: list[_Open], styles: tuple[str, ...]) -> None:
    while stack and stack[-1].heading.style in styles:
        stack.pop()


def _open_number(
    stack: list[_Open], candidate: _Candidate, started: dict[tuple[object, ...], tuple[str, int]]
) -> tuple[object, ...] | None:
    """Sibling of the heading it continues; a child when it starts a count; else text."""
    number = candidate.number or ""
    family = candidate.key
    for at in range(len(stack) - 1, -1, -1):
        entry = stack[at]
        if entry.key[:3] == family and _continues(entry.heading.number or "", number):
            del stack[at:]
            started[family] = (number, at)
            return entry.key
    last = started.get(family)
    if last is not None and _continues(last[0], number):
        del stack[last[1] :]  # the count it continues was closed by a heading above it
        started[family] = (number, last[1])
        return (*family, last[1], number)
    if _starts(number) or last is None:
        started[family] = (number, len(stack))
        return (*family, len(stack), number)
    return None


def _continues(before: str, after: str) -> bool:
    head, _, last = before.rpartition(".")
    after_head, _, after_last = after.rpartition(".")
    return head == after_head and last.isdigit() and after_last == str(int(last) + 1)


def _starts(number: str) -> bool:
    return number.rpartition(".")[2] in ("0", "1")


def _cut(text: str, lines: tuple[Line, ...], headings: list[Heading], body_start: int) -> Outline:
    starts = [heading.line.start for heading in headings]
    sections: list[SectionRecord] = []
    owners: list[Heading | None] = []
    first = starts[0] if starts else len(text)
    if text[body_start:first].strip() or not headings:
        sections.append(SectionRecord((), 0, text[body_start:first], body_start, first))
        owners.append(None)
    for at, heading in enumerate(headings):
        start = heading.line.start if sections else body_start
        end = starts[at + 1] if at + 1 < len(starts) else len(text)
        sections.append(SectionRecord(heading.path, heading.level, text[start:end], start, end))
        owners.append(heading)
    return Outline(lines, tuple(headings), tuple(sections), _owners(lines, sections), tuple(owners))


def _owners(lines: tuple[Line, ...], sections: list[SectionRecord]) -> tuple[int, ...]:
    owner: list[int] = []
    at = 0
    for line in lines:
        while at + 1 < len(sections) and sections[at + 1].start <= line.start:
            at += 1
        owner.append(at)
    return tuple(owner)
