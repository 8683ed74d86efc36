"""Self-check of the acceptance questions against the demo knowledge base (not the bot).

Every expectation must be true of `knowledge/demo/kb.json` as it is, with today fixed at
2024-03-01: the ids exist, next meetings and changes recompute from the data, and the set
keeps its shape (size, languages, how many questions the bot cannot answer).
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.questions.expectations import (
    Budget,
    Changes,
    Clarify,
    Decisions,
    ListOf,
    MeetingsIn,
    NextMeeting,
    ScopeSet,
    Status,
    Unknown,
    Who,
)
from tests.questions.question_set import QUESTIONS, TODAY, Question

KB_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "demo" / "kb.json"
KB: dict[str, Any] = json.loads(KB_FILE.read_text(encoding="utf-8"))
ITEMS: dict[str, dict[str, Any]] = {i["id"]: i for i in KB["agreements"] + KB["initiatives"]}
MEETINGS: dict[str, dict[str, Any]] = {m["id"]: m for m in KB["meetings"]}
SOURCES = [*ITEMS.values(), *MEETINGS.values()]
CLUSTERS = {s["cluster"] for s in SOURCES if s["cluster"]}
REGIONS = {s["region"] for s in SOURCES if s["region"]}
# How many months a status entry's period spans, by the precision of its valid_from.
MONTHS = {"day": 0, "month": 1, "quarter": 3, "season": 3, "third": 4, "half": 6, "year": 12}


def _questions_of(kind: type) -> list[Question]:
    return [q for q in QUESTIONS if isinstance(q.expect, kind)]


def _ids(kind: type) -> list[pytest.param]:
    return [pytest.param(q, id=q.text) for q in _questions_of(kind)]


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _upcoming(meeting: dict[str, Any]) -> bool:
    day = _day(meeting["date"])
    if meeting["date_precision"] == "month":
        return (day.year, day.month) >= (TODAY.year, TODAY.month)
    return day >= TODAY


def _concerns(meeting: dict[str, Any], name: str) -> bool:
    return name in (meeting["body"], meeting["cluster"], meeting["region"])


def _lies_in(item: dict[str, Any], where: str | None) -> bool:
    return where is None or where in (item["cluster"], item["region"])


def _period(entry: dict[str, Any]) -> tuple[date, date] | None:
    """The [start, end] an entry is valid from, or None for an undated entry."""
    if entry["valid_from"] is None:
        return None
    start = _day(entry["valid_from"])
    months = MONTHS[entry["valid_from_precision"]]
    if months == 0:
        return start, start
    years, month = divmod(start.month - 1 + months, 12)
    return start, date(start.year + years, month + 1, 1) - timedelta(days=1)


def _past_periods(item: dict[str, Any]) -> list[tuple[date, date]]:
    periods = [_period(e) for e in item["status_history"]]
    return [p for p in periods if p is not None and p[0] <= TODAY]


def _referenced(question: Question) -> tuple[list[str], list[str]]:
    """(item ids, meeting ids) an expectation names."""
    e = question.expect
    if isinstance(e, Status | Who | Budget):
        return [e.item], []
    if isinstance(e, ListOf | Changes):
        return [*e.includes, *e.excludes], []
    if isinstance(e, Clarify):
        return list(e.choices), []
    if isinstance(e, NextMeeting):
        return [], [e.meeting] if e.meeting else []
    if isinstance(e, MeetingsIn):
        return [], list(e.meetings)
    if isinstance(e, Decisions):
        return [], [e.meeting] if e.meeting else []
    return [], []


def test_every_referenced_id_exists_in_the_demo_knowledge_base() -> None:
    missing = []
    for question in QUESTIONS:
        items, meetings = _referenced(question)
        missing += [(question.text, i) for i in items if i not in ITEMS]
        missing += [(question.text, m) for m in meetings if m not in MEETINGS]
    assert [] == missing


def test_the_set_is_large_enough() -> None:
    assert len(QUESTIONS) >= 220


def test_about_sixty_percent_of_the_questions_are_danish() -> None:
    share = sum(q.lang == "da" for q in QUESTIONS) / len(QUESTIONS)
    assert 0.55 <= share <= 0.65, share


def test_enough_questions_the_knowledge_base_cannot_answer() -> None:
    assert len(_questions_of(Unknown)) >= 25


def test_enough_ambiguous_questions() -> None:
    assert len(_questions_of(Clarify)) >= 5


def test_no_question_text_appears_twice() -> None:
    counts = Counter(" ".join(q.text.casefold().split()) for q in QUESTIONS)
    assert [] == [text for text, n in counts.items() if n > 1]


def test_scopes_are_clusters_or_regions_of_the_knowledge_base() -> None:
    scopes = {q.scope for q in QUESTIONS if q.scope is not None}
    assert set() == scopes - CLUSTERS - REGIONS


@pytest.mark.parametrize("question", _ids(ScopeSet))
def test_scope_names_a_known_cluster_or_region(question: Question) -> None:
    expect = question.expect
    assert isinstance(expect, ScopeSet)
    assert (expect.cluster, expect.region) != (None, None)
    assert expect.cluster is None or expect.cluster in CLUSTERS
    assert expect.region is None or expect.region in REGIONS


@pytest.mark.parametrize("question", _ids(NextMeeting))
def test_next_meeting_is_the_first_upcoming_one_of_what_was_asked(question: Question) -> None:
    expect = question.expect
    assert isinstance(expect, NextMeeting)
    known = [m for m in MEETINGS.values() if _concerns(m, expect.of)]
    assert known, f"nothing in the knowledge base is called {expect.of!r}"
    upcoming = sorted((m for m in known if _upcoming(m)), key=lambda m: m["date"])
    assert expect.meeting == (upcoming[0]["id"] if upcoming else None)


@pytest.mark.parametrize("question", _ids(MeetingsIn))
def test_meetings_in_a_period_are_listed_once_in_date_order(question: Question) -> None:
    assert isinstance(question.expect, MeetingsIn)
    meetings = question.expect.meetings
    assert len(set(meetings)) == len(meetings)
    dates = [MEETINGS[m]["date"] for m in meetings]
    assert sorted(dates) == dates
    assert len(meetings) <= 8


@pytest.mark.parametrize("question", _ids(Decisions))
def test_decisions_name_agenda_items_that_have_a_decision(question: Question) -> None:
    expect = question.expect
    assert isinstance(expect, Decisions)
    assert expect.meeting is not None
    decided = {a["number"] for a in MEETINGS[expect.meeting]["agenda"] if a["decision"]}
    assert set() == set(expect.contains_agenda) - decided


@pytest.mark.parametrize("question", _ids(Who))
def test_who_asks_about_an_item_with_parties(question: Question) -> None:
    assert isinstance(question.expect, Who)
    assert ITEMS[question.expect.item]["parties"]


@pytest.mark.parametrize("question", _ids(Budget))
def test_budget_asks_about_an_amount_the_item_has(question: Question) -> None:
    expect = question.expect
    assert isinstance(expect, Budget)
    years = [b["year"] for b in ITEMS[expect.item]["budget"]]
    if expect.year is None:
        assert None in years or len(years) == 1
    else:
        assert expect.year in years


@pytest.mark.parametrize("question", _ids(ListOf))
def test_list_expectations_are_consistent(question: Question) -> None:
    expect = question.expect
    assert isinstance(expect, ListOf)
    assert expect.includes
    assert len(expect.includes) <= 8
    assert set() == set(expect.includes) & set(expect.excludes)


@pytest.mark.parametrize("question", _ids(Changes))
def test_changes_recompute_from_the_status_history(question: Question) -> None:
    expect = question.expect
    assert isinstance(expect, Changes)
    assert expect.since < TODAY
    assert set() == set(expect.includes) & set(expect.excludes)
    for item_id in expect.includes:
        item = ITEMS[item_id]
        assert _lies_in(item, expect.where), item_id
        assert any(start >= expect.since for start, _ in _past_periods(item)), item_id
    for item_id in expect.excludes:
        item = ITEMS[item_id]
        reaches = any(end >= expect.since for _, end in _past_periods(item))
        assert not (_lies_in(item, expect.where) and reaches), item_id


@pytest.mark.parametrize("question", _ids(Clarify))
def test_clarify_offers_several_distinct_items(question: Question) -> None:
    assert isinstance(question.expect, Clarify)
    choices = question.expect.choices
    assert 2 <= len(set(choices)) == len(choices) <= 3


@pytest.mark.parametrize("question", _ids(Status))
def test_scoped_status_questions_name_an_item_of_the_scope_when_it_is_ambiguous(
    question: Question,
) -> None:
    """With a scope, an item that shares its subject with another region's item must
    be the one in the chat's region."""
    assert isinstance(question.expect, Status)
    item = ITEMS[question.expect.item]
    twins = [
        i
        for i in ITEMS.values()
        if i["id"] != item["id"] and set(i["aliases"]) & set(item["aliases"])
    ]
    if question.scope is None or not twins:
        return
    scope_regions = {s["region"] for s in SOURCES if question.scope in (s["cluster"], s["region"])}
    assert {item["region"]} == scope_regions
