"""Serving: health endpoints, and the demo knowledge base as a choice: loaded into an empty
database only when asked for, and never where an import was tried."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer

from app import SERVICE, create_app
from bot.settings import Settings
from knowledge.service import DEMO_FILE, KnowledgeService

Client = TestClient[object, object]


@asynccontextmanager
async def serving(settings: Settings) -> AsyncIterator[KnowledgeService]:
    async with TestClient(TestServer(create_app(settings))) as client:
        yield client.app[SERVICE]  # type: ignore[index]


@pytest.fixture
async def client(sqlite_url: str) -> AsyncIterator[Client]:
    app = create_app(Settings(database_url=sqlite_url))
    async with TestClient(TestServer(app)) as client:
        yield client


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return data


def counts(export: dict[str, Any]) -> tuple[int, int, int]:
    return len(export["agreements"]), len(export["initiatives"]), len(export["meetings"])


async def test_health_and_readiness(client: Client) -> None:
    health = await client.get("/healthz")
    ready = await client.get("/readyz")

    assert (200, {"status": "ok"}) == (health.status, await health.json())
    assert (200, {"status": "ready"}) == (ready.status, await ready.json())


async def test_serving_an_empty_database_leaves_it_empty_unless_the_demo_is_asked_for(
    client: Client,
) -> None:
    service = client.app[SERVICE]  # type: ignore[index]

    assert await service.is_empty()


async def test_serving_with_the_demo_on_its_own_date_loads_it_as_shipped(sqlite_url: str) -> None:
    async with serving(Settings(database_url=sqlite_url, today=date(2024, 3, 1), demo=True)) as kb:
        export = await kb.export()

    demo = shipped()
    assert counts(demo) == counts(export)
    assert sorted(m["date"] for m in demo["meetings"]) == [m["date"] for m in export["meetings"]]


async def test_serving_with_the_demo_later_places_its_meetings_around_today(
    sqlite_url: str,
) -> None:
    today = date(2026, 12, 8)
    async with serving(Settings(database_url=sqlite_url, today=today, demo=True)) as kb:
        export = await kb.export()

    planned = [date.fromisoformat(m["date"]) for m in export["meetings"] if m["state"] == "planned"]
    assert counts(shipped()) == counts(export)
    assert any(day > today for day in planned)


async def test_serving_a_filled_database_leaves_it_alone(sqlite_url: str) -> None:
    async with serving(Settings(database_url=sqlite_url)) as kb:
        await kb.restore(DEMO_FILE)
        before = await kb.export()

    async with serving(Settings(database_url=sqlite_url, demo=True)) as kb:
        assert before == await kb.export()


async def test_after_a_failed_import_the_demo_never_loads(sqlite_url: str, tmp_path: Path) -> None:
    refused = tmp_path / "notat.txt"
    refused.write_text("# source: https://example.org/notat\n", encoding="utf-8")
    async with serving(Settings(database_url=sqlite_url)) as kb:
        [report] = await kb.import_documents([refused])
        assert report.refused is not None

    async with serving(Settings(database_url=sqlite_url, demo=True)) as kb:
        assert await kb.is_empty()
