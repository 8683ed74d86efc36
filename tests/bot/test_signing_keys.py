"""Signing keys for inbound tokens: fetched once, refreshed on time and on a new key id,
never on the event loop, and given up on after a timeout.

Against the threaded local key server of tests/support/tokens.py, with an injected clock.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

from bot import signing_keys
from bot.signing_keys import (
    REFRESH_AFTER,
    RETRY_AFTER_FAILURE,
    STALE_LIMIT,
    UNKNOWN_KEY_SPACING,
    SigningKeys,
    SigningKeysUnavailable,
    UnknownSigningKey,
)
from tests.support.tokens import KeyServer, key_server

FETCHED_ONCE = ["/.well-known/openid-configuration", "/keys"]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def keys() -> Iterator[KeyServer]:
    with key_server() as server:
        yield server


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Takes connections (the kernel's backlog does) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


def _metadata(keys: KeyServer) -> str:
    return f"{keys.url}/.well-known/openid-configuration"


def _numbers(key: Any) -> Any:
    return key.public_numbers()


async def test_many_requests_at_once_fetch_the_keys_once(keys: KeyServer, clock: Clock) -> None:
    signing = SigningKeys(_metadata(keys), clock=clock)

    found = await asyncio.gather(*(signing.get(keys.kid) for _ in range(20)))

    assert FETCHED_ONCE == keys.hits
    assert {_numbers(keys.key.public_key())} == {_numbers(f.public_key) for f in found}
    assert [["msteams"]] * 20 == [f.endorsements for f in found]


async def test_the_keys_are_fetched_again_a_day_later(keys: KeyServer, clock: Clock) -> None:
    signing = SigningKeys(_metadata(keys), clock=clock)
    await signing.get(keys.kid)
    clock.now += REFRESH_AFTER - 1
    await signing.get(keys.kid)
    assert FETCHED_ONCE == keys.hits

    clock.now += 1
    await signing.get(keys.kid)

    assert FETCHED_ONCE * 2 == keys.hits


async def test_a_rotated_key_is_picked_up_but_unknown_ids_fetch_at_most_once_per_spacing(
    keys: KeyServer, clock: Clock
) -> None:
    signing = SigningKeys(_metadata(keys), clock=clock)
    await signing.get(keys.kid)
    keys.rotate()
    with pytest.raises(UnknownSigningKey):  # fetched a moment ago: not again yet
        await signing.get(keys.kid)
    assert FETCHED_ONCE == keys.hits

    clock.now += UNKNOWN_KEY_SPACING
    found = await signing.get(keys.kid)
    with pytest.raises(UnknownSigningKey):
        await signing.get("made-up-key-id")

    assert _numbers(keys.key.public_key()) == _numbers(found.public_key)
    assert FETCHED_ONCE * 2 == keys.hits


async def test_with_the_key_server_down_the_last_keys_serve_until_stale(clock: Clock) -> None:
    with key_server() as keys:
        signing = SigningKeys(_metadata(keys), clock=clock)
        await signing.get(keys.kid)
    clock.now += REFRESH_AFTER

    found = await signing.get(keys.kid)
    clock.now += STALE_LIMIT - REFRESH_AFTER
    with pytest.raises(SigningKeysUnavailable):
        await signing.get(keys.kid)

    assert _numbers(keys.key.public_key()) == _numbers(found.public_key)


async def test_after_a_failed_fetch_requests_fail_at_once_until_the_retry(clock: Clock) -> None:
    calls: list[str] = []

    async def failing(url: str) -> list[dict[str, Any]]:
        calls.append(url)
        raise ConnectionRefusedError("down")

    signing = SigningKeys("http://keys.invalid/", clock=clock, fetch=failing)
    for _ in range(3):
        with pytest.raises(SigningKeysUnavailable):
            await signing.get("some-key")
    assert ["http://keys.invalid/"] == calls

    clock.now += RETRY_AFTER_FAILURE
    with pytest.raises(SigningKeysUnavailable):
        await signing.get("some-key")

    assert ["http://keys.invalid/"] * 2 == calls


async def test_a_fetch_that_hangs_times_out_while_the_loop_runs_on(
    silent_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(signing_keys, "FETCH_TIMEOUT", 0.3)
    signing = SigningKeys(f"{silent_server}/.well-known/openid-configuration")
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.01)
            ticks += 1

    ticker = asyncio.create_task(tick())
    with pytest.raises(SigningKeysUnavailable):
        await asyncio.wait_for(signing.get("some-key"), 10)
    ticker.cancel()

    assert ticks > 0


def test_once_installed_botbuilder_gets_signing_keys_for_every_metadata_url(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(JwtTokenExtractor, "metadataCache", {})
    signing_keys.install()

    channel = JwtTokenExtractor.get_open_id_metadata("https://login.example/channel")
    emulator = JwtTokenExtractor.get_open_id_metadata("https://login.example/emulator")

    assert (SigningKeys, SigningKeys) == (type(channel), type(emulator))
    assert channel is JwtTokenExtractor.get_open_id_metadata("https://login.example/channel")
