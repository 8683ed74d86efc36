"""Bot Framework authentication without the network, for the benchmarks' "auth on" rows.

Both directions are checked, against local stand-ins served by the connector fake
(benchmarks/load.py):

- inbound: the load generator signs Bot Framework tokens with a key made for the run
  (tests/support/tokens.py); the fake publishes its public half as OpenID metadata and a key
  set, and the bot (BOT_OPENID_METADATA_URL, BOT_TOKEN_ISSUER) validates every activity's
  token against it with botbuilder's own checks;
- outbound: the fake is also a token endpoint (BOT_LOGIN_URL) that issues the bot a token
  for its app id and password, and its connector routes under /secure/ refuse a reply that
  does not carry one of the tokens it issued (401).

MSAL cannot be pointed at such an endpoint: it takes only https authorities and asks
login.microsoftonline.com to vouch for any it does not know. So this script runs
`app.py` with MSAL's client swapped for `ClientCredentials`, the one OAuth2 request MSAL
would make (client credentials grant, POST {authority}/oauth2/v2.0/token); everything from
botbuilder's credentials up (the bot's token cache, the header on every reply) is the
bot's own code.

    python benchmarks/offline_auth.py     (with the environment app.py reads)
"""

from __future__ import annotations

import sys
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import jwt
import requests
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.tokens import APP_ID, ISSUER  # noqa: E402

PASSWORD = "benchmark-only-app-password"
SECURE = "/secure"  # the fake's connector routes that want the bot's bearer token
TENANT_PATH = "botframework.com"  # BOT_LOGIN_URL is the fake's address plus this
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def bot_env(fake: str) -> dict[str, str]:
    """What the bot reads to check tokens against the fake and get its own from it."""
    return {
        "MicrosoftAppId": APP_ID,
        "MicrosoftAppPassword": PASSWORD,
        "BOT_OPENID_METADATA_URL": f"{fake}.well-known/openid-configuration",
        "BOT_TOKEN_ISSUER": ISSUER,
        "BOT_LOGIN_URL": f"{fake}{TENANT_PATH}",
    }


def fake_auth(jwks: dict[str, Any]) -> tuple[list[web.RouteDef], Any]:
    """The fake's key server and token endpoint, and the middleware guarding /secure/."""
    issued: set[str] = set()
    secret = uuid.uuid4().hex

    async def metadata(request: web.Request) -> web.Response:
        return web.json_response({"issuer": ISSUER, "jwks_uri": f"{request.url.origin()}/keys"})

    async def keys(_request: web.Request) -> web.Response:
        return web.json_response(jwks)

    async def token(request: web.Request) -> web.Response:
        form = await request.post()
        if (form.get("client_id"), form.get("client_secret")) != (APP_ID, PASSWORD):
            return web.json_response({"error": "invalid_client"}, status=401)
        now = int(time.time())
        claims = {"aud": "https://api.botframework.com", "appid": APP_ID, "iat": now}
        access = jwt.encode({**claims, "exp": now + 3600}, secret, algorithm="HS256")
        issued.add(access)
        return web.json_response(
            {"token_type": "Bearer", "expires_in": 3600, "access_token": access}
        )

    @web.middleware
    async def bearer_required(request: web.Request, handler: Handler) -> web.StreamResponse:
        bearer = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if request.path.startswith(SECURE + "/") and bearer not in issued:
            return web.json_response({"error": "no token the fake issued"}, status=401)
        return await handler(request)

    routes = [
        web.get("/.well-known/openid-configuration", metadata),
        web.get("/keys", keys),
        web.post(f"/{TENANT_PATH}/oauth2/v2.0/token", token),
    ]
    return routes, bearer_required


class ClientCredentials:
    """The part of msal.ConfidentialClientApplication botbuilder's credentials use."""

    def __init__(self, client_id: str, client_credential: str, authority: str, **_: Any) -> None:
        self.client_id, self.secret, self.authority = client_id, client_credential, authority

    def acquire_token_silent(self, _scopes: list[str], account: Any = None) -> None:
        return None  # MSAL's own cache; the bot keeps the token itself (bot/bearer.py)

    def acquire_token_for_client(self, scopes: list[str]) -> dict[str, Any]:
        form = {"grant_type": "client_credentials", "scope": " ".join(scopes)}
        form |= {"client_id": self.client_id, "client_secret": self.secret}
        url = f"{self.authority.rstrip('/')}/oauth2/v2.0/token"
        answer: dict[str, Any] = requests.post(url, data=form, timeout=10).json()
        return answer


def main() -> int:
    from botframework.connector.auth import microsoft_app_credentials

    import app

    microsoft_app_credentials.ConfidentialClientApplication = ClientCredentials  # type: ignore[misc]
    return app.main()


if __name__ == "__main__":
    sys.exit(main())
