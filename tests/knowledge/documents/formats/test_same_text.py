"""One text as .txt, .docx, .html and .pdf reads as the same headings, paragraphs, items
and table cells (the records built from them are compared by the document reader's tests).
Texts we did not write (../shared) are rendered at run time and never committed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from knowledge.documents.formats import read_file
from tests.knowledge.documents.formats.documents import (
    MINUTES,
    long_minutes,
    pdf_safe,
    plain_to_docx,
    plain_to_pdf,
    to_docx,
    to_html,
    to_pdf,
    to_text,
)

SHARED = Path(__file__).resolve().parents[4].parent / "shared"
DEVSET = SHARED / "devset" / "documents"
SEEDS = SHARED / "seeds"


def lines(text: str) -> list[str]:
    """The text's lines, white space collapsed, blank lines gone."""
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize(
    ("sample", "header"),
    [(MINUTES, None), (long_minutes(12), "Sundhedsforum Nord · Referat")],
    ids=["one page", "four pages with a running header"],
)
def test_the_same_text_reads_the_same_in_every_format(sample: object, header: str | None) -> None:
    expected = lines(to_text(sample))  # type: ignore[arg-type]
    files = {
        "a.txt": to_text(sample).encode(),  # type: ignore[arg-type]
        "a.html": to_html(sample).encode(),  # type: ignore[arg-type]
        "a.docx": to_docx(sample),  # type: ignore[arg-type]
        "a.pdf": to_pdf(sample, header=header),  # type: ignore[arg-type]
    }
    read = {name: lines(read_file(name, data).text) for name, data in files.items()}
    assert {name: expected for name in files} == read


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def _shared_texts() -> list[Path]:
    return sorted(DEVSET.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))


@pytest.mark.seeds
@pytest.mark.skipif(
    not (DEVSET.is_dir() or SEEDS.is_dir()), reason=f"no dev documents or seeds in {SHARED}"
)
@pytest.mark.parametrize("path", _shared_texts(), ids=lambda path: path.name)
def test_a_shared_text_made_into_docx_and_pdf_reads_back_word_for_word(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    from_word = read_file(path.with_suffix(".docx").name, plain_to_docx(text))
    from_pdf = read_file(path.with_suffix(".pdf").name, plain_to_pdf(text))
    assert (words(text), words(pdf_safe(text))) == (words(from_word.text), words(from_pdf.text))
