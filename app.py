"""Klyngebot's composition root and command line.

python app.py [serve]                     run the bot (loads the demo into an empty database)
python app.py import FILE... [--dry-run]  import documents (or restore an export: kb.json)
python app.py export [--output FILE]      write the knowledge base as JSON
python app.py list agreements|initiatives|meetings
python app.py outbox [--state STATE]...   notifications pending, failed or uncertain
python app.py package [--output FILE]     write the Teams app package (zip)
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import os
import sys
from collections.abc import AsyncIterator, Sequence
from datetime import UTC, datetime
from pathlib import Path

from aiohttp import web
from botbuilder.integration.aiohttp import CloudAdapter
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import app_package
from bot.access import access_from
from bot.adapter import create_adapter
from bot.calendar_http import FEEDS, ROUTE, calendar_feed
from bot.connector import connector_session
from bot.errors import TurnErrors
from bot.event_loop import event_loop
from bot.gate import service_url_allowed
from bot.handler import KlyngeBot
from bot.http import ADAPTER, BOT, SERVER_OPTIONS, messages
from bot.http import SETTINGS as HTTP_SETTINGS
from bot.limits import RateLimits
from bot.logs import configure as configure_logging
from bot.proactive import Notifier, instance_id
from bot.safety import review
from bot.settings import Settings, SettingsError
from bot.state import KlyngeState
from bot.storage import SqlStorage
from dialogs import formats
from knowledge.core.clock import COPENHAGEN, Clock
from knowledge.core.db import check_writable, create_engine, migrate, session_factory
from knowledge.core.errors import KnowledgeError
from knowledge.documents import exchange
from knowledge.documents.changes import ImportReport
from knowledge.notify.contract import OutboxLine
from knowledge.service import KnowledgeService

logger = logging.getLogger("klyngebot")

SETTINGS = web.AppKey("settings", Settings)
SERVICE = web.AppKey("service", KnowledgeService)
ENGINE = web.AppKey("engine", AsyncEngine)
CLOCK = web.AppKey("clock", Clock)
NOTIFIER = web.AppKey("notifier", Notifier)
OUTBOX_STATES = ("pending", "failed", "uncertain")
TEAMS_TEMPLATE = Path(__file__).resolve().parent / "deploy" / "teams"


def create_app(settings: Settings) -> web.Application:
    app = web.Application(client_max_size=256 * 1024)
    app[SETTINGS] = settings
    app[HTTP_SETTINGS] = settings
    app.cleanup_ctx.append(_knowledge_base)
    app.cleanup_ctx.append(_bot)
    app.cleanup_ctx.append(_settled)
    app.router.add_post("/api/messages", messages)
    app.router.add_get("/healthz", _healthz)
    app.router.add_get("/readyz", _readyz)
    app.router.add_get(ROUTE, calendar_feed)
    app.on_shutdown.append(_shutting_down)
    return app


async def _shutting_down(_app: web.Application) -> None:
    logger.info("shutting down: no new requests; finishing the turns in flight")


async def _knowledge_base(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    engine = create_engine(settings.database_url)
    await migrate(engine)
    clock = Clock(settings.today)
    service = KnowledgeService(session_factory(engine), clock)
    if await service.load_demo():
        logger.info("empty knowledge base: loaded the demo knowledge base")
    await service.ask("hjælp")  # builds the question index now, not on the first user's turn
    app[SERVICE] = app[FEEDS] = service
    app[ENGINE] = engine
    app[CLOCK] = clock
    yield
    service.close()
    await engine.dispose()


async def _bot(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    _announce(settings)
    async with connector_session() as session:
        adapter = create_adapter(settings, session)
        adapter.on_turn_error = TurnErrors()
        app[ADAPTER] = adapter
        state = KlyngeState(SqlStorage(session_factory(app[ENGINE])))
        access = access_from(settings)
        app[BOT] = KlyngeBot(app[SERVICE], state, access, settings.public_url)
        async with _notifying(app, adapter):
            yield


async def _settled(_app: web.Application) -> AsyncIterator[None]:
    """Started: what startup made is kept for good, so set it aside from the collector.

    Without this, every full collection (every few seconds under load) walks the 100,000+
    objects of the modules, the question index and botbuilder's schema, stopping the loop
    for 150-300 ms: the slowest turns of a busy second. Babel's data is loaded first, so
    that it is set aside too."""
    formats.warm_up()
    gc.collect()
    gc.freeze()
    yield


@contextlib.asynccontextmanager
async def _notifying(app: web.Application, adapter: CloudAdapter) -> AsyncIterator[None]:
    """The notifier runs while the bot does; it stops before the adapter's session closes."""
    settings = app[SETTINGS]
    if not settings.notify:
        yield
        return
    notifier = Notifier(
        app[SERVICE],
        adapter,
        bot_app_id=settings.app_id,
        owner=instance_id(settings.instance_id),
        limits=RateLimits(settings.tenant_send_rate),
        clock=app[CLOCK],
        allowed=lambda url: service_url_allowed(url, settings),
        interval=settings.notify_interval_seconds,
        writers=1 if app[ENGINE].dialect.name == "sqlite" else 16,
    )
    app[NOTIFIER] = notifier
    running = asyncio.create_task(notifier.run(), name="notifier")
    logger.info("notifier started as %s", notifier.owner)
    try:
        yield
    finally:
        await notifier.stop()
        await running


def _announce(settings: Settings) -> None:
    for warning in review(settings).warnings:
        logger.warning("%s", warning)
    tenants = ", ".join(settings.allowed_tenants) or "all tenants (ALLOWED_TENANTS unset)"
    logger.info("accepting activities from %s", tenants)


async def _healthz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _readyz(request: web.Request) -> web.Response:
    """Ready when the database answers and takes a write within its lock wait."""
    engine = request.app[ENGINE]
    try:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception:
        logger.exception("readiness check: database unreachable")
        return web.json_response({"status": "database unreachable"}, status=503)
    try:
        await check_writable(engine)
    except Exception as error:
        logger.warning("readiness check: database takes no writes (%s)", type(error).__name__)
        return web.json_response({"status": "database takes no writes"}, status=503)
    return web.json_response({"status": "ready"})


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="app.py", description="Klyngebot")
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("serve", help="run the bot (default)")
    imports = commands.add_parser("import", help="import documents or restore an export")
    imports.add_argument("files", nargs="+", type=Path)
    imports.add_argument("--dry-run", action="store_true", help="print what would change")
    imports.add_argument("--replace", action="store_true", help="restore over existing content")
    export = commands.add_parser("export", help="write the knowledge base as JSON")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    listing = commands.add_parser("list", help="list what the knowledge base holds")
    listing.add_argument("what", choices=("agreements", "initiatives", "meetings"))
    forget = commands.add_parser("forget-user", help="anonymise a person's status entries")
    forget.add_argument("aad_id", help="the person's AAD object id")
    editors = commands.add_parser("editors", help="who may update statuses from chat")
    editors.add_argument("action", choices=("add", "remove", "list"))
    editors.add_argument("aad_id", nargs="?", help="the person's AAD object id")
    editors.add_argument("--name", help="the person's name (add)")
    outbox = commands.add_parser("outbox", help="notifications pending, failed or uncertain")
    outbox.add_argument(
        "--state",
        action="append",
        choices=("pending", "sending", "sent", "failed", "uncertain", "cancelled", "skipped"),
        help=f"only these states (repeatable; default: {', '.join(OUTBOX_STATES)})",
    )
    package = commands.add_parser("package", help="write the Teams app package (zip)")
    package.add_argument("--output", type=Path, default=Path("klyngebot-teams.zip"))
    package.add_argument("--app-version", default="", help="like 1.2.3 (default: the project's)")
    package.add_argument("--developer", default="Klyngebot", help="publisher name Teams shows")
    package.add_argument("--website-url", default="", help="default: PUBLIC_BASE_URL")
    package.add_argument("--privacy-url", default="", help="default: the website")
    package.add_argument("--terms-url", default="", help="default: the website")
    return parser


async def _with_service(settings: Settings, command: argparse.Namespace) -> int:
    engine = create_engine(settings.database_url)
    try:
        await migrate(engine)
        service = KnowledgeService(session_factory(engine), Clock(settings.today))
        return await _run(service, command)
    finally:
        await engine.dispose()


async def _run(service: KnowledgeService, command: argparse.Namespace) -> int:
    if command.command == "import":
        return await _import(service, command)
    if command.command == "export":
        return await _export(service, command.output)
    if command.command == "forget-user":
        count = await service.forget_user(command.aad_id)
        print(f"anonymised {count} status {'entry' if count == 1 else 'entries'}")
        return 0
    if command.command == "editors":
        return await _editors(service, command)
    if command.command == "outbox":
        return await _outbox(service, tuple(command.state or OUTBOX_STATES))
    return await _list(service, command.what)


async def _editors(service: KnowledgeService, command: argparse.Namespace) -> int:
    if command.action == "list":
        for editor in await service.list_editors():
            print(f"{editor.aad_id}  {editor.name}  added {editor.added_at:%Y-%m-%d}")
        return 0
    if not command.aad_id:
        print(f"error: editors {command.action} needs an AAD object id", file=sys.stderr)
        return 2
    if command.action == "add":
        added = await service.add_editor(command.aad_id, command.name or command.aad_id)
        print(f"{'added' if added else 'already an editor:'} {command.aad_id}")
        return 0
    removed = await service.remove_editor(command.aad_id)
    print(f"{'removed' if removed else 'not an editor:'} {command.aad_id}")
    return 0 if removed else 1


async def _outbox(service: KnowledgeService, states: tuple[str, ...]) -> int:
    lines = await service.outbox(states)
    if not lines:
        listed = ", ".join(states[:-1]) + (" or " if len(states) > 1 else "") + states[-1]
        print(f"outbox: nothing {listed}")
        return 0
    print(
        f"{'id':>6}  {'state':<9}  {'kind':<8}  {'tries':>5}  {'due':<16}  {'next try':<16}"
        "  conversation / last error"
    )
    for line in lines:
        print(_outbox_row(line))
    counts = {state: sum(1 for line in lines if line.state == state) for state in states}
    print(", ".join(f"{count} {state}" for state, count in counts.items()))
    return 0


def _outbox_row(line: OutboxLine) -> str:
    error = f"  {line.last_error}" if line.last_error else ""
    return (
        f"{line.id:>6}  {line.state:<9}  {line.kind:<8}  {line.attempts:>5}  "
        f"{_local(line.due_at):<16}  {_local(line.next_attempt_at):<16}  "
        f"{line.conversation_id}{error}"
    )


def _local(moment: datetime | None) -> str:
    if moment is None:
        return "-"
    if moment.tzinfo is None:  # SQLite hands back naive UTC
        moment = moment.replace(tzinfo=UTC)
    return f"{moment.astimezone(COPENHAGEN):%Y-%m-%d %H:%M}"


async def _import(service: KnowledgeService, command: argparse.Namespace) -> int:
    files: list[Path] = command.files
    restores = [f for f in files if f.suffix.lower() == ".json"]
    if restores:
        if len(files) > 1:
            print("error: restore one export file at a time, without documents", file=sys.stderr)
            return 2
        counts = await service.restore(files[0], replace=command.replace)
        print(f"restored {files[0]}: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
        return 0
    reports = await service.import_documents(files, dry_run=command.dry_run)
    for report in reports:
        _print_report(report, command.dry_run)
    refused = sum(1 for report in reports if report.refused is not None)
    if not refused:
        return 0
    others = "would be" if command.dry_run else "were"
    rest = f"; the others {others} imported" if refused < len(reports) else ""
    print(f"error: refused {refused} of {len(reports)} files{rest}", file=sys.stderr)
    return 1


def _print_report(report: ImportReport, dry_run: bool) -> None:
    """A refused file on standard error; with --dry-run, what would change, line by line."""
    if report.refused is not None:
        print(f"error: {report.refused}", file=sys.stderr)
        return
    print(("would import " if dry_run else "imported ") + report.summary())
    if dry_run:
        for line in (*report.details(), *(change.line() for change in report.changes)):
            print("  " + line)


async def _export(service: KnowledgeService, output: Path | None) -> int:
    document = exchange.dumps(await service.export())
    if output is None:
        sys.stdout.write(document)
    else:
        await asyncio.to_thread(output.write_text, document, encoding="utf-8")
    return 0


async def _list(service: KnowledgeService, what: str) -> int:
    if what == "meetings":
        for m in await service.list_meetings():
            day = m.date.isoformat() if m.date_precision == "day" else m.date.strftime("%Y-%m")
            print(f"{day:<10}  {m.state:<8}  {m.body}" + (f"  ({m.place})" if m.place else ""))
        return 0
    for item in await service.list_items(what.removesuffix("s")):
        since = f" since {item.status_since.isoformat()}" if item.status_since else ""
        where = item.cluster or item.region or ""
        print(f"{item.status:<13} {item.title}  [{where}]{since}")
    return 0


def _package(settings: Settings, command: argparse.Namespace) -> int:
    publisher = app_package.Publisher(
        name=command.developer,
        website_url=command.website_url,
        privacy_url=command.privacy_url,
        terms_url=command.terms_url,
    )
    try:
        files = app_package.build(
            TEAMS_TEMPLATE, settings, version=command.app_version, publisher=publisher
        )
    except app_package.PackageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    output: Path = command.output
    output.write_bytes(app_package.zip_bytes(files))
    print(f"wrote {output}: {', '.join(files)}; upload it in Teams (Apps > Manage your apps)")
    return 0


def _serve(settings: Settings) -> int:
    refusals = review(settings).refusals
    if refusals:
        print("refusing to serve: " + "; ".join(refusals), file=sys.stderr)
        return 2
    web.run_app(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        print=lambda text: logger.info(text.strip()),
        # SIGTERM/SIGINT: stop accepting, give turns in flight 15 s (Teams waits no longer
        # for a turn), then the cleanup: the notifier gives back its leases, the engine closes.
        shutdown_timeout=15.0,
        loop=event_loop(settings.slow_callback_ms),
        **SERVER_OPTIONS,  # the header deadline (bot/http.py)
    )
    return 0


def main(argv: Sequence[str] | None = None, environ: dict[str, str] | None = None) -> int:
    command = _parser().parse_args(argv)
    try:
        settings = Settings.from_env(os.environ if environ is None else environ)
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    serving = command.command in (None, "serve")
    # The server logs to stdout; commands keep stdout for their output (export JSON).
    configure_logging(
        settings.log_level if serving else logging.WARNING,
        settings.log_format,
        sys.stdout if serving else sys.stderr,
    )
    if serving:
        return _serve(settings)
    if command.command == "package":
        return _package(settings, command)
    try:
        return asyncio.run(_with_service(settings, command))
    except KnowledgeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
