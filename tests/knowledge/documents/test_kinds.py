"""Kinds of agreements and initiatives from the words of a title."""

from __future__ import annotations

import pytest

from knowledge.documents.kinds import Kind, decision_case, kind_of, named_phrase, title_key


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Samarbejdsaftale om sårpleje", Kind("agreement", "samarbejdsaftale")),
        ("Sundhedsaftalen 2026-2029", Kind("agreement", "sundhedsaftale")),
        ("Vestjysk Socialaftale 2025-2026", Kind("agreement", "aftale")),
        ("Klyngeprojektet Aktiv Hverdag", Kind("initiative", "projekt")),
        ("KOL programmet i Østregionen", Kind("initiative", "program")),
        ("Mange initiativer", None),
        ("Udvalg for sundhed", None),
    ],
)
def test_the_first_kind_word_decides(title: str, kind: Kind | None) -> None:
    assert kind == kind_of(title)


@pytest.mark.parametrize(
    ("title", "phrase"),
    [
        ("Godkendelse af revideret aftale om sårpleje", "Revideret aftale om sårpleje"),
        ("Formandskabsbehandlet: Status for KOL programmet i Øst", "KOL programmet i Øst"),
        (
            "Godkendelse af Trin 2 i model for hjemmepleje om natten",
            "Model for hjemmepleje om natten",
        ),
        ("Temadrøftelse om Sundhedsaftalen 2026-2029 (DAK-sag)", "Sundhedsaftalen 2026-2029"),
        ("Endelig version af Sundhedsaftalen 2026-2029", "Sundhedsaftalen 2026-2029"),
        ("Mødeplan", None),
        ("Godkendelse af dagsorden", None),
        ("Budgetopfølgning på de prioriterede klyngeprojekter", None),
    ],
)
def test_the_named_phrase_of_an_agenda_title(title: str, phrase: str | None) -> None:
    assert phrase == named_phrase(title)


def test_a_decision_case_is_what_is_decided() -> None:
    assert "Flytte klinikken til sygehuset" == decision_case(
        "Beslutning om at flytte klinikken til sygehuset"
    )
    assert None is decision_case("Beslutning - Udmøntning af puljen")


def test_titles_compare_across_spellings() -> None:
    assert title_key("Samarbejdsaftalen om sårpleje") == title_key("Samarbejdsaftale for sårpleje")
    assert title_key("Sundhedsaftalen 2024-27") == title_key("Sundhedsaftalen for 2024-2027")
    assert title_key("Sundhedsaftalen 2024-2027") != title_key("Sundhedsaftalen 2028-2031")
