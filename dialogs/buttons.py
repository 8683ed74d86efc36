"""The bot's own card buttons.

An "ask" button carries a question (and the entity a "did you mean" choice stands for), a
"vis flere" button the question and where its next page starts (`dialogs.cards` says the
shapes): the turn reads them as if the question had been typed. The other buttons are a
behaviour of their own, `Buttons`: unsubscribe (`dialogs.subscription_cards`) and the
update form (`dialogs.update_card`). Button data is read loosely and checked.
"""

from __future__ import annotations

from typing import Any, Protocol

from dialogs.access import Access, EditorCheck
from dialogs.message import CardAnswer, Message
from dialogs.reading import PRESSED, Handled, Reading
from dialogs.subscription_cards import (
    UnsubscribeButton,
    asker_of,
    list_reply,
    message,
    unsubscribe_data,
    unsubscribed_text,
)
from dialogs.turn import Turn
from dialogs.update_card import CardUpdateService, card_action_data, handle_card_submit
from dialogs.wording import say
from knowledge.core.chat import QUESTION_MAX, ChatScope
from knowledge.notify.contract import SubscriptionLine, Unsubscribed

PAGE_MAX = 100_000  # an offset beyond this is no page a card asked for


def _data(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def asked_question(value: Any) -> str | None:
    """The question an "ask" or "vis flere" button carries; None for anything else."""
    data = _data(value)
    if data.get("action") in ("ask", "more") and isinstance(data.get("question"), str):
        return str(data["question"])[:QUESTION_MAX].strip()
    return None


def page_asked(value: Any) -> int:
    """The offset a "vis flere" button asks for (0 for anything else)."""
    data = _data(value)
    if data.get("action") != "more":
        return 0
    offset = data.get("offset")
    return offset if isinstance(offset, int) and 0 <= offset <= PAGE_MAX else 0


def chosen(value: Any) -> str | None:
    """The entity id a "did you mean" button carries, if this turn is one."""
    data = _data(value)
    choice = data.get("choice") if data.get("action") == "ask" else None
    return choice.strip() if isinstance(choice, str) and choice.strip() else None


class Unsubscribing(Protocol):
    async def unsubscribe(
        self,
        conversation_id: str,
        target: str | None,
        subscription_ids: tuple[int, ...] = (),
        scope: ChatScope = ...,
    ) -> Unsubscribed: ...
    async def subscriptions(self, conversation_id: str) -> tuple[SubscriptionLine, ...]: ...


class ButtonsKnowledge(Unsubscribing, CardUpdateService, EditorCheck, Protocol):
    pass


Pressed = UnsubscribeButton | dict[str, Any]  # an unsubscribe button, or the update form's data


class Buttons:
    """The cards' own buttons that are no question: unsubscribe, and the update form.

    The answer replaces the pressed card when the button was an Action.Execute (the
    invoke's answer) and is a new message otherwise, except that a form submitted again
    says nothing new."""

    name = "buttons"

    def __init__(self, knowledge: ButtonsKnowledge, access: Access) -> None:
        self._knowledge = knowledge
        self._access = access

    def read(self, turn: Turn) -> Reading[Pressed] | None:
        if (pressed := unsubscribe_data(turn.value)) is not None:
            return Reading(self.name, PRESSED, pressed, "unsubscribe button")
        if (data := card_action_data(turn.value)) is not None:
            # A form sent as a message has always been logged without an intent.
            return Reading(self.name, PRESSED, data, "update card" if turn.invoke else None)
        return None

    async def carry_out(self, turn: Turn, reading: Reading[Pressed]) -> Handled:
        pressed = reading.slots
        if isinstance(pressed, UnsubscribeButton):
            answer = CardAnswer.of(await self._unsubscribe(turn, pressed))
        else:
            answer = await self._submitted(turn, pressed)
        said = () if turn.invoke or answer.repeat else (answer.message,)
        return Handled(messages=said, in_place=answer.message)

    async def _unsubscribe(self, turn: Turn, pressed: UnsubscribeButton) -> Message:
        """The list without that line (a list's button), or the sentence saying what ended
        (a notification's)."""
        asker, chat = asker_of(turn), turn.chat_id
        if not pressed.subscription_ids:  # never "all": an empty list is a broken button
            return message(say("sub_gone_already", asker.lang), asker)
        result = await self._knowledge.unsubscribe(chat, None, pressed.subscription_ids)
        done = unsubscribed_text(result, asker, None) if result.removed else None
        notice = done or say("sub_gone_already", asker.lang)
        if pressed.source == "notification":
            return message(notice, asker)
        return list_reply(await self._knowledge.subscriptions(chat), asker, notice)

    async def _submitted(self, turn: Turn, data: dict[str, Any]) -> CardAnswer:
        may_edit = await self._access.may_edit(self._knowledge, turn.author)
        return await handle_card_submit(
            self._knowledge,
            data,
            turn.author,
            may_edit,
            turn.lang,
            conversation_id=turn.thread_id,
            activity_id=turn.activity_id,
        )
