"""Turning a rendered reply (text and maybe a card) into a Bot Framework activity."""

from __future__ import annotations

from typing import Any

from botbuilder.core import CardFactory, MessageFactory
from botbuilder.schema import Activity

from dialogs.cards import Reply


def to_activity(reply: Reply) -> Activity:
    if reply.card is None:
        return MessageFactory.text(reply.text)
    activity = MessageFactory.attachment(CardFactory.adaptive_card(reply.card))
    activity.summary = reply.text[:200]  # what notifications and card-less clients show
    return activity


def text_activity(text: str) -> Activity:
    return MessageFactory.text(text)


def with_question(card: dict[str, Any] | None, question: str, offset: int) -> None:
    """Let each "vis flere" button carry the question and where its next page starts,
    so pressing it asks again from there (the card itself knows neither)."""
    for data in _submit_data(card):
        if data.get("action") == "more":
            shown = data.get("shown")
            data["question"] = question
            data["offset"] = offset + (shown if isinstance(shown, int) else 0)


def _submit_data(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [data for child in node for data in _submit_data(child)]
    if not isinstance(node, dict):
        return []
    own = [node["data"]] if isinstance(node.get("data"), dict) else []
    return own + [data for child in node.values() for data in _submit_data(child)]
