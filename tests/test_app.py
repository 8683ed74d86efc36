"""Serving: health endpoints, and the demo knowledge base loaded into an empty database."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from app import SERVICE, create_app
from bot.settings import Settings


@pytest.fixture
async def client(sqlite_url: str) -> AsyncIterator[TestClient[object, object]]:
    app = create_app(Settings(database_url=sqlite_url))
    async with TestClient(TestServer(app)) as client:
        yield client


async def test_health_and_readiness(client: TestClient[object, object]) -> None:
    health = await client.get("/healthz")
    ready = await client.get("/readyz")

    assert (200, {"status": "ok"}) == (health.status, await health.json())
    assert (200, {"status": "ready"}) == (ready.status, await ready.json())


async def test_serving_an_empty_database_loads_the_demo(
    client: TestClient[object, object],
) -> None:
    service = client.app[SERVICE]  # type: ignore[union-attr]

    export = await service.export()

    assert len(export["agreements"]) > 10
    assert len(export["meetings"]) > 10


async def test_serving_a_filled_database_leaves_it_alone(tmp_path: Path, sqlite_url: str) -> None:
    first = create_app(Settings(database_url=sqlite_url))
    async with TestClient(TestServer(first)) as client:
        service = client.app[SERVICE]  # type: ignore[union-attr]
        await service.restore(Path(__file__).parents[1] / "knowledge/demo/kb.json", replace=True)
        before = await service.export()

    second = create_app(Settings(database_url=sqlite_url))
    async with TestClient(TestServer(second)) as client:
        assert before == await client.app[SERVICE].export()  # type: ignore[union-attr]
