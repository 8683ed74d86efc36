"""The stock botbuilder 4.17.1 echo bot, the yardstick of benchmarks/turns.py.

    python benchmarks/echo_stock.py PORT

What the samples do: `CloudAdapter(ConfigurationBotFrameworkAuthentication(...))` with an
empty app id (no authentication), `adapter.process(request, bot)` in an aiohttp handler and
an `ActivityHandler` that echoes the text. GET /readyz answers 200 once it listens.
"""

from __future__ import annotations

import sys

from aiohttp import web
from botbuilder.core import ActivityHandler, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter, ConfigurationBotFrameworkAuthentication


class Configuration:
    APP_ID = ""
    APP_PASSWORD = ""
    APP_TYPE = "MultiTenant"
    APP_TENANTID = ""


class EchoBot(ActivityHandler):
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        await turn_context.send_activity(f"Echo: {turn_context.activity.text}")


def create_app() -> web.Application:
    adapter = CloudAdapter(ConfigurationBotFrameworkAuthentication(Configuration()))
    bot = EchoBot()

    async def messages(request: web.Request) -> web.StreamResponse:
        return await adapter.process(request, bot)

    async def ready(_request: web.Request) -> web.Response:
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/readyz", ready)
    return app


if __name__ == "__main__":
    web.run_app(create_app(), host="127.0.0.1", port=int(sys.argv[1]), print=None, backlog=1024)
