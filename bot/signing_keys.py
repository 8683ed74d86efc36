"""Signing keys for inbound tokens: fetched off the event loop, with a timeout, cached.

botbuilder 4.17.1 validates every inbound token with `JwtTokenExtractor`, which asks a
per-URL `_OpenIdMetadata` object for the key a token names. That object fetches the OpenID
metadata and the key set with the synchronous `requests` library, on the event loop and
without a timeout: every turn in the process waits while it does, forever if the server
hangs. It also parses the key from JSON on every request, and a key id it has not seen
raises before its "refresh on an unknown key" branch can run, so a key rotation is only
picked up by the daily refresh.

`SigningKeys` is a drop-in subclass of `_OpenIdMetadata`: the same `get(key_id)` the
extractor awaits, answered from memory, fetching with aiohttp (a short-lived session per
fetch, `FETCH_TIMEOUT` for metadata and keys together) only when

- the keys are older than `REFRESH_AFTER` (a failed attempt is retried after
  `RETRY_AFTER_FAILURE`, and the last keys fetched stay in use until `STALE_LIMIT`), or
- a token names a key id the set lacks, at most once per `UNKNOWN_KEY_SPACING` per URL
  (so tokens with made-up key ids cannot make the bot hammer the key server).

Requests that arrive while a fetch is under way wait for that one fetch. A fetch that fails
or times out leaves the request without a key: `PermissionError`, which the HTTP edge turns
into a 401, as it does every other authentication failure.

Why this way and not a validator of our own: every check on the token stays botbuilder's
code, called as before (issuer, signature, algorithm, expiry with its clock tolerance,
endorsements, audience and service-URL claims, the emulator and skill paths); only where
the keys come from changes. `install()` puts a `SigningKeysCache` in place of the
extractor's class-level `metadataCache` dict, so every metadata URL botbuilder asks for
(the channel's, the emulator's and skills' login.microsoftonline.com, the government and
enterprise ones) gets a `SigningKeys`, without listing them. The cache belongs to
botbuilder's class, not to one app, so a fetch uses its own session rather than an app's.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from collections.abc import Callable
from typing import Any

import aiohttp
from botframework.connector.auth.jwt_token_extractor import (
    JwtTokenExtractor,
    _OpenIdConfig,
    _OpenIdMetadata,
)
from jwt.algorithms import RSAAlgorithm

logger = logging.getLogger(__name__)

FETCH_TIMEOUT = 5.0  # seconds for the metadata and the key set together
REFRESH_AFTER = 24 * 3600.0
RETRY_AFTER_FAILURE = 30.0
STALE_LIMIT = 2 * REFRESH_AFTER  # keys fetched longer ago than this are not used
UNKNOWN_KEY_SPACING = 300.0


class SigningKeysUnavailable(PermissionError):
    """No usable key set: the key server could not be reached, or answered nonsense."""


class UnknownSigningKey(PermissionError):
    """The token names a key the key set does not hold."""


async def fetch_keys(url: str) -> list[dict[str, Any]]:
    """The key set the OpenID metadata at `url` points to, or an exception."""
    timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT)
    async with asyncio.timeout(FETCH_TIMEOUT), aiohttp.ClientSession(timeout=timeout) as session:
        async with session.get(url) as response:
            response.raise_for_status()
            metadata = await response.json(content_type=None)
        async with session.get(metadata["jwks_uri"]) as response:
            response.raise_for_status()
            keys = (await response.json(content_type=None))["keys"]
    if not isinstance(keys, list):
        raise ValueError("the key set's keys is not a list")
    return keys


def _parsed(keys: list[dict[str, Any]]) -> dict[str, _OpenIdConfig]:
    """Key id -> what botbuilder's extractor reads (public key, endorsements), parsed once."""
    parsed = {}
    for key in keys:
        try:
            public_key = RSAAlgorithm.from_jwk(json.dumps(key))
        except Exception:  # not an RSA key, or malformed: no token can use it
            logger.debug("skipped signing key %r: not a usable RSA key", key.get("kid"))
            continue
        parsed[str(key.get("kid"))] = _OpenIdConfig(public_key, key.get("endorsements", []))
    return parsed


class SigningKeys(_OpenIdMetadata):  # type: ignore[misc]
    def __init__(
        self,
        url: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        fetch: Callable[[str], Any] = fetch_keys,
    ) -> None:
        super().__init__(url)
        self._clock = clock
        self._fetch = fetch
        self._keys: dict[str, _OpenIdConfig] = {}
        self._fetched_at = -math.inf
        self._tried_at = -math.inf
        self._fetching: asyncio.Task[None] | None = None

    async def get(self, key_id: str) -> _OpenIdConfig:
        if self._in_flight():
            await self._refresh()
        if self._due(key_id):
            await self._refresh()
        return self._find(key_id)

    def _due(self, key_id: str) -> bool:
        now = self._clock()
        if now - self._fetched_at >= REFRESH_AFTER:
            return now - self._tried_at >= RETRY_AFTER_FAILURE
        return key_id not in self._keys and now - self._tried_at >= UNKNOWN_KEY_SPACING

    def _find(self, key_id: str) -> _OpenIdConfig:
        if self._clock() - self._fetched_at >= STALE_LIMIT:
            raise SigningKeysUnavailable(f"no signing keys from {self.url}")
        found = self._keys.get(key_id)
        if found is None:
            raise UnknownSigningKey(f"no signing key {key_id!r} at {self.url}")
        return found

    def _in_flight(self) -> bool:
        fetching = self._fetching
        return fetching is not None and not fetching.done()

    async def _refresh(self) -> None:
        # One fetch at a time; a task left by another event loop (tests) is not awaited.
        fetching = self._fetching
        loop = asyncio.get_running_loop()
        if fetching is None or fetching.done() or fetching.get_loop() is not loop:
            self._tried_at = self._clock()
            fetching = self._fetching = loop.create_task(self._fetch_and_keep())
        await asyncio.shield(fetching)

    async def _fetch_and_keep(self) -> None:
        try:
            keys = _parsed(await self._fetch(self.url))
        except Exception as error:  # whatever the network or the server did: keep the old set
            kept = f"keeping the {len(self._keys)} keys fetched before" if self._keys else ""
            logger.warning(
                "could not fetch signing keys from %s (%s: %s) %s",
                self.url,
                type(error).__name__,
                error,
                kept,
            )
            return
        self._keys, self._fetched_at = keys, self._clock()
        logger.info("fetched %d signing keys from %s", len(keys), self.url)


class SigningKeysCache(dict[str, _OpenIdMetadata]):
    """botbuilder's `metadataCache`, handing out a `SigningKeys` for every URL."""

    def get(self, url: str, default: Any = None) -> _OpenIdMetadata:
        found = super().get(url)
        if not isinstance(found, SigningKeys):
            found = self[url] = SigningKeys(url)
        return found


def install() -> SigningKeysCache:
    """From now on (in this process) botbuilder validates tokens with `SigningKeys`."""
    cache = JwtTokenExtractor.metadataCache
    if not isinstance(cache, SigningKeysCache):
        kept = {url: keys for url, keys in cache.items() if isinstance(keys, SigningKeys)}
        cache = JwtTokenExtractor.metadataCache = SigningKeysCache(kept)
    return cache
