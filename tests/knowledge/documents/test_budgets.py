"""Amounts in kroner."""

from __future__ import annotations

from knowledge.documents.budgets import amounts, cell_amount, table_scale
from knowledge.documents.records import BudgetLine


def test_amounts_in_danish_notation_with_units_and_years() -> None:
    text = (
        "Udgiften er 578.250 kr. Der afsættes 1,400 mio. kr. i 2026, kr. 95.000 årligt og "
        "250 t.kr. til evaluering."
    )

    assert [578_250, 1_400_000, 95_000, 250_000] == [line.amount_dkk for line in amounts(text)]
    assert [None, 2026, None, None] == [line.year for line in amounts(text)]


def test_table_cells_in_the_captions_unit() -> None:
    assert 1_000 == table_scale("Budget, beløb i 1.000 kr.")
    assert 1_000_000 == table_scale("Ramme i mio. kr.")
    assert (1_214_000, -446_000, None) == (
        cell_amount("1.214", 1000),
        cell_amount("-446", 1000),
        cell_amount("n/a", 1000),
    )


def test_a_number_without_kroner_is_no_amount() -> None:
    assert [] == list(amounts("I 2025 deltog 120 borgere i 14 kommuner."))
    assert [BudgetLine(3_500_000, None, "3,5 mio. kr.")] == list(
        amounts("en ramme på 3,5 mio. kr.")
    )
