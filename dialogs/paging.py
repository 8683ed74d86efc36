"""Short lists: how many entries a card shows, and the "vis flere" button for the rest.

A card shows at most a screenful; whatever the knowledge base matched beyond that is
counted, said ("Viser 5 af 12.") and offered behind a button. The button sends
{"action": "more", "intent": ..., "scope": ..., "shown": ...} back to the bot.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from dialogs.elements import Content, Element, submit, subtle
from dialogs.wording import say
from knowledge.core.chat import Lang

T = TypeVar("T")

ITEMS_SHOWN = 10
MEETINGS_SHOWN = 10
DECISIONS_SHOWN = 10
AGENDA_SHOWN = 8


def page(entries: Sequence[T], limit: int) -> tuple[list[T], int]:
    """The first `limit` entries, and how many were left out."""
    return list(entries[:limit]), max(0, len(entries) - limit)


def with_more(
    body: list[Element], *, lang: Lang, intent: str, scope: str, shown: int, more: int
) -> Content:
    """`body`, and when more matched than are shown, the count and a "vis flere" button."""
    if more <= 0:
        return Content(body)
    total = say("shown_of", lang, shown=shown, total=shown + more)
    data = {"action": "more", "intent": intent, "scope": scope, "shown": shown}
    return Content([*body, subtle(total)], [submit(say("show_more", lang), data)])
