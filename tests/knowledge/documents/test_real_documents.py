"""The general reader over the real documents in ../shared: every one is accepted.

The dev documents (../shared/devset/documents, with what a careful reader takes from each
in documents.json) and the seeds are data we did not write: nothing of them is copied
here; the tests read them at run time and skip when they are absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from knowledge.documents.headers import read_header
from knowledge.documents.records import ParsedDocument
from knowledge.documents.shapes import parse_document

ROOT = Path(__file__).resolve().parents[3]
DEVSET = ROOT.parent / "shared" / "devset" / "documents"
SEEDS = ROOT.parent / "shared" / "seeds"
FILES = sorted(DEVSET.glob("[0-9]*.txt")) + sorted(SEEDS.glob("[0-9]*.txt"))

pytestmark = pytest.mark.skipif(
    not DEVSET.is_dir() or not SEEDS.is_dir(),
    reason=f"real documents not found at {DEVSET} and {SEEDS}",
)


def _parse(path: Path) -> tuple[str, ParsedDocument]:
    text = path.read_text(encoding="utf-8")
    return text, parse_document(path.name, text)


def _expected() -> dict[str, dict[str, Any]]:
    data = json.loads((DEVSET / "documents.json").read_text(encoding="utf-8"))
    return {entry["file"]: entry for entry in data["documents"]}


def test_all_twenty_dev_documents_and_five_seeds_are_there() -> None:
    assert (20, 5) == (len(list(DEVSET.glob("[0-9]*.txt"))), len(list(SEEDS.glob("[0-9]*.txt"))))


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_every_document_is_accepted_and_its_sections_cover_its_text(path: Path) -> None:
    text, document = _parse(path)

    body = text[read_header(text).end :]
    assert body == "".join(section.text for section in document.sections)
    assert document.title


@pytest.mark.parametrize("path", FILES, ids=[path.name for path in FILES])
def test_the_source_comment_is_kept_and_the_retrieval_date_is_never_the_documents(
    path: Path,
) -> None:
    text, document = _parse(path)

    assert read_header(text).source_url == document.source_url
    retrieved = read_header(text).get("retrieved")
    assert (
        retrieved is None
        or document.document_date is None
        or (retrieved != document.document_date.iso())
    )
