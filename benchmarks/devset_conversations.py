"""The dev set's conversations (../shared/devset/conversations.jsonl) with Klyngebot over
its HTTP endpoint, each judged by the state it leaves behind: figures to compare.

    .venv/bin/python benchmarks/devset_conversations.py [--kb seeds|demo] [--locale en-US]
        [--json PATH] [--failures PATH] [--devset DIR] [--seeds DIR]

Each conversation gets a fresh SQLite file (a copy of one loaded from the five seeds as
`python app.py import` does; `--kb demo` restores the demo instead) and its own bot in
this process on loopback (today 2024-03-01, EDITORS = the test user), and is sent as a
Teams personal chat by that user, one turn after the other, each once the bot has
answered the one before. Turns are always sent as text, even where a card offers buttons.
When the bot still asks "ja/nej?" after the last turn, the harness answers "ja"/"yes" and
the result says so, except where nothing should be saved (cancelled, not_found): there
a confirmation still asked for is itself the failure, since saying yes would save.

The end state is read through the KnowledgeService facade of the running app:
- updated: the target item's newest status entry has the expected category, is the test
  user's, and its text holds `note_contains`; no other item got an entry from the user.
- cancelled / not_found: the user saved no status entry and the bot is not waiting for
  "ja" to save one (not_found: and no item was added); cancelled: and the dialog is over,
  which a "hjælp"/"help" sent after the state was read shows (the general help, intent
  "help", comes only from outside a dialog).
- subscribed: the conversation follows the target at the end.
- unsubscribed: it followed the target (all: anything) after some turn and no longer does.
- calendar_link: a reply carries a /calendar/ feed URL for the target.
The target is the item or body the dev set names, matched loosely (`TARGET_MATCH`); an
ordinal answer ("nummer to") picks from the list the bot showed, as the README asks, or,
when it showed none, from same-titled items in the README's assumed order (Region
Midtjylland before Region Syddanmark).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project and its test support

from rapidfuzz import fuzz  # noqa: E402

from benchmarks.devset_bot import (  # noqa: E402
    ARTIFACTS,
    DEVSET,
    LOCALES,
    SEEDS,
    USER_AAD,
    USER_NAME,
    Bot,
    IntentLog,
    bot_settings,
    capture_intents,
    commit,
    copy_database,
    load_knowledge,
    require,
    running_bot,
)
from benchmarks.devset_replies import asks_confirmation, calendar_urls, choices, reply_text  # noqa: E402
from benchmarks.devset_scoring import fold  # noqa: E402

TODAY = date(2024, 3, 1)
YES = {"da": "ja", "en": "yes"}
# Sent after the end state was read: answered inside a dialog (intent not "help"), it
# shows that the dialog is still open.
PROBE = {"da": "hjælp", "en": "help"}
KINDS = ("status_update", "cancel", "subscribe", "unsubscribe", "calendar", "correction")
TARGET_MATCH = 85  # rapidfuzz token_sort_ratio of folded names
ORDINALS = {
    1: r"f(ø|oe|o)rste|first|en|et|one|1",
    2: r"anden|andet|second|to|two|2",
    3: r"tredje|third|tre|three|3",
}
NOTHING_SAVED = ("cancelled", "not_found")
# The regions, as the last word of a calendar slug ("...-politisk-niveau-syddanmark").
REGION_WORDS = ("midtjylland", "syddanmark", "nordjylland", "sjaelland", "hovedstaden")
# Words in the user's turns that point at a region, to tell same-titled items apart.
REGION_HINTS = {
    "Region Midtjylland": ("midt", "midtjylland", "midtjyske", "midtklyngen"),
    "Region Syddanmark": ("syd", "syddanmark", "soenderjylland", "sonderjylland"),
}


@dataclass(frozen=True)
class Conversation:
    id: str
    lang: str
    kind: str
    turns: list[str]
    expect: dict[str, Any]
    note: str


@dataclass
class Exchange:
    user: str
    intent: str | None
    http_status: int
    reply: str
    offered: list[str]
    by_harness: bool = False


@dataclass
class Outcome:
    id: str
    lang: str
    kind: str
    outcome: str
    ok: bool
    reasons: list[str]
    harness_confirmed: bool
    dialog_open_at_end: bool
    target: str | None
    found: str | None
    transcript: list[Exchange] = field(default_factory=list)
    note: str = ""


@dataclass
class Run:
    """What one conversation did: the exchanges, the subscriptions after each turn, the
    calendar links, and the knowledge base at the end."""

    exchanges: list[Exchange]
    following: list[list[str]]  # subscription labels after each turn
    links: list[str]
    export: dict[str, Any]
    replies: list[list[dict[str, Any]]]
    probe_intent: str | None = None


def read_conversations(path: Path) -> list[Conversation]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    fields = ("id", "lang", "kind", "turns", "expect", "note")
    return [Conversation(**{key: row[key] for key in fields}) for row in rows]


def items_of(export: dict[str, Any]) -> list[dict[str, Any]]:
    return [*export.get("agreements", []), *export.get("initiatives", []), *export.get("items", [])]


def by_user(entry: dict[str, Any]) -> bool:
    return entry.get("author_id") == USER_AAD or entry.get("author") == USER_NAME


def names_match(name: str, target: str) -> bool:
    a, b = fold(name), fold(target)
    return a == b or fuzz.token_sort_ratio(a, b, processor=None) >= TARGET_MATCH


def ordinal(text: str) -> int | None:
    folded = fold(text)
    for number, words in ORDINALS.items():
        if re.fullmatch(rf"(nummer|number|nr|no|den|det|the)?\s*({words})(\s+(en|one))?", folded):
            return number
    return None


def split_label(label: str) -> tuple[str, str | None]:
    """ "Title (Region Midtjylland)" -> ("Title", "Region Midtjylland")."""
    found = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*", label)
    return (found[1], found[2]) if found else (label, None)


def picked_by_ordinal(target: str, exchanges: list[Exchange]) -> tuple[str, str | None] | None:
    """The (title, detail) an ordinal turn chose from the list the bot showed before it,
    when that list is the choice between items named like the target."""
    for before, turn in itertools.pairwise(exchanges):
        number = ordinal(turn.user)
        offered = [split_label(label) for label in before.offered]
        if number is None or not offered or number > len(offered):
            continue
        if any(
            fuzz.token_set_ratio(fold(t), fold(target), processor=None) >= 90 for t, _ in offered
        ):
            return offered[number - 1]
    return None


def _hinted(candidates: list[dict[str, Any]], turns: str) -> list[dict[str, Any]]:
    def hinted(item: dict[str, Any]) -> bool:
        words = set(fold(turns).split())
        cluster = fold(item.get("cluster") or "")
        region_words = REGION_HINTS.get(item.get("region") or "", ())
        return bool(cluster and cluster in fold(turns)) or bool(words & set(region_words))

    narrowed = [item for item in candidates if hinted(item)]
    return narrowed or candidates


def _placed(item: dict[str, Any], detail: str | None) -> bool:
    """Whether a choice's detail ("Region Midtjylland", "Midtklyngen") fits the item."""
    return detail is None or detail in (item.get("region"), item.get("cluster"))


def target_items(
    target: str, export: dict[str, Any], exchanges: list[Exchange]
) -> list[dict[str, Any]]:
    """The items the expected target can be: same title (else the closest), narrowed by an
    ordinal pick or by region words in the user's turns."""
    items = items_of(export)
    picked = picked_by_ordinal(target, exchanges)
    if picked is not None:
        title, detail = picked
        chosen = [i for i in items if fold(i["title"]) == fold(title) and _placed(i, detail)]
        if chosen:
            return chosen
    same = [item for item in items if fold(item["title"]) == fold(target)]
    if not same:
        same = [item for item in items if names_match(item["title"], target)]
    said = [e.user for e in exchanges if not e.by_harness]
    number = next((n for text in said if (n := ordinal(text)) is not None), None)
    if number is not None and 1 < len(same) and number <= len(same):
        return [sorted(same, key=_assumed_order)[number - 1]]
    return _hinted(same, " ".join(said))


def _assumed_order(item: dict[str, Any]) -> int:
    """The README's order for ordinal answers: Region Midtjylland, Region Syddanmark."""
    order = list(REGION_HINTS)
    region = item.get("region")
    return order.index(region) if region in order else len(order)


def _newest(item: dict[str, Any]) -> dict[str, Any] | None:
    history = item.get("status_history") or []
    return history[-1] if history else None


def _entry_problems(entry: dict[str, Any] | None, expect: dict[str, Any]) -> list[str]:
    if entry is None:
        return ["the target has no status"]
    if not by_user(entry):
        author, category = entry.get("author"), entry.get("category")
        return [f"the test user saved nothing on it (newest: {category}, by {author!r})"]
    problems = []
    if entry.get("category") != expect["new_status_category"]:
        problems.append(
            f"newest status {entry.get('category')}, wanted {expect['new_status_category']}"
        )
    wanted = expect.get("note_contains")
    if wanted and fold(wanted) not in fold(entry.get("text") or ""):
        problems.append(f"note {entry.get('text')!r} lacks {wanted!r}")
    return problems


def judge_update(conv: Conversation, run: Run) -> tuple[list[str], str | None]:
    candidates = target_items(conv.expect["target"], run.export, run.exchanges)
    if not candidates:
        return [f"no item like {conv.expect['target']!r} in the knowledge base"], None
    changed = [item for item in candidates if (e := _newest(item)) is not None and by_user(e)]
    item = changed[0] if len(changed) == 1 else candidates[0]
    problems = _entry_problems(_newest(item), conv.expect)
    if len(candidates) > 1 and not changed:
        problems.append(f"{len(candidates)} items are named like the target")
    others = [
        i["title"]
        for i in items_of(run.export)
        if i is not item and any(by_user(e) for e in i.get("status_history") or [])
    ]
    if others:
        problems.append(f"also saved a status on {others}")
    found = f"{item['title']} ({item.get('region')})"
    return problems, found


def judge_nothing_saved(conv: Conversation, run: Run, baseline: dict[str, Any]) -> list[str]:
    saved = [
        i["title"]
        for i in items_of(run.export)
        if any(by_user(e) for e in i.get("status_history") or [])
    ]
    problems = [f"saved a status on {saved}"] if saved else []
    if run.replies and asks_confirmation(run.replies[-1]):
        problems.append("the bot still asks ja/nej to save after the last turn")
    elif conv.expect["outcome"] == "cancelled" and run.probe_intent != "help":
        problems.append(f"the dialog is still open after the last turn (probe: {run.probe_intent})")
    if conv.expect["outcome"] == "not_found" and len(items_of(run.export)) != len(
        items_of(baseline)
    ):
        problems.append("the number of items changed")
    return problems


def _follows(labels: list[str], target: str | None) -> bool:
    return bool(labels) if target is None else any(names_match(label, target) for label in labels)


def judge_subscriptions(conv: Conversation, run: Run) -> list[str]:
    target, final = conv.expect["target"], run.following[-1] if run.following else []
    if conv.expect["outcome"] == "subscribed":
        return [] if _follows(final, target) else [f"does not follow {target!r} (follows {final})"]
    problems = []
    if not any(_follows(labels, target) for labels in run.following[:-1]):
        problems.append(f"never followed {target or 'anything'!r} before unsubscribing")
    if _follows(final, target):
        problems.append(f"still follows {final}")
    return problems


def _slug_name(slug: str) -> str:
    """ "sundhedsklynge-soenderjylland-politisk-niveau-syddanmark": the name without the
    region that tells same-named bodies apart."""
    words = slug.split("-")
    return " ".join(words[:-1] if len(words) > 1 and words[-1] in REGION_WORDS else words)


def judge_calendar(conv: Conversation, run: Run) -> list[str]:
    if not run.links:
        return ["no /calendar/ link in the replies"]
    slugs = [link.split("/calendar/", 1)[1].split("/", 1)[0] for link in run.links]
    target = conv.expect["target"]
    if not any(names_match(_slug_name(slug), target) for slug in slugs):
        return [f"calendar link for {slugs}, not {target!r}"]
    return []


def judge(conv: Conversation, run: Run, baseline: dict[str, Any]) -> tuple[list[str], str | None]:
    outcome = conv.expect["outcome"]
    if outcome == "updated":
        return judge_update(conv, run)
    if outcome in ("cancelled", "not_found"):
        return judge_nothing_saved(conv, run, baseline), None
    if outcome in ("subscribed", "unsubscribed"):
        return judge_subscriptions(conv, run), None
    return judge_calendar(conv, run), None


async def _exchange(
    bot: Bot, text: str, chat: str, locale: str, by_harness: bool
) -> tuple[Exchange, list[dict[str, Any]]]:
    turn = await bot.send(text, chat, locale)
    offered = choices(turn.replies)
    exchange = Exchange(
        text, turn.intent, turn.status, reply_text(turn.replies), offered, by_harness
    )
    return exchange, turn.replies


async def _following(bot: Bot, chat: str) -> list[str]:
    return [line.target.label for line in await bot.service.subscriptions(chat)]


async def converse(bot: Bot, conv: Conversation, locale: str) -> Run:
    chat = f"a:devset-conversation-{conv.id}"
    run = Run([], [], [], {}, [])
    for text in conv.turns:
        exchange, replies = await _exchange(bot, text, chat, locale, by_harness=False)
        run.exchanges.append(exchange)
        run.replies.append(replies)
        run.following.append(await _following(bot, chat))
    confirm = conv.expect["outcome"] not in NOTHING_SAVED
    if confirm and run.replies and asks_confirmation(run.replies[-1]):
        exchange, replies = await _exchange(bot, YES[conv.lang], chat, locale, by_harness=True)
        run.exchanges.append(exchange)
        run.replies.append(replies)
        run.following.append(await _following(bot, chat))
    run.links = calendar_urls(reply for replies in run.replies for reply in replies)
    run.export = await bot.service.export()
    run.probe_intent = (await bot.send(PROBE[conv.lang], chat, locale)).intent
    return run


async def run_all(
    conversations: Sequence[Conversation],
    template: Path,
    folder: Path,
    log: IntentLog,
    locale_mode: str | None,
) -> list[Outcome]:
    baseline: dict[str, Any] = {}
    outcomes = []
    for conv in conversations:
        database = folder / f"{conv.id}.db"
        copy_database(template, database)
        settings = bot_settings(database, today=TODAY, editors=(USER_AAD,))
        async with running_bot(settings, log) as bot:
            if not baseline:
                baseline = await bot.service.export()
            run = await converse(bot, conv, locale_mode or LOCALES[conv.lang])
        reasons, found = judge(conv, run, baseline)
        outcomes.append(
            Outcome(
                id=conv.id,
                lang=conv.lang,
                kind=conv.kind,
                outcome=conv.expect["outcome"],
                ok=not reasons,
                reasons=reasons,
                harness_confirmed=any(e.by_harness for e in run.exchanges),
                dialog_open_at_end=run.probe_intent != "help",
                target=conv.expect["target"],
                found=found,
                transcript=run.exchanges,
                note=conv.note,
            )
        )
        database.unlink(missing_ok=True)
    return outcomes


def _share(rows: Sequence[Outcome]) -> str:
    return f"{sum(r.ok for r in rows)}/{len(rows)}" if rows else "-"


def table(outcomes: Sequence[Outcome]) -> list[str]:
    head = f"{'kind':<15}{'da':>9}{'en':>9}{'all':>9}{'harness ja':>12}"
    lines = [head, "-" * len(head)]
    for kind in (*KINDS, None):
        rows = [o for o in outcomes if kind is None or o.kind == kind]
        if kind is None:
            lines.append("-" * len(head))
        cells = [_share([o for o in rows if o.lang == lang]) for lang in ("da", "en")]
        confirmed = sum(o.harness_confirmed for o in rows)
        lines.append(
            f"{kind or 'all':<15}"
            + "".join(f"{c:>9}" for c in (*cells, _share(rows)))
            + f"{confirmed:>12}"
        )
    by_outcome = {o.outcome for o in outcomes}
    lines.append("")
    lines.append(
        "by expected outcome: "
        + ", ".join(
            f"{name} {_share([o for o in outcomes if o.outcome == name])}"
            for name in sorted(by_outcome)
        )
    )
    return lines


def failures_report(outcomes: Sequence[Outcome], header: list[str]) -> str:
    lines = [*header, ""]
    for o in outcomes:
        if o.ok:
            continue
        lines += [
            "",
            f"==== {o.id} [{o.lang}] {o.kind} -> expected {o.outcome} of {o.target!r}",
            f"  why: {'; '.join(o.reasons)}",
            f"  found: {o.found}" if o.found else "  found: -",
            f"  note: {o.note}",
        ]
        for e in o.transcript:
            who = "harness" if e.by_harness else "user"
            lines.append(f"  {who}> {e.user}")
            lines.append(
                f"    bot [{e.intent}, HTTP {e.http_status}]> " + e.reply.replace("\n", "\n      ")
            )
    return "\n".join(lines) + "\n"


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", choices=("seeds", "demo"), default="seeds")
    parser.add_argument("--locale", choices=("en-US",), help="send this locale for every turn")
    parser.add_argument("--json", type=Path, default=ARTIFACTS / "conversations.json")
    parser.add_argument("--failures", type=Path, default=ARTIFACTS / "conversations-failures.txt")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    path = require(args.devset / "conversations.jsonl", "the dev set's conversations")
    conversations = read_conversations(path)
    log = capture_intents()
    with tempfile.TemporaryDirectory(prefix="devset-conversations-") as name:
        folder = Path(name)
        kb = load_knowledge(args.kb, folder / "template.db", args.seeds)
        outcomes = asyncio.run(
            run_all(conversations, folder / "template.db", folder, log, args.locale)
        )
    locale = args.locale or "da-DK/en-US by the conversation's language"
    header = [
        f"dev-set conversations at {commit()}: knowledge base {kb.upper()}, locale {locale}",
        "ended as expected / total; 'harness ja' = the harness answered a last ja/nej itself",
        f"{len(log.problems)} error lines logged by the bot",
    ]
    lines = [*header, "", *table(outcomes)]
    failing = [
        f"  {o.id} [{o.lang}] {o.kind}: {'; '.join(o.reasons)}" for o in outcomes if not o.ok
    ]
    lines += ["", f"failing ({len(failing)}):", *failing]
    print("\n".join(lines))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "commit": commit(),
        "kb": kb,
        "locale": locale,
        "lines": lines,
        "results": [asdict(o) for o in outcomes],
    }
    args.json.write_text(
        json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    args.failures.write_text(failures_report(outcomes, lines), encoding="utf-8")
    print(f"\nwrote {args.json} and {args.failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
