"""The conversation's router: every behaviour reads the turn, the best reading is carried out.

`Router(behaviours)` collects each behaviour's `Reading` and picks the highest score; on a
tie the behaviour declared first wins. A message that is no card's button goes to a
waiting dialog first (the status update asks its questions over several turns). The
router sends nothing itself: the bot's side of the turn (`Edge`) keeps the dialogs and the
log line, and sends what comes back as `Handled`.

`conversation(knowledge, access, public_url)` is the router of Klyngebot's chat: the
behaviours in the order their recognisers were always tried. It needs of the knowledge
base only what its behaviours need (`Knowledge`, the sum of their narrow protocols).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from dialogs.access import Access
from dialogs.ask import Ask, Asking
from dialogs.buttons import Buttons, ButtonsKnowledge
from dialogs.calendar import Calendar, CalendarKnowledge
from dialogs.corrections import Correcting, Corrections
from dialogs.editors import Editors, EditorsBook
from dialogs.history import History, HistoryBook
from dialogs.reading import PRESSED, Behaviour, Handled, Reading
from dialogs.status_update import UpdateOptions
from dialogs.subscriptions import Subscriptions, SubscriptionsKnowledge
from dialogs.turn import Turn
from dialogs.update import Update, UpdateKnowledge


class Edge(Protocol):
    """The bot's side of a turn, as the router needs it."""

    def note(self, intent: str) -> None:
        """What the turn's log line says the turn was."""

    async def continue_dialog(self) -> bool:
        """Give the message to the dialog waiting for an answer; False when none waits."""

    async def begin_dialog(self, options: UpdateOptions) -> None:
        """Start the status update dialog."""


class Router:
    def __init__(self, behaviours: Sequence[Behaviour]) -> None:
        self._behaviours = tuple(behaviours)
        self._by_name = {behaviour.name: behaviour for behaviour in self._behaviours}

    def readings(self, turn: Turn) -> list[Reading[Any]]:
        """Every behaviour's reading of `turn`, in the declared order."""
        found = (behaviour.read(turn) for behaviour in self._behaviours)
        return [reading for reading in found if reading is not None]

    def pick(self, turn: Turn) -> Reading[Any] | None:
        """The best reading; of equal scores, the first declared (`max` keeps the first)."""
        return max(self.readings(turn), key=lambda reading: reading.score, default=None)

    async def carry_out(self, turn: Turn, reading: Reading[Any], edge: Edge) -> Handled:
        if reading.intent is not None:
            edge.note(reading.intent)
        handled = await self._by_name[reading.behaviour].carry_out(turn, reading)
        if handled.intent is not None:
            edge.note(handled.intent)
        if handled.begin is not None:
            await edge.begin_dialog(handled.begin)
        return handled

    async def route(self, turn: Turn, edge: Edge) -> Handled:
        """A message: a card's button, else the waiting dialog's answer, else the best reading."""
        reading = self.pick(turn)
        if (reading is None or reading.score < PRESSED) and await edge.continue_dialog():
            edge.note("update")
            return Handled("update")
        return Handled() if reading is None else await self.carry_out(turn, reading, edge)

    async def press(self, turn: Turn, edge: Edge) -> Handled | None:
        """An Action.Execute: the answer of the card's button, None when it is none of ours."""
        reading = self.pick(turn)
        if reading is None or reading.score < PRESSED:
            return None
        return await self.carry_out(turn, reading, edge)


class Knowledge(
    Asking,
    ButtonsKnowledge,
    CalendarKnowledge,
    Correcting,
    EditorsBook,
    HistoryBook,
    SubscriptionsKnowledge,
    UpdateKnowledge,
    Protocol,
):
    """What the chat needs of the knowledge base (`knowledge.service.KnowledgeService` is it)."""


def conversation(knowledge: Knowledge, access: Access, public_url: str) -> Router:
    """Klyngebot's chat: the behaviours in the order their recognisers were always tried."""
    return Router(
        [
            Buttons(knowledge, access),
            Editors(knowledge, access),
            Corrections(knowledge, access),
            Subscriptions(knowledge),
            Calendar(knowledge, public_url),
            History(knowledge),
            Update(knowledge, access),
            Ask(knowledge),
        ]
    )
