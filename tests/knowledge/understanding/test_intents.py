"""Which intent a question has, and its slots: subject, period, status, type."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.understanding.intents import Question, understand

TODAY = date(2024, 3, 1)


def read(text: str) -> Question:
    return understand(text, today=TODAY)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("status på IV-aftalen", "status"),
        ("hvordan går det med rygestop", "status"),
        ("what is the status of the stoma agreement", "status"),
        ("er IV-aftalen implementeret?", "status"),
        ("næste møde i midtklyngen?", "next_meeting"),
        ("hvornår mødes klyngestyregruppen i Randers", "next_meeting"),
        ("when is the next meeting of the political cluster in Midtklyngen", "next_meeting"),
        ("møder i april 2024", "meetings_in_period"),
        ("hvilke møder er der i denne måned", "meetings_in_period"),
        ("meetings next month", "meetings_in_period"),
        ("møder i næste uge", "meetings_in_period"),
        ("hvad blev besluttet på mødet 23. februar 2024", "decisions"),
        ("hvad besluttede klyngestyregruppen om Social Sundhed", "decisions"),
        ("decisions about video consultations", "decisions"),
        ("hvilke aftaler er implementeret", "list"),
        ("list initiatives in Midtklyngen", "list"),
        ("hvilke projekter er sat på pause", "list"),
        ("aftaler med PLO", "list"),
        ("hvad er ændret siden 1. januar 2024", "changes"),
        ("what changed since March 2023", "changes"),
        ("hvem er parter i IV-aftalen", "who"),
        ("who is involved in Kom trygt hjem", "who"),
        ("hvad er budgettet for FACT", "budget"),
        ("budget for Tele KOL", "budget"),
        ("how much money does FACT have", "budget"),
        ("hjælp", "help"),
        ("help", "help"),
        ("hvad kan du", "help"),
        ("vi er Midtklyngen", "set_scope"),
        ("this chat is Randersklyngen", "set_scope"),
        ("vi hører til Region Syddanmark", "set_scope"),
        ("hvad er vejret i morgen", "what_is"),
        ("opskrift på æblekage", "unknown"),
        ("Kom trygt hjem", "unknown"),
    ],
)
def test_intents(text: str, intent: str) -> None:
    assert intent == read(text).intent


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("status på IV-aftalen", ("iv", "aftal")),
        ("what is the status of the stoma agreement", ("stomi", "aftal")),
        ("hvornår mødes klyngestyregruppen i Randers", ("klyngestyregrup", "randers")),
        ("naeste mode i midtklyngen", ("midtklyng",)),
        ("hvad blev besluttet på mødet 23. februar 2024", ()),
        ("hvad er vejret i morgen", ("vejr",)),
    ],
)
def test_the_subject_is_what_is_left_without_question_and_cue_words(
    text: str, subject: tuple[str, ...]
) -> None:
    assert subject == read(text).subject


def test_the_subject_keeps_how_it_was_typed_for_the_answer() -> None:
    assert "Social Sundhed" == read("hvad blev besluttet om Social Sundhed?").subject_text
    assert "IV-aftalen" == read("hvem er parter i IV-aftalen").subject_text
    assert "stoma agreement" == read("what is the status of the stoma agreement").subject_text


def test_a_list_question_has_its_type_and_status_as_filters() -> None:
    question = read("hvilke projekter er sat på pause")

    assert ("initiative", "paused", ()) == (
        question.item_type,
        question.category,
        question.subject,
    )


def test_a_status_word_in_a_title_is_not_a_list_question() -> None:
    assert "status" == read("status på palliative indsatser").intent


def test_sidste_moede_asks_for_the_latest_meeting() -> None:
    assert read("hvornår var sidste møde i Randersklyngen").latest
    assert not read("næste møde i Randersklyngen").latest


def test_help_with_a_subject_is_not_help() -> None:
    assert "unknown" == read("hvad kan du fortælle om IV-aftalen").intent


def test_nyt_in_a_title_is_not_a_changes_question() -> None:
    question = "hvad er status på nyt fokus på tværsektoriel forebyggelse af tvangsindlæggelser"

    assert "status" == read(question).intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("staus på rygestopaftalen??", "status"),
        ("hvornår mødes klyngestyregruppen i midtklyngen næste gang", "next_meeting"),
        ("hvornår er næste politiske klyngemøde i Midtklyngen", "next_meeting"),
        ("What meetings does Sundhedsklynge Sønderjylland have coming up?", "meetings_in_period"),
        ("hvornår mødtes Sundhedsstyregruppen i 2023?", "meetings_in_period"),
        ("blev der sagt ja til partnerskab med Social Sundhed?", "decisions"),
        ("hvordan spørger jeg dig om noget", "help"),
        ("hvilke indsatser hører under den nære psykiatri", "list"),
    ],
)
def test_more_ways_people_ask(text: str, intent: str) -> None:
    assert intent == read(text).intent


def test_a_meeting_compound_keeps_its_body() -> None:
    assert ("politisk", "midtklyng") == read("næste politiske klyngemøde i Midtklyngen").subject[
        ::2
    ]


def test_next_and_last_are_filler_only_about_meetings() -> None:
    assert "sidst" in read("status på Den sidste tid").subject
    assert "sidst" not in read("hvornår var sidste møde i Randersklyngen").subject


def test_every_meeting_ahead_is_a_period_from_today() -> None:
    question = read("hvilke kommende møder har Midtklyngen")

    assert (True, TODAY) == (question.upcoming, question.period.start)  # type: ignore[union-attr]


def test_decisions_read_a_yearless_date_as_the_nearest_one() -> None:
    found = read("Hvad blev der besluttet i Randersklyngen 28. september?").period

    assert date(2023, 9, 28) == found.start  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "hint", "lang"),
    [
        ("status on Kortlægningen vedr. forebyggelse af benamputation", None, "en"),
        # nothing around the name marks a language: its words decide, not the locale
        ("status: Hospitalsbehandling i eget hjem", "en-GB", "da"),
        ("status: Hospitalsbehandling i eget hjem", "da-DK", "da"),
        ("Has the Borne og unge aftalen been paused?", "da-DK", "en"),
        ("hvad er status på the stoma agreement", "en-US", "da"),
    ],
)
def test_the_language_is_that_of_the_words_around_the_name(
    text: str, hint: str | None, lang: str
) -> None:
    assert lang == understand(text, today=TODAY, hint=hint).lang


def test_indsatser_lists_any_kind_of_item() -> None:
    question = read("hvilke indsatser hører under den nære psykiatri")

    assert (None, frozenset({"indsats"})) == (question.item_type, question.type_terms)
