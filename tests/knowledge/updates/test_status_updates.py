"""Status updates from chat: exactly once, never over an unseen status, refused when
wrong, with their authors in the history; corrections, editors, forgetting a person,
and finding the item a person names."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from knowledge.core.chat import ChatScope
from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.core.errors import InvalidStatus, NoteTooLong, UnknownItem, UpdateRefused
from knowledge.service import DEMO_FILE, KnowledgeService
from knowledge.updates.contract import (
    ANONYMOUS_AUTHOR,
    NOTE_MAX,
    Ambiguous,
    Author,
    ChangedMeanwhile,
    Found,
    NotFound,
    Saved,
    UpdateRequest,
)
from tests.support.clock import Ticker

RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"
IV_MIDT = "samarbejdsaftale-om-iv-behandling-i-naeromraadet-midtjylland"
IV_SYD = "samarbejdsaftale-for-iv-behandling-i-naeromraadet-syddanmark"
AHEAD = "boerne-og-ungeaftalen-syddanmark"  # its newest entry is dated after "today"
ANNE = Author("aad-anne", "Anne Jensen")
BO = Author("aad-bo", "Bo Hansen")
START = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
async def ticker() -> Ticker:
    return Ticker()


@pytest.fixture
async def kb(database_url: str, ticker: Ticker) -> AsyncIterator[KnowledgeService]:
    """The demo knowledge base, with a clock the test moves."""
    engine = create_engine(database_url)
    await migrate(engine)
    kb = KnowledgeService(session_factory(engine), Clock(utc_now=ticker))
    await kb.restore(DEMO_FILE)
    yield kb
    await engine.dispose()


async def request(
    kb: KnowledgeService,
    item_id: str = RYGESTOP,
    *,
    key: str = "dialog-1",
    category: str = "in_progress",
    note: str | None = "Genoptaget efter sommerferien.",
    author: Author = ANNE,
) -> UpdateRequest:
    """A request made against the status the person sees now."""
    current = await kb.current_status(item_id)
    return UpdateRequest(
        item_id, category, note, author, key, current.current_entry_id, "conv-1", "act-1"
    )


async def test_an_update_becomes_the_items_newest_status(kb: KnowledgeService) -> None:
    outcome = await kb.update_status(await request(kb))

    assert isinstance(outcome, Saved)
    assert False is outcome.duplicate
    status = outcome.item.status
    assert status is not None
    expected = ("in_progress", "Genoptaget efter sommerferien.", date(2024, 3, 1), "Anne Jensen")
    assert expected == (status.category, status.text, status.valid_from, status.author)
    assert None is status.source
    assert outcome.entry_id == (await kb.current_status(RYGESTOP)).current_entry_id


async def test_an_update_without_a_note_gets_a_default_text(kb: KnowledgeService) -> None:
    outcome = await kb.update_status(await request(kb, note="  "))

    assert isinstance(outcome, Saved)
    assert outcome.item.status is not None
    assert "Status opdateret i chat" == outcome.item.status.text


async def test_an_update_outranks_an_entry_dated_ahead(kb: KnowledgeService) -> None:
    outcome = await kb.update_status(await request(kb, AHEAD, category="paused"))

    assert isinstance(outcome, Saved)
    assert outcome.item.status is not None
    assert "paused" == outcome.item.status.category
    assert outcome.entry_id == (await kb.current_status(AHEAD)).current_entry_id


async def test_questions_see_the_new_status_at_once(kb: KnowledgeService) -> None:
    await kb.ask("hvad er status på samarbejdsaftale om rygestop?")  # builds the snapshot

    await kb.update_status(await request(kb, category="paused"))

    answer = await kb.ask("hvilke aftaler er sat på pause?")
    assert RYGESTOP in [view.id for view in getattr(answer, "items", ())]


async def test_the_same_request_twice_is_saved_once(kb: KnowledgeService) -> None:
    same = await request(kb)
    first = await kb.update_status(same)
    again = await kb.update_status(same)

    assert isinstance(first, Saved)
    assert Saved(first.item, first.entry_id, duplicate=True) == again
    assert 1 == sum(entry.author_id == ANNE.aad_id for entry in await kb.history(RYGESTOP))


async def test_twenty_identical_submissions_at_once_write_one_entry(kb: KnowledgeService) -> None:
    same = await request(kb)

    outcomes = await asyncio.gather(*(kb.update_status(same) for _ in range(20)))

    assert {outcomes[0].entry_id} == {outcome.entry_id for outcome in outcomes}  # type: ignore[union-attr]
    assert 19 == sum(isinstance(o, Saved) and o.duplicate for o in outcomes)
    assert 1 == sum(entry.author_id == ANNE.aad_id for entry in await kb.history(RYGESTOP))


async def test_the_second_of_two_people_is_told_it_changed_and_may_confirm(
    kb: KnowledgeService,
) -> None:
    anne = await request(kb, key="anne", category="implemented")
    bo = await request(kb, key="bo", category="paused", author=BO)

    first = await kb.update_status(anne)
    second = await kb.update_status(bo)

    assert isinstance(first, Saved)
    assert isinstance(second, ChangedMeanwhile)
    assert first.entry_id == second.current_entry_id
    assert second.item.status is not None
    assert "implemented" == second.item.status.category
    confirmed = await kb.update_status(replace(bo, current_entry_id=second.current_entry_id))
    assert isinstance(confirmed, Saved)
    assert ["paused", "implemented"] == [e.status.category for e in await kb.history(RYGESTOP)][:2]


async def test_two_people_at_once_from_the_same_status_save_one(kb: KnowledgeService) -> None:
    anne = await request(kb, key="anne", category="implemented")
    bo = await request(kb, key="bo", category="paused", author=BO)

    outcomes = await asyncio.gather(kb.update_status(anne), kb.update_status(bo))

    assert [Saved, ChangedMeanwhile] == sorted((type(o) for o in outcomes), key=str, reverse=True)


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"item_id": "findes-ikke"}, UnknownItem),
        ({"category": "unknown"}, InvalidStatus),
        ({"category": "færdig"}, InvalidStatus),
        ({"note": "x" * (NOTE_MAX + 1)}, NoteTooLong),
    ],
)
async def test_a_wrong_update_is_refused_and_nothing_is_written(
    kb: KnowledgeService, changes: dict[str, object], error: type[UpdateRefused]
) -> None:
    before = await kb.export()

    with pytest.raises(error):
        await kb.update_status(replace(await request(kb), **changes))  # type: ignore[arg-type]

    assert before == await kb.export()


async def test_a_note_of_the_maximum_length_is_saved(kb: KnowledgeService) -> None:
    outcome = await kb.update_status(await request(kb, note="x" * NOTE_MAX))

    assert isinstance(outcome, Saved)


async def test_history_is_newest_first_with_authors(kb: KnowledgeService, ticker: Ticker) -> None:
    before = await kb.history(RYGESTOP)
    await kb.update_status(await request(kb, key="1", category="paused"))
    ticker.now += timedelta(days=1)
    await kb.update_status(await request(kb, key="2", category="in_progress", author=BO))

    entries = await kb.history(RYGESTOP)

    assert len(before) + 2 == len(entries)
    assert ["Bo Hansen", "Anne Jensen"] == [entry.status.author for entry in entries[:2]]
    assert ["aad-bo", "aad-anne"] == [entry.author_id for entry in entries[:2]]
    assert [date(2024, 3, 2), date(2024, 3, 1)] == [e.status.valid_from for e in entries[:2]]
    assert ticker.now == entries[0].recorded_at
    assert "conv-1" == entries[0].conversation_id
    assert before == entries[2:]


async def test_history_of_an_unknown_item_is_refused(kb: KnowledgeService) -> None:
    with pytest.raises(UnknownItem):
        await kb.history("findes-ikke")


async def test_a_person_corrects_their_own_last_entry_within_the_window(
    kb: KnowledgeService, ticker: Ticker
) -> None:
    saved = await kb.update_status(await request(kb, key="anne", category="paused"))
    ticker.now += timedelta(minutes=10)

    corrected = await kb.correct_last(RYGESTOP, ANNE, "completed", "Afsluttet, ikke pauset.")

    assert isinstance(saved, Saved)
    assert isinstance(corrected, Saved)
    assert corrected.item.status is not None
    assert ("completed", "Afsluttet, ikke pauset.") == (
        corrected.item.status.category,
        corrected.item.status.text,
    )
    history = await kb.history(RYGESTOP)
    assert [corrected.entry_id] == [e.entry_id for e in history if e.author_id == "aad-anne"]
    again = await kb.update_status(await request(kb, key="anne"))  # the first one, retried
    assert isinstance(again, Saved)
    assert (True, corrected.entry_id) == (again.duplicate, again.entry_id)


async def test_questions_see_a_correction(kb: KnowledgeService) -> None:
    await kb.update_status(await request(kb, category="paused"))
    await kb.ask("hvilke aftaler er sat på pause?")

    await kb.correct_last(RYGESTOP, ANNE, "completed", None)

    answer = await kb.ask("hvilke aftaler er sat på pause?")
    assert RYGESTOP not in [view.id for view in getattr(answer, "items", ())]


async def test_no_correction_after_the_window(kb: KnowledgeService, ticker: Ticker) -> None:
    await kb.update_status(await request(kb, category="paused"))
    ticker.now += timedelta(minutes=31)

    assert None is await kb.correct_last(RYGESTOP, ANNE, "completed", None)


async def test_no_correction_of_someone_elses_entry(kb: KnowledgeService) -> None:
    await kb.update_status(await request(kb, category="paused"))

    assert None is await kb.correct_last(RYGESTOP, BO, "completed", None)


async def test_no_correction_once_another_entry_is_newer(kb: KnowledgeService) -> None:
    await kb.update_status(await request(kb, key="anne", category="paused"))
    await kb.update_status(await request(kb, key="bo", author=BO))

    assert None is await kb.correct_last(RYGESTOP, ANNE, "completed", None)


async def test_no_correction_of_an_imported_entry(kb: KnowledgeService) -> None:
    assert None is await kb.correct_last(RYGESTOP, ANNE, "completed", None)


async def test_forgetting_a_person_anonymises_their_entries(kb: KnowledgeService) -> None:
    await kb.update_status(await request(kb, key="1"))
    await kb.update_status(await request(kb, IV_MIDT, key="2"))
    await kb.update_status(await request(kb, AHEAD, key="3", author=BO))

    assert 2 == await kb.forget_user(ANNE.aad_id or "")

    rows = [
        (row["author"], row["author_id"])
        for key in ("agreements", "initiatives")
        for item in (await kb.export())[key]
        for row in item["status_history"]
        if "author_id" in row
    ]
    expected = [(ANONYMOUS_AUTHOR, None), ("Bo Hansen", "aad-bo"), (ANONYMOUS_AUTHOR, None)]
    assert sorted(expected, key=str) == sorted(rows, key=str)
    assert 0 == await kb.forget_user(ANNE.aad_id or "")


async def test_editors_from_settings_and_from_the_database(kb: KnowledgeService) -> None:
    assert True is await kb.is_editor("aad-anne", frozenset({"*"}))
    assert True is await kb.is_editor("aad-anne", frozenset({"aad-anne"}))
    assert False is await kb.is_editor("aad-anne", frozenset({"aad-bo"}))

    assert True is await kb.add_editor("aad-anne", "Anne Jensen", added_by="aad-bo")
    assert False is await kb.add_editor("aad-anne", "Anne M. Jensen")

    assert True is await kb.is_editor("aad-anne", frozenset())
    editors = await kb.list_editors()
    assert [("aad-anne", "Anne M. Jensen", "aad-bo")] == [
        (e.aad_id, e.name, e.added_by) for e in editors
    ]
    assert True is await kb.remove_editor("aad-anne")
    assert False is await kb.remove_editor("aad-anne")
    assert False is await kb.is_editor("aad-anne", frozenset())


async def test_a_forgotten_editor_is_no_longer_one(kb: KnowledgeService) -> None:
    await kb.add_editor("aad-anne", "Anne Jensen")
    await kb.add_editor("aad-carl", "Carl", added_by="aad-anne")

    await kb.forget_user("aad-anne")

    assert [("aad-carl", None)] == [(e.aad_id, e.added_by) for e in await kb.list_editors()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("samarbejdsaftale om rygestop", RYGESTOP),
        ("samarbejdsaftale om rygstop", RYGESTOP),
        ("rygestop", RYGESTOP),
        ("IV-aftalen i Region Syddanmark", IV_SYD),
    ],
)
async def test_an_item_is_found_by_its_name_also_with_typos(
    kb: KnowledgeService, text: str, expected: str
) -> None:
    found = await kb.find_item(text)

    assert isinstance(found, Found)
    assert expected == found.item.id


async def test_a_name_two_regions_share_asks_which(kb: KnowledgeService) -> None:
    found = await kb.find_item("IV-aftalen")

    assert isinstance(found, Ambiguous)
    expected = {(IV_MIDT, "Region Midtjylland"), (IV_SYD, "Region Syddanmark")}
    assert expected == {(choice.id, choice.detail) for choice in found.choices}


async def test_the_chats_region_picks_between_namesakes(kb: KnowledgeService) -> None:
    found = await kb.find_item("IV-aftalen", ChatScope(region="Region Midtjylland"))

    assert isinstance(found, Found)
    assert IV_MIDT == found.item.id


async def test_an_unrelated_name_is_not_found_and_gets_no_suggestions(kb: KnowledgeService) -> None:
    found = await kb.find_item("kattemad og hundeluft")

    assert NotFound((), ()) == found


async def test_a_nickname_the_index_misses_suggests_the_title_it_resembles(
    kb: KnowledgeService,
) -> None:
    found = await kb.find_item("astmarehab")

    assert isinstance(found, NotFound)
    assert ("Astma-rehabilitering på tværs",) == found.suggestions
    assert [found.suggestions[0]] == [choice.label for choice in found.choices]


async def test_the_current_status_is_the_newest_entry(kb: KnowledgeService) -> None:
    current = await kb.current_status(RYGESTOP)

    history = await kb.history(RYGESTOP)
    assert history[0].entry_id == current.current_entry_id
    assert history[0].status == current.item.status
