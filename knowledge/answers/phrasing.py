"""The few strings an answer carries, in Danish or English.

Wording of whole answers belongs to the renderers; but a choice carries the question to
ask again, a list says what it was filtered by, a meeting answer what period it covers,
and an honest "I don't know" offers example questions that work. Example and choice
questions are phrased so that asking them again answers directly (an item is asked for
with its region, which tells namesakes apart) and so that their language is detected
as the one they were offered in.
"""

from __future__ import annotations

from datetime import date, timedelta

from knowledge.core.chat import Lang
from knowledge.core.periods import Period
from knowledge.core.status import label
from knowledge.understanding.entities import Entity
from knowledge.understanding.intents import Intent

_MONTHS = {
    "da": (
        "januar", "februar", "marts", "april", "maj", "juni",
        "juli", "august", "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip
_ITEM_QUESTIONS: dict[str, dict[Lang, str]] = {
    "status": {"da": "Hvad er status på {name}?", "en": "What is the status of {name}?"},
    "who": {"da": "Hvem er parter i {name}?", "en": "Who is involved in {name}?"},
    "budget": {"da": "Hvad er budgettet for {name}?", "en": "What is the budget for {name}?"},
    "decisions": {"da": "Hvad blev besluttet om {name}?", "en": "What was decided about {name}?"},
    "changes": {"da": "Hvad er ændret i {name}?", "en": "What has changed in {name}?"},
}
_PLACE_QUESTIONS: dict[str, dict[Lang, str]] = {
    "next_meeting": {
        "da": "Hvornår er næste møde i {name}?",
        "en": "When is the next meeting of {name}?",
    },
    "set_scope": {"da": "Vi er {name}", "en": "This chat is {name}"},
    "list": {"da": "Hvilke initiativer er der i {name}?", "en": "Which initiatives are in {name}?"},
    "decisions": {
        "da": "Hvad blev besluttet i {name}?",
        "en": "What was decided in {name}?",
    },
}
_IN = {"da": "i", "en": "in"}
_TYPES = {
    "da": {"agreement": "aftaler", "initiative": "initiativer"},
    "en": {"agreement": "agreements", "initiative": "initiatives"},
}
_WITH = {"da": "med", "en": "with"}
_ABOUT = {"da": "om", "en": "about"}
_WEEK = {"da": "uge", "en": "week"}


def item_name(entity: Entity, lang: Lang) -> str:
    """An item's title with its region, unless the title says it already."""
    where = entity.region or entity.cluster
    if not where or where.casefold() in entity.label.casefold():
        return entity.label
    return f"{entity.label} {_IN[lang]} {where}"


def place_name(entity: Entity, lang: Lang) -> str:
    """A body with its region when its name alone may be shared ("Sundhedsstyregruppen")."""
    if entity.kind != "body" or entity.cluster or not entity.region:
        return entity.label
    return f"{entity.label} {_IN[lang]} {entity.region}"


def question(intent: Intent, entity: Entity, lang: Lang) -> str:
    """The question that asks `intent` of exactly this entity."""
    if entity.kind == "item":
        template = _ITEM_QUESTIONS.get(intent, _ITEM_QUESTIONS["status"])
        return template[lang].format(name=item_name(entity, lang))
    template = _PLACE_QUESTIONS.get(intent, _PLACE_QUESTIONS["next_meeting"])
    return template[lang].format(name=place_name(entity, lang))


def day(value: date, lang: Lang) -> str:
    month = _MONTHS[lang][value.month - 1]
    if lang == "da":
        return f"{value.day}. {month} {value.year}"
    return f"{value.day} {month} {value.year}"


def period(value: Period, lang: Lang) -> str:
    """ "april 2024", "uge 10 2024", "23. februar 2024", "2024", else its first and last day."""
    start, end = value.start, value.end
    if value.precision == "day" or start == end:
        return day(start, lang)
    if value.precision == "month":
        return f"{_MONTHS[lang][start.month - 1]} {start.year}"
    if value.precision == "year":
        return str(start.year)
    if start.weekday() == 0 and end - start == timedelta(days=6):
        week, year = start.isocalendar()[1], start.isocalendar()[0]
        return f"{_WEEK[lang]} {week} {year}"
    return f"{day(start, lang)} – {day(end, lang)}"


def list_filter(
    lang: Lang,
    item_type: str | None,
    category: str | None,
    named: list[tuple[str, str]],
) -> str:
    """ "aftaler, implementeret, i Midtklyngen, med PLO-Midtjylland"; `named` is (kind, label)."""
    parts = [_TYPES[lang][item_type]] if item_type else []
    if category:
        parts.append(label(category, lang))
    for kind, text in named:
        parts.append(_named(kind, text, lang))
    return ", ".join(parts)


def _named(kind: str, text: str, lang: Lang) -> str:
    if kind in ("region", "cluster"):
        return f"{_IN[lang]} {text}"
    if kind == "party":
        return f"{_WITH[lang]} {text}"
    return f"{_ABOUT[lang]} {text}"


def joined(parts: list[str]) -> str:
    return ", ".join(part for part in parts if part)


LIST_EXAMPLE: dict[Lang, str] = {
    "da": "Hvilke aftaler er implementeret?",
    "en": "Which agreements are implemented?",
}
LATEST_MEETING: dict[Lang, str] = {"da": "seneste møde", "en": "latest meeting"}
UPCOMING_MEETINGS: dict[Lang, str] = {"da": "kommende møder", "en": "upcoming meetings"}
