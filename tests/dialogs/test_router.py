"""The router: every behaviour reads the turn, the best reading is carried out; a tie goes
to the behaviour declared first; a waiting dialog takes any message but a card's button;
and each behaviour needs of the knowledge base only its own narrow protocol."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import pytest

from dialogs.access import Access
from dialogs.editors import Editors, EditorsBook
from dialogs.message import Message
from dialogs.offers import Offer
from dialogs.reading import PRESSED, Handled, Reading
from dialogs.router import Router, conversation
from dialogs.status_update import UpdateOptions
from dialogs.turn import Turn
from dialogs.wording import capabilities, say
from knowledge.core.chat import Lang
from knowledge.service import KnowledgeService
from knowledge.state.conversations import ConversationKey
from knowledge.updates.contract import Author
from knowledge.updates.editors import EditorLine

ADMIN = Author("aad-admin", "Anna Admin")
ACCESS = Access(frozenset(), frozenset({"aad-admin"}), everyone_edits=False)


def turn(text: str = "", value: Any = None, *, invoke: bool = False, lang: Lang = "da") -> Turn:
    return Turn(
        text=text,
        value=value,
        locale="da-DK",
        lang=lang,
        author=ADMIN,
        chat=ConversationKey("a:chat", "msteams", "tenant"),
        thread_id="a:chat",
        activity_id="activity-1",
        place="personal",
        cards=True,
        invoke=invoke,
    )


@dataclass
class Fixed:
    """A behaviour that reads every turn with the same score and says its name."""

    name: str
    score: float
    intent: str | None = None

    def read(self, turn: Turn) -> Reading[str]:
        return Reading(self.name, self.score, turn.text, self.intent)

    async def carry_out(self, turn: Turn, reading: Reading[str]) -> Handled:
        return Handled(messages=(Message(f"{self.name}: {reading.slots}", None),))


@dataclass
class Silent:
    name: str = "silent"

    def read(self, turn: Turn) -> None:
        return None

    async def carry_out(self, turn: Turn, reading: Reading[Any]) -> Handled:
        raise AssertionError("a behaviour that read nothing is never carried out")


@dataclass
class Edge:
    waiting: bool = False
    notes: list[str] = field(default_factory=list)
    continued: int = 0
    begun: list[UpdateOptions] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    picked: dict[str, Any] | None = None  # what a waiting offer makes of the message

    async def continue_dialog(self) -> bool | dict[str, Any]:
        self.continued += 1
        if self.picked is not None:
            picked, self.picked = self.picked, None
            return picked
        return self.waiting

    def note(self, intent: str) -> None:
        self.notes.append(intent)

    async def begin_dialog(self, options: UpdateOptions) -> None:
        self.begun.append(options)

    async def begin_offer(self, offered: Offer) -> None:
        self.offers.append(offered)


def picked(router: Router, text: str = "x") -> str | None:
    reading = router.pick(turn(text))
    return reading.behaviour if reading else None


def said(handled: Handled | None) -> list[str]:
    return [reply.text for reply in handled.messages] if handled else []


# --- the pick -------------------------------------------------------------------------


def test_the_higher_score_wins_wherever_it_is_declared() -> None:
    router = Router([Fixed("low", 0.2), Fixed("high", 0.7), Fixed("middle", 0.5)])

    assert "high" == picked(router)


def test_a_tie_goes_to_the_behaviour_declared_first() -> None:
    first, second = (
        Router([Fixed("a", 0.5), Fixed("b", 0.5)]),
        Router([Fixed("b", 0.5), Fixed("a", 0.5)]),
    )

    picked = [
        (router.pick(turn("x")) or Reading("-", 0, None)).behaviour for router in (first, second)
    ]

    assert ["a", "b"] == picked


def test_a_behaviour_that_reads_nothing_is_left_out() -> None:
    router = Router([Silent(), Fixed("ask", 0.1)])

    assert ["ask"] == [reading.behaviour for reading in router.readings(turn("x"))]
    assert None is Router([Silent()]).pick(turn("x"))


async def test_the_picked_behaviour_carries_out_and_its_intent_is_noted() -> None:
    edge = Edge()
    router = Router([Fixed("ask", 0.1), Fixed("editors", 0.9, "editors")])

    handled = await router.route(turn("editors list"), edge)

    assert ["editors: editors list"] == said(handled)
    assert ["editors"] == edge.notes


# --- a waiting dialog ------------------------------------------------------------------


async def test_a_waiting_dialog_takes_a_message_before_any_reading_below_a_button() -> None:
    edge = Edge(waiting=True)
    router = Router([Fixed("editors", 0.9, "editors"), Fixed("ask", 0.1)])

    handled = await router.route(turn("editors list"), edge)

    assert (Handled("update"), ["update"], 1) == (handled, edge.notes, edge.continued)


async def test_a_cards_button_goes_before_the_waiting_dialog() -> None:
    edge = Edge(waiting=True)
    router = Router([Fixed("buttons", PRESSED, "unsubscribe button"), Fixed("ask", 0.1)])

    handled = await router.route(turn("", {"klyngebot": "unsubscribe"}), edge)

    assert (["buttons: "], 0) == (said(handled), edge.continued)


async def test_without_a_waiting_dialog_the_best_reading_is_carried_out() -> None:
    edge = Edge(waiting=False)
    router = Router([Fixed("ask", 0.1)])

    assert ["ask: hej"] == said(await router.route(turn("hej"), edge))
    assert 1 == edge.continued


async def test_a_behaviour_asking_for_the_dialog_gets_it_begun() -> None:
    options = UpdateOptions("opdater status", ADMIN, True)

    @dataclass
    class Begins:
        name: str = "update"

        def read(self, turn: Turn) -> Reading[None]:
            return Reading(self.name, 0.4, None, "update")

        async def carry_out(self, turn: Turn, reading: Reading[None]) -> Handled:
            return Handled(begin=options)

    edge = Edge()
    await Router([Begins()]).route(turn("opdater status"), edge)

    assert ([options], ["update"]) == (edge.begun, edge.notes)


async def test_an_invoke_gets_only_a_cards_button() -> None:
    router = Router([Fixed("ask", 0.1)])
    pressed = Router([Fixed("buttons", PRESSED), Fixed("ask", 0.1)])

    assert None is await router.press(turn(invoke=True), Edge())
    assert ["buttons: "] == said(await pressed.press(turn(invoke=True), Edge()))


# --- Klyngebot's chat: today's first-match order, as scores --------------------------------


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("editors list", None, "editors"),
        ("redaktører tilføj 1234abcd-1111 Anna", None, "editors"),
        ("ret min seneste status på rygestop til i gang", None, "corrections"),
        ("mine abonnementer", None, "subscriptions"),
        ("tilbagekald kalender", None, "calendar"),
        ("kalender for Midtklyngen", None, "calendar"),
        ("abonner på kalender for KSG", None, "calendar"),
        ("afmeld Midtklyngen", None, "subscriptions"),
        ("abonner på Midtklyngen 3 og 1 dag før", None, "subscriptions"),
        ("historik for rygestop", None, "history"),
        ("opdater status på IV-aftalen", None, "update"),
        ("hvad er status på IV-aftalen?", None, "ask"),
        ("", None, "ask"),
        ("", {"klyngebot": "unsubscribe", "subscription_ids": [3]}, "buttons"),
        ("hvad er status?", {"action": "statusUpdate", "item": "x"}, "buttons"),
    ],
)
async def test_each_message_goes_where_the_first_matching_recogniser_sent_it(
    service: KnowledgeService, text: str, value: Any, expected: str
) -> None:
    router = conversation(service, ACCESS, "http://127.0.0.1:3978")

    reading = router.pick(turn(text, value))

    assert expected == (reading.behaviour if reading else None)


async def test_the_chat_reads_in_the_order_its_recognisers_were_tried(
    service: KnowledgeService,
) -> None:
    """A command is also a question: its reading must score above the question's."""
    router = conversation(service, ACCESS, "http://127.0.0.1:3978")

    readings = router.readings(turn("afmeld Midtklyngen"))

    assert ["subscriptions", "ask"] == [r.behaviour for r in readings]
    assert readings[0].score > readings[1].score


# --- a behaviour needs only its narrow protocol -----------------------------------------


class Book:
    """Editors kept in a list: all that `Editors` needs, nothing of the knowledge facade."""

    def __init__(self) -> None:
        self.lines: list[EditorLine] = []

    async def list_editors(self) -> tuple[EditorLine, ...]:
        return tuple(self.lines)

    async def add_editor(self, aad_id: str, name: str, added_by: str | None = None) -> bool:
        if any(line.aad_id == aad_id for line in self.lines):
            return False
        self.lines.append(EditorLine(aad_id, name, added_by, datetime(2024, 3, 1, tzinfo=UTC)))
        return True

    async def remove_editor(self, aad_id: str) -> bool:
        before = len(self.lines)
        self.lines = [line for line in self.lines if line.aad_id != aad_id]
        return len(self.lines) < before


async def test_the_editors_behaviour_runs_on_a_fake_of_its_own_protocol_only() -> None:
    book: EditorsBook = Book()
    router = Router([Editors(book, ACCESS)])

    added = await router.route(turn("editors add 1234abcd-1111 Mette"), Edge())
    again = await router.route(turn("editors add 1234abcd-1111 Mette"), Edge())
    listed = await router.route(turn("editors list"), Edge())

    assert ["1234abcd-1111 er nu redaktør."] == said(added)
    assert ["1234abcd-1111 er allerede redaktør."] == said(again)
    assert ["1234abcd-1111  Mette"] == said(listed)


# --- commands from natural phrasing, anywhere in the message ----------------------------

NATURAL = [
    # update
    ("jeg skal lige melde en ny status ind", "update"),
    ("kan du skrive at FACT er sat i bero", "update"),
    ("sæt Lægedækning på pause, fordi lægen er gået på pension", "update"),
    ("we need to report a new status", "update"),
    ("Psykiatriens Hus is now in operation", "update"),
    ("mark Tele KOL as on hold", "update"),
    # subscribe, remind me
    ("giv mig besked før møderne i Randersklyngen", "subscriptions"),
    ("hold mig opdateret om FACT", "subscriptions"),
    ("kan jeg få en påmindelse inden klyngestyregruppen mødes?", "subscriptions"),
    ("remind me ahead of the Randersklyngen meetings", "subscriptions"),
    ("please keep me posted on FACT", "subscriptions"),
    # unsubscribe
    ("jeg gider ikke flere påmindelser om Randersklyngen", "subscriptions"),
    ("stop alle mine påmindelser", "subscriptions"),
    ("no more reminders for Randersklyngen please", "subscriptions"),
    ("stop randersklyngen", "subscriptions"),  # a command word, not a fuzzy name
    # calendar
    ("kan jeg få Randersklyngens møder ind i min kalender?", "calendar"),
    ("put the Randersklyngen meetings in my Outlook", "calendar"),
    ("ics til Midtklyngen tak", "calendar"),
    # history
    ("hvad er der sket med FACT?", "history"),
    ("show me the history of FACT", "history"),
    ("what happened to Tele KOL?", "history"),
    # correction
    ("hov, ret min seneste status på FACT til i gang", "corrections"),
    ("sorry, correct my last update of FACT to paused", "corrections"),
    # cancel, with nothing going on
    ("glem det", "cancel"),
    ("never mind", "cancel"),
    ("drop it", "cancel"),
]


@pytest.mark.parametrize(("text", "expected"), NATURAL)
async def test_a_command_said_in_ordinary_words_goes_to_its_behaviour(
    service: KnowledgeService, text: str, expected: str
) -> None:
    router = conversation(service, ACCESS, "http://127.0.0.1:3978")

    assert expected == picked(router, text)


@pytest.mark.parametrize(
    "text",
    [
        "hvad er status på FACT?",
        "er FACT i drift?",
        "hvornår er der møde i Randersklyngen?",
        "which initiatives are on hold?",
        "hvornår blev FACT sat i gang?",
        "hvilke aftaler kan jeg få påmindelser om?",
        "hvilke møder er der i kalenderen for Midtklyngen?",
        "hvad er der sket med FACT siden marts?",  # with a time: what changed then
        "how do I subscribe to the reminders?",  # how to: help
        "hvordan opdaterer man en status?",
        "any status changes since May?",
        "kan du give mig status på FACT, tak",  # "giv mig" asks for it
        "tell me about the FACT team",
        "FACT",
    ],
)
async def test_a_question_about_a_thing_stays_a_question(
    service: KnowledgeService, text: str
) -> None:
    router = conversation(service, ACCESS, "http://127.0.0.1:3978")

    assert "ask" == picked(router, text)


EXAMPLES = ["ask", "update", "history", "subscriptions", "subscriptions", "calendar", "cancel"]


@pytest.mark.parametrize("lang", ["da", "en"])
async def test_every_example_of_the_help_does_what_it_shows(
    service: KnowledgeService, lang: Lang
) -> None:
    router = conversation(service, ACCESS, "http://127.0.0.1:3978")

    shown = [picked(router, example) for _, _, example in capabilities(lang)]

    assert EXAMPLES == shown


# --- close calls and offers -------------------------------------------------------------


async def test_two_close_readings_are_asked_about_with_a_button_each() -> None:
    edge = Edge()
    router = Router([Fixed("update", 0.55, "update"), Fixed("ask", 0.5)])

    handled = await router.route(turn("FACT er i drift?"), edge)

    [message] = handled.messages
    actions = message.card["actions"] if message.card else []
    assert [say("do_update", "da"), say("do_ask", "da")] == [a["title"] for a in actions]
    assert [{"action": "ask", "question": "FACT er i drift?", "as": "update"}] == [
        actions[0]["data"]
    ]
    assert ["clarify"] == edge.notes
    assert [[c.data for c in o.choices] for o in edge.offers] == [[a["data"] for a in actions]]


async def test_the_button_of_a_close_call_does_that_one() -> None:
    router = Router([Fixed("update", 0.55, "update"), Fixed("ask", 0.5)])
    pressed = {"action": "ask", "question": "FACT er i drift?", "as": "ask"}

    handled = await router.route(turn("FACT er i drift?", pressed), Edge())

    assert ["ask: FACT er i drift?"] == said(handled)


async def test_readings_far_apart_are_no_close_call() -> None:
    router = Router([Fixed("update", 0.7, "update"), Fixed("ask", 0.5)])

    assert [] == router.close_call(turn("x"))
    assert "update" == picked(router)


async def test_a_choice_picked_in_words_is_carried_out_as_its_button() -> None:
    edge = Edge(picked={"action": "ask", "question": "historik for FACT", "as": "history"})
    router = Router([Fixed("history", 0.7, "history"), Fixed("ask", 0.1)])

    handled = await router.route(turn("den første"), edge)

    assert ["history: historik for FACT"] == said(handled)
