"""Adaptive Card 1.5 elements as plain dicts, and the same content read back as plain text.

Every answer is laid out once, as card elements; `plain_text` reads those elements back
into the text that goes to channels without cards and into notifications. One layout for
both means the text can never state other facts than the card.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

Element = dict[str, Any]

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"  # the highest version Teams renders
SIZE_LIMIT = 28_000  # bytes of JSON; Teams refuses messages of about 28 KB and more
ELEMENT_TYPES = frozenset({"TextBlock", "FactSet", "ColumnSet", "Column", "Container", "ActionSet"})
ACTION_TYPES = frozenset({"Action.Submit", "Action.Execute"})
_LIST_MARKER = re.compile(r"^(\d{1,9}[.)]|[-+*]) ", re.MULTILINE)


@dataclass(frozen=True)
class Content:
    """What an answer shows: card body elements and the buttons under them. The text
    numbers the buttons that ask a question, unless the body lists them (`numbered`)."""

    body: list[Element]
    actions: list[Element] = field(default_factory=list)
    numbered: bool = True


def text(value: str, **style: Any) -> Element:
    """A wrapping TextBlock; `style` takes Adaptive Card properties (size, color, maxLines)."""
    return {"type": "TextBlock", "text": literal(value), "wrap": True, **style}


def literal(value: str) -> str:
    """`value` safe from Teams' markdown: "4. marts 2024" at a line start is no list item.

    A no-break space after the marker keeps the text as it was, only not a list.
    """
    return _LIST_MARKER.sub("\\1\u00a0", value)


def heading(value: str) -> Element:
    return text(value, size="Medium", weight="Bolder")


def strong(value: str) -> Element:
    return text(value, weight="Bolder")


def subtle(value: str, *, max_lines: int | None = None) -> Element:
    lines = {"maxLines": max_lines} if max_lines else {}
    return text(value, isSubtle=True, spacing="Small", **lines)


def small(value: str) -> Element:
    return text(value, isSubtle=True, size="Small")


def facts(pairs: Sequence[tuple[str, str]]) -> Element:
    return {
        "type": "FactSet",
        "facts": [{"title": title, "value": value} for title, value in pairs],
    }


def section(items: list[Element]) -> Element:
    """A Container set off from what is above it by a line."""
    return {"type": "Container", "items": items, "separator": True, "spacing": "Medium"}


def badge(label: str, colour: str, style: str, beside: str | None = None) -> Element:
    """A coloured label in a shaded box, with a quiet note beside it (a date, a place)."""
    box = {
        "type": "Column",
        "width": "auto",
        "style": style,
        "items": [text(label, weight="Bolder", size="Small", color=colour)],
    }
    columns = [box]
    if beside:
        note = {"type": "Column", "width": "stretch", "items": [small(beside)]}
        columns.append({**note, "verticalContentAlignment": "Center"})
    return {"type": "ColumnSet", "columns": columns, "spacing": "Small"}


def submit(title: str, data: dict[str, Any]) -> Element:
    """A button; Teams sends `data` back as the activity's value."""
    return {"type": "Action.Submit", "title": title, "data": data}


def execute(title: str, verb: str, data: dict[str, Any]) -> Element:
    """A Universal Action button: Teams answers it with an invoke whose response replaces
    the card; clients without Universal Actions fall back to an Action.Submit of `data`."""
    return {
        "type": "Action.Execute",
        "title": title,
        "verb": verb,
        "data": data,
        "fallback": submit(title, data),
    }


def buttons(actions: list[Element]) -> Element:
    """Buttons inside the body, under the element they belong to."""
    return {"type": "ActionSet", "actions": actions, "spacing": "Small"}


def card(content: Content, lang: str, fallback: str) -> Element:
    """The card, for an attachment of type application/vnd.microsoft.card.adaptive."""
    result: Element = {
        "type": "AdaptiveCard",
        "$schema": SCHEMA,
        "version": VERSION,
        "lang": lang,
        "body": content.body,
        "fallbackText": fallback,
        "msteams": {"width": "Full"},
    }
    if content.actions:
        result["actions"] = content.actions
    return result


def size(value: Element) -> int:
    """Bytes of JSON as a sender that escapes non-ASCII would send them (the larger count)."""
    return len(json.dumps(value))


def plain_text(content: Content) -> str:
    """The content as lines of text: facts as "title: value", questions numbered."""
    lines = [line for element in content.body for line in _lines(element)]
    asking = content.actions if content.numbered else []
    questions = [action["title"] for action in asking if _asks(action)]
    lines += [f"{number}. {title}" for number, title in enumerate(questions, start=1)]
    return "\n".join(lines).strip()


def _asks(action: Element) -> bool:
    """Buttons that ask a question are worth typing; paging buttons are not."""
    return bool(action.get("data", {}).get("action") == "ask")


def _lines(element: Element) -> list[str]:
    return _READERS[element["type"]](element)


def _text_lines(element: Element) -> list[str]:
    return [element["text"]]


def _fact_lines(element: Element) -> list[str]:
    return [_fact(fact["title"], fact["value"]) for fact in element["facts"]]


def _fact(title: str, value: str) -> str:
    # "3." reads as a number already; "Parter" needs its colon.
    return f"{title} {value}" if title.endswith(".") else f"{title}: {value}"


def _button_lines(element: Element) -> list[str]:
    """Buttons that ask a question show it to type ("» Hvad er status på ...?"); others
    say nothing a reader of the text could type."""
    return [f"» {action['title']}" for action in element["actions"] if _asks(action)]


def _column_lines(element: Element) -> list[str]:
    columns = [_lines(column) for column in element["columns"]]
    if all(len(lines) == 1 for lines in columns):
        return [" · ".join(lines[0] for lines in columns)]
    return [line for lines in columns for line in lines]


def _item_lines(element: Element) -> list[str]:
    lines = [line for item in element["items"] for line in _lines(item)]
    return ["", *lines] if element.get("separator") else lines


_READERS: dict[str, Callable[[Element], list[str]]] = {
    "TextBlock": _text_lines,
    "FactSet": _fact_lines,
    "ColumnSet": _column_lines,
    "Column": _item_lines,
    "Container": _item_lines,
    "ActionSet": _button_lines,
}
