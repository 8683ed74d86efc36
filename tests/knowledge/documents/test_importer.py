"""Importing parsed documents: new items, newer statuses, idempotency, matching, meetings."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from knowledge.service import KnowledgeService
from tests.factories import MIDT, SYD, agenda, document, item, meeting, status


async def _apply(service: KnowledgeService, *docs: Any, dry_run: bool = False) -> list[Any]:
    parsed = [(doc, f"sha-{doc.file}-{n}") for n, doc in enumerate(docs)]
    return await service.apply_parsed(parsed, dry_run=dry_run)


def _by_title(export: dict[str, Any], key: str = "agreements") -> dict[str, Any]:
    return {row["title"]: row for row in export[key]}


async def test_new_items_are_added_with_their_status_and_source(service: KnowledgeService) -> None:
    await _apply(service, document(item("Samarbejdsaftale om fodpleje")))

    row = _by_title(await service.export())["Samarbejdsaftale om fodpleje"]
    assert "samarbejdsaftale-om-fodpleje-midtjylland" == row["id"]
    assert [{"file": "rapport.txt", "heading": "Samarbejdsaftale om fodpleje"}] == row["sources"]
    assert ["in_progress"] == [s["category"] for s in row["status_history"]]
    assert "2023-04-01" == row["status_history"][0]["valid_from"]
    assert "day" == row["status_history"][0]["valid_from_precision"]


async def test_importing_the_same_document_twice_changes_nothing(service: KnowledgeService) -> None:
    doc = document(item(), meetings=(meeting(),))
    await _apply(service, doc)
    before = await service.export()

    reports = await _apply(service, doc)

    assert () == reports[0].changes
    assert before == await service.export()


async def test_a_newer_document_adds_a_status_entry_not_a_duplicate(
    service: KnowledgeService,
) -> None:
    old = document(item(statuses=(status("planned", valid_from=date(2022, 1, 1)),)))
    newer_status = status("implemented", "Aftalen er i drift.", date(2023, 9, 1), file="nyt.txt")
    new = document(item(file="nyt.txt", statuses=(newer_status,)), file="nyt.txt")

    await _apply(service, old)
    await _apply(service, new)

    export = await service.export()
    assert 1 == len(export["agreements"])
    history = export["agreements"][0]["status_history"]
    assert ["planned", "implemented"] == [s["category"] for s in history]
    assert ["rapport.txt", "nyt.txt"] == [s["source"]["file"] for s in history]


async def test_history_is_oldest_first_whatever_the_import_order(service: KnowledgeService) -> None:
    newer = document(item(statuses=(status("completed", valid_from=date(2024, 1, 1)),)))
    older_status = status("in_progress", valid_from=date(2021, 5, 1), file="gammel.txt")
    older = document(item(file="gammel.txt", statuses=(older_status,)), file="gammel.txt")

    await _apply(service, newer, older)

    history = (await service.export())["agreements"][0]["status_history"]
    assert ["2021-05-01", "2024-01-01"] == [s["valid_from"] for s in history]


async def test_same_title_in_another_region_is_another_item(service: KnowledgeService) -> None:
    title = "Samarbejdsaftale om IV-behandling i nærområdet"
    await _apply(
        service,
        document(item(title, region=MIDT)),
        document(item(title, region=SYD, file="syd.txt"), file="syd.txt"),
    )

    ids = sorted(row["id"] for row in (await service.export())["agreements"])
    assert [
        "samarbejdsaftale-om-iv-behandling-i-naeromraadet-midtjylland",
        "samarbejdsaftale-om-iv-behandling-i-naeromraadet-syddanmark",
    ] == ids


async def test_a_longer_title_for_the_same_subject_matches_across_documents(
    service: KnowledgeService,
) -> None:
    short = item("Samarbejdsaftale om sundhedsvisitationer i alle klynger")
    long_title = "Samarbejdsaftale om sundhedsvisitationer for somatik og psykiatri i alle klynger"
    long = item(long_title, file="slut.txt")

    await _apply(service, document(short), document(long, file="slut.txt"))

    rows = (await service.export())["agreements"]
    assert 1 == len(rows)
    assert long_title in rows[0]["aliases"]
    assert 2 == len(rows[0]["status_history"])


async def test_one_word_subjects_never_match_loosely(service: KnowledgeService) -> None:
    agreement = item("Samarbejdsaftale om rygestop")
    declaration = item(
        "Hensigtserklæring om øget fokus på rygestop i almen praksis",
        file="andet.txt",
        kind="hensigtserklæring",
    )

    await _apply(service, document(agreement), document(declaration, file="andet.txt"))

    assert 2 == len((await service.export())["agreements"])


async def test_two_items_of_one_document_are_never_merged(service: KnowledgeService) -> None:
    first = item("Samarbejdsaftale om sundhedsvisitationer i alle klynger")
    second = item("Samarbejdsaftale om sundhedsvisitationer i alle klynger og psykiatri")

    await _apply(service, document(first, second))

    assert 2 == len((await service.export())["agreements"])


async def test_a_month_mention_becomes_the_dated_meeting(service: KnowledgeService) -> None:
    body = "Klyngestyregruppen Testklyngen"
    mention = meeting(body, date(2023, 11, 1), precision="month", file="a.txt")
    dated = meeting(body, date(2023, 11, 24), start_time=time(14), file="b.txt")

    await _apply(service, document(meetings=(mention,), file="a.txt"))
    await _apply(service, document(meetings=(dated,), file="b.txt"))

    meetings = (await service.export())["meetings"]
    assert [("2023-11-24", "day", "14:00")] == [
        (m["date"], m["date_precision"], m["start_time"]) for m in meetings
    ]
    assert ["a.txt", "b.txt"] == [s["file"] for s in meetings[0]["sources"]]


async def test_minutes_make_a_planned_meeting_held(service: KnowledgeService) -> None:
    planned = meeting(state="planned", file="plan.txt")
    held = meeting(state="held", file="referat.txt", agenda=agenda("Velkomst", "Budget"))

    await _apply(service, document(meetings=(planned,), file="plan.txt"))
    await _apply(service, document(meetings=(held,), file="referat.txt"))

    [row] = (await service.export())["meetings"]
    assert "held" == row["state"]
    assert ["Velkomst", "Budget"] == [a["title"] for a in row["agenda"]]


async def test_dry_run_reports_changes_and_writes_nothing(service: KnowledgeService) -> None:
    reports = await _apply(service, document(item(), meetings=(meeting(),)), dry_run=True)

    assert ["add item", "add status", "add meeting"] == [c.action for c in reports[0].changes]
    assert await service.is_empty()


async def test_numbers_tell_titles_apart(service: KnowledgeService) -> None:
    first = item("Samarbejdsaftale om fodpleje i Viborg nr. 1")
    tenth = item("Samarbejdsaftale om fodpleje i Viborg nr. 10", file="andet.txt")

    await _apply(service, document(first), document(tenth, file="andet.txt"))

    assert 2 == len((await service.export())["agreements"])


async def test_a_short_subject_inside_a_much_longer_title_is_another_item(
    service: KnowledgeService,
) -> None:
    project = item("Gode Overgange", item_type="initiative", kind="projekt")
    derived = item(
        "Fælles elementer fra projekt Gode Overgange til hele regionen",
        item_type="initiative",
        file="andet.txt",
    )

    await _apply(service, document(project), document(derived, file="andet.txt"))

    assert 2 == len((await service.export())["initiatives"])
