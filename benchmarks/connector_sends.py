"""Proactive sends per second: stock botbuilder outbound path vs Klyngebot's pooled connector.

    .venv/bin/python -m benchmarks.connector_sends [--n 2000] [--concurrency 200]
                                                   [--latency 0.2] [--paths stock pooled]

(`-m` from the checkout's root, so the checkout's own `bot` package is the one measured.)

A fake Bot Connector runs in its own process on loopback and answers every
`POST /v3/conversations/{id}/activities` after `--latency` seconds. Each path sends `--n`
proactive messages through `adapter.continue_conversation(...)` (one message per
continuation, `--concurrency` in flight, spread over 500 conversations), anonymous (no app
id, so no token). Printed per path: sends/s, p50 and p99 of one continuation, failures.

- stock: `CloudAdapter(ConfigurationBotFrameworkAuthentication(...))`, as botbuilder ships:
  a new msrest ConnectorClient per continuation, `requests` on the default thread pool.
- pooled: `bot.adapter.create_adapter`, the app's path: one aiohttp session.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import socket
import statistics
import time

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)
from botbuilder.schema import ChannelAccount, ConversationAccount, ConversationReference

from bot.adapter import bot_configuration, create_adapter
from bot.connector import connector_session
from bot.settings import Settings


def _serve_connector(port: int, latency: float) -> None:
    async def receive(request: web.Request) -> web.Response:
        await request.read()
        await asyncio.sleep(latency)
        return web.json_response({"id": "sent"})

    app = web.Application()
    app.router.add_post("/v3/conversations/{conversation}/activities", receive)
    app.router.add_post("/v3/conversations/{conversation}/activities/{activity}", receive)
    web.run_app(app, host="127.0.0.1", port=port, print=None, backlog=1024)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("the fake connector did not start")


def _reference(service_url: str, n: int) -> ConversationReference:
    return ConversationReference(
        channel_id="msteams",
        service_url=service_url,
        conversation=ConversationAccount(id=f"a:chat-{n % 500}"),
        bot=ChannelAccount(id="28:klyngebot"),
        user=ChannelAccount(id=f"29:user-{n % 500}"),
    )


async def _run(adapter: CloudAdapter, service_url: str, n: int, concurrency: int) -> str:
    gate = asyncio.Semaphore(concurrency)
    durations: list[float] = []
    failures = 0

    async def callback(turn_context: TurnContext) -> None:
        await turn_context.send_activity("Påmindelse: Midtklyngen mødes i morgen kl. 10")

    async def one(number: int) -> None:
        nonlocal failures
        async with gate:
            started = time.perf_counter()
            try:
                await adapter.continue_conversation(_reference(service_url, number), callback, None)
            except Exception:
                failures += 1
            durations.append(time.perf_counter() - started)

    async def turn_error(turn_context: TurnContext, error: Exception) -> None:
        nonlocal failures
        failures += 1
        if failures == 1:
            print(f"first failure: {error!r}")

    adapter.on_turn_error = turn_error
    began = time.perf_counter()
    await asyncio.gather(*(one(number) for number in range(n)))
    wall = time.perf_counter() - began
    cuts = statistics.quantiles(durations, n=100)
    return (
        f"{n / wall:8.1f} sends/s  p50 {cuts[49] * 1000:6.0f} ms  p99 {cuts[98] * 1000:6.0f} ms"
        f"  wall {wall:5.1f} s  failures {failures}"
    )


async def _path(name: str, service_url: str, n: int, concurrency: int) -> str:
    settings = Settings(anonymous_service_urls=(service_url,))
    if name == "stock":
        stock = CloudAdapter(ConfigurationBotFrameworkAuthentication(bot_configuration(settings)))
        return await _run(stock, service_url, n, concurrency)
    async with connector_session() as session:
        return await _run(create_adapter(settings, session), service_url, n, concurrency)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--paths", nargs="+", default=["stock", "pooled"])
    args = parser.parse_args()
    port = _free_port()
    server = multiprocessing.Process(target=_serve_connector, args=(port, args.latency))
    server.start()
    try:
        _wait_for(port)
        service_url = f"http://127.0.0.1:{port}/"
        print(
            f"{args.n} proactive sends, concurrency {args.concurrency}, connector answers "
            f"after {args.latency * 1000:.0f} ms, {os.cpu_count()} CPUs"
        )
        for name in args.paths:
            result = asyncio.run(_path(name, service_url, args.n, args.concurrency))
            print(f"{name:<7} {result}", flush=True)
    finally:
        server.terminate()
        server.join()


if __name__ == "__main__":
    main()
