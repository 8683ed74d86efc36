"""People in documents: one person per line, role labels, prose lists."""

from __future__ import annotations

import pytest

from knowledge.documents.layout import read_lines
from knowledge.documents.members import in_lines, in_prose, is_name, people_in_list, person
from knowledge.documents.records import Member


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Anne Hansen, Testby Kommune", Member("Anne Hansen", None, "Testby Kommune")),
        ("Ole Dam, A", Member("Ole Dam", None, "A")),
        (
            "Lars Berg, overlæge, Sygehus Øst (fmd.)",
            Member("Lars Berg", "formand", "overlæge, Sygehus Øst"),
        ),
        ("Formand Eva Holm (B), Regionsrådet", Member("Eva Holm", "formand", "B, Regionsrådet")),
        (
            "Kommunaldirektør Per Lund, Testby Kommune",
            Member("Per Lund", "kommunaldirektør", "Testby Kommune"),
        ),
        ("Karen G. Madsen", Member("Karen G. Madsen", None, None)),
    ],
)
def test_a_person_line_gives_name_role_and_affiliation(line: str, expected: Member) -> None:
    assert expected == person(line)


@pytest.mark.parametrize(
    "line",
    [
        "Region Eksempel, Testby Kommune",
        "Testby Kommune",
        "Hanne Holm, Testby Kommune, indledte punktet.",
        "Der var enighed om forslaget",
    ],
)
def test_organisations_and_sentences_are_no_persons(line: str) -> None:
    assert None is person(line)


def test_a_name_is_two_to_four_capitalised_words_not_an_organisation() -> None:
    assert (True, False, False) == (
        is_name("Maj Lindberg Dam"),
        is_name("Hospitalsenhed Midt"),
        is_name("Anne"),
    )


def test_a_running_list_attaches_roles_and_places_to_the_person_before() -> None:
    text = "Eva Holm (V), borgmester i Østby, Per Lund (S), Regionsrådet og Ida Berg, formand"

    assert [
        Member("Eva Holm", "borgmester i Østby", "V"),
        Member("Per Lund", None, "S, Regionsrådet"),
        Member("Ida Berg", "formand", None),
    ] == list(people_in_list(text))


def test_prose_lists_of_absences_keep_initials() -> None:
    text = "Alle var mødt undtagen Eva Holm og Jens K. Lund, der havde meldt afbud."

    assert [("absent", "Eva Holm"), ("absent", "Jens K. Lund")] == [
        (found.kind, found.member.name) for found in in_prose(text, 0)
    ]


def test_lists_under_announcing_lines_with_groups_and_absences() -> None:
    text = (
        "Deltagere\n\nTestby Kommune\nAnne Hansen, sundhedschef\nBo Berg, direktør\n\n"
        "Almen praksis\nCarl Dahl\n\nAfbud\nBo Berg, direktør\n"
    )

    assert [
        ("member", Member("Anne Hansen", "sundhedschef", "Testby Kommune")),
        ("member", Member("Bo Berg", "direktør", "Testby Kommune")),
        ("member", Member("Carl Dahl", None, "Almen praksis")),
        ("absent", Member("Bo Berg", "direktør", None)),
    ] == [(found.kind, found.member) for found in in_lines(read_lines(text))]


def test_role_labels_and_a_body_named_before_a_name() -> None:
    text = (
        "Formand: Eva Holm, direktør, Østby Kommune (eh@ostby.dk)\n"
        "Sekretær: Ida Berg, konsulent, Østby Kommune og Bo Lund, konsulent, Vestby Kommune\n"
        "\nDe tre tovholdere er:\n\nFra Klynge Øst: Carl Dahl (cd@ostby.dk)\n"
    )

    assert [
        (Member("Eva Holm", "formand", "direktør, Østby Kommune"), None),
        (Member("Ida Berg", "sekretær", "konsulent, Østby Kommune"), None),
        (Member("Bo Lund", "sekretær", "konsulent, Vestby Kommune"), None),
        (Member("Carl Dahl", "tovholder", None), "Klynge Øst"),
    ] == [(found.member, found.body_phrase) for found in in_lines(read_lines(text))]


def test_a_name_alone_takes_the_title_on_the_next_line() -> None:
    text = "Kontaktinformation\n\nInge Holm\nSundhedsfaglig konsulent\n"

    assert [Member("Inge Holm", "Sundhedsfaglig konsulent", None)] == [
        found.member for found in in_lines(read_lines(text))
    ]


def test_a_note_of_apologies_or_of_taking_part_by_video_keeps_the_person() -> None:
    text = (
        "Deltagere\n\nAnne Dam, sundhedschef (Afbud)\n"
        "Bo Lund, direktør for Sundhed og Omsorg (deltager via video)\n"
    )

    assert [
        ("absent", Member("Anne Dam", "sundhedschef", None)),
        ("member", Member("Bo Lund", "direktør for Sundhed og Omsorg", None)),
    ] == [(found.kind, found.member) for found in in_lines(read_lines(text))]
