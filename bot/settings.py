"""All configuration, read once from the environment.

`Settings.from_env(os.environ)` reads every variable, reports every malformed one in a
single error, and never shows the app password in `repr`. Nothing else in the project
reads the environment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from bot.addresses import AddressError, parse
from knowledge.core.db import DEFAULT_URL, normalise_url

# Where the Microsoft 365 Agents Playground's mocked connector listens by default.
PLAYGROUND_SERVICE_URLS = ("http://localhost:56150/_connector", "http://127.0.0.1:56150/_connector")


class SettingsError(ValueError):
    """One or more environment variables are malformed; the message lists them all."""


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_URL
    host: str = "127.0.0.1"
    port: int = 3978
    today: date | None = None
    log_level: str = "INFO"
    log_format: str = "text"  # or "json": one JSON object per line (bot/logs.py)
    app_id: str = ""
    app_password: str = field(default="", repr=False)
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    allow_anonymous: bool = False
    allowed_tenants: tuple[str, ...] = ()
    # Extra addresses replies may go to (a local connector); Teams' own connector hosts are
    # always allowed. Compared as parsed URLs: scheme, host and port exactly, then the path.
    service_url_allowlist: tuple[str, ...] = ()
    # Anonymous mode only: the loopback addresses replies may go to (the Playground's).
    anonymous_service_urls: tuple[str, ...] = PLAYGROUND_SERVICE_URLS
    # Accept tokens from the Bot Framework Emulator's and skills' issuers (local testing).
    allow_emulator_tokens: bool = False
    editors: tuple[str, ...] = ()  # AAD object ids that may update statuses; "*" everyone
    admins: tuple[str, ...] = ()  # AAD object ids that may manage editors in chat
    correction_minutes: int = 30  # how long a person may correct their own last update
    # Where people reach the bot from outside (calendar feed links); unset: host and port.
    public_base_url: str = ""
    # Where inbound tokens' signing keys are published; only tests and offline set these.
    openid_metadata_url: str = ""
    token_issuer: str = ""
    login_url: str = ""
    allow_key_server_override: bool = False  # serve with the three above off loopback
    notify: bool = True  # run the notifier (proactive reminders) in this process
    notify_interval_seconds: float = 15.0  # between outbox rounds when nothing is due
    tenant_send_rate: float = 25.0  # proactive sends per second per tenant, this instance
    instance_id: str = ""  # who holds outbox leases; empty: host name and process id
    slow_callback_ms: int = 0  # >0: asyncio debug mode, log callbacks longer than this

    @property
    def anonymous(self) -> bool:
        return not self.app_id

    @property
    def public_url(self) -> str:
        """The base of absolute links the bot hands out, without a trailing slash."""
        if self.public_base_url:
            return self.public_base_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def __repr__(self) -> str:
        secret = "***" if self.app_password else "''"
        return (
            f"Settings(database_url={_mask_url(self.database_url)!r}, host={self.host!r}, "
            f"port={self.port}, today={self.today}, app_id={self.app_id!r}, "
            f"app_password={secret}, app_type={self.app_type!r})"
        )

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        reader = _Reader(environ)
        settings = cls(
            database_url=reader.database_url("DATABASE_URL"),
            host=environ.get("HOST", "127.0.0.1"),
            port=reader.integer("PORT", 3978, low=0, high=65535),
            today=reader.day("BOT_TODAY"),
            log_level=reader.choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR")),
            log_format=reader.choice("LOG_FORMAT", "text", ("text", "json")),
            app_id=environ.get("MicrosoftAppId", ""),
            app_password=environ.get("MicrosoftAppPassword", ""),
            app_type=reader.choice(
                "MicrosoftAppType",
                "MultiTenant",
                ("MultiTenant", "SingleTenant", "UserAssignedMSI"),
            ),
            app_tenant_id=environ.get("MicrosoftAppTenantId", ""),
            allow_anonymous=reader.flag("ALLOW_ANONYMOUS"),
            allowed_tenants=reader.names("ALLOWED_TENANTS"),
            service_url_allowlist=reader.addresses("SERVICE_URL_ALLOWLIST"),
            anonymous_service_urls=reader.addresses(
                "ANONYMOUS_SERVICE_URLS", PLAYGROUND_SERVICE_URLS, loopback=True
            ),
            allow_emulator_tokens=reader.flag("ALLOW_EMULATOR_TOKENS"),
            editors=reader.names("EDITORS"),
            admins=reader.names("ADMINS"),
            correction_minutes=reader.integer("CORRECTION_MINUTES", 30, low=0, high=7 * 24 * 60),
            public_base_url=reader.base_url("PUBLIC_BASE_URL"),
            openid_metadata_url=environ.get("BOT_OPENID_METADATA_URL", ""),
            token_issuer=environ.get("BOT_TOKEN_ISSUER", ""),
            login_url=environ.get("BOT_LOGIN_URL", ""),
            allow_key_server_override=reader.flag("ALLOW_KEY_SERVER_OVERRIDE"),
            notify=reader.flag("NOTIFY", default=True),
            notify_interval_seconds=reader.number("NOTIFY_INTERVAL_SECONDS", 15.0, low=0.01),
            tenant_send_rate=reader.number("TENANT_SEND_RATE", 25.0, low=0.01),
            instance_id=environ.get("INSTANCE_ID", "").strip(),
            slow_callback_ms=reader.integer("SLOW_CALLBACK_MS", 0, low=0, high=60_000),
        )
        reader.raise_if_any()
        return settings


def _mask_url(url: str) -> str:
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}"


@dataclass
class _Reader:
    environ: Mapping[str, str]
    problems: list[str] = field(default_factory=list)

    def database_url(self, name: str) -> str:
        raw = self.environ.get(name, "").strip() or DEFAULT_URL
        try:
            return normalise_url(raw)
        except Exception as error:  # sqlalchemy raises several kinds for a bad URL
            self.problems.append(f"{name}: {error}")
            return DEFAULT_URL

    def integer(self, name: str, default: int, *, low: int, high: int) -> int:
        raw = self.environ.get(name, "").strip()
        if not raw:
            return default
        if not raw.isdigit() or not low <= int(raw) <= high:
            self.problems.append(f"{name}: {raw!r} is not a whole number from {low} to {high}")
            return default
        return int(raw)

    def day(self, name: str) -> date | None:
        raw = self.environ.get(name, "").strip()
        if not raw:
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            self.problems.append(f"{name}: {raw!r} is not a date like 2024-03-01")
            return None

    def base_url(self, name: str) -> str:
        raw = self.environ.get(name, "").strip()
        if raw and not re.fullmatch(r"https?://[^\s/?#]+(/[^\s?#]*)?", raw):
            self.problems.append(f"{name}: {raw!r} is not an http(s) URL like https://bot.example")
            return ""
        return raw.rstrip("/")

    def choice(self, name: str, default: str, allowed: tuple[str, ...]) -> str:
        raw = self.environ.get(name, "").strip()
        if not raw:
            return default
        for option in allowed:
            if raw.lower() == option.lower():
                return option
        self.problems.append(f"{name}: {raw!r} is not one of {', '.join(allowed)}")
        return default

    def number(self, name: str, default: float, *, low: float, high: float = 3600.0) -> float:
        raw = self.environ.get(name, "").strip()
        if not raw:
            return default
        try:
            value = float(raw)
        except ValueError:
            value = float("nan")
        if not low <= value <= high:  # also refuses nan and inf
            self.problems.append(f"{name}: {raw!r} is not a number from {low:g} to {high:g}")
            return default
        return value

    def flag(self, name: str, default: bool = False) -> bool:
        raw = self.environ.get(name, "").strip().lower()
        if not raw:
            return default
        if raw in ("0", "false", "no", "off"):
            return False
        if raw in ("1", "true", "yes", "on"):
            return True
        self.problems.append(f"{name}: {raw!r} is not true or false")
        return default

    def names(self, name: str) -> tuple[str, ...]:
        raw = self.environ.get(name, "")
        return tuple(part.strip() for part in raw.split(",") if part.strip())

    def addresses(
        self, name: str, default: tuple[str, ...] = (), *, loopback: bool = False
    ) -> tuple[str, ...]:
        if name not in self.environ:
            return default
        urls = self.names(name)
        for url in urls:
            try:
                address = parse(url)
            except AddressError as error:
                self.problems.append(f"{name}: {url!r} {error}")
                continue
            if loopback and not address.loopback:
                self.problems.append(f"{name}: {url!r} is not a loopback address")
        return urls

    def raise_if_any(self) -> None:
        if self.problems:
            raise SettingsError("invalid settings: " + "; ".join(self.problems))
