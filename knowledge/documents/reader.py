"""The general reader: any cooperation document into records, by general rules.

`read_document` accepts every text that has something besides comment lines: at worst the
document is kept as its sections ("text only"). It reads, in order:

1. the comment header ("# source: URL", "# retrieved: ...") and the lines (`headers`,
   `layout`); the header never decides anything about the document;
2. the heading tree and its sections, which cover the whole text (`sections`);
3. the document's title and date (`dating`), region and cluster (`geography`);
4. what the text states: agendas, meetings, bodies with their members, agreements and
   initiatives with statuses, key dates and budgets (the modules named for them).

Every record carries its provenance: file, heading path and character span.
"""

from __future__ import annotations

import re

from knowledge.core.errors import UnknownDocument
from knowledge.core.periods import Period
from knowledge.documents import agenda, dating, items, meetings
from knowledge.documents.body_names import BodyLexicon
from knowledge.documents.geography import document_cluster, document_region
from knowledge.documents.headers import read_header, running_lines
from knowledge.documents.layout import Line, is_navigation, read_lines
from knowledge.documents.reading import Reading, plain_text
from knowledge.documents.records import ParsedDocument
from knowledge.documents.rosters import rosters
from knowledge.documents.sections import Outline, outline

GENERAL = "general"
TEXT_ONLY = "text only"
TITLE_MAX = 300
_DOCUMENT_WORD = re.compile(r"^(?:referat|dagsorden|mødereferat|beslutningsreferat)\b", re.I)


def read_document(
    file: str,
    text: str,
    *,
    title: str | None = None,
    document_date: Period | None = None,
    format: str = "text",
) -> ParsedDocument:
    """Everything `text` (the content of `file`) states, as records; never refuses a text
    with content. `title` and `document_date` are what the file's format knew, if anything."""
    reading = read(file, text, title=title, document_date=document_date)
    lexicon = BodyLexicon(reading.plain, region=reading.region, cluster=reading.cluster)
    found = agenda.entries(reading)
    agenda_items = agenda.agenda(reading)
    own = meetings.own_meeting(reading, lexicon, found, agenda_items)
    mentioned = meetings.mentioned(reading, lexicon, own)
    bodies, own = rosters(reading, lexicon, own)
    all_meetings = meetings.all_meetings(own, mentioned)
    things = items.items(reading, found, agenda_items)
    structured = bool(all_meetings or bodies or things)
    return ParsedDocument(
        file=file,
        shape=GENERAL if structured else TEXT_ONLY,
        title=reading.title,
        document_date=reading.date,
        items=things,
        meetings=all_meetings,
        sections=reading.outline.sections,
        bodies=bodies,
        format=format,
        source_url=reading.header.source_url,
    )


def read(
    file: str, text: str, *, title: str | None = None, document_date: Period | None = None
) -> Reading:
    """The document cut into lines and sections, with its title and date."""
    if not text.strip():
        raise UnknownDocument(file, None, "the document is empty")
    header = read_header(text)
    if not text[header.end :].strip():
        raise UnknownDocument(file, None, "the document has only comment lines, no text")
    lines = read_lines(text, header.end)
    tree = outline(text, lines, header.end)
    found = dating.document_date(lines) if document_date is None else None
    plain, starts = plain_text(tree.lines)
    region = document_region(plain, header.source_url)
    return Reading(
        file=file,
        text=text,
        header=header,
        outline=tree,
        title=(title or document_title(tree))[:TITLE_MAX],
        date=document_date or (found[0] if found else None),
        region=region,
        cluster=document_cluster(plain, region, header.source_url),
        plain=plain,
        plain_starts=starts,
    )


def document_title(tree: Outline) -> str:
    """The first heading (a bare "Referat"/"Dagsorden" with the lines that follow it), or
    the first line that is not web furniture or a running page header."""
    running = running_lines(line.text for line in tree.lines)
    first = next((h for h in tree.headings if h.line.text not in running), None)
    if first is not None and first.line.index < _first_text(tree.lines, running) + 3:
        if _DOCUMENT_WORD.match(first.title) and len(first.title.split()) <= 2:
            return _joined(tree.lines, first.line)
        return first.title
    line = next((line for line in tree.lines if line.text and not is_navigation(line.text)), None)
    return line.text if line is not None else ""


def _first_text(lines: tuple[Line, ...], running: frozenset[str]) -> int:
    return next(
        (
            line.index
            for line in lines
            if line.text and not is_navigation(line.text) and line.text not in running
        ),
        0,
    )


def _joined(lines: tuple[Line, ...], first: Line) -> str:
    """ "Referat" + "til" + "mødet i X" + "den 4. juni 2019 kl. 09:00": one title, up to
    the first blank line (at most a few short lines)."""
    parts = [first.text]
    for line in lines[first.index + 1 : first.index + 6]:
        if line.blank or len(line.text) > 80:
            break
        parts.append(line.text)
    return " ".join(parts)
