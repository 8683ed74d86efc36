"""Asking the demo knowledge base (today is Friday 1 March 2024): the answers' facts."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

import pytest

from knowledge.answers.kinds import (
    Answer,
    ChangesAnswer,
    Clarify,
    DecisionsAnswer,
    HelpAnswer,
    ItemAnswer,
    ListAnswer,
    MeetingsAnswer,
    NotKnown,
    OverviewAnswer,
    ScopeSet,
)
from knowledge.core.chat import QUESTION_MAX, ChatScope
from knowledge.service import DEMO_FILE, KnowledgeService

IV_MIDT = "samarbejdsaftale-om-iv-behandling-i-naeromraadet-midtjylland"
IV_SYD = "samarbejdsaftale-for-iv-behandling-i-naeromraadet-syddanmark"
BRAIN_MIDT = "samarbejdsaftale-om-voksne-med-erhvervet-hjerneskade-midtjylland"
BRAIN_SYD = "samarbejdsaftale-for-voksne-med-erhvervet-hjerneskade-syddanmark"
RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"
STOMI = "samarbejdsaftale-om-stomi-midtjylland"
KTH = "kom-trygt-hjem-syddanmark"
VISITATION = "samarbejdsaftale-om-sundhedsvisitationer-for-somatik-og-psyk-midtjylland"
FACT = "fact-midtjylland"
KSG_MIDT_0223 = "klyngestyregruppen-midtklyngen-2024-02-23"
TEMA_0313 = "temagruppe-for-voksne-somatik-midtklyngen-2024-03-13"
FSN_0304 = "sundhedsklynge-soenderjylland-fagligt-strategisk-niveau-2024-03-04"
APRIL_2024 = [
    "sundhedsklynge-soenderjylland-politisk-niveau-2024-04-04",
    "strategisk-sundhedsstyregruppe-2024-04-17",
    "politisk-klynge-midtklyngen-2024-04-19",
]
MIDT_SCOPE = ChatScope(cluster="Midtklyngen")


@pytest.fixture
async def demo(service: KnowledgeService) -> KnowledgeService:
    await service.restore(DEMO_FILE)
    return service


@cache
def kb() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return data


def item_id(answer: Answer) -> str:
    """The item an answer is about: an item answer's, or an overview's (a bare name)."""
    if isinstance(answer, OverviewAnswer) and answer.item is not None:
        return answer.item.id
    assert isinstance(answer, ItemAnswer), answer
    return answer.item.id


def meeting_ids(answer: Answer) -> list[str]:
    assert isinstance(answer, MeetingsAnswer), answer
    return [meeting.slug for meeting in answer.meetings]


def choice_ids(answer: Answer) -> set[str]:
    assert isinstance(answer, Clarify), answer
    return {choice.id for choice in answer.choices}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("status på rygestop", RYGESTOP),
        ("hvordan går det med rygestop", RYGESTOP),
        ("status på rygestob", RYGESTOP),
        ("sundhedsvistation", VISITATION),
        ("status på sundheds visitationer", VISITATION),
        ("status på kom tryg hjem", KTH),
        ("hvordan går det med KTH", KTH),
        ("stomiaftalen", STOMI),
        ("status på stomi-aftalen", STOMI),
        ("status på laegedaekning", "laegedaekning-syddanmark"),
        ("status på lagedakning", "laegedaekning-syddanmark"),
        ("status på IPS", "individuelt-planlagt-job-med-stoette-ips-midtjylland"),
        ("hvad er status på tele-kol", "forberedelse-til-implementering-af-tele-kol-midtjylland"),
        (
            "status på amning",
            "samarbejdsaftale-om-styrket-indsats-vedroerende-amning-barne-midtjylland",
        ),
        ("status på palliative indsatser", "samarbejdsaftale-om-palliative-indsatser-midtjylland"),
    ],
)
async def test_status_finds_the_item_through_typos_spellings_and_short_names(
    demo: KnowledgeService, question: str, expected: str
) -> None:
    answer = await demo.ask(question)

    assert expected == item_id(answer)
    assert answer.intent in ("status", "overview")  # a bare name is answered by its overview


async def test_status_carries_the_newest_entry_of_the_history(demo: KnowledgeService) -> None:
    answer = await demo.ask("status på IV-aftalen i Region Midtjylland")

    assert isinstance(answer, ItemAnswer)
    assert answer.item.status is not None
    assert ("implemented", date(2023, 4, 1)) == (
        answer.item.status.category,
        answer.item.status.valid_from,
    )


async def test_an_item_without_history_has_no_status_rather_than_an_invented_one(
    demo: KnowledgeService,
) -> None:
    answer = await demo.ask("status på FACT")

    assert isinstance(answer, ItemAnswer)
    assert (FACT, None) == (answer.item.id, answer.item.status)


async def test_a_short_name_two_regions_share_asks_which_one(demo: KnowledgeService) -> None:
    answer = await demo.ask("status på IV-aftalen")

    assert isinstance(answer, Clarify)
    assert ("ambiguous", "status") == (answer.reason, answer.intent)
    assert {(IV_MIDT, "Region Midtjylland"), (IV_SYD, "Region Syddanmark")} == {
        (choice.id, choice.detail) for choice in answer.choices
    }


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (ChatScope(cluster="Midtklyngen"), IV_MIDT),
        (ChatScope(cluster="Sundhedsklynge Sønderjylland"), IV_SYD),
        (ChatScope(region="Region Syddanmark"), IV_SYD),
    ],
)
async def test_the_chats_scope_picks_one_of_namesakes(
    demo: KnowledgeService, scope: ChatScope, expected: str
) -> None:
    assert expected == item_id(await demo.ask("status på IV aftalen", scope=scope))


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("status på IV-aftalen i Region Syddanmark", IV_SYD),
        ("hvad er status på IV aftalen i sønderjylland", IV_SYD),
        ("status på IV-aftalen i Midtjylland", IV_MIDT),
    ],
)
async def test_a_region_in_the_question_picks_one_and_beats_the_scope(
    demo: KnowledgeService, question: str, expected: str
) -> None:
    other = ChatScope(region="Region Syddanmark" if expected == IV_MIDT else "Region Midtjylland")

    assert expected == item_id(await demo.ask(question, scope=other))


async def test_the_two_brain_injury_agreements_are_told_apart_by_region(
    demo: KnowledgeService,
) -> None:
    answer = await demo.ask("status på erhvervet hjerneskade")

    assert {BRAIN_MIDT, BRAIN_SYD} == choice_ids(answer)
    assert BRAIN_MIDT == item_id(await demo.ask("status på hjerneskade", scope=MIDT_SCOPE))


@pytest.mark.parametrize("question", ["status på IV-aftalen", "hvem er parter i hjerneskade"])
async def test_asking_a_choices_question_again_answers_it(
    demo: KnowledgeService, question: str
) -> None:
    answer = await demo.ask(question)
    assert isinstance(answer, Clarify)

    for choice in answer.choices:
        again = await demo.ask(choice.question)
        assert (answer.intent, choice.id) == (again.intent, item_id(again))


async def test_a_loose_fit_offers_at_most_three_choices(demo: KnowledgeService) -> None:
    answer = await demo.ask("status på psykiatri")

    assert isinstance(answer, Clarify)
    assert "unsure" == answer.reason
    assert 1 <= len(answer.choices) <= 3
    assert "psykiatriens-hus-midtjylland" in choice_ids(answer)


@pytest.mark.parametrize(
    "question",
    [
        "hvad er vejret i morgen",
        "who won the football match",
        "opskrift på æblekage",
        "hvad blev besluttet om fodbold",
        "hvilke aftaler handler om fodbold",
        "status på xyzzy",
    ],
)
async def test_unrelated_questions_are_refused_with_suggestions(
    demo: KnowledgeService, question: str
) -> None:
    answer = await demo.ask(question)

    assert isinstance(answer, NotKnown)
    assert answer.suggestions


async def test_every_suggestion_is_answered(demo: KnowledgeService) -> None:
    refused = await demo.ask("opskrift på æblekage")
    assert isinstance(refused, NotKnown)

    for suggestion in refused.suggestions:
        assert not isinstance(await demo.ask(suggestion), NotKnown | Clarify), suggestion


async def test_english_questions_are_answered_in_english(demo: KnowledgeService) -> None:
    answer = await demo.ask("what is the status of the stoma agreement", lang_hint="da-DK")

    assert ("en", STOMI) == (answer.lang, item_id(answer))
    assert "en" == (await demo.ask("who won the football match")).lang


async def test_danish_questions_are_answered_in_danish_whatever_the_locale(
    demo: KnowledgeService,
) -> None:
    assert "da" == (await demo.ask("status på rygestop", lang_hint="en-US")).lang
    # no word says which language: Danish when in doubt, whatever the client sends (the
    # Agents Playground sends en-US for everyone)
    assert "da" == (await demo.ask("Tele KOL budget", lang_hint="en-US")).lang
    assert "en" == (await demo.ask("the Tele KOL budget", lang_hint="da-DK")).lang


async def test_who_and_budget_answer_with_the_item(demo: KnowledgeService) -> None:
    who = await demo.ask("hvem er parter i rygestop")
    budget = await demo.ask("hvad er budgettet for FACT")

    assert isinstance(who, ItemAnswer)
    assert isinstance(budget, ItemAnswer)
    assert ("who", ("Region Midtjylland", "de 19 midtjyske kommuner", "PLO-Midtjylland")) == (
        who.intent,
        who.item.parties,
    )
    assert ("budget", [600_000, 600_000, 1_200_000]) == (
        budget.intent,
        [line.amount_dkk for line in budget.item.budget if line.amount_dkk],
    )


async def test_who_is_involved_in_english(demo: KnowledgeService) -> None:
    answer = await demo.ask("who is involved in Kom trygt hjem")

    assert ("who", "en", KTH) == (answer.intent, answer.lang, item_id(answer))


async def test_the_next_meeting_of_a_cluster_is_each_bodys_next(demo: KnowledgeService) -> None:
    answer = await demo.ask("naeste mode i midtklyngen")

    assert isinstance(answer, MeetingsAnswer)
    assert ("next_meeting", "Midtklyngen", date(2024, 3, 1)) == (
        answer.intent,
        answer.scope,
        answer.today,
    )
    assert TEMA_0313 == meeting_ids(answer)[0]
    assert all(m.date >= date(2024, 3, 1) for m in answer.meetings)


async def test_the_next_meeting_of_a_body(demo: KnowledgeService) -> None:
    answer = await demo.ask("when is the next meeting of the political cluster in Midtklyngen")

    assert ["politisk-klynge-midtklyngen-2024-04-19"] == meeting_ids(answer)
    assert ("en", 1) == (answer.lang, answer.more)  # type: ignore[union-attr]


async def test_a_body_with_no_meeting_ahead_gets_no_meeting(demo: KnowledgeService) -> None:
    answer = await demo.ask("hvornår mødes klyngestyregruppen i Randers")

    assert ("Klyngestyregruppen Randersklyngen", []) == (
        answer.scope,  # type: ignore[union-attr]
        meeting_ids(answer),
    )


async def test_the_next_meeting_without_a_place_uses_the_chats_scope(
    demo: KnowledgeService,
) -> None:
    answer = await demo.ask(
        "hvornår er næste møde?", scope=ChatScope(cluster="Sundhedsklynge Sønderjylland")
    )

    assert FSN_0304 == meeting_ids(answer)[0]


async def test_a_body_several_clusters_have_is_picked_by_the_scope(
    demo: KnowledgeService,
) -> None:
    answer = await demo.ask("hvornår mødes klyngestyregruppen", scope=MIDT_SCOPE)

    assert ["klyngestyregruppen-midtklyngen-2024-05-03"] == meeting_ids(answer)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("møder i april 2024", APRIL_2024),
        ("møder i april", APRIL_2024),
        ("meetings next month", APRIL_2024),
        ("hvilke møder er der i denne måned", [FSN_0304, TEMA_0313]),
        ("møder i næste uge", [FSN_0304]),
        ("møder i Midtklyngen i april", ["politisk-klynge-midtklyngen-2024-04-19"]),
        ("møder i oktober", ["sundhedsklynge-soenderjylland-politisk-niveau-2024-10"]),
        ("møder i uge 17", []),
    ],
)
async def test_meetings_in_a_period_relative_to_today(
    demo: KnowledgeService, question: str, expected: list[str]
) -> None:
    answer = await demo.ask(question)

    assert ("meetings_in_period", expected) == (answer.intent, meeting_ids(answer))


async def test_decisions_of_a_meeting_by_its_date(demo: KnowledgeService) -> None:
    answer = await demo.ask("hvad blev besluttet på mødet 23. februar 2024")

    assert isinstance(answer, DecisionsAnswer)
    assert {KSG_MIDT_0223} == {decision.meeting.slug for decision in answer.decisions}
    assert ["1", "2", "3", "4", "5", "6", "7", "8"] == [d.number for d in answer.decisions]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("hvad besluttede klyngestyregruppen om Social Sundhed", [(KSG_MIDT_0223, "4")]),
        ("decisions about video consultations", [(KSG_MIDT_0223, "2")]),
        ("beslutninger om statusattester", [("klyngestyregruppen-randersklyngen-2023-09-28", "7")]),
    ],
)
async def test_decisions_about_a_topic(
    demo: KnowledgeService, question: str, expected: list[tuple[str, str]]
) -> None:
    answer = await demo.ask(question)

    assert isinstance(answer, DecisionsAnswer)
    assert expected == [(d.meeting.slug, d.number) for d in answer.decisions]


async def test_decisions_of_the_last_meeting_of_a_cluster(demo: KnowledgeService) -> None:
    answer = await demo.ask("hvad blev besluttet på sidste møde i Randersklyngen")

    assert isinstance(answer, DecisionsAnswer)
    assert {"klyngestyregruppen-randersklyngen-2023-09-28"} == {
        d.meeting.slug for d in answer.decisions
    }


def _listed(**wanted: str) -> list[str]:
    rows = [*kb()["agreements"], *kb()["initiatives"]]
    types = {row["id"]: "agreement" for row in kb()["agreements"]}
    found = []
    for row in rows:
        facts = {
            "type": types.get(row["id"], "initiative"),
            "category": row["status_history"][-1]["category"] if row["status_history"] else None,
            "cluster": row["cluster"],
        }
        if all(facts[key] == value for key, value in wanted.items()):
            found.append(row["id"])
    return found


async def test_list_by_type_and_status(demo: KnowledgeService) -> None:
    answer = await demo.ask("hvilke aftaler er implementeret")
    expected = _listed(type="agreement", category="implemented")

    assert isinstance(answer, ListAnswer)
    assert len(expected) == len(answer.items) + answer.more
    assert {item.id for item in answer.items} <= set(expected)
    assert {"implemented"} == {item.status.category for item in answer.items if item.status}


async def test_list_by_cluster_in_english(demo: KnowledgeService) -> None:
    answer = await demo.ask("list initiatives in Midtklyngen")
    expected = _listed(type="initiative", cluster="Midtklyngen")

    assert isinstance(answer, ListAnswer)
    assert ("en", len(expected)) == (answer.lang, len(answer.items) + answer.more)
    assert "Midtklyngen" in answer.filter


async def test_list_by_party(demo: KnowledgeService) -> None:
    answer = await demo.ask("aftaler med PLO")

    assert isinstance(answer, ListAnswer)
    assert {"agreement"} == {item.type for item in answer.items}
    assert all("PLO-Midtjylland" in item.parties for item in answer.items)


async def test_an_empty_list_is_an_answer_not_a_refusal(demo: KnowledgeService) -> None:
    answer = await demo.ask("hvilke projekter er sat på pause")

    assert isinstance(answer, ListAnswer)
    assert ((), 0) == (answer.items, answer.more)


async def test_changes_since_a_date_newest_first(demo: KnowledgeService) -> None:
    answer = await demo.ask("hvad er ændret siden 1. januar 2024")

    assert isinstance(answer, ChangesAnswer)
    dates = [change.entry.valid_from for change in answer.changes]
    assert date(2024, 1, 1) == answer.since
    assert sorted(dates, reverse=True) == dates  # type: ignore[type-var]
    assert all(d is not None and d >= date(2024, 1, 1) for d in dates)
    assert IV_SYD in {change.item.id for change in answer.changes} or answer.more


async def test_changes_since_a_month_in_english(demo: KnowledgeService) -> None:
    answer = await demo.ask("what changed since March 2023")

    assert isinstance(answer, ChangesAnswer)
    assert ("en", date(2023, 3, 1)) == (answer.lang, answer.since)


async def test_help_and_scope(demo: KnowledgeService) -> None:
    assert HelpAnswer("help", "da") == await demo.ask("hjælp")
    assert HelpAnswer("help", "en") == await demo.ask("help")
    assert ScopeSet("set_scope", "da", "Region Midtjylland", "Midtklyngen") == await demo.ask(
        "vi er Midtklyngen"
    )
    assert ScopeSet("set_scope", "en", "Region Midtjylland", "Randersklyngen") == await demo.ask(
        "this chat is Randersklyngen"
    )
    assert ScopeSet("set_scope", "da", "Region Syddanmark", None) == await demo.ask(
        "vi hører til Region Syddanmark"
    )


async def test_only_the_first_question_max_characters_are_read(demo: KnowledgeService) -> None:
    padding = " " * QUESTION_MAX

    assert isinstance(await demo.ask(f"{padding}status på rygestop"), NotKnown)
    assert RYGESTOP == item_id(await demo.ask(f"status på rygestop{padding}stomi"))


async def test_a_new_import_is_seen_by_the_next_question(
    demo: KnowledgeService, tmp_path: Any
) -> None:
    assert isinstance(await demo.ask("status på fodpleje"), NotKnown)
    data = dict(kb())
    extra = dict(kb()["agreements"][0], id="fodpleje-midtjylland", title="Aftale om fodpleje")
    data["agreements"] = [*kb()["agreements"], extra]
    dump = tmp_path / "kb.json"
    dump.write_text(json.dumps(data), encoding="utf-8")
    await demo.restore(dump, replace=True)

    assert "fodpleje-midtjylland" == item_id(await demo.ask("status på fodpleje"))


async def test_an_empty_knowledge_base_knows_nothing(service: KnowledgeService) -> None:
    answer = await service.ask("status på rygestop")

    assert NotKnown("unknown", "da", ()) == answer


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("status på selvskade-initiativet", "forebyggelse-og-behandling-af-selvskade-midtjylland"),
        ("status for the Den sidste tid working group", "den-sidste-tid-syddanmark"),
        ("vaccinationskampagnen – kører den stadig?", "faelles-vaccinationskampagne-midtjylland"),
        ("Is Psykiatriens Hus up and running?", "psykiatriens-hus-midtjylland"),
        ("staus på rygestopaftalen??", RYGESTOP),
        (
            "hvilke parter har skrevet under på hensigtserklæringen om rygestop",
            "hensigtserklaering-om-oeget-fokus-paa-rygestop-i-almen-praks-midtjylland",
        ),
    ],
)
async def test_words_around_the_name_do_not_hide_it(
    demo: KnowledgeService, question: str, expected: str
) -> None:
    assert expected == item_id(await demo.ask(question))


async def test_a_budget_question_with_a_year_carries_that_years_lines(
    demo: KnowledgeService,
) -> None:
    answer = await demo.ask("FACT budget 2025")

    assert isinstance(answer, ItemAnswer)
    assert [(600_000, 2025)] == [(line.amount_dkk, line.year) for line in answer.item.budget]


@pytest.mark.parametrize(
    ("question", "party"),
    [
        ("what is Regionspsykiatrien Midt involved in?", "Regionspsykiatrien Midt"),
        ("hvad er Skive Kommune med i", "Skive Kommune"),
    ],
)
async def test_a_party_named_alone_lists_what_it_takes_part_in(
    demo: KnowledgeService, question: str, party: str
) -> None:
    answer = await demo.ask(question)

    assert isinstance(answer, ListAnswer)
    assert answer.items
    assert all(party in item.parties for item in answer.items)


async def test_a_status_word_alone_lists_the_items_with_that_status(
    demo: KnowledgeService,
) -> None:
    answer = await demo.ask("hvad er afsluttet?")

    assert isinstance(answer, ListAnswer)
    assert {"completed"} == {item.status.category for item in answer.items if item.status}
    assert 3 == len(answer.items)


async def test_changes_leave_out_statuses_valid_only_after_today(
    demo: KnowledgeService,
) -> None:
    answer = await demo.ask("hvad er ændret siden 1. december 2023")

    assert isinstance(answer, ChangesAnswer)
    assert all(c.entry.valid_from <= date(2024, 3, 1) for c in answer.changes)  # type: ignore[operator]
    assert IV_SYD in {change.item.id for change in answer.changes}


async def test_every_upcoming_meeting_of_a_cluster(demo: KnowledgeService) -> None:
    answer = await demo.ask("What meetings does Sundhedsklynge Sønderjylland have coming up?")

    assert ("meetings_in_period", "en") == (answer.intent, answer.lang)
    assert [
        FSN_0304,
        "sundhedsklynge-soenderjylland-politisk-niveau-2024-04-04",
        "sundhedsklynge-soenderjylland-fagligt-strategisk-niveau-2024-06-24",
        "sundhedsklynge-soenderjylland-politisk-niveau-2024-10",
    ] == meeting_ids(answer)


async def test_decisions_on_a_yearless_day_look_back(demo: KnowledgeService) -> None:
    answer = await demo.ask("Hvad blev der besluttet i Randersklyngen 28. september?")

    assert isinstance(answer, DecisionsAnswer)
    assert {"klyngestyregruppen-randersklyngen-2023-09-28"} == {
        d.meeting.slug for d in answer.decisions
    }


async def test_the_last_meeting_is_a_past_one_and_says_so(demo: KnowledgeService) -> None:
    answer = await demo.ask("hvornår var sidste møde i Randersklyngen")

    assert isinstance(answer, MeetingsAnswer)
    assert ["klyngestyregruppen-randersklyngen-2023-11-24"] == meeting_ids(answer)
    assert "Randersklyngen, seneste møde" == answer.scope


async def test_two_names_sharing_a_word_are_both_filters(demo: KnowledgeService) -> None:
    answer = await demo.ask("hvilke aftaler har PLO-Midtjylland og Region Midtjylland indgået")

    assert isinstance(answer, ListAnswer)
    assert "aftaler, med PLO-Midtjylland, i Region Midtjylland" == answer.filter
    assert all(item.region == "Region Midtjylland" for item in answer.items)
