"""Agreements and initiatives named in running text."""

from __future__ import annotations

import pytest

from knowledge.documents.item_names import named_items


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Klik her for at læse Sundhedsaftalen 2026-2029", ["Sundhedsaftalen 2026-2029"]),
        (
            "Udvalget drøftede Sundhedsaftalen for 2026-2029, inden høringen.",
            ["Sundhedsaftalen for 2026-2029"],
        ),
        (
            "Den fælles samarbejdsaftale om sårpleje i eget hjem beskriver rammen.",
            ["Samarbejdsaftale om sårpleje i eget hjem"],
        ),
        (
            "kommunerne ønsker en tværsektoriel strategi for telesundhed.",
            ["Tværsektoriel strategi for telesundhed"],
        ),
        ("Til sidst fortæller lederen om projekt HJEMMEKLAR.", ["Projekt HJEMMEKLAR"]),
        (
            "Klyngen har igangsat projekt Tryg Udskrivning til 1.200.000 kr.",
            ["Projekt Tryg Udskrivning"],
        ),
        ('Rådet besluttede at etablere "Forum for Sund Aldring".', ["Forum for Sund Aldring"]),
        ("Aftalen om en ny ordning er vedtaget.", []),
        ("Samarbejdsaftalen er godkendt i alle kommuner.", []),
    ],
)
def test_names_in_prose(text: str, names: list[str]) -> None:
    assert names == [named.name for named in named_items(text)]
