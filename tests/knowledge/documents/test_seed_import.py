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
    # found by the general reader (issue 13)
    ("001", "Samarbejdsaftale om gevinsthåndtering ved fælles udbud"): (
        "Samarbejdsaftale om gevinsthåndtering ved fælles udbud – stomiområdet"
    ),
    ("001", "Samarbejdsaftalen om børn og unge i psykisk mistrivsel"): (
        "Samarbejdsaftale om børn og unge i psykisk mistrivsel"
    ),
}


def _inventory_titles() -> set[tuple[str, str, str]]:
    rows = [
        *reports.REPORT_ITEMS,
        *reports.TABLE_ITEMS,
        *reports.MORE_REPORT_ITEMS,
        *minutes.ITEMS,
        *minutes.MORE_ITEMS,
    ]
    return {(row.file[:3], row.type, row.title) for row in rows}


async def _import_all(service: KnowledgeService, seeds: Path) -> dict[str, Any]:
    await service.import_documents(sorted(seeds.glob("*.txt")))
    return await service.export()


def _items(export: dict[str, Any]) -> list[dict[str, Any]]:
    return [*export["agreements"], *export["initiatives"]]


def _read_before(prefix: str, title: str) -> bool:
    regions = {"000": "midt", "001": "midt", "002": "midt", "003": "syd", "004": "midt"}
    return any(
        other < prefix and other_title == title and regions[other] == regions[prefix]
        for other, _, other_title in _inventory_titles()
    )


async def test_every_item_of_every_seed_is_one_item_after_import(
    service: KnowledgeService, seeds: Path
) -> None:
    export = await _import_all(service, seeds)

    joined = {(prefix, title) for (prefix, title), into in JOINS.items() if title != into}
    # One title per item: the same title in two regions is two items.
    # One title per item: a title read again in the same region joins the item; the same
    # title in two regions is two items.
    expected = [
        title
        for prefix, _, title in _inventory_titles()
        if (prefix, title) not in joined and not _read_before(prefix, title)
    ]
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
    meetings = (
        *reports.REPORT_MEETINGS,
        *reports.MORE_REPORT_MEETINGS,
        *minutes.MEETINGS,
        *minutes.MORE_MEETINGS,
    )
    read = {(m.body, m.date, m.precision) for m in meetings}
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
