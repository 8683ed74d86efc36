"""Replies to subscription commands: who subscribed what, the next meeting and first
reminder, skipped lead times, the list with a button per line, calendar links."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from dialogs.subscription_cards import (
    Asker,
    UnsubscribeButton,
    calendar_reply,
    choices_reply,
    lead_text,
    list_reply,
    not_found_reply,
    subscribed_reply,
    unsubscribe_data,
    unsubscribed_text,
)
from dialogs.subscription_commands import Subscribe, Unsubscribe
from knowledge.answers.kinds import Choice
from knowledge.core.chat import Lang
from knowledge.notify.contract import (
    CalendarLink,
    Subscribed,
    SubscriptionLine,
    Target,
    TargetAmbiguous,
    TargetNotFound,
    Unsubscribed,
    UpcomingMeeting,
)

MIDT = Target("cluster", "cluster:midtklyngen", "Midtklyngen", "Region Midtjylland")
IV = Target("item", "samarbejdsaftale-om-iv", "IV-aftalen", "Region Midtjylland")
NEXT = UpcomingMeeting(
    "temagruppe-2024-03-13", "Temagruppe for voksne", date(2024, 3, 13), time(13, 0), "Viborg"
)
ANNA_HERE = Asker("Anna Jensen", "channel", "da")
ME = Asker("Mette", "personal", "da")


def _line(
    target: Target = MIDT, ident: int = 7, lead: tuple[int, ...] = (7, 1)
) -> SubscriptionLine:
    created = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    meeting = NEXT if target.kind != "item" else None
    return SubscriptionLine(ident, target, lead, "Anna Jensen", created, meeting)


def _subscribed(
    skipped: tuple[int, ...] = (), first: datetime | None = None, already: bool = False
) -> Subscribed:
    first = first or datetime(2024, 3, 6, 8, 0)
    return Subscribed(_line(), already, NEXT, skipped, first)


def _flat(text: str) -> str:
    return text.replace("\u00a0", " ")


def test_in_a_channel_the_reply_says_who_subscribed_it() -> None:
    reply = subscribed_reply(_subscribed(), ANNA_HERE, asked_leads=False)

    assert reply.text.startswith("Anna Jensen abonnerede kanalen på Midtklyngens møder.")


@pytest.mark.parametrize(
    ("asker", "expected"),
    [
        (ME, "Du abonnerer nu på Midtklyngens møder."),
        (Asker("Anna", "chat", "da"), "Anna abonnerede chatten på Midtklyngens møder."),
        (
            Asker("Anna", "channel", "en"),
            "Anna subscribed the channel to the meetings of Midtklyngen.",
        ),
        (
            Asker("Mette", "personal", "en"),
            "You are now subscribed to the meetings of Midtklyngen.",
        ),
    ],
)
def test_who_and_where_are_worded_for_each_chat(asker: Asker, expected: str) -> None:
    assert expected in subscribed_reply(_subscribed(), asker, asked_leads=False).text


def test_the_confirmation_names_the_next_meeting_and_the_first_reminder() -> None:
    da = _flat(subscribed_reply(_subscribed(), ME, asked_leads=False).text)
    en = _flat(subscribed_reply(_subscribed(), Asker("M", "personal", "en"), False).text)

    assert "Påmindelser 7 og 1 dag før, kl. 8." in da
    assert "Næste møde: Temagruppe for voksne, onsdag den 13. marts 2024, kl. 13:00" in da
    assert "Hvor: Viborg" in da
    assert "Første påmindelse: onsdag den 6. marts 2024, kl. 08:00" in da
    assert "Next meeting: Temagruppe for voksne, Wednesday 13 March 2024, 13:00" in en
    assert "First reminder: Wednesday 6 March 2024, 08:00" in en


def test_lead_times_already_past_are_named() -> None:
    one = subscribed_reply(_subscribed(skipped=(14,)), ME, asked_leads=True).text
    two = subscribed_reply(_subscribed(skipped=(30, 14)), ME, asked_leads=True).text
    none_left = subscribed_reply(
        Subscribed(_line(), False, NEXT, (7, 1), None), ME, asked_leads=False
    ).text

    assert "14 dage før er allerede passeret for dette møde" in one
    assert "30 og 14 dage før er allerede passeret" in two
    assert "for sent til en påmindelse før dette møde" in none_left


def test_following_an_item_promises_word_of_status_changes() -> None:
    outcome = Subscribed(_line(IV), False, None, (), None)

    reply = subscribed_reply(outcome, ANNA_HERE, asked_leads=False)

    assert "Anna Jensen abonnerede kanalen på statusændringer for IV-aftalen." in reply.text
    assert "når status ændres" in reply.text


@pytest.mark.parametrize(
    ("days", "lang", "expected"),
    [
        ((7, 1), "da", "7 og 1 dag"),
        ((14,), "da", "14 dage"),
        ((7, 3, 1), "da", "7, 3 og 1 dag"),
        ((7, 1), "en", "7 days and 1 day"),
        ((1,), "en", "1 day"),
    ],
)
def test_lead_times_are_written_out(days: tuple[int, ...], lang: Lang, expected: str) -> None:
    assert expected == lead_text(days, lang)


def _actions(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, list):
        return [action for child in node for action in _actions(child)]
    if not isinstance(node, dict):
        return []
    own = [node] if str(node.get("type", "")).startswith("Action.") else []
    return own + [a for key, child in node.items() if key != "fallback" for a in _actions(child)]


def test_the_list_has_an_unsubscribe_button_per_line() -> None:
    reply = list_reply([_line(MIDT, 7), _line(IV, 8)], ME)

    executes = [a for a in _actions(reply.card) if a["type"] == "Action.Execute"]
    assert [[7], [8]] == [action["data"]["subscription_ids"] for action in executes]
    assert {"unsubscribe"} == {action["verb"] for action in executes}
    assert {"unsubscribe"} == {action["data"]["klyngebot"] for action in executes}
    assert {"Action.Submit"} == {action["fallback"]["type"] for action in executes}
    assert "Dine abonnementer" in reply.text
    assert "Midtklyngens møder" in reply.text
    assert "Statusændringer for IV-aftalen" in reply.text
    assert "Oprettet af Anna Jensen, 1. marts 2024" in _flat(reply.text)
    assert "afmeld <navn>" in reply.text


def test_a_list_without_cards_is_text_that_says_how_to_unsubscribe() -> None:
    reply = list_reply([_line()], Asker("Anna", "channel", "en", cards=False))

    assert None is reply.card
    assert "This channel's subscriptions" in reply.text
    assert "The meetings of Midtklyngen" in reply.text
    assert "unsubscribe from <name>" in reply.text


def test_an_empty_list_says_how_to_subscribe() -> None:
    assert "abonner på Midtklyngen" in list_reply([], ME).text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            {"klyngebot": "unsubscribe", "subscription_ids": [7, 8], "source": "list"},
            UnsubscribeButton((7, 8), "list"),
        ),
        (
            {
                "action": {
                    "type": "Action.Execute",
                    "verb": "unsubscribe",
                    "data": {"klyngebot": "unsubscribe", "subscription_ids": [7]},
                }
            },
            UnsubscribeButton((7,), "list"),
        ),
        (
            {"klyngebot": "unsubscribe", "subscription_ids": [0, -1, "7", True, 3]},
            UnsubscribeButton((3,), "list"),
        ),
        ({"klyngebot": "unsubscribe"}, UnsubscribeButton((), "list")),
        ({"klyngebot": "unsubscribe", "subscription_ids": "all"}, UnsubscribeButton((), "list")),
        ({"action": "statusUpdate", "subscription_ids": [7]}, None),
        ({"action": "ask", "question": "afmeld alt"}, None),
        (None, None),
        ("unsubscribe", None),
    ],
)
def test_button_data_is_read_and_checked(value: Any, expected: UnsubscribeButton | None) -> None:
    assert expected == unsubscribe_data(value)


def test_unsubscribing_says_who_and_what() -> None:
    gone = Unsubscribed((_line(MIDT), _line(IV)), cancelled=2)

    assert "Du abonnerer ikke længere på Midtklyngens møder og statusændringer for IV-aftalen." == (
        unsubscribed_text(gone, ME, "Midtklyngen")
    )
    assert "Anna Jensen afmeldte kanalen fra Midtklyngens møder og statusændringer for " in (
        unsubscribed_text(gone, ANNA_HERE, None)
    )
    assert "Jeg fandt intet abonnement på „Randers“ her." == unsubscribed_text(
        Unsubscribed((), 0), ME, "Randers"
    )


def test_did_you_mean_offers_each_choice_as_the_command_again() -> None:
    choices = TargetAmbiguous(
        (
            Choice("a", "item", "IV-aftalen", "Region Midtjylland", "status på IV-aftalen"),
            Choice("b", "item", "IV-aftalen", "Region Syddanmark", "status på IV-aftalen"),
        )
    )

    reply = choices_reply(choices, Subscribe("IV", lead_days=(3, 1)), "IV", ME)

    asked = [(a["title"], a["data"]) for a in _actions(reply.card)]
    assert [
        (
            "Region Midtjylland",  # the names are the same: the region tells them apart
            {"action": "ask", "question": "abonner på IV-aftalen 3 og 1 dag før", "choice": "a"},
        ),
        (
            "Region Syddanmark",
            {"action": "ask", "question": "abonner på IV-aftalen 3 og 1 dag før", "choice": "b"},
        ),
    ] == asked
    assert "1. IV-aftalen (Region Midtjylland)" in reply.text


def test_not_found_suggests_names() -> None:
    reply = not_found_reply(
        TargetNotFound(("Midtklyngen",)),
        Unsubscribe("Midtklyngn"),
        "Midtklyngn",
        Asker("A", "personal", "en"),
    )

    assert "I don't know “Midtklyngn”" in reply.text
    assert [{"action": "ask", "question": "unsubscribe from Midtklyngen"}] == [
        a["data"] for a in _actions(reply.card)
    ]


def test_the_calendar_link_is_absolute_and_says_how_to_add_and_revoke_it() -> None:
    link = CalendarLink("midtklyngen", "tok3n", MIDT)

    reply = calendar_reply(link, "https://klyngebot.example.dk/", ME)
    shared = calendar_reply(link, "https://klyngebot.example.dk", ANNA_HERE)

    assert "https://klyngebot.example.dk/calendar/midtklyngen/tok3n.ics" in reply.text
    assert "Outlook" in reply.text
    assert "tilbagekald kalender" in reply.text
    assert "Linket tilhører Anna Jensen" in shared.text
