"""Export and restore: the schema (version 2, and version 1 files restoring), byte-identical
round trips of everything a document gave, refusing bad files."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from knowledge.core.errors import RestoreError
from knowledge.core.periods import Period
from knowledge.documents.exchange import dumps
from knowledge.documents.records import AgendaItem
from knowledge.service import KnowledgeService
from knowledge.updates.contract import Author, UpdateRequest
from tests.factories import (
    SYD,
    Member,
    agenda,
    body,
    document,
    item,
    key_date,
    meeting,
    sectioned,
    source,
    status,
)


async def _fill(service: KnowledgeService) -> None:
    statuses = (
        status("planned", valid_from=None),
        status("implemented", "I drift i alle kommuner.", date(2023, 5, 1)),
    )
    doc = document(
        item("Samarbejdsaftale om fodpleje", statuses=statuses, parties=("Region", "Kommuner")),
        item("Projekt Varm Velkomst", item_type="initiative", kind="projekt", region=SYD),
        meetings=(meeting(state="held", agenda=agenda("Velkomst", "Økonomi"), place="Lokale 1"),),
    )
    await service.apply_parsed([(doc, "sha")])


async def test_export_has_the_documented_shape(service: KnowledgeService) -> None:
    await _fill(service)

    data = await service.export()

    expected = ["agreements", "bodies", "documents", "initiatives", "meetings", "schema_version"]
    assert expected == sorted(data)
    assert 2 == data["schema_version"]
    history = data["agreements"][0]["status_history"]
    assert [None, "2023-05-01"] == [entry["valid_from"] for entry in history]
    assert {"author", "category", "source", "text", "valid_from"} <= set(history[0])
    assert "projekt-varm-velkomst-syddanmark" == data["initiatives"][0]["id"]
    assert "Lokale 1" == data["meetings"][0]["place"]


async def test_two_exports_of_the_same_data_are_byte_identical(service: KnowledgeService) -> None:
    await _fill(service)

    assert dumps(await service.export()) == dumps(await service.export())


async def test_export_import_export_round_trips_byte_for_byte(
    service: KnowledgeService, tmp_path: Path, sqlite_url: str
) -> None:
    await _fill(service)
    first = dumps(await service.export())
    dump = tmp_path / "kb.json"
    dump.write_text(first, encoding="utf-8")
    await service.restore(dump, replace=True)

    assert first == dumps(await service.export())


async def test_restore_into_a_non_empty_database_needs_replace(
    service: KnowledgeService, tmp_path: Path
) -> None:
    await _fill(service)
    dump = tmp_path / "kb.json"
    dump.write_text(dumps(await service.export()), encoding="utf-8")

    with pytest.raises(RestoreError, match="not empty; use --replace"):
        await service.restore(dump)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(schema_version=3), "schema_version"),
        (lambda d: d["agreements"][0].update(title=""), "agreements/0/title"),
        (
            lambda d: d["agreements"][0]["status_history"][0].update(category="done"),
            "agreements/0/status_history/0/category",
        ),
        (lambda d: d["meetings"][0].update(date="2023-02-31"), "is not a real date"),
        (lambda d: d["initiatives"].append(dict(d["initiatives"][0])), "duplicate id"),
    ],
)
async def test_a_broken_export_is_refused_naming_where(
    service: KnowledgeService, tmp_path: Path, mutate: object, message: str
) -> None:
    await _fill(service)
    data = await service.export()
    mutate(data)  # type: ignore[operator]
    dump = tmp_path / "kb.json"
    dump.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(RestoreError, match=message):
        await service.restore(dump, replace=True)
    assert 1 == len((await service.export())["agreements"]), "nothing was lost"


async def test_invalid_json_names_the_line(service: KnowledgeService, tmp_path: Path) -> None:
    dump = tmp_path / "kb.json"
    dump.write_text('{\n  "schema_version": 1,\n  oops\n}', encoding="utf-8")

    with pytest.raises(RestoreError, match=r"kb.json:3: not valid JSON"):
        await service.restore(dump)


async def test_a_chat_update_round_trips_byte_for_byte_with_its_author(
    service: KnowledgeService, tmp_path: Path
) -> None:
    await _fill(service)
    slug = "samarbejdsaftale-om-fodpleje-midtjylland"
    current = await service.current_status(slug)
    author = Author("aad-anne", "Anne Jensen")
    await service.update_status(
        UpdateRequest(slug, "paused", "Sat på pause.", author, "dialog-1", current.current_entry_id)
    )
    first = dumps(await service.export())
    dump = tmp_path / "kb.json"
    dump.write_text(first, encoding="utf-8")
    await service.restore(dump, replace=True)

    assert first == dumps(await service.export())
    newest = json.loads(first)["agreements"][0]["status_history"][-1]
    assert ("Anne Jensen", "aad-anne", None) == (
        newest["author"],
        newest["author_id"],
        newest["source"],
    )
    assert newest["recorded_at"].endswith("+00:00")
    assert "author_id" not in json.loads(first)["agreements"][0]["status_history"][0]
    again = await service.update_status(
        UpdateRequest(slug, "paused", "Sat på pause.", author, "dialog-1", current.current_entry_id)
    )
    assert True is getattr(again, "duplicate", None)  # exactly once also after a restore


TEXT = "Indledning.\n# Aftaler\nOm fodpleje.\n# Udvalg\nAnne Holm er formand.\n"


async def _fill_everything(service: KnowledgeService) -> None:
    """Sections, two versions of a file, key dates, spans, agenda texts, people, bodies."""
    where = source("plan.md", "Aftaler", span=(12, 35))
    approved = key_date("approved", date(2023, 3, 1), "1. marts", where, year_inferred=True)
    agreement = replace(item("Samarbejdsaftale om fodpleje", dates=(approved,)), source=where)
    point = AgendaItem("1", "Budget", "Godkendt.", "Sagen kort.", "At det godkendes.", where)
    workshop = meeting(
        kind="workshop", agenda=(point,), participants=(Member("Anne Holm", "formand"),)
    )
    board = body("Styregruppen for Testklyngen", Member("Anne Holm", "formand"), where=where)
    first = document(
        agreement,
        meetings=(workshop,),
        file="plan.md",
        sections=sectioned(TEXT),
        bodies=(board,),
        format="markdown",
        source_url="https://example.org/plan",
    )
    second = replace(first, document_date=Period.day(date(2024, 1, 1)), items=(), meetings=())
    await service.apply_parsed([(first, "sha-1", TEXT), (second, "sha-2", TEXT + "Mere.\n")])


async def test_everything_round_trips_byte_for_byte(
    service: KnowledgeService, tmp_path: Path
) -> None:
    await _fill_everything(service)
    first = dumps(await service.export())
    dump = tmp_path / "kb.json"
    dump.write_text(first, encoding="utf-8")

    counts = await service.restore(dump, replace=True)

    assert first == dumps(await service.export())
    assert (1, 2) == (counts["bodies"], counts["documents"])
    assert [("sha-1", "sha-2"), ("sha-2", None)] == [
        (d["sha256"], d["superseded_by"]) for d in json.loads(first)["documents"]
    ]
    assert [] == [p async for p in service.passages() if p.current and p.file != "plan.md"]


async def test_importing_the_documents_again_after_a_restore_adds_nothing(
    service: KnowledgeService, tmp_path: Path
) -> None:
    await _fill_everything(service)
    first = dumps(await service.export())
    dump = tmp_path / "kb.json"
    dump.write_text(first, encoding="utf-8")
    await service.restore(dump, replace=True)

    await _fill_everything(service)

    assert first == dumps(await service.export())


async def test_a_version_1_export_restores_with_the_new_fields_empty(
    service: KnowledgeService, tmp_path: Path
) -> None:
    """What an older Klyngebot wrote: no bodies, documents, key dates, meeting kinds."""
    await _fill(service)
    new = await service.export()
    old = {k: v for k, v in copy.deepcopy(new).items() if k not in ("bodies", "documents")}
    old["schema_version"] = 1
    for row in (*old["agreements"], *old["initiatives"]):
        del row["dates"]
    for row in old["meetings"]:
        for key in ("kind", "year_inferred", "participants", "absent"):
            del row[key]
    dump = tmp_path / "kb.json"
    dump.write_text(json.dumps(old), encoding="utf-8")

    await service.restore(dump, replace=True)

    assert {**new, "documents": []} == await service.export()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.pop("documents"), "'documents' is a required property"),
        (lambda d: d["documents"][0].update(superseded_by="sha-9"), "no document 'sha-9'"),
        (lambda d: d["documents"].append(dict(d["documents"][0])), "duplicate sha256"),
        (lambda d: d["bodies"][0]["members"][0].update(name=""), "bodies/0/members/0/name"),
        (lambda d: d["agreements"][0]["dates"][0].update(what="x"), "agreements/0/dates/0/what"),
    ],
)
async def test_a_broken_version_2_export_is_refused_naming_where(
    service: KnowledgeService, tmp_path: Path, mutate: object, message: str
) -> None:
    await _fill_everything(service)
    data = await service.export()
    mutate(data)  # type: ignore[operator]
    dump = tmp_path / "kb.json"
    dump.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(RestoreError, match=message):
        await service.restore(dump, replace=True)
