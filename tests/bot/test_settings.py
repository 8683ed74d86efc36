"""Settings: defaults, every problem reported at once, secrets never shown."""

from __future__ import annotations

from datetime import date

import pytest

from bot.settings import Settings, SettingsError


def test_defaults_are_a_local_sqlite_bot_on_loopback() -> None:
    settings = Settings.from_env({})

    assert "sqlite+aiosqlite:///klyngebot.db" == settings.database_url
    assert ("127.0.0.1", 3978) == (settings.host, settings.port)
    assert settings.anonymous
    assert settings.today is None
    assert "text" == settings.log_format


def test_values_are_read_and_normalised() -> None:
    settings = Settings.from_env(
        {
            "DATABASE_URL": "postgresql://kb:pw@db/kb",
            "PORT": "0",
            "BOT_TODAY": "2024-03-01",
            "ALLOWED_TENANTS": " a , b ,",
            "LOG_LEVEL": "debug",
            "LOG_FORMAT": "JSON",
        }
    )

    assert "postgresql+asyncpg://kb:pw@db/kb" == settings.database_url
    assert 0 == settings.port
    assert date(2024, 3, 1) == settings.today
    assert ("a", "b") == settings.allowed_tenants
    assert ("DEBUG", "json") == (settings.log_level, settings.log_format)


def test_every_malformed_variable_is_named_in_one_error() -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env(
            {
                "PORT": "eighty",
                "BOT_TODAY": "1. marts",
                "ALLOW_ANONYMOUS": "maybe",
                "LOG_FORMAT": "logfmt",
            }
        )

    message = str(raised.value)
    for name in ("PORT", "BOT_TODAY", "ALLOW_ANONYMOUS", "LOG_FORMAT"):
        assert name in message


def test_repr_hides_the_password_and_database_credentials() -> None:
    settings = Settings.from_env(
        {
            "MicrosoftAppId": "app",
            "MicrosoftAppPassword": "s3cret",
            "DATABASE_URL": "postgresql://kb:dbpass@db/kb",
        }
    )

    shown = repr(settings)
    assert "s3cret" not in shown
    assert "dbpass" not in shown
    assert "app" in shown


def test_the_notifier_runs_by_default_every_15_seconds_at_25_sends_a_second() -> None:
    settings = Settings.from_env({})

    assert (True, 15.0, 25.0) == (
        settings.notify,
        settings.notify_interval_seconds,
        settings.tenant_send_rate,
    )
    assert "" == settings.instance_id


def test_notifier_settings_are_read() -> None:
    settings = Settings.from_env(
        {
            "NOTIFY": "false",
            "NOTIFY_INTERVAL_SECONDS": "0.5",
            "TENANT_SEND_RATE": "10",
            "INSTANCE_ID": " bot-a ",
        }
    )

    assert (False, 0.5, 10.0, "bot-a") == (
        settings.notify,
        settings.notify_interval_seconds,
        settings.tenant_send_rate,
        settings.instance_id,
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NOTIFY", "sometimes"),
        ("NOTIFY_INTERVAL_SECONDS", "0"),
        ("NOTIFY_INTERVAL_SECONDS", "soon"),
        ("TENANT_SEND_RATE", "-5"),
        ("TENANT_SEND_RATE", "nan"),
        ("TENANT_SEND_RATE", "inf"),
    ],
)
def test_malformed_notifier_settings_are_refused(name: str, value: str) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env({name: value})

    assert name in str(raised.value)


def test_links_use_the_public_base_url_or_host_and_port() -> None:
    assert "http://127.0.0.1:3978" == Settings.from_env({}).public_url
    assert (
        "http://0.0.0.0:8080" == Settings.from_env({"HOST": "0.0.0.0", "PORT": "8080"}).public_url
    )
    public = Settings.from_env({"PUBLIC_BASE_URL": "https://klyngebot.example.dk/bot/"})
    assert "https://klyngebot.example.dk/bot" == public.public_url


def test_a_public_base_url_must_be_http() -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.from_env({"PUBLIC_BASE_URL": "klyngebot.example.dk"})

    assert "PUBLIC_BASE_URL" in str(raised.value)


def test_the_edge_is_strict_by_default_and_its_exceptions_are_read() -> None:
    default = Settings.from_env({})
    relaxed = Settings.from_env(
        {
            "ALLOW_EMULATOR_TOKENS": "true",
            "ALLOW_KEY_SERVER_OVERRIDE": "yes",
            "SERVICE_URL_ALLOWLIST": "https://connector.example.dk/api, http://127.0.0.1:9/",
        }
    )

    assert (False, False, ()) == (
        default.allow_emulator_tokens,
        default.allow_key_server_override,
        default.service_url_allowlist,
    )
    assert (True, True, ("https://connector.example.dk/api", "http://127.0.0.1:9/")) == (
        relaxed.allow_emulator_tokens,
        relaxed.allow_key_server_override,
        relaxed.service_url_allowlist,
    )
