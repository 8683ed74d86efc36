"""What happens when a turn fails.

A transient database error is not the user's problem and not the end of the turn: the
user hears once that the knowledge base is unreachable, and the request answers 503 so
Teams delivers the activity again. Any other failure is logged with its traceback and
apologised for once.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from botbuilder.core import TurnContext

from bot.outgoing import to_activity
from dialogs.message import Message
from dialogs.turn import language_of
from knowledge.core.db import is_transient
from knowledge.core.errors import DatabaseUnavailable

logger = logging.getLogger(__name__)
REMEMBERED = 2000

APOLOGY = {
    "da": "Beklager, noget gik galt, da jeg skulle svare. Prøv gerne igen.",
    "en": "Sorry, something went wrong while I was answering. Please try again.",
}
UNREACHABLE = {
    "da": "Jeg kan ikke nå videnbasen lige nu. Jeg svarer, så snart den er tilbage.",
    "en": "I can't reach the knowledge base right now. I'll answer as soon as it is back.",
}


class TurnErrors:
    """The adapter's on_turn_error; remembers which activities it already apologised for."""

    def __init__(self) -> None:
        self._told: OrderedDict[str, None] = OrderedDict()

    async def __call__(self, turn_context: TurnContext, error: Exception) -> None:
        activity = turn_context.activity
        lang = language_of(activity.locale)
        if isinstance(error, DatabaseUnavailable) or is_transient(error):
            logger.warning("turn failed: database unavailable (%s)", type(error).__name__)
            await self._tell_once(turn_context, UNREACHABLE[lang])
            raise DatabaseUnavailable("database unavailable") from error
        logger.exception("turn failed", exc_info=error)
        await self._tell_once(turn_context, APOLOGY[lang])

    async def _tell_once(self, turn_context: TurnContext, text: str) -> None:
        activity = turn_context.activity
        key = f"{activity.conversation.id}|{activity.id}" if activity.conversation else ""
        if key in self._told or activity.type != "message":
            return
        self._told[key] = None
        while len(self._told) > REMEMBERED:
            self._told.popitem(last=False)
        try:
            await turn_context.send_activity(to_activity(Message(text, None)))
        except Exception:  # the connector may be the broken part; the log has the cause
            logger.warning("could not send the apology", exc_info=True)
