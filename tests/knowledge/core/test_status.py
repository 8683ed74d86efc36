"""Status categories and reading a category out of a status text (sentences of our own)."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.core.periods import Period, restore
from knowledge.core.status import CATEGORIES, label, parse_category, read_status, split_sentences

NOV_2022 = restore(date(2022, 11, 1), "month")
JAN_2023 = restore(date(2023, 1, 1), "month")
SEP_2023 = restore(date(2023, 9, 1), "month")
DEC_1_2023 = Period.day(date(2023, 12, 1))
MAY_1_2024 = Period.day(date(2024, 5, 1))


def when(iso: str, precision: str) -> Period:
    return restore(date.fromisoformat(iso), precision)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("category", "danish", "english"),
    [
        ("planned", "planlagt", "planned"),
        ("in_progress", "i gang", "in progress"),
        ("implemented", "implementeret", "implemented"),
        ("completed", "afsluttet", "completed"),
        ("paused", "sat på pause", "paused"),
        ("discontinued", "nedlagt", "discontinued"),
        ("unknown", "ukendt", "unknown"),
    ],
)
def test_every_category_has_a_danish_and_an_english_label(
    category: str, danish: str, english: str
) -> None:
    assert danish == label(category)
    assert english == label(category, lang="en")


def test_label_refuses_unknown_codes_and_languages() -> None:
    with pytest.raises(ValueError, match="category"):
        label("done")
    with pytest.raises(ValueError, match="language"):
        label("planned", lang="de")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("planned", "planned"),
        ("Planlagt", "planned"),
        ("in_progress", "in_progress"),
        ("In progress", "in_progress"),
        ("i gang", "in_progress"),
        ("igang", "in_progress"),
        ("I GANG", "in_progress"),
        ("implementeret", "implemented"),
        ("i drift", "implemented"),
        ("afsluttet", "completed"),
        ("færdig", "completed"),
        ("faerdig", "completed"),
        ("fardig", "completed"),
        ("Sat på pause", "paused"),
        ("sat paa pause", "paused"),
        ("sat pa pause", "paused"),
        ("pauseret", "paused"),
        ("nedlagt", "discontinued"),
        ("opgivet", "discontinued"),
        ("discontinued", "discontinued"),
        ("ukendt", "unknown"),
        ("  unknown ", "unknown"),
        ("måske", None),
        ("", None),
    ],
)
def test_parse_category_accepts_codes_and_loosely_typed_labels(
    typed: str, expected: str | None
) -> None:
    assert expected == parse_category(typed)


def test_every_code_parses_to_itself() -> None:
    assert list(CATEGORIES) == [parse_category(code) for code in CATEGORIES]


# (status text, as_of, expected category, expected valid_from)
READINGS = [
    # implemented
    (
        "Ordningen er implementeret i alle kommuner i 2020.",
        None,
        "implemented",
        when("2020-01-01", "year"),
    ),
    ("Tilbuddet er i drift.", NOV_2022, "implemented", NOV_2022),
    (
        "Vejledningen trådte i kraft den 1. juni 2021.",
        None,
        "implemented",
        Period.day(date(2021, 6, 1)),
    ),
    ("Gældende", NOV_2022, "implemented", NOV_2022),
    ("Modellen er forankret i klyngerne og anvendes bredt.", None, "implemented", None),
    # in progress
    ("Afprøvningen pågår i to kommuner.", None, "in_progress", None),
    ("Indsatsen blev igangsat i foråret 2022.", None, "in_progress", when("2022-03-01", "season")),
    ("Modellen er under afprøvning i tre klynger.", NOV_2022, "in_progress", NOV_2022),
    ("Forløbet er i evaluerings- og afrapporteringsfasen.", None, "in_progress", None),
    (
        "Netværket er etableret i 2021 og mødes jævnligt.",
        None,
        "in_progress",
        when("2021-01-01", "year"),
    ),
    # completed
    ("Projektet er afsluttet, og rapporten er sendt ud.", None, "completed", None),
    ("Kurset blev afsluttet i marts 2022.", None, "completed", when("2022-03-01", "month")),
    # paused
    ("Arbejdet er sat på pause indtil videre.", None, "paused", None),
    ("Udviklingen blev pauseret i marts 2022.", None, "paused", when("2022-03-01", "month")),
    ("Sagen er sat i bero.", JAN_2023, "paused", JAN_2023),
    # discontinued
    ("Netværket blev nedlagt ultimo 2021.", None, "discontinued", when("2021-09-01", "third")),
    ("Planerne er opgivet.", None, "discontinued", None),
    # planned
    ("Aftalen er til godkendelse i byrådene.", None, "planned", None),
    ("Aftalen blev godkendt i juni 2023.", None, "planned", when("2023-06-01", "month")),
    ("Et pilotforløb skal igangsættes næste år.", None, "planned", None),
    # unknown, also when the cue is negated
    ("Projektet er endnu ikke igangsat.", None, "unknown", None),
    ("Skemaet anvendes ikke længere.", None, "unknown", None),
    ("Behovet drøftes igen senere.", None, "unknown", None),
    ("Behovet drøftes igen senere.", NOV_2022, "unknown", NOV_2022),
]

FUTURE_READINGS = [
    # an ending: still running before its date, completed once the date has passed
    ("Forsøget afsluttes i juni 2023.", None, "in_progress", None),
    ("Forsøget afsluttes i juni 2023.", JAN_2023, "in_progress", JAN_2023),
    ("Forsøget afsluttes i juni 2023.", SEP_2023, "completed", when("2023-06-01", "month")),
    ("Forsøget forventes afsluttet i 2024.", NOV_2022, "in_progress", NOV_2022),
    ("Evalueres primo 2023", NOV_2022, "in_progress", NOV_2022),
    # coming into force: planned before the day, implemented from it
    ("Aftalen træder i kraft den 1. marts 2024.", None, "planned", None),
    ("Aftalen træder i kraft den 1. marts 2024.", DEC_1_2023, "planned", DEC_1_2023),
    (
        "Aftalen træder i kraft den 1. marts 2024.",
        MAY_1_2024,
        "implemented",
        Period.day(date(2024, 3, 1)),
    ),
    ("Forventet ikrafttrædelse pr. 1. marts 2024.", None, "planned", None),
]

DECIDING_READINGS = [
    # a leading stamp dates the status, whatever the sentence says
    (
        "Pr. 3. kvartal 2022. Ordningen anvendes i alle klynger.",
        None,
        "implemented",
        when("2022-07-01", "quarter"),
    ),
    ("Pr. 1. halvår 2023. Der er intet nyt at melde.", None, "unknown", when("2023-01-01", "half")),
    # a weak "godkendt" yields to any other cue, in any sentence
    ("Aftalen blev godkendt i 2020. Implementeringen pågår.", NOV_2022, "in_progress", NOV_2022),
    # a later past-tense terminal statement is the newer state
    (
        "Projektet er i gang i tre kommuner. Det blev nedlagt i 2023 efter en evaluering.",
        None,
        "discontinued",
        when("2023-01-01", "year"),
    ),
    # ... but the first statement of the same state keeps its date
    (
        "Gruppen blev nedlagt primo 2021 og afløst af et forum. Forummet blev nedlagt i 2022.",
        None,
        "discontinued",
        when("2021-01-01", "third"),
    ),
    # a later non-terminal cue does not override the first
    ("Tilbuddet er i drift. Det evalueres ultimo 2023.", NOV_2022, "implemented", NOV_2022),
    # a date after as_of is not taken as the start
    ("Ordningen er implementeret i 2025.", JAN_2023, "implemented", JAN_2023),
    # the date of another clause does not date the cue
    (
        "Planen blev godkendt medio 2020, og kommunerne har siden arbejdet med implementering af "
        "planen.",
        None,
        "in_progress",
        None,
    ),
]


MARCH_2024 = Period.day(date(2024, 3, 15))
# Cues met in minutes' written orientations.
ORIENTATION_READINGS = [
    (
        "Forsøget varer et år med opstart marts 2024.",
        MARCH_2024,
        "in_progress",
        when("2024-03-01", "month"),
    ),
    ("Forsøget varer et år med opstart maj 2024.", MARCH_2024, "planned", MARCH_2024),
    ("Der er nedsat en arbejdsgruppe om lægedækning.", MARCH_2024, "in_progress", MARCH_2024),
    ("I vinter er der udarbejdet en pjece til borgerne.", MARCH_2024, "completed", MARCH_2024),
    ("Der arbejdes med modellen i tre kommuner.", MARCH_2024, "in_progress", MARCH_2024),
    ("Vi følger metoden Individuelt Planlagt Forløb.", MARCH_2024, "unknown", MARCH_2024),
]


@pytest.mark.parametrize(
    ("text", "as_of", "category", "valid_from"),
    READINGS + FUTURE_READINGS + DECIDING_READINGS + ORIENTATION_READINGS,
)
def test_read_status(
    text: str, as_of: Period | None, category: str, valid_from: Period | None
) -> None:
    reading = read_status(text, as_of=as_of)
    assert (category, valid_from) == (reading.category, reading.valid_from)


def test_the_deciding_sentence_is_the_text() -> None:
    text = "Pr. 2. kvartal 2023. Der er holdt to møder. Ordningen er i drift. Den evalueres i 2024."
    assert "Ordningen er i drift." == read_status(text, as_of=None).text


def test_a_later_terminal_sentence_becomes_the_text() -> None:
    text = "Forløbet pågår. Det blev sat på pause i maj 2023."
    assert "Det blev sat på pause i maj 2023." == read_status(text, as_of=None).text


def test_a_long_deciding_sentence_is_cut_at_a_word_with_an_ellipsis() -> None:
    sentence = "Ordningen er i drift " + "og bruges af mange fagpersoner i hverdagen " * 8 + "."
    text = read_status(sentence, as_of=None).text
    assert len(text) <= 200
    assert text.endswith("…")
    assert sentence.startswith(text.removesuffix("…"))
    assert text.removesuffix("…")[-1].isalpha()


def test_the_year_fills_in_dates_without_one() -> None:
    reading = read_status("Projektet blev nedlagt i marts.", as_of=None, year=2022)
    assert when("2022-03-01", "month") == reading.valid_from


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pr. 1. kvartal 2023. Rådet mødtes d. 7. marts 2023. Intet nyt.",
            ["Pr. 1. kvartal 2023.", "Rådet mødtes d. 7. marts 2023.", "Intet nyt."],
        ),
        (
            "Det afprøves i hhv. Vest- og Nordklyngen. Se (https://eksempel.dk/a.pdf). Slut",
            [
                "Det afprøves i hhv. Vest- og Nordklyngen.",
                "Se (https://eksempel.dk/a.pdf).",
                "Slut",
            ],
        ),
        ("  ", []),
    ],
)
def test_split_sentences_keeps_abbreviations_and_ordinals(text: str, expected: list[str]) -> None:
    assert expected == split_sentences(text)
