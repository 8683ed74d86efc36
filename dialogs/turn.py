"""One turn as the conversation sees it: what was said, by whom, where, and what the turn
read when it started. No chat SDK types: `bot/turns.py` builds it once from an activity,
and the router and every behaviour read it instead of asking the activity again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from knowledge.answers.cache import Generation
from knowledge.core.chat import ChatScope, Lang
from knowledge.state.conversations import ConversationKey
from knowledge.updates.contract import Author

Place = Literal["personal", "channel", "chat"]


def language_of(locale: str | None) -> Lang:
    """The language a locale asks for: English for "en", "en-GB" ...; anything else Danish."""
    return "en" if (locale or "").lower().startswith("en") else "da"


@dataclass(frozen=True)
class SentFile:
    """A file attached to the message (Teams: a file.download.info attachment in a personal
    chat): its name as sent, and where its bytes can be fetched."""

    name: str
    url: str
    file_type: str = ""  # as the client says ("docx", "pdf"); the content decides


@dataclass(frozen=True)
class Turn:
    """What one activity says, read once."""

    text: str  # without the bot's @mention, or the question a card's ask/more button carries
    value: Any  # a card button's data as sent (None for typed text)
    locale: str | None
    lang: Lang  # the message's own (Danish when its words do not tell), else the locale's
    author: Author
    chat: ConversationKey  # the chat the bot keeps things for: a channel, not its threads
    thread_id: str  # the conversation as the activity names it (a channel's reply thread)
    activity_id: str | None
    place: Place
    cards: bool  # the client shows Adaptive Cards
    page: int = 0  # where the list a "vis flere" button asks for starts
    invoke: bool = False  # an Action.Execute: the answer replaces the pressed card
    scope: ChatScope = field(default_factory=ChatScope)  # as the turn found it at start
    generation: Generation | None = None  # the knowledge base's, as the turn found it
    files: tuple[SentFile, ...] = ()  # documents sent with the message

    @property
    def chat_id(self) -> str:
        return self.chat.conversation_id

    @property
    def tenant(self) -> str | None:
        return self.chat.tenant_id

    @property
    def personal(self) -> bool:
        return self.place == "personal"
