"""What one failed proactive send means for its notification.

Teams' rules (msteams-docs, "Status codes from bot conversational APIs" and rate-limit.md):
retry 412, 429, 502, 503 and 504 with exponential backoff and jitter, honouring
Retry-After; never retry anything else. 403 means the bot may not write there any more
(blocked, removed, disabled): the conversation is deactivated. 404: the conversation is
gone. Sending is not idempotent, so a 500 or a time-out after the request went out may or
may not have reached the user: that send is `uncertain`, never repeated. A connection that
failed before the request was written is safe to retry.

Errors come from two connectors: botbuilder's stock msrest one (`ErrorResponseException`,
an `HttpOperationError` with `.response.status_code` and headers; `ClientRequestError`
around a `requests` error) and Klyngebot's own (`bot.connector.ConnectorError` with
`status`, `retry_after`, `sent` and `body`). Both are read by their attributes, so this
module imports neither.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from knowledge.notify.contract import SendResult

MAX_ATTEMPTS = 5
RETRY_STATUSES = frozenset({412, 429, 502, 503, 504})
BACKOFF_FIRST = 1.0  # seconds; doubled per attempt
BACKOFF_CAP = 60.0
JITTER = 0.2  # +-20 %, as Teams' sample retry policy
# Exceptions (by class name, anywhere in the chain) raised before a request was written.
NOT_SENT = frozenset(
    {
        "ConnectionRefusedError",
        "NewConnectionError",
        "ConnectTimeoutError",
        "ConnectTimeout",
        "NameResolutionError",
        "ClientConnectorError",
        "ClientConnectorDNSError",
        "gaierror",
    }
)
MAX_ERROR = 500
REFUSED = frozenset({"ServiceUrlRefused"})  # bot.connector: the allow-list said no


@dataclass(frozen=True)
class Failure:
    status: int | None  # None: no HTTP answer
    retry_after: float | None  # seconds
    sent: bool  # the request may have reached the connector
    detail: str
    refused: bool = False  # we refused to send it (a service URL not allowed): never retry


def failure_of(error: BaseException, *, started: bool, now: datetime) -> Failure:
    """What went wrong; `started` says whether the send itself had begun."""
    if hasattr(error, "sent") and hasattr(error, "status"):  # bot.connector.ConnectorError
        return _connector_failure(error)
    if type(error).__name__ in REFUSED:
        return Failure(None, None, False, f"{type(error).__name__}: {error}", refused=True)
    response = getattr(error, "response", None)
    status = getattr(response, "status_code", None)
    if isinstance(status, int):  # msrest HttpOperationError / ErrorResponseException
        headers = getattr(response, "headers", None) or {}
        return Failure(status, retry_after_of(headers, now), True, f"{status} {error}")
    detail = f"{type(error).__name__}: {error}"
    return Failure(None, None, started and not _before_sending(error), detail)


def _connector_failure(error: Any) -> Failure:
    status = error.status if isinstance(error.status, int) else None
    wait = getattr(error, "retry_after", None)
    body = str(getattr(error, "body", "") or "")
    detail = f"{status} {body}".strip() if status else f"{type(error).__name__}: {body}"
    return Failure(status, float(wait) if wait is not None else None, bool(error.sent), detail)


def result_of(
    failure: Failure,
    attempts: int,
    now: datetime,
    jitter: Callable[[], float] = random.random,
) -> SendResult:
    """The outbox outcome of a failed attempt (`attempts` counts this one)."""
    status = failure.status
    error = failure.detail[:MAX_ERROR]
    extra = {"status": status} if status is not None else {}
    if failure.refused:
        return SendResult("failed", error=error)
    if status is None and failure.sent:
        return SendResult("uncertain", error=error, extra=extra)
    if status is None or status in RETRY_STATUSES:
        if attempts >= MAX_ATTEMPTS:
            return SendResult("failed", error=f"gave up after {attempts} attempts: {error}")
        wait = failure.retry_after
        if wait is None:
            wait = backoff(attempts, jitter)
        return SendResult("retry", not_before=now + timedelta(seconds=wait), error=error)
    if status == 403:
        return SendResult("blocked", error=error, extra=extra)
    if status == 404:
        return SendResult("gone", error=error, extra=extra)
    if status == 500:
        return SendResult("uncertain", error=error, extra=extra)
    return SendResult("failed", error=error, extra=extra)


def backoff(attempts: int, jitter: Callable[[], float] = random.random) -> float:
    """1 s, 2 s, 4 s ... after the 1st, 2nd, 3rd failed attempt, at most 60 s, +-20 %."""
    base = min(BACKOFF_CAP, BACKOFF_FIRST * 2.0 ** max(0, attempts - 1))
    return min(BACKOFF_CAP, base * (1 - JITTER + 2 * JITTER * jitter()))


def retry_after_of(headers: Mapping[str, Any], now: datetime) -> float | None:
    """Retry-After in seconds: a number of seconds or an HTTP date."""
    raw = next((str(v) for k, v in headers.items() if k.lower() == "retry-after"), "").strip()
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - now).total_seconds()) if when.tzinfo else None


def _before_sending(error: BaseException) -> bool:
    return any(type(cause).__name__ in NOT_SENT for cause in _chain(error))


def _chain(error: BaseException) -> Iterator[BaseException]:
    """The error and everything it wraps: causes, contexts, msrest's inner_exception,
    urllib3's reason and exceptions passed as arguments."""
    seen: set[int] = set()
    todo = [error]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        linked = [
            current.__cause__,
            current.__context__,
            getattr(current, "inner_exception", None),
            getattr(current, "reason", None),
            *current.args,
        ]
        todo.extend(item for item in linked if isinstance(item, BaseException))
