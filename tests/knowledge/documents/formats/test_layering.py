"""The formats package is the bottom of the documents room: it imports core and itself."""

from __future__ import annotations

from tests.test_layering import ROOT, imports_under


def test_formats_imports_only_core_and_itself() -> None:
    allowed = ("knowledge.core", "knowledge.documents.formats")
    found = imports_under(ROOT, "knowledge/documents/formats")
    wrong = [
        f"{i.module}:{i.line} imports {i.target}"
        for i in found
        if i.target.startswith("knowledge") and not i.target.startswith(allowed)
    ]
    assert [] == wrong
