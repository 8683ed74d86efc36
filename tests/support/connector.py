"""A small Bot Connector fake: an aiohttp server on loopback that records what the bot sends.

Like nosht's dummy_server: it answers the calls the bot makes (send to conversation,
reply to activity, update) with what the real connector would, and keeps every body.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer


@dataclass
class Connector:
    url: str = ""
    sent: list[dict[str, Any]] = field(default_factory=list)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def messages(self) -> list[dict[str, Any]]:
        return [body for body in self.sent if body.get("type") == "message"]

    def clear(self) -> None:
        self.sent.clear()

    async def _receive(self, request: web.Request) -> web.Response:
        self.sent.append(await request.json())
        return web.json_response({"id": f"reply-{next(self._ids)}"})

    def app(self) -> web.Application:
        app = web.Application()
        base = "/v3/conversations/{conversation}/activities"
        app.router.add_post(base, self._receive)
        app.router.add_post(base + "/{activity}", self._receive)
        app.router.add_put(base + "/{activity}", self._receive)
        return app


@asynccontextmanager
async def running_connector() -> AsyncIterator[Connector]:
    connector = Connector()
    server = TestServer(connector.app(), host="127.0.0.1")
    await server.start_server()
    connector.url = str(server.make_url("/")).rstrip("/") + "/"
    try:
        yield connector
    finally:
        await server.close()
