"""The conversation's router: every behaviour reads the turn, the best reading is carried out.

`Router(behaviours)` collects each behaviour's `Reading` and picks the highest score; on a
tie the behaviour declared first wins. When the two best readings of different
behaviours are close (within `CLOSE`, both at least `FLOOR`), the router does not guess:
it asks which was meant, a button each (and the answer may be typed: "opdater den").
A message that is no card's button goes to a waiting dialog first (the status update
asks its questions over several turns; an offer of choices waits one message for a
choice in words, and a choice made so is carried out as its button would be). The
router sends nothing itself: the bot's side of the turn (`Edge`) keeps the dialogs and
the log line, and sends what comes back as `Handled`.

`conversation(knowledge, access, public_url, downloader)` is the router of Klyngebot's
chat: the behaviours in the order their recognisers were always tried (documents sent in
chat first, when the bot gives a downloader). It needs of the knowledge base only what its
behaviours need (`Knowledge`, the sum of their narrow protocols).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Protocol

from dialogs.access import Access
from dialogs.ask import Ask, Asking
from dialogs.buttons import Buttons, ButtonsKnowledge
from dialogs.calendar import Calendar, CalendarKnowledge
from dialogs.cancel import Cancel
from dialogs.corrections import Correcting, Corrections
from dialogs.editors import Editors, EditorsBook
from dialogs.elements import Content, card, heading, plain_text, submit, subtle
from dialogs.history import History, HistoryBook
from dialogs.imports import Downloader, ImportKnowledge, Imports
from dialogs.message import Message
from dialogs.offers import Choice, Offer, offer
from dialogs.reading import CHOSEN, PRESSED, Behaviour, Handled, Reading
from dialogs.status_update import UpdateOptions
from dialogs.subscriptions import Subscriptions, SubscriptionsKnowledge
from dialogs.turn import Turn
from dialogs.update import Update, UpdateKnowledge
from dialogs.wording import say

CLOSE = 0.1  # two readings this close are a close call: ask which was meant
FLOOR = 0.3  # ... when the second is at least this sure
Waiting = bool | dict[str, Any]  # a dialog took the message, or the data of a choice in words


class Edge(Protocol):
    """The bot's side of a turn, as the router needs it."""

    def note(self, intent: str) -> None:
        """What the turn's log line says the turn was."""

    async def continue_dialog(self) -> Waiting:
        """Give the message to the dialog waiting for an answer: True when it took it, the
        button data of the choice it picked when it was an offer, False when none took it."""

    async def begin_dialog(self, options: UpdateOptions) -> None:
        """Start the status update dialog."""

    async def begin_offer(self, offered: Offer) -> None:
        """Keep the choices just offered until the next message."""


def meant(value: Any) -> str | None:
    """The behaviour a close call's button names ({"action": "ask", "as": ...})."""
    named = value.get("as") if isinstance(value, dict) else None
    return named if isinstance(named, str) else None


def _pressed(turn: Turn, data: dict[str, Any]) -> Turn:
    """The turn as if the button whose data this is had been pressed."""
    question = data.get("question")
    return replace(turn, text=question if isinstance(question, str) else turn.text, value=data)


class Router:
    def __init__(self, behaviours: Sequence[Behaviour]) -> None:
        self._behaviours = tuple(behaviours)
        self._by_name = {behaviour.name: behaviour for behaviour in self._behaviours}

    def readings(self, turn: Turn) -> list[Reading[Any]]:
        """Every behaviour's reading of `turn`, in the declared order; a close call's button
        makes its behaviour's reading all but certain."""
        found = (behaviour.read(turn) for behaviour in self._behaviours)
        chosen = meant(turn.value)
        return [
            replace(reading, score=CHOSEN) if reading.behaviour == chosen else reading
            for reading in found
            if reading is not None
        ]

    def pick(self, turn: Turn) -> Reading[Any] | None:
        """The best reading; of equal scores, the first declared (`max` keeps the first)."""
        return max(self.readings(turn), key=lambda reading: reading.score, default=None)

    def close_call(self, turn: Turn) -> list[Reading[Any]]:
        """The two best readings when they are too close to choose between; else []."""
        ranked = sorted(self.readings(turn), key=lambda reading: reading.score, reverse=True)
        if len(ranked) < 2 or ranked[0].score >= CHOSEN:
            return []
        best, second = ranked[:2]
        if best.behaviour == second.behaviour or second.score < FLOOR:
            return []
        return [best, second] if best.score - second.score < CLOSE else []

    async def carry_out(self, turn: Turn, reading: Reading[Any], edge: Edge) -> Handled:
        if reading.intent is not None:
            edge.note(reading.intent)
        handled = await self._by_name[reading.behaviour].carry_out(turn, reading)
        if handled.intent is not None:
            edge.note(handled.intent)
        if handled.begin is not None:
            await edge.begin_dialog(handled.begin)
        if handled.offer is not None:
            await edge.begin_offer(handled.offer)
        return handled

    async def route(self, turn: Turn, edge: Edge) -> Handled:
        """A message: a card's button, else the waiting dialog's answer, else the best
        reading (or, when two are close, the question which was meant)."""
        reading = self.pick(turn)
        if reading is None or reading.score < PRESSED:
            waiting = await edge.continue_dialog()
            if isinstance(waiting, dict):
                return await self.route(_pressed(turn, waiting), edge)
            if waiting:
                edge.note("update")
                return Handled("update")
        if reading is None:
            return Handled()
        close = self.close_call(turn)
        if close:
            edge.note("clarify")
            handled = _which_was_meant(turn, close)
            if handled.offer is not None:
                await edge.begin_offer(handled.offer)
            return handled
        return await self.carry_out(turn, reading, edge)

    async def press(self, turn: Turn, edge: Edge) -> Handled | None:
        """An Action.Execute: the answer of the card's button, None when it is none of ours."""
        reading = self.pick(turn)
        if reading is None or reading.score < PRESSED:
            return None
        return await self.carry_out(turn, reading, edge)


def _which_was_meant(turn: Turn, close: Sequence[Reading[Any]]) -> Handled:
    """ "Hvad vil du gerne?": a button per reading, each doing the message as that one."""
    lang = turn.lang
    choices = [
        Choice(
            say(f"do_{r.behaviour}", lang),
            None,
            {"action": "ask", "question": turn.text, "as": r.behaviour},
        )
        for r in close
    ]
    content = Content(
        [heading(say("what_did_you_mean", lang)), subtle(say("unsure", lang))],
        [submit(choice.label, choice.data) for choice in choices],
    )
    fallback = plain_text(content)
    return Handled(
        messages=(Message(fallback, card(content, lang, fallback)),), offer=offer(choices)
    )


class Knowledge(
    Asking,
    ButtonsKnowledge,
    CalendarKnowledge,
    Correcting,
    EditorsBook,
    HistoryBook,
    ImportKnowledge,
    SubscriptionsKnowledge,
    UpdateKnowledge,
    Protocol,
):
    """What the chat needs of the knowledge base (`knowledge.service.KnowledgeService` is it)."""


def conversation(
    knowledge: Knowledge, access: Access, public_url: str, downloader: Downloader | None = None
) -> Router:
    """Klyngebot's chat: its behaviours, in the order that breaks ties (documents sent in
    chat first, when the bot gives a downloader)."""
    imports = [] if downloader is None else [Imports(knowledge, access, downloader)]
    return Router(
        [
            *imports,
            Buttons(knowledge, access),
            Editors(knowledge, access),
            Corrections(knowledge, access),
            Subscriptions(knowledge),
            Calendar(knowledge, public_url),
            History(knowledge),
            Update(knowledge, access),
            Cancel(),
            Ask(knowledge),
        ]
    )
