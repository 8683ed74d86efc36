"""Which kinds of fact a sentence states: dates, people, amounts, places, statuses,
decisions, definitions."""

from __future__ import annotations

import pytest

from knowledge.text.facts import holds
from knowledge.text.kinds import FactKind


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("date", "Aftalen trådte i kraft den 1. maj 2023."),
        ("date", "Ordningen evalueres primo 2025."),
        ("date", "Arbejdet blev implementeret i 2019."),
        ("date", "Mødet er flyttet til 04-03-2024."),
        ("date", "The agreement took effect on 3 May 2024."),
        ("date", "It was signed May 3, 2024."),
        ("person", "Karen Dahl, direktør, er mødeleder."),
        ("person", "Referent: Leif P. Christensen."),
        ("person", "Indsatsen blev nedsat af Kommune Kontaktrådet."),  # a body answers who
        ("amount", "Der er afsat 1,2 mio. kr. til projektet."),
        ("amount", "Projektet har fået 2.356.000 kr."),
        ("amount", "Budget: DKK 450.000"),
        ("amount", "Samarbejdsmodel 1.214 223 991"),  # a table in thousands
        ("place", "Mødet holdes i mødelokale 4."),
        ("place", "Adressen er Torvegade 2, 7100 Vejle."),
        ("place", "Løsningen blev udviklet i Vestklyngen."),
        ("status", "Forløbet er under afprøvning i tre kommuner."),
        ("status", "Projektet forventes afsluttet i 2024."),
        ("decision", "Styregruppen besluttede at nedsætte en arbejdsgruppe."),
        ("decision", "Orienteringen blev taget til efterretning."),
        ("definition", "Telemedicin har til formål at flytte kontrol hjem til borgeren."),
        ("definition", "Modellen bygger på TIK (Tværfaglig Involverende Konsultation)."),
        ("any", "Hvad som helst."),
    ],
)
def test_a_sentence_stating_the_kind_holds_it(kind: FactKind, sentence: str) -> None:
    assert holds(kind, sentence, year=2024)


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("date", "Sundhedsaftalen 2019-2023 dækker hele regionen."),  # a name, not a date
        ("date", "Budgettet er 2023 kr. lavere end sidst."),
        ("person", "Region Midtjylland og Randers Kommune deltager."),
        ("person", "Det blev drøftet grundigt."),
        ("amount", "Arbejdet blev implementeret i 2019."),
        ("amount", "Der deltog 12 borgere."),  # a count is not an amount found
        ("place", "Aftalen trådte i kraft den 1. maj 2023."),
        ("status", "Karen Dahl er direktør."),
        ("decision", "Projektet har fokus på ældre borgere."),
        ("definition", "Der er afsat 1,2 mio. kr."),
    ],
)
def test_a_sentence_without_the_kind_does_not_hold_it(kind: FactKind, sentence: str) -> None:
    assert not holds(kind, sentence, year=2024)


def test_a_label_or_the_heading_says_the_kind() -> None:
    labelled = holds("status", "Status: Se bilag for detaljer.")
    headed = holds("decision", "Der var enighed om at vente.", heading="Beslutning")
    plain = holds("decision", "Se bilag for detaljer.", heading="Sagsfremstilling")
    assert (True, True, False) == (labelled, headed, plain)
