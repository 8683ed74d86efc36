"""A meeting's one serialised shape: the export schema's meeting, read back unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from knowledge.core.meeting_json import meeting_from_json, meeting_json

SCHEMA = Path(__file__).resolve().parents[3] / "knowledge" / "documents" / "export.schema.json"

FULL = {
    "id": "styregruppen-testklyngen-2024-05-03",
    "body": "Styregruppen Testklyngen",
    "region": "Region Midtjylland",
    "cluster": "Testklyngen",
    "date": "2024-05-03",
    "date_precision": "day",
    "start_time": "09:00",
    "end_time": "11:30",
    "place": "Mødelokale 2",
    "state": "held",
    "note": "Et møde skrevet til denne test.",
    "agenda": [{"number": "1", "title": "Velkomst", "decision": "Taget til efterretning."}],
    "sources": [{"file": "referat.txt", "heading": None}],
    "kind": "møde",
    "year_inferred": False,
    "participants": [{"name": "Anne Testesen", "role": "formand", "affiliation": None}],
    "absent": [],
}
BARE = {
    **FULL,
    "id": "styregruppen-testklyngen-2024-06",
    "date": "2024-06-01",
    "date_precision": "month",
    "state": "planned",
    **dict.fromkeys(("region", "cluster", "start_time", "end_time", "place", "note")),
    "agenda": [],
    "sources": [],
    "participants": [],
}


def test_the_shape_has_exactly_the_export_schemas_meeting_fields() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))

    assert sorted(schema["$defs"]["meeting"]["properties"]) == sorted(FULL)
    assert sorted(FULL) == sorted(meeting_json(meeting_from_json(FULL)))


@pytest.mark.parametrize("row", [FULL, BARE], ids=["full", "bare"])
def test_a_row_read_back_is_written_out_unchanged(row: dict[str, Any]) -> None:
    assert row == meeting_json(meeting_from_json(row))


def test_the_json_id_is_the_meetings_slug_not_its_row_id() -> None:
    meeting = meeting_from_json(FULL)

    assert (FULL["id"], None) == (meeting.slug, meeting.id)
