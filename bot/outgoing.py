"""What the bot sends: `dialogs/`'s messages as Bot Framework activities, in this one
place: a message of the conversation, a proactive notification, and the answer that
replaces a card whose Action.Execute button was pressed."""

from __future__ import annotations

from botbuilder.core import CardFactory, InvokeResponse, MessageFactory, TurnContext
from botbuilder.schema import Activity

from dialogs.message import Message
from dialogs.notification_cards import notification_message
from dialogs.update_card import invoke_response_body
from knowledge.notify.contract import Due

MESSAGE_TYPE = "application/vnd.microsoft.activity.message"
SUMMARY_MAX = 200  # characters of the text that notifications and card-less clients show


def to_activity(message: Message) -> Activity:
    if message.card is None:
        return MessageFactory.text(message.text)
    activity = MessageFactory.attachment(CardFactory.adaptive_card(message.card))
    activity.summary = message.text[:SUMMARY_MAX]
    return activity


async def send_message(context: TurnContext, message: Message) -> None:
    """What a waterfall dialog sends besides its prompts (the saved status's card)."""
    await context.send_activity(to_activity(message))


def notification_activity(due: Due) -> Activity:
    """The Activity the notifier sends for `due`: its card, with its text as the summary."""
    return to_activity(notification_message(due))


def invoke_answer(message: Message) -> InvokeResponse:
    """What an Action.Execute gets back: the card that replaces the pressed one."""
    if message.card is None:
        body = {"statusCode": 200, "type": MESSAGE_TYPE, "value": message.text}
        return InvokeResponse(status=200, body=body)
    return InvokeResponse(status=200, body=invoke_response_body(message.card))
