"""Teams specifics: the bot's own @mention, card support, who and where a turn is."""

from __future__ import annotations

import re
from typing import Any

from botbuilder.schema import Activity

from bot.gate import tenant_of
from knowledge.core.chat import QUESTION_MAX, Lang
from knowledge.state.conversations import ConversationKey

_AT_TAG = re.compile(r"<at[^>]*>(.*?)</at>", re.IGNORECASE | re.DOTALL)
CARD_CHANNELS = frozenset({"msteams", "webchat", "emulator", "directline", "test"})


def _mention_texts(activity: Activity) -> list[str]:
    """The text of each entity that mentions the bot itself ("<at>Klyngebot</at>")."""
    own_id = activity.recipient.id if activity.recipient else None
    texts = []
    for entity in activity.entities or []:
        props: dict[str, Any] = getattr(entity, "additional_properties", None) or {}
        mentioned = props.get("mentioned") or {}
        if (entity.type or "").lower() == "mention" and mentioned.get("id") == own_id:
            texts.append(str(props.get("text") or ""))
    return texts


def question_text(activity: Activity) -> str:
    """What the user asked: the text without the bot's @mention, or the question a card's
    "ask" or "vis flere" button carries."""
    value = activity.value if isinstance(activity.value, dict) else {}
    if value.get("action") in ("ask", "more") and isinstance(value.get("question"), str):
        return str(value["question"])[:QUESTION_MAX].strip()
    text = (activity.text or "")[: QUESTION_MAX * 2]
    for mention in _mention_texts(activity):
        if mention:
            text = text.replace(mention, " ")
    text = _AT_TAG.sub(" ", text)  # a leftover tag of our own name in a channel
    return " ".join(text.split())[:QUESTION_MAX]


def supports_cards(activity: Activity) -> bool:
    return (activity.channel_id or "").lower() in CARD_CHANNELS


def chat_id(activity: Activity) -> str:
    """The conversation the bot keeps things for: a channel, not each of its threads.

    In a Teams channel a reply thread's id is the channel's id plus ";messageid=...";
    scope, subscriptions and the reference for proactive sends belong to the channel, so
    a reminder starts a new post there instead of landing in someone's old thread."""
    return str(activity.conversation.id).split(";messageid=", 1)[0]


def conversation_key(activity: Activity) -> ConversationKey:
    return ConversationKey(
        conversation_id=chat_id(activity),
        channel_id=activity.channel_id or "unknown",
        tenant_id=tenant_of(activity),
    )


def language_of(activity: Activity) -> Lang:
    return "en" if (activity.locale or "").lower().startswith("en") else "da"


def page_request(activity: Activity) -> int:
    """The offset a "vis flere" button asks for (0 for anything else)."""
    value = activity.value if isinstance(activity.value, dict) else {}
    if value.get("action") != "more":
        return 0
    offset = value.get("offset")
    return offset if isinstance(offset, int) and 0 <= offset <= 100_000 else 0


def departure(activity: Activity) -> str | None:
    """Why the bot is no longer in this conversation, if this activity says it left."""
    if activity.type == "installationUpdate" and (activity.action or "").startswith("remove"):
        return "uninstalled"
    channel_data: Any = activity.channel_data or {}
    event = channel_data.get("eventType") if isinstance(channel_data, dict) else None
    if event == "teamDeleted":
        return "team deleted"
    own_id = activity.recipient.id if activity.recipient else None
    removed = activity.members_removed or []
    if activity.type == "conversationUpdate" and any(m.id == own_id for m in removed):
        return "removed"
    return None
