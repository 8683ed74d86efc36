"""An item's status history ("historik for IV-aftalen", "hvad er der sket med rygestop?",
"show the history of rygestop", "rygestops tidslinje"): newest first, with date, status,
note, who wrote it and where it was read; a name that fits several items asks which one,
a button each, and the next message may pick one in words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from dialogs import formats
from dialogs.choosing import Option, choice_elements
from dialogs.elements import (
    Content,
    card,
    heading,
    plain_text,
    section,
    small,
    subtle,
    text,
)
from dialogs.item_cards import source_line, status_badge, whereabouts
from dialogs.message import Message
from dialogs.offers import Choice as OfferChoice
from dialogs.offers import Offer, offer
from dialogs.phrases import Word, find, keys, phrases, text_of, words
from dialogs.reading import HISTORY, Handled, Reading
from dialogs.recognisers import names_a_time
from dialogs.requests import request_frame
from dialogs.turn import Turn
from dialogs.wording import say
from knowledge.answers.kinds import Choice, ItemView
from knowledge.core.chat import ChatScope, Lang
from knowledge.updates.contract import Ambiguous, Found, HistoryEntry, ItemSearch

HISTORY_SHOWN = 12
DATED = 0.4  # off a history said with a time: a question of what changed
_CUES = phrases(
    *("historik", "historikken", "history", "tidslinje", "tidslinjen", "timeline"),
    *("statushistorik", "statushistorikken", "status history", "status historik"),
    *("hvad er sket med", "hvad er der sket med", "hvad skete der med", "hvad sker der med"),
    *("what happened to", "what happened with", "what has happened to", "what s happened to"),
    *("what has happened with", "what s happened with", "tidligere statusser"),
    *("previous statuses", "status over tid", "status over time", "statusforløb"),
)
_AROUND = keys(
    *("for", "på", "pa", "of", "over", "med", "with", "to", "af", "i", "om", "in", "the"),
    *("vis", "show", "se", "see", "me", "mig", "hele", "full", "whole", "den", "det", "s"),
)


def history_subject(text: str) -> str | None:
    """ "historik for IV-aftalen" -> "IV-aftalen"; what is left of the message around its
    history words (after them, else before them); None when it says no history."""
    said = words(text)
    found = find(said, _CUES)
    if not found:
        return None
    cue = found[0]
    frame = request_frame(said)
    after = _trimmed(said, range(cue.last, len(said)))
    before = _trimmed(said, range(frame.last if frame else 0, cue.first))
    chosen = after or before
    return text_of(text, said, chosen).strip(" ?.!") if chosen else ""


def _trimmed(said: Sequence[Word], positions: range) -> list[int]:
    kept = list(positions)
    while kept and said[kept[0]].key in _AROUND:
        kept = kept[1:]
    while kept and said[kept[-1]].key in _AROUND:
        kept = kept[:-1]
    return kept


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


def _choice_data(choice: Choice) -> dict[str, object]:
    question = _asked(choice.label, choice.detail)
    return {"action": "ask", "question": question, "choice": choice.id}


def history_choices(choices: Ambiguous, lang: Lang) -> Message:
    """Which item's history: one button per item, each asking for that one's history; the
    buttons show what tells the items apart."""
    shown = [Option(c.id, c.label, c.detail) for c in choices.choices]
    listed, actions = choice_elements(shown, [_choice_data(c) for c in choices.choices])
    content = Content([text(say("did_you_mean", lang)), listed], actions, numbered=False)
    fallback = plain_text(content)
    return Message(fallback, card(content, lang, fallback))


def history_offer(choices: Ambiguous) -> Offer | None:
    return offer([OfferChoice(c.label, c.detail, _choice_data(c)) for c in choices.choices])


class HistoryBook(Protocol):
    async def find_item(self, text: str, scope: ChatScope) -> ItemSearch: ...
    async def history(self, item_id: str) -> tuple[HistoryEntry, ...]: ...


class History:
    name = "history"

    def __init__(self, knowledge: HistoryBook) -> None:
        self._knowledge = knowledge

    def read(self, turn: Turn) -> Reading[str] | None:
        """History words; with a time named ("hvad er der sket med X siden januar") the
        question is what changed then, which the question's answer says better."""
        subject = history_subject(turn.text)
        if subject is None:
            return None
        score = HISTORY - DATED if names_a_time(turn.text) else HISTORY
        return Reading(self.name, score, subject, "history")

    async def carry_out(self, turn: Turn, reading: Reading[str]) -> Handled:
        found = await self._knowledge.find_item(reading.slots, turn.scope)
        if isinstance(found, Ambiguous):
            return Handled(
                messages=(history_choices(found, turn.lang),), offer=history_offer(found)
            )
        if not isinstance(found, Found):
            return Handled(messages=(Message(say("history_not_found", turn.lang), None),))
        entries = await self._knowledge.history(found.item.id)
        return Handled(messages=(history_reply(found.item, entries, turn.lang),))
