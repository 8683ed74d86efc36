"""Managing editors in chat (admins only): who may update statuses besides `EDITORS`.

editors list | editors add <AAD id> [name] | editors remove <AAD id>
redaktører vis | redaktører tilføj <AAD id> [navn] | redaktører fjern <AAD id>
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from dialogs.access import Access
from dialogs.message import Message
from dialogs.reading import EDITORS, Handled, Reading
from dialogs.turn import Turn
from knowledge.core.chat import Lang
from knowledge.updates.editors import EditorLine

_EDITORS = re.compile(
    r"^\s*(?:editors|redaktører|redaktoerer)\s+(?P<action>add|remove|list|tilføj|fjern|vis)\b"
    r"\s*(?P<aad>[0-9a-fA-F-]{8,64})?\s*(?P<name>.*)$",
    re.IGNORECASE,
)
_ACTIONS = {"tilføj": "add", "fjern": "remove", "vis": "list"}
_WORDS = {
    "not_admin": (
        "Kun administratorer kan ændre listen over redaktører.",
        "Only administrators can change the list of editors.",
    ),
    "needs_id": (
        "Skriv personens AAD-objekt-id, fx: editors add 1234abcd-...",
        "Give the person's AAD object id, e.g. editors add 1234abcd-...",
    ),
    "added": ("{aad} er nu redaktør.", "{aad} is now an editor."),
    "already": ("{aad} er allerede redaktør.", "{aad} is already an editor."),
    "removed": ("{aad} er ikke længere redaktør.", "{aad} is no longer an editor."),
    "not_editor": ("{aad} er ikke redaktør.", "{aad} is not an editor."),
    "none": ("Ingen redaktører i databasen.", "No editors in the database."),
}


@dataclass(frozen=True)
class EditorsCommand:
    action: str  # "add" | "remove" | "list"
    aad_id: str | None
    name: str | None


def editors_command(text: str) -> EditorsCommand | None:
    match = _EDITORS.match(text)
    if match is None:
        return None
    action = match["action"].lower()
    return EditorsCommand(_ACTIONS.get(action, action), match["aad"], match["name"].strip() or None)


def _word(key: str, lang: Lang, **values: str) -> str:
    danish, english = _WORDS[key]
    return (english if lang == "en" else danish).format(**values)


class EditorsBook(Protocol):
    async def list_editors(self) -> tuple[EditorLine, ...]: ...
    async def add_editor(self, aad_id: str, name: str, added_by: str | None = None) -> bool: ...
    async def remove_editor(self, aad_id: str) -> bool: ...


class Editors:
    name = "editors"

    def __init__(self, knowledge: EditorsBook, access: Access) -> None:
        self._knowledge = knowledge
        self._access = access

    def read(self, turn: Turn) -> Reading[EditorsCommand] | None:
        command = editors_command(turn.text)
        return None if command is None else Reading(self.name, EDITORS, command, "editors")

    async def carry_out(self, turn: Turn, reading: Reading[EditorsCommand]) -> Handled:
        return Handled(messages=(Message(await self._answer(turn, reading.slots), None),))

    async def _answer(self, turn: Turn, command: EditorsCommand) -> str:
        lang, author = turn.lang, turn.author
        if not self._access.is_admin(author):
            return _word("not_admin", lang)
        if command.action == "list":
            editors = await self._knowledge.list_editors()
            return "\n".join(f"{e.aad_id}  {e.name}" for e in editors) or _word("none", lang)
        if not command.aad_id:
            return _word("needs_id", lang)
        if command.action == "add":
            name = command.name or command.aad_id
            added = await self._knowledge.add_editor(command.aad_id, name, author.aad_id)
            return _word("added" if added else "already", lang, aad=command.aad_id)
        removed = await self._knowledge.remove_editor(command.aad_id)
        return _word("removed" if removed else "not_editor", lang, aad=command.aad_id)
