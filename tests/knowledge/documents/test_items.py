"""Agreements and initiatives by general rules: headings, tables, agenda titles, mentions."""

from __future__ import annotations

from datetime import date

from knowledge.core.periods import Period
from knowledge.documents.reader import read_document
from knowledge.documents.records import BudgetLine, ItemRecord

REPORT = """\
# source: https://www.rm.dk/sundhed/status
Status på det tværsektorielle samarbejde

Samarbejdsaftale om fodpleje

Hvad: Fælles indsats for borgere med diabetes og sår.

Betydning for borgerne: Færre amputationer.

Status: Aftalen blev godkendt i marts 2023. Den trådte i kraft den 1. maj 2023 og er
implementeret i alle kommuner. Den evalueres i efteråret 2024.

Udbredelse af træningsposen

Hvad: En pose med øvelser til hjemmet.

Status: Arbejdet pågår stadig i to klynger.
"""


def _items(text: str, file: str = "x.txt") -> dict[str, ItemRecord]:
    return {item.title: item for item in read_document(file, text).items}


def test_headings_with_item_fields_are_items_with_their_fields() -> None:
    items = _items(REPORT)
    care = items["Samarbejdsaftale om fodpleje"]

    assert ("agreement", "samarbejdsaftale") == (care.type, care.kind)
    assert "Fælles indsats for borgere med diabetes og sår." == care.purpose
    assert "Færre amputationer." == care.citizen_impact
    assert "Region Midtjylland" == care.region
    assert ("initiative", "initiativ") == (
        items["Udbredelse af træningsposen"].type,
        items["Udbredelse af træningsposen"].kind,
    )


def test_the_status_is_the_whole_status_field_with_its_category() -> None:
    care = _items(REPORT)["Samarbejdsaftale om fodpleje"]
    (status,) = care.statuses

    assert "implemented" == status.category
    assert status.text.startswith("Aftalen blev godkendt i marts 2023. Den trådte i kraft")
    assert status.text.endswith("Den evalueres i efteråret 2024.")
    assert "in_progress" == _items(REPORT)["Udbredelse af træningsposen"].statuses[0].category


def test_key_dates_say_what_they_mean() -> None:
    care = _items(REPORT)["Samarbejdsaftale om fodpleje"]

    assert [
        ("approved", "2023-03-01", "month"),
        ("in_force", "2023-05-01", "day"),
        ("evaluated", "2024-09-01", "season"),
    ] == [(d.what, d.when.iso(), d.when.precision) for d in care.dates if d.when]


def test_provenance_of_an_item_is_its_heading_line() -> None:
    care = _items(REPORT)["Samarbejdsaftale om fodpleje"]
    start = REPORT.index("Samarbejdsaftale om fodpleje")

    assert (start, start + len("Samarbejdsaftale om fodpleje")) == (
        care.source.start,
        care.source.end,
    )
    assert ("Samarbejdsaftale om fodpleje",) == care.source.path[-1:]


TABLE = (
    "Initiativer i Østklyngen, marts 2025\n\n"
    "Titel og parter\tFormål\tStatus\n"
    "Hjemmebehandling (Østby Kommune og Sygehus Øst)\t<p>Behandling i eget hjem.</p>\t"
    "Projektet afsluttes i 2026.\n"
    "Fælles vagtplan\tBedre dækning om natten.\tI drift\n"
)


def test_table_rows_are_items_with_parties_and_statuses() -> None:
    items = _items(TABLE)

    home = items["Hjemmebehandling"]
    assert ("Østby Kommune", "Sygehus Øst") == home.parties
    assert ("in_progress", "Behandling i eget hjem.") == (home.statuses[0].category, home.purpose)
    assert "implemented" == items["Fælles vagtplan"].statuses[0].category


def test_a_budget_table_gives_initiatives_with_amounts_in_its_unit() -> None:
    text = (
        "Referat 3. marts 2025\n\n**Tabel 1. Budgetter for to projekter, beløb i 1.000 kr.**\n\n"
        "\tI alt\t2025\t2026\n<b>Hjemmetræning</b>\t<b>1.100</b>\t500\t600\n"
        "Total\t1.100\t500\t600\n"
    )

    assert (BudgetLine(500_000, 2025), BudgetLine(600_000, 2026), BudgetLine(1_100_000)) == (
        _items(text)["Hjemmetræning"].budget
    )


def test_agenda_titles_name_items_and_an_approval_is_planned() -> None:
    text = (
        "Dagsorden\n\nMøde i Sundhedsforum Vest\n\nUdgivet 14.03.2025\n\nPUNKTER\n\n"
        "1. Godkendelse af dagsorden\n\n2. Godkendelse af revideret aftale om sårpleje i"
        " eget hjem\n\n3. Status for projekt Aktiv Hverdag\n\n4. Mødeplan\n"
    )
    items = _items(text)

    assert ["Revideret aftale om sårpleje i eget hjem", "Projekt Aktiv Hverdag"] == list(items)
    assert "planned" == items["Revideret aftale om sårpleje i eget hjem"].statuses[0].category


def test_mentions_in_prose_with_period_and_a_bare_heading_joining_them() -> None:
    text = (
        "Sundhedsaftalen\n\nAftalen fastsætter rammer for samarbejdet mellem parterne.\n\n"
        "Sundhedsaftalen 2026-2029 træder i kraft den 1. januar 2026.\n"
    )
    (item,) = read_document("x.txt", text).items

    assert ("Sundhedsaftalen 2026-2029", "sundhedsaftale") == (item.title, item.kind)
    assert "planned" == item.statuses[0].category
    assert [("in_force", Period.day(date(2026, 1, 1)))] == [(d.what, d.when) for d in item.dates]


def test_kind_words_alone_or_in_the_plural_name_no_item() -> None:
    text = (
        "Nyhed\n\nSamarbejdsaftalen er godkendt. Klyngerne har mange initiativer og "
        "flere samarbejdsaftaler om forskellige emner.\n"
    )

    assert () == read_document("x.txt", text).items


def test_a_yearless_date_in_an_undated_document_keeps_its_text_but_no_date() -> None:
    text = (
        "Endelig version af Sundhedsaftalen 2025-2028\n\nAftalen sendes i print efter "
        "endelig godkendelse i udvalget den 29. oktober.\n"
    )
    (item,) = read_document("x.txt", text).items

    assert [("approved", None, "den 29. oktober")] == [(d.what, d.when, d.text) for d in item.dates]
    assert "planned" == item.statuses[0].category
