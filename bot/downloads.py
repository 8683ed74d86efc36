"""Fetching a document a person sent the bot in chat, from Teams' file store only.

What Teams sends ("Send and receive files using bot",
https://learn.microsoft.com/microsoftteams/platform/bots/how-to/bots-filesv4): a file sent
to a bot in a personal chat is first uploaded to the sender's OneDrive for Business; the
bot gets a message with the attachment

    {"contentType": "application/vnd.microsoft.teams.file.download.info",
     "name": "referat.docx", "contentUrl": "https://contoso.sharepoint.com/...",
     "content": {"downloadUrl": "https://...", "uniqueId": "...", "fileType": "docx"}}

and a plain GET of `downloadUrl` fetches the bytes: the URL is pre-authenticated and
short-lived, so no token goes with it (the bot's own token must never leave for such a
host). It needs `"supportsFiles": true` on the manifest's bot, works in personal chats
only, and not in the GCC High, DoD or 21Vianet clouds. Inline images are another thing
(fetched with the bot's token from the connector): they are not read here.

Where from. OneDrive for Business and SharePoint Online serve a tenant's files from
https://<tenant>.sharepoint.com and https://<tenant>-my.sharepoint.com; the download URLs
seen are ".../_layouts/15/download.aspx?UniqueId=...&tempauth=..." on such a host
(OfficeDev/Microsoft-Teams-Samples#1314). So a URL is fetched only when, parsed, it is
https on port 443 with no user part and its host is sharepoint.com or a name under it,
compared label by label (sharepoint.com.evil.example and evilsharepoint.com are not);
or when its scheme, host and port are exactly one of IMPORT_DOWNLOAD_HOSTS (tests, a
local fake). No other Microsoft host is allowed: the documentation names none for files
sent to a bot (sharepoint-df.com is Microsoft's internal test ring; the sovereign clouds'
SharePoint hosts belong to clouds where bots receive no files).

How. One GET; a redirect is followed only to a URL that passes the same test (at most
three), never anywhere else; no cookies are kept and no proxy is taken from the
environment. The whole download has IMPORT_TIMEOUT_SECONDS (10 by default: downloading,
reading and the dry run all happen inside the turn, and Teams sends a message again when
a turn takes over 15 s). A Content-Length over IMPORT_MAX_BYTES is refused before a byte
of the body is read, and the body is read in chunks and refused as soon as it passes the
limit (a server may send no length, or a wrong one). A web page where a file was expected
(an iOS client has sent a sharing link's page, same issue) is refused as a page.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from urllib.parse import urljoin, urlsplit

import aiohttp

from bot.settings import Settings
from dialogs.imports import DownloadRefused
from dialogs.turn import SentFile

logger = logging.getLogger(__name__)

TEAMS_FILE_DOMAIN = "sharepoint.com"
REDIRECTS_MAX = 3
CHUNK = 64 * 1024
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def refused_host(url: str, origins: tuple[str, ...] = ()) -> str | None:
    """None when `url` may be fetched; otherwise the host to name in the refusal."""
    try:
        parts = urlsplit(url)
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme)
    except ValueError:  # a port out of range, a broken IPv6 literal
        return url[:80]
    host = (parts.hostname or "").lower()
    if not host or parts.username is not None or parts.password is not None:
        return host or url[:80]
    named = f"[{host}]" if ":" in host else host
    if f"{parts.scheme}://{named}:{port}" in origins:
        return None
    teams = host == TEAMS_FILE_DOMAIN or host.endswith("." + TEAMS_FILE_DOMAIN)
    return None if parts.scheme == "https" and port == 443 and teams else host


def size_text(limit: int) -> str:
    """A byte count as people read it: 10 MB, 512 kB, 900 bytes."""
    mega, kilo = 1024 * 1024, 1024
    if limit >= mega:
        return f"{limit / mega:.3g} MB"
    return f"{limit / kilo:.3g} kB" if limit >= kilo else f"{limit} bytes"


class FileDownloader:
    """`dialogs.imports.Downloader` over one aiohttp session of its own (no connector
    credentials: it never carries a token)."""

    def __init__(self, session: aiohttp.ClientSession, settings: Settings) -> None:
        self._session = session
        self._limit = settings.import_max_bytes
        self._seconds = settings.import_timeout_seconds
        self._origins = settings.import_download_hosts

    async def download(self, file: SentFile) -> bytes:
        try:
            async with asyncio.timeout(self._seconds):
                return await self._follow(file)
        except TimeoutError:
            raise DownloadRefused("timeout", f"{self._seconds:g}") from None
        except aiohttp.ClientError as error:
            logger.info("download failed: %s", type(error).__name__)
            raise DownloadRefused("unreachable") from None

    async def _follow(self, file: SentFile) -> bytes:
        url = file.url
        for _ in range(REDIRECTS_MAX + 1):
            if (host := refused_host(url, self._origins)) is not None:
                raise DownloadRefused("host", host)
            async with self._session.get(url, allow_redirects=False) as response:
                if response.status in (301, 302, 303, 307, 308) and "Location" in response.headers:
                    url = urljoin(url, response.headers["Location"])
                    continue
                return await self._body(response, file)
        raise DownloadRefused("failed", "too many redirects")

    async def _body(self, response: aiohttp.ClientResponse, file: SentFile) -> bytes:
        if response.status != 200:
            raise DownloadRefused("failed", f"HTTP {response.status}")
        if response.content_type in _HTML_TYPES and file.file_type.lower() not in ("htm", "html"):
            raise DownloadRefused("page")
        if (response.content_length or 0) > self._limit:
            raise DownloadRefused("too_large", size_text(self._limit))
        data = bytearray()
        async for chunk in response.content.iter_chunked(CHUNK):
            data += chunk
            if len(data) > self._limit:
                raise DownloadRefused("too_large", size_text(self._limit))
        return bytes(data)


@contextlib.asynccontextmanager
async def file_downloader(settings: Settings) -> AsyncIterator[FileDownloader]:
    """The downloader for the bot's lifetime; its session closes when the bot stops."""
    session = aiohttp.ClientSession(
        cookie_jar=aiohttp.DummyCookieJar(),
        trust_env=False,
        timeout=aiohttp.ClientTimeout(total=settings.import_timeout_seconds),
    )
    try:
        yield FileDownloader(session, settings)
    finally:
        await session.close()
