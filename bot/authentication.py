"""Bot Framework authentication: stock checks inbound, pooled clients outbound.

`PooledBotFrameworkAuthentication` is botbuilder's `ConfigurationBotFrameworkAuthentication`
with the inbound checks kept (authenticate_request, authenticate_streaming_request and
the JWT validation behind them are the stock code, called as they are) and narrowed to
the Bot Connector's tokens by bot/issuers.py (its issuer only, addressed to this bot, for
this activity's serviceUrl); the signing keys come from bot/signing_keys.py: cached,
refreshed with a timeout and fetched off the event loop, where botbuilder fetches them
with `requests` on it. What it hands out for outbound calls changes:

- the connector factory gives a `Connector` (bot/connector.py) from a `ConnectorPool`:
  one per app id, service URL and audience, all on the app's one aiohttp session, with
  the credentials botbuilder's own credential factory builds and their bearer token
  cached (bot/bearer.py), instead of a new msrest ConnectorClient per turn;
- the user-token client (OAuth sign-in, which Klyngebot does not use) is built on first
  use instead of on every turn.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
from botbuilder.integration.aiohttp import ConfigurationBotFrameworkAuthentication
from botframework.connector import models as connector_models
from botframework.connector.auth import (
    AuthenticationConstants,
    ClaimsIdentity,
    ConnectorFactory,
    UserTokenClient,
)
from msrest import Deserializer

from bot.bearer import BearerToken
from bot.connector import Connector, ServiceUrlRefused
from bot.gate import service_url_allowed
from bot.issuers import TokenPolicy
from bot.settings import Settings
from bot.signing_keys import install as install_signing_keys

# Service URLs carry a region and, lately, the tenant: bounded by tenants, but keep a cap.
MAX_CONNECTORS = 4096


@dataclass(frozen=True)
class _Outbound:
    """What botbuilder's own connector factory passes to its credential factory."""

    app_id: str | None
    default_audience: str
    login_endpoint: str
    validate_authority: bool
    credential_factory: Any

    @classmethod
    def of(cls, stock: Any) -> _Outbound:
        # botbuilder 4.17.1 is the last release; its _ConnectorFactoryImpl keeps these and
        # create() passes exactly them on. Reading them gives the very same credentials.
        return cls(
            stock._app_id,
            stock._to_channel_from_bot_oauth_scope,
            stock._login_endpoint,
            stock._validate_authority,
            stock._credential_factory,
        )


class ConnectorPool:
    """Connectors and their credentials, kept for the life of the app."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._session = session
        self._settings = settings
        self._clock = clock
        models = vars(connector_models).items()
        self._deserialize = Deserializer(
            {name: kind for name, kind in models if isinstance(kind, type)}
        )
        self._connectors: dict[tuple[str, str, str], Connector] = {}
        self._credentials: dict[tuple[str, str, str], tuple[Any, BearerToken | None]] = {}
        self._lock = asyncio.Lock()

    def allowed(self, service_url: str) -> bool:
        return service_url_allowed(service_url, self._settings)

    async def connector(
        self, outbound: _Outbound, service_url: str, audience: str | None
    ) -> Connector:
        if not self.allowed(service_url):
            raise ServiceUrlRefused(service_url)
        audience = audience or outbound.default_audience
        key = (outbound.app_id or "", service_url, audience)
        connector = self._connectors.get(key)
        if connector is None:
            credentials, token = await self._credentials_for(outbound, audience)
            connector = Connector(
                self._session,
                service_url,
                allowed=self.allowed,
                token=token,
                credentials=credentials,
                deserialize=self._deserialize,
            )
            if len(self._connectors) >= MAX_CONNECTORS:
                del self._connectors[next(iter(self._connectors))]
            self._connectors[key] = connector
        return connector

    async def _credentials_for(
        self, outbound: _Outbound, audience: str
    ) -> tuple[Any, BearerToken | None]:
        key = (outbound.app_id or "", audience, outbound.login_endpoint)
        async with self._lock:  # one credentials object, hence one token, per key
            if key not in self._credentials:
                credentials = await outbound.credential_factory.create_credentials(
                    outbound.app_id,
                    audience,
                    outbound.login_endpoint,
                    outbound.validate_authority,
                )
                token = None
                if _sends_token(credentials):
                    token = BearerToken(credentials.get_access_token, self._clock)
                self._credentials[key] = (credentials, token)
            return self._credentials[key]


def _sends_token(credentials: Any) -> bool:
    # The rule of botbuilder's AppCredentials._should_set_token: no app id, no header.
    app_id = getattr(credentials, "microsoft_app_id", None)
    return bool(app_id) and app_id != AuthenticationConstants.ANONYMOUS_SKILL_APP_ID


class PooledConnectorFactory(ConnectorFactory):  # type: ignore[misc]
    def __init__(self, stock: Any, pool: ConnectorPool) -> None:
        self._outbound = _Outbound.of(stock)
        self._pool = pool

    async def create(self, service_url: str, audience: str | None = None) -> Connector:
        return await self._pool.connector(self._outbound, service_url, audience)


class LazyUserTokenClient(UserTokenClient):  # type: ignore[misc]
    """botbuilder's user-token client, built (msrest, slow) only when something uses it."""

    def __init__(self, build: Callable[[], Awaitable[Any]]) -> None:
        self._build = build
        self._inner: Any = None

    async def _client(self) -> Any:
        if self._inner is None:
            self._inner = await self._build()
        return self._inner

    async def get_user_token(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._client()).get_user_token(*args, **kwargs)

    async def get_sign_in_resource(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._client()).get_sign_in_resource(*args, **kwargs)

    async def sign_out_user(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._client()).sign_out_user(*args, **kwargs)

    async def get_token_status(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._client()).get_token_status(*args, **kwargs)

    async def get_aad_tokens(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._client()).get_aad_tokens(*args, **kwargs)

    async def exchange_token(self, *args: Any, **kwargs: Any) -> Any:
        return await (await self._client()).exchange_token(*args, **kwargs)


class PooledBotFrameworkAuthentication(ConfigurationBotFrameworkAuthentication):  # type: ignore[misc]
    def __init__(
        self, configuration: Any, pool: ConnectorPool, policy: TokenPolicy | None = None
    ) -> None:
        super().__init__(configuration)
        self._pool = pool
        self._policy = policy or TokenPolicy(
            getattr(configuration, "APP_ID", ""),
            getattr(configuration, "TO_BOT_FROM_CHANNEL_TOKEN_ISSUER", "")
            or AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER,
        )
        install_signing_keys()
        # Fail at start, not on the first reply, if botbuilder's factory ever changes shape.
        _Outbound.of(super().create_connector_factory(ClaimsIdentity({}, True)))

    async def authenticate_request(self, activity: Any, auth_header: str) -> Any:
        self._policy.before(auth_header)
        result = await super().authenticate_request(activity, auth_header)
        self._policy.after(result.claims_identity.claims, activity.service_url)
        if result.connector_factory is not None:
            result.connector_factory = PooledConnectorFactory(result.connector_factory, self._pool)
        return result

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        stock = super().create_connector_factory(claims_identity)
        return PooledConnectorFactory(stock, self._pool)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        build = super().create_user_token_client
        return LazyUserTokenClient(lambda: build(claims_identity))
