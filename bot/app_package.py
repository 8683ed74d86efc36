"""The Teams app package: the zip an administrator uploads to Teams.

`deploy/teams/` holds the manifest (schema 1.29, English) and one localization file per
other language (Danish), with `${{NAME}}` placeholders where this installation differs:
the bot's Azure app id, its public domain, the app version and who publishes it. `build`
fills them in from the settings, draws the icons and returns the package's files;
`zip_bytes` packs them at the zip's root, as Teams expects. Same input, same bytes.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.icons import color_icon, outline_icon
from bot.settings import Settings

MANIFEST = "manifest.json"
_PLACEHOLDER = re.compile(r"\$\{\{(\w+)\}\}")
_GUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_SEMVER = re.compile(r"(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same input gives the same zip


class PackageError(ValueError):
    """The package cannot be built; the message says what to set."""


@dataclass(frozen=True)
class Publisher:
    """Who publishes the app, as Teams shows it on the app's details page."""

    name: str = "Klyngebot"
    website_url: str = ""  # empty: PUBLIC_BASE_URL
    privacy_url: str = ""  # empty: the website
    terms_url: str = ""  # empty: the website


def build(
    template: Path, settings: Settings, *, version: str = "", publisher: Publisher = Publisher()
) -> dict[str, bytes]:
    """The package's files by name: manifest, localization files and icons."""
    values = _values(settings, version or project_version(), publisher)
    manifest = _filled(_read_json(template / MANIFEST), values)
    files = {MANIFEST: _dumps(manifest)}
    for language in manifest.get("localizationInfo", {}).get("additionalLanguages", []):
        files[language["file"]] = _dumps(_filled(_read_json(template / language["file"]), values))
    files[manifest["icons"]["color"]] = color_icon()
    files[manifest["icons"]["outline"]] = outline_icon()
    return files


def zip_bytes(files: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            archive.writestr(entry, data)
    return buffer.getvalue()


def project_version() -> str:
    try:
        return metadata.version("klyngebot")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "0.1.0"


def _values(settings: Settings, version: str, publisher: Publisher) -> dict[str, str]:
    if not settings.app_id:
        raise PackageError(
            "MicrosoftAppId is empty: the Teams package needs the bot's Azure app id "
            "(the Azure Bot registration, see deploy/README.md)"
        )
    if not _GUID.fullmatch(settings.app_id):
        raise PackageError(f"MicrosoftAppId {settings.app_id!r} is not a GUID")
    if not _SEMVER.fullmatch(version):
        raise PackageError(f"app version {version!r} is not like 1.2.3")
    base = settings.public_base_url
    if urlsplit(base).scheme != "https":
        raise PackageError(
            "PUBLIC_BASE_URL must be the bot's public https address "
            f"(like https://klyngebot.example.dk), not {base or 'unset'!r}"
        )
    website = publisher.website_url or base
    return {
        "MicrosoftAppId": settings.app_id,
        "PUBLIC_DOMAIN": urlsplit(base).hostname or "",
        "APP_VERSION": version,
        "DEVELOPER_NAME": publisher.name,
        "WEBSITE_URL": website,
        "PRIVACY_URL": publisher.privacy_url or website,
        "TERMS_URL": publisher.terms_url or website,
    }


def _filled(node: Any, values: Mapping[str, str]) -> Any:
    """`node` with every `${{NAME}}` in its strings replaced (the JSON structure is kept)."""
    if isinstance(node, dict):
        return {key: _filled(value, values) for key, value in node.items()}
    if isinstance(node, list):
        return [_filled(value, values) for value in node]
    if isinstance(node, str):
        return _PLACEHOLDER.sub(lambda match: _value(match.group(1), values), node)
    return node


def _value(name: str, values: Mapping[str, str]) -> str:
    if name not in values:
        raise PackageError(f"the Teams template uses an unknown placeholder ${{{{{name}}}}}")
    return values[name]


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackageError(f"{path} is missing (the Teams template is deploy/teams/)") from None
    except json.JSONDecodeError as error:
        raise PackageError(f"{path}: not JSON: {error}") from None


def _dumps(document: Any) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
