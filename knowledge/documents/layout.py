"""What a line of a document looks like: its plain text and its layout marks.

Real files mix Markdown ("## 2. Title", "**bold**", "- item"), HTML fragments ("<p>",
"<b>", "<li>"), tab- or pipe-separated tables, bullets with odd characters (" • ") and web
navigation left over from a saved page. Every reader works on `Line`s: the line's span in
the document's text, its text without markup (`text`), and what the markup said
(Markdown level, bullet, table row, bold).

The vocabulary of minutes lives here too: the labels that open the parts of an agenda item
("Sagsfremstilling", "Indstilling", "Det indstilles,", "Administrationen indstiller,",
"Beslutning", "Bilag", ...) and the navigation words of web pages ("Gå til indhold",
"Tilbage til toppen", "Fold alle punkter").
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal

Role = Literal["case", "recommendation", "decision", "attachments", "status", "other"]

_TAG = re.compile(r"<[^>\n]*>")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|\\(?=[()\[\]*_#])")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_HTML_HEADING = re.compile(r"^\s*<h([1-6])\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-•*·▪◦‣–]|\d{1,2}\))\s+|^\s*<li\b", re.IGNORECASE)
_BOLD = re.compile(
    r"^\s*(?:#{1,6}\s+)?(?:\*\*[^*\n]+\*\*|__[^_\n]+__|<(?:b|strong)>.*</(?:b|strong)>)\s*:?\s*$",
    re.IGNORECASE,
)
_CELL_SPLIT = re.compile(r"\t|\s\|\s?|^\||\|$")
# Any character some markup rule acts on; a line without one is plain already.
_MARKUP = re.compile(r"[<>\[\]*_#&\\•·▪◦‣]|^\s*(?:[-–]|\d{1,2}\))\s")
_SPACES = re.compile(r"[\s\u00a0\u200b]+")

# The parts of an agenda item, by the words that open them (folded to lower case).
LABELS: dict[str, Role] = {
    "sagsfremstilling": "case",
    "beskrivelse af sagen": "case",
    "sagsbeskrivelse": "case",
    "baggrund": "case",
    "resume": "case",
    "resumé": "case",
    "sagen": "case",
    "indstilling": "recommendation",
    "indstillinger": "recommendation",
    "forslag til beslutning": "recommendation",
    "det indstilles": "recommendation",
    "beslutning": "decision",
    "beslutninger": "decision",
    "referat": "decision",
    "afgørelse": "decision",
    "konklusion": "decision",
    "bilag": "attachments",
    "bilagsfortegnelse": "attachments",
    "status": "status",
    "skriftlig orientering": "other",
    "økonomi": "other",
    "økonomiske konsekvenser": "other",
    "formål": "other",
    "deltagere": "other",
    "mødedeltagere": "other",
    "afbud": "other",
    "fraværende": "other",
    "dagsorden": "other",
    "punkter": "other",
    "den videre proces": "other",
    "videre proces": "other",
    "tidsplan": "other",
    "lovgrundlag": "other",
    "kompetence": "other",
    "høring": "other",
    "kommunikation": "other",
}
# "Administrationen indstiller,", "Direktionen indstiller, at", "X indstiller til Y at:"
_INDSTILLER = re.compile(
    r"^(?:\w+\s+){1,4}indstiller(?:\s+til\s+[^,.:]{1,60})?\s*(?:,\s*at|,|\s+at)?\s*:?$", re.I
)
_INDSTILLES = re.compile(
    r"^det\s+indstilles(?:\s+til\s+[^,.:]{1,60})?\s*(?:,\s*at|,|\s+at)?\s*:?$", re.I
)
# "Beslutning: Godkendt." - a label with its text on the same line.
INLINE_LABEL = re.compile(
    r"^(?P<label>sagsfremstilling|beskrivelse af sagen|baggrund|resum[eé]|indstilling"
    r"|beslutning|referat|bilag)\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
# A label glued to the end of a title by a lost line break: "Meddelelse fra formandenReferat".
GLUED_LABEL = re.compile(r"(?<=[a-zæøå)])(Referat|Beslutning|Sagsfremstilling|Indstilling|Resume)$")

_NAVIGATION = re.compile(
    r"(?:gå til (?:indhold|hovedindhold)|spring til|abonn[eé]r\b|tilbage til toppen|til toppen"
    r"|fold (?:alle|dette) punkt|luk alle punkter|åbn alle punkter|udskriv\b|print\b"
    r"|del (?:på|siden)"
    r"|se alle\b|læs mere\b|klik her\b|forside(?:n)?\b|til forsiden|ring til os|skriv til os"
    r"|cookie|menu$|søg$|log ind)",
    re.IGNORECASE,
)
_NAVIGATION_END = ("logo", "til forsiden", "forsiden")
_FOLD = re.compile(
    r"^(?:fold (?:dette|alle) punkt(?:er)? (?:ind|ud)|luk alle punkter|åbn alle punkter)\s+", re.I
)
# "ForsidepilPolitikpilDagsordner": a breadcrumb whose arrows were saved as the word "pil".
_BREADCRUMB = re.compile(r"[a-zæøå]pil[A-ZÆØÅ].*[a-zæøå]pil[A-ZÆØÅ]")
_CONNECTOR_END = re.compile(
    r"\b(?:og|eller|i|af|til|for|med|at|som|der|en|et|de|den|det|om|på|fra|samt|ved|mellem)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """One line of the document: `start`/`end` its span in the text (no newline)."""

    index: int  # 0-based position in the list of lines
    number: int  # 1-based line number in the whole text
    start: int
    end: int
    raw: str
    text: str  # without markup, whitespace collapsed
    md: int  # Markdown or HTML heading level, 0 when none
    bullet: bool
    table: bool
    bold: bool

    @property
    def blank(self) -> bool:
        return not self.text


def plain(raw: str) -> str:
    """A line's text without markup: tags, links, emphasis, heading and bullet marks."""
    if not _MARKUP.search(raw):
        return _SPACES.sub(" ", raw).strip()
    text = _MD_HEADING.sub("", raw)
    text = _LINK.sub(r"\1", _AUTOLINK.sub(r"\1", text))
    text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = _EMPHASIS.sub("", text)
    text = _BULLET.sub("", text)
    return _SPACES.sub(" ", text).strip()


def read_lines(text: str, start: int = 0) -> list[Line]:
    """The lines of `text` from offset `start` (a line boundary) to the end."""
    lines: list[Line] = []
    number = text.count("\n", 0, start) + 1
    at = start
    while at < len(text) or not lines:
        newline = text.find("\n", at)
        end = len(text) if newline < 0 else newline
        raw = text[at:end]
        lines.append(_line(len(lines), number, at, end, raw))
        if newline < 0:
            break
        at, number = newline + 1, number + 1
    return lines


def _line(index: int, number: int, start: int, end: int, raw: str) -> Line:
    md = _MD_HEADING.match(raw)
    tag = _HTML_HEADING.match(raw) if md is None and "<" in raw else None
    level = len(md.group(1)) if md else int(tag.group(1)) if tag else 0
    return Line(
        index=index,
        number=number,
        start=start,
        end=end,
        raw=raw,
        text=plain(raw),
        md=level,
        bullet=bool(_BULLET.match(raw)),
        table=is_table_row(raw),
        bold=bool(_BOLD.match(raw)) if ("*" in raw or "_" in raw or "<" in raw) else False,
    )


def is_table_row(raw: str) -> bool:
    """A row of a tab- or pipe-separated table, or of an HTML table."""
    if "\t" in raw:
        return sum(1 for cell in raw.split("\t") if cell.strip()) >= 2 or raw.count("\t") >= 2
    if "|" in raw:
        return raw.count("|") >= 2 or raw.rstrip().endswith("|") or " | " in raw
    return "<td" in raw.lower() or "<tr" in raw.lower()


def cells(raw: str) -> list[str]:
    """The plain text of a table row's cells, trailing empty cells dropped."""
    parts = raw.split("\t") if "\t" in raw else _CELL_SPLIT.split(raw)
    found = [plain(part) for part in parts]
    while found and not found[-1]:
        found.pop()
    while found and not found[0] and "\t" not in raw:
        found.pop(0)
    return found


def label_role(text: str) -> Role | None:
    """The part of an agenda item a line opens, when the line is only a label."""
    key = text.strip().rstrip(":,.").strip().lower()
    if not key or len(key) > 90:
        return None
    if key in LABELS:
        return LABELS[key]
    if _INDSTILLES.match(key) or _INDSTILLER.match(key):
        return "recommendation"
    return None


def is_navigation(text: str) -> bool:
    """Web-page furniture: skip links, fold buttons, breadcrumbs, logos."""
    return bool(
        _NAVIGATION.match(text)
        or text.lower().endswith(_NAVIGATION_END)
        or ("pil" in text and _BREADCRUMB.search(text))
    )


def without_navigation(text: str) -> str:
    """A line without the fold button in front of it: "fold dette punkt ind Resume" -> "Resume"."""
    return _FOLD.sub("", text)


def ends_with_connector(text: str) -> bool:
    """True when a line stops on a word that needs a continuation ("... udarbejdelse af")."""
    return bool(_CONNECTOR_END.search(text))
