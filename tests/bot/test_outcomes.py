"""What a failed send means: Teams' retry rules, Retry-After, backoff, and sends whose
outcome is unknown."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.outcomes import Failure, backoff, failure_of, result_of, retry_after_of

NOW = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)


def http(status: int, retry_after: float | None = None) -> Failure:
    return Failure(status, retry_after, True, f"{status} from the connector")


@pytest.mark.parametrize(
    ("status", "outcome"),
    [
        (403, "blocked"),
        (404, "gone"),
        (500, "uncertain"),
        (400, "failed"),
        (401, "failed"),
        (413, "failed"),
        (501, "failed"),
    ],
)
def test_statuses_that_are_never_retried(status: int, outcome: str) -> None:
    assert outcome == result_of(http(status), attempts=1, now=NOW).outcome


@pytest.mark.parametrize("status", [412, 429, 502, 503, 504])
def test_statuses_teams_says_to_retry_are_retried_after_a_backoff(status: int) -> None:
    result = result_of(http(status), attempts=1, now=NOW, jitter=lambda: 0.5)

    assert ("retry", NOW + timedelta(seconds=1)) == (result.outcome, result.not_before)


def test_retry_after_is_honoured_exactly() -> None:
    result = result_of(http(429, retry_after=7), attempts=3, now=NOW, jitter=lambda: 0.0)

    assert NOW + timedelta(seconds=7) == result.not_before


def test_the_fifth_failed_attempt_gives_up() -> None:
    fourth = result_of(http(503), attempts=4, now=NOW)
    fifth = result_of(http(503), attempts=5, now=NOW)

    assert ("retry", "failed") == (fourth.outcome, fifth.outcome)
    assert "gave up after 5 attempts" in (fifth.error or "")


def test_no_answer_after_the_request_went_out_is_uncertain_and_before_it_a_retry() -> None:
    timed_out = Failure(None, None, True, "TimeoutError")
    refused = Failure(None, None, False, "ClientConnectorError: refused")

    assert "uncertain" == result_of(timed_out, attempts=1, now=NOW).outcome
    assert "retry" == result_of(refused, attempts=1, now=NOW).outcome


def test_backoff_doubles_from_one_second_to_a_minute_with_jitter() -> None:
    middle = [backoff(n, jitter=lambda: 0.5) for n in (1, 2, 3, 4, 7, 8, 20)]
    low, high = backoff(3, jitter=lambda: 0.0), backoff(3, jitter=lambda: 1.0)

    assert [1.0, 2.0, 4.0, 8.0, 60.0, 60.0, 60.0] == middle
    assert (3.2, 4.8) == (pytest.approx(low), pytest.approx(high))


def test_retry_after_may_be_seconds_or_an_http_date() -> None:
    assert 2.0 == retry_after_of({"Retry-After": "2"}, NOW)
    assert 30.0 == retry_after_of({"retry-after": "Fri, 01 Mar 2024 08:00:30 GMT"}, NOW)
    assert 0.0 == retry_after_of({"Retry-After": "Fri, 01 Mar 2024 07:00:00 GMT"}, NOW)
    assert None is retry_after_of({"Retry-After": "soon"}, NOW)
    assert None is retry_after_of({}, NOW)


class ServiceUrlRefused(PermissionError):
    """As bot.connector raises it: the allow-list refused the service URL."""


class ConnectorError(Exception):
    """As bot.connector raises it (read by its attributes, not imported)."""

    def __init__(self, status: int | None, retry_after: float | None, sent: bool, body: str):
        super().__init__(body)
        self.status, self.retry_after, self.sent, self.body = status, retry_after, sent, body


@pytest.mark.parametrize(
    ("error", "outcome"),
    [
        (ConnectorError(429, 2.0, True, '{"error": {"code": "Throttled"}}'), "retry"),
        (ConnectorError(403, None, True, '{"error": {"code": "BotDisabledByAdmin"}}'), "blocked"),
        (ConnectorError(None, None, False, "connection refused"), "retry"),
        (ConnectorError(None, None, True, "read timed out"), "uncertain"),
        (ServiceUrlRefused("https://evil.trafficmanager.net/"), "failed"),
        (TimeoutError(), "uncertain"),
    ],
)
def test_connector_errors_are_read_by_their_attributes(error: Exception, outcome: str) -> None:
    failure = failure_of(error, started=True, now=NOW)

    assert outcome == result_of(failure, attempts=1, now=NOW).outcome


def test_a_connector_429_keeps_its_retry_after() -> None:
    failure = failure_of(ConnectorError(429, 2.0, True, "throttled"), started=True, now=NOW)

    assert NOW + timedelta(seconds=2) == result_of(failure, attempts=1, now=NOW).not_before


def test_a_refused_connection_deep_in_the_chain_was_not_sent() -> None:
    try:
        try:
            raise ConnectionRefusedError(111, "Connection refused")
        except ConnectionRefusedError as refused:
            raise RuntimeError("Error occurred in request.") from refused
    except RuntimeError as wrapped:
        failure = failure_of(wrapped, started=True, now=NOW)

    assert (False, "retry") == (failure.sent, result_of(failure, attempts=1, now=NOW).outcome)
