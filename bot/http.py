"""The HTTP edge: POST /api/messages.

Thin on purpose: check the request, verify the token, check tenant and service URL, hand
the activity to `adapter.process_activity`, and return an invoke's body as JSON.
botbuilder 4.17.1's `CloudAdapter.process` answers 500 to invokes with a body and to
malformed input, so it is not used. Bad input gets a 4xx, never a 5xx (bot/gate.py says
which); an invoke the bot does not handle gets its protocol's answer without a turn
(bot/invokes.py).

Deadlines, so a slow or stalled client cannot hold a connection: the request's headers
must be in within `HEADER_DEADLINE` of the connection opening (or of the previous answer
on it), which is aiohttp's keep-alive timer (`SERVER_OPTIONS`, used by app.py and the
tests); the body within `BODY_DEADLINE` of the headers, or the connection is closed. A
client that goes away mid-body is a line at INFO, not an error.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from aiohttp import web
from botbuilder.core import InvokeResponse, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity

from bot import invokes
from bot.gate import Refusal, check_request, check_service_url, check_tenant, parse_activity
from bot.handler import KlyngeBot
from bot.settings import Settings
from knowledge.core.errors import DatabaseUnavailable

logger = logging.getLogger(__name__)

ADAPTER = web.AppKey("adapter", CloudAdapter)
BOT = web.AppKey("bot", KlyngeBot)
SETTINGS = web.AppKey("settings", Settings)

HEADER_DEADLINE = 10.0
BODY_DEADLINE = 10.0
# aiohttp's keep-alive timer runs from a connection's start (and from each answer) until
# a request's headers are complete, so it is the header deadline; the handler goes on
# when a client disconnects, as run_app's default (the test server's is to cancel it).
SERVER_OPTIONS: dict[str, Any] = {
    "keepalive_timeout": HEADER_DEADLINE,
    "handler_cancellation": False,
}


class _Gone(Exception):
    """The client went away, or stalled past the body deadline: nobody to answer."""


def _refuse(refusal: Refusal) -> web.Response:
    return web.json_response({"error": refusal.reason}, status=refusal.status)


async def _read(request: web.Request) -> Activity | Refusal:
    refusal = check_request(request.headers.get("Content-Type", ""), request.content_length)
    if refusal:
        return refusal
    try:
        async with asyncio.timeout(BODY_DEADLINE):
            body = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return Refusal(413, "body too large")
    except TimeoutError:
        logger.info("closed a connection: the body took longer than %g s", BODY_DEADLINE)
        request.protocol.force_close()  # no lingering to read the rest
        raise _Gone from None
    except ConnectionError as error:  # also aiohttp's ClientConnectionResetError
        logger.info("the client went away while sending the body (%s)", type(error).__name__)
        raise _Gone from None
    return parse_activity(body)


async def messages(request: web.Request) -> web.StreamResponse:
    try:
        activity = await _read(request)
    except _Gone:
        return web.Response(status=408, headers={"Connection": "close"})
    if isinstance(activity, Refusal):
        return _refuse(activity)
    adapter, settings = request.app[ADAPTER], request.app[SETTINGS]
    try:
        authenticated = await adapter.bot_framework_authentication.authenticate_request(
            activity, request.headers.get("Authorization", "")
        )
    except Exception as error:  # botbuilder raises PermissionError, jwt errors, IndexError...
        logger.warning("refused a request: authentication failed (%s)", type(error).__name__)
        return _refuse(Refusal(401, "unauthorized"))
    refusal = check_tenant(activity, settings) or check_service_url(activity, settings)
    if refusal:
        logger.warning("refused a request: %s", refusal.reason)
        return _refuse(refusal)
    if activity.type == "invoke" and (answer := invokes.unsupported(activity)) is not None:
        logger.info("answered an invoke the bot does not handle: %.60r", activity.name)
        return _answer(answer)
    return await _process(request, activity, authenticated)


async def _process(request: web.Request, activity: Activity, authenticated: object) -> web.Response:
    bot = request.app[BOT]

    async def logic(turn_context: TurnContext) -> None:
        await bot.on_turn(turn_context)

    try:
        response = await request.app[ADAPTER].process_activity(authenticated, activity, logic)
    except DatabaseUnavailable:
        return web.json_response({"error": "database unavailable"}, status=503)
    if activity.type == "invoke":
        response = invokes.settled(activity, response)
    if response:
        return _answer(response)
    return web.Response(status=201)


def _answer(response: InvokeResponse) -> web.Response:
    if response.body is None:
        return web.Response(status=response.status)
    return web.json_response(invokes.body_json(response.body), status=response.status)
