"""A small Bot Connector fake: an aiohttp server on loopback that records what the bot sends.

Like nosht's dummy_server: it answers the calls the bot makes (send to conversation,
reply to activity, update, delete, members) with what the real connector would, and keeps
every body it accepted in `sent`. Every request, accepted or not, is in `requests`.
Scripted answers (`answers`) are used first, in order, for faults: 429 with Retry-After,
503, 403. `delay` makes every answer late (benchmarks).
"""

from __future__ import annotations

import asyncio
import itertools
from collections import deque
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

MEMBER = {"id": "29:user-1", "name": "Mette", "aadObjectId": "aad-user-1", "email": "m@x.dk"}


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any = None  # JSON; None answers an empty body
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: dict[str, str]
    client_port: int  # which pooled connection carried it


@dataclass
class Connector:
    url: str = ""
    delay: float = 0.0
    sent: list[dict[str, Any]] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)
    answers: deque[Answer] = field(default_factory=deque)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def messages(self) -> list[dict[str, Any]]:
        return [body for body in self.sent if body.get("type") == "message"]

    def clear(self) -> None:
        self.sent.clear()
        self.requests.clear()

    def answer(self, *answers: Answer) -> None:
        self.answers.extend(answers)

    def _record(self, request: web.Request) -> None:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        port = int(peer[1]) if peer else 0
        self.requests.append(Request(request.method, request.path, dict(request.headers), port))

    async def _scripted(self, request: web.Request) -> web.Response | None:
        self._record(request)
        if self.delay:
            await asyncio.sleep(self.delay)
        if not self.answers:
            return None
        answer = self.answers.popleft()
        if answer.delay:
            await asyncio.sleep(answer.delay)
        if answer.body is None:
            return web.Response(status=answer.status, headers=answer.headers)
        return web.json_response(answer.body, status=answer.status, headers=answer.headers)

    async def _receive(self, request: web.Request) -> web.Response:
        scripted = await self._scripted(request)
        if scripted is not None and scripted.status >= 300:
            return scripted
        self.sent.append(await request.json())
        return scripted or web.json_response({"id": f"reply-{next(self._ids)}"})

    async def _delete(self, request: web.Request) -> web.Response:
        return await self._scripted(request) or web.Response(status=200)

    async def _members(self, request: web.Request) -> web.Response:
        return await self._scripted(request) or web.json_response([MEMBER])

    async def _member(self, request: web.Request) -> web.Response:
        scripted = await self._scripted(request)
        if scripted is not None:
            return scripted
        if request.match_info["member"] != MEMBER["id"]:
            error = {"code": "MemberNotFoundInConversation", "message": "no such member"}
            return web.json_response({"error": error}, status=404)
        return web.json_response(MEMBER)

    def app(self) -> web.Application:
        app = web.Application()
        base = "/v3/conversations/{conversation}"
        app.router.add_post(base + "/activities", self._receive)
        app.router.add_post(base + "/activities/{activity}", self._receive)
        app.router.add_put(base + "/activities/{activity}", self._receive)
        app.router.add_delete(base + "/activities/{activity}", self._delete)
        app.router.add_get(base + "/members", self._members)
        app.router.add_get(base + "/members/{member}", self._member)
        return app


@asynccontextmanager
async def running_connector(delay: float = 0.0) -> AsyncIterator[Connector]:
    connector = Connector(delay=delay)
    server = TestServer(connector.app(), host="127.0.0.1")
    await server.start_server()
    connector.url = str(server.make_url("/")).rstrip("/") + "/"
    try:
        yield connector
    finally:
        await server.close()
