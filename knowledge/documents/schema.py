"""Checks an export file against `export.schema.json` before anything is restored.

The schema is the export format's documentation too; jsonschema reports where a file
goes wrong ("agreements/3/status_history/0/category"), and dates are checked for
existing days on top, since a pattern cannot tell 2023-02-31 from 2023-02-28, and so are
ids: no two rows of a list share one, and a document is superseded only by one in the file.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from knowledge.core.errors import RestoreError

SCHEMA_FILE = Path(__file__).with_name("export.schema.json")


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))


def _where(path: Any) -> str:
    return "/".join(str(part) for part in path) or "(top level)"


def _check_dates(data: dict[str, Any], file: str) -> None:
    for key in ("agreements", "initiatives"):
        for n, item in enumerate(data[key]):
            for m, status in enumerate(item["status_history"]):
                for field in ("valid_from", "valid_to"):
                    _real_date(status.get(field), file, f"{key}/{n}/status_history/{m}/{field}")
            for m, key_date in enumerate(item.get("dates", [])):
                for field in ("date", "date_end"):
                    _real_date(key_date.get(field), file, f"{key}/{n}/dates/{m}/{field}")
    for n, meeting in enumerate(data["meetings"]):
        _real_date(meeting["date"], file, f"meetings/{n}/date")
    for n, document in enumerate(data.get("documents", [])):
        _real_date(document.get("document_date"), file, f"documents/{n}/document_date")


def _check_ids(data: dict[str, Any], file: str) -> None:
    keyed = {"agreements": "id", "initiatives": "id", "meetings": "id", "bodies": "id"}
    for key, field in {**keyed, "documents": "sha256"}.items():
        counts = Counter(row[field] for row in data.get(key, []))
        duplicates = sorted(i for i, n in counts.items() if n > 1)
        if duplicates:
            raise RestoreError(f"{file}: {key}: duplicate {field} {duplicates[0]!r}")
    shas = {row["sha256"] for row in data.get("documents", [])}
    for n, document in enumerate(data.get("documents", [])):
        newer = document.get("superseded_by")
        if newer is not None and newer not in shas:
            where = f"documents/{n}/superseded_by"
            raise RestoreError(f"{file}: {where}: no document {newer!r} in the export")


def _real_date(value: str | None, file: str, where: str) -> None:
    if value is None:
        return
    try:
        date.fromisoformat(value)
    except ValueError:
        raise RestoreError(f"{file}: {where}: {value!r} is not a real date") from None


def validate_export(data: Any, file: str) -> None:
    """Raise RestoreError naming the file and the first place that breaks the schema."""
    error = next(iter(sorted(_validator().iter_errors(data), key=lambda e: list(e.path))), None)
    if error is not None:
        raise RestoreError(f"{file}: {_where(error.absolute_path)}: {error.message}")
    _check_dates(data, file)
    _check_ids(data, file)
