"""The one normaliser: case, punctuation, æ/ø/å however typed, endings, English words."""

from __future__ import annotations

import pytest

from knowledge.understanding.normalise import compact, loose, stem, terms, tokens, translate


@pytest.mark.parametrize("typed", ["Næste møde", "naeste moede", "naste mode", "NÆSTE  MØDE!"])
def test_danish_letters_compare_equal_however_they_are_typed(typed: str) -> None:
    assert "naste mode" == loose(typed)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("aftalen", "aftal"),
        ("aftaler", "aftal"),
        ("aftalerne", "aftal"),
        ("visitationer", "visitation"),
        ("projektet", "projekt"),
        ("status", "status"),
        ("den", "den"),
        ("2024", "2024"),
    ],
)
def test_definite_and_plural_endings_are_stemmed(word: str, expected: str) -> None:
    assert expected == stem(word)


def test_function_words_are_not_terms() -> None:
    assert ("samarbejdsaftal", "rygestop") == terms("Samarbejdsaftale om rygestop")


def test_a_hyphen_splits_words_and_running_together_joins_them() -> None:
    assert ("iv", "aftal") == terms("IV-aftalen") == terms("IV aftalen")
    assert "ivaftal" == compact(terms("IV aftalen")) == compact(terms("ivaftalen"))


def test_a_compound_split_by_a_space_runs_together_to_the_compound() -> None:
    split = compact(terms("sundheds visitationer"))

    assert terms("sundhedsvisitationer") == (split,)


def test_english_domain_words_are_read_as_their_danish_counterparts() -> None:
    assert terms("stomi-aftalen") == terms("the stoma agreement")
    assert ["naste", "mode"] == translate(["next", "meeting"])
    assert ["rygestop"] == translate(["smoking", "cessation"])


def test_unknown_english_words_pass_unchanged() -> None:
    assert ["football", "match"] == translate(["football", "match"])


def test_tokens_keep_what_was_typed_and_where() -> None:
    found = tokens("Status på IV-aftalen")

    assert ["Status", "på", "IV", "aftalen"] == [token.raw for token in found]
    assert ["status", "pa", "iv", "aftalen"] == [token.word for token in found]
    assert (10, 12) == (found[2].start, found[2].end)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("klyngens", "klyng"),
        ("randersklyngens", "randersklyng"),
        ("aftalernes", "aftal"),
        ("ledelsesprogrammet", "ledelsesprogram"),
        ("tilbuddet", "tilbud"),
        ("kaffe", "kaff"),
    ],
)
def test_genitives_are_stemmed_and_a_doubled_last_consonant_undone(
    word: str, expected: str
) -> None:
    assert expected == stem(word)
