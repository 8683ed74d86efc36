"""Reading the bot's replies as the Bot Framework protocol carries them (pure functions).

`reply_text` is what a person sees: each activity's text plus the text in its Adaptive
Cards (TextBlock and RichTextBlock text, FactSet titles and values, button and choice
titles). `answer_kind` sorts a reply by what kind of answer it is, from the turn's intent
and the card's structure first ("did you mean" choices carry a `choice` in their data)
and only then from wording (`NONE_PHRASES`: "the knowledge base has no budget").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

Activity = dict[str, Any]

# Bot intents (the per-turn log line) that are answer kinds of their own; the question
# benchmark passes its own table (benchmarks/devset_questions.py INTENT_KINDS).
INTENT_KINDS: Mapping[str, str] = {"unknown": "not_known", "help": "help"}
# Fallbacks by wording, for replies that carry no structural sign.
CLARIFY_PHRASES = re.compile(r"\b(mente du|did you mean)\b", re.IGNORECASE)
NONE_PHRASES = re.compile(
    r"\b(ved jeg ikke|har (ingen|ikke noget)|nævner ikke|ingen [\w ]{1,40}(passer|siden)"
    r"|don't have|do not have|has no|names no|no [\w ]{1,40}(match|since))\b",
    re.IGNORECASE,
)
CONFIRMATION = re.compile(
    r"\((ja/nej|yes/no)\)|[„“\"]ja[”“\"] eller [„“\"]nej|[“\"]yes[”\"] or", re.I
)
CALENDAR_URL = re.compile(r"https?://[^\s\"'<>\\]+/calendar/[^\s\"'<>\\]+")
NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(.+?)\s*$", re.MULTILINE)
_CARD_TEXT = ("text", "title", "value")
_SKIP = frozenset({"data", "fallback", "fallbackText", "speak", "selectAction"})


def _card_parts(node: Any, parts: list[str]) -> None:
    if isinstance(node, list):
        for child in node:
            _card_parts(child, parts)
        return
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key in _CARD_TEXT and isinstance(value, str):
            parts.append(value)
        elif key not in _SKIP:
            _card_parts(value, parts)


def cards(activity: Activity) -> list[dict[str, Any]]:
    return [
        attachment.get("content") or {}
        for attachment in activity.get("attachments") or []
        if "adaptive" in str(attachment.get("contentType", ""))
    ]


def reply_text(activities: Iterable[Activity]) -> str:
    """All the text the replies show, one activity after the other."""
    parts: list[str] = []
    for activity in activities:
        if activity.get("text"):
            parts.append(str(activity["text"]))
        _card_parts(cards(activity), parts)
    return "\n".join(part for part in parts if part.strip())


def _actions(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [action for child in node for action in _actions(child)]
    if not isinstance(node, dict):
        return []
    own = [node] if str(node.get("type", "")).startswith("Action.") else []
    return own + [a for key, child in node.items() if key != "fallback" for a in _actions(child)]


def buttons(activities: Iterable[Activity]) -> list[dict[str, Any]]:
    """Every button of every card, in the order shown."""
    return [action for activity in activities for action in _actions(cards(activity))]


def choices(activities: list[Activity]) -> list[str]:
    """What the bot offered to pick from, in order: "did you mean" buttons, else the lines
    of a numbered list ("1. Samarbejdsaftale ... (Region Midtjylland)")."""
    offered = [
        str(button.get("title", ""))
        for button in buttons(activities)
        if isinstance(button.get("data"), dict) and "choice" in button["data"]
    ]
    if offered:
        return offered
    numbered = NUMBERED.findall(reply_text(activities))
    return [line for number, line in numbered if number.isdigit()]


def is_clarify(activities: list[Activity]) -> bool:
    has_choices = any(
        isinstance(b.get("data"), dict) and "choice" in b["data"] for b in buttons(activities)
    )
    return has_choices or bool(CLARIFY_PHRASES.search(reply_text(activities)))


def answer_kind(
    intent: str | None, activities: list[Activity], kinds: Mapping[str, str] = INTENT_KINDS
) -> str:
    """not_known | help | smalltalk (by the intent, `kinds`), else clarify | none_found |
    answer (by the reply), or no_reply."""
    if not activities:
        return "no_reply"
    if intent in kinds:
        return kinds[intent]
    if is_clarify(activities):
        return "clarify"
    if NONE_PHRASES.search(reply_text(activities)):
        return "none_found"
    return "answer"


def asks_confirmation(activities: list[Activity]) -> bool:
    """The bot waits for "ja/nej" (or yes/no) before it saves."""
    return bool(activities) and bool(CONFIRMATION.search(reply_text(activities[-1:])))


def calendar_urls(activities: Iterable[Activity]) -> list[str]:
    """Calendar feed links anywhere in the replies (text, cards, button URLs)."""
    return sorted({url for a in activities for url in CALENDAR_URL.findall(json.dumps(a))})
