"""Correcting one's own last status update in chat, within the correction window.

ret min seneste status på rygestop til i gang: note
hov, korriger lige min sidste opdatering af rygestop til implementeret
oops, correct my last status of rygestop to in progress

The correction is said anywhere in the message ("nej vent, ret min seneste ..."); what
follows it names the item, the status and maybe a note, as an update would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from dialogs.access import Access
from dialogs.message import Message
from dialogs.reading import CORRECTION, Handled, Reading
from dialogs.turn import Turn
from dialogs.update_request import parse_update_request
from dialogs.wording import say
from knowledge.core.chat import ChatScope, Lang
from knowledge.core.status import label
from knowledge.updates.contract import Author, Found, ItemSearch, Saved

_CORRECTION = re.compile(
    r"\b(?:ret|rette|korriger|korrigér|korrigere|correct|fix|ændr|ændre|change)\s+"
    r"(?:lige\s+|just\s+)?(?:min|mit|my)\s+(?:seneste|sidste|forrige|last|latest|previous)\s+"
    r"(?:status|statusopdatering|opdatering|update)\s*(?:på|pa|for|of|on|af|about)?\s+",
    re.IGNORECASE,
)
_WORDS = {
    "corrected": (
        "Din seneste status er rettet til {label}.",
        "Your last status now says {label}.",
    ),
    "cannot_correct": (
        "Jeg kan kun rette din egen seneste status, og kun kort efter du gav den.",
        "I can only correct your own latest status, and only shortly after you gave it.",
    ),
    "which_status": (
        "Skriv hvad den skal rettes til, fx: ret min seneste status på rygestop til i gang",
        "Say what it should be, e.g. correct my last status of rygestop to in progress",
    ),
}


@dataclass(frozen=True)
class Correction:
    item_text: str
    category: str | None
    note: str | None


def correction(text: str) -> Correction | None:
    match = _CORRECTION.search(text)
    if match is None:
        return None
    parsed = parse_update_request("opdater " + text[match.end() :])
    if not parsed.item_text:
        return None
    return Correction(parsed.item_text, parsed.category, parsed.note)


def _word(key: str, lang: Lang, **values: str) -> str:
    danish, english = _WORDS[key]
    return (english if lang == "en" else danish).format(**values)


def corrected_text(category: str, lang: Lang) -> str:
    return _word("corrected", lang, label=label(category, lang))


class Correcting(Protocol):
    async def find_item(self, text: str, scope: ChatScope) -> ItemSearch: ...
    async def correct_last(
        self, item_id: str, author: Author, category: str, note: str | None, window: timedelta
    ) -> Saved | None: ...


class Corrections:
    name = "corrections"

    def __init__(self, knowledge: Correcting, access: Access) -> None:
        self._knowledge = knowledge
        self._window = access.correction_window

    def read(self, turn: Turn) -> Reading[Correction] | None:
        fix = correction(turn.text)
        return None if fix is None else Reading(self.name, CORRECTION, fix, "correction")

    async def carry_out(self, turn: Turn, reading: Reading[Correction]) -> Handled:
        return Handled(messages=(Message(await self._answer(turn, reading.slots), None),))

    async def _answer(self, turn: Turn, fix: Correction) -> str:
        lang = turn.lang
        if fix.category is None:
            return _word("which_status", lang)
        found = await self._knowledge.find_item(fix.item_text, turn.scope)
        if not isinstance(found, Found):
            return say("history_not_found", lang)
        saved = await self._knowledge.correct_last(
            found.item.id, turn.author, fix.category, fix.note, self._window
        )
        return corrected_text(fix.category, lang) if saved else _word("cannot_correct", lang)
