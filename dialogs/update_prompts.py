"""What the status update dialog says: each question with the buttons that answer it.

Every question is text (what a client without buttons shows, and what the user may type
instead) plus suggested actions: tapping one sends its words as if typed, so a button and
a typed answer are read alike. "Which one?" lists the options numbered, with their
region, and its buttons show what tells the options apart (`choosing.titles`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from botbuilder.core import MessageFactory
from botbuilder.schema import ActionTypes, Activity, CardAction

from dialogs.choosing import Option, titles
from dialogs.recognisers import status_choices
from dialogs.wording import say
from knowledge.core.chat import Lang
from knowledge.core.status import label
from knowledge.updates.contract import Ambiguous, ChangedMeanwhile, NotFound


@dataclass(frozen=True)
class Offer:
    """What to say when a name is not one item: which one of several, "did you mean"
    one or a few, or "not found"; `choices` are [id, label, detail] (empty: type again)."""

    text: str
    choices: list[list[str]]
    buttons: list[str]


def activity(text: str, buttons: Sequence[str] = ()) -> Activity:
    """A question with its answers as buttons that send their words."""
    if not buttons:
        return MessageFactory.text(text)
    actions = [CardAction(type=ActionTypes.im_back, title=word, value=word) for word in buttons]
    return MessageFactory.suggested_actions(actions, text)


def options(choices: Sequence[Sequence[str]]) -> list[Option]:
    return [Option(choice[0], choice[1], _detail(choice)) for choice in choices]


def _detail(choice: Sequence[str]) -> str | None:
    return choice[2] if len(choice) > 2 and choice[2] else None


def yes_no_buttons(lang: Lang) -> list[str]:
    return [say("answer_yes", lang), say("answer_no", lang)]


def numbered(intro: str, lines: Sequence[str]) -> str:
    return "\n\n".join([intro, *(f"{number}. {line}" for number, line in enumerate(lines, 1))])


def choice_label(title: str, detail: str | None) -> str:
    return f"{title} ({detail})" if detail else title


def which(found: Ambiguous, lang: Lang) -> Offer:
    """Several items fit the name: which one, or, for one near fit, "did you mean"."""
    choices = [[c.id, c.label, c.detail or ""] for c in found.choices]
    if len(choices) == 1:
        title = choice_label(found.choices[0].label, found.choices[0].detail)
        return Offer(say("update_did_you_mean", lang, title=title), choices, yes_no_buttons(lang))
    shown = [choice_label(c.label, c.detail) for c in found.choices]
    return Offer(numbered(say("update_which", lang), shown), choices, titles(options(choices)))


def not_found(found: NotFound, typed: str, lang: Lang) -> Offer:
    """Nothing fits the name: the names that look like it (ranked, maybe none)."""
    missing = say("update_not_found", lang, text=typed)
    choices = [[c.id, c.label, c.detail or ""] for c in found.choices]
    if not choices:
        return Offer(f"{missing}\n\n{say('update_retype_item', lang)}", [], [])
    if len(choices) == 1:
        title = choice_label(found.choices[0].label, found.choices[0].detail)
        asked = say("update_did_you_mean", lang, title=title)
        return Offer(f"{missing} {asked}", choices, yes_no_buttons(lang))
    shown = [choice_label(c.label, c.detail) for c in found.choices]
    asked = numbered(say("update_suggestions_pick", lang), shown)
    text = f"{missing}\n\n{asked}\n\n{say('update_or_retype', lang)}"
    return Offer(text, choices, titles(options(choices)))


def status_buttons(lang: Lang) -> list[str]:
    return [text for _, text in status_choices(lang)]


def _status_label(category: str | None, lang: Lang) -> str:
    return label(category, lang) if category else say("update_no_status", lang)


def status_question(draft: dict[str, Any]) -> str:
    lang = draft["lang"]
    old = _status_label(draft["old"], lang)
    question = say("update_ask_status", lang, title=draft["title"], old=old)
    return numbered(question, status_buttons(lang))


def status_retry(draft: dict[str, Any]) -> str:
    labels = status_buttons(draft["lang"])
    intro = say("update_pick_status", draft["lang"], labels=", ".join(labels))
    return numbered(intro, labels)


def change_text(draft: dict[str, Any]) -> str:
    lang = draft["lang"]
    old, new = _status_label(draft["old"], lang), label(draft["category"], lang)
    lines = [say("update_confirm", lang, title=draft["title"], old=old, new=new)]
    if draft["note"]:
        lines.append(say("update_confirm_note", lang, note=draft["note"]))
    return "\n\n".join([*lines, say("update_confirm_ask", lang)])


def changed_text(outcome: ChangedMeanwhile, lang: Lang) -> str:
    status = outcome.item.status
    now = _status_label(status.category if status else None, lang)
    if status is not None and status.text:
        now = f"{now} ({status.text})"
    return say("update_changed_meanwhile", lang, title=outcome.item.title, now=now)
