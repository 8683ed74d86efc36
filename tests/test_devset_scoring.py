"""The dev-set scorers' rules (benchmarks/devset_*.py), on made-up replies and documents.

The scripts themselves need ../shared/devset; these rules do not, and every example here
is invented for the test.
"""

from __future__ import annotations

from typing import Any

import pytest

from benchmarks.devset_documents import compare
from benchmarks.devset_matching import decision_alike, meeting_day, states_no_decision
from benchmarks.devset_replies import answer_kind, reply_text
from benchmarks.devset_scoring import fact_present, language_of


@pytest.mark.parametrize(
    "text",
    [
        "mødet er 3. maj 2024",
        "on 3 May 2024",
        "on May 3, 2024",
        "03-05-2024",
        "3.5.2024",
        "03.05.2024",
        "2024-05-03",
        "fredag den 3.\u00a0maj 2024, kl. 9",
    ],
)
def test_a_day_counts_in_any_common_format(text: str) -> None:
    assert True is fact_present("2024-05-03", text)


def test_another_day_or_a_day_without_its_year_does_not_count() -> None:
    assert (False, False) == (
        fact_present("2024-05-03", "4. maj 2024"),
        fact_present("2024-05-03", "3. maj"),
    )


@pytest.mark.parametrize("text", ["i maj 2024", "in May 2024", "05-2024", "2024-05", "sept. 2024"])
def test_a_month_counts_by_name_or_number_with_its_year(text: str) -> None:
    month = "2024-09" if "sept" in text else "2024-05"
    assert True is fact_present(month, text)


def test_a_month_given_only_with_a_day_is_an_invented_day() -> None:
    assert False is fact_present("2024-05", "mødet var 3. maj 2024")


@pytest.mark.parametrize(
    "text",
    [
        "1,2 mio. kr.",
        "1.200.000 kr.",
        "1 200 000 kr.",
        "DKK 1.2 million",
        "DKK 1,200,000",
        "1.200 t.kr.",
    ],
)
def test_an_amount_counts_in_any_format(text: str) -> None:
    assert True is fact_present(1200000, text)


def test_an_amount_in_thousands_counts_only_when_it_says_so() -> None:
    assert False is fact_present(1200000, "1.200 kr.")


def test_a_count_is_not_read_out_of_a_date_a_time_or_a_file_name() -> None:
    text = "Mødet 6. marts 2024 kl. 13.00, se 006_a13b.txt"
    assert (False, False) == (fact_present(6, text), fact_present(13, text))


def test_a_year_and_a_percentage_are_plain_numbers() -> None:
    text = "i drift siden 1. januar 2019; 74,8 % deltog"
    assert (True, True) == (fact_present(2019, text), fact_present(74.8, text))


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        ("Status: i drift", "status:implemented", True),
        ("status: in operation", "status:implemented", True),
        ("Projektet er under implementering", "status:in_progress", True),
        ("it is being implemented", "status:implemented", False),
        ("it is being implemented", "status:in_progress", True),
        ("endnu ikke implementeret", "status:implemented", False),
        ("sat på pause", "status:paused", True),
    ],
)
def test_a_status_counts_by_label_or_clear_synonym_not_negated(
    text: str, category: str, expected: bool
) -> None:
    assert expected is fact_present(category, text)


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        ("Tryg-Hjem-Forløb", "om tryg hjem forløb", True),
        ("Kørekortgruppen", "Korekortgruppen mødes", True),
        ("Kørekortgruppen", "Koerekortgruppen mødes", True),
        ("fodpleje", "fodplejen i byen", True),
        ("Bo", "Boligudvalget mødes", False),
        ("RAD", "et paradis for året", False),
    ],
)
def test_a_term_matches_folded_from_a_word_start_to_an_ending(
    term: str, text: str, expected: bool
) -> None:
    assert expected is fact_present(term, text)


def test_an_english_frame_around_danish_quotes_reads_as_english() -> None:
    reply = (
        "Samarbejdsaftale om fodpleje\nin progress\nas of 1 March 2024\n"
        "Aftalen er sendt til godkendelse i udvalget og de fire kommuner.\nSource: x.txt"
    )
    assert ("en", "da") == (
        language_of(reply),
        language_of("Næste møde er den 3. maj, og det er i udvalget."),
    )


def _card(*body: dict[str, Any], actions: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    content: dict[str, Any] = {"type": "AdaptiveCard", "body": list(body), "fallbackText": "X"}
    if actions:
        content["actions"] = actions
    attachment = {"contentType": "application/vnd.microsoft.card.adaptive", "content": content}
    return {"type": "message", "attachments": [attachment]}


def test_reply_text_reads_text_facts_and_buttons_but_not_data_or_fallbacks() -> None:
    button = {"type": "Action.Submit", "title": "Vis flere", "data": {"question": "skjult"}}
    activity = _card(
        {"type": "TextBlock", "text": "Overskrift"},
        {"type": "FactSet", "facts": [{"title": "Parter", "value": "Testkommune"}]},
        actions=[button],
    )
    assert "Overskrift\nParter\nTestkommune\nVis flere" == reply_text([activity])


def test_answer_kinds_come_from_the_intent_and_the_cards_structure() -> None:
    choice = {"type": "Action.Submit", "title": "A (Region Test)", "data": {"choice": "a"}}
    clarify = _card({"type": "TextBlock", "text": "Hm"}, actions=[choice])
    none = _card({"type": "TextBlock", "text": "The knowledge base has no budget."})
    answer = _card({"type": "TextBlock", "text": "Budget 100.000 kr."})
    assert ["not_known", "clarify", "none_found", "answer", "no_reply"] == [
        answer_kind("unknown", [answer]),
        answer_kind("status", [clarify]),
        answer_kind("budget", [none]),
        answer_kind("budget", [answer]),
        answer_kind("budget", []),
    ]


def test_paraphrases_that_say_the_excerpt_holds_no_decision_are_recognised() -> None:
    assert [True, True, True, False] == [
        states_no_decision("None in this part."),
        states_no_decision("Item 4: the proposal is kept, but its decision is cut."),
        states_no_decision("No decision is written down."),
        states_no_decision("The board approved the plan."),
    ]


def test_a_decision_matches_by_item_number_or_shared_content_words() -> None:
    assert [True, True, False] == [
        decision_alike("Item 7: agenda approved.", "7", "Godkendt."),
        decision_alike("Testrådet godkendte budgettet for fodplejen.", "2", "Budgettet godkendt"),
        decision_alike("The board approved the plan.", "2", "Taget til efterretning."),
    ]


def test_a_meeting_date_is_as_precise_as_the_export_says() -> None:
    assert ("2024-05-03", "2024-05") == (
        meeting_day({"date": "2024-05-03", "date_precision": "day"}),
        meeting_day({"date": "2024-05-01", "date_precision": "month"}),
    )


EXPECTED = {
    "items": [{"title": "Samarbejdsaftale om fodpleje"}],
    "meetings": [
        {"body": "Testrådet", "date": "2024-05-03"},
        {"body": "Følgegruppen for test", "date": None},
    ],
    "decisions": ["Item 2: the plan was approved.", "None in this part."],
    "bodies": [{"name": "Testrådet", "members": [{"name": "Åse Ørn", "role": "formand"}]}],
}


def test_an_export_is_compared_with_what_was_expected_and_inventions_are_counted() -> None:
    export = {
        "agreements": [{"title": "Samarbejdsaftale om fodpleje i Testkommune"}],
        "initiatives": [{"title": "Et projekt ingen nævnte"}],
        "meetings": [
            {
                "body": "Testrådet",
                "date": "2024-05-03",
                "date_precision": "day",
                "agenda": [{"number": "2", "title": "Planen", "decision": "Godkendt."}],
            },
            {"body": "Følgegruppen for test", "date": "2024-10-29", "date_precision": "day"},
            {"body": "Et andet udvalg", "date": "2024-01-05", "date_precision": "day"},
        ],
        "bodies": [{"name": "Testrådet", "members": [{"name": "Aase Oern"}]}],
    }

    result = compare(EXPECTED, export)

    assert ((1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (1, 1), 1) == (
        result.items,
        result.meetings,
        result.undated,
        result.decisions,
        result.bodies,
        result.members,
        result.skipped_decisions,
    )
    assert (["Et projekt ingen nævnte"], ["Et andet udvalg 2024-01-05"]) == (
        result.invented_items,
        result.invented_meetings,
    )
    assert ["Følgegruppen for test 2024-10-29"] == result.invented_dates
