"""What a subscription command names, in the demo knowledge base: filler words, Danish
genitives, keyboard variants, and the chat's own cluster breaking ties."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from knowledge.answers.snapshot import Snapshot
from knowledge.core.chat import ChatScope
from knowledge.core.clock import Clock
from knowledge.core.db import create_engine, migrate, session_factory
from knowledge.notify.contract import TargetNotFound
from knowledge.notify.subscriptions import KINDS, resolve_target
from knowledge.service import KnowledgeService

MIDT = ChatScope(region="Region Midtjylland", cluster="Midtklyngen")
NONE = ChatScope()


@pytest.fixture
async def snapshot(tmp_path: Path) -> AsyncIterator[Snapshot]:
    path = tmp_path / "kb.db"
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    await migrate(engine)
    service = KnowledgeService(session_factory(engine), Clock(date(2024, 3, 1)))
    await service.load_demo()
    async with service._sessions() as session:
        yield await service._snapshots.current(session)
    await engine.dispose()


@pytest.mark.parametrize(
    ("typed", "scope", "expected"),
    [
        ("Midtklyngen", NONE, ("cluster", "Midtklyngen")),
        ("Midtklyngens møder", NONE, ("cluster", "Midtklyngen")),
        ("midtklyngens moeder", NONE, ("cluster", "Midtklyngen")),
        ("kalender Midtklyngen", NONE, ("cluster", "Midtklyngen")),
        ("Randersklyngen meetings", NONE, ("cluster", "Randersklyngen")),
        ("sonderjylland", NONE, ("cluster", "Sundhedsklynge Sønderjylland")),
        ("Region Midt", NONE, ("region", "Region Midtjylland")),
        ("klyngestyregruppen", MIDT, ("body", "Klyngestyregruppen Midtklyngen")),
        ("IV-aftalen", MIDT, ("item", "Samarbejdsaftale om IV-behandling i nærområdet")),
        ("the IV agreement", MIDT, ("item", "Samarbejdsaftale om IV-behandling i nærområdet")),
        ("", MIDT, ("cluster", "Midtklyngen")),
    ],
)
async def test_targets_are_found_as_people_type_them(
    snapshot: Snapshot, typed: str, scope: ChatScope, expected: tuple[str, str]
) -> None:
    found = resolve_target(snapshot, typed, scope, KINDS["any"])

    assert expected == (getattr(found, "kind", None), getattr(found, "label", None))


@pytest.mark.parametrize("typed", ["klyngestyregruppen", "IV-aftalen", "politisk klynge"])
async def test_without_a_scope_a_shared_name_asks_which(snapshot: Snapshot, typed: str) -> None:
    found = resolve_target(snapshot, typed, NONE, KINDS["any"])

    assert 2 <= len(getattr(found, "choices", ()))


async def test_a_name_like_nothing_gets_no_suggestions(snapshot: Snapshot) -> None:
    found = resolve_target(snapshot, "Kvantefysikudvalget", NONE, KINDS["any"])

    assert TargetNotFound(()) == found


async def test_a_name_not_found_suggests_what_it_resembles(snapshot: Snapshot) -> None:
    found = resolve_target(snapshot, "astmarehab", NONE, KINDS["any"])

    assert TargetNotFound(("Astma-rehabilitering på tværs",)) == found
