"""Messages out of `dialogs/` into Bot Framework activities, in this one place: a message
of the conversation, a proactive notification, and the answer of an Action.Execute."""

from __future__ import annotations

from botbuilder.core import CardFactory, InvokeResponse, MessageFactory, TurnContext
from botbuilder.schema import Activity

from dialogs.cards import Reply
from dialogs.notification_cards import notification_reply
from dialogs.update_card import invoke_response_body
from knowledge.notify.contract import Due

MESSAGE_TYPE = "application/vnd.microsoft.activity.message"
SUMMARY_MAX = 200  # characters of the text that notifications and card-less clients show


def to_activity(reply: Reply) -> Activity:
    if reply.card is None:
        return MessageFactory.text(reply.text)
    activity = MessageFactory.attachment(CardFactory.adaptive_card(reply.card))
    activity.summary = reply.text[:SUMMARY_MAX]
    return activity


async def send_reply(context: TurnContext, reply: Reply) -> None:
    """What a waterfall dialog sends besides its prompts (the saved status's card)."""
    await context.send_activity(to_activity(reply))


def notification_activity(due: Due) -> Activity:
    """The Activity the notifier sends for `due`: its card, with its text as the summary."""
    return to_activity(notification_reply(due))


def invoke_answer(reply: Reply) -> InvokeResponse:
    """What an Action.Execute gets back: the card that replaces the pressed one."""
    if reply.card is None:
        body = {"statusCode": 200, "type": MESSAGE_TYPE, "value": reply.text}
        return InvokeResponse(status=200, body=body)
    return InvokeResponse(status=200, body=invoke_response_body(reply.card))
