"""How the conversation reads a turn, and what it does with it.

Every behaviour offers its `Reading` of a turn, or None: which behaviour would carry it
out, how well the reading fits (`score`), and what it read (`slots`, the behaviour's own
type). `dialogs.router` carries out the best one. What a behaviour did comes back as
`Handled`: neutral values (messages of text and maybe a card) that the bot sends.

Today's recognisers either match or they do not. The scores below are the order in which
they were tried when the first that matched won, so the same message goes to the same
behaviour; the next step is to let each reading say how well it fits. A card's own
button is certain (`PRESSED`), and a waiting dialog takes any message below that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from dialogs.message import Message
from dialogs.status_update import UpdateOptions
from dialogs.turn import Turn

S = TypeVar("S")

PRESSED = 1.0  # a card's button: the card says what it is
EDITORS = 0.9  # "editors add ..."
CORRECTION = 0.85  # "ret min seneste status på ..."
SUBSCRIPTIONS_LIST = 0.8  # "mine abonnementer"
CALENDAR_REVOKE = 0.75  # "tilbagekald kalender"
CALENDAR_LINK = 0.7  # "kalender for Midtklyngen"
UNSUBSCRIBE = 0.65  # "afmeld Midtklyngen"
SUBSCRIBE = 0.6  # "abonner på Midtklyngen" (and "abonner på kalender for ...")
HISTORY = 0.5  # "historik for rygestop"
UPDATE = 0.4  # "opdater status på IV-aftalen"
QUESTION = 0.1  # anything else is a question for the knowledge base


@dataclass(frozen=True)
class Reading(Generic[S]):
    """One way to understand a turn."""

    behaviour: str  # the name of the behaviour that carries it out
    score: float
    slots: S  # what the behaviour read: a command, a subject, a button's data
    intent: str | None = None  # what the turn's log line calls it (None: the answer says)


@dataclass(frozen=True)
class Handled:
    """What a behaviour did with a turn, for the bot to send."""

    intent: str | None = None  # for the log line, when only the answer could tell
    messages: tuple[Message, ...] = ()  # to send, in this order
    in_place: Message | None = None  # an Action.Execute's answer: it replaces the pressed card
    begin: UpdateOptions | None = None  # start the status update dialog with these


class Behaviour(Protocol):
    """One thing the bot does in chat: its recogniser and its handler."""

    @property
    def name(self) -> str: ...

    def read(self, turn: Turn) -> Reading[Any] | None:
        """This behaviour's reading of `turn`, or None when the turn is nothing for it."""

    async def carry_out(self, turn: Turn, reading: Reading[Any]) -> Handled:
        """Do what `reading` (one of this behaviour's) asks."""
