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
