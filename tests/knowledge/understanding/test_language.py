"""Which language a question is in: marker words decide, then the locale, then Danish."""

from __future__ import annotations

import pytest

from knowledge.understanding.language import detect, from_locale


@pytest.mark.parametrize(
    "question",
    [
        "status på IV-aftalen",
        "hvornår mødes klyngestyregruppen i Randers",
        "naeste mode i midtklyngen",
        "hjælp",
        "opskrift på æblekage",
    ],
)
def test_danish_questions_are_danish(question: str) -> None:
    assert "da" == detect(question, "en-US")


@pytest.mark.parametrize(
    "question",
    [
        "what is the status of the stoma agreement",
        "who is involved in Kom trygt hjem",
        "meetings next month",
        "help",
        "this chat is Randersklyngen",
    ],
)
def test_english_questions_are_english_whatever_the_locale(question: str) -> None:
    assert "en" == detect(question, "da-DK")


def test_danish_names_in_an_english_frame_do_not_make_it_danish() -> None:
    question = "what is the status of Samarbejdsaftale om rygestop in Region Midtjylland"

    assert "en" == detect(question)


def test_a_question_mixing_both_goes_with_the_majority() -> None:
    assert "da" == detect("hvad er status på the stoma agreement i Midtklyngen")


@pytest.mark.parametrize(("hint", "expected"), [("en-US", "en"), ("da-DK", "da"), (None, "da")])
def test_a_question_of_names_only_follows_the_locale_else_danish(
    hint: str | None, expected: str
) -> None:
    assert expected == detect("Tele KOL", hint)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en-GB", "en"), ("EN", "en"), ("da-DK", "da"), ("de-DE", None), ("", None), (None, None)],
)
def test_locales_are_read_by_their_language_part(locale: str | None, expected: str | None) -> None:
    assert expected == from_locale(locale)
