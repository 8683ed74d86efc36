"""What the conversation says.

A `Message` is text, and a card for clients that show cards: every behaviour, card module
and the notifier's cards give Messages, and only `bot/outgoing.py` turns them into Bot
Framework activities. The text is always there: it is the fallback of a client without
cards and what a Teams notification shows of a card.

A `CardAnswer` is what a card's pressed button gets back: the message that replaces the
card in place (an Action.Execute) or follows it (an Action.Submit), and whether it was
said before (the same form submitted twice), when nothing new need be sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Message:
    text: str
    card: dict[str, Any] | None = None


@dataclass(frozen=True)
class CardAnswer:
    text: str
    card: dict[str, Any] | None
    repeat: bool = False  # this very submission was answered before

    @classmethod
    def of(cls, message: Message, *, repeat: bool = False) -> CardAnswer:
        return cls(message.text, message.card, repeat)

    @property
    def message(self) -> Message:
        return Message(self.text, self.card)
