"""GET /calendar/{slug}/{token}.ics: a person's calendar feed, for Outlook to subscribe to.

Thin: the knowledge base checks the token and writes the iCalendar. An unknown or
revoked token and a wrong slug are all the same 404, so the answer tells nothing.
"""

from __future__ import annotations

from aiohttp import web

from knowledge.core.errors import DatabaseUnavailable
from knowledge.service import KnowledgeService

FEEDS = web.AppKey("calendar_feeds", KnowledgeService)
ROUTE = "/calendar/{slug}/{token:[A-Za-z0-9_-]+}.ics"
CACHE = "private, max-age=900"


async def calendar_feed(request: web.Request) -> web.Response:
    slug, token = request.match_info["slug"], request.match_info["token"]
    try:
        body = await request.app[FEEDS].calendar_feed(slug, token)
    except DatabaseUnavailable:
        return web.Response(status=503, text="database unavailable")
    if body is None:
        return web.Response(status=404, text="no such calendar", headers={"Cache-Control": CACHE})
    return web.Response(
        body=body,
        content_type="text/calendar",
        charset="utf-8",
        headers={"Cache-Control": CACHE},
    )
