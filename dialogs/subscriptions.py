"""Subscribing a chat to meetings or status changes in chat, listing and ending them.

    abonner på Midtklyngen [3 og 1 dag før]    subscribe to Randersklyngen meetings
    følg IV-aftalen                            follow the IV agreement
    mine abonnementer                          my subscriptions
    afmeld Midtklyngen | afmeld alt            unsubscribe from ... | unsubscribe all

The conversation subscribes, not the person: a personal chat is the person's own, and in
a channel or group chat anyone may subscribe or unsubscribe it (the reply says who). The
chat's scope ("vi er Midtklyngen") lets "abonner" alone mean the chat's own cluster.
Commands are read by `dialogs.subscription_commands`, answers worded by
`dialogs.subscription_cards`.
"""

from __future__ import annotations

from typing import Any, Protocol

from dialogs.buttons import Unsubscribing, chosen
from dialogs.message import Message
from dialogs.reading import SUBSCRIBE, SUBSCRIPTIONS_LIST, UNSUBSCRIBE, Handled, Reading
from dialogs.subscription_cards import (
    Asker,
    ask_target_reply,
    asker_of,
    bad_leads_reply,
    choices_reply,
    list_reply,
    not_found_reply,
    subscribed_reply,
    unsubscribed_reply,
)
from dialogs.subscription_commands import (
    ListSubscriptions,
    Reader,
    Subscribe,
    SubscriptionCommand,
    Unsubscribe,
    commands,
)
from dialogs.turn import Turn
from knowledge.core.chat import ChatScope
from knowledge.notify.contract import (
    Subscribed,
    SubscribeOutcome,
    Subscriber,
    SubscribeRequest,
    TargetAmbiguous,
)

_SCORES: dict[Reader, float] = {
    "list": SUBSCRIPTIONS_LIST,
    "unsubscribe": UNSUBSCRIBE,
    "subscribe": SUBSCRIBE,
}
Command = Subscribe | Unsubscribe | ListSubscriptions


class SubscriptionsKnowledge(Unsubscribing, Protocol):
    async def subscribe(self, request: SubscribeRequest, scope: ChatScope) -> SubscribeOutcome: ...


def subscriber_of(turn: Turn) -> Subscriber:
    """The chat that subscribes, and who asked."""
    return Subscriber(
        conversation_id=turn.chat_id,
        channel_id=turn.chat.channel_id,
        tenant_id=turn.tenant,
        personal=turn.personal,
        aad_id=turn.author.aad_id,
        name=turn.author.name,
    )


def unresolved(outcome: Any, command: SubscriptionCommand, asker: Asker) -> Message:
    """A target that is several things, nothing, or not given in a chat without a scope."""
    typed = getattr(command, "target", None)
    if isinstance(outcome, TargetAmbiguous):
        return choices_reply(outcome, command, typed or "", asker)
    if not typed:
        return ask_target_reply(command, asker)
    return not_found_reply(outcome, command, typed, asker)


class Subscriptions:
    name = "subscriptions"

    def __init__(self, knowledge: SubscriptionsKnowledge) -> None:
        self._knowledge = knowledge

    def read(self, turn: Turn) -> Reading[Command] | None:
        for reader, command in commands(turn.text):
            if isinstance(command, Command):
                return Reading(self.name, _SCORES[reader], command, "subscriptions")
        return None

    async def carry_out(self, turn: Turn, reading: Reading[Command]) -> Handled:
        return Handled(messages=(await self._answer(turn, reading.slots),))

    async def _answer(self, turn: Turn, command: Command) -> Message:
        asker = asker_of(turn)
        if isinstance(command, Subscribe):
            return await self._subscribe(turn, command, asker)
        if isinstance(command, Unsubscribe):
            return await self._unsubscribe(turn, command, asker)
        return list_reply(await self._knowledge.subscriptions(turn.chat_id), asker)

    async def _subscribe(self, turn: Turn, command: Subscribe, asker: Asker) -> Message:
        if command.bad_lead_days:
            return bad_leads_reply(asker)
        target = chosen(turn.value) or command.target or ""
        request = SubscribeRequest(subscriber_of(turn), target, command.wants, command.lead_days)
        outcome = await self._knowledge.subscribe(request, turn.scope)
        if isinstance(outcome, Subscribed):
            return subscribed_reply(outcome, asker, asked_leads=command.lead_days is not None)
        return unresolved(outcome, command, asker)

    async def _unsubscribe(self, turn: Turn, command: Unsubscribe, asker: Asker) -> Message:
        chat, scope, knowledge = turn.chat_id, turn.scope, self._knowledge
        if command.everything:
            return unsubscribed_reply(await knowledge.unsubscribe(chat, None), asker, None)
        target = chosen(turn.value) or command.target
        if target is None and scope == ChatScope():
            return list_reply(await knowledge.subscriptions(chat), asker)
        result = await knowledge.unsubscribe(chat, target or "", scope=scope)
        if not result.removed and target is None:  # "afmeld" alone: pick from the list
            return list_reply(await knowledge.subscriptions(chat), asker)
        return unsubscribed_reply(result, asker, command.target)
