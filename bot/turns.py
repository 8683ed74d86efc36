"""One neutral `dialogs.turn.Turn` per activity, and the Teams specifics it takes: the bot's
own @mention, card support, who and where a turn is, the files sent with a message, and
when the bot was sent away.

`chat_key(activity)` names the chat (the handler locks and reads the turn start with it);
`turn_of(activity, chat, seen, generation)` builds the rest once. Nothing below `bot/`
reads the activity again.
"""

from __future__ import annotations

import re
from typing import Any

from botbuilder.schema import Activity

from bot.gate import tenant_of
from dialogs.buttons import asked_question, page_asked
from dialogs.recognisers import message_language
from dialogs.turn import Place, SentFile, Turn, language_of
from knowledge.answers.cache import Generation
from knowledge.core.chat import QUESTION_MAX, ChatScope
from knowledge.state.conversations import ConversationKey, Seen
from knowledge.updates.contract import Author

_AT_TAG = re.compile(r"<at[^>]*>(.*?)</at>", re.IGNORECASE | re.DOTALL)
CARD_CHANNELS = frozenset({"msteams", "webchat", "emulator", "directline", "test"})
# A file a person sent the bot in a personal chat (bot/downloads.py says where it is fetched).
FILE_DOWNLOAD = "application/vnd.microsoft.teams.file.download.info"
FILES_MAX = 10  # attachments read per message; more are not read at all


def turn_of(
    activity: Activity,
    chat: ConversationKey,
    seen: Seen | None = None,
    generation: Generation | None = None,
) -> Turn:
    """The turn `activity` is, in `chat` (`chat_key(activity)`), with what its start read."""
    text = question_text(activity)
    return Turn(
        text=text,
        value=activity.value,
        locale=activity.locale,
        lang=message_language(text) if text else language_of(activity.locale),
        author=author_of(activity),
        chat=chat,
        thread_id=str(activity.conversation.id),
        activity_id=activity.id,
        place=place_of(activity),
        cards=supports_cards(activity),
        page=page_asked(activity.value),
        invoke=activity.type == "invoke",
        scope=seen.scope if seen is not None else ChatScope(),
        generation=generation,
        files=files_of(activity),
    )


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
    carried = asked_question(activity.value)
    if carried is not None:
        return carried
    text = (activity.text or "")[: QUESTION_MAX * 2]
    for mention in _mention_texts(activity):
        if mention:
            text = text.replace(mention, " ")
    text = _AT_TAG.sub(" ", text)  # a leftover tag of our own name in a channel
    return " ".join(text.split())[:QUESTION_MAX]


def files_of(activity: Activity) -> tuple[SentFile, ...]:
    """The files sent with the message: Teams' file.download.info attachments, each with
    its name and download URL. Inline images, cards and other attachments are not files."""
    found = []
    for attachment in (activity.attachments or [])[:FILES_MAX]:
        if (attachment.content_type or "").lower() != FILE_DOWNLOAD:
            continue
        content = attachment.content if isinstance(attachment.content, dict) else {}
        url, kind = content.get("downloadUrl"), content.get("fileType")
        if isinstance(url, str) and url:
            name = attachment.name if isinstance(attachment.name, str) else ""
            found.append(SentFile(name, url, kind if isinstance(kind, str) else ""))
    return tuple(found)


def supports_cards(activity: Activity) -> bool:
    return (activity.channel_id or "").lower() in CARD_CHANNELS


def author_of(activity: Activity) -> Author:
    sender = activity.from_property
    aad_id = getattr(sender, "aad_object_id", None) if sender else None
    name = (getattr(sender, "name", None) if sender else None) or "ukendt"
    return Author(aad_id, str(name))


def place_of(activity: Activity) -> Place:
    """A personal chat, a channel or a group chat; a client that does not say (the
    Emulator) is in a personal chat unless it says it is a group."""
    conversation = activity.conversation
    kind = getattr(conversation, "conversation_type", None) if conversation else None
    if kind == "personal" or (not kind and not getattr(conversation, "is_group", False)):
        return "personal"
    return "channel" if kind == "channel" else "chat"


def chat_id(activity: Activity) -> str:
    """The conversation the bot keeps things for: a channel, not each of its threads.

    In a Teams channel a reply thread's id is the channel's id plus ";messageid=...";
    scope, subscriptions and the reference for proactive sends belong to the channel, so
    a reminder starts a new post there instead of landing in someone's old thread."""
    return str(activity.conversation.id).split(";messageid=", 1)[0]


def chat_key(activity: Activity) -> ConversationKey:
    return ConversationKey(
        conversation_id=chat_id(activity),
        channel_id=activity.channel_id or "unknown",
        tenant_id=tenant_of(activity),
    )


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
