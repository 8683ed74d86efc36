"""Bodies and their members: stored with provenance, matched by name and region, bodies
nobody listed before are new bodies, and a newer document's roles win."""

from __future__ import annotations

from typing import Any

from knowledge.service import KnowledgeService
from tests.factories import MIDT, SYD, Member, body, document, source

BOARD = "Styregruppen for Testklyngen"
ANNE = Member("Anne Holm", "formand", "Testby Kommune")
BO = Member("Bo Lund", "medlem", "Region Midtjylland")


async def _bodies(service: KnowledgeService) -> list[dict[str, Any]]:
    return list((await service.export())["bodies"])


async def _load(service: KnowledgeService, file: str, *bodies: Any) -> Any:
    [report] = await service.apply_parsed([(document(file=file, bodies=bodies), f"sha-{file}")])
    return report


async def test_a_body_is_stored_with_its_members_and_where_they_were_read(
    service: KnowledgeService,
) -> None:
    where = source("side.html", "Om styregruppen", "Medlemmer", span=(120, 260))

    await _load(service, "side.html", body(BOARD, ANNE, BO, where=where))

    [stored] = await _bodies(service)
    assert ("styregruppen-for-testklyngen-midtjylland", BOARD, MIDT) == (
        stored["id"],
        stored["name"],
        stored["region"],
    )
    expected_source = {
        "file": "side.html",
        "heading": "Medlemmer",
        "path": ["Om styregruppen", "Medlemmer"],
        "start": 120,
        "end": 260,
    }
    assert [expected_source] == stored["sources"]
    assert [
        {"name": "Anne Holm", "role": "formand", "affiliation": "Testby Kommune"},
        {"name": "Bo Lund", "role": "medlem", "affiliation": "Region Midtjylland"},
    ] == [{k: m[k] for k in ("name", "role", "affiliation")} for m in stored["members"]]
    assert [expected_source] * 2 == [m["source"] for m in stored["members"]]


async def test_a_newer_document_changes_roles_adds_members_and_keeps_the_rest(
    service: KnowledgeService,
) -> None:
    await _load(service, "2023.txt", body(BOARD, ANNE, BO, where=source("2023.txt", "Ledelse")))
    new_chair = Member("Bo Lund", "formand", None)
    carl = Member("Carl Ravn", "sekretær", "Testby Kommune")

    report = await _load(
        service, "2024.txt", body(BOARD, new_chair, carl, where=source("2024.txt", "Ledelse"))
    )

    [stored] = await _bodies(service)
    assert [
        ("Anne Holm", "formand", "2023.txt"),
        ("Bo Lund", "formand", "2024.txt"),
        ("Carl Ravn", "sekretær", "2024.txt"),
    ] == [(m["name"], m["role"], m["source"]["file"]) for m in stored["members"]]
    assert "Region Midtjylland" == stored["members"][1]["affiliation"], "not said: kept"
    assert ["update member", "add member"] == [c.action for c in report.changes]
    assert (0, 1, 0) == (report.bodies.added, report.bodies.changed, report.bodies.unchanged)


async def test_the_same_list_again_changes_nothing(service: KnowledgeService) -> None:
    listed = body(BOARD, ANNE, BO, where=source("a.txt", "Ledelse"))
    await _load(service, "a.txt", listed)
    before = await service.export()

    report = await _load(service, "b.txt", body(BOARD, ANNE, BO, where=source("b.txt", "Ledelse")))

    assert (0, 0, 1) == (report.bodies.added, report.bodies.changed, report.bodies.unchanged)
    assert before["bodies"][0]["members"] == (await _bodies(service))[0]["members"]


async def test_a_name_without_region_is_the_one_body_of_that_name(
    service: KnowledgeService,
) -> None:
    await _load(service, "a.txt", body(BOARD, ANNE, where=source("a.txt", "Ledelse")))

    await _load(service, "b.txt", body(BOARD, BO, where=source("b.txt", "Ledelse"), region=None))

    [stored] = await _bodies(service)
    assert ["Anne Holm", "Bo Lund"] == [m["name"] for m in stored["members"]]


async def test_the_same_name_in_two_regions_is_two_bodies(service: KnowledgeService) -> None:
    name = "Sundhedssamarbejdsudvalget"

    await _load(service, "midt.txt", body(name, ANNE, where=source("midt.txt", "Udvalg")))
    await _load(service, "syd.txt", body(name, BO, where=source("syd.txt", "Udvalg"), region=SYD))

    assert [
        ("sundhedssamarbejdsudvalget-midtjylland", ["Anne Holm"]),
        ("sundhedssamarbejdsudvalget-syddanmark", ["Bo Lund"]),
    ] == [(b["id"], [m["name"] for m in b["members"]]) for b in await _bodies(service)]


async def test_a_body_no_list_knows_is_a_new_body(service: KnowledgeService) -> None:
    report = await _load(
        service, "nyt.txt", body("Arbejdsgruppen for Havnebadet", ANNE, where=source("nyt.txt"))
    )

    assert ["add body", "add member"] == [c.action for c in report.changes]
    assert ["Arbejdsgruppen for Havnebadet"] == [b["name"] for b in await _bodies(service)]
