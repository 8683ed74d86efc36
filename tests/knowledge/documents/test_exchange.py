"""Export and restore: the schema, byte-identical round trips, refusing bad files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from knowledge.core.errors import RestoreError
from knowledge.documents.exchange import dumps
from knowledge.service import KnowledgeService
from knowledge.updates.contract import Author, UpdateRequest
from tests.factories import SYD, agenda, document, item, meeting, status


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

    assert ["agreements", "initiatives", "meetings", "schema_version"] == sorted(data)
    assert 1 == data["schema_version"]
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
        (lambda d: d.update(schema_version=2), "schema_version"),
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
