"""The Bot Framework adapter, built from Settings.

This is the one place that turns Settings into the attribute object botbuilder's
authentication reads (APP_ID, APP_PASSWORD, APP_TYPE, APP_TENANTID, and the OpenID
metadata URL that tests point at a local key server).
"""

from __future__ import annotations

from types import SimpleNamespace

from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
)

from bot.settings import Settings


def bot_configuration(settings: Settings) -> SimpleNamespace:
    return SimpleNamespace(
        APP_ID=settings.app_id,
        APP_PASSWORD=settings.app_password,
        APP_TYPE=settings.app_type,
        APP_TENANTID=settings.app_tenant_id,
        TO_BOT_FROM_CHANNEL_OPENID_METADATA_URL=settings.openid_metadata_url or None,
        TO_BOT_FROM_CHANNEL_TOKEN_ISSUER=settings.token_issuer or None,
        TO_CHANNEL_FROM_BOT_LOGIN_URL=settings.login_url or None,
    )


def create_adapter(settings: Settings) -> CloudAdapter:
    return CloudAdapter(ConfigurationBotFrameworkAuthentication(bot_configuration(settings)))
