"""A plain aiohttp echo bot, the ceiling in benchmarks/turns.py.

    python benchmarks/echo_raw.py PORT

Parse the activity's JSON, post the echo to
{serviceUrl}v3/conversations/{conversation id}/activities/{activity id} with one shared
ClientSession, answer 201. No authentication, no botbuilder. GET /readyz answers 200.
"""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator

import aiohttp
from aiohttp import web

SESSION = web.AppKey("session", aiohttp.ClientSession)


async def _session(app: web.Application) -> AsyncIterator[None]:
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        app[SESSION] = session
        yield


async def messages(request: web.Request) -> web.Response:
    activity = await request.json()
    conversation = activity["conversation"]
    reply = {
        "type": "message",
        "text": f"Echo: {activity.get('text', '')}",
        "from": activity["recipient"],
        "recipient": activity["from"],
        "conversation": conversation,
        "replyToId": activity["id"],
        "serviceUrl": activity["serviceUrl"],
        "channelId": activity["channelId"],
    }
    service_url = activity["serviceUrl"].rstrip("/") + "/"
    url = f"{service_url}v3/conversations/{conversation['id']}/activities/{activity['id']}"
    async with request.app[SESSION].post(url, json=reply) as response:
        await response.read()
    return web.Response(status=201)


async def ready(_request: web.Request) -> web.Response:
    return web.Response(text="ok")


def create_app() -> web.Application:
    app = web.Application()
    app.cleanup_ctx.append(_session)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/readyz", ready)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=int(sys.argv[1]), print=None, backlog=1024)
