"""The HTTP edge: POST /api/messages.

Thin on purpose: check the request, verify the token, check tenant and service URL, hand
the activity to `adapter.process_activity`, and return an invoke's body as it is.
botbuilder 4.17.1's `CloudAdapter.process` answers 500 to invokes with a body and to
malformed input, so it is not used. Bad input gets a 4xx, never a 500.
"""

from __future__ import annotations

import logging

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Activity

from bot.gate import Refusal, check_request, check_service_url, check_tenant, parse_activity
from bot.handler import KlyngeBot
from bot.settings import Settings
from knowledge.core.errors import DatabaseUnavailable

logger = logging.getLogger(__name__)

ADAPTER = web.AppKey("adapter", CloudAdapter)
BOT = web.AppKey("bot", KlyngeBot)
SETTINGS = web.AppKey("settings", Settings)


def _refuse(refusal: Refusal) -> web.Response:
    return web.json_response({"error": refusal.reason}, status=refusal.status)


async def _read(request: web.Request) -> Activity | Refusal:
    refusal = check_request(request.headers.get("Content-Type", ""), request.content_length)
    if refusal:
        return refusal
    try:
        body = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return Refusal(413, "body too large")
    return parse_activity(body)


async def messages(request: web.Request) -> web.StreamResponse:
    activity = await _read(request)
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
    return await _process(request, activity, authenticated)


async def _process(request: web.Request, activity: Activity, authenticated: object) -> web.Response:
    bot = request.app[BOT]

    async def logic(turn_context: TurnContext) -> None:
        await bot.on_turn(turn_context)

    try:
        response = await request.app[ADAPTER].process_activity(authenticated, activity, logic)
    except DatabaseUnavailable:
        return web.json_response({"error": "database unavailable"}, status=503)
    if response:
        return web.json_response(response.body, status=response.status)
    return web.Response(status=201)
