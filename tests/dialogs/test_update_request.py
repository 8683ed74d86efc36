"""A status update said in ordinary words: the slots one message fills (item, status,
note, wherever it says them), and how surely it asks for an update at all."""

from __future__ import annotations

import pytest

from dialogs.update_request import UpdateText, parse_update_request, update_score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wish to report, with nothing else
        ("jeg skal lige melde en ny status ind", UpdateText(None, None, None)),
        ("we need to report a new status", UpdateText(None, None, None)),
        # the item only
        ("vil du opdatere statussen på medicinposen", UpdateText("medicinposen", None, None)),
        ("please update the TUCV status", UpdateText("TUCV", None, None)),
        # item and status, the status anywhere
        (
            "kan du skrive at selvskadeprojektet er sat i bero",
            UpdateText("selvskadeprojektet", "paused", None),
        ),
        ("noter at FACT nu er i drift", UpdateText("FACT", "implemented", None)),
        ("mark Tele KOL as on hold", UpdateText("Tele KOL", "paused", None)),
        (
            "Psykiatriens Hus is now in operation",
            UpdateText("Psykiatriens Hus", "implemented", None),
        ),
        # and the note: after a colon, a dash, a comma or "fordi"/"because"
        (
            "sæt Lægedækning på pause, fordi lægen er gået på pension",
            UpdateText("Lægedækning", "paused", "lægen er gået på pension"),
        ),
        (
            "set FACT to done because the last team was trained",
            UpdateText("FACT", "completed", "the last team was trained"),
        ),
        (
            "status Den sidste tid: afsluttet - rapporten er sendt",
            UpdateText("Den sidste tid", "completed", "rapporten er sendt"),
        ),
        (
            "opdater medicinposen til i gang: nye kommuner er med",
            UpdateText("medicinposen", "in_progress", "nye kommuner er med"),
        ),
        (
            "kan du sætte FACT på pause, fordi teamet er på ferie?",
            UpdateText("FACT", "paused", "teamet er på ferie"),
        ),
        (
            "put Lægedækning on hold due to the summer holidays",
            UpdateText("Lægedækning", "paused", "due to the summer holidays"),
        ),
        # a status said of something else in the note is the note's
        (
            "sæt FACT til afsluttet: evalueringen er i gang",
            UpdateText("FACT", "completed", "evalueringen er i gang"),
        ),
        # a negated status is none; a capitalised one inside a name is the name's
        (
            "opdater FACT, den er ikke i drift endnu",
            UpdateText("FACT", None, "den er ikke i drift endnu"),
        ),
        ("den er i drift nu", UpdateText(None, "implemented", None)),
        (
            "opdater Individuelt Planlagt job med Støtte",
            UpdateText("Individuelt Planlagt job med Støtte", None, None),
        ),
        # politeness is no note
        ("sæt FACT til i gang, tak", UpdateText("FACT", "in_progress", None)),
    ],
)
def test_every_slot_a_message_gives_is_filled(text: str, expected: UpdateText) -> None:
    assert expected == parse_update_request(text)


@pytest.mark.parametrize(
    "text",
    [
        "jeg skal lige melde en ny status ind",
        "kan du skrive at selvskadeprojektet er sat i bero",
        "noter at FACT nu er i drift",
        "sæt Lægedækning på pause, fordi lægen er gået på pension",
        "we need to report a new status",
        "mark Tele KOL as on hold",
        "Psykiatriens Hus is now in operation",
        "could you update the status of FACT",
        "hej, kan du lige opdatere FACT",
    ],
)
def test_natural_requests_to_update_are_updates(text: str) -> None:
    assert update_score(text) > 0


@pytest.mark.parametrize(
    "text",
    [
        "hvad er status på FACT?",
        "er FACT i drift?",
        "hvilke initiativer er sat på pause?",
        "which projects are on hold?",
        "initiativer i drift",
        "lav en liste over aftaler i gang",
        "hvornår blev FACT sat i gang?",
        "status på FACT",
        "siden hvornår har FACT været i drift",  # a question word after a preposition
        "and since when is Tele KOL in operation",
        "hvordan melder jeg en ny status ind?",  # how to: help, not an update
        "how do I report a status?",
        "hvem opdaterede FACT sidst?",
    ],
)
def test_questions_about_a_status_are_no_updates(text: str) -> None:
    assert 0 == update_score(text)


def test_a_verb_that_says_update_weighs_more_than_a_stated_status() -> None:
    assert update_score("opdater FACT til i drift") > update_score("FACT er i drift")
    assert update_score("FACT er i drift nu") > update_score("FACT er i drift")
