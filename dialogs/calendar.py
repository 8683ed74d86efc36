"""Calendar links in chat: a personal iCalendar feed of a body's, cluster's or region's
meetings for Outlook, and closing one's links again.

    kalender for Midtklyngen | abonner på kalender for KSG    calendar for Randersklyngen
    kan jeg få møderne i Randers ind i min kalender?          add the KSG meetings to my Outlook
    tilbagekald kalender                                       revoke calendar
"""

from __future__ import annotations

from typing import Protocol

from dialogs.buttons import chosen
from dialogs.reading import Handled, Reading
from dialogs.subscription_cards import asker_of, calendar_reply, revoked_reply
from dialogs.subscription_commands import CalendarRequest, RevokeCalendar, commands
from dialogs.subscriptions import subscriber_of, unresolved
from dialogs.turn import Turn
from knowledge.core.chat import ChatScope
from knowledge.notify.contract import CalendarLink, Subscriber, TargetAmbiguous, TargetNotFound

Command = CalendarRequest | RevokeCalendar


class CalendarKnowledge(Protocol):
    async def calendar_link(
        self, subscriber: Subscriber, target: str, scope: ChatScope
    ) -> CalendarLink | TargetAmbiguous | TargetNotFound: ...
    async def revoke_calendar(self, owner_id: str | None, slug: str | None = None) -> int: ...


class Calendar:
    name = "calendar"

    def __init__(self, knowledge: CalendarKnowledge, public_url: str) -> None:
        self._knowledge = knowledge
        self._public_url = public_url

    def read(self, turn: Turn) -> Reading[Command] | None:
        found = [(score, command) for _, command, score in commands(turn.text)]
        ours = [(score, command) for score, command in found if isinstance(command, Command)]
        if not ours:
            return None
        score, command = max(ours, key=lambda pair: pair[0])
        # Typed with the subscription commands, and logged with them as always.
        return Reading(self.name, score, command, "subscriptions")

    async def carry_out(self, turn: Turn, reading: Reading[Command]) -> Handled:
        asker, command = asker_of(turn), reading.slots
        if isinstance(command, RevokeCalendar):
            closed = await self._knowledge.revoke_calendar(turn.author.aad_id)
            return Handled(messages=(revoked_reply(closed, asker),))
        target = chosen(turn.value) or command.target or ""
        found = await self._knowledge.calendar_link(subscriber_of(turn), target, turn.scope)
        if isinstance(found, CalendarLink):
            return Handled(messages=(calendar_reply(found, self._public_url, asker),))
        return unresolved(found, command, asker)
