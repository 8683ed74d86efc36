"""The passage index: Danish folding, compounds written apart or together, headings over
body text, boosts, and a confidence that tells matches from noise."""

from __future__ import annotations

import pytest

from knowledge.text.confidence import CONFIDENT
from knowledge.text.index import PassageIndex
from knowledge.text.passages import Passage
from tests.knowledge.text.samples import passages


@pytest.fixture(scope="module")
def index() -> PassageIndex:
    return PassageIndex.build(passages())


def _first(index: PassageIndex, question: str) -> tuple[str, ...]:
    hits = index.search(question, limit=1)
    return hits[0].passage.path if hits else ()


@pytest.mark.parametrize(
    "question",
    [
        "genoptræningsplaner",  # as written
        "genoptræning",  # a part of the compound
        "genoptraeningsplan",  # æ typed as ae, ending off
        "genoptraning plan",  # æ typed as a, the compound split
        "genop træningsplaner",  # split where nobody would
    ],
)
def test_a_compound_is_found_however_it_is_written(index: PassageIndex, question: str) -> None:
    assert ("Aftale om genoptræningsplaner",) == _first(index, question)


def test_a_joined_compound_finds_its_parts_written_apart() -> None:
    index = PassageIndex.build([Passage(0, "d", "", None, ("Status",), "Den nye sundheds aftale.")])
    assert ["d"] == [hit.passage.document for hit in index.search("sundhedsaftalen")]


def test_the_heading_outranks_a_mention_in_the_body() -> None:
    body = Passage(0, "d", "", None, ("Andet",), "Kort om demens og om mange andre emner her.")
    heading = Passage(1, "d", "", None, ("Demens",), "Kort om forløbet og om mange andre emner.")
    hits = PassageIndex.build([body, heading]).search("demens")
    assert [1, 0] == [hit.passage.id for hit in hits]


def test_a_boost_by_heading_lifts_a_passage_that_matches(index: PassageIndex) -> None:
    plain = index.search("pårørende demens", limit=2)
    boosted = index.search("pårørende demens", limit=2, boost={"5. eventuelt": 50.0})
    assert ([2, 6], [6, 2]) == ([h.passage.id for h in plain], [h.passage.id for h in boosted])


def test_a_boost_never_makes_a_match(index: PassageIndex) -> None:
    hits = index.search("demensforløb", boost={"5. Eventuelt": 50.0})
    assert [2] == [hit.passage.id for hit in hits]


def test_a_boost_by_document_lifts_its_passages(index: PassageIndex) -> None:
    hits = index.search("pårørende", boost={"referat-2024-02.md": 50.0})
    assert "referat-2024-02.md" == hits[0].passage.document


def test_nothing_matches_a_question_about_nothing_in_the_passages(index: PassageIndex) -> None:
    assert [] == index.search("helikopterbase tandlæge")


def test_a_fact_present_scores_above_the_threshold(index: PassageIndex) -> None:
    hit = index.search("hvornår trådte aftalen om genoptræningsplaner i kraft", limit=1)[0]
    assert (True, ("Aftale om genoptræningsplaner",)) == (
        hit.confidence >= CONFIDENT,
        hit.passage.path,
    )


def test_a_paraphrase_with_words_the_passages_lack_scores_above_the_threshold(
    index: PassageIndex,
) -> None:
    hit = index.search("hvornår kom de digitale genoptræningsplaner egentlig i gang", limit=1)[0]
    assert hit.confidence >= CONFIDENT


@pytest.mark.parametrize(
    "question",
    [
        "hvornår trådte aftalen om fodterapi i kraft",  # only "aftale" is known
        "hvem er formand for tandplejeudvalget",
        "budget for ensomhed blandt hjemløse hundeejere",  # two of five subject words known
        "parkering for pårørende ved helikopterbasen i Thisted",
    ],
)
def test_a_question_about_something_absent_scores_below_it(
    index: PassageIndex, question: str
) -> None:
    hits = index.search(question, limit=1)
    assert [] == [hit.confidence for hit in hits if hit.confidence >= CONFIDENT]


def test_one_common_word_never_carries_a_match(index: PassageIndex) -> None:
    hit = index.search("aftale om hundeterapi", limit=1)[0]
    assert (("aftal",), False) == (hit.matched, hit.confidence >= CONFIDENT)


def test_hits_say_which_question_terms_they_hold(index: PassageIndex) -> None:
    hit = index.search("demensforløb pårørende", limit=1)[0]
    assert {"demensforlob", "parorend"} == set(hit.matched)
