"""Authentication with an app id set: only valid Bot Framework tokens get in.

Offline: a local OpenID server publishes a key made for the test, injected through
Settings (BOT_OPENID_METADATA_URL), so the real botbuilder validation runs unchanged.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from bot.settings import Settings
from tests.support.activities import TENANT, message
from tests.support.bot import post, running_bot, with_settings
from tests.support.connector import Connector
from tests.support.tokens import APP_ID, KeyServer, key_server, new_key


@pytest.fixture
def keys() -> Iterator[KeyServer]:
    with key_server() as server:
        yield server


@pytest.fixture
async def secured(
    bot_settings: Settings, keys: KeyServer, connector: Connector
) -> AsyncIterator[TestClient[Any, Any]]:
    settings = with_settings(
        bot_settings,
        app_id=APP_ID,
        app_password="not-used-offline",
        openid_metadata_url=f"{keys.url}/.well-known/openid-configuration",
        service_url_allowlist=(connector.url,),
        allowed_tenants=(TENANT,),
        login_url="http://127.0.0.1:9/",  # outbound tokens cannot be fetched offline
    )
    async with running_bot(settings) as client:
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
