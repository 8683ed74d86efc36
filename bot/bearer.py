"""The bot's outbound bearer token, acquired off the event loop and kept until near expiry.

botbuilder's credentials (`MicrosoftAppCredentials` and friends, built by its own credential
factory) fetch tokens with MSAL, synchronously. `BearerToken` calls their
`get_access_token` in a worker thread, one acquisition at a time, and keeps the token
until shortly before the `exp` its JWT carries; every send in between reuses it.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import time
from collections.abc import Callable

# Refresh this long before expiry (or halfway, for tokens that live shorter than twice this).
MARGIN = 300.0
# How long to keep a token whose expiry cannot be read (not a JWT).
UNREADABLE_LIFETIME = 300.0
# After a failed acquisition, sends fail at once for this long instead of queueing one
# slow attempt each behind the lock.
PAUSE_AFTER_FAILURE = 5.0


class BearerToken:
    def __init__(self, acquire: Callable[[], str], clock: Callable[[], float] = time.time) -> None:
        self._acquire = acquire
        self._clock = clock
        self._lock = asyncio.Lock()
        self._token = ""
        self._renew_at = 0.0
        self._failure: Exception | None = None
        self._retry_at = 0.0

    async def get(self) -> str:
        if self._fresh():
            return self._token
        async with self._lock:
            if not self._fresh():  # another task may have renewed it while this one waited
                await self._renew()
            return self._token

    async def _renew(self) -> None:
        if self._failure is not None and self._clock() < self._retry_at:
            raise self._failure
        try:
            token = await asyncio.to_thread(self._acquire)
        except Exception as error:
            self._failure, self._retry_at = error, self._clock() + PAUSE_AFTER_FAILURE
            raise
        self._failure = None
        self._token, self._renew_at = token, renew_at(token, self._clock())

    def forget(self) -> None:
        """The connector refused the token (401): acquire a new one on the next send."""
        self._renew_at = 0.0

    def _fresh(self) -> bool:
        return bool(self._token) and self._clock() < self._renew_at


def renew_at(token: str, now: float) -> float:
    expires = expiry_of(token)
    if expires is None:
        return now + UNREADABLE_LIFETIME
    return expires - min(MARGIN, max(expires - now, 0.0) / 2)


def expiry_of(token: str) -> float | None:
    """The `exp` claim of a JWT, read without verifying it (it is our own token)."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except (binascii.Error, ValueError):
        return None
    exp = payload.get("exp") if isinstance(payload, dict) else None
    return float(exp) if isinstance(exp, int | float) else None
