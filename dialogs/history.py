"""An item's status history ("historik for IV-aftalen", "history of rygestop"): newest
first, with date, status, note, who wrote it and where it was read; a name that fits
several items asks which one, a button each."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from dialogs import formats
from dialogs.elements import (
    Content,
    card,
    heading,
    plain_text,
    section,
    small,
    submit,
    subtle,
    text,
)
from dialogs.item_cards import source_line, status_badge, whereabouts
from dialogs.message import Message
from dialogs.reading import HISTORY, Handled, Reading
from dialogs.turn import Turn
from dialogs.wording import say
from knowledge.answers.kinds import ItemView
from knowledge.core.chat import ChatScope, Lang
from knowledge.updates.contract import Ambiguous, Found, HistoryEntry, ItemSearch

HISTORY_SHOWN = 12
_COMMAND = re.compile(
    r"^\s*(?:vis\s+|show\s+)?(?:historik|historikken|history|tidslinje|timeline)\b\s*"
    r"(?:for|på|pa|of|over)?\s*",
    re.IGNORECASE,
)


def history_subject(text: str) -> str | None:
    """ "historik for IV-aftalen" -> "IV-aftalen"; None when it is no history command."""
    match = _COMMAND.match(text)
    if match is None:
        return None
    return text[match.end() :].strip(" ?.!") or ""


def _entry(entry: HistoryEntry, lang: Lang) -> list[dict[str, object]]:
    status = entry.status
    when = formats.period(status.valid_from, status.precision, lang) if status.valid_from else "–"
    lines: list[dict[str, object]] = [status_badge(status, lang, beside=when)]
    lines.append(text(status.text, spacing="None"))
    lines.append(small(say("history_by", lang, author=status.author)))
    lines.extend(source_line(status.source, lang))
    return lines


def _asked(label: str, detail: str | None) -> str:
    return f"historik for {label} i {detail}" if detail else f"historik for {label}"


def history_reply(item: ItemView, entries: Sequence[HistoryEntry], lang: Lang) -> Message:
    body = [heading(item.title), subtle(whereabouts(item))]
    if not entries:
        body.append(text(say("history_empty", lang)))
    for entry in entries[:HISTORY_SHOWN]:
        body.append(section(_entry(entry, lang)))
    if len(entries) > HISTORY_SHOWN:
        body.append(subtle(say("shown_of", lang, shown=HISTORY_SHOWN, total=len(entries))))
    content = Content(body)
    fallback = plain_text(content)
    return Message(fallback, card(content, lang, fallback))


def history_choices(choices: Ambiguous, lang: Lang) -> Message:
    """Which item's history: one button per item, each asking for that one's history."""
    actions = [
        submit(
            f"{choice.label} ({choice.detail})" if choice.detail else choice.label,
            {"action": "ask", "question": _asked(choice.label, choice.detail), "choice": choice.id},
        )
        for choice in choices.choices
    ]
    content = Content([text(say("did_you_mean", lang))], actions)
    fallback = plain_text(content)
    return Message(fallback, card(content, lang, fallback))


class HistoryBook(Protocol):
    async def find_item(self, text: str, scope: ChatScope) -> ItemSearch: ...
    async def history(self, item_id: str) -> tuple[HistoryEntry, ...]: ...


class History:
    name = "history"

    def __init__(self, knowledge: HistoryBook) -> None:
        self._knowledge = knowledge

    def read(self, turn: Turn) -> Reading[str] | None:
        subject = history_subject(turn.text)
        return None if subject is None else Reading(self.name, HISTORY, subject, "history")

    async def carry_out(self, turn: Turn, reading: Reading[str]) -> Handled:
        return Handled(messages=(await self._history(turn, reading.slots),))

    async def _history(self, turn: Turn, subject: str) -> Message:
        found = await self._knowledge.find_item(subject, turn.scope)
        if isinstance(found, Ambiguous):
            return history_choices(found, turn.lang)
        if not isinstance(found, Found):
            return Message(say("history_not_found", turn.lang), None)
        entries = await self._knowledge.history(found.item.id)
        return history_reply(found.item, entries, turn.lang)
