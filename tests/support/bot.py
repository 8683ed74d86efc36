"""Fixtures: a running Klyngebot (real HTTP on loopback) with the demo knowledge base and a
connector fake that records every reply."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer
from aiohttp.web_runner import BaseRunner

from app import create_app
from bot.http import SERVER_OPTIONS
from bot.settings import Settings
from tests.support.connector import Connector, running_connector

TODAY = date(2024, 3, 1)


@pytest.fixture
async def connector() -> AsyncIterator[Connector]:
    async with running_connector() as running:
        yield running


class ServedAsInProduction(TestServer):
    """aiohttp's test server with the options app.py serves with: the header deadline, and
    handlers that go on when a client disconnects (the test server would cancel them)."""

    async def _make_runner(self, **kwargs: Any) -> BaseRunner[Any]:
        return await super()._make_runner(**(kwargs | SERVER_OPTIONS))


@asynccontextmanager
async def running_bot(settings: Settings) -> AsyncIterator[TestClient[Any, Any]]:
    server = ServedAsInProduction(create_app(settings), host="127.0.0.1")
    async with TestClient(server) as client:
        yield client


@pytest.fixture
def bot_settings(sqlite_url: str, connector: Connector) -> Settings:
    """Anonymous, as on a developer's machine; replies may go to the connector fake (the
    only loopback address an anonymous bot sends to is one the settings name)."""
    return Settings(database_url=sqlite_url, today=TODAY, anonymous_service_urls=(connector.url,))


@pytest.fixture
async def bot(bot_settings: Settings) -> AsyncIterator[TestClient[Any, Any]]:
    async with running_bot(bot_settings) as client:
        yield client


Post = Callable[..., Any]


async def post(client: TestClient[Any, Any], activity: Any, **headers: str) -> ClientResponse:
    return await client.post("/api/messages", json=activity, headers=headers)


def with_settings(settings: Settings, **changes: Any) -> Settings:
    return replace(settings, **changes)


def replying_to(settings: Settings, *connectors: Connector) -> Settings:
    """`settings` with replies allowed to these connector fakes (anonymous mode)."""
    return replace(settings, anonymous_service_urls=tuple(c.url for c in connectors))
