"""The initiative table parser, on a small made-up table in the seed document's shape."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.core.errors import DocumentInvalid
from knowledge.core.periods import Period, restore
from knowledge.documents.records import ItemRecord, Source, StatusRecord
from knowledge.documents.shapes.initiative_table import PARSER

FILE = "horsens_tabel.txt"
TITLE = "Udvalgte initiativer og samarbejder i Horsensklyngen, marts 2023"
MARCH_2023 = restore(date(2023, 3, 1), "month")
SECTION_1 = "Fælles indsatser i klyngen"
SECTION_2 = "Lokale samarbejder mellem kommune og hospital"
SECTION_3 = "Aftaler i regi af sundhedsaftalen"
TABLE = "\n".join(
    [
        "",
        TITLE,
        "",
        f"{SECTION_1}\t\t",
        "Titel\tFormål og indhold\tStatus",
        "Samarbejdsaftale om fodpleje\t<p>Aftalen fastlægger hvem der klipper &amp; plejer"
        "</p> <p>fødderne hos borgere med diabetes.</p>\tI drift",
        "Motion for seniorer\t<p>Projektet tilbyder holdtræning  </p>\tProjektet afsluttes i juni"
        " 2023",
        "Sygeplejens nattelinje\tEn telefonlinje for hjemmesygeplejen.\tAfsluttes januar 2023",
        "",
        f"{SECTION_2}\t\t",
        "Titel og parter\tFormål og indhold\tStatus",
        "Fælles sårklinik (Hedeby Kommune og Hospitalsenhed Øst)\tEn klinik for svære sår."
        "\tUnder implementering.",
        "Rammepapir: Tryg udskrivelse\tPrincipper for udskrivelse.\tGældende",
        "",
        SECTION_3,
        "",
        "Titel\tFormål og indhold\tStatus",
        "Rammeaftale om hjælpemidler\tFælles depot.\tTræder i kraft den 1. maj 2023",
    ]
)


def parsed_items() -> dict[str, ItemRecord]:
    return {item.title: item for item in PARSER.parse(FILE, TABLE).items}


def status(text: str, category: str, valid_from: Period, heading: str) -> tuple[StatusRecord]:
    return (StatusRecord(category, text, valid_from, Source(FILE, heading), TITLE),)


def test_the_document_is_dated_by_the_month_in_its_title() -> None:
    document = PARSER.parse(FILE, TABLE)
    assert ("initiative_table", TITLE, MARCH_2023, ()) == (
        document.shape,
        document.title,
        document.document_date,
        document.meetings,
    )


def test_every_row_is_an_item_with_its_line() -> None:
    lines = {title: item.line for title, item in parsed_items().items()}
    assert {
        "Samarbejdsaftale om fodpleje": 6,
        "Motion for seniorer": 7,
        "Sygeplejens nattelinje": 8,
        "Fælles sårklinik": 12,
        "Rammepapir: Tryg udskrivelse": 13,
        "Rammeaftale om hjælpemidler": 18,
    } == lines


def test_an_agreement_row_with_html_cells() -> None:
    title = "Samarbejdsaftale om fodpleje"
    assert (
        ItemRecord(
            type="agreement",
            kind="samarbejdsaftale",
            title=title,
            source=Source(FILE, title),
            line=6,
            area=SECTION_1,
            region="Region Midtjylland",
            cluster="Horsensklyngen",
            purpose="Aftalen fastlægger hvem der klipper & plejer fødderne hos borgere med "
            "diabetes.",
            statuses=status("I drift", "implemented", MARCH_2023, title),
        )
        == parsed_items()[title]
    )


def test_a_project_still_running_as_of_the_document_month() -> None:
    item = parsed_items()["Motion for seniorer"]
    assert ("initiative", "projekt", "Projektet tilbyder holdtræning") == (
        item.type,
        item.kind,
        item.purpose,
    )
    expected = status(
        "Projektet afsluttes i juni 2023", "in_progress", MARCH_2023, "Motion for seniorer"
    )
    assert expected == item.statuses


def test_an_ending_before_the_document_month_has_happened() -> None:
    item = parsed_items()["Sygeplejens nattelinje"]
    assert ("initiative", "initiativ") == (item.type, item.kind)
    january = restore(date(2023, 1, 1), "month")
    expected = status("Afsluttes januar 2023", "completed", january, "Sygeplejens nattelinje")
    assert expected == item.statuses


def test_parties_come_from_the_title_in_a_titel_og_parter_table() -> None:
    item = parsed_items()["Fælles sårklinik"]
    assert (
        ItemRecord(
            type="initiative",
            kind="initiativ",
            title="Fælles sårklinik",
            source=Source(FILE, "Fælles sårklinik"),
            line=12,
            area=SECTION_2,
            region="Region Midtjylland",
            cluster="Horsensklyngen",
            parties=("Hedeby Kommune", "Hospitalsenhed Øst"),
            purpose="En klinik for svære sår.",
            statuses=status("Under implementering.", "in_progress", MARCH_2023, "Fælles sårklinik"),
        )
        == item
    )


def test_a_title_without_parentheses_has_no_parties() -> None:
    item = parsed_items()["Rammepapir: Tryg udskrivelse"]
    assert ("agreement", "rammepapir", (), "implemented") == (
        item.type,
        item.kind,
        item.parties,
        item.statuses[0].category,
    )


def test_a_section_title_without_tabs_before_a_header_and_no_final_newline() -> None:
    item = parsed_items()["Rammeaftale om hjælpemidler"]
    assert (SECTION_3, "rammeaftale", "planned") == (
        item.area,
        item.kind,
        item.statuses[0].category,
    )


def test_an_unknown_cluster_has_no_region() -> None:
    text = TABLE.replace("Horsensklyngen", "Fjordklyngen")
    items = PARSER.parse(FILE, text).items
    assert {("Fjordklyngen", None)} == {(item.cluster, item.region) for item in items}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (TABLE, True),
        ("Titel og parter\tFormål og indhold\tStatus\nA\tB\tC", True),
        ("Referat\n\nPunkt 1: Status\nDet gik godt.", False),
        ("Titel\tStatus\nA\tB", False),
        ("", False),
    ],
)
def test_detect(text: str, expected: bool) -> None:
    assert expected == PARSER.detect(text)


@pytest.mark.parametrize(
    ("broken", "line"),
    [
        ("Sygeplejens nattelinje\tEn telefonlinje for hjemmesygeplejen.", 8),
        ("Sygeplejens nattelinje\tEn linje\tAfsluttes januar 2023\tEkstra", 8),
        ("Sygeplejens nattelinje uden faner", 8),
        ("\tEn linje uden titel\tI drift", 8),
    ],
)
def test_a_malformed_row_names_its_line(broken: str, line: int) -> None:
    lines = TABLE.split("\n")
    lines[line - 1] = broken
    with pytest.raises(DocumentInvalid) as caught:
        PARSER.parse(FILE, "\n".join(lines))
    assert (FILE, line) == (caught.value.file, caught.value.line)


def test_a_row_before_any_header_is_invalid() -> None:
    text = f"{TITLE}\n\nA\tB\tC\nTitel\tFormål og indhold\tStatus\n"
    with pytest.raises(DocumentInvalid, match="header") as caught:
        PARSER.parse(FILE, text)
    assert 3 == caught.value.line
