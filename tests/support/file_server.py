"""A file host fake: an aiohttp server on loopback that serves the files a test puts in it,
standing in for SharePoint behind a Teams file.download.info attachment's downloadUrl.

Each `Served` file says how it is served: its bytes and content type, an answer's status,
a redirect, a late answer (`delay`: the headers come after it), a body streamed in chunks
without a Content-Length (`chunked`), or a Content-Length larger than the body that then
trickles (`claimed`). Every request is kept in `requests`, with its headers, so a test can
tell what the bot asked for and that it sent no token. A waiting answer gives up as soon
as the client has gone, so the server closes quickly.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from aiohttp import web
from aiohttp.test_utils import TestServer

CHUNK = 1024


@dataclass(frozen=True)
class Served:
    data: bytes = b""
    content_type: str = "application/octet-stream"
    status: int = 200
    location: str | None = None  # a redirect to here
    delay: float = 0.0  # seconds before the answer starts
    chunked: bool = False  # no Content-Length: the body streams in chunks
    claimed: int | None = None  # a Content-Length larger than the body, which then trickles


@dataclass(frozen=True)
class Fetched:
    path: str
    headers: dict[str, str]


@dataclass
class FileServer:
    origin: str = ""  # http://127.0.0.1:PORT, as IMPORT_DOWNLOAD_HOSTS wants it
    files: dict[str, Served] = field(default_factory=dict)
    requests: list[Fetched] = field(default_factory=list)

    def serve(self, name: str, served: Served) -> str:
        """Serve `served` at /files/<name>; returns its URL."""
        self.files[name] = served
        return f"{self.origin}/files/{name}"

    async def _file(self, request: web.Request) -> web.StreamResponse:
        self.requests.append(Fetched(request.path, dict(request.headers)))
        served = self.files.get(request.match_info["name"])
        if served is None:
            return web.Response(status=404)
        if served.delay and not await _wait(request, served.delay):
            return web.Response(status=503)
        if served.location is not None:
            raise web.HTTPFound(served.location)
        if served.status != 200:
            return web.Response(status=served.status)
        if served.chunked or served.claimed is not None:
            return await _streamed(request, served)
        return web.Response(body=served.data, content_type=served.content_type)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/files/{name}", self._file)
        return app


async def _streamed(request: web.Request, served: Served) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": served.content_type})
    if served.claimed is not None:
        response.content_length = served.claimed
    else:
        response.enable_chunked_encoding()
    await response.prepare(request)
    for start in range(0, len(served.data), CHUNK):
        if _gone(request):
            return response
        await response.write(served.data[start : start + CHUNK])
        if served.claimed is not None:  # the rest trickles, for as long as anyone listens
            await _wait(request, 0.05)
    if served.claimed is None:
        await response.write_eof()
    return response


def _gone(request: web.Request) -> bool:
    return request.transport is None or request.transport.is_closing()


async def _wait(request: web.Request, seconds: float) -> bool:
    """Sleep up to `seconds`; False as soon as the client has gone."""
    for _ in range(max(1, round(seconds / 0.05))):
        if _gone(request):
            return False
        await asyncio.sleep(0.05)
    return not _gone(request)


@asynccontextmanager
async def running_file_server() -> AsyncIterator[FileServer]:
    server = FileServer()
    test_server = TestServer(server.app(), host="127.0.0.1")
    await test_server.start_server()
    server.origin = str(test_server.make_url("/")).rstrip("/")
    try:
        yield server
    finally:
        await test_server.close()
