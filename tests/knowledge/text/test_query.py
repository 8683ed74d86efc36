"""A question as search terms: the kind of fact it asks for, and which words name its subject."""

from __future__ import annotations

import pytest

from knowledge.text.query import read_query


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("hvornår trådte aftalen i kraft", "date"),
        ("when was the agreement approved", "date"),
        ("hvem er formand for styregruppen", "person"),
        ("who is the contact person", "person"),
        ("hvor meget er der afsat til telemedicin", "amount"),
        ("how much was spent", "amount"),
        ("budgettet for projektet", "amount"),
        ("hvor holdes mødet", "place"),
        ("where is the meeting", "place"),
        ("hvad er status på demensforløbet", "status"),
        ("hvad blev besluttet om ensomhed", "decision"),
        ("hvad er telemedicin", "definition"),
        ("what is telemedicine", "definition"),
        ("er aftalen implementeret", "status"),
        ("is the project on hold", "status"),
        ("stauts på aftalen", "status"),  # one slip in a cue word
        ("hvad blev aftalt om ensomhed", "decision"),
        ("genoptræningsplaner", "any"),
    ],
)
def test_the_kind_of_fact_comes_from_the_asking_words(question: str, kind: str) -> None:
    assert kind == read_query(question).kind


def test_question_and_cue_words_do_not_name_the_subject() -> None:
    query = read_query("hvornår fik de godkendt den vigtige amningsaftale i kraft")
    assert ("amningsaftal",) == query.subject


def test_a_status_word_inside_a_compound_is_not_a_status_question() -> None:
    assert "any" == read_query("samarbejde om statusattester").kind


def test_a_word_that_says_the_kind_can_still_name_the_subject() -> None:
    query = read_query("klyngemidler i 2023")
    assert ("amount", ("klyngemidl", "2023")) == (query.kind, query.subject)
