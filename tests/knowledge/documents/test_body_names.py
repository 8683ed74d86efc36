"""Bodies named in a document, known or learned from the form of their names."""

from __future__ import annotations

from knowledge.documents.bodies import Body
from knowledge.documents.body_names import BodyLexicon

NORD = "Region Nordjylland"


def _names(text: str, region: str | None = NORD, cluster: str | None = None) -> list[str]:
    return [body.name for body in BodyLexicon(text, region=region, cluster=cluster).bodies()]


def test_new_bodies_are_learned_from_the_form_of_their_names() -> None:
    text = (
        "Sagen blev drøftet i Kommunekontaktudvalget og i Det Faglige Kontaktforum (DFK). "
        "Derefter behandlede Udvalg for sund aldring sagen, og Følgegruppen for data og "
        "kvalitet vil følge op. Klynge Øst og KKR Nordjylland er orienteret."
    )

    assert [
        "Kommunekontaktudvalget",
        "Det Faglige Kontaktforum",
        "Udvalg for sund aldring",
        "Følgegruppen for data og kvalitet",
        "Klynge Øst",
        "KKR Nordjylland",
    ] == _names(text)


def test_an_abbreviation_after_a_name_is_that_body_later_on() -> None:
    text = "Den Regionale Sundhedsgruppe (DRS) mødes i marts. DRS har tidligere godkendt planen."
    lexicon = BodyLexicon(text, region=NORD, cluster=None)

    assert ["Den Regionale Sundhedsgruppe", "Den Regionale Sundhedsgruppe"] == [
        mention.body.name for mention in lexicon.mentions
    ]


def test_an_abbreviation_that_acts_is_a_body() -> None:
    assert ["KOSU"] == _names("KOSU har derfor besluttet at nedsætte en arbejdsgruppe.")


def test_generic_words_and_mailboxes_name_no_body() -> None:
    text = (
        "Udvalget mødes igen. Styregruppen og arbejdsgruppen er orienteret. Skriv til "
        "Vestklyngen@eksempel.dk for at høre mere om området."
    )

    assert [] == _names(text)


def test_known_bodies_take_the_documents_region() -> None:
    lexicon = BodyLexicon("Regionsrådet godkendte aftalen.", region=NORD, cluster=None)

    assert Body("Regionsrådet", NORD, None) == lexicon.bodies()[0]


def test_a_sentence_start_is_no_name_unless_the_name_is_distinctive() -> None:
    assert [] == _names("Nyt udvalg skal sikre samarbejdet. Hvis udvalget vil, kan det mødes.")
