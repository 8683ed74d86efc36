"""Picking one of the offered options in words, table by table: numbers, ordinals, a
place's adjective or short form, part of a name, "ja" to a single option, a word said
against one; and button titles that show what tells the options apart."""

from __future__ import annotations

import pytest

from dialogs.choosing import Option, choose, place_words, titles

NAMESAKES = [
    Option("syd", "Aftale om hjemmebehandling", "Region Syddanmark"),
    Option("midt", "Aftale om hjemmebehandling", "Region Midtjylland"),
    Option("nord", "Aftale om hjemmebehandling", "Region Nordjylland"),
]
TWO_IN_ONE_REGION = [
    Option("plain", "Samarbejdsaftale om stomi", "Region Midtjylland"),
    Option(
        "gain",
        "Samarbejdsaftale om gevinsthåndtering ved fælles udbud – stomiområdet",
        "Region Midtjylland",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3", "nord"),
        ("2.", "midt"),
        ("den første", "syd"),
        ("nummer tre", "nord"),
        ("nr. 3", "nord"),
        ("the second one", "midt"),
        ("the last one", "nord"),
        ("den sidste", "nord"),
        ("4", None),
        ("nummer fem", None),
    ],
)
def test_an_option_is_picked_by_its_place_in_the_list(text: str, expected: str | None) -> None:
    assert expected == choose(text, NAMESAKES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("midtjyske", "midt"),
        ("den syddanske tak", "syd"),
        ("nordjyske", "nord"),
        ("the one from Region Syddanmark", "syd"),
        ("den i region midt", "midt"),
        ("syd", "syd"),
        ("den sydlige", "syd"),
        ("the northern one", "nord"),
        ("midtjyland", "midt"),  # a typo
        ("Region Nordjylland", "nord"),  # what its button says
        ("Aftale om hjemmebehandling (Region Midtjylland)", "midt"),
    ],
)
def test_an_option_is_picked_by_what_tells_it_apart(text: str, expected: str) -> None:
    assert expected == choose(text, NAMESAKES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("den om gevinsthåndtering", "gain"),
        ("udbud", "gain"),
        ("bare den om stomi", None),  # both are about stomi
        ("ikke den om gevinsthåndtering", "plain"),  # of two, the one not said against
        ("not the one about gevinsthåndtering", "plain"),
    ],
)
def test_an_option_is_picked_by_part_of_its_name(text: str, expected: str | None) -> None:
    assert expected == choose(text, TWO_IN_ONE_REGION)


@pytest.mark.parametrize(
    "text",
    [
        "hvornår mødes klyngestyregruppen i Midtklyngen næste gang?",  # a new question
        "hjemmebehandling",  # all three have it
        "kattemad",
        "",
    ],
)
def test_an_answer_that_is_mostly_other_words_picks_nothing(text: str) -> None:
    assert None is choose(text, NAMESAKES)


@pytest.mark.parametrize(("text", "expected"), [("ja", "one"), ("ja tak", "one"), ("nej", None)])
def test_the_one_suggestion_is_taken_with_yes(text: str, expected: str | None) -> None:
    assert expected == choose(text, [Option("one", "Samarbejdsaftale om stomi")])


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("Region Midtjylland", {"midtjylland", "midtjyske", "midtjysk", "midt"}),
        ("Region Syddanmark", {"syddanmark", "syddanske", "syddansk", "syd"}),
        ("Region Nordjylland", {"nordjylland", "nordjyske", "nord"}),
        ("Region Sjælland", {"sjalland", "sjallandske", "sjallandsk"}),
        ("Region Hovedstaden", {"hovedstaden", "hovedstads", "hovedstadsregionen"}),
        ("Randersklyngen", {"randersklyngen", "randers"}),
        ("Sundhedsklynge Sønderjylland", {"sonderjylland", "sonderjyske"}),
    ],
)
def test_places_are_known_by_their_adjectives_and_short_forms(
    place: str, expected: set[str]
) -> None:
    assert expected <= place_words(place)


def test_buttons_of_namesakes_show_their_region() -> None:
    assert ["Region Syddanmark", "Region Midtjylland", "Region Nordjylland"] == titles(NAMESAKES)


def test_buttons_of_long_names_alike_at_the_start_show_where_they_differ() -> None:
    options = [
        Option("a", "Sundhedsklynge Sydvest – Fagligt og strategisk samarbejdsniveau"),
        Option("b", "Sundhedsklynge Sydvest – Politisk og administrativt samarbejdsniveau"),
    ]

    assert [
        "… Fagligt og strategisk samarbejdsniveau",
        "… Politisk og administrativt samarbejdsniveau",
    ] == (titles(options))


def test_buttons_leave_out_a_detail_the_name_says_and_are_never_too_long() -> None:
    options = [
        Option("a", "Klyngestyregruppen Vestklyngen", "Vestklyngen"),
        Option("b", "Klyngestyregruppen Østklyngen", "Østklyngen"),
        Option(
            "c",
            "En meget lang titel på et initiativ som ingen kan se til enden af",
            "Region Syddanmark",
        ),
    ]

    shown = titles(options)

    assert ["Klyngestyregruppen Vestklyngen", "Klyngestyregruppen Østklyngen"] == shown[:2]
    assert shown[2].endswith("… (Region Syddanmark)")
    assert all(len(title) <= 50 for title in shown)
