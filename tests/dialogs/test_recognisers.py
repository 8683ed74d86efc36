"""Reading short Danish and English answers, table by table."""

from __future__ import annotations

import pytest

from dialogs.recognisers import (
    is_cancel,
    is_help,
    is_skip,
    message_language,
    pick,
    pick_number,
    status_choice,
    yes_no,
)
from dialogs.update_request import UpdateText, parse_update_request


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ja", True),
        ("Ja!", True),
        ("jep", True),
        ("jo", True),
        ("yes", True),
        ("OK", True),
        ("gem", True),
        ("ja tak", True),
        ("yes please", True),
        ("nej", False),
        ("Nej tak", False),
        ("nope", False),
        ("no", False),
        ("annuller", False),
        ("måske", None),
        ("", None),
        ("   ", None),
    ],
)
def test_yes_no(text: str, expected: bool | None) -> None:
    assert expected == yes_no(text)


@pytest.mark.parametrize(
    ("text", "count", "expected"),
    [("1", 3, 0), ("2.", 3, 1), (" 3) ", 3, 2), ("4", 3, None), ("0", 3, None), ("to", 3, None)],
)
def test_pick_number(text: str, count: int, expected: int | None) -> None:
    assert expected == pick_number(text, count)


IV = [
    ("syd", "Samarbejdsaftale for IV-behandling i nærområdet (Region Syddanmark)"),
    ("midt", "Samarbejdsaftale om IV-behandling i nærområdet (Region Midtjylland)"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", "syd"),
        ("2.", "midt"),
        ("syddanmark", "syd"),
        ("midtjyland", "midt"),
        ("IV-behandling", None),  # fits both equally
        ("3", None),
        ("kræft", None),
    ],
)
def test_pick_by_number_or_label_with_typos(text: str, expected: str | None) -> None:
    assert expected == pick(text, IV)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("planlagt", "planned"),
        ("i gang", "in_progress"),
        ("igang", "in_progress"),
        ("In Progress", "in_progress"),
        ("implementere", "implemented"),
        ("i drift", "implemented"),
        ("afslutet", "completed"),
        ("færdig", "completed"),
        ("sat på pause", "paused"),
        ("pause", "paused"),
        ("nedlagt", "discontinued"),
        ("discontinued", "discontinued"),
        ("1", "planned"),
        ("6.", "discontinued"),
        ("7", None),
        ("ukendt", None),  # not a status a person sets
        ("blå", None),
    ],
)
def test_status_choice(text: str, expected: str | None) -> None:
    assert expected == status_choice(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("spring over", True), ("Skip", True), ("ingen", True), ("nej", True), ("kører", False)],
)
def test_is_skip(text: str, expected: bool) -> None:
    assert expected == is_skip(text)


@pytest.mark.parametrize(
    ("text", "cancel", "help_"),
    [
        ("annuller", True, False),
        ("Cancel", True, False),
        ("stop", True, False),
        ("hjælp", False, True),
        ("Help!", False, True),
        ("?", False, True),
        ("hjælp mig med rygestop", False, False),
    ],
)
def test_cancel_and_help(text: str, cancel: bool, help_: bool) -> None:
    assert (cancel, help_) == (is_cancel(text), is_help(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "sæt rygestop til implementeret: kører i alle kommuner",
            UpdateText("rygestop", "implemented", "kører i alle kommuner"),
        ),
        ("opdater status", UpdateText(None, None, None)),
        ("ny status på IV-aftalen", UpdateText("IV-aftalen", None, None)),
        ("update the stomi agreement", UpdateText("stomi agreement", None, None)),
        ("set stomi to in progress", UpdateText("stomi", "in_progress", None)),
        ("opdater status på rygestop: i gang", UpdateText("rygestop", "in_progress", None)),
        ("sæt IV-aftalen til sat på pause", UpdateText("IV-aftalen", "paused", None)),
        (
            "update status of the IV agreement to paused: waiting for funding",
            UpdateText("IV agreement", "paused", "waiting for funding"),
        ),
        ("sæt rygestop til blå", UpdateText("rygestop til blå", None, None)),
    ],
)
def test_parse_update_request(text: str, expected: UpdateText) -> None:
    assert expected == parse_update_request(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("update the stomi agreement", "en"),
        ("update rygestop", "en"),
        ("opdater status", "da"),  # whatever the client's locale says
        ("ny status på IV-aftalen", "da"),
        ("IV-aftalen", "da"),  # nothing tells: Danish
        ("remind me before the meetings of Midtklyngen", "en"),
        ("giv mig besked før møderne i Midtklyngen", "da"),
    ],
)
def test_the_message_says_its_language(text: str, expected: str) -> None:
    assert expected == message_language(text)
