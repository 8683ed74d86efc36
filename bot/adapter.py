"""The Bot Framework adapter, built from Settings.

This is the one place that turns Settings into the attribute object botbuilder's
authentication reads (APP_ID, APP_PASSWORD, APP_TYPE, APP_TENANTID, and the OpenID
metadata URL that tests point at a local key server). Inbound checks are botbuilder's own;
outbound calls go through the pooled connector on the app's aiohttp session
(bot/authentication.py).

The fast path (issue 7) keeps botbuilder's CloudAdapter and changes only what it builds or
copies on every turn, so TurnContext, ActivityHandler, dialogs and state work unchanged
above it and every security check stays botbuilder's:

- `PooledBotFrameworkAuthentication` (bot/authentication.py): botbuilder's own
  authentication object; its connector factory hands out one pooled aiohttp connector per
  service URL (bot/connector.py, bearer token cached to expiry in bot/bearer.py) instead
  of a new msrest ConnectorClient and requests thread per turn; the user-token client is
  built on first use; OpenID metadata and signing keys are fetched with aiohttp, with a
  timeout, and cached (bot/signing_keys.py), never with requests on the loop.
- `LeanCloudAdapter` (bot/turn_context.py): botbuilder's CloudAdapter whose turn context
  copies replies shallowly instead of deep-copying each card.
- Activities are read and written by bot/wire.py instead of msrest (held equal to msrest
  by tests; odd input still goes to msrest).

A lean BotAdapter of our own would have saved a little more per turn, but it would have
re-implemented what CloudAdapter does for invokes, expect-replies, continue_conversation
and the authentication hand-off: more to get wrong for under 10 % of a turn.
"""

from __future__ import annotations

from types import SimpleNamespace

import aiohttp
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import CallerIdConstants
from botframework.connector.auth import AuthenticationConstants as Public

from bot.authentication import ConnectorPool, PooledBotFrameworkAuthentication
from bot.issuers import TokenPolicy
from bot.settings import Settings
from bot.turn_context import LeanCloudAdapter

# botbuilder uses its public-cloud defaults only when none of these is set; set one and
# it expects all of them, so the rest are filled with the public-cloud values.
_PUBLIC_CLOUD = {
    "TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL": Public.TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL,
    "TO_BOT_FROM_CHANNEL_TOKEN_ISSUER": Public.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER,
    "TO_CHANNEL_FROM_BOT_LOGIN_URL": Public.TO_CHANNEL_FROM_BOT_LOGIN_URL,
    "TO_CHANNEL_FROM_BOT_OAUTH_SCOPE": Public.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
    "TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL": Public.TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL,
    "OAUTH_URL": Public.OAUTH_URL,
    "CALLER_ID": CallerIdConstants.public_azure_channel,
}


def bot_configuration(settings: Settings) -> SimpleNamespace:
    overrides = {
        "TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL": settings.openid_metadata_url,
        "TO_BOT_FROM_CHANNEL_TOKEN_ISSUER": settings.token_issuer,
        "TO_CHANNEL_FROM_BOT_LOGIN_URL": settings.login_url,
    }
    if settings.openid_metadata_url:  # offline: the Emulator's keys are the test server's too
        overrides["TO_BOT_FROM_EMULATOR_OPENID_METADATA_URL"] = settings.openid_metadata_url
    endpoints = {}
    if any(overrides.values()):
        endpoints = _PUBLIC_CLOUD | {name: value for name, value in overrides.items() if value}
    return SimpleNamespace(
        APP_ID=settings.app_id,
        APP_PASSWORD=settings.app_password,
        APP_TYPE=settings.app_type,
        APP_TENANTID=settings.app_tenant_id,
        **endpoints,
    )


def create_adapter(settings: Settings, session: aiohttp.ClientSession) -> CloudAdapter:
    authentication = PooledBotFrameworkAuthentication(
        bot_configuration(settings), ConnectorPool(session, settings), TokenPolicy.of(settings)
    )
    return LeanCloudAdapter(authentication)
