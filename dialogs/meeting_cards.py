"""Cards about meetings: when and where the next ones are, and what was decided.

A meeting known only by its month says so ("april 2024 (dag ikke fastlagt)") rather
than naming a day; times and places appear only when the documents gave them.
"""

from __future__ import annotations

import re
from itertools import groupby

from dialogs import formats
from dialogs.elements import Content, Element, badge, facts, heading, section, strong, subtle, text
from dialogs.paging import AGENDA_SHOWN, DECISIONS_SHOWN, MEETINGS_SHOWN, page, with_more
from dialogs.wording import count, say
from knowledge.answers.kinds import DecisionsAnswer, DecisionView, MeetingsAnswer, MeetingView
from knowledge.core.chat import Lang
from knowledge.core.status import shorten

# (text colour, box style) per meeting state.
_STATES: dict[str, tuple[str, str]] = {
    "held": ("Good", "good"),
    "planned": ("Accent", "accent"),
    "cancelled": ("Attention", "attention"),
}
NOTE_MAX = 240
DECISION_MAX = 600
_NUMBER = re.compile(r"(\d+)(.*)")


def when(meeting: MeetingView, lang: Lang) -> str:
    """ "fredag den 19. april 2024, kl. 08:30–11:30" or "april 2024 (dag ikke fastlagt)"."""
    if meeting.date_precision != "day":
        return say("day_not_set", lang, month=formats.month(meeting.date, lang))
    day = formats.weekday_date(meeting.date, lang)
    if meeting.start_time is None:
        return day
    return (
        f"{day}, {say('clock', lang, span=formats.time_span(meeting.start_time, meeting.end_time))}"
    )


def meetings_content(answer: MeetingsAnswer) -> Content:
    lang = answer.lang
    shown, hidden = page(sorted(answer.meetings, key=lambda meeting: meeting.date), MEETINGS_SHOWN)
    body = [heading(_meetings_heading(answer, len(shown))), *(_meeting(m, lang) for m in shown)]
    if not shown:
        body.append(text(say("no_meetings", lang, scope=answer.scope)))
    more = answer.more + hidden
    return with_more(
        body, lang=lang, intent=answer.intent, scope=answer.scope, shown=len(shown), more=more
    )


def _meetings_heading(answer: MeetingsAnswer, shown: int) -> str:
    if answer.intent == "meetings_in_period":
        return say("meetings", answer.lang, scope=answer.scope)
    key = "next_meeting" if shown + answer.more <= 1 else "next_meetings"
    return say(key, answer.lang, scope=answer.scope)


def _meeting(meeting: MeetingView, lang: Lang) -> Element:
    items = [strong(meeting.body), text(when(meeting, lang), spacing="None"), _state(meeting, lang)]
    if meeting.note:
        items.append(subtle(shorten(meeting.note, NOTE_MAX), max_lines=2))
    return section(items + _agenda(meeting, lang))


def _state(meeting: MeetingView, lang: Lang) -> Element:
    """ "afholdt"/"planlagt"/"aflyst" in its colour, with the place beside it."""
    if meeting.state not in _STATES:  # a state added later shows as it is, uncoloured
        return badge(meeting.state, "Default", "emphasis", meeting.place)
    return badge(say(meeting.state, lang), *_STATES[meeting.state], meeting.place)


def _agenda(meeting: MeetingView, lang: Lang) -> list[Element]:
    shown, hidden = page(meeting.agenda, AGENDA_SHOWN)
    if not shown:
        return []
    listed = [facts([(f"{point.number}.", point.title) for point in shown])]
    return listed + ([subtle(count("agenda_more", lang, hidden))] if hidden else [])


def decisions_content(answer: DecisionsAnswer) -> Content:
    lang = answer.lang
    shown, hidden = page(sorted(answer.decisions, key=_decision_order), DECISIONS_SHOWN)
    body = [heading(say("decisions", lang, subject=answer.subject))]
    body += [_meeting_decisions(list(group), lang) for _, group in groupby(shown, _meeting_id)]
    if not shown:
        body.append(text(say("no_decisions", lang, subject=answer.subject)))
    more = answer.more + hidden
    return with_more(
        body, lang=lang, intent=answer.intent, scope=answer.subject, shown=len(shown), more=more
    )


def _meeting_id(decision: DecisionView) -> str:
    return decision.meeting.slug


def _decision_order(decision: DecisionView) -> tuple[int, str, str, int, str]:
    """Newest meeting first, then in agenda order ("2" before "10")."""
    meeting = decision.meeting
    match = _NUMBER.match(decision.number)
    number, rest = (int(match.group(1)), match.group(2)) if match else (0, decision.number)
    return (-meeting.date.toordinal(), meeting.body, meeting.slug, number, rest)


def _meeting_decisions(decisions: list[DecisionView], lang: Lang) -> Element:
    """One meeting ("Sundhedsstyregruppen, 9. februar 2024") and what it decided."""
    meeting = decisions[0].meeting
    held = formats.period(meeting.date, meeting.date_precision, lang)
    items = [subtle(f"{meeting.body}, {held}")]
    for decision in decisions:
        if decision.number or decision.title:  # a meeting's note stands without a heading
            point = say("agenda_point", lang, number=decision.number, title=decision.title)
            items.append(strong(point))
        items.append(text(shorten(decision.decision, DECISION_MAX), spacing="None"))
    return section(items)
