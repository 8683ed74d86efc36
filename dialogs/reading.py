"""How the conversation reads a turn, and what it does with it.

Every behaviour offers its `Reading` of a turn, or None: which behaviour would carry it
out, how well the reading fits (`score`), and what it read (`slots`, the behaviour's own
type). `dialogs.router` carries out the best one. What a behaviour did comes back as
`Handled`: neutral values (messages of text and maybe a card) that the bot sends, maybe
with an `Offer` of choices the next message may pick in words.

Scores come from cues anywhere in the message (a command's verbs and objects, a status
said, a question's form), read by each behaviour: commands score from about 0.3 (a weak
cue) to 0.9 (an unmistakable one), a question about something `ASKED_QUESTION`, anything
else is a question at `QUESTION`. A card's own button is certain (`PRESSED`), a choice
made from the router's "what did you mean?" nearly so (`CHOSEN`), and a waiting dialog
takes any message below `PRESSED`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from dialogs.message import Message
from dialogs.offers import Offer
from dialogs.status_update import UpdateOptions
from dialogs.turn import Turn

S = TypeVar("S")

PRESSED = 1.0  # a card's button: the card says what it is
CHOSEN = 0.99  # the behaviour picked from a close call's buttons
EDITORS = 0.9  # "editors add ..."
CORRECTION = 0.85  # "ret min seneste status på ...", anywhere in the message
HISTORY = 0.7  # "historik for rygestop", "hvad er der sket med rygestop?"
ASKED_QUESTION = 0.5  # "hvad er status på X?": a question word or a verb first
CANCEL = 0.3  # "glem det" with no dialog to end
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
    offer: Offer | None = None  # choices the next message may pick in words


class Behaviour(Protocol):
    """One thing the bot does in chat: its recogniser and its handler."""

    @property
    def name(self) -> str: ...

    def read(self, turn: Turn) -> Reading[Any] | None:
        """This behaviour's reading of `turn`, or None when the turn is nothing for it."""

    async def carry_out(self, turn: Turn, reading: Reading[Any]) -> Handled:
        """Do what `reading` (one of this behaviour's) asks."""
