"""Klyngebot in the Agents Playground's web UI, in headless Chromium, as a person uses it.

Debian's chromium driven by Playwright (never `playwright install`); requests to the
internet are blocked (the UI asks a CDN for fonts, and does fine without them). The tests
run in order on one page, like one person's session, and each step saves a screenshot to
test-artifacts/e2e/NN-step.png.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from tests.support.playground import ARTIFACTS, require
from tests.support.stack import Stack, running_stack

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = pytest.mark.e2e

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-dev-shm-usage",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",  # this machine's network is closed: no retries
    "--disable-component-update",
    "--disable-sync",
]
PERSONAL = "Personal Chat"
CHANNEL = "My Team - General"
# The same dates as the API test: the reminder for 13 March, "2 dage før", is due
# 11 March 08:00, past on 12 March at any time of day, before the meeting begins.
REMINDED_ON = "2024-03-12"


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    require(browser=True)
    with running_stack(tmp_path_factory.mktemp("e2e-ui"), "ui") as running:
        yield running


@pytest.fixture(scope="module")
def page(stack: Stack) -> Iterator[Page]:
    from playwright.sync_api import sync_playwright

    for old in ARTIFACTS.glob("[0-9][0-9]-*.png"):
        old.unlink()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=shutil.which("chromium"), headless=True, args=CHROMIUM_FLAGS
        )
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.set_default_timeout(10_000)
        page.route("https://**/*", lambda route: route.abort())
        page.goto(stack.playground.url)  # opens the personal chat, which installs the bot
        # The log panel repeats message texts; hidden, every text found is in the chat.
        page.get_by_title("Hide log panel").click()
        yield page
        browser.close()


def _shoot(page: Page, name: str) -> None:
    page.wait_for_timeout(300)  # let the card finish laying out
    page.screenshot(path=ARTIFACTS / f"{name}.png")


def _see(page: Page, text: str, seconds: float = 10) -> Locator:
    """The text is on screen (messages show up in several places: the first will do)."""
    shown = page.get_by_text(text).first
    shown.wait_for(timeout=seconds * 1000)
    return shown


def _send(page: Page, text: str) -> None:
    box = page.locator('[data-lexical-editor="true"]').first
    box.click()
    box.type(text)
    box.press("Enter")


def test_opening_the_personal_chat_shows_the_welcome(page: Page) -> None:
    _see(page, "Hi, I'm Klyngebot", seconds=20)  # no words yet: the locale's language
    _see(page, "What is the status of Kom trygt Hjem?")  # every capability, an example each
    _see(page, "Let me update a status")
    _shoot(page, "01-welcome")


def test_a_status_question_offers_choices_and_answers_with_status_date_and_source(
    page: Page,
) -> None:
    _send(page, "hvad er status på IV-aftalen?")
    _see(page, "Mente du …?")  # Danish, though the Playground says en-US
    _see(page, "Samarbejdsaftale om IV-behandling i nærområdet (Region Midtjylland)")
    _shoot(page, "02-question-choices")
    # The choice buttons are Action.Submit, titled with what tells the choices apart.
    page.get_by_role("button", name="Region Midtjylland", exact=True).last.click()

    _see(page, "Kilde: 000_48944d31b931480e.txt")
    _see(page, "implementeret")
    _see(page, "pr. 2. kvartal 2023")
    _shoot(page, "03-question-answer")


def test_a_question_with_an_at_mention_in_the_channel(page: Page) -> None:
    page.get_by_role("treeitem", name=CHANNEL).click()
    post = page.get_by_role("button", name="Post")
    post.wait_for()
    box = page.locator('[data-lexical-editor="true"]').first  # "Start a new post"
    box.click()
    box.type("@Test")
    page.get_by_role("menuitem", name="Test Bot").click()  # the mention suggestion
    box.type(" hvornår er næste møde i Midtklyngen?")
    post.click()

    _see(page, "Næste møder – Midtklyngen")
    _see(page, "onsdag den 13. marts 2024")
    _shoot(page, "04-channel-mention")


def test_the_status_update_dialog(page: Page) -> None:
    page.get_by_role("treeitem", name=PERSONAL).click()
    _send(page, "opdater status på rygestop")
    _see(page, "Hvad er den nye status for Samarbejdsaftale om rygestop?")
    _send(page, "i gang")
    _see(page, "Skriv en kort note")
    _send(page, "nyt datatræk fra browseren")
    _see(page, "Skal jeg gemme det?")
    _send(page, "ja")

    _see(page, "Status opdateret.")
    _see(page, "nyt datatræk fra browseren")
    _shoot(page, "05-update-dialog")


def test_an_update_in_ordinary_words_with_which_one_answered_in_words(page: Page) -> None:
    _send(page, "kan du sætte IV-aftalen på pause, fordi vi mangler personale?")
    _see(page, "Hvilken mener du?")
    # The choices are buttons too (suggested actions, the newest of the page's buttons).
    page.get_by_role("button", name="Region Midtjylland", exact=True).last.wait_for()
    _shoot(page, "06-which-one")
    _send(page, "den fra Midtjylland")  # answered in words

    _see(page, "Samarbejdsaftale om IV-behandling i nærområdet: implementeret → sat på pause.")
    _see(page, "Note: vi mangler personale")
    _shoot(page, "07-confirm-buttons")
    page.get_by_role("button", name="Ja", exact=True).last.click()  # a suggested action

    _see(page, "Status opdateret.")
    _shoot(page, "08-natural-update-saved")


def test_the_update_card_saves_with_action_execute_and_is_replaced(page: Page) -> None:
    _send(page, "opdater stomi")
    title = "Opdater status: Samarbejdsaftale om stomi"  # the message's language, not en-US
    _see(page, title)
    page.get_by_role("radio", name="sat på pause").check()
    page.get_by_placeholder("Hvad er ændret?").fill("sat på pause i browseren")
    _shoot(page, "09-update-card")
    page.get_by_role("button", name="Gem").click()  # Action.Execute, verb statusUpdate

    _see(page, "Status opdateret.")
    _see(page, "sat på pause i browseren")
    # The form was replaced in place (the Playground redraws it a moment after the reply).
    page.get_by_text(title).first.wait_for(state="detached", timeout=10_000)
    assert 0 == page.get_by_text(title).count()
    _shoot(page, "10-update-card-executed")


def test_the_update_cards_action_submit_button() -> None:
    pytest.skip(
        "not reachable in the Playground UI: the form's Action.Submit is the fallback of its "
        "Action.Execute button, and the Playground renders Action.Execute, so no Action.Submit "
        "button is shown. The fallback is posted over the Playground's API "
        "(test_playground_api.py), and an Action.Submit button is pressed here in "
        "test_a_status_question_offers_choices_and_answers_with_status_date_and_source."
    )


def test_a_subscribed_reminder_appears_in_the_chat(stack: Stack, page: Page) -> None:
    _send(page, "abonner på Midtklyngen 2 dage før")
    _see(page, "Du abonnerer nu på Midtklyngens møder.")
    stack.restart_bot(today=REMINDED_ON)
    try:
        _see(page, "Reminder: Temagruppe for voksne (somatik) Midtklyngen", seconds=20)
        _shoot(page, "11-reminder")
    finally:
        stack.restart_bot(today="2024-03-01")
