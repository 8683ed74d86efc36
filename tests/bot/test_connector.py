"""The outbound path: replies and proactive sends go over the app's one aiohttp session to
the connector, with no thread involved, errors carry what a retry policy needs, the token is
botbuilder's own and acquired once, and a service URL off the allow-list gets nothing.

Real HTTP on loopback against the connector fake (tests/support/connector.py); MSAL is the
only thing replaced, since it would talk to Entra ID.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import aiohttp
import jwt
import pytest
from botbuilder.core import TurnContext
from botbuilder.core.teams import TeamsInfo
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import (
    Activity,
    ChannelAccount,
    ConversationAccount,
    ConversationReference,
    ErrorResponseException,
)

from bot.adapter import bot_configuration, create_adapter
from bot.authentication import ConnectorPool, PooledBotFrameworkAuthentication
from bot.connector import ConnectorError, ServiceUrlRefused, connector_session, retry_after
from bot.settings import Settings
from tests.support.activities import BOT_ID, TENANT, message
from tests.support.bot import post, running_bot
from tests.support.connector import MEMBER, Answer, Connector
from tests.support.tokens import APP_ID

SECRET = "app-password-only-msal-sees"
SCOPE = "https://api.botframework.com/.default"


class CountingExecutor(ThreadPoolExecutor):
    """The loop's default executor, recording every job handed to a thread."""

    def __init__(self) -> None:
        super().__init__(max_workers=4)
        self.jobs: list[str] = []

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.jobs.append(repr(fn))
        return super().submit(fn, *args, **kwargs)


@pytest.fixture
async def threads() -> CountingExecutor:
    executor = CountingExecutor()
    asyncio.get_running_loop().set_default_executor(executor)  # the loop shuts it down
    return executor


class Msal:
    """Stands in for msal.ConfidentialClientApplication: counts acquisitions, issues JWTs."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.acquired: list[tuple[list[str], int]] = []  # scopes, thread id
        self.apps: list[dict[str, Any]] = []

    def __call__(self, **kwargs: Any) -> Msal:
        self.apps.append(kwargs)
        return self

    def acquire_token_silent(self, scopes: list[str], account: Any) -> None:
        return None

    def acquire_token_for_client(self, scopes: list[str]) -> dict[str, Any]:
        self.acquired.append((scopes, threading.get_ident()))
        claims = {"exp": int(self.clock()) + 3600, "n": len(self.acquired)}
        return {"access_token": jwt.encode(claims, "k" * 64, algorithm="HS256")}


@pytest.fixture
def msal(monkeypatch: pytest.MonkeyPatch) -> Msal:
    fake = Msal(clock=lambda: datetime.now(UTC).timestamp())
    monkeypatch.setattr(
        "botframework.connector.auth.microsoft_app_credentials.ConfidentialClientApplication",
        fake,
    )
    return fake


def reference(service_url: str, conversation: str = "a:personal-chat-1") -> ConversationReference:
    return ConversationReference(
        channel_id="msteams",
        service_url=service_url,
        conversation=ConversationAccount(id=conversation, tenant_id=TENANT),
        bot=ChannelAccount(id=BOT_ID),
        user=ChannelAccount(id="29:user-1"),
    )


async def send(
    adapter: CloudAdapter, ref: ConversationReference, text: str, bot_app_id: str | None = None
) -> Any:
    """One proactive message; the send's own result or error (the turn would swallow it)."""
    outcome: list[Any] = []

    async def callback(turn_context: TurnContext) -> None:
        try:
            outcome.append(await turn_context.send_activity(text))
        except Exception as error:
            outcome.append(error)

    await adapter.continue_conversation(ref, callback, bot_app_id)
    if isinstance(outcome[0], Exception):
        raise outcome[0]
    return outcome[0]


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with connector_session() as shared:
        yield shared


@pytest.fixture
def anonymous(session: aiohttp.ClientSession, connector: Connector) -> CloudAdapter:
    return create_adapter(Settings(anonymous_service_urls=(connector.url,)), session)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# Where the work happens: the shared session, no threads.


async def test_replies_reuse_one_pooled_connection_and_no_thread(
    threads: CountingExecutor, connector: Connector, sqlite_url: str
) -> None:
    settings = Settings(database_url=sqlite_url, anonymous_service_urls=(connector.url,))
    async with running_bot(settings) as bot:
        threads.jobs.clear()  # start-up builds the question index in a thread
        for text in ("hjælp", "help", "hjaelp"):
            assert 201 == (await post(bot, message(text, connector.url))).status

    assert 3 <= len(connector.messages())
    assert [] == threads.jobs
    assert 1 == len({request.client_port for request in connector.requests})
    assert [] == [r for r in connector.requests if "Authorization" in r.headers]


async def test_proactive_sends_run_concurrently_without_a_thread(
    threads: CountingExecutor, connector: Connector, anonymous: CloudAdapter
) -> None:
    refs = [reference(connector.url, f"a:chat-{n}") for n in range(50)]

    answers = await asyncio.gather(*(send(anonymous, ref, "Påmindelse") for ref in refs))

    assert 50 == len(connector.messages())
    assert 50 == len({answer.id for answer in answers})
    assert [] == threads.jobs


async def test_teams_info_update_and_delete_work_on_the_pooled_connector(
    connector: Connector, anonymous: CloudAdapter
) -> None:
    seen: dict[str, Any] = {}

    async def callback(turn_context: TurnContext) -> None:
        turn_context.activity.channel_data = {"tenant": {"id": TENANT}}
        seen["members"] = await TeamsInfo.get_members(turn_context)
        seen["member"] = await TeamsInfo.get_member(turn_context, MEMBER["id"])
        sent = await turn_context.send_activity("første udgave")
        update = Activity(id=sent.id, type="message", text="anden udgave")
        update.conversation = turn_context.activity.conversation
        await turn_context.update_activity(update)
        await turn_context.delete_activity(sent.id)

    await anonymous.continue_conversation(reference(connector.url), callback, None)

    assert [MEMBER["email"]] == [member.email for member in seen["members"]]
    assert "aad-user-1" == seen["member"].aad_object_id
    assert ["første udgave", "anden udgave"] == [body["text"] for body in connector.sent]
    assert ["GET", "GET", "POST", "PUT", "DELETE"] == [r.method for r in connector.requests]


# What a failed call says.


async def test_429_raises_connector_error_with_retry_after(
    connector: Connector, anonymous: CloudAdapter
) -> None:
    connector.answer(Answer(429, {"error": {"code": "Throttled"}}, {"Retry-After": "7"}))

    with pytest.raises(ConnectorError) as raised:
        await send(anonymous, reference(connector.url), "Påmindelse")

    error = raised.value
    assert (429, 7.0, True, "Throttled") == (
        error.status,
        error.retry_after,
        error.sent,
        error.code,
    )
    assert [] == connector.sent


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (403, "ConversationBlockedByUser"),
        (404, "ConversationNotFound"),
        (503, "ServiceUnavailable"),
    ],
)
async def test_error_statuses_surface_with_their_code(
    connector: Connector, anonymous: CloudAdapter, status: int, code: str
) -> None:
    connector.answer(Answer(status, {"error": {"code": code, "message": "nej"}}))

    with pytest.raises(ConnectorError) as raised:
        await send(anonymous, reference(connector.url), "Påmindelse")

    assert (status, None, True, code) == (
        raised.value.status,
        raised.value.retry_after,
        raised.value.sent,
        raised.value.code,
    )
    # Code written for msrest's error keeps working (TeamsActivityHandler catches this).
    assert isinstance(raised.value, ErrorResponseException)
    assert code == raised.value.error.error.code


async def test_a_refused_connection_was_not_sent(session: aiohttp.ClientSession) -> None:
    nobody = f"http://127.0.0.1:{_closed_port()}/"
    adapter = create_adapter(Settings(anonymous_service_urls=(nobody,)), session)

    with pytest.raises(ConnectorError) as raised:
        await send(adapter, reference(nobody), "Påmindelse")

    assert (None, False) == (raised.value.status, raised.value.sent)


async def test_a_timeout_after_sending_is_sent_with_unknown_outcome(connector: Connector) -> None:
    connector.answer(Answer(201, {"id": "late"}, delay=1.0))
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=0.2)) as impatient:
        adapter = create_adapter(Settings(anonymous_service_urls=(connector.url,)), impatient)

        with pytest.raises(ConnectorError) as raised:
            await send(adapter, reference(connector.url), "Påmindelse")

    assert (None, True) == (raised.value.status, raised.value.sent)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", 120.0),
        ("1.5", 1.5),
        ("Fri, 01 Mar 2024 09:00:30 GMT", 30.0),
        ("Fri, 01 Mar 2024 08:59:00 GMT", 0.0),
        ("-3", 0.0),
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_retry_after_reads_seconds_and_http_dates(header: str | None, expected: float) -> None:
    now = datetime(2024, 3, 1, 9, 0, 0, tzinfo=UTC)

    assert expected == retry_after(header, now)


# Where the token goes, and how often it is fetched.

HOSTILE = [
    "https://smba.trafficmanager.net.evil.example/emea/",
    "https://evil.trafficmanager.net/emea/",
    "http://smba.trafficmanager.net/emea/",
    "https://smba.trafficmanager.net@evil.example/emea/",
    "https://10.0.0.1/",
]


@pytest.mark.parametrize("service_url", HOSTILE)
async def test_a_service_url_off_the_allow_list_gets_no_request(
    anonymous: CloudAdapter, service_url: str
) -> None:
    ran: list[bool] = []

    async def callback(turn_context: TurnContext) -> None:
        ran.append(True)

    with pytest.raises(ServiceUrlRefused):
        await anonymous.continue_conversation(reference(service_url), callback, None)

    assert [] == ran


def _with_app_id(connector: Connector, **changes: Any) -> Settings:
    allow = changes.pop("service_url_allowlist", (connector.url,))
    return Settings(app_id=APP_ID, app_password=SECRET, service_url_allowlist=allow, **changes)


async def test_with_an_app_id_loopback_off_the_allow_list_gets_no_request_and_no_token(
    connector: Connector, session: aiohttp.ClientSession, msal: Msal
) -> None:
    adapter = create_adapter(_with_app_id(connector, service_url_allowlist=()), session)

    with pytest.raises(ServiceUrlRefused):
        await send(adapter, reference(connector.url), "Påmindelse", APP_ID)

    assert ([], []) == (connector.requests, msal.acquired)


async def test_the_token_is_botbuilders_own_fetched_once_off_the_loop_and_sent_every_time(
    connector: Connector, session: aiohttp.ClientSession, msal: Msal
) -> None:
    adapter = create_adapter(_with_app_id(connector), session)
    refs = [reference(connector.url, f"a:chat-{n}") for n in range(30)]

    await asyncio.gather(*(send(adapter, ref, "Påmindelse", APP_ID) for ref in refs))

    assert [([SCOPE], msal.acquired[0][1])] == msal.acquired
    assert threading.get_ident() != msal.acquired[0][1]
    assert (APP_ID, SECRET) == (msal.apps[0]["client_id"], msal.apps[0]["client_credential"])
    authorizations = {request.headers.get("Authorization") for request in connector.requests}
    assert 1 == len(authorizations)
    assert 30 == len(connector.messages())
    assert next(iter(authorizations), "").startswith("Bearer ey")


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(msal: Msal) -> Clock:
    now = Clock()
    msal.clock = now
    return now


async def test_the_token_is_fetched_again_shortly_before_it_expires(
    connector: Connector, session: aiohttp.ClientSession, msal: Msal, clock: Clock
) -> None:
    settings = _with_app_id(connector)
    pool = ConnectorPool(session, settings, clock=clock)
    adapter = CloudAdapter(PooledBotFrameworkAuthentication(bot_configuration(settings), pool))
    ref = reference(connector.url)

    await send(adapter, ref, "1", APP_ID)
    clock.now += 3000  # the token lives 3600 s
    await send(adapter, ref, "2", APP_ID)
    clock.now += 301  # within five minutes of expiry
    await send(adapter, ref, "3", APP_ID)
    await send(adapter, ref, "4", APP_ID)

    assert 2 == len(msal.acquired)
    first, second, third, fourth = (r.headers["Authorization"] for r in connector.requests)
    assert (first, third) == (second, fourth)
    assert first != third


async def test_a_401_makes_the_next_send_fetch_a_new_token(
    connector: Connector, session: aiohttp.ClientSession, msal: Msal
) -> None:
    adapter = create_adapter(_with_app_id(connector), session)
    connector.answer(Answer(401, {"error": {"code": "Unauthorized"}}))

    with pytest.raises(ConnectorError):
        await send(adapter, reference(connector.url), "1", APP_ID)
    await send(adapter, reference(connector.url), "2", APP_ID)

    assert 2 == len(msal.acquired)
    assert ["2"] == [body["text"] for body in connector.sent]


async def test_no_token_means_not_sent(
    connector: Connector, session: aiohttp.ClientSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(**kwargs: Any) -> Any:
        raise ValueError("authority unreachable")

    monkeypatch.setattr(
        "botframework.connector.auth.microsoft_app_credentials.ConfidentialClientApplication",
        refuse,
    )
    adapter = create_adapter(_with_app_id(connector), session)

    with pytest.raises(ConnectorError) as raised:
        await send(adapter, reference(connector.url), "1", APP_ID)

    assert (None, False) == (raised.value.status, raised.value.sent)
    assert [] == connector.requests
