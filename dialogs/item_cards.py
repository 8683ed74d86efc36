"""Cards about agreements and initiatives: one item (status, who, budget), lists, changes.

A status is shown as a coloured badge with the date it is from, written as precisely as
the document gave it. An item without status history says so; nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Callable

from dialogs import formats
from dialogs.elements import (
    Content,
    Element,
    badge,
    facts,
    heading,
    section,
    small,
    strong,
    subtle,
    text,
)
from dialogs.paging import ITEMS_SHOWN, page, with_more
from dialogs.wording import say
from knowledge.answers.kinds import (
    BudgetView,
    ChangesAnswer,
    ChangeView,
    ItemAnswer,
    ItemView,
    KeyDate,
    ListAnswer,
    SourceRef,
    StatusView,
)
from knowledge.core.chat import Lang
from knowledge.core.status import label, shorten

# (text colour, box style) per category: done is green, moving is blue, waiting is yellow.
_COLOURS: dict[str, tuple[str, str]] = {
    "implemented": ("Good", "good"),
    "completed": ("Good", "good"),
    "in_progress": ("Accent", "accent"),
    "planned": ("Warning", "warning"),
    "paused": ("Warning", "warning"),
    "discontinued": ("Attention", "attention"),
    "unknown": ("Default", "emphasis"),
}
PURPOSE_MAX = 240
PURPOSE_FULL = 900  # "hvad er X": the purpose is the answer
EARLIER_SHOWN = 3  # earlier status entries under the newest one
EARLIER_MAX = 160


def status_badge(status: StatusView | None, lang: Lang, beside: str | None = None) -> Element:
    """The category's label in its colour; "Status ukendt" when there is no status."""
    if status is None or status.category == "unknown":
        # "Status ukendt" reads better than a bare "ukendt" and contains the label.
        return badge(say("status_unknown", lang), *_COLOURS["unknown"], beside)
    return badge(label(status.category, lang), *_COLOURS[status.category], beside)


def status_date(status: StatusView | None, lang: Lang) -> str | None:
    """ "1. maj 2023", "2. kvartal 2023": when the status is from, if that is known."""
    if status is None or status.valid_from is None:
        return None
    return formats.period(status.valid_from, status.precision, lang)


def as_of(status: StatusView | None, lang: Lang) -> str | None:
    when = status_date(status, lang)
    return say("as_of", lang, when=when) if when else None


def whereabouts(item: ItemView) -> str:
    """ "Samarbejdsaftale · Region Midtjylland · Midtklyngen"."""
    kind = item.kind[:1].upper() + item.kind[1:]
    return " · ".join(part for part in (kind, item.region, item.cluster) if part)


def source_line(source: SourceRef | None, lang: Lang) -> list[Element]:
    if source is None:
        return []
    named = f"{source.file} – {source.heading}" if source.heading else source.file
    return [small(say("source", lang, source=named))]


def item_content(answer: ItemAnswer) -> Content:
    item, lang = answer.item, answer.lang
    head = [
        heading(item.title),
        subtle(whereabouts(item)),
        status_badge(item.status, lang, as_of(item.status, lang)),
    ]
    if answer.intent == "date":
        focus = key_dates(answer.dates, lang)
    elif answer.intent == "what_is":
        focus = _purpose(item, lang)
    else:
        focus = _FOCUS[answer.intent](item, lang)
    summary = _summary(item, full=answer.intent != "what_is")
    history = earlier(item, lang)
    return Content(head + focus + summary + history + _details(answer) + item_source(item, lang))


def _summary(item: ItemView, *, full: bool = True) -> list[Element]:
    lines = [text(item.status.text, maxLines=3)] if item.status else []
    if item.purpose and full:
        lines.append(subtle(shorten(item.purpose, PURPOSE_MAX), max_lines=2))
    return lines


def earlier(item: ItemView, lang: Lang) -> list[Element]:
    """The entries before the newest, each with its date and source: where documents of
    different dates disagree, the answer shows both."""
    entries = [entry for entry in item.history[1 : EARLIER_SHOWN + 1] if entry.text]
    if not entries:
        return []
    rows: list[Element] = [strong(say("earlier", lang))]
    for entry in entries:
        when = status_date(entry, lang)
        title = label(entry.category, lang) + (f", {when}" if when else "")
        source = f" ({entry.source.file})" if entry.source else ""
        rows.append(subtle(f"{title}: {shorten(entry.text, EARLIER_MAX)}{source}", max_lines=2))
    return [section(rows)]


def _purpose(item: ItemView, lang: Lang) -> list[Element]:
    if not item.purpose:
        return []
    return [section([strong(say("what_is", lang)), text(shorten(item.purpose, PURPOSE_FULL))])]


def key_dates(dates: tuple[KeyDate, ...], lang: Lang) -> list[Element]:
    """The dates asked about: "1. maj 2023: ... ikrafttrædelse 1. maj 2023." with source."""
    if not dates:
        return []
    rows: list[Element] = [strong(say("key_dates", lang))]
    for key_date in dates:
        day = formats.period(key_date.day, key_date.precision, lang)
        source = f" ({key_date.source.file})" if key_date.source else ""
        rows.append(text(f"{day}: {shorten(key_date.text, EARLIER_MAX * 2)}{source}"))
    return [section(rows)]


def _details(answer: ItemAnswer) -> list[Element]:
    parties = answer.item.parties
    if answer.intent == "who" or not parties:
        return []
    return [facts([(say("parties", answer.lang), ", ".join(parties))])]


def item_source(item: ItemView, lang: Lang) -> list[Element]:
    status_source = item.status.source if item.status else None
    return source_line(status_source or next(iter(item.sources), None), lang)


def _no_focus(item: ItemView, lang: Lang) -> list[Element]:
    return []


def _parties(item: ItemView, lang: Lang) -> list[Element]:
    if not item.parties:
        return [section([strong(say("parties", lang)), text(say("no_parties", lang))])]
    named = [text(f"• {party}", spacing="None") for party in item.parties]
    return [section([strong(say("parties", lang)), *named])]


def _budget(item: ItemView, lang: Lang) -> list[Element]:
    if not item.budget:
        return [section([strong(say("budget", lang)), text(say("no_budget", lang))])]
    lines = sorted(item.budget, key=lambda line: (line.year is None, line.year or 0))
    pairs = [_budget_fact(line, lang) for line in lines]
    return [section([strong(say("budget", lang)), facts(pairs)])]


def _budget_fact(line: BudgetView, lang: Lang) -> tuple[str, str]:
    """ "2024: 600.000 kr."; a line without a year is the total."""
    title = str(line.year) if line.year else say("budget_total", lang)
    value = _money(line.amount_dkk, lang)
    return (title, f"{value} – {line.note}" if line.note else value)


def _money(amount: int, lang: Lang) -> str:
    return say("amount", lang, amount=formats.amount(amount, lang))


_FOCUS: dict[str, Callable[[ItemView, Lang], list[Element]]] = {
    "status": _no_focus,
    "who": _parties,
    "budget": _budget,
}


def list_content(answer: ListAnswer) -> Content:
    lang = answer.lang
    ordered = sorted(answer.items, key=lambda item: formats.title_order(item.title))
    shown, hidden = page(ordered, ITEMS_SHOWN)
    rows = [_list_row(item, lang) for item in shown] or [text(say("no_items", lang))]
    body = [heading(say("items", lang)), subtle(answer.filter), *rows]
    more, scope = answer.more + hidden, answer.filter
    return with_more(
        body, lang=lang, intent=answer.intent, scope=scope, shown=len(shown), more=more
    )


def _list_row(item: ItemView, lang: Lang) -> Element:
    where = " · ".join(part for part in (item.region, item.cluster) if part)
    return section([strong(item.title), status_badge(item.status, lang, where or None)])


def changes_content(answer: ChangesAnswer) -> Content:
    lang = answer.lang
    since = formats.period(answer.since, "day", lang)
    ordered = sorted(answer.changes, key=_change_order)
    shown, hidden = page(ordered, ITEMS_SHOWN)
    rows = [_change_row(change, lang) for change in shown]
    body = [heading(say("changes", lang, date=since)), *rows]
    if not rows:
        body.append(text(say("no_changes", lang, date=since)))
    more, scope = answer.more + hidden, answer.since.isoformat()
    return with_more(
        body, lang=lang, intent=answer.intent, scope=scope, shown=len(shown), more=more
    )


def _change_order(change: ChangeView) -> tuple[int, str]:
    """Newest first; undated entries last; then by title."""
    when = change.entry.valid_from
    return (-when.toordinal() if when else 0, formats.title_order(change.item.title))


def _change_row(change: ChangeView, lang: Lang) -> Element:
    entry = change.entry
    return section(
        [
            strong(change.item.title),
            status_badge(entry, lang, as_of(entry, lang)),
            subtle(entry.text, max_lines=2),
        ]
    )
