"""Agreements and initiatives read from the written orientations of minutes.

Minutes discuss many things; only the written orientations ("Skriftlige orienteringer",
"Skriftlig orientering: ...") report on agreements and initiatives, so only they become
items. Each orientation is one item, except a budget follow-up, whose table rows are
the initiatives instead.

- type: an agreement when the title names an aftale ("Samarbejdsaftale ...",
  "Børne- og ungeaftalen"), else an initiative;
- kind: for agreements samarbejdsaftale or rammeaftale when the title or text says so,
  else aftale; for initiatives the first of prøvehandling, forløbsprogram, projekt,
  arbejdsgruppe, kortlægning that starts a word of the title, else of the text, else
  initiativ;
- title: the heading without "Status på", "Opfølgning på", "Implementering af", "Nyt fokus
  på", "opgave vedr.", a trailing "til <whom> <date>" and a trailing "i <the cluster>"; a
  quoted name in it is the title ('arbejdsgruppen "Den sidste tid"'); when the title does
  not start with a kind word and the text quotes a name that does and shares a word with
  the heading ('Samarbejdsaftale for IV-behandling i nærområdet' for "Revideret IV
  samarbejdsaftale"), that full name is the title. The heading as written is an alias
  whenever the title differs from it;
- status: `read_status` of the orientation (of its STATUS section when it has one) as of
  the document's date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from knowledge.core.names import fold
from knowledge.core.periods import Period
from knowledge.core.status import read_status
from knowledge.documents.records import BudgetLine, ItemRecord, ItemType, Source, StatusRecord

_PREFIX = re.compile(
    r"^(?:skriftlig orientering:\s*)?"
    r"(?:(?:status på|opfølgning på|implementering af|nyt fokus på)\s+)?"
    r"(?:(?:re-?implementeringen af|opgave vedr\.)\s+)?",
    re.IGNORECASE,
)
_TARGET = re.compile(r"\s+til\s+\S.*\b\d{1,2}\.\s*\w+\s+\d{4}$")
_QUOTED = re.compile(r"[\"“”'‘’]([^\"“”'‘’\n]{3,120})[\"“”'‘’]")
_AGREEMENT = re.compile(r"aftale", re.IGNORECASE)
_AGREEMENT_KINDS = ("samarbejdsaftale", "rammeaftale")
_INITIATIVE_KINDS = ("prøvehandling", "forløbsprogram", "projekt", "arbejdsgrupp", "kortlægning")
_KIND_NAMES = {"arbejdsgrupp": "arbejdsgruppe"}
_KIND_START = re.compile(rf"^(?:{'|'.join(_AGREEMENT_KINDS + _INITIATIVE_KINDS)})", re.IGNORECASE)
_STOPWORDS = frozenset({"af", "for", "i", "om", "og", "på", "til", "med", "vedr", "revideret"})
_PROJECT_BUDGET = re.compile(
    r"projekt(?:et)?\s+\*?(?P<name>[^*\n]+?)\*?\s+til\s+(?P<amount>\d{1,3}(?:\.\d{3})+|\d+)\s*kr\.",
    re.IGNORECASE,
)
BUDGET_FOLLOW_UP = re.compile(r"^budgetopfølgning\b", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    """What every item of one document shares."""

    file: str
    author: str  # the document's title
    region: str | None
    cluster: str | None
    as_of: Period | None
    year: int | None


@dataclass(frozen=True)
class Orientation:
    heading: str  # the sub-item's title as written
    line: int
    text: str  # without its attachments
    status_text: str | None = None  # a STATUS section, when there is one


@dataclass(frozen=True)
class ProjectBudget:
    name: str
    amount_dkk: int
    line: int
    heading: str


def orientation_item(orientation: Orientation, context: Context) -> ItemRecord:
    """The agreement or initiative an orientation reports on."""
    short = short_title(orientation.heading, context.cluster)
    type_: ItemType = "agreement" if _AGREEMENT.search(short) else "initiative"
    title = _quoted_in(short) or _full_name(short, orientation) or short
    reading = read_status(
        orientation.status_text or orientation.text, as_of=context.as_of, year=context.year
    )
    source = Source(context.file, orientation.heading)
    status = StatusRecord(
        reading.category, reading.text, reading.valid_from, source, context.author
    )
    return ItemRecord(
        type=type_,
        kind=item_kind(type_, short, orientation.text),
        title=title,
        source=source,
        line=orientation.line,
        region=context.region,
        cluster=context.cluster,
        aliases=(orientation.heading,) if title != orientation.heading else (),
        statuses=(status,),
    )


def short_title(heading: str, cluster: str | None = None) -> str:
    title = _TARGET.sub("", _PREFIX.sub("", heading.strip()))
    if cluster:
        title = re.sub(rf"\s+i\s+{re.escape(cluster)}$", "", title)
    return title[:1].upper() + title[1:]


def item_kind(type_: ItemType, title: str, text: str) -> str:
    if type_ == "agreement":
        both = f"{title} {text}".lower()
        return next((kind for kind in _AGREEMENT_KINDS if kind in both), "aftale")
    for where in (title, text):
        found = re.search(rf"\b({'|'.join(_INITIATIVE_KINDS)})", where, re.IGNORECASE)
        if found:
            stem = found.group(1).lower()
            return _KIND_NAMES.get(stem, stem)
    return "initiativ"


def _quoted_in(title: str) -> str | None:
    found = _QUOTED.search(title)
    return found.group(1).strip() if found else None


def _full_name(short: str, orientation: Orientation) -> str | None:
    """A quoted name in the text that starts with a kind word and shares a word with the
    heading, for a title that does not start with a kind word itself."""
    if _KIND_START.match(short):
        return None
    wanted = _words(orientation.heading)
    for found in _QUOTED.finditer(orientation.text):
        name = found.group(1).strip()
        if _KIND_START.match(name) and wanted & _words(name):
            return name
    return None


def _words(text: str) -> set[str]:
    words = set(fold(text).split()) - _STOPWORDS
    return {word for word in words if not _KIND_START.match(word)}


def project_budgets(text: str, heading: str, first_line: int) -> list[ProjectBudget]:
    """ "projekt *Kom Trygt Hjem* til 2.356.000 kr." in `text` (starting at `first_line`)."""
    found: list[ProjectBudget] = []
    for offset, line in enumerate(text.splitlines()):
        for match in _PROJECT_BUDGET.finditer(line):
            amount = int(match["amount"].replace(".", ""))
            name = match["name"].strip(" *'\"")
            found.append(ProjectBudget(name, amount, first_line + offset, heading))
    return found


def with_budgets(
    items: Iterable[ItemRecord], budgets: Iterable[ProjectBudget], context: Context
) -> list[ItemRecord]:
    """Budgets attached to the items they name; a budgeted project not yet an item
    becomes an initiative of the document's cluster."""
    result = list(items)
    for budget in budgets:
        line = BudgetLine(budget.amount_dkk)
        index = next(
            (at for at, item in enumerate(result) if fold(item.title) == fold(budget.name)), None
        )
        if index is None:
            result.append(budget_item(budget.name, (line,), budget.line, budget.heading, context))
        else:
            result[index] = replace(result[index], budget=(*result[index].budget, line))
    return result


def budget_item(
    title: str, budget: tuple[BudgetLine, ...], line: int, heading: str, context: Context
) -> ItemRecord:
    """An initiative known from a budget: a project of the document's cluster."""
    return ItemRecord(
        type="initiative",
        kind="projekt",
        title=title,
        source=Source(context.file, heading),
        line=line,
        region=context.region,
        cluster=context.cluster,
        budget=budget,
    )
