"""A choice the bot offered, answered in words as well as by its buttons.

When an answer offers choices as buttons ("Mente du …?" of a question, a subscription or
a history; the router's "did you mean to ask or to update?"), it also hands the router an
`Offer`: the same choices, each with the data its button sends. The bot keeps the offer
as a small dialog (`OfferDialog`) until the next message. That message, if it picks one
of the choices in words ("den midtjyske", "nummer to", "ja" to a single one; read by
`dialogs.choosing`), is carried out as if its button had been pressed; anything else ends
the offer and is read as a message of its own, so an offer never holds anyone up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from botbuilder.dialogs import Dialog, DialogContext, DialogTurnResult
from botbuilder.schema import ActivityTypes

from dialogs.choosing import Option, choose

OFFER_DIALOG = "offer"
PICKED = "picked"  # the result key of an offer answered: the chosen button's data


@dataclass(frozen=True)
class Choice:
    label: str
    detail: str | None
    data: dict[str, Any]  # what its button sends back: {"action": "ask", "question": ...}


@dataclass(frozen=True)
class Offer:
    choices: tuple[Choice, ...]


def offer(choices: Sequence[Choice]) -> Offer | None:
    return Offer(tuple(choices)) if choices else None


def picked(text: str, offered: Offer) -> dict[str, Any] | None:
    """The data of the choice `text` picks, or None."""
    options = [Option(str(n), c.label, c.detail) for n, c in enumerate(offered.choices)]
    key = choose(text, options)
    return offered.choices[int(key)].data if key is not None else None


def _plain(offered: Offer) -> list[list[Any]]:
    return [[choice.label, choice.detail, choice.data] for choice in offered.choices]


def _offer_of(state: Any) -> Offer:
    rows = state.get("choices", []) if isinstance(state, dict) else []
    return Offer(tuple(Choice(str(row[0]), row[1], dict(row[2])) for row in rows))


class OfferDialog(Dialog):  # type: ignore[misc]
    """Waits one message for a choice in words; ends either way, saying nothing itself."""

    def __init__(self, dialog_id: str = OFFER_DIALOG) -> None:
        super().__init__(dialog_id)

    async def begin_dialog(self, dialog_context: DialogContext, options: Any = None) -> Any:
        if not isinstance(options, Offer):
            raise TypeError(f"{OFFER_DIALOG} needs an Offer, not {type(options).__name__}")
        dialog_context.active_dialog.state["choices"] = _plain(options)
        return Dialog.end_of_turn

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        activity = dialog_context.context.activity
        text = (activity.text or "") if activity.type == ActivityTypes.message else ""
        data = picked(text, _offer_of(dialog_context.active_dialog.state)) if text else None
        return await dialog_context.end_dialog({PICKED: data} if data is not None else None)
