"""Starting a status update from what a person types: "opdater status", "jeg vil gerne
melde en ny status ind", "kan du skrive at X er sat i bero", "sæt rygestop til i gang:
nyt datatræk", "X is now in operation" (`dialogs.update_request` reads and scores them).

In Teams, a message that names one item and says nothing of its status ("opdater
IV-aftalen") gets the whole update as one card form; everything else, card-less channels
and people who may not edit (the dialog says why) get the status update dialog
(`dialogs.status_update`), which asks only for what the message lacks.
"""

from __future__ import annotations

from typing import Protocol

from dialogs.access import Access, EditorCheck
from dialogs.message import Message
from dialogs.reading import Handled, Reading
from dialogs.status_update import UpdateOptions
from dialogs.turn import Turn
from dialogs.update_card import update_form
from dialogs.update_request import UpdateText, parse_update_request, update_score
from dialogs.wording import say
from knowledge.core.chat import ChatScope
from knowledge.updates.contract import Current, Found, ItemSearch


class UpdateKnowledge(EditorCheck, Protocol):
    async def find_item(self, text: str, scope: ChatScope) -> ItemSearch: ...
    async def current_status(self, item_id: str) -> Current: ...


def _fits_a_form(turn: Turn, wanted: UpdateText) -> bool:
    """Only an item, in a client that shows cards: "opdater status på ..." asks step by step."""
    if not turn.cards or "status" in turn.text.lower():
        return False
    return not (wanted.category or wanted.note or not wanted.item_text)


class Update:
    name = "update"

    def __init__(self, knowledge: UpdateKnowledge, access: Access) -> None:
        self._knowledge = knowledge
        self._access = access

    def read(self, turn: Turn) -> Reading[UpdateText] | None:
        score = update_score(turn.text)
        if not score:
            return None
        return Reading(self.name, score, parse_update_request(turn.text), "update")

    async def carry_out(self, turn: Turn, reading: Reading[UpdateText]) -> Handled:
        may_edit = await self._access.may_edit(self._knowledge, turn.author)
        wanted = reading.slots
        if may_edit and wanted.item_text and _fits_a_form(turn, wanted):
            form = await self._form(turn, wanted.item_text)
            if form is not None:
                return Handled(messages=(form,))
        options = UpdateOptions(turn.text, turn.author, may_edit, turn.locale, turn.scope)
        return Handled(begin=options)

    async def _form(self, turn: Turn, item_text: str) -> Message | None:
        """The form for the one item `item_text` names; None when it names none or several."""
        found = await self._knowledge.find_item(item_text, turn.scope)
        if not isinstance(found, Found):
            return None
        current = await self._knowledge.current_status(found.item.id)
        title = say("update_form_title", turn.lang, title=found.item.title)
        return Message(title, update_form(current, turn.lang))
