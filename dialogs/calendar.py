"""Calendar links in chat: a personal iCalendar feed of a body's, cluster's or region's
meetings for Outlook, and closing one's links again.

    kalender for Midtklyngen | abonner på kalender for KSG    calendar for Randersklyngen
    tilbagekald kalender                                       revoke calendar
"""

from __future__ import annotations

from typing import Protocol

from dialogs.buttons import chosen
from dialogs.message import Message
from dialogs.reading import CALENDAR_LINK, CALENDAR_REVOKE, SUBSCRIBE, Handled, Reading
from dialogs.subscription_cards import asker_of, calendar_reply, revoked_reply
from dialogs.subscription_commands import CalendarRequest, Reader, RevokeCalendar, commands
from dialogs.subscriptions import subscriber_of, unresolved
from dialogs.turn import Turn
from knowledge.core.chat import ChatScope
from knowledge.notify.contract import CalendarLink, Subscriber, TargetAmbiguous, TargetNotFound

_SCORES: dict[Reader, float] = {
    "revoke": CALENDAR_REVOKE,
    "calendar": CALENDAR_LINK,
    "subscribe": SUBSCRIBE,
}
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
        for reader, command in commands(turn.text):
            if isinstance(command, Command):
                # Typed with the subscription commands, and logged with them as always.
                return Reading(self.name, _SCORES[reader], command, "subscriptions")
        return None

    async def carry_out(self, turn: Turn, reading: Reading[Command]) -> Handled:
        return Handled(messages=(await self._answer(turn, reading.slots),))

    async def _answer(self, turn: Turn, command: Command) -> Message:
        asker = asker_of(turn)
        if isinstance(command, RevokeCalendar):
            return revoked_reply(await self._knowledge.revoke_calendar(turn.author.aad_id), asker)
        target = chosen(turn.value) or command.target or ""
        found = await self._knowledge.calendar_link(subscriber_of(turn), target, turn.scope)
        if isinstance(found, CalendarLink):
            return calendar_reply(found, self._public_url, asker)
        return unresolved(found, command, asker)
