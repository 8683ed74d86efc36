"""The outbound Bot Connector client: one shared aiohttp session, no thread pool.

Stock botbuilder builds an msrest ConnectorClient per turn and sends with `requests` on
the default thread pool (6 threads on 2 cores: about 29 sends/s against a connector that
takes 200 ms, whatever the concurrency). `Connector` is a drop-in for what botbuilder-core
(CloudAdapterBase, TurnContext) and TeamsInfo call on `connector_client.conversations`,
over one pooled `aiohttp.ClientSession` made by `connector_session()` at app start.

Every call first checks the service URL with the inbound allow-list, so the bot's token
never goes anywhere else. A call that does not succeed raises `ConnectorError`; retrying
is the caller's decision (bot/proactive.py), made from its status, retry_after and sent.
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import quote, urlencode

import aiohttp
from botbuilder.schema import ErrorResponse, ErrorResponseException, Transcript
from botframework.connector import models as connector_models
from yarl import URL

from bot.bearer import BearerToken
from bot.wire import from_json, to_json

logger = logging.getLogger(__name__)

USER_AGENT = "Microsoft-BotFramework/3.1 (BotBuilder Python/4.17.1) Klyngebot"
# Failures raised before a byte of the request left: sending again cannot duplicate it.
NOT_SENT = (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError, aiohttp.InvalidURL)

Deserialize = Callable[[str, Any], Any]


def connector_session() -> aiohttp.ClientSession:
    """The one session every outbound call shares (pooled keep-alive connections)."""
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=30, connect=5),
        connector=aiohttp.TCPConnector(limit=512, ttl_dns_cache=300),
    )


class ServiceUrlRefused(PermissionError):
    """The service URL is not on the allow-list; nothing was sent and nothing will be.

    Not a ConnectorError: sending again cannot help, so no retry policy should see it.
    """

    def __init__(self, service_url: str) -> None:
        super().__init__(f"service URL not allowed for outbound calls: {service_url!r}")
        self.service_url = service_url


class ConnectorError(ErrorResponseException):  # type: ignore[misc]
    """A Bot Connector call that did not succeed.

    status: the HTTP status, or None when no answer came. retry_after: seconds, from the
    Retry-After header. sent: False only when the request certainly never left (connection
    refused, DNS, TLS, connect timeout, no token), so sending again cannot duplicate it; a
    timeout or a dropped connection after sending is sent=True (outcome unknown).
    body: the answer's text, or what went wrong.

    It is also botbuilder's ErrorResponseException (what msrest raised), so code that
    catches that, like TeamsActivityHandler, keeps working; `error` is the parsed answer.
    """

    def __init__(self, status: int | None, retry_after: float | None, sent: bool, body: str):
        where = f"answered {status}" if status is not None else "was not reached"
        message = f"Bot Connector {where}: {body[:300]}"
        # msrest's __init__ wants a requests response; set what it would have set.
        Exception.__init__(self, message)
        self.message = message
        self.response = None
        self.inner_exception = None
        self.status = status
        self.retry_after = retry_after
        self.sent = sent
        self.body = body
        self.error = _error_response(body)

    @property
    def code(self) -> str | None:
        """The connector's error code: ConversationBlockedByUser, ConversationNotFound..."""
        detail = getattr(self.error, "error", None)
        return getattr(detail, "code", None)


def _error_response(body: str) -> Any:
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("error"), dict):
        return None
    return ErrorResponse.deserialize(data)


def retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value or not value.strip():
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    return max(seconds, 0.0) if math.isfinite(seconds) else None


@dataclass(frozen=True)
class ConnectorConfig:
    """The part of msrest's configuration botbuilder reads (TeamsInfo takes `credentials`)."""

    base_url: str
    credentials: Any


class Connector:
    """botbuilder's ConnectorClient for one service URL, on the shared session."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        service_url: str,
        *,
        allowed: Callable[[str], bool],
        token: BearerToken | None,
        credentials: Any,
        deserialize: Deserialize,
    ) -> None:
        self.config = ConnectorConfig(base_url=service_url, credentials=credentials)
        self.conversations = Conversations(self)
        self._session = session
        self._allowed = allowed
        self._token = token
        self._deserialize = deserialize

    async def call(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        result: str | None = None,
        query: Mapping[str, Any] | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> Any:
        """One request: `path` is relative to the service URL and already quoted."""
        headers = _headers(options or {})
        service_url = self.config.base_url
        if not self._allowed(service_url):
            raise ServiceUrlRefused(service_url)
        if self._token is not None:
            headers["Authorization"] = f"Bearer {await self._bearer()}"
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json; charset=utf-8"
            data = json.dumps(to_json(body), ensure_ascii=False).encode()
        url = service_url.rstrip("/") + "/" + path
        query = {key: value for key, value in (query or {}).items() if value is not None}
        if query:
            url += "?" + urlencode(query)
        status, text, wait = await self._exchange(method, url, headers, data)
        if not 200 <= status < 300:
            if status == 401 and self._token is not None:
                self._token.forget()
            raise ConnectorError(status, retry_after(wait), True, text)
        return self._read(result, text)

    async def _bearer(self) -> str:
        assert self._token is not None
        try:
            return await self._token.get()
        except Exception as error:  # MSAL raises PermissionError, ValueError, requests errors
            description = f"no token for the Bot Connector: {type(error).__name__}: {error}"
            raise ConnectorError(None, None, False, description) from error

    async def _exchange(
        self, method: str, url: str, headers: dict[str, str], data: bytes | None
    ) -> tuple[int, str, str | None]:
        try:
            async with self._session.request(
                method, URL(url, encoded=True), headers=headers, data=data, allow_redirects=False
            ) as response:
                text = (await response.read()).decode("utf-8", errors="replace")
                return response.status, text, response.headers.get("Retry-After")
        except NOT_SENT as error:
            raise ConnectorError(None, None, False, _describe(error)) from error
        except (aiohttp.ClientError, TimeoutError) as error:
            raise ConnectorError(None, None, True, _describe(error)) from error

    def _read(self, result: str | None, text: str) -> Any:
        if result is None or not text.strip():
            return None
        try:
            data = json.loads(text)
            model = _MODELS.get(result)  # "ResourceResponse"; lists such as "[ChannelAccount]"
            return from_json(model, data) if model else self._deserialize(result, data)
        except ValueError:  # delivered all the same; only the answer is unreadable
            logger.warning("Bot Connector answered 2xx with a body that is not %s", result)
            return None


_MODELS = {
    name: kind
    for name, kind in vars(connector_models).items()
    if isinstance(kind, type) and hasattr(kind, "_attribute_map")
}


def _headers(options: Mapping[str, Any]) -> dict[str, str]:
    if options.get("raw"):
        raise NotImplementedError("bot.connector does not return raw msrest responses")
    unknown = set(options) - {"raw", "custom_headers"}
    if unknown:
        raise NotImplementedError(f"bot.connector does not take {', '.join(sorted(unknown))}")
    return {
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
        **(options.get("custom_headers") or {}),
    }


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _path(template: str, *arguments: str) -> str:
    return template.format(*(quote(str(argument), safe="") for argument in arguments))


class Conversations:
    """The `conversations` operations of the Bot Connector REST API (v3), as msrest names
    them; each returns the same botbuilder.schema model the msrest client returned."""

    def __init__(self, connector: Connector) -> None:
        self._call = connector.call

    async def get_conversations(self, continuation_token: str | None = None, **options: Any) -> Any:
        query = {"continuationToken": continuation_token}
        return await self._call(
            "GET", "v3/conversations", result="ConversationsResult", query=query, options=options
        )

    async def create_conversation(self, parameters: Any, **options: Any) -> Any:
        return await self._call(
            "POST",
            "v3/conversations",
            body=parameters,
            result="ConversationResourceResponse",
            options=options,
        )

    async def send_to_conversation(
        self, conversation_id: str, activity: Any, **options: Any
    ) -> Any:
        path = _path("v3/conversations/{}/activities", conversation_id)
        return await self._call(
            "POST", path, body=activity, result="ResourceResponse", options=options
        )

    async def send_conversation_history(
        self, conversation_id: str, activities: Any = None, **options: Any
    ) -> Any:
        path = _path("v3/conversations/{}/activities/history", conversation_id)
        history = Transcript(activities=activities)
        return await self._call(
            "POST", path, body=history, result="ResourceResponse", options=options
        )

    async def update_activity(
        self, conversation_id: str, activity_id: str, activity: Any, **options: Any
    ) -> Any:
        path = _path("v3/conversations/{}/activities/{}", conversation_id, activity_id)
        return await self._call(
            "PUT", path, body=activity, result="ResourceResponse", options=options
        )

    async def reply_to_activity(
        self, conversation_id: str, activity_id: str, activity: Any, **options: Any
    ) -> Any:
        path = _path("v3/conversations/{}/activities/{}", conversation_id, activity_id)
        return await self._call(
            "POST", path, body=activity, result="ResourceResponse", options=options
        )

    async def delete_activity(self, conversation_id: str, activity_id: str, **options: Any) -> None:
        path = _path("v3/conversations/{}/activities/{}", conversation_id, activity_id)
        await self._call("DELETE", path, options=options)

    async def get_conversation_members(self, conversation_id: str, **options: Any) -> Any:
        path = _path("v3/conversations/{}/members", conversation_id)
        return await self._call("GET", path, result="[ChannelAccount]", options=options)

    async def get_conversation_member(
        self, conversation_id: str, member_id: str, **options: Any
    ) -> Any:
        path = _path("v3/conversations/{}/members/{}", conversation_id, member_id)
        return await self._call("GET", path, result="ChannelAccount", options=options)

    async def get_conversation_paged_members(
        self,
        conversation_id: str,
        page_size: int | None = None,
        continuation_token: str | None = None,
        **options: Any,
    ) -> Any:
        return await self._paged_members(
            conversation_id, page_size, continuation_token, "PagedMembersResult", options
        )

    async def get_teams_conversation_paged_members(
        self,
        conversation_id: str,
        page_size: int | None = None,
        continuation_token: str | None = None,
        **options: Any,
    ) -> Any:
        return await self._paged_members(
            conversation_id, page_size, continuation_token, "TeamsPagedMembersResult", options
        )

    async def _paged_members(
        self,
        conversation_id: str,
        page_size: int | None,
        continuation_token: str | None,
        result: str,
        options: Mapping[str, Any],
    ) -> Any:
        path = _path("v3/conversations/{}/pagedmembers", conversation_id)
        query = {"pageSize": page_size, "continuationToken": continuation_token}
        return await self._call("GET", path, result=result, query=query, options=options)

    async def delete_conversation_member(
        self, conversation_id: str, member_id: str, **options: Any
    ) -> None:
        path = _path("v3/conversations/{}/members/{}", conversation_id, member_id)
        await self._call("DELETE", path, options=options)

    async def get_activity_members(
        self, conversation_id: str, activity_id: str, **options: Any
    ) -> Any:
        path = _path("v3/conversations/{}/activities/{}/members", conversation_id, activity_id)
        return await self._call("GET", path, result="[ChannelAccount]", options=options)

    async def upload_attachment(
        self, conversation_id: str, attachment_upload: Any, **options: Any
    ) -> Any:
        path = _path("v3/conversations/{}/attachments", conversation_id)
        return await self._call(
            "POST", path, body=attachment_upload, result="ResourceResponse", options=options
        )
