"""Bodies with their members, read from whole documents."""

from __future__ import annotations

from knowledge.documents.reader import read_document
from knowledge.documents.records import BodyRecord, Member

COMMITTEE = """\
# source: https://www.regionsjaelland.dk/politik/eksempeludvalget
Sundhedsudvalget Øst

Udvalget drøfter samarbejdet mellem sygehuse, kommuner og praksis.

Medlemmer af Sundhedsudvalget Øst

Region

 • Formand Eva Holm (B), Regionsrådet
 • Per Lund (V), Regionsrådet

Kommuner

 • Kommunaldirektør Ida Berg, Køge Kommune

Administrativ kontaktperson
Chefkonsulent Bo Dahl
"""

CLUSTERS = """\
Klynger

Kommunerne er organiseret i klynger.

Klynge Øst
Formand: Anne Holm, direktør, Hillerød Kommune (ah@example.dk)
Sekretær: Carl Berg, konsulent, Hillerød Kommune

Klynge Vest
Formand: Dorte Lund, sundhedschef, Gentofte Kommune
"""


def _bodies(text: str) -> dict[str, BodyRecord]:
    return {body.name: body for body in read_document("x.txt", text).bodies}


def test_a_committee_page_lists_its_members_by_group_with_the_chair() -> None:
    body = _bodies(COMMITTEE)["Sundhedsudvalget Øst"]

    assert [
        Member("Eva Holm", "formand", "B, Regionsrådet"),
        Member("Per Lund", None, "V, Regionsrådet"),
        Member("Ida Berg", "kommunaldirektør", "Køge Kommune"),
        Member("Bo Dahl", "chefkonsulent", None),
    ] == list(body.members)
    assert "Region Sjælland" == body.region


def test_members_belong_to_the_body_whose_heading_they_stand_under() -> None:
    bodies = _bodies(CLUSTERS)

    assert [("Anne Holm", "formand"), ("Carl Berg", "sekretær")] == [
        (member.name, member.role) for member in bodies["Klynge Øst"].members
    ]
    assert [("Dorte Lund", "formand")] == [
        (member.name, member.role) for member in bodies["Klynge Vest"].members
    ]
    assert "Region Hovedstaden" == bodies["Klynge Øst"].region
    assert None is bodies["Klynge Øst"].cluster


def test_a_body_records_where_it_was_read() -> None:
    body = _bodies(CLUSTERS)["Klynge Vest"]

    assert ("x.txt", CLUSTERS.index("Klynge Vest")) == (body.source.file, body.source.start)
