"""The quote that answers: the sentence with the kind of fact asked for, its span in the
source, and an honest "not found" when no passage holds the kind."""

from __future__ import annotations

import pytest

from knowledge.text.index import PassageIndex
from knowledge.text.query import read_query
from knowledge.text.quotes import Quote, best_quote, find_quote
from tests.knowledge.text.samples import passages


@pytest.fixture(scope="module")
def index() -> PassageIndex:
    return PassageIndex.build(passages())


def _quote(index: PassageIndex, question: str) -> Quote:
    query = read_query(question)
    quote = best_quote(index.search(query, limit=3), query.kind)
    assert quote is not None
    return quote


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        (
            "hvornår trådte aftalen om genoptræningsplaner i kraft",
            "Status: Aftalen trådte i kraft den 1. maj 2023 og er implementeret i alle kommuner.",
        ),
        (
            "hvor meget er afsat til telemedicin",
            "Der er afsat 1,2 mio. kr. til telemedicin i 2024.",
        ),
        (
            "hvem gennemgik budgettet for telemedicin",
            "Ole Holm, økonomichef, gennemgik fordelingen mellem parterne.",
        ),
        (
            "hvad besluttede klyngestyregruppen om ensomhed",
            "Klyngestyregruppen besluttede at nedsætte en arbejdsgruppe om ensomhed blandt ældre.",
        ),
        ("status på demensforløbet", "Status: Forløbet er under afprøvning i tre kommuner."),
        (
            "what is the status of the dementia pathway",
            "Status: Forløbet er under afprøvning i tre kommuner.",
        ),
    ],
)
def test_the_quote_is_the_sentence_that_holds_the_fact(
    index: PassageIndex, question: str, sentence: str
) -> None:
    quote = _quote(index, question)
    assert (sentence, True) == (quote.sentence, quote.kind_found)


def test_the_span_points_into_the_document_source(index: PassageIndex) -> None:
    source = "\n\n".join(p.text for p in passages() if p.document == "referat-2024-02.md")
    quote = _quote(index, "hvor meget er afsat til telemedicin")
    assert quote.sentence == source[quote.span[0] : quote.span[1]]


def test_a_quote_says_where_it_is_from(index: PassageIndex) -> None:
    quote = _quote(index, "hvornår trådte aftalen om genoptræningsplaner i kraft")
    expected = ("status-2023.txt", ("Aftale om genoptræningsplaner",), 2023)
    assert expected == (
        quote.document,
        quote.path,
        quote.document_date and quote.document_date.year,
    )


def test_when_no_passage_holds_the_kind_the_best_passage_comes_back_unfound(
    index: PassageIndex,
) -> None:
    quote = _quote(index, "hvornår er næste opfølgning på sundhedsaftalen")
    assert (("Sundhedsaftalen og dens opfølgning",), False) == (quote.path, quote.kind_found)


def test_an_amount_about_something_else_is_not_the_answer(index: PassageIndex) -> None:
    quote = _quote(index, "hvad koster demensforløbet")
    assert (("Samarbejde om demensforløb",), False) == (quote.path, quote.kind_found)


def test_no_hits_no_quote() -> None:
    assert None is best_quote([], "date")


def test_find_quote_answers_or_says_nothing_is_about_it(index: PassageIndex) -> None:
    found = find_quote(index, "hvor meget er afsat til telemedicin")
    absent = find_quote(index, "hvornår åbner helikopterbasen i Thisted")
    assert ("Der er afsat 1,2 mio. kr. til telemedicin i 2024.", None) == (
        found and found.sentence,
        absent,
    )
