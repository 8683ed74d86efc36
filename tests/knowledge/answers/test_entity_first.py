"""Entity first, and answers that carry what is asked: a thing named without a question is
answered with its overview; unseen words never veto a match; English finds Danish records;
the question's place decides; a date question gets the date of the kind it asks for; who
gets people; what the records lack is looked up in the documents' text, else said so."""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime

import pytest

from knowledge.answers.kinds import (
    Answer,
    ItemAnswer,
    NotKnown,
    OverviewAnswer,
    PassageAnswer,
    PeopleAnswer,
    SmallTalk,
)
from knowledge.core.db import create_engine, session_factory
from knowledge.core.models import Body, Document, Member
from knowledge.service import DEMO_FILE, KnowledgeService

RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"
STOMI = "samarbejdsaftale-om-stomi-midtjylland"
MISTRIVSEL = "samarbejdsaftale-om-boern-og-unge-i-psykisk-mistrivsel-midtjylland"
BRAIN_SYD = "samarbejdsaftale-for-voksne-med-erhvervet-hjerneskade-syddanmark"
KSG_MIDT = "Klyngestyregruppen Midtklyngen"
NOW = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
async def demo(service: KnowledgeService) -> KnowledgeService:
    await service.restore(DEMO_FILE)
    return service


def about(answer: Answer) -> str:
    """The item an answer shows."""
    assert isinstance(answer, ItemAnswer | OverviewAnswer), answer
    assert answer.item is not None
    return answer.item.id


async def test_a_name_alone_is_answered_with_its_overview(demo: KnowledgeService) -> None:
    answer = await demo.ask("rygestopaftalen?")

    assert isinstance(answer, OverviewAnswer)
    assert RYGESTOP == about(answer)
    assert answer.item is not None
    assert answer.item.status is not None


async def test_a_body_alone_is_answered_with_its_coming_meetings(demo: KnowledgeService) -> None:
    answer = await demo.ask("KSG Midtklyngen")

    assert isinstance(answer, OverviewAnswer)
    assert KSG_MIDT == answer.label
    assert answer.meetings
    assert all(m.date >= date(2024, 3, 1) for m in answer.meetings)


async def test_unfamiliar_words_do_not_veto_a_clearly_named_thing(demo: KnowledgeService) -> None:
    answer = await demo.ask("status på rygestopaftalen, kære robotven, tak")

    assert RYGESTOP == about(answer)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what is the status of the smoking cessation agreement", RYGESTOP),
        ("status of the ostomy agreement?", STOMI),
        ("is the children and young people mental distress agreement in force?", MISTRIVSEL),
    ],
)
async def test_english_paraphrases_find_the_danish_record(
    demo: KnowledgeService, question: str, expected: str
) -> None:
    answer = await demo.ask(question)

    assert expected == about(answer)
    assert "en" == answer.lang


async def test_the_place_a_question_names_decides_between_namesakes(
    demo: KnowledgeService,
) -> None:
    answer = await demo.ask("er hjerneskadeaftalen implementeret i syddanmark?")

    assert BRAIN_SYD == about(answer)


async def test_a_thing_known_only_elsewhere_is_said_to_be_so(demo: KnowledgeService) -> None:
    answer = await demo.ask("status på stomiaftalen i Sønderjylland")

    assert isinstance(answer, NotKnown)
    assert ("Samarbejdsaftale om stomi", "Region Midtjylland") == (answer.known, answer.elsewhere)


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("fra hvornår gælder aftalen om børn og unge i psykisk mistrivsel", date(2023, 5, 1)),
        ("hvornår blev aftalen om børn og unge i psykisk mistrivsel godkendt", date(2022, 12, 1)),
    ],
)
async def test_a_date_question_gets_the_date_of_the_kind_it_asks(
    demo: KnowledgeService, question: str, day: date
) -> None:
    answer = await demo.ask(question)

    assert isinstance(answer, ItemAnswer)
    assert ("date", [day]) == (answer.intent, [key_date.day for key_date in answer.dates])


async def test_a_person_the_record_does_not_name_is_said_to_be_missing(
    demo: KnowledgeService,
) -> None:
    answer = await demo.ask("hvem er kontaktperson for rygestopaftalen")

    assert isinstance(answer, NotKnown)
    assert ("Samarbejdsaftale om rygestop", "person") == (answer.known, answer.missing)


async def test_greetings_and_thanks_get_a_short_reply_in_the_message_s_language(
    demo: KnowledgeService,
) -> None:
    hello = await demo.ask("godmorgen!", lang_hint="en-US")
    thanks = await demo.ask("thank you so much", lang_hint="da-DK")

    assert (SmallTalk("smalltalk", "da", "greeting"), "en") == (hello, thanks.lang)
    assert isinstance(thanks, SmallTalk)
    assert "thanks" == thanks.act


async def test_who_asks_for_the_people_of_a_body_in_the_role_asked(
    demo: KnowledgeService, database_url: str
) -> None:
    engine = create_engine(database_url)
    async with session_factory(engine)() as session, session.begin():
        body = Body(
            slug="ksg-midt", name=KSG_MIDT, region="Region Midtjylland", cluster="Midtklyngen"
        )
        body.members = [
            Member(name="Anne Testesen", role="formand", affiliation="Viborg Kommune"),
            Member(name="Bo Prøvesen", role="sekretær", affiliation="Region Midtjylland"),
        ]
        session.add(body)
    await engine.dispose()

    answer = await demo.ask("hvem er formand for KSG i Midtklyngen")

    assert isinstance(answer, PeopleAnswer)
    assert ["Anne Testesen"] == [person.name for person in answer.people]


async def test_a_fact_the_records_lack_is_quoted_from_the_documents_text(
    demo: KnowledgeService, database_url: str
) -> None:
    text = (
        "Referat af temamøde om demens\n\n"
        "Deltagere\n\n"
        "Temamødet om demensvenlige boliger blev holdt i Kulturhuset. Den nye "
        "pulje til demensvenlige boliger åbner for ansøgninger den 15. august 2024.\n"
    )
    engine = create_engine(database_url)
    async with session_factory(engine)() as session, session.begin():
        session.add(
            Document(
                file="temamoede.txt",
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                shape="text",
                title="Referat af temamøde om demens",
                document_date=date(2024, 2, 1),
                imported_at=NOW,
                text=text,
            )
        )
    await engine.dispose()

    answer = await demo.ask("hvornår åbner puljen til demensvenlige boliger for ansøgninger")
    absent = await demo.ask("hvornår åbner puljen til hundeterapi på plejehjem")

    assert isinstance(answer, PassageAnswer)
    assert ("temamoede.txt", "date") == (answer.document, answer.intent)
    assert "15. august 2024" in answer.sentence
    assert isinstance(absent, NotKnown)
