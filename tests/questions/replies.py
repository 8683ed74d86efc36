"""Reading a reply the way a person does: all the text a card or message shows.

The acceptance harness compares facts from the demo knowledge base (titles, status
labels, dates written as the bot writes them for people) against this text, folded
(case, Danish letters, punctuation) so layout and line breaks do not matter.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import format_date

from knowledge.core.names import fold

TEXT_KEYS = ("text", "title", "value", "summary", "altText", "fallbackText")


def reply_text(activity: dict[str, Any]) -> str:
    parts: list[str] = [str(activity.get(key) or "") for key in ("text", "summary")]
    for attachment in activity.get("attachments") or []:
        _collect(attachment.get("content"), parts)
    return " ".join(part for part in parts if part)


def _collect(node: Any, parts: list[str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in TEXT_KEYS and isinstance(value, str):
                parts.append(value)
            elif key != "data":
                _collect(value, parts)
    elif isinstance(node, list):
        for value in node:
            _collect(value, parts)


def submit_data(activity: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for attachment in activity.get("attachments") or []:
        _actions(attachment.get("content"), found)
    return found


def _actions(node: Any, found: list[dict[str, Any]]) -> None:
    if isinstance(node, dict):
        if node.get("type") == "Action.Submit" and isinstance(node.get("data"), dict):
            found.append(node["data"])
        for value in node.values():
            _actions(value, found)
    elif isinstance(node, list):
        for value in node:
            _actions(value, found)


def written_dates(day: date, precision: str, lang: str) -> list[str]:
    """How a person sees this date in a reply ("19. april 2024", "19 April 2024")."""
    locale = "da_DK" if lang == "da" else "en_GB"
    if precision != "day":
        return [fold(format_date(day, "MMMM y", locale=locale))]
    pattern = "d. MMMM y" if lang == "da" else "d MMMM y"
    return [fold(format_date(day, pattern, locale=locale))]


def contains(text: str, phrase: str) -> bool:
    return fold(phrase) in fold(text)


def position(text: str, phrases: list[str]) -> int:
    folded = fold(text)
    found = [folded.find(phrase) for phrase in phrases if phrase and phrase in folded]
    return min(found) if found else -1
