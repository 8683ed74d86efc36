"""Turning a rendered reply (text and maybe a card) into a Bot Framework activity."""

from __future__ import annotations

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
