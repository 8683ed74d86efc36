"""All five seeds imported together: cross-document matching, meetings, idempotency,
and a byte-identical round trip.

The per-document inventories (`seed_inventory_reports`, `seed_inventory_minutes`) list
what each document holds. Imported together, some of those are the same thing said twice;
`JOINS` lists each such pair (read off the documents: same region, same subject), and
everything else must stay a separate item.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from knowledge.documents.exchange import dumps
from knowledge.service import KnowledgeService
from tests.knowledge.documents import seed_inventory_minutes as minutes
from tests.knowledge.documents import seed_inventory_reports as reports

# (file prefix, title in that later document) -> title of the item it joins
JOINS = {
    ("001", "Samarbejdsaftale om en styrket indsats vedrørende amning/barnets ernæring"): (
        "Samarbejdsaftale om styrket indsats vedrørende amning/barnets ernæring i "
        "Region Midtjylland"
    ),
    ("002", "Samarbejdsaftale om IV-behandling i nærområdet"): (
        "Samarbejdsaftale om IV-behandling i nærområdet"
    ),
    ("002", "Samarbejdsaftale om den gode indlæggelse og udskrivelse"): (
        "Samarbejdsaftale om den gode indlæggelse og udskrivelse"
    ),
    ("002", "Samarbejdsaftale om sundhedsvisitationer i alle klynger"): (
        "Samarbejdsaftale om sundhedsvisitationer for somatik og psykiatri i alle klynger"
    ),
    ("002", "Rammepapir: Samarbejdet om udgående ambulante teams i voksenpsykiatrien"): (
        "Rammeaftale om udgående ambulante teams"
    ),
    ("004", "Fast track - Hospitalsbehandling i eget hjem"): (
        "Hospitalsbehandling i eget hjem (forskningsprojekt)"
    ),
}


def _inventory_titles() -> set[tuple[str, str, str]]:
    rows = [*reports.REPORT_ITEMS, *reports.TABLE_ITEMS, *minutes.ITEMS]
    return {(row.file[:3], row.type, row.title) for row in rows}


async def _import_all(service: KnowledgeService, seeds: Path) -> dict[str, Any]:
    await service.import_documents(sorted(seeds.glob("*.txt")))
    return await service.export()


def _items(export: dict[str, Any]) -> list[dict[str, Any]]:
    return [*export["agreements"], *export["initiatives"]]


async def test_every_item_of_every_seed_is_one_item_after_import(
    service: KnowledgeService, seeds: Path
) -> None:
    export = await _import_all(service, seeds)

    expected = {title for _, _, title in _inventory_titles()} - {
        title for (_, title), joined in JOINS.items() if title != joined
    }
    actual = [row["title"] for row in _items(export)]
    assert sorted(expected) == sorted(actual)


async def test_joined_items_keep_both_documents_in_their_history(
    service: KnowledgeService, seeds: Path
) -> None:
    export = await _import_all(service, seeds)
    by_title = {row["title"]: row for row in _items(export)}

    for (prefix, title), joined in JOINS.items():
        row = by_title[joined]
        files = {entry["file"][:3] for entry in row["sources"]}
        assert prefix in files, f"{title} should have joined {joined}"
        if title != joined:
            assert title in row["aliases"]


async def test_same_names_in_two_regions_stay_two_items(
    service: KnowledgeService, seeds: Path
) -> None:
    export = await _import_all(service, seeds)

    def regions(word: str) -> list[str]:
        rows = [r for r in export["agreements"] if word in r["title"].lower()]
        return sorted(r["region"] for r in rows)

    assert ["Region Midtjylland", "Region Syddanmark"] == regions("iv-behandling")
    assert ["Region Midtjylland", "Region Syddanmark"] == regions("erhvervet hjerneskade")


async def test_meetings_of_all_seeds_are_one_per_body_and_day(
    service: KnowledgeService, seeds: Path
) -> None:
    export = await _import_all(service, seeds)
    read = {(m.body, m.date, m.precision) for m in (*reports.REPORT_MEETINGS, *minutes.MEETINGS)}
    # A month-only mention is the dated meeting of that body in that month, if one is known.
    dated = {(body, day[:7]) for body, day, precision in read if precision == "day"}
    expected = {
        (body, day, precision)
        for body, day, precision in read
        if precision == "day" or (body, day[:7]) not in dated
    }

    actual = [(m["body"], m["date"], m["date_precision"]) for m in export["meetings"]]
    assert sorted(expected) == sorted(actual)


async def test_importing_all_seeds_again_changes_nothing(
    service: KnowledgeService, seeds: Path
) -> None:
    first = dumps(await _import_all(service, seeds))

    reports_again = await service.import_documents(sorted(seeds.glob("*.txt")))

    assert [()] * 5 == [report.changes for report in reports_again]
    assert first == dumps(await service.export())


async def test_seed_knowledge_round_trips_byte_for_byte(
    service: KnowledgeService, seeds: Path, tmp_path: Path
) -> None:
    first = dumps(await _import_all(service, seeds))
    dump = tmp_path / "kb.json"
    dump.write_text(first, encoding="utf-8")

    await service.restore(dump, replace=True)
    second = dumps(await service.export())
    await service.import_documents(sorted(seeds.glob("*.txt")))

    assert first == second
    assert first == dumps(await service.export()), "re-import after restore adds nothing"
