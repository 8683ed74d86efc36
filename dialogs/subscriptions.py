"""Subscribing a chat to meetings or status changes in chat, listing and ending them.

    abonner på Midtklyngen [3 og 1 dag før]    subscribe to Randersklyngen meetings
    påmind mig før næste møde i KSG            remind me before the KSG meetings
    følg IV-aftalen                            follow the IV agreement
    mine abonnementer                          my subscriptions
    afmeld Midtklyngen | afmeld alt            unsubscribe from ... | unsubscribe all
    ingen flere påmindelser om Midtklyngen      stop the reminders for Midtklyngen

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
from dialogs.reading import Handled, Reading
from dialogs.subscription_cards import (
    Asker,
    ask_target_reply,
    asker_of,
    bad_leads_reply,
    choices_offer,
    choices_reply,
    list_reply,
    not_found_reply,
    subscribed_reply,
    suggestions_offer,
    unsubscribed_reply,
)
from dialogs.subscription_commands import (
    ListSubscriptions,
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
    TargetNotFound,
)

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


def unresolved(outcome: Any, command: SubscriptionCommand, asker: Asker) -> Handled:
    """A target that is several things, nothing, or not given in a chat without a scope;
    the choices it offers may be picked in words too."""
    typed = getattr(command, "target", None)
    if isinstance(outcome, TargetAmbiguous):
        choices = choices_reply(outcome, command, typed or "", asker)
        return Handled(messages=(choices,), offer=choices_offer(outcome, command, asker.lang))
    if not typed:
        return Handled(messages=(ask_target_reply(command, asker),))
    missing = not_found_reply(outcome, command, typed, asker)
    if isinstance(outcome, TargetNotFound):
        return Handled(messages=(missing,), offer=suggestions_offer(outcome, command, asker.lang))
    return Handled(messages=(missing,))


class Subscriptions:
    name = "subscriptions"

    def __init__(self, knowledge: SubscriptionsKnowledge) -> None:
        self._knowledge = knowledge

    def read(self, turn: Turn) -> Reading[Command] | None:
        found = [(score, command) for _, command, score in commands(turn.text)]
        ours = [(score, command) for score, command in found if isinstance(command, Command)]
        if not ours:
            return None
        score, command = max(ours, key=lambda pair: pair[0])
        return Reading(self.name, score, command, "subscriptions")

    async def carry_out(self, turn: Turn, reading: Reading[Command]) -> Handled:
        asker, command = asker_of(turn), reading.slots
        if isinstance(command, Subscribe):
            return await self._subscribe(turn, command, asker)
        if isinstance(command, Unsubscribe):
            return Handled(messages=(await self._unsubscribe(turn, command, asker),))
        lines = await self._knowledge.subscriptions(turn.chat_id)
        return Handled(messages=(list_reply(lines, asker),))

    async def _subscribe(self, turn: Turn, command: Subscribe, asker: Asker) -> Handled:
        if command.bad_lead_days:
            return Handled(messages=(bad_leads_reply(asker),))
        target = chosen(turn.value) or command.target or ""
        request = SubscribeRequest(subscriber_of(turn), target, command.wants, command.lead_days)
        outcome = await self._knowledge.subscribe(request, turn.scope)
        if isinstance(outcome, Subscribed):
            asked = command.lead_days is not None
            return Handled(messages=(subscribed_reply(outcome, asker, asked_leads=asked),))
        return unresolved(outcome, command, asker)

    async def _unsubscribe(self, turn: Turn, command: Unsubscribe, asker: Asker) -> Message:
        chat, scope, knowledge = turn.chat_id, turn.scope, self._knowledge
        if command.everything:
            return unsubscribed_reply(await knowledge.unsubscribe(chat, None), asker, None)
        target = chosen(turn.value) or command.target
        if target is None and scope == ChatScope():
            lines = await knowledge.subscriptions(chat)
            if len(lines) != 1:  # "afmeld" alone: pick from the list
                return list_reply(lines, asker)
            result = await knowledge.unsubscribe(chat, None, (lines[0].id,))
            return unsubscribed_reply(result, asker, None)  # the one there was
        result = await knowledge.unsubscribe(chat, target or "", scope=scope)
        if not result.removed and target is None:  # "afmeld" alone: pick from the list
            return list_reply(await knowledge.subscriptions(chat), asker)
        return unsubscribed_reply(result, asker, command.target)
