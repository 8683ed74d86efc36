"""The overview card: what the knowledge base has on a thing named without a question;
and the passage card: a fact quoted from the documents' text.

Of an item: its status badge with date, the status text, the earlier entries, its key
dates, the latest decisions about it and the source. Of a body or cluster: its coming
meetings and what its last meeting decided.
"""

from __future__ import annotations

from dialogs import formats
from dialogs.elements import Content, Element, heading, section, small, strong, subtle, text
from dialogs.item_cards import (
    as_of,
    earlier,
    item_source,
    key_dates,
    status_badge,
    whereabouts,
)
from dialogs.meeting_cards import when
from dialogs.wording import say
from knowledge.answers.kinds import (
    DecisionView,
    MeetingView,
    OverviewAnswer,
    PassageAnswer,
    PeopleAnswer,
)
from knowledge.core.chat import Lang
from knowledge.core.status import shorten

DECISION_MAX = 300
QUOTE_MAX = 600


def overview_content(answer: OverviewAnswer) -> Content:
    lang, item = answer.lang, answer.item
    body: list[Element] = [heading(say("overview", lang, title=answer.label))]
    if item is not None:
        body += [
            subtle(whereabouts(item)),
            status_badge(item.status, lang, as_of(item.status, lang)),
        ]
        if item.status is not None:
            body.append(text(item.status.text, maxLines=3))
        body += earlier(item, lang) + key_dates(answer.dates, lang)
    else:
        body += _meetings(answer.meetings, lang)
    body += _decisions(answer.decisions, lang)
    if item is not None:
        body += item_source(item, lang)
    return Content(body)


def _meetings(meetings: tuple[MeetingView, ...], lang: Lang) -> list[Element]:
    if not meetings:
        return [text(say("no_coming_meetings", lang))]
    rows: list[Element] = [strong(say("coming_meetings", lang))]
    for meeting in meetings:
        place = f" – {meeting.place}" if meeting.place else ""
        rows.append(text(f"{meeting.body}: {when(meeting, lang)}{place}"))
    return [section(rows)]


def _decisions(decisions: tuple[DecisionView, ...], lang: Lang) -> list[Element]:
    if not decisions:
        return []
    rows: list[Element] = [strong(say("latest_decisions", lang))]
    for decision in decisions:
        meeting = decision.meeting
        head = f"{meeting.body}, {when(meeting, lang)}"
        title = f" – {decision.title}" if decision.title else ""
        rows.append(subtle(head + title))
        rows.append(text(shorten(decision.decision, DECISION_MAX), spacing="None"))
    return [section(rows)]


def passage_content(answer: PassageAnswer) -> Content:
    """The sentence that holds the fact, quoted, with the document and heading it is from."""
    lang = answer.lang
    title = answer.about or answer.heading or answer.title
    where = " – ".join(part for part in (answer.document, answer.heading) if part)
    when = formats.period(answer.document_date, "day", lang) if answer.document_date else None
    source = f"{where} ({when})" if when else where
    body: list[Element] = [
        heading(title),
        text(f"“{shorten(answer.sentence, QUOTE_MAX)}”"),
        small(say("source", lang, source=source)),
    ]
    return Content(body)


def people_content(answer: PeopleAnswer) -> Content:
    """Who: each person with their role and whom they represent."""
    lang = answer.lang
    rows: list[Element] = [heading(say("people", lang, about=answer.about))]
    for person in answer.people:
        details = ", ".join(part for part in (person.role, person.affiliation) if part)
        rows.append(text(f"• {person.name}" + (f" ({details})" if details else ""), spacing="None"))
    files = sorted({person.source for person in answer.people if person.source})
    if files:
        rows.append(small(say("source", lang, source=", ".join(files))))
    return Content(rows)
