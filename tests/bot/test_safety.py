"""Start-up refuses unsafe configurations and warns about risky ones, naming the setting;
`python app.py serve` exits 2 with the reasons before anything is built."""

from __future__ import annotations

import contextlib
import io

import pytest

from app import main
from bot.safety import review
from bot.settings import Settings

SECURE = {
    "MicrosoftAppId": "app-id",
    "MicrosoftAppPassword": "secret",
    "ALLOWED_TENANTS": "tenant-midt",
    "HOST": "0.0.0.0",
}


def _review(**environ: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    found = review(Settings.from_env(environ))
    return found.refusals, found.warnings


def test_a_secure_production_configuration_starts_without_a_word() -> None:
    assert ((), ()) == _review(**SECURE)


@pytest.mark.parametrize(
    ("case", "environ", "named"),
    [
        ("anonymous off loopback", {"HOST": "0.0.0.0"}, "ALLOW_ANONYMOUS"),
        (
            "SingleTenant without a tenant id",
            SECURE | {"MicrosoftAppType": "SingleTenant"},
            "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant",
        ),
        (
            "SingleTenant without a password",
            SECURE
            | {
                "MicrosoftAppType": "SingleTenant",
                "MicrosoftAppTenantId": "t",
                "MicrosoftAppPassword": "",
            },
            "MicrosoftAppPassword is required when MicrosoftAppType is SingleTenant",
        ),
        (
            "a managed identity without a tenant id",
            SECURE | {"MicrosoftAppType": "UserAssignedMSI", "MicrosoftAppPassword": ""},
            "MicrosoftAppTenantId is required when MicrosoftAppType is UserAssignedMSI",
        ),
        (
            "an app id without a password",
            SECURE | {"MicrosoftAppPassword": ""},
            "MicrosoftAppId without MicrosoftAppPassword",
        ),
        (
            "the test key server off loopback",
            SECURE | {"BOT_OPENID_METADATA_URL": "http://keys.example/.well-known/x"},
            "BOT_OPENID_METADATA_URL",
        ),
        (
            "a test token issuer off loopback",
            SECURE | {"BOT_TOKEN_ISSUER": "https://issuer.example"},
            "BOT_TOKEN_ISSUER",
        ),
        (
            "an http allow-list entry off loopback with an app id",
            SECURE | {"SERVICE_URL_ALLOWLIST": "http://connector.example.dk/"},
            "SERVICE_URL_ALLOWLIST has http entries off loopback (http://connector.example.dk/)",
        ),
    ],
)
def test_unsafe_configurations_are_refused_naming_the_setting(
    case: str, environ: dict[str, str], named: str
) -> None:
    refusals, _warnings = _review(**environ)

    assert 1 == len(refusals), (case, refusals)
    assert named in refusals[0], case


@pytest.mark.parametrize(
    ("case", "environ"),
    [
        (
            "a managed identity has no password",
            SECURE
            | {
                "MicrosoftAppType": "UserAssignedMSI",
                "MicrosoftAppTenantId": "t",
                "MicrosoftAppPassword": "",
            },
        ),
        (
            "SingleTenant with all three",
            SECURE | {"MicrosoftAppType": "SingleTenant", "MicrosoftAppTenantId": "t"},
        ),
        (
            "overrides explicitly allowed",
            SECURE | {"BOT_TOKEN_ISSUER": "https://i.example", "ALLOW_KEY_SERVER_OVERRIDE": "true"},
        ),
        (
            "overrides on loopback",
            SECURE | {"HOST": "127.0.0.1", "BOT_TOKEN_ISSUER": "https://i.example"},
        ),
        ("anonymous allowed off loopback", {"HOST": "0.0.0.0", "ALLOW_ANONYMOUS": "true"}),
        (
            "https and loopback http entries",
            SECURE | {"SERVICE_URL_ALLOWLIST": "https://c.example/,http://127.0.0.1:9/"},
        ),
    ],
)
def test_configurations_with_their_explicit_settings_are_not_refused(
    case: str, environ: dict[str, str]
) -> None:
    refusals, _warnings = _review(**environ)

    assert () == refusals, case


@pytest.mark.parametrize(
    ("case", "environ", "named"),
    [
        (
            "no tenant allow-list",
            {k: v for k, v in SECURE.items() if k != "ALLOWED_TENANTS"},
            "ALLOWED_TENANTS",
        ),
        (
            "emulator tokens",
            SECURE | {"ALLOW_EMULATOR_TOKENS": "true"},
            "ALLOW_EMULATOR_TOKENS=true",
        ),
        ("anonymous", {}, "NO MicrosoftAppId"),
        ("anonymous off loopback", {"HOST": "0.0.0.0", "ALLOW_ANONYMOUS": "true"}, "OFF LOOPBACK"),
        (
            "key server overrides",
            SECURE | {"HOST": "127.0.0.1", "BOT_LOGIN_URL": "http://127.0.0.1:9/"},
            "BOT_LOGIN_URL",
        ),
        (
            "anonymous replies in clear text",
            {"SERVICE_URL_ALLOWLIST": "http://connector.example.dk/"},
            "SERVICE_URL_ALLOWLIST",
        ),
    ],
)
def test_risky_configurations_are_warned_about_naming_the_setting(
    case: str, environ: dict[str, str], named: str
) -> None:
    _refusals, warnings = _review(**environ)

    assert 1 == sum(named in warning for warning in warnings), (case, warnings)


def test_serve_exits_2_with_every_reason_before_building_anything() -> None:
    environ = SECURE | {
        "MicrosoftAppType": "SingleTenant",
        "BOT_OPENID_METADATA_URL": "http://keys.example/.well-known/x",
    }
    stderr = io.StringIO()

    with contextlib.redirect_stderr(stderr):
        code = main(["serve"], environ)

    assert 2 == code
    assert (
        "MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant"
        in stderr.getvalue()
    )
    assert "BOT_OPENID_METADATA_URL" in stderr.getvalue()
    assert "Traceback" not in stderr.getvalue()
