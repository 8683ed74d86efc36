"""Authentication with an app id set: only valid Bot Connector tokens get in; the
Emulator's, skills' and the bot's own token shape only where a setting allows them for
local testing, and then only when addressed to this bot for this activity.

Offline: a local OpenID server publishes a key made for the test, injected through
Settings (BOT_OPENID_METADATA_URL), so the real botbuilder validation runs unchanged; the
keys come through bot/signing_keys.py (fetched once, off the event loop, with a timeout).
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

from bot import signing_keys
from bot.settings import Settings
from bot.signing_keys import UNKNOWN_KEY_SPACING, SigningKeys, SigningKeysCache
from tests.support.activities import TENANT, message
from tests.support.bot import post, running_bot, with_settings
from tests.support.connector import Connector
from tests.support.tokens import (
    APP_ID,
    AUTH_V32_TENANT_V1,
    BOT_FRAMEWORK_TENANT_V2,
    KeyServer,
    emulator_claims,
    key_server,
    new_key,
    own_outbound_claims,
)


@pytest.fixture(autouse=True)
def own_signing_keys(monkeypatch: pytest.MonkeyPatch) -> SigningKeysCache:
    """Each test starts with no keys cached (botbuilder's cache is per process)."""
    cache = SigningKeysCache()
    monkeypatch.setattr(JwtTokenExtractor, "metadataCache", cache)
    return cache


@pytest.fixture
def keys() -> Iterator[KeyServer]:
    with key_server() as server:
        yield server


def _secured(settings: Settings, metadata_url: str, connector: Connector) -> Settings:
    return with_settings(
        settings,
        app_id=APP_ID,
        app_password="not-used-offline",
        openid_metadata_url=metadata_url,
        service_url_allowlist=(connector.url,),
        allowed_tenants=(TENANT,),
        login_url="http://127.0.0.1:9/",  # outbound tokens cannot be fetched offline
    )


def _metadata(keys: KeyServer) -> str:
    return f"{keys.url}/.well-known/openid-configuration"


@pytest.fixture
async def secured(
    bot_settings: Settings, keys: KeyServer, connector: Connector
) -> AsyncIterator[TestClient[Any, Any]]:
    async with running_bot(_secured(bot_settings, _metadata(keys), connector)) as client:
        yield client


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def test_no_token_is_refused(secured: TestClient[Any, Any], connector: Connector) -> None:
    response = await post(secured, message("hjælp", connector.url))

    assert 401 == response.status
    assert [] == connector.sent


@pytest.mark.parametrize(
    ("case", "make_token"),
    [
        ("garbage", lambda keys, url: "abc.def"),
        ("forged", lambda keys, url: keys.token(url, key=new_key())),
        ("wrong audience", lambda keys, url: keys.token(url, aud="someone-else")),
        ("expired", lambda keys, url: keys.token(url, exp=int(time.time()) - 3600)),
        ("wrong issuer", lambda keys, url: keys.token(url, iss="https://evil.example")),
        ("unknown key id", lambda keys, url: keys.token(url, kid="no-such-key")),
        ("other service url", lambda keys, url: keys.token("https://evil.example/")),
    ],
)
async def test_bad_tokens_are_refused_with_401(
    secured: TestClient[Any, Any], keys: KeyServer, connector: Connector, case: str, make_token: Any
) -> None:
    token = make_token(keys, connector.url)

    response = await post(secured, message("hjælp", connector.url), **_bearer(token))

    assert 401 == response.status, case
    assert [] == connector.sent


async def test_a_valid_token_from_a_foreign_tenant_is_refused_with_403(
    secured: TestClient[Any, Any], keys: KeyServer, connector: Connector
) -> None:
    activity = message("hjælp", connector.url, tenant="tenant-elsewhere")

    response = await post(secured, activity, **_bearer(keys.token(connector.url)))

    assert 403 == response.status
    assert [] == connector.sent


async def test_a_valid_token_with_a_service_url_off_the_allow_list_is_refused(
    secured: TestClient[Any, Any], keys: KeyServer
) -> None:
    evil = "https://smba.trafficmanager.net.evil.example/"

    response = await post(secured, message("hjælp", evil), **_bearer(keys.token(evil)))

    assert 403 == response.status


async def test_a_valid_token_from_an_allowed_tenant_is_let_in(
    secured: TestClient[Any, Any], keys: KeyServer, connector: Connector
) -> None:
    response = await post(
        secured, message("hjælp", connector.url), **_bearer(keys.token(connector.url))
    )

    assert 201 == response.status


async def test_many_requests_fetch_the_signing_keys_once(
    secured: TestClient[Any, Any], keys: KeyServer, connector: Connector
) -> None:
    token = keys.token(connector.url)
    activities = [message("hjælp", connector.url, conversation=f"c-{n}") for n in range(8)]

    responses = await asyncio.gather(*(post(secured, a, **_bearer(token)) for a in activities))

    assert [201] * 8 == [response.status for response in responses]
    assert ["/.well-known/openid-configuration", "/keys"] == keys.hits


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_a_rotated_signing_key_is_picked_up(
    bot_settings: Settings,
    keys: KeyServer,
    connector: Connector,
    own_signing_keys: SigningKeysCache,
) -> None:
    clock = Clock()
    own_signing_keys[_metadata(keys)] = SigningKeys(_metadata(keys), clock=clock)
    async with running_bot(_secured(bot_settings, _metadata(keys), connector)) as client:
        before = await post(
            client, message("hjælp", connector.url), **_bearer(keys.token(connector.url))
        )
        keys.rotate()
        clock.now += UNKNOWN_KEY_SPACING
        after = await post(
            client, message("hjælp", connector.url), **_bearer(keys.token(connector.url))
        )

    assert (201, 201) == (before.status, after.status)
    assert ["/.well-known/openid-configuration", "/keys"] * 2 == keys.hits


def _closed_port() -> socket.socket:
    """A bound port nobody listens on: connecting is refused at once."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    return sock


async def test_with_the_key_server_down_a_valid_token_gets_401_not_500(
    bot_settings: Settings, keys: KeyServer, connector: Connector
) -> None:
    with _closed_port() as down:
        metadata = f"http://127.0.0.1:{down.getsockname()[1]}/.well-known/openid-configuration"
        async with running_bot(_secured(bot_settings, metadata, connector)) as client:
            response = await post(
                client, message("hjælp", connector.url), **_bearer(keys.token(connector.url))
            )
            health = await client.get("/healthz")

    assert (401, 200) == (response.status, health.status)
    assert [] == connector.sent


async def test_a_hanging_key_server_times_out_with_401_and_the_bot_answers_meanwhile(
    bot_settings: Settings, keys: KeyServer, connector: Connector, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(signing_keys, "FETCH_TIMEOUT", 1.0)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # connections queue in the kernel; nobody ever answers
        metadata = f"http://127.0.0.1:{silent.getsockname()[1]}/.well-known/openid-configuration"
        async with running_bot(_secured(bot_settings, metadata, connector)) as client:
            activity = message("hjælp", connector.url)
            waiting = asyncio.create_task(
                post(client, activity, **_bearer(keys.token(connector.url)))
            )
            await asyncio.sleep(0.1)  # the request is in, its key fetch under way
            health = await client.get("/healthz")
            answered_meanwhile = not waiting.done()
            response = await asyncio.wait_for(waiting, 10)

    assert (200, True, 401) == (health.status, answered_meanwhile, response.status)


# Tokens from other issuers than the Bot Connector's: the Emulator's, skills', the bot's own.

OTHER_ISSUERS = [
    ("emulator v1", emulator_claims("1.0")),
    ("emulator v2", emulator_claims("2.0", BOT_FRAMEWORK_TENANT_V2)),
    ("emulator, auth v3.2 tenant", emulator_claims("1.0", AUTH_V32_TENANT_V1)),
    ("the bot's own outbound token", own_outbound_claims()),
    ("a skill calling", emulator_claims("1.0") | {"appid": "another-bot"}),
]


@pytest.mark.parametrize(("case", "claims"), OTHER_ISSUERS)
async def test_tokens_from_other_issuers_are_refused_without_fetching_keys(
    secured: TestClient[Any, Any],
    keys: KeyServer,
    connector: Connector,
    case: str,
    claims: dict[str, Any],
) -> None:
    token = keys.token(connector.url, **claims)

    response = await post(secured, message("hjælp", connector.url), **_bearer(token))

    assert 401 == response.status, case
    assert ([], []) == (connector.sent, keys.hits)


@pytest.fixture
async def emulator_allowed(
    bot_settings: Settings, keys: KeyServer, connector: Connector
) -> AsyncIterator[TestClient[Any, Any]]:
    settings = _secured(bot_settings, _metadata(keys), connector)
    async with running_bot(with_settings(settings, allow_emulator_tokens=True)) as client:
        yield client


@pytest.mark.parametrize(
    ("case", "claims", "status"),
    [
        ("emulator v1", emulator_claims("1.0"), 201),
        ("emulator v2", emulator_claims("2.0", BOT_FRAMEWORK_TENANT_V2), 201),
        ("the bot's own outbound token", own_outbound_claims(), 401),
        ("emulator, for another bot", emulator_claims("1.0") | {"aud": "another-bot"}, 401),
        (
            "emulator, another serviceurl",
            emulator_claims("1.0") | {"serviceurl": "https://evil.example/"},
            401,
        ),
        ("a skill calling", emulator_claims("1.0") | {"appid": "another-bot"}, 401),
    ],
)
async def test_with_emulator_tokens_allowed_only_tokens_for_this_bot_and_activity_get_in(
    emulator_allowed: TestClient[Any, Any],
    keys: KeyServer,
    connector: Connector,
    case: str,
    claims: dict[str, Any],
    status: int,
) -> None:
    token = keys.token(connector.url, **claims)

    response = await post(emulator_allowed, message("hjælp", connector.url), **_bearer(token))

    assert status == response.status, case
