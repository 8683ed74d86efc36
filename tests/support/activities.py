"""Activities as Teams sends them, as plain JSON (what arrives over HTTP)."""

from __future__ import annotations

import itertools
from typing import Any

BOT_ID = "28:klyngebot"
TENANT = "tenant-midt"
_ids = itertools.count(1)


def message(
    text: str,
    service_url: str,
    *,
    conversation: str = "a:personal-chat-1",
    locale: str = "da-DK",
    tenant: str = TENANT,
    conversation_type: str = "personal",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "type": "message",
        "id": f"activity-{next(_ids)}",
        "timestamp": "2024-03-01T09:00:00.000Z",
        "channelId": "msteams",
        "serviceUrl": service_url,
        "from": {"id": "29:user-1", "name": "Mette", "aadObjectId": "aad-user-1"},
        "recipient": {"id": BOT_ID, "name": "Klyngebot"},
        "conversation": {
            "id": conversation,
            "conversationType": conversation_type,
            "tenantId": tenant,
        },
        "channelData": {"tenant": {"id": tenant}},
        "locale": locale,
        "text": text,
        **extra,
    }


def channel_mention(question: str, service_url: str, **kwargs: Any) -> dict[str, Any]:
    mention = "<at>Klyngebot</at>"
    return message(
        f"{mention} {question}",
        service_url,
        conversation="19:channel@thread.tacv2;messageid=1",
        conversation_type="channel",
        entities=[
            {
                "type": "mention",
                "text": mention,
                "mentioned": {"id": BOT_ID, "name": "Klyngebot"},
            }
        ],
        **kwargs,
    )


def bot_added(service_url: str, *, conversation: str = "a:personal-chat-9") -> dict[str, Any]:
    activity = message("", service_url, conversation=conversation)
    activity.update(type="conversationUpdate", membersAdded=[{"id": BOT_ID}], text=None)
    return activity


def installed(service_url: str, *, conversation: str = "a:personal-chat-9") -> dict[str, Any]:
    activity = message("", service_url, conversation=conversation)
    activity.update(type="installationUpdate", action="add", text=None)
    return activity


FILE_DOWNLOAD = "application/vnd.microsoft.teams.file.download.info"


def file_sent(name: str, download_url: str, service_url: str, **kwargs: Any) -> dict[str, Any]:
    """A file sent to the bot, as Teams delivers it in a personal chat: a message whose
    attachment carries the file's name and a pre-authenticated download URL."""
    kind = name.rsplit(".", 1)[-1] if "." in name else ""
    attachment = {
        "contentType": FILE_DOWNLOAD,
        "contentUrl": f"https://contoso.sharepoint.com/personal/mette/Documents/{name}",
        "name": name,
        "content": {"downloadUrl": download_url, "uniqueId": "5D1E1C2A-0000", "fileType": kind},
    }
    return message(kwargs.pop("text", ""), service_url, attachments=[attachment], **kwargs)


def pressed(data: dict[str, Any], service_url: str, **kwargs: Any) -> dict[str, Any]:
    """An Action.Submit button pressed: a message with no text whose value is the data."""
    return message("", service_url, value=data, **kwargs)
