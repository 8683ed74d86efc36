"""The Teams app package: schema-valid manifest and localization, the right files, icons
Teams accepts, this installation's app id and domain, commands that the bot understands."""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from jsonschema import Draft7Validator, validators
from referencing import Registry
from referencing.exceptions import NoSuchResource

from app import TEAMS_TEMPLATE, main
from bot.app_package import PackageError, build, zip_bytes
from bot.settings import Settings
from dialogs.wording import say
from tests.questions.replies import reply_text
from tests.support.activities import message
from tests.support.bot import post
from tests.support.connector import Connector

SCHEMAS = Path(__file__).resolve().parents[1].parent / "shared" / "schemas"
APP_ID = "0a1b2c3d-1111-2222-3333-444455556666"
SETTINGS = Settings(app_id=APP_ID, public_base_url="https://klyngebot.example.dk")
ENVIRON = {"MicrosoftAppId": APP_ID, "PUBLIC_BASE_URL": "https://klyngebot.example.dk/"}
COMMANDS = {
    "en": ["help", "status", "next meeting", "update", "subscribe", "calendar"],
    "da": ["hjælp", "status", "næste møde", "opdater", "abonner", "kalender"],
}
SCOPES = ["personal", "team", "groupChat"]
_COMMAND_KEY = re.compile(
    r"bots\[0\]\.commandLists\[(\d)\]\.commands\[(\d+)\]\.(title|description)"
)
_EXAMPLE = re.compile(r"[“„\"]([^”“\"]+)[”“\"]")


def _schema(name: str) -> dict[str, Any]:
    path = SCHEMAS / name
    if not path.is_file():
        # Like the seeds: ../shared is public data beside the project, never copied into it.
        pytest.skip(f"../shared/schemas is not present (looked for {path}); schema tests need it")
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def _offline(uri: str) -> Any:
    raise NoSuchResource(ref=uri)  # a remote $ref fails the test; nothing is downloaded


def _errors(schema: dict[str, Any], document: Any) -> list[str]:
    """Validation errors, read more strictly than the schemas' declared draft (04) reads
    them, the way Teams enforces its limits: `const` and `if`/`then` (draft 6 and 7
    keywords the schemas use) count, and keywords beside a `$ref` count too (draft 4
    ignores them, which would drop the localization file's `maxLength`s)."""
    base = validators.validator_for(schema)
    later = {key: Draft7Validator.VALIDATORS[key] for key in ("const", "if")}
    strict = validators.create(
        meta_schema=base.META_SCHEMA,
        validators={**base.VALIDATORS, **later},
        type_checker=base.TYPE_CHECKER,
        format_checker=base.FORMAT_CHECKER,
    )
    # Checked against the draft's meta-schema without its "regex" format: a few patterns
    # are ECMAScript (`\p{L}`), which Python's re cannot compile; they sit on parts of
    # the manifest that Klyngebot does not use, so validating never reaches them.
    strict.check_schema(schema, format_checker=None)
    validator = strict(schema, registry=Registry(retrieve=_offline))
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return build(TEAMS_TEMPLATE, SETTINGS, version="1.2.3")


def _json(files: dict[str, bytes], name: str) -> Any:
    return json.loads(files[name].decode("utf-8"))


def _png(data: bytes) -> tuple[int, int, list[list[tuple[int, ...]]]]:
    """Width, height and RGBA rows of a PNG as bot/icons.py writes it (RGBA, filter 0)."""
    assert b"\x89PNG\r\n\x1a\n" == data[:8]
    chunks: dict[bytes, bytes] = {}
    at = 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        assert struct.unpack(">I", data[at + 8 + length : at + 12 + length])[0] == zlib.crc32(
            kind + body
        )
        chunks[kind] = chunks.get(kind, b"") + body
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (8, 6) == (depth, colour)  # 8-bit RGBA
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = 1 + 4 * width
    rows = [raw[y * stride : (y + 1) * stride] for y in range(height)]
    assert {0} == {row[0] for row in rows}
    return (
        width,
        height,
        [[tuple(row[1 + 4 * x : 5 + 4 * x]) for x in range(width)] for row in rows],
    )


def test_the_manifest_is_valid_for_teams_schema_1_29(files: dict[str, bytes]) -> None:
    schema = _schema("MicrosoftTeams.v1.29.schema.json")
    manifest = _json(files, "manifest.json")

    assert [] == _errors(schema, manifest)
    assert "1.29" == manifest["manifestVersion"]
    assert manifest["$schema"].endswith("/v1.29/MicrosoftTeams.schema.json")


def test_the_schema_check_catches_a_wrong_manifest_version(files: dict[str, bytes]) -> None:
    schema = _schema("MicrosoftTeams.v1.29.schema.json")
    manifest = {**_json(files, "manifest.json"), "manifestVersion": "1.28"}

    assert ["['manifestVersion']: '1.29' was expected"] == _errors(schema, manifest)


def test_the_unfilled_template_is_not_a_valid_manifest() -> None:
    schema = _schema("MicrosoftTeams.v1.29.schema.json")
    template = json.loads((TEAMS_TEMPLATE / "manifest.json").read_text(encoding="utf-8"))

    paths = {line.split(":")[0] for line in _errors(schema, template)}

    assert {"['id']", "['bots', 0, 'botId']"} <= paths


def test_the_danish_localization_file_is_valid(files: dict[str, bytes]) -> None:
    schema = _schema("MicrosoftTeams.Localization.schema.json")
    manifest = _json(files, "manifest.json")

    assert {
        "defaultLanguageTag": "en",
        "additionalLanguages": [{"languageTag": "da", "file": "da.json"}],
    } == manifest["localizationInfo"]
    assert [] == _errors(schema, _json(files, "da.json"))


def test_the_zip_holds_exactly_the_manifest_localization_and_icons(
    files: dict[str, bytes],
) -> None:
    archive = zipfile.ZipFile(io.BytesIO(zip_bytes(files)))
    manifest = json.loads(archive.read("manifest.json"))

    assert ["manifest.json", "da.json", "color.png", "outline.png"] == archive.namelist()
    assert {"color": "color.png", "outline": "outline.png"} == manifest["icons"]
    assert files == {name: archive.read(name) for name in archive.namelist()}
    assert zip_bytes(files) == zip_bytes(build(TEAMS_TEMPLATE, SETTINGS, version="1.2.3"))


def test_the_colour_icon_is_an_opaque_192_square(files: dict[str, bytes]) -> None:
    width, height, rows = _png(files["color.png"])

    assert (192, 192) == (width, height)
    assert {255} == {pixel[3] for row in rows for pixel in row}
    assert (0x1F, 0x6E, 0x8C, 255) == rows[0][0]  # the accent colour
    assert (255, 255, 255, 255) in {pixel for row in rows for pixel in row}  # the white mark


def test_the_outline_icon_is_white_on_transparent_32(files: dict[str, bytes]) -> None:
    width, height, rows = _png(files["outline.png"])
    pixels = [pixel for row in rows for pixel in row]

    assert (32, 32) == (width, height)
    assert {(255, 255, 255)} == {pixel[:3] for pixel in pixels}
    assert 0 == rows[0][0][3]
    assert {0, 255} <= {pixel[3] for pixel in pixels}


def test_the_app_id_domain_and_version_are_filled_in(files: dict[str, bytes]) -> None:
    manifest = _json(files, "manifest.json")

    assert APP_ID == manifest["id"] == manifest["bots"][0]["botId"]
    assert ["klyngebot.example.dk"] == manifest["validDomains"]
    assert "1.2.3" == manifest["version"]
    assert "https://klyngebot.example.dk" == manifest["developer"]["websiteUrl"]
    assert [] == [name for name, data in files.items() if b"${{" in data]


def test_the_bot_offers_the_six_commands_in_every_scope_in_both_languages(
    files: dict[str, bytes],
) -> None:
    [bot] = _json(files, "manifest.json")["bots"]
    danish = _json(files, "da.json")
    translated: dict[tuple[int, int], dict[str, str]] = {}
    for key, text in danish.items():
        if match := _COMMAND_KEY.fullmatch(key):
            translated.setdefault((int(match[1]), int(match[2])), {})[match[3]] = text

    assert SCOPES == bot["scopes"]
    assert True is bot["supportsFiles"]  # editors send documents to import (bot/downloads.py)
    assert [[scope] for scope in SCOPES] == [lists["scopes"] for lists in bot["commandLists"]]
    for i, lists in enumerate(bot["commandLists"]):
        assert COMMANDS["en"] == [command["title"] for command in lists["commands"]]
        assert COMMANDS["da"] == [translated[i, j]["title"] for j in range(len(COMMANDS["da"]))]
        assert all(translated[i, j]["description"] for j in range(len(COMMANDS["da"])))
    assert len(SCOPES) * len(COMMANDS["da"]) == len(translated)  # no key for a missing command


def _examples(files: dict[str, bytes]) -> list[tuple[str, str]]:
    """(text, locale) for each command: the example its description quotes, or its title."""
    [bot] = _json(files, "manifest.json")["bots"]
    danish = _json(files, "da.json")
    texts = [(c["title"], c["description"], "en-US") for c in bot["commandLists"][0]["commands"]]
    for j in range(len(texts)):
        key = f"bots[0].commandLists[0].commands[{j}]"
        texts.append((danish[f"{key}.title"], danish[f"{key}.description"], "da-DK"))
    return [(_example(title, description), locale) for title, description, locale in texts]


def _example(title: str, description: str) -> str:
    quoted = _EXAMPLE.search(description)
    return quoted[1] if quoted else title


async def test_every_command_and_its_example_is_understood_in_its_language(
    files: dict[str, bytes], bot: TestClient[Any, Any], connector: Connector
) -> None:
    misunderstood = []
    for text, locale in _examples(files):
        connector.clear()
        assert 201 == (await post(bot, message(text, connector.url, locale=locale))).status
        replies = [reply_text(reply) for reply in connector.messages()]
        unknown = say("not_known", "da" if locale == "da-DK" else "en")
        if not replies or any(reply.startswith(unknown) for reply in replies):
            misunderstood.append(text)

    assert 12 == len(_examples(files))
    assert [] == misunderstood


def test_package_writes_the_zip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "klyngebot.zip"

    code = main(["package", "--output", str(output), "--app-version", "1.2.3"], ENVIRON)

    assert 0 == code
    assert zip_bytes(build(TEAMS_TEMPLATE, SETTINGS, version="1.2.3")) == output.read_bytes()
    assert str(output) in capsys.readouterr().out


def test_package_refuses_without_an_app_id(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "klyngebot.zip"

    code = main(["package", "--output", str(output)], {**ENVIRON, "MicrosoftAppId": ""})

    assert 2 == code
    assert "MicrosoftAppId is empty" in capsys.readouterr().err
    assert not output.exists()


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        ({"app_id": "klyngebot"}, "is not a GUID"),
        ({"public_base_url": ""}, "PUBLIC_BASE_URL must be the bot's public https address"),
        ({"public_base_url": "http://klyngebot.example.dk"}, "not 'http://klyngebot"),
    ],
)
def test_package_refuses_what_teams_would_not_accept(
    changes: dict[str, str], complaint: str
) -> None:
    settings = Settings(
        **{"app_id": APP_ID, "public_base_url": SETTINGS.public_base_url, **changes}
    )

    with pytest.raises(PackageError, match=re.escape(complaint)):
        build(TEAMS_TEMPLATE, settings)


def test_package_refuses_a_version_that_is_not_semver() -> None:
    with pytest.raises(PackageError, match=re.escape("is not like 1.2.3")):
        build(TEAMS_TEMPLATE, SETTINGS, version="1.2")
