"""Subscription commands and unsubscribe buttons: from a turn to the knowledge base and
back to a reply.

The conversation subscribes, not the person: a personal chat is the person's own, and in
a channel or group chat anyone may subscribe or unsubscribe it (the reply says who). The
chat's scope ("vi er Midtklyngen") lets "abonner" alone mean the chat's own cluster.
"""

from __future__ import annotations

from typing import Any

from dialogs.buttons import chosen
from dialogs.cards import Reply
from dialogs.subscription_cards import (
    Asker,
    UnsubscribeButton,
    ask_target_reply,
    bad_leads_reply,
    calendar_reply,
    choices_reply,
    list_reply,
    message,
    not_found_reply,
    revoked_reply,
    subscribed_reply,
    unsubscribed_reply,
    unsubscribed_text,
)
from dialogs.subscription_commands import (
    CalendarRequest,
    ListSubscriptions,
    RevokeCalendar,
    Subscribe,
    SubscriptionCommand,
    Unsubscribe,
    command_language,
)
from dialogs.turn import Turn
from dialogs.wording import say
from knowledge.core.chat import ChatScope
from knowledge.notify.contract import (
    CalendarLink,
    Subscribed,
    Subscriber,
    SubscribeRequest,
    TargetAmbiguous,
)
from knowledge.service import KnowledgeService


def subscriber_of(turn: Turn) -> Subscriber:
    return Subscriber(
        conversation_id=turn.chat_id,
        channel_id=turn.chat.channel_id,
        tenant_id=turn.tenant,
        personal=turn.personal,
        aad_id=turn.author.aad_id,
        name=turn.author.name,
    )


class Subscribing:
    def __init__(self, service: KnowledgeService, public_url: str) -> None:
        self._service = service
        self._public_url = public_url

    def _asker(self, turn: Turn, text: str | None = None) -> Asker:
        lang = turn.lang
        if text:
            lang = command_language(text, lang)
        return Asker(turn.author.name, turn.place, lang, turn.cards)

    async def command(self, turn: Turn, command: SubscriptionCommand) -> Reply:
        asker = self._asker(turn, turn.text)
        scope = turn.scope
        if isinstance(command, Subscribe):
            return await self._subscribe(turn, command, asker, scope)
        if isinstance(command, Unsubscribe):
            return await self._unsubscribe(turn, command, asker, scope)
        if isinstance(command, ListSubscriptions):
            return list_reply(await self._service.subscriptions(turn.chat_id), asker)
        if isinstance(command, CalendarRequest):
            return await self._calendar(turn, command, asker, scope)
        return await self._revoke(turn, command, asker)

    async def _subscribe(
        self, turn: Turn, command: Subscribe, asker: Asker, scope: ChatScope
    ) -> Reply:
        if command.bad_lead_days:
            return bad_leads_reply(asker)
        target = chosen(turn.value) or command.target or ""
        request = SubscribeRequest(subscriber_of(turn), target, command.wants, command.lead_days)
        outcome = await self._service.subscribe(request, scope)
        if isinstance(outcome, Subscribed):
            return subscribed_reply(outcome, asker, asked_leads=command.lead_days is not None)
        return self._unresolved(outcome, command, asker)

    def _unresolved(self, outcome: Any, command: SubscriptionCommand, asker: Asker) -> Reply:
        typed = getattr(command, "target", None)
        if isinstance(outcome, TargetAmbiguous):
            return choices_reply(outcome, command, typed or "", asker)
        if not typed:
            return ask_target_reply(command, asker)
        return not_found_reply(outcome, command, typed, asker)

    async def _unsubscribe(
        self, turn: Turn, command: Unsubscribe, asker: Asker, scope: ChatScope
    ) -> Reply:
        conversation = turn.chat_id
        if command.everything:
            return unsubscribed_reply(
                await self._service.unsubscribe(conversation, None), asker, None
            )
        target = chosen(turn.value) or command.target
        if target is None and scope == ChatScope():
            return list_reply(await self._service.subscriptions(conversation), asker)
        result = await self._service.unsubscribe(conversation, target or "", scope=scope)
        if not result.removed and target is None:  # "afmeld" alone: pick from the list
            return list_reply(await self._service.subscriptions(conversation), asker)
        return unsubscribed_reply(result, asker, command.target)

    async def _calendar(
        self, turn: Turn, command: CalendarRequest, asker: Asker, scope: ChatScope
    ) -> Reply:
        target = chosen(turn.value) or command.target or ""
        found = await self._service.calendar_link(subscriber_of(turn), target, scope)
        if isinstance(found, CalendarLink):
            return calendar_reply(found, self._public_url, asker)
        return self._unresolved(found, command, asker)

    async def _revoke(self, turn: Turn, command: RevokeCalendar, asker: Asker) -> Reply:
        owner = subscriber_of(turn).aad_id
        return revoked_reply(await self._service.revoke_calendar(owner), asker)

    async def button(self, turn: Turn, pressed: UnsubscribeButton) -> Reply:
        """An unsubscribe button: the list without that line (a list's button), or the
        sentence saying what ended (a notification's)."""
        asker = self._asker(turn)
        conversation = turn.chat_id
        if not pressed.subscription_ids:  # never "all": an empty list is a broken button
            return message(say("sub_gone_already", asker.lang), asker)
        result = await self._service.unsubscribe(conversation, None, pressed.subscription_ids)
        done = unsubscribed_text(result, asker, None) if result.removed else None
        notice = done or say("sub_gone_already", asker.lang)
        if pressed.source == "notification":
            return message(notice, asker)
        return list_reply(await self._service.subscriptions(conversation), asker, notice)
