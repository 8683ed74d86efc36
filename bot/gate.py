"""What an incoming request must be before the bot reads it.

Checks run in order and each refusal is a 4xx with a short reason: wrong content type
(415), too big (413); nested deeper than 64 levels or a number longer than 30 digits,
checked on the bytes before parsing, not JSON, not a JSON object, not an activity
(missing type, serviceUrl or conversation.id), or a field of the wrong JSON type (400);
then, after the token was verified, a tenant that is not allowed (403) or a service URL
replies may not go to (403). Nothing here is botbuilder-specific except building the Activity.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

from botbuilder.schema import Activity

from bot.addresses import Address, parse_or_none
from bot.settings import Settings
from bot.wire import activity_from_json, misfit

MAX_BODY = 256 * 1024
MAX_DEPTH = 64  # objects and arrays inside each other; Teams' activities use under 10
MAX_NUMBER_DIGITS = 30  # in one number literal; no Bot Framework field needs more
_DIGITS = bytes(ord("0") if 0x30 <= byte <= 0x39 else ord(" ") for byte in range(256))
_LONG_NUMBER = b"0" * (MAX_NUMBER_DIGITS + 1)  # a run of digits, once all are "0"
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))
_CHUNK = 64
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1
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
    beyond = beyond_bounds(body)
    if beyond:
        return Refusal(400, f"body is not JSON within bounds: {beyond}")
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return Refusal(400, "body is not JSON")
    if not isinstance(data, dict):
        return Refusal(400, "body is not a JSON object")
    missing = [key for key in ("type", "serviceUrl", "conversation") if not data.get(key)]
    if missing:
        return Refusal(400, f"activity lacks {', '.join(missing)}")
    if not isinstance(data["conversation"], dict) or not data["conversation"].get("id"):
        return Refusal(400, "activity lacks conversation.id")
    wrong = misfit(Activity, data)
    if wrong:
        return Refusal(400, f"activity field {wrong}")
    try:
        return activity_from_json(data)
    except Exception:  # msrest raises several kinds for malformed fields
        return Refusal(400, "body is not a Bot Framework activity")


def beyond_bounds(body: bytes) -> str | None:
    """What makes `body` too deep or its numbers too long to parse safely, checked on the
    bytes before parsing (Python's json raises RecursionError near 1,000 levels and
    ValueError past 4,300 digits): None when it is within bounds or not JSON at all."""
    # Strings may hold anything: without their escaped backslashes and quotes, every other
    # quote opens or closes one, so every second piece between quotes is outside them.
    unescaped = body.replace(b"\\\\", b"").replace(b'\\"', b"")
    outside = b"".join(unescaped.split(b'"')[0::2])
    if _LONG_NUMBER in outside.translate(_DIGITS):
        return f"a number longer than {MAX_NUMBER_DIGITS} digits"
    if _deeper_than(MAX_DEPTH, outside.translate(None, _NOT_BRACKETS)):
        return f"nested deeper than {MAX_DEPTH} levels"
    return None


def _deeper_than(limit: int, brackets: bytes) -> bool:
    # A chunk cannot take the depth past the limit if all its openers could not: most
    # chunks are skipped with two counts; the rest are walked with C-level iterators.
    depth = 0
    for start in range(0, len(brackets), _CHUNK):
        chunk = brackets[start : start + _CHUNK]
        openers = chunk.count(b"[") + chunk.count(b"{")
        if depth + openers > limit:
            steps = list(accumulate(map(_STEP.__getitem__, chunk), initial=depth))
            if max(steps) > limit:
                return True
        depth += 2 * openers - len(chunk)
    return False


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
