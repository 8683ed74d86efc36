"""Where a fact was read, in the two forms the knowledge base keeps it.

As JSON (items', meetings', bodies' and agenda items' `sources`): `{"file", "heading"}`
and, when the reader knew them, `"path"` (the heading path, a list) and `"start"`/`"end"`
(the span in the document's text). Keys a reader did not know are left out, so sources
of documents read before spans existed look as they always did. As columns (status
entries, key dates, members: `knowledge.core.models.Provenance`): the same five, null
when unknown. The export writes both as the JSON form.
"""

from __future__ import annotations

from typing import Any

from knowledge.core.models import Provenance
from knowledge.documents.records import Source


def as_json(source: Source) -> dict[str, Any]:
    found: dict[str, Any] = {"file": source.file, "heading": source.heading}
    if source.path:
        found["path"] = list(source.path)
    if source.start is not None:
        found["start"] = source.start
    if source.end is not None:
        found["end"] = source.end
    return found


def as_columns(source: Source) -> dict[str, Any]:
    return {"source_file": source.file, "source_heading": source.heading, **span_columns(source)}


def span_columns(source: Source) -> dict[str, Any]:
    """The heading path and span columns alone (file and heading are identity fields)."""
    return {
        "source_path": list(source.path) if source.path else None,
        "source_start": source.start,
        "source_end": source.end,
    }


def columns_as_json(row: Provenance) -> dict[str, Any] | None:
    """The JSON form of a row's columns; None for a row no document gave (a chat entry)."""
    if row.source_file is None:
        return None
    found: dict[str, Any] = {"file": row.source_file, "heading": row.source_heading}
    if row.source_path:
        found["path"] = list(row.source_path)
    if row.source_start is not None:
        found["start"] = row.source_start
    if row.source_end is not None:
        found["end"] = row.source_end
    return found


def json_as_columns(source: dict[str, Any] | None) -> dict[str, Any]:
    source = source or {}
    return {
        "source_file": source.get("file"),
        "source_heading": source.get("heading"),
        "source_path": list(source["path"]) if source.get("path") else None,
        "source_start": source.get("start"),
        "source_end": source.get("end"),
    }
