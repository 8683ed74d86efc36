"""Importing parsed documents: new items, newer statuses, idempotency, matching, meetings."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any

from knowledge.documents.changes import Change
from knowledge.documents.records import AgendaItem, StatusRecord
from knowledge.service import KnowledgeService
from tests.factories import (
    MIDT,
    SYD,
    Member,
    agenda,
    document,
    item,
    key_date,
    meeting,
    source,
    status,
)


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


FODPLEJE = "Samarbejdsaftale om fodpleje"


def _dated(file: str, *dates: Any) -> Any:
    return document(item(FODPLEJE, file=file, statuses=(), dates=dates), file=file)


async def test_key_dates_are_kept_with_what_they_mean_and_where(
    service: KnowledgeService,
) -> None:
    where = source("rapport.txt", "Aftaler", FODPLEJE, span=(40, 75))
    approved = key_date("approved", date(2023, 3, 1), "1. marts", where, year_inferred=True)
    undated = key_date("evaluated", None, "uge 43", where)

    await _apply(service, _dated("rapport.txt", approved, undated))

    [row] = (await service.export())["agreements"]
    assert [
        {
            "what": "evaluated",
            "date": None,
            "date_precision": None,
            "date_end": None,
            "year_inferred": False,
            "text": "uge 43",
            "source": {
                "file": "rapport.txt",
                "heading": FODPLEJE,
                "path": ["Aftaler", FODPLEJE],
                "start": 40,
                "end": 75,
            },
        },
        {
            "what": "approved",
            "date": "2023-03-01",
            "date_precision": "day",
            "date_end": None,
            "year_inferred": True,
            "text": "1. marts",
            "source": {
                "file": "rapport.txt",
                "heading": FODPLEJE,
                "path": ["Aftaler", FODPLEJE],
                "start": 40,
                "end": 75,
            },
        },
    ] == row["dates"]


async def test_a_newer_document_adds_key_dates_and_the_same_again_adds_none(
    service: KnowledgeService,
) -> None:
    old = key_date("approved", date(2023, 3, 1), "1. marts 2023", source("a.txt", FODPLEJE))
    restated = replace(old, source=source("b.txt", FODPLEJE))
    new = key_date("in_force", date(2023, 5, 1), "1. maj 2023", source("b.txt", FODPLEJE))

    await _apply(service, _dated("a.txt", old))
    [again, newer] = await _apply(service, _dated("a.txt", old), _dated("b.txt", restated, new))

    [row] = (await service.export())["agreements"]
    assert [("approved", "a.txt"), ("approved", "b.txt"), ("in_force", "b.txt")] == [
        (d["what"], d["source"]["file"]) for d in row["dates"]
    ]
    assert ((), ["add date", "add date"]) == (again.changes, [c.action for c in newer.changes])
    assert (0, 1, 0) == (newer.items.added, newer.items.changed, newer.items.unchanged)


async def test_statuses_and_item_sources_keep_their_heading_path_and_span(
    service: KnowledgeService,
) -> None:
    where = source("rapport.txt", "Forebyggelse", FODPLEJE, span=(10, 200))
    entry = StatusRecord("in_progress", "I gang i alle kommuner.", None, where, "Rapport")
    record = replace(item(FODPLEJE, statuses=(entry,)), source=where)

    await _apply(service, document(record))

    [row] = (await service.export())["agreements"]
    expected = {
        "file": "rapport.txt",
        "heading": FODPLEJE,
        "path": ["Forebyggelse", FODPLEJE],
        "start": 10,
        "end": 200,
    }
    assert [expected] == row["sources"]
    assert expected == row["status_history"][0]["source"]


async def test_agenda_items_keep_case_text_recommendation_and_source(
    service: KnowledgeService,
) -> None:
    where = source("referat.txt", "Punkt 2: Budget", span=(300, 900))
    point = AgendaItem(
        "2",
        "Budget",
        "Godkendt.",
        "Budgettet for 2024 forelægges.",
        "At budgettet godkendes.",
        where,
    )
    minutes = meeting(state="held", agenda=(AgendaItem("1", "Velkomst"), point))

    await _apply(service, document(meetings=(minutes,), file="referat.txt"))

    [row] = (await service.export())["meetings"]
    assert [
        {"number": "1", "title": "Velkomst", "decision": None},
        {
            "number": "2",
            "title": "Budget",
            "decision": "Godkendt.",
            "case_text": "Budgettet for 2024 forelægges.",
            "recommendation": "At budgettet godkendes.",
            "source": {
                "file": "referat.txt",
                "heading": "Punkt 2: Budget",
                "path": ["Punkt 2: Budget"],
                "start": 300,
                "end": 900,
            },
        },
    ] == row["agenda"]


async def test_minutes_fill_the_decisions_an_agenda_lacked(service: KnowledgeService) -> None:
    plan = meeting(agenda=(AgendaItem("1", "Budget"),), file="dagsorden.txt")
    decided = AgendaItem("1", "Budget", "Godkendt.", "Budgettet forelægges.")
    minutes = meeting(state="held", agenda=(decided,), file="referat.txt")

    await _apply(service, document(meetings=(plan,), file="dagsorden.txt"))
    [report] = await _apply(service, document(meetings=(minutes,), file="referat.txt"))

    [row] = (await service.export())["meetings"]
    assert [
        {
            "number": "1",
            "title": "Budget",
            "decision": "Godkendt.",
            "case_text": "Budgettet forelægges.",
        }
    ] == row["agenda"]
    assert ["update meeting"] == [c.action for c in report.changes]


async def test_a_meeting_keeps_its_kind_and_who_came(service: KnowledgeService) -> None:
    anne = Member("Anne Holm", "formand", "Testby Kommune")
    workshop = meeting(
        kind="workshop",
        year_inferred=True,
        participants=(anne,),
        absent=(Member("Bo Lund"),),
        state="held",
    )

    await _apply(service, document(meetings=(workshop,)))

    [row] = (await service.export())["meetings"]
    assert ("workshop", True) == (row["kind"], row["year_inferred"])
    assert [{"name": "Anne Holm", "role": "formand", "affiliation": "Testby Kommune"}] == row[
        "participants"
    ]
    assert [{"name": "Bo Lund", "role": None, "affiliation": None}] == row["absent"]


async def test_a_later_mention_fills_a_meetings_kind_year_and_people(
    service: KnowledgeService,
) -> None:
    mention = meeting(year_inferred=True, file="plan.txt")
    minutes = meeting(
        kind="temadag", state="held", participants=(Member("Anne Holm"),), file="referat.txt"
    )

    await _apply(service, document(meetings=(mention,), file="plan.txt"))
    [report] = await _apply(service, document(meetings=(minutes,), file="referat.txt"))

    [row] = (await service.export())["meetings"]
    assert ("temadag", False, ["Anne Holm"]) == (
        row["kind"],
        row["year_inferred"],
        [p["name"] for p in row["participants"]],
    )
    assert [Change("update meeting", row["id"], "state, kind, year, participants")] == list(
        report.changes
    )


async def test_a_report_counts_records_added_changed_and_unchanged(
    service: KnowledgeService,
) -> None:
    await _apply(service, document(item(FODPLEJE), meetings=(meeting(),)))
    newer = status("implemented", "I drift.", date(2024, 1, 1), file="nyt.txt", heading=FODPLEJE)
    again = document(
        item(FODPLEJE, file="nyt.txt", statuses=(newer,)),
        item("Samarbejdsaftale om tandpleje", file="nyt.txt"),
        meetings=(meeting(file="nyt.txt"),),
        file="nyt.txt",
    )

    [report] = await _apply(service, again, dry_run=True)

    assert [
        "sections: 0 stored, 0 kept as text only",
        "items: 1 added, 1 changed, 0 unchanged",
        "meetings: 0 added, 0 changed, 1 unchanged",
        "bodies: 0 added, 0 changed, 0 unchanged",
    ] == report.details()
