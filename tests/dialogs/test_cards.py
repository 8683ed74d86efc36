"""Answers built from the demo knowledge base, rendered in Danish and English.

The facts come from knowledge/demo/kb.json; the tests check that each one reaches both
the card and the plain text, with dates exactly as precise as the documents gave them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from typing import Any, get_args

import pytest

from dialogs import formats
from dialogs.cards import render, welcome_card
from dialogs.choosing import Option, titles
from dialogs.message import Message
from dialogs.paging import MEETINGS_SHOWN
from dialogs.wording import capabilities, say
from knowledge.answers.kinds import (
    Answer,
    ChangesAnswer,
    ChangeView,
    Choice,
    Clarify,
    DecisionsAnswer,
    DecisionView,
    HelpAnswer,
    ItemAnswer,
    ItemView,
    ListAnswer,
    MeetingsAnswer,
    MeetingView,
    NotKnown,
    OverviewAnswer,
    PassageAnswer,
    PeopleAnswer,
    PersonView,
    ScopeSet,
    SmallTalk,
)
from knowledge.core.chat import Lang
from knowledge.core.status import label
from tests.dialogs import demo

LANGS: tuple[Lang, ...] = ("da", "en")
# The Adaptive Card 1.5 types the cards may use; anything else is a mistake.
ELEMENT_TYPES = {"TextBlock", "FactSet", "ColumnSet", "Column", "Container", "ActionSet"}
ACTION_TYPES = {"Action.Submit"}
COLOURS = {"Default", "Dark", "Light", "Accent", "Good", "Warning", "Attention"}
STYLES = {"default", "emphasis", "good", "attention", "warning", "accent"}
SIZE_LIMIT = 28_000
ITEM_IDS = [view.id for view in demo.items()]
MIDT_MEETING = "klyngestyregruppen-midtklyngen-2024-02-23"
MONTH_MEETING = "sundhedsklynge-soenderjylland-politisk-niveau-2024-10"
SOENDERJYLLAND_MEETING = "sundhedsklynge-soenderjylland-fagligt-strategisk-niveau-2024-03-04"


# -- reading a card ------------------------------------------------------------------------


def _elements(elements: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for element in elements:
        yield element
        yield from _elements(element.get("items", []) + element.get("columns", []))


def _strings(card: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for element in _elements(card["body"]):
        found += [element["text"]] if element["type"] == "TextBlock" else []
        found += [part for fact in element.get("facts", []) for part in fact.values()]
    found += [action["title"] for action in card.get("actions", [])]
    return [_spaces(string) for string in found]


def _spaces(text: str) -> str:
    """No-break spaces (which keep "4. marts" from being a list) read as spaces."""
    return text.replace("\u00a0", " ")


def _card(reply: Message) -> dict[str, Any]:
    assert reply.card is not None
    return reply.card


def _shown(reply: Message) -> str:
    return "\n".join(_strings(_card(reply)))


def _actions(reply: Message, action: str) -> list[dict[str, Any]]:
    buttons = _card(reply).get("actions", [])
    return [button for button in buttons if button["data"]["action"] == action]


def _check(reply: Message) -> None:
    """What every card must be: Adaptive Card 1.5, small enough, known types, data on buttons."""
    card = _card(reply)
    assert reply.text.strip()
    assert ("AdaptiveCard", "1.5") == (card["type"], card["version"])
    assert "http://adaptivecards.io/schemas/adaptive-card.json" == card["$schema"]
    assert len(json.dumps(card)) < SIZE_LIMIT
    assert set() == {element["type"] for element in _elements(card["body"])} - ELEMENT_TYPES
    for element in _elements(card["body"]):
        assert element.get("color", "Default") in COLOURS
        assert element.get("style", "default") in STYLES
    rows = [e["actions"] for e in _elements(card["body"]) if e["type"] == "ActionSet"]
    for action in card.get("actions", []) + [action for row in rows for action in row]:
        assert action["type"] in ACTION_TYPES
        assert action["data"]["action"] in {"ask", "more"}


def _render(answer: Answer) -> Message:
    reply = render(answer)
    _check(reply)
    return reply


def _text(reply: Message) -> str:
    return _spaces(reply.text)


# -- answers from the demo knowledge base --------------------------------------------------


def _midtklyngen_meetings() -> tuple[MeetingView, ...]:
    return tuple(meeting for meeting in demo.meetings() if meeting.cluster == "Midtklyngen")


def _decisions(meeting_id: str) -> tuple[DecisionView, ...]:
    meeting = demo.meeting(meeting_id)
    return tuple(
        DecisionView(meeting, point.number, point.title, point.decision)
        for point in meeting.agenda
        if point.decision
    )


def _changes() -> tuple[ChangeView, ...]:
    return tuple(ChangeView(view, view.status) for view in demo.items() if view.status)


def _choices() -> tuple[Choice, ...]:
    titles = ("iv-behandling", "erhvervet-hjerne")
    views = [view for view in demo.items() if any(title in view.id for title in titles)]
    return tuple(
        Choice(view.id, "item", view.title, view.region, f"Hvad er status på {view.title}?")
        for view in views
    )


def _samples(lang: Lang) -> list[Answer]:
    """At least one answer of every type, as large as the demo knowledge base allows."""
    views = list(demo.items())
    items: list[Answer] = [
        ItemAnswer(intent, lang, view)
        for view in demo.items()
        for intent in ("status", "who", "budget", "date", "what_is")
    ]
    every_decision = tuple(
        decision for meeting in demo.meetings() for decision in _decisions(meeting.slug)
    )
    return [
        *items,
        MeetingsAnswer("next_meeting", lang, "Midtklyngen", _midtklyngen_meetings(), more=2),
        MeetingsAnswer("meetings_in_period", lang, "2024", tuple(demo.meetings())),
        DecisionsAnswer("decisions", lang, "Sundhedsklynge Sønderjylland", every_decision),
        ListAnswer("list", lang, "i Region Midtjylland", tuple(demo.items())),
        ChangesAnswer("changes", lang, date(2022, 1, 1), _changes(), more=4),
        Clarify("status", lang, _choices(), "ambiguous"),
        NotKnown("unknown", lang, ("Hvad er status på FACT?",)),
        NotKnown("unknown", lang, (), "Kom trygt Hjem", "person"),
        NotKnown("unknown", lang, (), "FACT", None, "", "Midtklyngen", "Randersklyngen"),
        HelpAnswer("help", lang),
        ScopeSet("set_scope", lang, "Region Midtjylland", "Midtklyngen"),
        OverviewAnswer("overview", lang, views[0].title, views[0], (), every_decision[:2]),
        OverviewAnswer("overview", lang, "Midtklyngen", None, _midtklyngen_meetings()),
        SmallTalk("smalltalk", lang, "greeting"),
        PeopleAnswer(
            "who",
            lang,
            "Klyngestyregruppen Midtklyngen",
            (PersonView("Anne Test", "formand", "Viborg Kommune", "referat.txt"),),
            "formand",
        ),
        PassageAnswer(
            "date", lang, "Aftalen træder i kraft 1. maj 2023.", "a.txt", "A", "B", None, "X"
        ),
    ]


def _badge_label(view: ItemView, lang: Lang) -> str:
    if view.status is None or view.status.category == "unknown":
        return "Status ukendt" if lang == "da" else "Status unknown"
    return label(view.status.category, lang)


# -- every answer --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_answer_type_renders_a_valid_card(lang: Lang) -> None:
    samples = _samples(lang)

    for answer in samples:
        _render(answer)
    assert set(get_args(Answer)) == {type(answer) for answer in samples}


@pytest.mark.parametrize("lang", LANGS)
def test_without_cards_the_reply_is_the_same_text_and_no_card(lang: Lang) -> None:
    for answer in _samples(lang):
        with_card, without = render(answer), render(answer, cards=False)

        assert None is without.card
        assert with_card.text == without.text


# -- one item: status, who, budget ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_status_shows_title_label_date_summary_and_source(item_id: str, lang: Lang) -> None:
    view = demo.item(item_id)

    reply = _render(ItemAnswer("status", lang, view))

    for shown in (_shown(reply), _text(reply)):
        assert view.title in shown
        assert _badge_label(view, lang) in shown
        assert (view.region or "") in shown
        if view.status is not None:
            assert view.status.text in shown
        if view.status is not None and view.status.valid_from is not None:
            when = formats.period(view.status.valid_from, view.status.precision, lang)
            assert when in shown
        source = view.status.source if view.status else None
        if source is not None:
            assert source.file in shown
            assert (source.heading or "") in shown


@pytest.mark.parametrize(
    ("item_id", "danish", "english"),
    [
        ("boerne-og-ungeaftalen-syddanmark", "4. marts 2024", "4 March 2024"),
        ("astma-rehabilitering-paa-tvaers-midtjylland", "november 2022", "November 2022"),
        (
            "samarbejdsaftale-om-iv-behandling-i-naeromraadet-midtjylland",
            "2. kvartal 2023",
            "Q2 2023",
        ),
        ("faelles-vaccinationskampagne-midtjylland", "1. kvartal 2023", "Q1 2023"),
        ("alliancen-om-den-naere-psykiatri-midtjylland", "primo 2022", "early 2022"),
        (
            "hensigtserklaering-om-oeget-fokus-paa-rygestop-i-almen-praks-midtjylland",
            "ultimo 2021",
            "late 2021",
        ),
        (
            "styrkelse-af-samarbejdet-mellem-praehospitalet-og-de-kommuna-midtjylland",
            "efteråret 2022",
            "autumn 2022",
        ),
        ("samarbejdsaftale-om-rygestop-midtjylland", "2019", "2019"),
    ],
)
def test_the_status_date_is_as_precise_as_the_document(
    item_id: str, danish: str, english: str
) -> None:
    view = demo.item(item_id)
    assert view.status is not None
    assert view.status.valid_from is not None
    first_day = view.status.valid_from

    written: tuple[tuple[Lang, str], ...] = (("da", danish), ("en", english))
    for lang, expected in written:
        text = _text(_render(ItemAnswer("status", lang, view)))

        assert expected in text
        if view.status.precision != "day":
            assert formats.period(first_day, "day", lang) not in text


def test_a_half_year_status_is_written_as_a_half() -> None:
    view = demo.item("faelles-vaccinationskampagne-midtjylland")
    assert view.status is not None
    halved = replace(
        view, status=replace(view.status, valid_from=date(2023, 7, 1), precision="half")
    )

    assert "2. halvår 2023" in _text(_render(ItemAnswer("status", "da", halved)))
    assert "H2 2023" in _text(_render(ItemAnswer("status", "en", halved)))


@pytest.mark.parametrize("lang", LANGS)
def test_an_item_without_status_history_says_status_unknown(lang: Lang) -> None:
    view = demo.item("fact-midtjylland")
    assert view.status is None

    reply = _render(ItemAnswer("status", lang, view))

    badge = next(e for e in _elements(_card(reply)["body"]) if e["type"] == "ColumnSet")
    assert [_badge_label(view, lang)] == [
        block["text"] for block in _elements([badge]) if "text" in block
    ]
    assert _badge_label(view, lang) in _text(reply)
    others = [label(category, lang) for category in ("planned", "in_progress", "implemented")]
    assert [] == [other for other in others if other in _text(reply)]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_who_names_every_party_before_the_summary(item_id: str, lang: Lang) -> None:
    view = demo.item(item_id)

    reply = _render(ItemAnswer("who", lang, view))

    text = _text(reply)
    for party in view.parties:
        assert party in _shown(reply)
        assert party in text
        if view.status is not None:
            assert text.index(party) < text.index(view.status.text)
    if not view.parties:
        assert say("no_parties", lang) in text


def _danish_amount(amount: int) -> str:
    return f"{amount:,} kr.".replace(",", ".")


def _english_amount(amount: int) -> str:
    return f"DKK {amount:,}"


@pytest.mark.parametrize("item_id", [view.id for view in demo.items() if view.budget])
def test_budget_lists_every_line_with_its_year_in_the_languages_style(item_id: str) -> None:
    view = demo.item(item_id)

    danish = _render(ItemAnswer("budget", "da", view))
    english = _render(ItemAnswer("budget", "en", view))

    for line in view.budget:
        assert _danish_amount(line.amount_dkk) in _shown(danish)
        assert _danish_amount(line.amount_dkk) in _text(danish)
        assert _english_amount(line.amount_dkk) in _shown(english)
        assert _english_amount(line.amount_dkk) in _text(english)
        if line.year is not None:
            assert f"{line.year}: {_danish_amount(line.amount_dkk)}" in _text(danish)


def test_budget_of_samarbejdsmodel_reads_as_the_report_does() -> None:
    view = next(view for view in demo.items() if view.title == "Samarbejdsmodel")

    text = _text(_render(ItemAnswer("budget", "da", view)))

    assert "223.000 kr." in text
    assert "991.000 kr." in text
    assert "1.214.000 kr." in text
    assert "DKK 1,214,000" in _text(_render(ItemAnswer("budget", "en", view)))


@pytest.mark.parametrize("lang", LANGS)
def test_an_item_without_budget_says_so(lang: Lang) -> None:
    view = demo.item("boerne-og-ungeaftalen-syddanmark")
    assert () == view.budget

    assert say("no_budget", lang) in _text(_render(ItemAnswer("budget", lang, view)))


# -- meetings ------------------------------------------------------------------------------


def test_a_meeting_shows_weekday_date_time_place_state_and_agenda() -> None:
    meeting = demo.meeting(MIDT_MEETING)
    danish = _render(MeetingsAnswer("next_meeting", "da", "Midtklyngen", (meeting,)))
    english = _render(MeetingsAnswer("next_meeting", "en", "Midtklyngen", (meeting,)))

    for shown in (_shown(danish), _text(danish)):
        assert "fredag den 23. februar 2024" in shown
        assert "kl. 08:30–11:30" in shown
        assert "afholdt" in shown
    for shown in (_shown(english), _text(english)):
        assert "Friday 23 February 2024" in shown
        assert "08:30–11:30" in shown
        assert "held" in shown
    for reply in (danish, english):
        assert meeting.body in _text(reply)
        assert (meeting.place or "-") in _text(reply)


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_agenda_shows_eight_points_and_counts_the_rest(lang: Lang) -> None:
    meeting = demo.meeting(SOENDERJYLLAND_MEETING)
    assert 18 == len(meeting.agenda)

    text = _text(_render(MeetingsAnswer("meetings_in_period", lang, "marts 2024", (meeting,))))

    for point in meeting.agenda[:8]:
        assert f"{point.number}. {point.title}" in text
    for point in meeting.agenda[8:]:
        assert f"{point.number}. {point.title}" not in text
    assert "+10" in text


@pytest.mark.parametrize(
    ("lang", "expected", "day"),
    [
        ("da", "oktober 2024 (dag ikke fastlagt)", "1. oktober"),
        ("en", "October 2024 (day not set)", "1 October"),
    ],
)
def test_a_meeting_known_only_by_its_month_names_no_day(
    lang: Lang, expected: str, day: str
) -> None:
    meeting = demo.meeting(MONTH_MEETING)
    assert "month" == meeting.date_precision

    text = _text(_render(MeetingsAnswer("next_meeting", lang, "Sønderjylland", (meeting,))))

    assert expected in text
    assert day not in text
    assert ("planlagt" if lang == "da" else "planned") in text


@pytest.mark.parametrize(("lang", "expected"), [("da", "aflyst"), ("en", "cancelled")])
def test_a_cancelled_meeting_says_so(lang: Lang, expected: str) -> None:
    meeting = replace(demo.meeting(MONTH_MEETING), state="cancelled")

    text = _text(_render(MeetingsAnswer("next_meeting", lang, "Sønderjylland", (meeting,))))

    assert expected in text


@pytest.mark.parametrize("lang", LANGS)
def test_meetings_are_shown_by_date_whatever_order_they_come_in(lang: Lang) -> None:
    meetings = _midtklyngen_meetings()[:5]

    text = _text(_render(MeetingsAnswer("next_meeting", lang, "Midtklyngen", meetings[::-1])))

    positions = [text.index(formats.weekday_date(meeting.date, lang)) for meeting in meetings]
    assert sorted(positions) == positions


@pytest.mark.parametrize("lang", LANGS)
def test_more_meetings_than_fit_are_counted_and_offered_behind_a_button(lang: Lang) -> None:
    meetings = tuple(demo.meetings())

    reply = _render(MeetingsAnswer("meetings_in_period", lang, "2022-2024", meetings, more=3))

    (button,) = _actions(reply, "more")
    shown = MEETINGS_SHOWN
    expected = {
        "action": "more",
        "intent": "meetings_in_period",
        "scope": "2022-2024",
        "shown": shown,
    }
    assert expected == button["data"]
    assert f"{shown} {'af' if lang == 'da' else 'of'} {len(meetings) + 3}" in _text(reply)
    assert button["title"] not in _text(reply)


@pytest.mark.parametrize("lang", LANGS)
def test_no_meetings_says_so_for_the_scope_and_offers_nothing(lang: Lang) -> None:
    reply = _render(MeetingsAnswer("next_meeting", lang, "Randersklyngen", ()))

    assert "Randersklyngen" in _text(reply)
    assert [] == _actions(reply, "more")


# -- decisions -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_decision_names_its_meeting_then_the_point_and_what_was_decided(lang: Lang) -> None:
    decisions = _decisions(MIDT_MEETING)[:3]
    meeting = decisions[0].meeting

    reply = _render(DecisionsAnswer("decisions", lang, "Midtklyngen", decisions))

    text = _text(reply)
    held = formats.period(meeting.date, "day", lang)
    assert f"{meeting.body}, {held}" in text
    for decision in decisions:
        assert decision.title in _shown(reply)
        assert decision.decision in _shown(reply)
        assert text.index(meeting.body) < text.index(decision.title) < text.index(decision.decision)


@pytest.mark.parametrize("lang", LANGS)
def test_decisions_of_the_newest_meeting_come_first_in_agenda_order(lang: Lang) -> None:
    older, newer = _decisions(MIDT_MEETING)[:2], _decisions(SOENDERJYLLAND_MEETING)[8:11]

    text = _text(_render(DecisionsAnswer("decisions", lang, "klyngerne", older + newer)))

    titles = [decision.title for decision in newer + older]
    assert sorted(text.index(title) for title in titles) == [text.index(t) for t in titles]


# -- lists and changes ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_list_shows_each_item_with_its_status_and_cluster(lang: Lang) -> None:
    views = tuple(view for view in demo.items() if view.cluster == "Midtklyngen")[:10]

    reply = _render(ListAnswer("list", lang, "Midtklyngen", views))

    for view in views:
        for shown in (_shown(reply), _text(reply)):
            assert view.title in shown
            assert _badge_label(view, lang) in shown
            assert "Midtklyngen" in shown
    assert [] == _actions(reply, "more")


@pytest.mark.parametrize("lang", LANGS)
def test_a_list_is_sorted_the_danish_way(lang: Lang) -> None:
    view = demo.item("fact-midtjylland")
    titles = ("Ærø-aftalen", "Zoneterapi", "Astma")
    views = tuple(replace(view, title=title) for title in titles)

    text = _text(_render(ListAnswer("list", lang, "alle", views)))

    assert text.index("Astma") < text.index("Zoneterapi") < text.index("Ærø-aftalen")


@pytest.mark.parametrize("lang", LANGS)
def test_a_long_list_is_cut_short_and_the_rest_offered(lang: Lang) -> None:
    views = tuple(demo.items())

    reply = _render(ListAnswer("list", lang, "alle", views, more=5))

    (button,) = _actions(reply, "more")
    assert {"action": "more", "intent": "list", "scope": "alle", "shown": 10} == button["data"]
    assert str(len(views) + 5) in _text(reply)


@pytest.mark.parametrize("lang", LANGS)
def test_changes_show_since_when_and_each_items_new_status_and_date(lang: Lang) -> None:
    changes = tuple(change for change in _changes() if change.item.region == "Region Syddanmark")

    reply = _render(ChangesAnswer("changes", lang, date(2024, 1, 1), changes))

    text = _text(reply)
    assert formats.period(date(2024, 1, 1), "day", lang) in text
    for change in changes:
        assert change.item.title in text
        assert _badge_label(change.item, lang) in text
        if change.entry.valid_from is not None:
            assert formats.period(change.entry.valid_from, change.entry.precision, lang) in text


@pytest.mark.parametrize("lang", LANGS)
def test_no_changes_still_says_since_when(lang: Lang) -> None:
    text = _text(_render(ChangesAnswer("changes", lang, date(2024, 6, 1), ())))

    assert formats.period(date(2024, 6, 1), "day", lang) in text


# -- conversation --------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "opening"), [("da", "Mente du"), ("en", "Did you mean")])
def test_clarify_offers_at_most_three_choices_that_ask_again(lang: Lang, opening: str) -> None:
    choices = _choices()
    assert len(choices) > 3

    reply = _render(Clarify("status", lang, choices, "ambiguous"))

    buttons = _actions(reply, "ask")
    shown = [Option(c.id, c.label, c.detail) for c in choices[:3]]
    assert titles(shown) == [b["title"] for b in buttons]
    expected = [{"action": "ask", "question": c.question, "choice": c.id} for c in choices[:3]]
    assert expected == [button["data"] for button in buttons]
    assert _text(reply).startswith(opening)
    for number, choice in enumerate(choices[:3], start=1):
        assert f"{number}. {choice.label} ({choice.detail})" in _text(reply)


def test_a_choice_without_detail_is_its_label_alone() -> None:
    choice = Choice("midtklyngen", "cluster", "Midtklyngen", None, "Vi er Midtklyngen")

    reply = _render(Clarify("set_scope", "da", (choice,), "unsure"))

    assert ["Midtklyngen"] == [button["title"] for button in _actions(reply, "ask")]


@pytest.mark.parametrize(
    ("lang", "honest"),
    [
        ("da", "Det ved jeg ikke noget om i videnbasen."),
        ("en", "I don't have that in the knowledge base."),
    ],
)
def test_not_known_is_honest_and_suggests_questions_that_work(lang: Lang, honest: str) -> None:
    suggestions = ("Hvad er status på FACT?", "Hvornår er næste møde i Midtklyngen?")

    reply = _render(NotKnown("unknown", lang, suggestions))
    bare = _render(NotKnown("unknown", lang))

    assert _text(reply).startswith(honest)
    assert [{"action": "ask", "question": q} for q in suggestions] == [
        button["data"] for button in _actions(reply, "ask")
    ]
    assert honest == _text(bare)
    assert bare.card is not None
    assert "actions" not in bare.card


def _examples(reply: Message) -> list[dict[str, Any]]:
    """Every "ask" button of the card, in the body's button rows and under it."""
    card = _card(reply)
    rows = [e for e in _elements(card["body"]) if e["type"] == "ActionSet"]
    buttons = [action for row in rows for action in row["actions"]] + card.get("actions", [])
    return [button for button in buttons if button["data"]["action"] == "ask"]


@pytest.mark.parametrize("lang", LANGS)
def test_help_shows_every_capability_with_an_example_to_tap(lang: Lang) -> None:
    reply = _render(HelpAnswer("help", lang))

    _check(reply)
    buttons = _examples(reply)
    assert len(capabilities(lang)) == len(buttons)
    assert [example for _, _, example in capabilities(lang)] == [b["title"] for b in buttons]
    for button in buttons:
        assert button["title"] == button["data"]["question"]
        assert button["title"] in _text(reply)  # typed, where there are no buttons
    assert "Midtklyngen" in _text(reply)
    assert "budget" in _text(reply).lower()


@pytest.mark.parametrize(
    ("lang", "cluster", "expected"),
    [
        ("da", "Midtklyngen", "Denne chat hører nu til Midtklyngen (Region Midtjylland)."),
        ("en", "Midtklyngen", "This chat now belongs to Midtklyngen (Region Midtjylland)."),
        ("da", None, "Denne chat hører nu til Region Midtjylland."),
    ],
)
def test_scope_set_confirms_where_the_chat_belongs(
    lang: Lang, cluster: str | None, expected: str
) -> None:
    reply = _render(ScopeSet("set_scope", lang, "Region Midtjylland", cluster))

    assert expected == _text(reply).splitlines()[0]


@pytest.mark.parametrize("locale", ["da", "da-DK", "en", "en-GB", "de-DE"])
def test_welcome_shows_every_capability_with_an_example_to_tap(locale: str) -> None:
    reply = welcome_card(locale)
    lang: Lang = "en" if locale.startswith("en") else "da"

    _check(reply)
    buttons = _examples(reply)
    assert [example for _, _, example in capabilities(lang)] == [b["title"] for b in buttons]
    assert all(button["title"] == button["data"]["question"] for button in buttons)
    assert lang == _card(reply)["lang"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_decision_without_an_agenda_item_shows_no_empty_heading(lang: Lang) -> None:
    meeting = next(m for m in demo.meetings() if m.note)
    noted = DecisionView(meeting, "", "", meeting.note or "")

    reply = _render(DecisionsAnswer("decisions", lang, meeting.body, (noted,)))

    assert "Punkt :" not in _text(reply)
    assert "Item :" not in _text(reply)
