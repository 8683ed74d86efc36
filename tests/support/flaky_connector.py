"""A Bot Connector fake that misbehaves on purpose: per conversation and attempt it
answers 201, or 429 with Retry-After, 403, 404, 500, 503 ..., optionally after a delay.
It records when each request arrived (its own monotonic clock), what it answered, and how
many messages each conversation accepted, so tests can count deliveries and measure send
rates the way Teams would see them: per conversation, per group of conversations (a
tenant), and how many requests it was answering at once."""

from __future__ import annotations

import asyncio
import itertools
import random
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

ERROR_CODES = {
    403: "ConversationBlockedByUser",
    404: "ConversationNotFound",
    412: "PreconditionFailed",
    429: "Throttled",
    500: "ServiceError",
    502: "BadGateway",
    503: "ServiceUnavailable",
    504: "GatewayTimeout",
}


@dataclass(frozen=True)
class Answer:
    status: int = 201
    retry_after: float | None = None
    delay: float = 0.0  # seconds before answering


OK = Answer()
Script = Callable[[str, int], Answer]  # (conversation id, attempt number from 1) -> Answer


def always_ok(_conversation: str, _attempt: int) -> Answer:
    return OK


def random_faults(
    throttle: float = 0.05,
    unavailable: float = 0.02,
    retry_after: tuple[float, float] = (1.0, 2.0),
    latency: float = 0.0,
    seed: int = 5,
) -> Script:
    """Each request independently: 429 (Retry-After in the range), 503, or 201."""
    rng = random.Random(seed)

    def answer(_conversation: str, _attempt: int) -> Answer:
        roll = rng.random()
        if roll < throttle:
            wait = round(rng.uniform(*retry_after))
            return Answer(429, retry_after=wait, delay=latency)
        if roll < throttle + unavailable:
            return Answer(503, delay=latency)
        return Answer(201, delay=latency)

    return answer


@dataclass
class FlakyConnector:
    script: Script = always_ok
    url: str = ""
    keep_bodies: bool = True  # a benchmark in the bot's process keeps only the counts
    arrivals: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    answers: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    accepted: Counter[str] = field(default_factory=Counter)
    # Per conversation: (when the request arrived, when it was answered, the answer).
    log: dict[str, list[tuple[float, float, Answer]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    bodies: list[dict[str, Any]] = field(default_factory=list)
    in_flight: int = 0  # requests received and not yet answered
    most_in_flight: int = 0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def all_arrivals(self) -> list[float]:
        return [at for times in self.arrivals.values() for at in times]

    def arrivals_by(self, group: Callable[[str], str]) -> dict[str, list[float]]:
        """Arrival times per group of conversations (`group` names a conversation's)."""
        grouped: dict[str, list[float]] = defaultdict(list)
        for conversation, times in self.arrivals.items():
            grouped[group(conversation)].extend(times)
        return dict(grouped)

    def requests(self) -> int:
        return sum(len(times) for times in self.arrivals.values())

    def early_retries(self) -> int:
        """Requests that came sooner after a 429 was answered than its Retry-After."""
        early = 0
        for entries in self.log.values():
            for (_, answered, answer), (arrived, _, _) in itertools.pairwise(entries):
                wait = answer.retry_after
                if answer.status == 429 and wait is not None and arrived - answered < wait:
                    early += 1
        return early

    async def _receive(self, request: web.Request) -> web.Response:
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            return await self._answer(request)
        finally:
            self.in_flight -= 1

    async def _answer(self, request: web.Request) -> web.Response:
        conversation = request.match_info["conversation"]
        arrived = time.monotonic()
        self.arrivals[conversation].append(arrived)
        body = await request.json()
        answer = self.script(conversation, len(self.arrivals[conversation]))
        if answer.delay:
            await asyncio.sleep(answer.delay)
        self.answers[conversation].append(answer.status)
        self.log[conversation].append((self.arrivals[conversation][-1], time.monotonic(), answer))
        if 200 <= answer.status < 300:
            self.accepted[conversation] += 1
            if self.keep_bodies:
                self.bodies.append(body)
            return web.json_response({"id": f"sent-{next(self._ids)}"}, status=answer.status)
        headers = {}
        if answer.retry_after is not None:
            headers["Retry-After"] = f"{answer.retry_after:g}"
        error = {"code": ERROR_CODES.get(answer.status, "Error"), "message": "injected"}
        return web.json_response({"error": error}, status=answer.status, headers=headers)

    def app(self) -> web.Application:
        app = web.Application()
        base = "/v3/conversations/{conversation}/activities"
        app.router.add_post(base, self._receive)
        app.router.add_post(base + "/{activity}", self._receive)  # botbuilder's proactive path
        return app


@asynccontextmanager
async def running_flaky_connector(
    script: Script = always_ok, *, keep_bodies: bool = True
) -> AsyncIterator[FlakyConnector]:
    connector = FlakyConnector(script, keep_bodies=keep_bodies)
    server = TestServer(connector.app(), host="127.0.0.1")
    await server.start_server()
    connector.url = str(server.make_url("/")).rstrip("/") + "/"
    try:
        yield connector
    finally:
        await server.close()
