"""Subscription commands read from chat text, table by table: Danish, English, keyboard
variants (ø as o/oe, å as a/aa, æ as ae), small typos, lead times, and questions that
must stay questions."""

from __future__ import annotations

import pytest

from dialogs.recognisers import message_language
from dialogs.subscription_commands import (
    CalendarRequest,
    ListSubscriptions,
    RevokeCalendar,
    Subscribe,
    SubscriptionCommand,
    Unsubscribe,
    squash,
    subscription_command,
)

SUBSCRIBE: list[tuple[str, SubscriptionCommand]] = [
    ("abonner på Midtklyngen", Subscribe("Midtklyngen")),
    ("Abonnér på KSG møder", Subscribe("KSG", "meetings")),
    ("abonner paa Midtklyngen", Subscribe("Midtklyngen")),
    ("abonner pa Midtklyngen", Subscribe("Midtklyngen")),
    ("abonnner på Midtklyngen", Subscribe("Midtklyngen")),
    ("abboner på Midtklyngen", Subscribe("Midtklyngen")),
    ("abonner kanalen på Midtklyngen", Subscribe("Midtklyngen")),
    ("abonner mig på møderne i Midtklyngen", Subscribe("Midtklyngen", "meetings")),
    ("abonner på status for IV-aftalen", Subscribe("IV-aftalen", "status")),
    ("abonner på statusændringer for IV-aftalen", Subscribe("IV-aftalen", "status")),
    ("abonner på statusaendringer for IV-aftalen", Subscribe("IV-aftalen", "status")),
    ("følg IV-aftalen", Subscribe("IV-aftalen")),
    ("folg IV-aftalen", Subscribe("IV-aftalen")),
    ("foelg IV-aftalen", Subscribe("IV-aftalen")),
    ("Følg med i IV-aftalen!", Subscribe("IV-aftalen")),
    ("abonner", Subscribe(None)),
    ("subscribe to Randersklyngen meetings", Subscribe("Randersklyngen", "meetings")),
    ("subscribe me to Randersklyngen's meetings", Subscribe("Randersklyngen", "meetings")),
    ("subscribe this channel to the meetings of KSG", Subscribe("KSG", "meetings")),
    ("subscibe to Randersklyngen", Subscribe("Randersklyngen")),
    ("follow the IV agreement", Subscribe("IV agreement")),
    ("follow status changes of the IV agreement", Subscribe("IV agreement", "status")),
]

LEAD_TIMES: list[tuple[str, SubscriptionCommand]] = [
    ("abonner på Midtklyngen 3 og 1 dag før", Subscribe("Midtklyngen", lead_days=(3, 1))),
    ("abonner på Midtklyngen 1 og 3 dage foer", Subscribe("Midtklyngen", lead_days=(3, 1))),
    ("abonner på Midtklyngen 7, 3 og 1 dage for", Subscribe("Midtklyngen", lead_days=(7, 3, 1))),
    ("abonner på Midtklyngen 3,1 dage inden", Subscribe("Midtklyngen", lead_days=(3, 1))),
    ("abonner på Midtklyngen møder dagen før", Subscribe("Midtklyngen", "meetings", (1,))),
    ("abonner på Midtklyngen en uge før", Subscribe("Midtklyngen", lead_days=(7,))),
    ("abonner på Midtklyngen 2 uger før", Subscribe("Midtklyngen", lead_days=(14,))),
    ("subscribe to KSG 14 days before", Subscribe("KSG", lead_days=(14,))),
    ("subscribe to KSG meetings 60 days before", Subscribe("KSG", "meetings", (60,))),
    ("subscribe to KSG a week before", Subscribe("KSG", lead_days=(7,))),
    ("subscribe to KSG the day before", Subscribe("KSG", lead_days=(1,))),
    ("abonner på Midtklyngen 90 dage før", Subscribe("Midtklyngen", bad_lead_days=(90,))),
    ("abonner på Midtklyngen 0 dage før", Subscribe("Midtklyngen", bad_lead_days=(0,))),
    (
        "abonner på Midtklyngen 61 og 7 dage før",
        Subscribe("Midtklyngen", lead_days=(7,), bad_lead_days=(61,)),
    ),
]

UNSUBSCRIBE: list[tuple[str, SubscriptionCommand]] = [
    ("afmeld Midtklyngen", Unsubscribe("Midtklyngen")),
    ("Afmeld kanalen fra Midtklyngen", Unsubscribe("Midtklyngen")),
    ("afmled Midtklyngen", Unsubscribe("Midtklyngen")),
    ("frameld Midtklyngen møder", Unsubscribe("Midtklyngen")),
    ("afmeld alt", Unsubscribe(None, everything=True)),
    ("afmeld alle abonnementer", Unsubscribe(None, everything=True)),
    ("afmeld", Unsubscribe(None)),
    ("stop abonnement på Midtklyngen", Unsubscribe("Midtklyngen")),
    ("stop abonnementet paa Midtklyngen", Unsubscribe("Midtklyngen")),
    ("stop med at følge IV-aftalen", Unsubscribe("IV-aftalen")),
    ("stop med at folge IV-aftalen", Unsubscribe("IV-aftalen")),
    ("unsubscribe from Randersklyngen", Unsubscribe("Randersklyngen")),
    ("unsubscribe all", Unsubscribe(None, everything=True)),
    ("unsubscribe from everything", Unsubscribe(None, everything=True)),
    ("stop following the IV agreement", Unsubscribe("IV agreement")),
    ("unfollow IV-aftalen", Unsubscribe("IV-aftalen")),
]

LISTS: list[tuple[str, SubscriptionCommand]] = [
    ("mine abonnementer", ListSubscriptions()),
    ("Mine abonnementer?", ListSubscriptions()),
    ("vis mine abonnementer", ListSubscriptions()),
    ("kanalens abonnementer", ListSubscriptions()),
    ("abonnementer", ListSubscriptions()),
    ("mine abonementer", ListSubscriptions()),
    ("hvad følger jeg?", ListSubscriptions()),
    ("hvad foelger vi", ListSubscriptions()),
    ("my subscriptions", ListSubscriptions()),
    ("show my subscriptions", ListSubscriptions()),
    ("what am I subscribed to?", ListSubscriptions()),
]

CALENDARS: list[tuple[str, SubscriptionCommand]] = [
    ("kalender for Midtklyngen", CalendarRequest("Midtklyngen")),
    ("kalenderlink til Midtklyngen", CalendarRequest("Midtklyngen")),
    ("kalender", CalendarRequest(None)),
    ("abonner på kalenderen for Midtklyngen", CalendarRequest("Midtklyngen")),
    ("calendar for Randersklyngen", CalendarRequest("Randersklyngen")),
    ("calendar link for Randersklyngen", CalendarRequest("Randersklyngen")),
    ("tilbagekald kalender", RevokeCalendar(None)),
    ("tilbagekald mit kalenderlink", RevokeCalendar(None)),
    ("slet kalenderlinket", RevokeCalendar(None)),
    ("tilbagekald kalender for Midtklyngen", RevokeCalendar("Midtklyngen")),
    ("revoke calendar", RevokeCalendar(None)),
    ("revoke my calendar link for Randersklyngen", RevokeCalendar("Randersklyngen")),
]

# Said in ordinary words, the command anywhere: the target is what its words leave.
NATURAL: list[tuple[str, SubscriptionCommand]] = [
    ("giv mig besked før møderne i Randersklyngen", Subscribe("Randersklyngen", "meetings")),
    (
        "påmind os inden næste møde i klyngestyregruppen",
        Subscribe("klyngestyregruppen", "meetings"),
    ),
    ("kan jeg få en påmindelse om FACT?", Subscribe("FACT")),
    ("hold mig opdateret om Tele KOL", Subscribe("Tele KOL")),
    ("remind me before the next Randersklyngen meeting", Subscribe("Randersklyngen", "meetings")),
    ("could you remind me 2 days before KSG meetings", Subscribe("KSG", "meetings", (2,))),
    ("please keep me posted on FACT", Subscribe("FACT")),
    ("jeg gider ikke flere påmindelser om Randersklyngen", Unsubscribe("Randersklyngen")),
    ("jeg ønsker ikke flere påmindelser", Unsubscribe(None)),
    ("no more reminders for Randersklyngen please", Unsubscribe("Randersklyngen")),
    ("stop the notifications about FACT", Unsubscribe("FACT")),
    ("stop alle mine påmindelser", Unsubscribe(None, everything=True)),
    ("stop Randersklyngen", Unsubscribe("Randersklyngen")),
    ("kan jeg få Randersklyngens møder ind i min kalender?", CalendarRequest("Randersklyngens")),
    ("put the Randersklyngen meetings in my Outlook", CalendarRequest("Randersklyngen")),
    ("ics til Midtklyngen tak", CalendarRequest("Midtklyngen")),
    ("kan du sende et kalenderlink til KSG", CalendarRequest("KSG")),
]

NOT_COMMANDS = [
    "hvad er status på IV-aftalen?",
    "næste møde i Midtklyngen?",
    "Hvornår er næste møde i Midtklyngen?",
    "følg op på IV-aftalen",
    "follow up on the IV agreement",
    "abonnerer vi på Midtklyngen?",
    "abonerer vi på Midtklyngen?",
    "følger Midtklyngen IV-aftalen?",
    "stop",
    "annuller",
    "opdater status på IV-aftalen",
    "historik for IV-aftalen",
    "Hvilke initiativer er i gang i Region Midtjylland?",
    "vi er Midtklyngen",
    "møder i Midtklyngen",
    "",
    "   ",
    "?",
    "drop it",
    "stop det",
    "hvornår er der møde i klyngestyregruppen?",
]


@pytest.mark.parametrize(
    ("text", "expected"), SUBSCRIBE + LEAD_TIMES + UNSUBSCRIBE + LISTS + CALENDARS + NATURAL
)
def test_commands_are_read(text: str, expected: SubscriptionCommand) -> None:
    assert expected == subscription_command(text)


@pytest.mark.parametrize("text", NOT_COMMANDS)
def test_questions_and_other_commands_are_not_subscription_commands(text: str) -> None:
    assert None is subscription_command(text)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("følg", "folg"), ("foelg", "folg"), ("på", "pa"), ("paa", "pa"), ("møder", "moder")],
)
def test_keyboard_variants_squash_to_one_form(typed: str, expected: str) -> None:
    assert expected == squash(typed)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("subscribe to Midtklyngen", "en"),
        ("stop following the IV agreement", "en"),
        ("my subscriptions", "en"),
        ("abonner på Midtklyngen", "da"),
        ("stop abonnement på Midtklyngen", "da"),
        ("mine abonnementer", "da"),
        ("ical for Midtklyngen", "da"),  # no word tells, whatever the locale: Danish
    ],
)
def test_the_answer_is_in_the_commands_language(text: str, expected: str) -> None:
    assert expected == message_language(text)
