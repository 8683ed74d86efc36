"""One reading of a message: intents from cues anywhere, acts, status words, amounts,
dates, entity mentions (abbreviations, nicknames), the lexicon, and the language."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.understanding.entities import Entity, body_names, cluster_names, item_names
from knowledge.understanding.index import NameIndex
from knowledge.understanding.normalise import terms
from knowledge.understanding.reading import Reading, read

TODAY = date(2024, 3, 1)
MIDT, SYD = "Region Midtjylland", "Region Syddanmark"
ITEMS = (
    ("palliation", "Samarbejdsaftale om palliative indsatser", MIDT, "agreement"),
    ("kraeft", "Samarbejdsaftale om kræftrehabilitering", MIDT, "agreement"),
    ("rygestop", "Samarbejdsaftale om rygestop", MIDT, "agreement"),
    ("amning", "Samarbejdsaftale om amning og barnets ernæring", MIDT, "agreement"),
    ("hjerne-midt", "Samarbejdsaftale om voksne med erhvervet hjerneskade", MIDT, "agreement"),
    ("hjerne-syd", "Samarbejdsaftale for voksne med erhvervet hjerneskade", SYD, "agreement"),
    ("kth", "Kom trygt Hjem", SYD, "initiative"),
)
BODIES = (
    ("body:ksg-midt", "Klyngestyregruppen Midtklyngen", "Midtklyngen"),
    ("body:sku", "Sundhedskoordinationsudvalget", None),
    (
        "body:fsn",
        "Sundhedsklynge Sønderjylland – Fagligt strategisk niveau",
        "Sundhedsklynge Sønderjylland",
    ),
)


@pytest.fixture(scope="module")
def names() -> NameIndex:
    found: list[tuple[Entity, tuple[str, ...]]] = [
        (Entity(slug, "item", title, region), item_names(title, (), kind))
        for slug, title, region, kind in ITEMS
    ]
    for slug, name, cluster in BODIES:
        region = SYD if cluster and "Sønderjylland" in cluster else MIDT
        found.append((Entity(slug, "body", name, region, cluster), body_names(name, cluster)))
    for cluster, region in (("Midtklyngen", MIDT), ("Sundhedsklynge Sønderjylland", SYD)):
        entity = Entity(f"cluster:{cluster}", "cluster", cluster, region)
        found.append((entity, cluster_names(cluster)))
    return NameIndex(found)


def reading(text: str, names: NameIndex | None = None, locale: str | None = None) -> Reading:
    return read(text, today=TODAY, names=names, hint_lang=locale)


# -- intents: cues anywhere, weighed, not the first in a fixed order -----------------------


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("hvornår blev handleplanen godkendt", "date"),  # the question word weighs most
        ("hvad blev godkendt på styregruppens møde", "decisions"),
        ("er handleplanen godkendt", "status"),
        ("handleplanen for ældre - hvornår gik den i gang?", "date"),  # the cue at the end
        ("budgettet for 2025 til demensprojektet, hvor meget er der?", "budget"),
        ("mødes styregruppen igen efter sommerferien", "next_meeting"),
        ("hvem sidder i styregruppen", "who"),
        ("hvad står KOL for", "what_is"),
        ("what changed in the dementia project since January", "changes"),
    ],
)
def test_intents_come_from_cues_anywhere_in_the_message(text: str, intent: str) -> None:
    assert intent == reading(text).intent


def test_intents_are_scored_and_normalised() -> None:
    found = reading("hvornår blev planen godkendt")

    assert found.intents[0][1] > found.score("decisions") > 0
    assert 1.0 == pytest.approx(sum(share for _, share in found.intents))


def test_question_words_never_count_as_subject() -> None:
    found = reading("hvornår og hvem og hvor meget er det med demensprojektet?")

    assert ("demensprojekt",) == found.subject


# -- dialog acts in Danish and English -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("ja tak", "yes"),
        ("jep", "yes"),
        ("yes please", "yes"),
        ("ok, gem den", "yes"),
        ("nej", "no"),
        ("nej tak", "no"),
        ("nope", "no"),
        ("glem det", "cancel"),
        ("nej, glem det", "cancel"),
        ("annuller", "cancel"),
        ("never mind", "cancel"),
        ("hjælp", "help"),
        ("hvad kan du", "help"),
        ("tusind tak!", "thanks"),
        ("hej hej", "greeting"),
        ("good afternoon 🙂", "greeting"),
    ],
)
def test_everyday_answers_are_acts(text: str, act: str) -> None:
    assert act == reading(text).act


@pytest.mark.parametrize(
    "text",
    ["no more reminders please", "nej, ikke rygestopaftalen", "ja, status på KTH"],
)
def test_a_message_that_says_more_is_no_bare_act(text: str) -> None:
    assert None is reading(text).act


# -- status words, amounts, dates ------------------------------------------------------------


def test_status_words_are_found_anywhere_and_negation_is_seen() -> None:
    found = reading("demensprojektet er vist ikke implementeret endnu, men sat på pause")

    assert [("implemented", True), ("paused", False)] == [
        (word.category, word.negated) for word in found.statuses
    ]
    assert "paused" == found.status


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("der er afsat 1,2 mio. kr. til det", 1_200_000),
        ("budgettet er 300.000 kr", 300_000),
        ("they got DKK 2.5 million", 2_500_000),
        ("cirka 450 t.kr. i alt", 450_000),
    ],
)
def test_amounts_with_a_currency_or_scale(text: str, value: float) -> None:
    assert [value] == [amount.value for amount in reading(text).amounts]


def test_a_bare_number_is_no_amount() -> None:
    assert () == reading("hvad skete der på mødet 12 i 2023").amounts


def test_dates_are_read_and_take_no_part_in_the_subject() -> None:
    found = reading("hvad besluttede styregruppen efter 1. april 2024")

    assert date(2024, 4, 2) == found.since
    assert "date" in {word.role for word in found.tokens if word.raw in ("april", "2024")}


def test_the_words_keep_where_they_were_typed() -> None:
    text = "status på Demensprojektet?"
    found = reading(text)

    word = next(word for word in found.tokens if word.role == "subject")
    assert "Demensprojektet" == text[word.start : word.end]


# -- entity mentions: unseen words, abbreviations, nicknames, the lexicon -------------------


def test_an_unseen_word_lowers_a_good_match_a_little_and_never_vetoes_it(
    names: NameIndex,
) -> None:
    plain = names.search(terms("rygestop aftalen"), ("item",))[0]
    unseen = names.search(terms("rygestop aftalen fnuglevis"), ("item",))[0]

    assert "rygestop" == unseen.entity.id
    assert plain.score - 10 <= unseen.score < plain.score


def test_an_unseen_place_or_name_still_weighs_as_a_name(names: NameIndex) -> None:
    """A question about something the knowledge base lacks is not answered with what it has."""
    found = names.search(terms("aftalen om rygestop i Nordjylland"), ("item",))

    assert found[0].score < names.search(terms("aftalen om rygestop"), ("item",))[0].score - 10


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("hvornår mødes KSG i Midtklyngen næste gang", "body:ksg-midt"),
        ("hvad besluttede SKU om kræftplanen", "body:sku"),
        ("næste FSN møde", "body:fsn"),
    ],
)
def test_bodies_are_named_by_their_abbreviation(names: NameIndex, text: str, entity: str) -> None:
    found = reading(text, names)

    assert entity in [mention.entity.id for mention in found.mentions]


def test_a_nickname_made_of_a_title_names_it(names: NameIndex) -> None:
    found = reading("hvordan går det med palliationsaftalen", names)

    assert "palliation" == found.mentions[0].entity.id
    assert "palliationsaftalen" == found.text[found.mentions[0].start : found.mentions[0].end]


def test_initials_of_a_title_name_it(names: NameIndex) -> None:
    assert "kth" == reading("status for KTH", names).mentions[0].entity.id


@pytest.mark.parametrize(
    ("english", "danish"),
    [
        ("the breastfeeding agreement", "amningsaftalen"),
        ("the smoking cessation agreements", "rygestopaftalerne"),
        ("acquired brain injury", "erhvervet hjerneskade"),
    ],
)
def test_english_is_read_in_danish_through_the_lexicon(
    names: NameIndex, english: str, danish: str
) -> None:
    assert reading(danish, names).mentions[0].entity.id == reading(english, names).entity.id  # type: ignore[union-attr]


def test_kraft_and_kraeft_are_different_words(names: NameIndex) -> None:
    assert terms("kraft") != terms("kræft")
    assert "kraeftrehabilitering" in terms("Kræftrehabilitering")
    found = reading("hvornår trådte aftalen i kraft", names)
    assert "kraeft" not in [mention.entity.id for mention in found.mentions]
    assert "kraeft" == reading("status på kraeftrehab aftalen", names).mentions[0].entity.id


def test_aa_ae_and_oe_typed_as_a_and_o_still_find_the_word(names: NameIndex) -> None:
    found = reading("hjerneskade aftalen i sonderjylland", names)

    assert "cluster:Sundhedsklynge Sønderjylland" in {m.entity.id for m in found.mentions}


# -- the language is the message's, Danish when in doubt ----------------------------------


@pytest.mark.parametrize(
    ("text", "locale", "lang"),
    [
        ("hej", "en-US", "da"),
        ("status på rygestop", "en-US", "da"),
        ("KTH", "en-US", "da"),  # nothing says English: Danish, whatever the client sends
        ("what is the status of KTH", "da-DK", "en"),
        ("thanks!", "da-DK", "en"),
        ("🙂", "en-US", "en"),  # no words at all: then the locale
    ],
)
def test_the_language_is_the_message_s_own_whatever_the_locale(
    text: str, locale: str, lang: str
) -> None:
    assert lang == reading(text, locale=locale).lang
