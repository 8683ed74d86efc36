"""What an incoming request must be before the bot reads it.

Checks run in order and each refusal is a 4xx with a short reason: wrong content type
(415), too big (413), not a JSON object or not an activity (400), then, after the token
was verified, a tenant that is not allowed (403) or a service URL replies may not go to
(403). Nothing here is botbuilder-specific except building the Activity.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from botbuilder.schema import Activity

from bot.addresses import Address, parse_or_none
from bot.settings import Settings
from bot.wire import activity_from_json

MAX_BODY = 256 * 1024
# The Bot Connector hosts Teams sends from (exact hosts: *.trafficmanager.net is open to
# anyone, so no wildcard), https on port 443 only.
TEAMS_SERVICE_HOSTS = (
    "smba.trafficmanager.net",
    "smba.infra.gcc.teams.microsoft.com",
    "smba.infra.gov.teams.microsoft.us",
    "smba.infra.dod.teams.microsoft.us",
)


@dataclass(frozen=True)
class Refusal:
    status: int
    reason: str


def check_request(content_type: str, content_length: int | None) -> Refusal | None:
    if content_type.split(";")[0].strip().lower() != "application/json":
        return Refusal(415, "Content-Type must be application/json")
    if content_length is not None and content_length > MAX_BODY:
        return Refusal(413, f"body larger than {MAX_BODY // 1024} KB")
    return None


def parse_activity(body: bytes) -> Activity | Refusal:
    if len(body) > MAX_BODY:
        return Refusal(413, f"body larger than {MAX_BODY // 1024} KB")
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return Refusal(400, "body is not JSON")
    if not isinstance(data, dict):
        return Refusal(400, "body is not a JSON object")
    missing = [key for key in ("type", "serviceUrl", "conversation") if not data.get(key)]
    if missing:
        return Refusal(400, f"activity lacks {', '.join(missing)}")
    if not isinstance(data["conversation"], dict) or not data["conversation"].get("id"):
        return Refusal(400, "activity lacks conversation.id")
    try:
        return activity_from_json(data)
    except Exception:  # msrest raises several kinds for malformed fields
        return Refusal(400, "body is not a Bot Framework activity")


def tenant_of(activity: Activity) -> str | None:
    channel_data: Any = activity.channel_data or {}
    tenant = channel_data.get("tenant") if isinstance(channel_data, dict) else None
    if isinstance(tenant, dict) and tenant.get("id"):
        return str(tenant["id"])
    conversation = activity.conversation
    return getattr(conversation, "tenant_id", None) if conversation else None


def check_tenant(activity: Activity, settings: Settings) -> Refusal | None:
    if not settings.allowed_tenants:
        return None
    if tenant_of(activity) in settings.allowed_tenants:
        return None
    return Refusal(403, "tenant not allowed")


def service_url_allowed(url: str, settings: Settings) -> bool:
    """Replies may go to `url`: Teams' connector, an allow-list entry, or (anonymous) one of
    the loopback addresses ANONYMOUS_SERVICE_URLS names. Compared as parsed URLs
    (bot/addresses.py)."""
    address = parse_or_none(url)
    if address is None:
        return False
    if (address.scheme, address.port) == ("https", 443) and address.host in TEAMS_SERVICE_HOSTS:
        return True
    if any(entry.covers(address) for entry in _entries(settings.service_url_allowlist)):
        return True
    if settings.anonymous:
        return any(entry.covers(address) for entry in _loopback(settings.anonymous_service_urls))
    return False


@lru_cache(maxsize=64)
def _entries(urls: tuple[str, ...]) -> tuple[Address, ...]:
    # Settings.from_env refuses malformed entries; settings made in code skip them here.
    return tuple(entry for entry in map(parse_or_none, urls) if entry is not None)


@lru_cache(maxsize=64)
def _loopback(urls: tuple[str, ...]) -> tuple[Address, ...]:
    return tuple(entry for entry in _entries(urls) if entry.loopback)


def check_service_url(activity: Activity, settings: Settings) -> Refusal | None:
    if service_url_allowed(activity.service_url or "", settings):
        return None
    return Refusal(403, "service URL not allowed")
