"""The initiative table shape: a cluster's selected initiatives, one tab-separated row each.

The document opens with a title naming the cluster and the month ("Udvalgte
initiativer og samarbejder i <klynge>, <måned> <år>"). Then come sections: a section
title line, a header row ("Titel" or "Titel og parter", "Formål og indhold", "Status")
and rows of exactly three cells, which may hold HTML paragraphs. The month of the title
is the document's date, so a status such as "afsluttes marts 2023" is read as of then.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from knowledge.core.dates import find_dates
from knowledge.core.errors import DocumentInvalid
from knowledge.core.periods import Period
from knowledge.core.status import read_status
from knowledge.documents.bodies import main_cluster, region_of
from knowledge.documents.records import ItemRecord, ParsedDocument, Source, StatusRecord

NAME = "initiative_table"
CELLS = 3
_CLUSTER = re.compile(r"\b[A-ZÆØÅ]\w*klyngen\b")  # a cluster bodies.py does not know yet
_TAG = re.compile(r"<[^>]*>")
_PARTIES = re.compile(r"^(?P<title>.*?)\s*\((?P<parties>[^()]+)\)\s*$")
_PARTY_SPLIT = re.compile(r",\s*|\s+og\s+")
_PROJECT = re.compile(r"projekt", re.IGNORECASE)
_AGREEMENT = re.compile(r"^(?P<kind>samarbejdsaftale|rammeaftale|rammepapir)", re.IGNORECASE)


def _cells(line: str) -> list[str]:
    """The cells of a tab-separated line, trailing empty cells dropped."""
    cells = [cell.strip() for cell in line.split("\t")]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def _is_header(line: str) -> bool:
    cells = _cells(line)
    return len(cells) == CELLS and cells[0].startswith("Titel") and cells[-1] == "Status"


def clean(cell: str) -> str:
    """Cell text without HTML tags and entities, whitespace normalised."""
    return " ".join(html.unescape(_TAG.sub(" ", cell)).split())


@dataclass(frozen=True)
class _Head:
    title: str
    cluster: str | None
    region: str | None
    date: Period | None


@dataclass(frozen=True)
class _Table:
    """The section a row stands in and whether its titles carry "(parter)"."""

    area: str | None
    with_parties: bool


class InitiativeTableParser:
    name = NAME

    def detect(self, text: str) -> bool:
        """A header row: tab-separated "Titel" ... "Status"."""
        return any(_is_header(line) for line in text.splitlines())

    def parse(self, file: str, text: str) -> ParsedDocument:
        lines = text.splitlines()
        head = _head(lines)
        items = tuple(_rows(file, lines, head))
        return ParsedDocument(file, NAME, head.title, head.date, items)


PARSER = InitiativeTableParser()


def _head(lines: list[str]) -> _Head:
    title = next((clean(line) for line in lines if line.strip()), "")
    unknown = _CLUSTER.search(title)
    cluster = main_cluster(title) or (unknown.group(0) if unknown else None)
    months = [
        found.period for found in find_dates(title) if found.period.precision in ("month", "day")
    ]
    return _Head(title, cluster, region_of(cluster), months[-1] if months else None)


def _rows(file: str, lines: list[str], head: _Head) -> list[ItemRecord]:
    items: list[ItemRecord] = []
    table: _Table | None = None
    area: str | None = None
    for index, line in enumerate(lines):
        cells = _cells(line)
        if not cells or index == _first_line(lines):
            continue
        if _is_header(line):
            table = _Table(area, "parter" in cells[0].lower())
        elif len(cells) == 1 and (table is None or _header_follows(lines, index)):
            area, table = clean(cells[0]), None
        elif table is None:
            raise DocumentInvalid(file, index + 1, "a table row before its header row")
        else:
            items.append(_item(file, index + 1, cells, table, head))
    return items


def _first_line(lines: list[str]) -> int:
    return next((index for index, line in enumerate(lines) if line.strip()), -1)


def _header_follows(lines: list[str], index: int) -> bool:
    following = next((line for line in lines[index + 1 :] if line.strip()), "")
    return _is_header(following)


def _item(file: str, line: int, cells: list[str], table: _Table, head: _Head) -> ItemRecord:
    if len(cells) != CELLS or not clean(cells[0]):
        raise DocumentInvalid(
            file, line, f"a row needs {CELLS} cells (title, purpose, status), found {len(cells)}"
        )
    title, purpose, status = (clean(cell) for cell in cells)
    parties: tuple[str, ...] = ()
    if table.with_parties:
        title, parties = _split_parties(title)
    source = Source(file, title)
    reading = read_status(status, as_of=head.date, year=head.date.start.year if head.date else None)
    agreement = _AGREEMENT.match(title)
    kind = agreement.group("kind").lower() if agreement else None
    return ItemRecord(
        type="agreement" if kind else "initiative",
        kind=kind or _initiative_kind(title, purpose, status),
        title=title,
        source=source,
        line=line,
        area=table.area,
        region=head.region,
        cluster=head.cluster,
        parties=parties,
        purpose=purpose or None,
        statuses=(
            StatusRecord(reading.category, reading.text, reading.valid_from, source, head.title),
        ),
    )


def _split_parties(title: str) -> tuple[str, tuple[str, ...]]:
    """ "Psykiatriens Hus (Silkeborg Kommune og Regionspsykiatrien Midt)" -> title, parties."""
    match = _PARTIES.match(title)
    if match is None:
        return title, ()
    parties = tuple(part.strip() for part in _PARTY_SPLIT.split(match.group("parties")))
    return match.group("title"), tuple(party for party in parties if party)


def _initiative_kind(title: str, purpose: str, status: str) -> str:
    """ "projekt" when the row calls itself a project anywhere in its cells."""
    return (
        "projekt"
        if any(_PROJECT.search(text) for text in (title, purpose, status))
        else "initiativ"
    )
