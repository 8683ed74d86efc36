"""Importing a document sent in chat, over real HTTP: the bot (POST /api/messages), the
connector fake that records its replies, and a file host fake standing in for SharePoint
(allowed through IMPORT_DOWNLOAD_HOSTS) that serves the file a Teams attachment points at.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from app import SERVICE
from bot.settings import Settings
from tests.knowledge.documents.formats.documents import (
    drawn_pdf,
    encrypted,
    plain_to_docx,
    plain_to_pdf,
)
from tests.questions.replies import reply_text, submit_data
from tests.support.activities import file_sent, message, pressed
from tests.support.bot import TODAY, post, running_bot
from tests.support.connector import Connector
from tests.support.file_server import FileServer, Served, running_file_server
from tests.support.sample_documents import ITEMS, STATUS_REPORT, TITLES, status_report

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 64 * 1024  # IMPORT_MAX_BYTES here: the samples (a .docx is 37 kB) are under it
Bot = TestClient[Any, Any]


@pytest.fixture
async def files() -> AsyncIterator[FileServer]:
    async with running_file_server() as server:
        yield server


@pytest.fixture
def settings(sqlite_url: str, files: FileServer, connector: Connector) -> Settings:
    """Anonymous on loopback (everyone edits), an empty knowledge base, the file host fake
    allowed for downloads and the connector fake for replies."""
    return Settings(
        database_url=sqlite_url,
        today=TODAY,
        notify=False,
        anonymous_service_urls=(connector.url,),
        import_max_bytes=LIMIT,
        import_timeout_seconds=1.0,
        import_download_hosts=(files.origin,),
    )


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[Bot]:
    async with running_bot(settings) as client:
        yield client


async def say(bot: Bot, connector: Connector, activity: dict[str, Any]) -> list[dict[str, Any]]:
    connector.clear()
    assert 201 == (await post(bot, activity)).status
    return connector.messages()


async def send_file(
    bot: Bot, connector: Connector, files: FileServer, served: Served, name: str = "status.txt"
) -> list[dict[str, Any]]:
    return await say(bot, connector, file_sent(name, files.serve(name, served), connector.url))


def texts(replies: list[dict[str, Any]]) -> list[str]:
    return [reply_text(reply) for reply in replies]


def button(replies: list[dict[str, Any]], choice: str) -> dict[str, Any]:
    [data] = [d for reply in replies for d in submit_data(reply) if d.get("choice") == choice]
    return data


def titles(export: dict[str, Any]) -> list[str]:
    return sorted(row["title"] for key in ("agreements", "initiatives") for row in export[key])


async def exported(bot: Bot) -> dict[str, Any]:
    """The knowledge base as `export` writes it, from the running bot's facade."""
    data: dict[str, Any] = await bot.app[SERVICE].export()
    return data


async def exported_by_the_command_line(settings: Settings) -> dict[str, Any]:
    """`python app.py export` on the bot's database, as a process."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        str(ROOT / "app.py"),
        "export",
        env={**os.environ, "DATABASE_URL": settings.database_url},
        stdout=asyncio.subprocess.PIPE,
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=60)
    assert 0 == process.returncode
    data: dict[str, Any] = json.loads(output)
    return data


# --- a confirmed import -------------------------------------------------------------------


async def test_an_editor_sees_what_would_change_and_importing_saves_it(
    bot: Bot, connector: Connector, files: FileServer, settings: Settings
) -> None:
    shown = await send_file(bot, connector, files, Served(status_report(), "text/plain"))
    before = titles(await exported(bot))

    done = await say(bot, connector, pressed(button(shown, "confirm"), connector.url))
    answered = await say(bot, connector, message("status på høreapparater", connector.url))

    [card] = texts(shown)
    assert "Import af status.txt" in card
    assert "Aftaler og initiativer 3 nye" in card.replace(":", "")
    assert [] == before
    assert ["Importeret: status.txt."] == [text.splitlines()[0] for text in texts(done)]
    assert sorted(ITEMS) == titles(await exported_by_the_command_line(settings))
    assert TITLES[0] in texts(answered)[0]
    assert ["/files/status.txt"] == [request.path for request in files.requests]
    assert [] == [r for r in files.requests if "Authorization" in r.headers]


async def test_confirming_twice_imports_once(
    bot: Bot, connector: Connector, files: FileServer
) -> None:
    shown = await send_file(bot, connector, files, Served(status_report(), "text/plain"))
    confirm = button(shown, "confirm")
    await say(bot, connector, pressed(confirm, connector.url))
    once = await exported(bot)

    again = await say(bot, connector, pressed(confirm, connector.url))

    assert ["status.txt er allerede importeret."] == [t.splitlines()[0] for t in texts(again)]
    assert once == await exported(bot)


async def test_cancelling_imports_nothing_and_the_import_button_then_says_so(
    bot: Bot, connector: Connector, files: FileServer
) -> None:
    shown = await send_file(bot, connector, files, Served(status_report(), "text/plain"))

    cancelled = await say(bot, connector, pressed(button(shown, "cancel"), connector.url))
    confirmed = await say(bot, connector, pressed(button(shown, "confirm"), connector.url))

    assert ["Annulleret: status.txt blev ikke importeret."] == texts(cancelled)
    assert ["Importen af status.txt var allerede annulleret."] == texts(confirmed)
    assert [] == titles(await exported(bot))


async def test_a_card_is_only_good_in_the_chat_it_was_sent_in(
    bot: Bot, connector: Connector, files: FileServer
) -> None:
    shown = await send_file(bot, connector, files, Served(status_report(), "text/plain"))
    elsewhere = pressed(button(shown, "confirm"), connector.url, conversation="a:other-chat")

    said = await say(bot, connector, elsewhere)

    assert ["Den import kender jeg ikke (længere). Send filen igen."] == texts(said)
    assert [] == titles(await exported(bot))


async def test_a_word_document_imports_the_same_records_as_its_text(
    bot: Bot, connector: Connector, files: FileServer
) -> None:
    shown = await send_file(
        bot, connector, files, Served(plain_to_docx(STATUS_REPORT)), name="status.docx"
    )
    await say(bot, connector, pressed(button(shown, "confirm"), connector.url))

    assert sorted(ITEMS) == titles(await exported(bot))


# --- refusals: nothing downloaded, or nothing kept ----------------------------------------


async def test_someone_who_is_no_editor_is_refused_and_nothing_is_downloaded(
    settings: Settings, connector: Connector, files: FileServer
) -> None:
    async with running_bot(replace(settings, editors=("aad-someone-else",))) as bot:
        said = await send_file(bot, connector, files, Served(status_report(), "text/plain"))

    assert "Kun redaktører kan importere dokumenter." in texts(said)[0]
    assert [] == files.requests


@pytest.mark.parametrize("kind", ["groupChat", "channel"])
async def test_a_file_outside_a_personal_chat_is_sent_back_to_one(
    bot: Bot, connector: Connector, files: FileServer, kind: str
) -> None:
    url = files.serve("status.txt", Served(status_report(), "text/plain"))
    sent = file_sent("status.txt", url, connector.url, conversation_type=kind)
    sent["conversation"]["id"] = f"19:{kind}@thread.v2"

    said = await say(bot, connector, sent)

    assert "personlig chat" in texts(said)[0]
    assert [] == files.requests


@pytest.mark.parametrize(
    "url",
    [
        "https://files.example.org/status.txt",
        "https://contoso.sharepoint.com.example.org/status.txt",
        "http://contoso.sharepoint.com/status.txt",
        "https://contoso.sharepoint.com:8443/status.txt",
    ],
)
async def test_a_file_on_another_host_is_refused_without_a_request(
    bot: Bot, connector: Connector, url: str
) -> None:
    said = await say(bot, connector, file_sent("status.txt", url, connector.url))

    assert "Jeg henter kun filer fra Teams og SharePoint" in texts(said)[0]


async def test_a_redirect_to_another_host_is_not_followed(
    bot: Bot, connector: Connector, files: FileServer
) -> None:
    async with running_file_server() as elsewhere:
        target = elsewhere.serve("status.txt", Served(status_report(), "text/plain"))
        said = await send_file(bot, connector, files, Served(location=target))

    assert "Jeg henter kun filer fra Teams og SharePoint" in texts(said)[0]
    assert [] == elsewhere.requests


@pytest.mark.parametrize(
    "served",
    [
        Served(b"x" * (LIMIT + 1)),
        Served(b"x" * (LIMIT * 3), chunked=True),
        Served(b"x" * 100, claimed=10**9),
    ],
    ids=["content-length", "streamed past the limit", "claimed a gigabyte"],
)
async def test_a_file_over_the_limit_is_refused(
    bot: Bot, connector: Connector, files: FileServer, served: Served
) -> None:
    said = await send_file(bot, connector, files, served)

    assert "status.txt er for stor til at importere i chatten (højst 64 kB)." in texts(said)[0]
    assert [] == titles(await exported(bot))


async def test_a_slow_file_host_times_out(
    bot: Bot, connector: Connector, files: FileServer
) -> None:
    said = await send_file(bot, connector, files, Served(status_report(), delay=5.0))

    assert "Det tog for lang tid at hente status.txt (over 1 sekunder)." in texts(said)[0]


async def test_a_host_that_answers_an_error_is_named(
    bot: Bot, connector: Connector, files: FileServer
) -> None:
    said = await send_file(bot, connector, files, Served(status=403))

    assert "Jeg kunne ikke hente status.txt (HTTP 403)." in texts(said)[0]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("billede.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "ikke et dokument, jeg kan læse"),
        ("tom.txt", b"   \n", "er tom"),
        (
            "hemmelig.pdf",
            encrypted(plain_to_pdf(STATUS_REPORT), user_password="hemmelig"),
            "beskyttet med en adgangskode",
        ),
        ("scannet.pdf", drawn_pdf([[]], image=True), "scannet PDF uden tekst"),
        ("notat.txt", b"# source: https://example.org/notat\n", "ikke en form, jeg kan importere"),
    ],
    ids=["picture", "empty", "encrypted", "scanned", "only a comment header"],
)
async def test_a_file_that_is_no_document_it_reads_is_refused_with_why(
    bot: Bot,
    connector: Connector,
    files: FileServer,
    name: str,
    data: bytes,
    expected: str,
) -> None:
    said = await send_file(bot, connector, files, Served(data), name=name)

    [text] = texts(said)
    assert expected in text
    assert "Læseren siger:" in text
    assert [] == titles(await exported(bot))


async def test_a_web_page_instead_of_the_file_is_refused(
    bot: Bot, connector: Connector, files: FileServer
) -> None:
    page = Served(b"<html><body>Log ind for at se filen</body></html>", "text/html")

    said = await send_file(bot, connector, files, page, name="status.docx")

    assert "en side om status.docx i stedet for selve filen" in texts(said)[0]


async def test_an_inline_image_is_no_file_and_the_message_is_read_as_before(
    bot: Bot, connector: Connector, files: FileServer
) -> None:
    image = {"contentType": "image/png", "contentUrl": f"{files.origin}/files/billede.png"}
    html = {"contentType": "text/html", "content": "<p>hjælp</p>"}

    said = await say(bot, connector, message("hjælp", connector.url, attachments=[image, html]))

    assert 1 == len(said)
    assert "Import" not in texts(said)[0]
    assert [] == files.requests
