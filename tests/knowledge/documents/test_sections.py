"""The heading tree and the sections of any document."""

from __future__ import annotations

from knowledge.documents.headers import read_header
from knowledge.documents.layout import read_lines
from knowledge.documents.sections import Outline, numbered, outline

MINUTES = """\
# source: https://www.example.dk/referat
# retrieved: 2026-12-07

Referat
til
mødet i Klyngestyregruppen Testklyngen
den 12. marts 2025 kl. 13:00

1. Godkendelse af dagsorden

Beslutning

Godkendt.

2. Ny aftale om sårpleje

Det indstilles,

at styregruppen godkender aftalen

Sagsfremstilling

Arbejdsgruppen har skrevet et udkast, som er drøftet med kommunerne.

Beslutning

Indstillingen blev godkendt.
"""


def _outline(text: str) -> Outline:
    header = read_header(text)
    return outline(text, read_lines(text, header.end), header.end)


def _paths(text: str) -> list[tuple[str, ...]]:
    return [section.path for section in _outline(text).sections]


def test_sections_cover_the_text_after_the_comment_header_exactly() -> None:
    tree = _outline(MINUTES)
    start = MINUTES.index("\n\nReferat") + 1  # the blank line after the header is text

    assert MINUTES[start:] == "".join(section.text for section in tree.sections)
    assert all(MINUTES[s.start : s.end] == s.text for s in tree.sections)
    assert [s.end for s in tree.sections[:-1]] == [s.start for s in tree.sections[1:]]


def test_minutes_nest_labels_under_their_numbered_item() -> None:
    item1, item2 = "1. Godkendelse af dagsorden", "2. Ny aftale om sårpleje"
    assert [
        ("Referat",),
        ("Referat", item1),
        ("Referat", item1, "Beslutning"),
        ("Referat", item2),
        ("Referat", item2, "Det indstilles,"),
        ("Referat", item2, "Sagsfremstilling"),
        ("Referat", item2, "Beslutning"),
    ] == _paths(MINUTES)


def test_levels_follow_the_paths() -> None:
    assert all(len(s.path) == s.level for s in _outline(MINUTES).sections)


def test_text_before_the_first_heading_is_a_section_without_a_path() -> None:
    text = "Dette er en indledning uden overskrift, der fortæller noget.\n\n# Afsnit\n\nTekst.\n"

    assert [(), ("Afsnit",)] == _paths(text)


def test_a_text_without_headings_is_one_section() -> None:
    text = "mælk\nbrød\nkaffe\n"

    assert [((), 0, text)] == [(s.path, s.level, s.text) for s in _outline(text).sections]


def test_markdown_levels_nest_by_their_number() -> None:
    text = "# Plan\n\n## Mål\n\nTekst.\n\n### Delmål\n\nTekst.\n\n## Økonomi\n\nTekst.\n"

    assert [
        ("Plan",),
        ("Plan", "Mål"),
        ("Plan", "Mål", "Delmål"),
        ("Plan", "Økonomi"),
    ] == _paths(text)


def test_a_numbered_list_is_not_a_heading_each() -> None:
    text = (
        "Dagsorden\n\n1. Godkendelse af dagsorden\n2. Orientering\n3. Eventuelt\n\n"
        "1. Godkendelse af dagsorden\n\nGodkendt uden bemærkninger.\n"
    )

    assert [("Dagsorden",), ("Dagsorden", "1. Godkendelse af dagsorden")] == _paths(text)


def test_a_new_count_inside_an_item_is_a_child_and_the_count_returns() -> None:
    text = (
        "Referat\n\n3. Skriftlige orienteringer\n\nSagsfremstilling\n\n"
        "1. Projekt om hjemmebehandling\n\nProjektet er i gang i to kommuner.\n\n"
        "2. Aftale om sårpleje\n\nAftalen er godkendt af alle parter.\n\n"
        "Beslutning\n\nTaget til efterretning.\n\n4. Eventuelt\n\nIntet.\n"
    )
    item = ("Referat", "3. Skriftlige orienteringer")

    assert [
        ("Referat",),
        item,
        (*item, "Sagsfremstilling"),
        (*item, "Sagsfremstilling", "1. Projekt om hjemmebehandling"),
        (*item, "Sagsfremstilling", "2. Aftale om sårpleje"),
        (*item, "Beslutning"),
        ("Referat", "4. Eventuelt"),
    ] == _paths(text)


def test_labels_in_capitals_and_worded_numbers_are_headings() -> None:
    text = (
        "REFERAT Styregruppen d. 01-04-2025\n\nPunkt 1: Godkendelse af dagsorden\n\n"
        "SAGSFREMSTILLING\n\nDagsordenen blev sendt ud i god tid.\n\nBeslutning\n\nGodkendt.\n"
    )
    item = ("REFERAT Styregruppen d. 01-04-2025", "Punkt 1: Godkendelse af dagsorden")

    assert [item[:1], item, (*item, "SAGSFREMSTILLING"), (*item, "Beslutning")] == _paths(text)


def test_numbers_glued_to_titles_are_items() -> None:
    text = (
        "Udvalgets møde\n\n12Godkendelse af dagsorden\n\nBeslutning\n\nGodkendt\n\n"
        "13Orientering om budget\n\nResume\n\nBudgettet holder.\n"
    )

    assert ["12", "13"] == [h.number for h in _outline(text).headings if h.number]


def test_a_short_line_that_starts_a_paragraph_is_a_heading_but_a_person_is_not() -> None:
    text = (
        "Om samarbejdet\n\nEt samarbejde om patienter og forløb mellem kommuner og region.\n\n"
        "Baggrund og formål\n\nUdvalget blev nedsat for at styrke sammenhængen i forløbene.\n\n"
        "Hanne Hansen, Testby Kommune\n\nLars Larsen, Region Eksempel, overlæge og formand\n"
    )

    assert [("Om samarbejdet",), ("Om samarbejdet", "Baggrund og formål")] == _paths(text)


def test_a_number_before_a_month_is_a_date_not_a_heading() -> None:
    assert None is numbered("9. oktober 2025 holdes der temadag")
    assert ("punkt", "3", "Budget") == numbered("Punkt 3: Budget")
    assert ("", "2.1", "Drøftelse") == numbered("2.1. Drøftelse")
    assert ("", "38", "Godkendelse af dagsorden") == numbered("38Godkendelse af dagsorden")


def test_navigation_lines_are_not_headings_but_stay_in_the_text() -> None:
    text = "Gå til indhold\n\nSundhedsaftalen\n\nAftalen er en politisk aftale mellem parterne.\n"
    tree = _outline(text)

    assert ["Sundhedsaftalen"] == [h.title for h in tree.headings]
    assert "Gå til indhold" in tree.sections[0].text
