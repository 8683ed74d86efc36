"""What `python app.py serve` refuses to start with, and what it warns about, each naming
the setting.

Refused (the process exits 2 and prints every reason):

- no `MicrosoftAppId` on a non-loopback `HOST`: nothing would be authenticated, unless
  `ALLOW_ANONYMOUS=true`;
- `MicrosoftAppType=SingleTenant` without `MicrosoftAppId`, `MicrosoftAppPassword` or
  `MicrosoftAppTenantId`, `UserAssignedMSI` without `MicrosoftAppId` or
  `MicrosoftAppTenantId` (botbuilder would stop with a bare exception while building the
  adapter);
- `MicrosoftAppId` without `MicrosoftAppPassword` (no reply could get a token), unless
  `MicrosoftAppType=UserAssignedMSI`, which has none;
- the test key server's overrides (`BOT_OPENID_METADATA_URL`, `BOT_TOKEN_ISSUER`,
  `BOT_LOGIN_URL`) on a non-loopback `HOST`: whoever runs that key server can mint tokens
  the bot takes, or is sent its password; unless `ALLOW_KEY_SERVER_OVERRIDE=true`;
- with an app id, an http (not https) `SERVICE_URL_ALLOWLIST` entry off loopback: the
  bot's bearer token would cross the network in clear text.

Warned about, loudly, at start:

- running anonymous (`MicrosoftAppId` empty), and `ALLOW_ANONYMOUS` in use;
- an app id without `ALLOWED_TENANTS`: every tenant's Teams may talk to the bot;
- `ALLOW_EMULATOR_TOKENS=true`: Emulator and skill tokens get in (local testing only);
- the key server overrides in use at all, and an http allow-list entry off loopback
  while anonymous.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.addresses import is_loopback, parse_or_none
from bot.settings import Settings

KEY_SERVER_OVERRIDES = {
    "openid_metadata_url": "BOT_OPENID_METADATA_URL",
    "token_issuer": "BOT_TOKEN_ISSUER",
    "login_url": "BOT_LOGIN_URL",
}


@dataclass(frozen=True)
class Review:
    refusals: tuple[str, ...]
    warnings: tuple[str, ...]


def review(settings: Settings) -> Review:
    refusals = [
        *_anonymous_off_loopback(settings),
        *_identity(settings),
        *_key_server(settings),
        *_token_in_clear_text(settings),
    ]
    warnings = [
        *_anonymous(settings),
        *_tenants(settings),
        *_emulator(settings),
        *_key_server_in_use(settings),
        *_replies_in_clear_text(settings),
    ]
    return Review(tuple(refusals), tuple(warnings))


def _anonymous_off_loopback(settings: Settings) -> list[str]:
    if settings.anonymous and not is_loopback(settings.host) and not settings.allow_anonymous:
        return [
            "no MicrosoftAppId on a non-loopback HOST: requests would not be authenticated; "
            "set ALLOW_ANONYMOUS=true to do it anyway"
        ]
    return []


def _identity(settings: Settings) -> list[str]:
    kind = settings.app_type
    required = {
        "SingleTenant": ("MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"),
        "UserAssignedMSI": ("MicrosoftAppId", "MicrosoftAppTenantId"),
    }.get(kind, ())
    given = {
        "MicrosoftAppId": settings.app_id,
        "MicrosoftAppPassword": settings.app_password,
        "MicrosoftAppTenantId": settings.app_tenant_id,
    }
    missing = [name for name in required if not given[name]]
    found = [f"{name} is required when MicrosoftAppType is {kind}" for name in missing]
    if kind == "MultiTenant" and settings.app_id and not settings.app_password:
        found.append(
            "MicrosoftAppId without MicrosoftAppPassword: replies could not get a token "
            "(a managed identity is MicrosoftAppType=UserAssignedMSI)"
        )
    return found


def _overrides(settings: Settings) -> list[str]:
    return [name for field, name in KEY_SERVER_OVERRIDES.items() if getattr(settings, field)]


def _key_server(settings: Settings) -> list[str]:
    named = _overrides(settings)
    if not named or is_loopback(settings.host) or settings.allow_key_server_override:
        return []
    return [
        f"{', '.join(named)} (a test key server) on a non-loopback HOST: tokens it signs "
        "would be accepted; set ALLOW_KEY_SERVER_OVERRIDE=true to do it anyway"
    ]


def _key_server_in_use(settings: Settings) -> list[str]:
    named = _overrides(settings)
    if not named:
        return []
    return [f"{', '.join(named)} set: tokens are checked against a test key server"]


def _clear_text(settings: Settings) -> list[str]:
    """SERVICE_URL_ALLOWLIST's http entries off loopback."""
    return [
        url
        for url in settings.service_url_allowlist
        if (entry := parse_or_none(url)) is not None
        and entry.scheme == "http"
        and not entry.loopback
    ]


def _token_in_clear_text(settings: Settings) -> list[str]:
    plain = _clear_text(settings)
    if settings.anonymous or not plain:
        return []
    return [
        f"SERVICE_URL_ALLOWLIST has http entries off loopback ({', '.join(plain)}): "
        "the bot's token would cross the network in clear text"
    ]


def _replies_in_clear_text(settings: Settings) -> list[str]:
    plain = _clear_text(settings)
    if not settings.anonymous or not plain:
        return []
    return [f"SERVICE_URL_ALLOWLIST has http entries off loopback ({', '.join(plain)})"]


def _anonymous(settings: Settings) -> list[str]:
    if not settings.anonymous:
        return []
    where = "on loopback" if is_loopback(settings.host) else "OFF LOOPBACK (ALLOW_ANONYMOUS=true)"
    return [
        f"NO MicrosoftAppId: running ANONYMOUS {where}, requests are not authenticated "
        "(fine for the Agents Playground on loopback, never in production)"
    ]


def _tenants(settings: Settings) -> list[str]:
    if settings.anonymous or settings.allowed_tenants:
        return []
    return ["ALLOWED_TENANTS is empty: activities from every Microsoft Entra tenant get in"]


def _emulator(settings: Settings) -> list[str]:
    if not settings.allow_emulator_tokens or settings.anonymous:
        return []
    return [
        "ALLOW_EMULATOR_TOKENS=true: Bot Framework Emulator and skill tokens are accepted "
        "(local testing only)"
    ]
