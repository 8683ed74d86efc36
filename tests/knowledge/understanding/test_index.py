"""The name index: short forms, typos, compounds, candidates, and the confidence policy."""

from __future__ import annotations

import pytest

from knowledge.answers.resolution import ANSWER, UNSURE, Places, decide
from knowledge.core.chat import ChatScope
from knowledge.understanding.entities import (
    Entity,
    body_names,
    cluster_names,
    item_names,
    region_names,
)
from knowledge.understanding.index import NameIndex
from knowledge.understanding.normalise import terms
from knowledge.understanding.vocabulary import Vocabulary

MIDT, SYD = "Region Midtjylland", "Region Syddanmark"
ITEMS = (
    ("rygestop", "Samarbejdsaftale om rygestop", MIDT, "agreement"),
    ("hensigt", "Hensigtserklæring om øget fokus på rygestop i almen praksis", MIDT, "agreement"),
    ("iv-midt", "Samarbejdsaftale om IV-behandling i nærområdet", MIDT, "agreement"),
    ("iv-syd", "Samarbejdsaftale for IV-behandling i nærområdet", SYD, "agreement"),
    ("stomi", "Samarbejdsaftale om stomi", MIDT, "agreement"),
    ("kth", "Kom trygt Hjem", SYD, "initiative"),
    ("tele", "Forberedelse til Implementering af Tele KOL", MIDT, "initiative"),
    ("visitation", "Samarbejdsaftale om sundhedsvisitationer for somatik og psykiatri", MIDT, "x"),
    ("amning", "Samarbejdsaftale om styrket indsats vedrørende amning/barnets ernæring", MIDT, "x"),
)


def entries() -> list[tuple[Entity, tuple[str, ...]]]:
    found = [
        (Entity(slug, "item", title, region), item_names(title, (), kind))
        for slug, title, region, kind in ITEMS
    ]
    found.append(
        (Entity("cluster:midt", "cluster", "Midtklyngen", MIDT), cluster_names("Midtklyngen"))
    )
    found.append((Entity("region:midt", "region", MIDT, MIDT), region_names(MIDT)))
    body = "Klyngestyregruppen Randersklyngen"
    found.append(
        (
            Entity("body:ksg", "body", body, MIDT, "Randersklyngen"),
            body_names(body, "Randersklyngen"),
        )
    )
    return found


@pytest.fixture(scope="module")
def index() -> NameIndex:
    return NameIndex(entries())


def best(index: NameIndex, question: str, kinds: tuple[str, ...] = ("item",)) -> tuple[str, float]:
    hit = index.search(terms(question), kinds)[0]
    return hit.entity.id, hit.score


def test_agreements_get_short_names() -> None:
    names = item_names("Samarbejdsaftale om IV-behandling i nærområdet", (), "agreement")

    assert {"IV-behandling i nærområdet", "IV-aftalen"} <= set(names)
    assert "stomi-aftalen" in item_names("Samarbejdsaftale om stomi", (), "agreement")


def test_titles_of_three_to_five_words_get_their_initials() -> None:
    assert "KTH" in item_names("Kom trygt Hjem", (), "initiative")
    assert not [n for n in item_names("Samarbejdsaftale om stomi", (), "x") if n.isupper()]


def test_clusters_and_regions_get_their_short_names() -> None:
    assert ("Randersklyngen", "Randers") == cluster_names("Randersklyngen")
    assert "Sønderjylland" in cluster_names("Sundhedsklynge Sønderjylland")
    assert {"Midtjylland", "Region Midt"} <= set(region_names(MIDT))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("rygestop", "rygestop"),
        ("rygestob", "rygestop"),
        ("stomiaftalen", "stomi"),
        ("stomi aftalen", "stomi"),
        ("the stoma agreement", "stomi"),
        ("kom tryg hjem", "kth"),
        ("KTH", "kth"),
        ("tele kol", "tele"),
        ("sundheds visitationer", "visitation"),
    ],
)
def test_names_typos_short_forms_and_compounds_find_the_item(
    index: NameIndex, question: str, expected: str
) -> None:
    resolution = decide(index.search(terms(question), ("item",)))

    assert ("found", expected) == (resolution.outcome, resolution.entity.id)


def test_the_shorter_the_name_the_closer_the_match(index: NameIndex) -> None:
    hits = index.search(terms("rygestop"), ("item",))

    assert ["rygestop", "hensigt"] == [hit.entity.id for hit in hits[:2]]
    assert hits[0].score - hits[1].score > 20


def test_two_items_with_the_same_short_name_score_the_same(index: NameIndex) -> None:
    hits = index.search(terms("IV-aftalen"), ("item",))

    assert {"iv-midt", "iv-syd"} == {hit.entity.id for hit in hits[:2]}
    assert hits[0].score == hits[1].score


@pytest.mark.parametrize(
    "question", ["hvad er vejret", "football match", "opskrift æblekage", "kage"]
)
def test_unrelated_words_match_nothing_well(index: NameIndex, question: str) -> None:
    hits = index.search(terms(question), ("item", "cluster", "region", "body"))

    assert not hits or hits[0].score < UNSURE


def test_kinds_limit_the_search(index: NameIndex) -> None:
    assert "cluster:midt" == best(index, "midtklyngen", ("cluster", "region"))[0]
    assert "body:ksg" == best(index, "klyngestyregruppen i Randers", ("body",))[0]


def test_a_mention_inside_a_longer_question_has_full_precision(index: NameIndex) -> None:
    hits = index.search(terms("IV-aftalen i Region Midtjylland"), ("region",), rank="precision")

    assert ("region:midt", 1.0) == (hits[0].entity.id, hits[0].precision)
    assert frozenset({2, 3}) == hits[0].covered


def test_the_vocabulary_finds_typos_compound_parts_and_splits() -> None:
    vocabulary = Vocabulary({"rygestop": 1, "randersklyng": 1, "stomi": 2, "aftal": 3}, 4)

    assert 0.8 < vocabulary.expand("rygestob")["rygestop"] < 1
    assert "randersklyng" in vocabulary.expand("randers")
    assert ("stomi", "aftal") == vocabulary.split("stomiaftal")
    assert "randersklyng" == vocabulary.join("randers", "klyng")
    assert vocabulary.join("stomi", "aftal") is None  # both are words of their own
    assert {} == vocabulary.expand("iw")


def test_a_rare_term_weighs_more_than_a_common_one() -> None:
    vocabulary = Vocabulary({"rygestop": 1, "aftal": 30}, 40)

    assert vocabulary.weight("rygestop") > vocabulary.weight("aftal")


def test_a_name_only_one_item_has_answers_even_as_a_small_part_of_its_title(
    index: NameIndex,
) -> None:
    hits = index.search(terms("amning"), ("item",))
    resolution = decide(hits)

    assert hits[0].score < ANSWER
    assert ("found", "amning") == (resolution.outcome, resolution.entity.id)


def test_a_tie_is_ambiguous_until_a_region_picks_one(index: NameIndex) -> None:
    hits = index.search(terms("IV-aftalen"), ("item",))

    assert "ambiguous" == decide(hits).outcome
    assert "iv-syd" == decide(hits, (Places(region=SYD),)).entity.id
    assert "iv-midt" == decide(hits, (Places(), Places(region=MIDT))).entity.id


def test_a_loose_fit_is_unsure_and_offers_choices() -> None:
    titles = (
        "Psykiatriens Hus",
        "Alliancen om den nære psykiatri",
        "Samarbejdsaftale om sundhedsvisitationer for somatik og psykiatri",
        "Rammeaftale om udgående teams i voksenpsykiatrien",
    )
    index = NameIndex((Entity(t, "item", t, MIDT), item_names(t, (), "x")) for t in titles)
    resolution = decide(index.search(terms("psykiatri"), ("item",)))

    assert ("unsure", "Psykiatriens Hus") == (resolution.outcome, resolution.entity.id)
    assert 1 <= len(resolution.hits) <= 3


def test_a_kind_word_alone_names_nothing(index: NameIndex) -> None:
    assert "missing" == decide(index.search(terms("samarbejdsaftale"), ("item",))).outcome


def test_nothing_found_is_missing() -> None:
    assert "missing" == decide([]).outcome
    assert ChatScope() == ChatScope(None, None)
