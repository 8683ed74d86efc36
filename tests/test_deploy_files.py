"""The deployment files, parsed (Docker cannot run here): the image, the compose file with
PostgreSQL and two instances, the systemd unit, and the variable table in deploy/README.md,
which must list exactly the variables bot/settings.py reads."""

from __future__ import annotations

import configparser
import inspect
import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from aiohttp import web

from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
_INTERPOLATION = re.compile(r"\$\{(\w+)(?::([?-])([^}]*))?\}")
# Values a real deploy/.env would hold, for reading the compose file as compose would.
DOT_ENV = {
    "POSTGRES_PASSWORD": "0123abcd",
    "MicrosoftAppId": "0a1b2c3d-1111-2222-3333-444455556666",
    "MicrosoftAppPassword": "secret",
    "MicrosoftAppTenantId": "9f8e7d6c-1111-2222-3333-444455556666",
    "ALLOWED_TENANTS": "9f8e7d6c-1111-2222-3333-444455556666",
    "PUBLIC_BASE_URL": "https://klyngebot.example.dk",
}


class _Recording(Mapping[str, str]):
    """An empty environment that remembers every variable asked for."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __getitem__(self, key: str) -> str:
        self.asked.append(key)
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def settings_variables() -> list[str]:
    environ = _Recording()
    Settings.from_env(environ)
    return environ.asked


def graceful_shutdown_seconds() -> float:
    """How long `serve` waits for in-flight turns: app.py's shutdown_timeout, else aiohttp's."""
    source = (ROOT / "app.py").read_text(encoding="utf-8")
    if "shutdown_timeout" in source:
        found = re.search(r"shutdown_timeout\s*=\s*(\d+(?:\.\d+)?)", source)
        assert found, "app.py sets shutdown_timeout without a literal: read it here"
        return float(found[1])
    default: float = inspect.signature(web.run_app).parameters["shutdown_timeout"].default
    return default


def _seconds(text: str) -> float:
    """ "90s", "90", "1m30s" -> 90.0 (compose and systemd durations)."""
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?", text.strip())
    scale = {"ms": 0.001, "": 1, "s": 1, "m": 60, "min": 60, "h": 3600}
    return sum(float(number) * scale[unit] for number, unit in parts)


# --- Dockerfile ---------------------------------------------------------------------------


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    text = (DEPLOY / "Dockerfile").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.lstrip().startswith("#")]
    joined = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    steps = []
    for line in joined.splitlines():
        if line.strip():
            instruction, _, arguments = line.strip().partition(" ")
            steps.append((instruction.upper(), arguments.strip()))
    return steps


def _all(steps: list[tuple[str, str]], instruction: str) -> list[str]:
    return [arguments for name, arguments in steps if name == instruction]


def test_the_image_is_python_3_11_slim() -> None:
    assert ["python:3.11-slim"] == _all(dockerfile(), "FROM")


def test_the_image_runs_as_a_non_root_user_after_installing() -> None:
    steps = dockerfile()
    names = [name for name, _ in steps]
    last_user = len(names) - 1 - names[::-1].index("USER")

    assert steps[last_user][1] not in ("root", "0", "0:0")
    assert "RUN" not in names[last_user:]
    assert any("pip install ." in run for run in _all(steps, "RUN"))
    assert any("useradd" in run and steps[last_user][1] in run for run in _all(steps, "RUN"))


def test_the_image_checks_healthz_with_urllib_and_serves_on_the_exposed_port() -> None:
    steps = dockerfile()
    [healthcheck] = _all(steps, "HEALTHCHECK")
    [command] = _all(steps, "CMD")
    [exposed] = _all(steps, "EXPOSE")
    environment = " ".join(_all(steps, "ENV"))

    assert "urllib.request" in healthcheck
    assert "/healthz" in healthcheck
    assert ["python", "app.py", "serve"] == json.loads(command)
    assert f"PORT={exposed}" in environment
    assert "HOST=0.0.0.0" in environment


def test_everything_the_image_copies_exists() -> None:
    copied = [arguments.split()[:-1] for arguments in _all(dockerfile(), "COPY")]

    assert [] == [
        source for sources in copied for source in sources if not (ROOT / source).exists()
    ]
    assert ["app.py"] == [source for sources in copied for source in sources if source == "app.py"]


# --- compose.yaml -------------------------------------------------------------------------


def compose() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    return document


def interpolated(value: str, dot_env: Mapping[str, str]) -> str:
    """`${NAME}`, `${NAME:-default}` and `${NAME:?error}` the way compose fills them."""

    def fill(match: re.Match[str]) -> str:
        name, kind, rest = match[1], match[2], match[3]
        if dot_env.get(name):
            return dot_env[name]
        if kind == "?":
            raise ValueError(f"{name}: {rest}")
        return rest or ""

    return _INTERPOLATION.sub(fill, value)


def bot_environment(service: str, dot_env: Mapping[str, str] = DOT_ENV) -> dict[str, str]:
    environment = compose()["services"][service]["environment"]
    return {name: interpolated(str(value), dot_env) for name, value in environment.items()}


def bots() -> list[str]:
    return [name for name in compose()["services"] if name.startswith("bot")]


def test_compose_runs_postgresql_16_with_a_volume_and_a_healthcheck() -> None:
    document = compose()
    postgres = document["services"]["postgres"]
    [volume] = postgres["volumes"]

    assert "postgres:16" == postgres["image"]
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])
    assert volume.endswith(":/var/lib/postgresql/data")
    assert volume.split(":")[0] in document["volumes"]


def test_compose_runs_two_bot_instances_of_one_image() -> None:
    services = compose()["services"]

    assert ["bot-1", "bot-2"] == bots()
    assert {"klyngebot:latest"} == {services[name]["image"] for name in bots()}
    assert {"deploy/Dockerfile"} == {services[name]["build"]["dockerfile"] for name in bots()}
    assert (ROOT / "deploy" / "Dockerfile").is_file()


def test_the_instances_share_the_postgresql_database_with_distinct_instance_ids() -> None:
    environments = [bot_environment(name) for name in bots()]
    [url] = {environment["DATABASE_URL"] for environment in environments}

    assert "postgresql+asyncpg" == urlsplit(url).scheme
    assert "postgres" == urlsplit(url).hostname
    assert "0123abcd" == urlsplit(url).password
    assert ["bot-1", "bot-2"] == [environment["INSTANCE_ID"] for environment in environments]


def test_the_instances_start_when_postgresql_is_healthy_and_report_readiness() -> None:
    services = compose()["services"]
    for name in bots():
        service = services[name]
        assert {"postgres": {"condition": "service_healthy"}} == service["depends_on"]
        assert "/readyz" in " ".join(service["healthcheck"]["test"])
        assert _seconds(service["stop_grace_period"]) > graceful_shutdown_seconds()
        assert all(port.startswith("127.0.0.1:") for port in service["ports"])


def test_each_instance_environment_is_valid_settings_for_a_single_tenant_bot() -> None:
    known = set(settings_variables())
    for name in bots():
        environment = bot_environment(name)
        settings = Settings.from_env(environment)

        assert set(environment) <= known, f"{name} sets a variable the bot does not read"
        assert "SingleTenant" == settings.app_type
        assert "0.0.0.0" == settings.host
        assert (DOT_ENV["ALLOWED_TENANTS"],) == settings.allowed_tenants
        assert settings.tenant_send_rate * len(bots()) <= 25  # the tenant's budget, shared


def test_compose_refuses_to_start_without_the_secrets() -> None:
    with pytest.raises(ValueError, match="MicrosoftAppPassword"):
        bot_environment("bot-1", {**DOT_ENV, "MicrosoftAppPassword": ""})


def test_the_example_environment_file_names_only_what_compose_and_the_bot_read() -> None:
    text = (DEPLOY / "env.example").read_text(encoding="utf-8")
    names = re.findall(r"^(\w+)=", text, flags=re.MULTILINE)

    assert set(DOT_ENV) <= set(names)
    assert set(names) <= {*settings_variables(), "POSTGRES_PASSWORD"}


# --- klyngebot.service --------------------------------------------------------------------


def unit() -> configparser.ConfigParser:
    # systemd allows a key twice (SystemCallFilter=); strict=False keeps the last one.
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read(DEPLOY / "klyngebot.service", encoding="utf-8")
    return parser


def test_the_unit_runs_the_bot_as_a_non_root_user_from_an_environment_file() -> None:
    service = unit()["Service"]

    assert service["User"] not in ("", "root", "0")
    assert service["EnvironmentFile"].startswith("/etc/")
    assert service["ExecStart"].endswith(" app.py serve")
    assert "multi-user.target" == unit()["Install"]["WantedBy"]


def test_the_unit_restarts_on_failure_and_outwaits_the_graceful_shutdown() -> None:
    service = unit()["Service"]

    assert "on-failure" == service["Restart"]
    assert "SIGTERM" == service["KillSignal"]
    assert _seconds(service["TimeoutStopSec"]) > graceful_shutdown_seconds()


def test_the_unit_is_hardened() -> None:
    service = unit()["Service"]

    assert {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "CapabilityBoundingSet": "",
    } == {
        key: service[key]
        for key in (
            "NoNewPrivileges",
            "ProtectSystem",
            "ProtectHome",
            "PrivateTmp",
            "CapabilityBoundingSet",
        )
    }


# --- deploy/README.md ---------------------------------------------------------------------


def readme_variables() -> list[str]:
    """The variables in the first column of deploy/README.md's variable table."""
    lines = (DEPLOY / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("| variable | default | meaning |")
    names = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        names += re.findall(r"`(\w+)`", line.split("|")[1])
    return names


def test_the_readme_lists_every_variable_settings_reads_and_no_other() -> None:
    variables = settings_variables()

    assert len(variables) > 20  # the recording saw Settings.from_env's reads
    assert sorted(variables) == sorted(readme_variables())


def test_the_readme_says_the_container_files_were_not_run() -> None:
    text = (DEPLOY / "README.md").read_text(encoding="utf-8")

    assert "Docker could not run where these files were written" in text
    assert "deploy/README.md" in (ROOT / "README.md").read_text(encoding="utf-8")
