"""Bot Framework tokens signed by a key made here, and a local OpenID server publishing it.

The server runs in its own thread, apart from the event loop of the bot it serves, and
records the paths it was asked for (`hits`); `rotate()` replaces its key with a new one
under a new key id, as the Bot Framework does now and then.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

ISSUER = "https://api.botframework.com"
APP_ID = "11111111-2222-3333-4444-555555555555"
# Issuers of the Bot Framework tenants' Entra tokens: the Emulator's and skills' (and the
# bot's own outbound token's), botbuilder's emulator path takes them.
BOT_FRAMEWORK_TENANT_V1 = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"
BOT_FRAMEWORK_TENANT_V2 = (
    "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0"
)
AUTH_V32_TENANT_V1 = "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/"


def emulator_claims(version: str = "1.0", issuer: str = BOT_FRAMEWORK_TENANT_V1) -> dict[str, Any]:
    """What the Bot Framework Emulator's token says: for this bot, without a serviceurl."""
    party = {"appid": APP_ID} if version == "1.0" else {"azp": APP_ID}
    return {"iss": issuer, "ver": version, "serviceurl": None, **party}


def own_outbound_claims() -> dict[str, Any]:
    """The shape of the token the bot itself gets to call the connector with."""
    return {
        "iss": BOT_FRAMEWORK_TENANT_V1,
        "aud": "https://api.botframework.com",
        "appid": APP_ID,
        "ver": "1.0",
        "serviceurl": None,
    }


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class KeyServer:
    key: rsa.RSAPrivateKey
    kid: str
    url: str = ""
    hits: list[str] = field(default_factory=list)

    def jwks(self) -> dict[str, Any]:
        public = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        public.update(kid=self.kid, use="sig", alg="RS256", endorsements=["msteams"])
        return {"keys": [public]}

    def rotate(self) -> None:
        number = int(self.kid.rsplit("-", 1)[1]) + 1
        self.key, self.kid = new_key(), f"test-key-{number}"

    def token(self, service_url: str, **overrides: Any) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": ISSUER,
            "aud": APP_ID,
            "serviceurl": service_url,
            "nbf": now - 60,
            "iat": now - 60,
            "exp": now + 3600,
        }
        key = overrides.pop("key", self.key)
        kid = overrides.pop("kid", self.kid)
        claims.update(overrides)
        claims = {name: value for name, value in claims.items() if value is not None}
        return jwt.encode(claims, key, algorithm="RS256", headers={"kid": kid})


@contextmanager
def key_server() -> Iterator[KeyServer]:
    server_key = KeyServer(new_key(), kid="test-key-1")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server_key.hits.append(self.path)
            if self.path.endswith("/openid-configuration"):
                body = {"issuer": ISSUER, "jwks_uri": f"{server_key.url}/keys"}
            else:
                body = server_key.jwks()
            payload = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server_key.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield server_key
    finally:
        httpd.shutdown()
        httpd.server_close()
