"""Which download URLs the bot fetches a sent file from: SharePoint's hosts over https, and
the exact origins IMPORT_DOWNLOAD_HOSTS names; everything else is refused by its host."""

from __future__ import annotations

import pytest

from bot.downloads import refused_host, size_text
from bot.settings import Settings, SettingsError

DOWNLOAD = "/personal/mette/_layouts/15/download.aspx?UniqueId=1&tempauth=x"


@pytest.mark.parametrize(
    "url",
    [
        f"https://contoso-my.sharepoint.com{DOWNLOAD}",
        f"https://contoso.sharepoint.com{DOWNLOAD}",
        f"https://CONTOSO-MY.SharePoint.com:443{DOWNLOAD}",
        "https://sharepoint.com/x",
    ],
)
def test_sharepoint_over_https_is_fetched(url: str) -> None:
    assert None is refused_host(url)


@pytest.mark.parametrize(
    ("url", "host"),
    [
        (f"http://contoso.sharepoint.com{DOWNLOAD}", "contoso.sharepoint.com"),
        (f"https://contoso.sharepoint.com:8443{DOWNLOAD}", "contoso.sharepoint.com"),
        ("https://contoso.sharepoint.com.evil.example/x", "contoso.sharepoint.com.evil.example"),
        ("https://evilsharepoint.com/x", "evilsharepoint.com"),
        ("https://user@contoso.sharepoint.com/x", "contoso.sharepoint.com"),
        ("https://contoso.sharepoint-df.com/x", "contoso.sharepoint-df.com"),
        ("https://smba.trafficmanager.net/teams/v3/attachments/1", "smba.trafficmanager.net"),
        ("https://127.0.0.1/x", "127.0.0.1"),
        ("file:///etc/passwd", "file:///etc/passwd"),
        ("https://contoso.sharepoint.com:99999/x", "https://contoso.sharepoint.com:99999/x"),
    ],
)
def test_anything_else_is_refused_by_its_host(url: str, host: str) -> None:
    assert host == refused_host(url)


def test_an_allowed_origin_is_matched_by_scheme_host_and_port_exactly() -> None:
    origins = ("http://127.0.0.1:8123",)

    assert None is refused_host("http://127.0.0.1:8123/files/a.txt", origins)
    assert "127.0.0.1" == refused_host("http://127.0.0.1:8124/files/a.txt", origins)
    assert "127.0.0.1" == refused_host("https://127.0.0.1:8123/files/a.txt", origins)
    assert "localhost" == refused_host("http://localhost:8123/files/a.txt", origins)


def test_import_settings_are_read_and_origins_normalised() -> None:
    settings = Settings.from_env(
        {
            "IMPORT_MAX_BYTES": "2048",
            "IMPORT_TIMEOUT_SECONDS": "2.5",
            "IMPORT_DOWNLOAD_HOSTS": "http://LOCALHOST:8123, https://files.example:443/",
        }
    )

    assert (2048, 2.5) == (settings.import_max_bytes, settings.import_timeout_seconds)
    expected = ("http://localhost:8123", "https://files.example:443")
    assert expected == settings.import_download_hosts


def test_imports_are_limited_to_10_mb_and_10_seconds_by_default() -> None:
    settings = Settings.from_env({})

    assert (10 * 1024 * 1024, 10.0, ()) == (
        settings.import_max_bytes,
        settings.import_timeout_seconds,
        settings.import_download_hosts,
    )


@pytest.mark.parametrize(
    "entry",
    ["http://127.0.0.1", "ftp://host:21", "http://host:80/path", "http://u@host:80", "host:80"],
)
def test_a_download_host_must_be_an_origin_with_its_port(entry: str) -> None:
    with pytest.raises(SettingsError, match="IMPORT_DOWNLOAD_HOSTS"):
        Settings.from_env({"IMPORT_DOWNLOAD_HOSTS": entry})


@pytest.mark.parametrize(
    ("size", "written"),
    [(10 * 1024 * 1024, "10 MB"), (64 * 1024, "64 kB"), (1536, "1.5 kB"), (900, "900 bytes")],
)
def test_a_limit_is_written_as_people_read_it(size: int, written: str) -> None:
    assert written == size_text(size)
