"""What the bot answers to subscription commands: confirmations, "did you mean", the list
of a chat's subscriptions with an unsubscribe button per line, and calendar links.

In a channel or group chat anyone may change the chat's subscriptions, so the answer
says who did ("Anna Jensen abonnerede kanalen på Midtklyngens møder"). Every card has
the same facts as plain text for channels without cards.

The unsubscribe buttons are an Action.Execute (verb "unsubscribe"; Teams answers in
place) that falls back to an Action.Submit, both with the data
{"klyngebot": "unsubscribe", "subscription_ids": [...], "source": "list"|"notification"}.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dialogs import formats
from dialogs.choosing import Option, choice_elements
from dialogs.elements import (
    Content,
    Element,
    buttons,
    card,
    execute,
    facts,
    heading,
    plain_text,
    section,
    small,
    strong,
    submit,
    subtle,
    text,
)
from dialogs.message import Message
from dialogs.offers import Choice as OfferChoice
from dialogs.offers import Offer, offer
from dialogs.subscription_commands import (
    CalendarRequest,
    RevokeCalendar,
    Subscribe,
    SubscriptionCommand,
    Unsubscribe,
)
from dialogs.turn import Place, Turn
from dialogs.wording import say
from knowledge.answers.kinds import Choice
from knowledge.core.chat import Lang
from knowledge.core.clock import COPENHAGEN
from knowledge.notify.contract import (
    MAX_LEAD_DAYS,
    CalendarLink,
    Subscribed,
    SubscriptionLine,
    Target,
    TargetAmbiguous,
    TargetNotFound,
    Unsubscribed,
    UpcomingMeeting,
)

UNSUBSCRIBE = "unsubscribe"  # the button's verb and its data's "klyngebot" value
IDS_MAX = 100  # subscription ids one button may carry
CHOICES_SHOWN = 5


@dataclass(frozen=True)
class Asker:
    """Who typed the command and where, and how to answer them."""

    name: str
    place: Place
    lang: Lang
    cards: bool = True


def asker_of(turn: Turn) -> Asker:
    """The turn's author and place, answered in the turn's language (its message's)."""
    return Asker(turn.author.name, turn.place, turn.lang, turn.cards)


# -- words ---------------------------------------------------------------------------------


def genitive(name: str) -> str:
    """Danish genitive: "Midtklyngens", "Region Midtjyllands", "Randers'"."""
    return f"{name}'" if name[-1:].lower() in ("s", "x", "z") else f"{name}s"


def what(target: Target, lang: Lang) -> str:
    """ "Midtklyngens møder" / "statusændringer for IV-aftalen"."""
    if target.kind == "item":
        return say("sub_status_of", lang, label=target.label)
    return say("sub_meetings_of", lang, owner=genitive(target.label), label=target.label)


def and_join(parts: Sequence[str], lang: Lang) -> str:
    """ "A, B og C" / "A, B and C"."""
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {'og' if lang == 'da' else 'and'} {parts[-1]}"


def lead_text(days: Sequence[int], lang: Lang) -> str:
    """ "7 og 1 dag", "14 dage" / "7 days and 1 day", "14 days"."""
    if lang == "da":
        return f"{and_join([str(day) for day in days], lang)} {'dag' if days[-1] == 1 else 'dage'}"
    return and_join([f"{day} {'day' if day == 1 else 'days'}" for day in days], lang)


def _place(asker: Asker) -> str:
    return say(f"sub_place_{asker.place}", asker.lang)


def meeting_when(meeting: UpcomingMeeting, lang: Lang) -> str:
    """ "onsdag den 13. marts 2024, kl. 13:00"."""
    day = formats.weekday_date(meeting.date, lang)
    if meeting.start_time is None:
        return day
    return f"{day}, {say('clock', lang, span=formats.time_span(meeting.start_time, None))}"


def moment(value: datetime, lang: Lang) -> str:
    """A point in Copenhagen time: "onsdag den 6. marts 2024, kl. 08:00"."""
    local = value.astimezone(COPENHAGEN) if value.tzinfo else value
    day = formats.weekday_date(local.date(), lang)
    return f"{day}, {say('clock', lang, span=local.strftime('%H:%M'))}"


# -- replies -------------------------------------------------------------------------------


def _reply(content: Content, asker: Asker) -> Message:
    plain = plain_text(content)
    return Message(plain, card(content, asker.lang, plain) if asker.cards else None)


def message(words: str, asker: Asker) -> Message:
    return _reply(Content([text(words)]), asker)


def subscribed_reply(outcome: Subscribed, asker: Asker, asked_leads: bool) -> Message:
    """Who subscribed what; the next meeting, the first reminder, and skipped lead times."""
    lang, line = asker.lang, outcome.subscription
    body = [text(_subscribed_sentence(outcome, asker), weight="Bolder")]
    if line.target.kind == "item":
        body.append(subtle(say("sub_status_note", lang)))
        return _reply(Content(body), asker)
    if line.lead_days and (asked_leads or not outcome.already):
        body.append(subtle(say("sub_leads", lang, leads=lead_text(line.lead_days, lang))))
    body += _next_meeting(outcome, lang)
    return _reply(Content(body), asker)


def _subscribed_sentence(outcome: Subscribed, asker: Asker) -> str:
    lang = asker.lang
    followed = what(outcome.subscription.target, lang)
    if asker.place == "personal":
        return say("sub_you_already" if outcome.already else "sub_you", lang, what=followed)
    key = "sub_place_already" if outcome.already else "sub_by"
    return say(key, lang, name=asker.name, place=_place(asker), what=followed)


def _next_meeting(outcome: Subscribed, lang: Lang) -> list[Element]:
    meeting = outcome.next_meeting
    if meeting is None:
        return [text(say("sub_no_meetings", lang, label=outcome.subscription.target.label))]
    shown = [(say("sub_next_meeting", lang), f"{meeting.body}, {meeting_when(meeting, lang)}")]
    if meeting.place:
        shown.append((say("note_where", lang), meeting.place))
    if outcome.first_reminder_at is not None:
        first = moment(outcome.first_reminder_at, lang)
        shown.append((say("sub_first_reminder", lang), first))
    elements = [facts(shown)]
    skipped = outcome.skipped_lead_days
    if skipped:
        key = "sub_skipped" if len(skipped) == 1 else "sub_skipped_many"
        elements.append(subtle(say(key, lang, leads=lead_text(skipped, lang))))
    if outcome.first_reminder_at is None:
        elements.append(subtle(say("sub_too_late", lang)))
    return elements


def bad_leads_reply(asker: Asker) -> Message:
    return message(say("sub_bad_leads", asker.lang, most=MAX_LEAD_DAYS), asker)


def ask_target_reply(command: SubscriptionCommand, asker: Asker) -> Message:
    """A command without a target in a chat that has no cluster of its own."""
    key = "cal_what" if isinstance(command, CalendarRequest | RevokeCalendar) else "sub_what"
    return message(say(key, asker.lang), asker)


def choices_reply(
    found: TargetAmbiguous, command: SubscriptionCommand, typed: str, asker: Asker
) -> Message:
    """ "Did you mean": a button per choice that gives the command again for that one,
    titled with what tells the choices apart."""
    shown = found.choices[:CHOICES_SHOWN]
    options = [Option(choice.id, choice.label, choice.detail) for choice in shown]
    data = [_choice_data(choice, command, asker.lang) for choice in shown]
    listed, actions = choice_elements(options, data)
    body = [
        heading(say("did_you_mean", asker.lang)),
        subtle(say("sub_ambiguous", asker.lang, text=typed)),
        listed,
    ]
    return _reply(Content(body, actions, numbered=False), asker)


def _choice_data(choice: Choice, command: SubscriptionCommand, lang: Lang) -> dict[str, Any]:
    asked = command_text(command, choice.label, lang)
    return {"action": "ask", "question": asked, "choice": choice.id}


def choices_offer(found: TargetAmbiguous, command: SubscriptionCommand, lang: Lang) -> Offer | None:
    """The same choices, for an answer in words ("den syddanske", "ja")."""
    shown = found.choices[:CHOICES_SHOWN]
    return offer([OfferChoice(c.label, c.detail, _choice_data(c, command, lang)) for c in shown])


def not_found_reply(
    found: TargetNotFound, command: SubscriptionCommand, typed: str, asker: Asker
) -> Message:
    body = [text(say("sub_not_found", asker.lang, text=typed))]
    suggestions = found.suggestions[:CHOICES_SHOWN]
    if suggestions:
        body.append(subtle(say("sub_suggestions", asker.lang)))
    actions = [submit(label, _suggested(command, label, asker.lang)) for label in suggestions]
    return _reply(Content(body, actions), asker)


def _suggested(command: SubscriptionCommand, label: str, lang: Lang) -> dict[str, Any]:
    return {"action": "ask", "question": command_text(command, label, lang)}


def suggestions_offer(
    found: TargetNotFound, command: SubscriptionCommand, lang: Lang
) -> Offer | None:
    shown = found.suggestions[:CHOICES_SHOWN]
    return offer([OfferChoice(label, None, _suggested(command, label, lang)) for label in shown])


def command_text(command: SubscriptionCommand, label: str, lang: Lang) -> str:
    """The command again, for `label`: what a choice button asks ("abonner på Midtklyngen")."""
    english = lang == "en"
    if isinstance(command, Unsubscribe):
        return f"unsubscribe from {label}" if english else f"afmeld {label}"
    if isinstance(command, CalendarRequest):
        return f"calendar for {label}" if english else f"kalender for {label}"
    if isinstance(command, RevokeCalendar):
        return f"revoke calendar for {label}" if english else f"tilbagekald kalender for {label}"
    return _subscribe_text(command, label, lang) if isinstance(command, Subscribe) else label


def _subscribe_text(command: Subscribe, label: str, lang: Lang) -> str:
    english = lang == "en"
    if command.wants == "status":
        asked = f"subscribe to status of {label}" if english else f"abonner på status for {label}"
    elif command.wants == "meetings":
        asked = f"subscribe to {label} meetings" if english else f"abonner på {label} møder"
    else:
        asked = f"subscribe to {label}" if english else f"abonner på {label}"
    if command.lead_days:
        before = "before" if english else "før"
        asked += f" {lead_text(command.lead_days, lang)} {before}"
    return asked


# -- the list ------------------------------------------------------------------------------


def list_reply(
    lines: Sequence[SubscriptionLine], asker: Asker, notice: str | None = None
) -> Message:
    """The chat's subscriptions, each with its own unsubscribe button; `notice` on top
    (what was just unsubscribed) when the list replaces a card."""
    lang = asker.lang
    body = [text(notice, weight="Bolder")] if notice else []
    body.append(heading(say(f"sub_list_{asker.place}", lang)))
    if not lines:
        body.append(text(say("sub_list_empty", lang)))
        return _reply(Content(body), asker)
    body += [_line(line, lang) for line in lines]
    body.append(small(say("sub_list_hint", lang)))
    return _reply(Content(body), asker)


def _line(line: SubscriptionLine, lang: Lang) -> Element:
    items = [strong(_capital(what(line.target, lang)))]
    if line.target.kind != "item" and line.lead_days:
        items.append(subtle(say("sub_leads", lang, leads=lead_text(line.lead_days, lang))))
    if line.next_meeting is not None:
        when = meeting_when(line.next_meeting, lang)
        items.append(small(say("sub_list_next", lang, when=when)))
    created = formats.period(line.created_at.date(), "day", lang)
    items.append(small(say("sub_list_by", lang, name=line.created_by, date=created)))
    items.append(buttons([unsubscribe_button((line.id,), lang, "list")]))
    return section(items)


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def unsubscribe_button(ids: Sequence[int], lang: Lang, source: str) -> Element:
    data = {"klyngebot": UNSUBSCRIBE, "subscription_ids": list(ids), "source": source}
    return execute(say("sub_unsubscribe", lang), UNSUBSCRIBE, data)


@dataclass(frozen=True)
class UnsubscribeButton:
    subscription_ids: tuple[int, ...]  # empty: the data named no valid id
    source: str


def unsubscribe_data(value: Any) -> UnsubscribeButton | None:
    """An unsubscribe button's data from an Action.Submit message's value or an
    adaptiveCard/action invoke's {"action": {"verb", "data"}}; None if it is neither.
    Only positive whole numbers count as ids: an empty list must never mean "all"."""
    if not isinstance(value, dict):
        return None
    action = value.get("action")
    if isinstance(action, dict) and action.get("verb") == UNSUBSCRIBE:
        value = action.get("data")
    if not isinstance(value, dict) or value.get("klyngebot") != UNSUBSCRIBE:
        return None
    raw = value.get("subscription_ids")
    ids = raw[:IDS_MAX] if isinstance(raw, list) else []
    valid = tuple(i for i in ids if isinstance(i, int) and not isinstance(i, bool) and i > 0)
    source = value.get("source")
    return UnsubscribeButton(valid, source if source in ("list", "notification") else "list")


def unsubscribed_reply(result: Unsubscribed, asker: Asker, typed: str | None) -> Message:
    return message(unsubscribed_text(result, asker, typed), asker)


def unsubscribed_text(result: Unsubscribed, asker: Asker, typed: str | None) -> str:
    """ "Du abonnerer ikke længere på ..." / "Anna afmeldte kanalen fra ..."."""
    lang = asker.lang
    if not result.removed:
        if typed:
            return say("sub_gone_none", lang, text=typed)
        return say("sub_gone_nothing", lang)
    whats = and_join([what(line.target, lang) for line in result.removed], lang)
    if asker.place == "personal":
        return say("sub_gone_you", lang, whats=whats)
    return say("sub_gone_by", lang, name=asker.name, place=_place(asker), whats=whats)


# -- calendar links ------------------------------------------------------------------------


def calendar_url(base_url: str, link: CalendarLink) -> str:
    return f"{base_url.rstrip('/')}{link.path}"


def calendar_reply(link: CalendarLink, base_url: str, asker: Asker) -> Message:
    """The feed's absolute URL, how to add it in Outlook, and how to close it again."""
    lang = asker.lang
    personal = asker.place == "personal"
    own = say("cal_personal", lang) if personal else say("cal_shared", lang, name=asker.name)
    body = [
        heading(say("cal_title", lang, label=link.target.label)),
        text(calendar_url(base_url, link)),
        subtle(say("cal_outlook", lang)),
        small(own),
    ]
    return _reply(Content(body), asker)


def revoked_reply(count: int, asker: Asker) -> Message:
    if count == 0:
        return message(say("cal_revoked_none", asker.lang), asker)
    if count == 1:
        return message(say("cal_revoked_one", asker.lang), asker)
    return message(say("cal_revoked", asker.lang, count=count), asker)
