"""Subscription commands and unsubscribe buttons: from a turn to the knowledge base and
back to a reply.

The conversation subscribes, not the person: a personal chat is the person's own, and in
a channel or group chat anyone may subscribe or unsubscribe it (the reply says who). The
chat's scope ("vi er Midtklyngen") lets "abonner" alone mean the chat's own cluster.
"""

from __future__ import annotations

from typing import Any

from botbuilder.schema import Activity

from bot.access import author_of
from bot.gate import tenant_of
from bot.teams import chat_id, language_of, supports_cards
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
    place_of,
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


def is_personal(activity: Activity) -> bool:
    """A one-to-one chat; a client that does not say (the Emulator) counts as one."""
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None) if conversation else None
    if kind:
        return bool(kind == "personal")
    return not getattr(conversation, "is_group", False)


def subscriber_of(activity: Activity) -> Subscriber:
    author = author_of(activity)
    return Subscriber(
        conversation_id=chat_id(activity),
        channel_id=activity.channel_id or "unknown",
        tenant_id=tenant_of(activity),
        personal=is_personal(activity),
        aad_id=author.aad_id,
        name=author.name,
    )


def chosen(activity: Activity) -> str | None:
    """The entity id a "did you mean" button carries, if this turn is one."""
    value = activity.value if isinstance(activity.value, dict) else {}
    choice = value.get("choice") if value.get("action") == "ask" else None
    return choice.strip() if isinstance(choice, str) and choice.strip() else None


class Subscribing:
    def __init__(self, service: KnowledgeService, public_url: str) -> None:
        self._service = service
        self._public_url = public_url

    def _asker(self, activity: Activity, text: str | None = None) -> Asker:
        lang = language_of(activity)
        if text:
            lang = command_language(text, lang)
        kind = getattr(activity.conversation, "conversation_type", None)
        place = place_of(kind, is_personal(activity))
        return Asker(author_of(activity).name, place, lang, supports_cards(activity))

    async def command(self, activity: Activity, command: SubscriptionCommand) -> Reply:
        asker = self._asker(activity, activity.text)
        scope = await self._service.chat_scope(chat_id(activity))
        if isinstance(command, Subscribe):
            return await self._subscribe(activity, command, asker, scope)
        if isinstance(command, Unsubscribe):
            return await self._unsubscribe(activity, command, asker, scope)
        if isinstance(command, ListSubscriptions):
            return list_reply(await self._service.subscriptions(chat_id(activity)), asker)
        if isinstance(command, CalendarRequest):
            return await self._calendar(activity, command, asker, scope)
        return await self._revoke(activity, command, asker)

    async def _subscribe(
        self, activity: Activity, command: Subscribe, asker: Asker, scope: ChatScope
    ) -> Reply:
        if command.bad_lead_days:
            return bad_leads_reply(asker)
        target = chosen(activity) or command.target or ""
        request = SubscribeRequest(
            subscriber_of(activity), target, command.wants, command.lead_days
        )
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
        self, activity: Activity, command: Unsubscribe, asker: Asker, scope: ChatScope
    ) -> Reply:
        conversation = chat_id(activity)
        if command.everything:
            return unsubscribed_reply(
                await self._service.unsubscribe(conversation, None), asker, None
            )
        target = chosen(activity) or command.target
        if target is None and scope == ChatScope():
            return list_reply(await self._service.subscriptions(conversation), asker)
        result = await self._service.unsubscribe(conversation, target or "", scope=scope)
        if not result.removed and target is None:  # "afmeld" alone: pick from the list
            return list_reply(await self._service.subscriptions(conversation), asker)
        return unsubscribed_reply(result, asker, command.target)

    async def _calendar(
        self, activity: Activity, command: CalendarRequest, asker: Asker, scope: ChatScope
    ) -> Reply:
        target = chosen(activity) or command.target or ""
        found = await self._service.calendar_link(subscriber_of(activity), target, scope)
        if isinstance(found, CalendarLink):
            return calendar_reply(found, self._public_url, asker)
        return self._unresolved(found, command, asker)

    async def _revoke(self, activity: Activity, command: RevokeCalendar, asker: Asker) -> Reply:
        owner = subscriber_of(activity).aad_id
        return revoked_reply(await self._service.revoke_calendar(owner), asker)

    async def button(self, activity: Activity, pressed: UnsubscribeButton) -> Reply:
        """An unsubscribe button: the list without that line (a list's button), or the
        sentence saying what ended (a notification's)."""
        asker = self._asker(activity)
        conversation = chat_id(activity)
        if not pressed.subscription_ids:  # never "all": an empty list is a broken button
            return message(say("sub_gone_already", asker.lang), asker)
        result = await self._service.unsubscribe(conversation, None, pressed.subscription_ids)
        done = unsubscribed_text(result, asker, None) if result.removed else None
        notice = done or say("sub_gone_already", asker.lang)
        if pressed.source == "notification":
            return message(notice, asker)
        return list_reply(await self._service.subscriptions(conversation), asker, notice)
