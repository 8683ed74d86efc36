"""Cancelling when nothing is going on: "glem det", "never mind", "annuller" with no
dialog waiting get a short answer instead of a search of the knowledge base. (Inside a
dialog the dialog itself ends on them: `dialogs.interruptions`.)"""

from __future__ import annotations

from dialogs.message import Message
from dialogs.phrases import words
from dialogs.reading import CANCEL, Handled, Reading
from dialogs.recognisers import is_cancel
from dialogs.turn import Turn
from dialogs.wording import say

SAID_ALONE = 4  # words: "nej, glem det igen" is a cancel; a longer message is about more


class Cancel:
    name = "cancel"

    def read(self, turn: Turn) -> Reading[None] | None:
        if len(words(turn.text)) > SAID_ALONE or not is_cancel(turn.text):
            return None
        return Reading(self.name, CANCEL, None, "cancel")

    async def carry_out(self, turn: Turn, reading: Reading[None]) -> Handled:
        return Handled(messages=(Message(say("nothing_to_cancel", turn.lang)),))
