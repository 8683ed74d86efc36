"""Where replies may go: service URLs compared as parsed URLs (scheme, host, port exactly,
then the path), Teams' hosts on 443 only, loopback only where the settings name it."""

from __future__ import annotations

import pytest

from bot.addresses import Address, AddressError, parse
from bot.gate import service_url_allowed
from bot.settings import Settings, SettingsError

SECURED = Settings(
    app_id="app",
    app_password="secret",
    service_url_allowlist=("http://127.0.0.1:5000/", "https://connector.example.dk/api"),
)
ANONYMOUS = Settings(anonymous_service_urls=("http://127.0.0.1:5000/",))


@pytest.mark.parametrize(
    "url",
    [
        "https://smba.trafficmanager.net/emea/",
        "https://smba.trafficmanager.net:443/amer/tenant-1/",
        "https://SMBA.TrafficManager.net/emea/",
        "https://smba.infra.gcc.teams.microsoft.com/",
        "https://smba.infra.gov.teams.microsoft.us/",
        "https://smba.infra.dod.teams.microsoft.us/",
        "http://127.0.0.1:5000/",
        "http://127.0.0.1:5000/v3/conversations",
        "https://connector.example.dk/api",
        "https://connector.example.dk/api/v3/conversations",
    ],
)
def test_teams_hosts_and_allow_list_entries_are_allowed(url: str) -> None:
    assert service_url_allowed(url, SECURED)


@pytest.mark.parametrize(
    ("case", "url"),
    [
        ("userinfo hides the real host", "http://127.0.0.1:5000@127.0.0.1:6000/"),
        ("user name only", "http://me@127.0.0.1:5000/"),
        ("userinfo before a Teams host", "https://smba.trafficmanager.net@evil.example/"),
        ("suffix on an entry's host", "https://connector.example.dk.evil.com/api"),
        ("suffix on a Teams host", "https://smba.trafficmanager.net.evil.example/emea/"),
        ("a trafficmanager neighbour", "https://evil.trafficmanager.net/emea/"),
        ("another port on an entry's host", "http://127.0.0.1:5001/"),
        ("the default port instead of the entry's", "http://127.0.0.1/"),
        ("a Teams host on another port", "https://smba.trafficmanager.net:8443/emea/"),
        ("a Teams host over http", "http://smba.trafficmanager.net/emea/"),
        ("https where the entry says http", "https://127.0.0.1:5000/"),
        ("a path beside the entry's", "https://connector.example.dk/apix"),
        ("a path above the entry's", "https://connector.example.dk/"),
        ("a dot-dot segment out of the entry's path", "https://connector.example.dk/api/../x"),
        ("an escaped dot-dot segment", "https://connector.example.dk/api/%2e%2e/x"),
        ("a short IPv4 form", "http://127.1:5000/"),
        ("a decimal IPv4 form", "http://2130706433:5000/"),
        ("an IPv4-mapped IPv6 literal", "http://[::ffff:127.0.0.1]:5000/"),
        ("IPv6 loopback for an IPv4 entry", "http://[::1]:5000/"),
        ("a trailing dot", "https://smba.trafficmanager.net./emea/"),
        ("a backslash", "https://smba.trafficmanager.net\\@evil.example/"),
        ("a query", "https://smba.trafficmanager.net/emea/?next=evil"),
        ("another scheme", "ftp://smba.trafficmanager.net/"),
        ("no host", "https:///emea/"),
        ("not a URL", "smba.trafficmanager.net"),
        ("empty", ""),
    ],
)
def test_hostile_reply_addresses_are_refused(case: str, url: str) -> None:
    assert not service_url_allowed(url, SECURED), case


def test_anonymous_mode_allows_only_the_loopback_addresses_named() -> None:
    allowed = [
        url
        for url in (
            "http://127.0.0.1:5000/",
            "http://127.0.0.1:5001/",
            "http://localhost:5000/",
            "http://[::1]:5000/",
            "http://127.0.0.2:5000/",
        )
        if service_url_allowed(url, ANONYMOUS)
    ]

    assert ["http://127.0.0.1:5000/"] == allowed


def test_by_default_anonymous_mode_replies_to_the_agents_playground_only() -> None:
    playground = "http://localhost:56150/_connector"
    elsewhere = "http://localhost:3978/_connector"

    assert (True, False) == (
        service_url_allowed(playground, Settings()),
        service_url_allowed(elsewhere, Settings()),
    )


def test_anonymous_addresses_off_loopback_are_ignored_and_with_an_app_id_unused() -> None:
    off_loopback = Settings(anonymous_service_urls=("http://10.0.0.1:5000/",))
    secured = Settings(app_id="app", anonymous_service_urls=("http://127.0.0.1:5000/",))

    assert (False, False) == (
        service_url_allowed("http://10.0.0.1:5000/", off_loopback),
        service_url_allowed("http://127.0.0.1:5000/", secured),
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://smba.trafficmanager.net/emea",
            Address("https", "smba.trafficmanager.net", 443, "/emea/"),
        ),
        ("http://LOCALHOST:80", Address("http", "localhost", 80, "/")),
        ("http://[0:0::1]:8080/x/", Address("http", "::1", 8080, "/x/")),
        ("http://127.0.0.1:5000", Address("http", "127.0.0.1", 5000, "/")),
    ],
)
def test_addresses_are_read_into_a_canonical_form(url: str, expected: Address) -> None:
    assert expected == parse(url)


@pytest.mark.parametrize(
    "url", ["http://h:0/", "http://h:99999/", "http://[::1]x/", "http://[::1/", "http://h_1/"]
)
def test_malformed_hosts_and_ports_are_errors(url: str) -> None:
    with pytest.raises(AddressError):
        parse(url)


def test_the_settings_refuse_unusable_addresses_naming_the_variable() -> None:
    environ = {
        "SERVICE_URL_ALLOWLIST": "https://ok.example.dk/,http://a:b@c.example/",
        "ANONYMOUS_SERVICE_URLS": "http://10.0.0.1:56150/_connector",
    }

    with pytest.raises(SettingsError) as raised:
        Settings.from_env(environ)

    message = str(raised.value)
    assert "SERVICE_URL_ALLOWLIST: 'http://a:b@c.example/' has a user name or password" in message
    assert "ANONYMOUS_SERVICE_URLS: 'http://10.0.0.1:56150/_connector' is not a loopback" in message
    assert "ok.example.dk" not in message


def test_anonymous_addresses_default_to_the_playground_and_can_be_named() -> None:
    named = Settings.from_env({"ANONYMOUS_SERVICE_URLS": "http://127.0.0.1:4000/"})

    assert (
        ("http://localhost:56150/_connector", "http://127.0.0.1:56150/_connector"),
        ("http://127.0.0.1:4000/",),
    ) == (Settings.from_env({}).anonymous_service_urls, named.anonymous_service_urls)
