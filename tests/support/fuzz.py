"""Malformed requests for /api/messages, by class, each with the answers it may get.

`Fuzzer(seed, ...)` makes the same cases for the same seed. A case is one HTTP request
(body bytes, headers, chunked or not) and the statuses its class is answered with
(README, "The bot"):

- 400: nested deeper than 64, a number longer than 30 digits, random bytes, truncated
  JSON, JSON that is not an object, a required field missing, a declared field of the
  wrong JSON type (every one the schema declares, nested ones too), a timestamp that is
  not one, an empty body;
- 401: a missing, garbage, forged, expired or misaddressed token, the Emulator's, a
  skill's, the bot's own token shape (the secured bot);
- 403: a tenant outside ALLOWED_TENANTS, a reply address off the allow-list;
- 413: a body over 256 KB, with or without a Content-Length;
- 415: any Content-Type but application/json;
- 200/201/412: activities that are well-formed but odd (text of any Unicode, unknown
  activity types, card values of the wrong shape, invoke names the bot does not handle,
  Action.Execute values that are not ours), answered as their protocol says; never 5xx.

`run` posts cases to running bots over real HTTP and tallies what came back by class.
"""

from __future__ import annotations

import asyncio
import copy
import io
import json
import random
import string
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import aiohttp
from botbuilder.schema import Activity

from bot.settings import Settings
from tests.support.activities import TENANT, message
from tests.support.bot import TODAY
from tests.support.connector import Connector
from tests.support.tokens import APP_ID, KeyServer, emulator_claims, own_outbound_claims

JSON = "application/json"
TEXT_KINDS = {"str", "iso-8601"}
WRONG = {  # values of every other JSON type, by declared type
    "str": [1, 2.5, True, [], {}, ["x"]],
    "iso-8601": [1, True, [], {"t": 1}],
    "bool": ["yes", 1, [], {}],
    "model": ["x", 1, True, [1]],
    "list": ["x", 1, True, {"a": 1}],
}
INVOKES = [
    "task/fetch",
    "task/submit",
    "composeExtension/query",
    "composeExtension/queryLink",
    "composeExtension/selectItem",
    "composeExtension/fetchTask",
    "composeExtension/submitAction",
    "config/fetch",
    "config/submit",
    "signin/tokenExchange",
    "signin/verifyState",
    "signin/failure",
    "fileConsent/invoke",
    "actionableMessage/executeAction",
    "healthCheck",
    "handoff/action",
    "message/submitAction",
]


@dataclass(frozen=True)
class Case:
    kind: str
    body: bytes
    expected: frozenset[int]
    content_type: str | None = JSON
    authorization: str | None = None
    chunked: bool = False
    secured: bool = False  # for the bot with an app id


def _schema_paths(model: Any, prefix: str = "", depth: int = 0) -> list[tuple[str, str]]:
    """(dotted path, declared kind) of every typed field, from msrest's attribute maps."""
    registry = model._infer_class_models()
    paths = []
    for desc in model._attribute_map.values():
        kind, key = desc["type"], desc["key"]
        if not key or "." in key or kind in ("object", "{object}") or key == "":
            continue
        inner = kind.strip("[]")
        nested = registry.get(inner)
        if kind in TEXT_KINDS or kind == "bool":
            paths.append((prefix + key, kind))
        elif kind.startswith("["):
            paths.append((prefix + key, "list"))
            if nested is not None and depth < 1:
                paths += _schema_paths(nested, f"{prefix}{key}.0.", depth + 1)
        elif nested is not None:
            paths.append((prefix + key, "model"))
            if depth < 1:
                paths += _schema_paths(nested, f"{prefix}{key}.", depth + 1)
    return paths


SCHEMA_PATHS = _schema_paths(Activity)


def _put(data: dict[str, Any], path: str, value: Any) -> None:
    """Set `path` ("conversation.id", "entities.0.type") in `data`, making what it needs."""
    *parents, last = path.split(".")
    node: Any = data
    for position, part in enumerate(parents):
        child_is_list = [*parents, last][position + 1].isdigit()
        if part.isdigit():
            while len(node) <= int(part):
                node.append({})
            node = node[int(part)]
            continue
        if not isinstance(node.get(part), list | dict):
            node[part] = [] if child_is_list else {}
        node = node[part]
    if last.isdigit():
        node.append(value)
    else:
        node[last] = value


@dataclass
class Fuzzer:
    seed: int
    service_url: str  # where the bots may reply (the connector fake)
    tenant: str
    token: Callable[..., str] | None = None  # KeyServer.token, for the secured bot
    random: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self.random = random.Random(self.seed)

    def cases(self, count: int) -> Iterator[Case]:
        classes = [(name, weight) for name, weight in CLASSES if self.token or name not in SECURED]
        names = [name for name, _ in classes]
        weights = [weight for _, weight in classes]
        for _ in range(count):
            yield getattr(self, "_" + self.random.choices(names, weights)[0])()

    # --- helpers ---------------------------------------------------------------------

    def _activity(self, **changes: Any) -> dict[str, Any]:
        conversation = f"a:fuzz-{self.random.randrange(30)}"
        activity = message("hjælp", self.service_url, conversation=conversation)
        activity["id"] = f"fuzz-{self.random.getrandbits(48):x}"
        activity.update(changes)
        return activity

    def _case(self, kind: str, data: Any, expected: set[int], **options: Any) -> Case:
        body = data if isinstance(data, bytes) else json.dumps(data).encode()
        return Case(kind, body, frozenset(expected), **options)

    def _text(self, length: int) -> str:
        alphabet = string.printable + "æøåÆØÅ€ ́\u200b\u202e\ufeff🙂𝔘\x00\x1f"
        surrogate = "\ud800" if self.random.random() < 0.2 else ""
        return "".join(self.random.choices(alphabet, k=length)) + surrogate

    def _nested(self, depth: int) -> Any:
        value: Any = 1
        for _ in range(depth):
            value = [value] if self.random.random() < 0.5 else {"k": value}
        return value

    # --- 400 -------------------------------------------------------------------------

    def _deep_nesting(self) -> Case:
        depth = self.random.choice([65, 66, 100, 991, 1_000, 5_000, 20_000])
        where = self.random.choice(["value", "channelData", "entities", "whole"])
        if where == "whole":
            return self._case("deep nesting", b"[" * depth + b"]" * depth, {400})
        # json.dumps itself recurses: build the text by hand
        nested = b"[" * depth + b"1" + b"]" * depth
        body = json.dumps(self._activity(**{where: "@"})).encode().replace(b'"@"', nested)
        return self._case("deep nesting", body, {400})

    def _huge_number(self) -> Case:
        digits = self.random.choice([31, 40, 100, 4_300, 4_301, 10_000, 100_000])
        number = "".join(self.random.choices(string.digits, k=digits))
        literal = self.random.choice([number, "-" + number, "0." + number, number + "e5"])
        where = self.random.choice(["value", "channelData", "text", "id"])
        body = json.dumps(self._activity(**{where: "@"})).encode()
        return self._case("huge number", body.replace(b'"@"', literal.encode()), {400})

    def _random_bytes(self) -> Case:
        size = self.random.choice([1, 2, 10, 100, 1_000, 10_000])
        return self._case("random bytes", self.random.randbytes(size), {400})

    def _truncated(self) -> Case:
        body = json.dumps(self._activity()).encode()
        return self._case("truncated JSON", body[: self.random.randrange(1, len(body) - 1)], {400})

    def _not_an_object(self) -> Case:
        value = self.random.choice([[], [self._activity()], "message", 42, None, True, 1.5])
        return self._case("not an object", value, {400})

    def _missing_field(self) -> Case:
        activity = self._activity()
        path = self.random.choice(["type", "serviceUrl", "conversation", "conversation.id"])
        gone = self.random.choice([None, "", "delete"])
        if gone == "delete":
            parent, _, key = path.rpartition(".")
            (activity[parent] if parent else activity).pop(key)
        else:
            _put(activity, path, gone)
        return self._case("missing field", activity, {400})

    def _wrong_type(self) -> Case:
        path, kind = self.random.choice(SCHEMA_PATHS)
        activity = self._activity()
        _put(activity, path, copy.deepcopy(self.random.choice(WRONG[kind])))
        return self._case("wrong type", activity, {400})

    def _bad_timestamp(self) -> Case:
        where = self.random.choice(["timestamp", "localTimestamp", "expiration"])
        value = self.random.choice(["yesterday", "2024-13-45T99:99:99Z", "T", "not a date"])
        return self._case("bad timestamp", self._activity(**{where: value}), {400})

    def _empty_body(self) -> Case:
        return self._case("empty body", b"", {400})

    # --- 403, 413, 415 ---------------------------------------------------------------

    def _foreign_tenant(self) -> Case:
        tenant = self.random.choice(["tenant-elsewhere", "", self.tenant.upper(), "*"])
        activity = self._activity(channelData={"tenant": {"id": tenant}})
        activity["conversation"]["tenantId"] = tenant
        return self._case("foreign tenant", activity, {403})

    def _reply_address(self) -> Case:
        port = self.service_url.rsplit(":", 1)[1].strip("/")
        url = self.random.choice(
            [
                "https://evil.example/",
                "https://smba.trafficmanager.net:8443/emea/",
                "https://smba.trafficmanager.net.evil.example/",
                "http://smba.trafficmanager.net/emea/",
                f"http://127.0.0.1:{port}@127.0.0.1:1/",
                f"http://127.0.0.1:{int(port) + 1}/",
                f"http://[::1]:{port}/",
                "http://2130706433/",
                "file:///etc/passwd",
                "not a url",
            ]
        )
        return self._case("reply address", self._activity(serviceUrl=url), {403})

    def _too_large(self) -> Case:
        size = self.random.choice([256 * 1024 + 1, 300_000, 1_100_000])
        activity = self._activity(text="x" * size)
        return self._case("too large", activity, {413}, chunked=self.random.random() < 0.5)

    def _content_type(self) -> Case:
        kind = self.random.choice(
            [None, "text/plain", "application/xml", "multipart/form-data", "application/jsonx",
             "application/json-patch+json", "text/json", ""]
        )  # fmt: skip
        return self._case("content type", self._activity(), {415}, content_type=kind)

    # --- well-formed but odd: answered, never 5xx -------------------------------------

    def _odd_text(self) -> Case:
        length = self.random.choice([0, 1, 50, 999, 1_001, 5_000, 10_000])
        text = self._text(length) if self.random.random() < 0.9 else "ord " * 25_000
        return self._case("odd text", self._activity(text=text), {201})

    def _odd_type(self) -> Case:
        kind = self.random.choice(
            ["event", "typing", "endOfConversation", "messageReaction", "messageUpdate",
             "messageDelete", "installationUpdate", "conversationUpdate", "trace", "handoff",
             "suggestion", "delay", self._text(8) or "x"]
        )  # fmt: skip
        changes: dict[str, Any] = {"type": kind}
        if self.random.random() < 0.5:
            changes["membersAdded"] = [{"id": self._text(5)}, {"id": "28:klyngebot"}]
            changes["action"] = self.random.choice(["add", "remove", "x", ""])
        return self._case("odd activity type", self._activity(**changes), {201})

    def _card_value(self) -> Case:
        junk = [None, 1, -1, 10**20, "x", [], {}, [1, "a"], True, self._text(20)]
        shapes = [
            {"klyngebot": "unsubscribe", "subscription_ids": self.random.choice(junk)},
            {"action": "statusUpdate", "item": self.random.choice(junk),
             "status": self.random.choice(junk), "note": self.random.choice(junk)},
            {"action": "more", "offset": self.random.choice(junk),
             "question": self.random.choice(junk)},
            {"action": "ask", "choice": self.random.choice(junk)},
            {"action": {"verb": "statusUpdate", "data": self.random.choice(junk)}},
            self.random.choice(junk),
        ]  # fmt: skip
        value = self.random.choice(shapes)
        return self._case("card value", self._activity(text=None, value=value), {201})

    def _invoke(self) -> Case:
        name = self.random.choice([*INVOKES, self._text(10), ""])
        value = self.random.choice([None, {}, {"id": 1}, "x", [1], {"data": {"a": 1}}])
        activity = self._activity(type="invoke", name=name, value=value, text=None)
        return self._case("unhandled invoke", activity, {200, 412})

    def _action_execute(self) -> Case:
        value = self.random.choice(
            [None, "x", [], {}, {"action": None}, {"action": "x"}, {"action": {}},
             {"action": {"type": "Action.Submit"}},
             {"action": {"type": "Action.Execute", "verb": self._text(6), "data": {"a": 1}}},
             {"action": {"type": "Action.Execute", "verb": "statusUpdate", "data": "x"}},
             {"action": {"type": "Action.Execute", "verb": "unsubscribe", "data": {"ids": 1}}}]
        )  # fmt: skip
        activity = self._activity(type="invoke", name="adaptiveCard/action", value=value)
        return self._case("Action.Execute not ours", activity, {200})

    # --- 401 (the secured bot) ---------------------------------------------------------

    def _bad_token(self) -> Case:
        assert self.token is not None
        url = self.service_url
        claims = self.random.choice(
            [
                {"aud": "another-bot"},
                {"exp": int(time.time()) - 3600},
                {"iss": "https://evil.example"},
                {"serviceurl": "https://evil.example/"},
                {"kid": "no-such-key"},
                emulator_claims("1.0"),
                emulator_claims("2.0"),
                own_outbound_claims(),
                emulator_claims("1.0") | {"appid": "another-bot"},
            ]
        )
        header = self.random.choice(
            [
                None,
                "",
                "Bearer",
                "Bearer abc",
                "Bearer a.b.c",
                "Basic dXNlcjpwYXNz",
                f"Bearer {self.token(url, **claims)}",
                f"bearer {self.token(url)}",
            ]
        )
        body = self._activity()
        return self._case("bad token", body, {401}, authorization=header, secured=True)

    def _good_token(self) -> Case:
        assert self.token is not None
        header = f"Bearer {self.token(self.service_url)}"
        return self._case(
            "valid token", self._activity(), {201}, authorization=header, secured=True
        )


CLASSES = [  # (class, weight)
    ("deep_nesting", 8),
    ("huge_number", 8),
    ("random_bytes", 6),
    ("truncated", 6),
    ("not_an_object", 4),
    ("missing_field", 6),
    ("wrong_type", 14),
    ("bad_timestamp", 3),
    ("empty_body", 1),
    ("foreign_tenant", 4),
    ("reply_address", 5),
    ("too_large", 3),
    ("content_type", 5),
    ("odd_text", 6),
    ("odd_type", 4),
    ("card_value", 5),
    ("invoke", 6),
    ("action_execute", 4),
    ("bad_token", 8),
    ("good_token", 2),
]
SECURED = {"bad_token", "good_token"}


@dataclass
class Tally:
    statuses: dict[str, Counter[int]] = field(default_factory=dict)
    unexpected: list[tuple[Case, int]] = field(default_factory=list)

    def add(self, case: Case, status: int) -> None:
        self.statuses.setdefault(case.kind, Counter())[status] += 1
        if status not in case.expected:
            self.unexpected.append((case, status))

    @property
    def server_errors(self) -> int:
        return sum(n for counts in self.statuses.values() for s, n in counts.items() if s >= 500)

    def table(self, expected: dict[str, frozenset[int]]) -> str:
        lines = [f"{'class':<24} {'cases':>6}  {'expected':<10} {'got':<28} {'wrong':>5}"]
        for kind in sorted(self.statuses):
            counts = self.statuses[kind]
            wanted = expected[kind]
            got = ", ".join(f"{status}: {n}" for status, n in sorted(counts.items()))
            wrong = sum(n for status, n in counts.items() if status not in wanted)
            names = "/".join(str(status) for status in sorted(wanted))
            lines.append(f"{kind:<24} {sum(counts.values()):>6}  {names:<10} {got:<28} {wrong:>5}")
        total = sum(sum(counts.values()) for counts in self.statuses.values())
        lines.append(
            f"{'all':<24} {total:>6}  5xx: {self.server_errors}, wrong: {len(self.unexpected)}"
        )
        return "\n".join(lines)


async def _chunks(body: bytes) -> AsyncIterator[bytes]:
    for start in range(0, len(body), 64 * 1024):
        yield body[start : start + 64 * 1024]


async def send(session: aiohttp.ClientSession, url: str, case: Case) -> int:
    headers = {}
    skip = []
    if case.content_type is None:
        skip.append("Content-Type")
    else:
        headers["Content-Type"] = case.content_type
    if case.authorization is not None:
        headers["Authorization"] = case.authorization
    data: Any = _chunks(case.body) if case.chunked else io.BytesIO(case.body)
    async with session.post(url, data=data, headers=headers, skip_auto_headers=skip) as answer:
        await answer.read()
        return answer.status


async def run(
    cases: list[Case], anonymous_url: str, secured_url: str | None, concurrency: int = 8
) -> Tally:
    """Post every case to its bot (`.../api/messages`), `concurrency` at a time."""
    tally = Tally()
    waiting = asyncio.Queue[Case]()
    for case in cases:
        waiting.put_nowait(case)

    async def worker(session: aiohttp.ClientSession) -> None:
        while not waiting.empty():
            case = waiting.get_nowait()
            url = secured_url if case.secured and secured_url else anonymous_url
            tally.add(case, await send(session, url, case))

    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    return tally


def fuzzed_settings(folder: Path, connector: Connector, keys: KeyServer | None) -> Settings:
    """The bot as deployed (ALLOWED_TENANTS, reply allow-list), no notifier, on its own
    SQLite file in `folder`; with `keys`, an app id whose tokens `keys` signs."""
    settings = Settings(
        database_url=f"sqlite+aiosqlite:///{folder / ('secured.db' if keys else 'anonymous.db')}",
        today=TODAY,
        notify=False,
        allowed_tenants=(TENANT,),
        anonymous_service_urls=(connector.url,),
    )
    if keys is None:
        return settings
    return replace(
        settings,
        app_id=APP_ID,
        app_password="not-used-offline",
        openid_metadata_url=f"{keys.url}/.well-known/openid-configuration",
        service_url_allowlist=(connector.url,),
        login_url="http://127.0.0.1:9/",  # nothing is fetched from Entra ID offline
    )


def expected_by_class(cases: list[Case]) -> dict[str, frozenset[int]]:
    return {case.kind: case.expected for case in cases}
