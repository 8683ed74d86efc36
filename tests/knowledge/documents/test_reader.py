"""The general reader: acceptance, title, date and sections of any text."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.core.errors import UnknownDocument
from knowledge.core.periods import Period
from knowledge.documents.reader import TEXT_ONLY, read_document
from knowledge.documents.shapes import parse_document, status_report

PAGE = """\
# source: https://www.rm.dk/sundhed/eksempel
# retrieved: 2026-12-07
# partial: slutter midt i en sætning
Abonnér

Referat
til
mødet i Udvalget for sundhed og omsorg
den 4. juni 2025 kl. 09:00
i Rådhuset, mødelokale 1

1. Orientering om samarbejdet

Sagsfremstilling

Udvalget får en orientering om samarbejdet med almen praksis.
"""


def test_any_text_with_content_is_accepted_at_worst_as_text_only() -> None:
    document = read_document("liste.txt", "mælk\nbrød\nkaffe\n")

    assert TEXT_ONLY == document.shape
    assert [((), "mælk\nbrød\nkaffe\n")] == [(s.path, s.text) for s in document.sections]


@pytest.mark.parametrize("text", ["", "   \n\n", "# source: https://x.dk/a\n# retrieved: 2026\n"])
def test_an_empty_text_is_refused_saying_why(text: str) -> None:
    with pytest.raises(UnknownDocument) as refused:
        read_document("tom.txt", text)
    assert "tom.txt" == refused.value.file


def test_comment_lines_are_no_section_and_the_retrieval_date_is_not_the_documents() -> None:
    document = read_document("side.txt", PAGE)

    assert PAGE.index("Abonnér") == document.sections[0].start
    assert Period.day(date(2025, 6, 4)) == document.document_date
    assert "https://www.rm.dk/sundhed/eksempel" == document.source_url


def test_a_bare_referat_title_takes_the_lines_that_follow_it() -> None:
    document = read_document("side.txt", PAGE)

    assert document.title.startswith("Referat til mødet i Udvalget for sundhed og omsorg den 4.")


def test_the_format_and_a_given_title_and_date_are_kept() -> None:
    day = Period.day(date(2024, 1, 2))
    document = read_document(
        "a.pdf", "Tekst her.\n", title="Min titel", document_date=day, format="pdf"
    )

    assert ("Min titel", day, "pdf") == (document.title, document.document_date, document.format)


REPORT = """\
# source: https://www.example.dk/status
# retrieved: 2026-12-07
Status på aftaler

Region Midtjylland, kommunerne og PLO-Midtjylland

Samarbejdsaftale om fodpleje

Hvad: Fælles indsats for borgere med diabetes.

Status: Aftalen er implementeret i hele regionen.

Projekt om hjemmetræning

Hvad: Træning i eget hjem efter udskrivelse.

Status: Projektet pågår.
"""


def test_a_known_shape_under_comment_lines_is_still_read_precisely_with_sections() -> None:
    document = parse_document("status.txt", REPORT)

    assert status_report.NAME == document.shape
    assert ["Samarbejdsaftale om fodpleje", "Projekt om hjemmetræning"] == [
        item.title for item in document.items
    ]
    assert REPORT.index("Status på aftaler") == document.sections[0].start
    assert REPORT.splitlines().index("Samarbejdsaftale om fodpleje") + 1 == document.items[0].line
