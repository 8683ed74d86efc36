"""Short chat commands beside the dialog: managing editors (admins only) and correcting
one's own last status update within the correction window.

    editors list | editors add <AAD id> [name] | editors remove <AAD id>
    ret min seneste status på rygestop til i gang: note
    correct my last status of rygestop to in progress
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dialogs.recognisers import parse_update_request
from knowledge.core.status import label

_EDITORS = re.compile(
    r"^\s*(?:editors|redaktører|redaktoerer)\s+(?P<action>add|remove|list|tilføj|fjern|vis)\b"
    r"\s*(?P<aad>[0-9a-fA-F-]{8,64})?\s*(?P<name>.*)$",
    re.IGNORECASE,
)
_ACTIONS = {"tilføj": "add", "fjern": "remove", "vis": "list"}
_CORRECTION = re.compile(
    r"^\s*(?:ret|korriger|korrigér|correct|fix)\s+(?:min|mit|my)\s+"
    r"(?:seneste|sidste|last|latest)\s+(?:status|opdatering|update)\s*(?:på|pa|for|of|on)?\s+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EditorsCommand:
    action: str  # "add" | "remove" | "list"
    aad_id: str | None
    name: str | None


@dataclass(frozen=True)
class Correction:
    item_text: str
    category: str | None
    note: str | None


def editors_command(text: str) -> EditorsCommand | None:
    match = _EDITORS.match(text)
    if match is None:
        return None
    action = match["action"].lower()
    return EditorsCommand(_ACTIONS.get(action, action), match["aad"], match["name"].strip() or None)


def correction(text: str) -> Correction | None:
    match = _CORRECTION.match(text)
    if match is None:
        return None
    parsed = parse_update_request("opdater " + text[match.end() :])
    if not parsed.item_text:
        return None
    return Correction(parsed.item_text, parsed.category, parsed.note)


WORDS = {
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


def word(key: str, lang: str, **values: str) -> str:
    danish, english = WORDS[key]
    return (english if lang == "en" else danish).format(**values)


def corrected_text(category: str, lang: str) -> str:
    return word("corrected", lang, label=label(category, "en" if lang == "en" else "da"))
