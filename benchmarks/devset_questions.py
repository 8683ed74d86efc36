"""The dev set's questions (../shared/devset/questions.jsonl) asked through Klyngebot's
HTTP endpoint and scored by the dev set's rules: figures to compare before and after.

    .venv/bin/python benchmarks/devset_questions.py [--kb seeds|demo] [--locale en-US]
        [--json PATH] [--failures PATH] [--devset DIR] [--seeds DIR]

The knowledge base is the five seeds imported into a fresh SQLite file as `python app.py
import` does (`--kb demo`, or a refused seed, restores the demo export instead; the
script says loudly which). Every question goes as a Teams personal-chat message (its own
conversation, locale da-DK or en-US after the question's language; `--locale en-US` sends
en-US for all, as the Agents Playground does) over real HTTP to the bot in this process,
one app per `as_of` date (today = `as_of`, else 2024-03-01); the connector fake records the
replies and the turn's log line gives the intent.

A question is correct when the bot's intent can answer it (`BOT_INTENTS`) and its reply
shows every `must_mention` fact (benchmarks/devset_scoring.py). Out of scope is correct
when the reply is honest (`HONEST`: "I don't know", "did you mean" choices, or "the
knowledge base has none"); help when it is the help text; small talk when it is help or a
small-talk reply (`KIND_INTENTS`, the answer kind read by `INTENT_KINDS` and the card).
The language of the reply (function words) is scored on its own.

Written: the table to standard output, every result to --json, the misses by intent to
--failures. The dev set's text stays there: it is read at run time, never copied here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script: the project and its test support

from benchmarks.devset_bot import (  # noqa: E402
    ARTIFACTS,
    DEVSET,
    LOCALES,
    SEEDS,
    Bot,
    IntentLog,
    bot_settings,
    capture_intents,
    commit,
    load_knowledge,
    require,
    running_bot,
)
from benchmarks.devset_replies import answer_kind, reply_text  # noqa: E402
from benchmarks.devset_scoring import language_of, missing_facts  # noqa: E402

# ---- The mapping tables: update these when the engine's intent names change. ----------
# A bot intent (the per-turn log line's `intent`) -> the dev-set intents it can answer.
BOT_INTENTS: dict[str, tuple[str, ...]] = {
    "status": ("status", "date", "what_is"),  # an item card: status, its dates, "Hvad"
    "next_meeting": ("next_meeting", "date"),
    "meetings_in_period": ("meetings_list", "date"),
    "decisions": ("decision", "date"),  # decisions carry their meeting's date
    "list": ("list",),
    "changes": ("changes",),
    "who": ("who",),
    "budget": ("budget",),
    # an item's or body's overview (a name without a question): status, key dates, what
    # it is, its coming meetings and latest decisions
    "overview": ("status", "date", "what_is", "next_meeting", "decision"),
    # names a rewritten engine may log
    "date": ("date",),
    "what_is": ("what_is",),
    "meetings_list": ("meetings_list",),
    "decision": ("decision",),
}
# A bot intent that is an answer kind of its own -> that kind (benchmarks/devset_replies.py
# reads the other kinds from the reply: "did you mean" choices, "the knowledge base has none").
INTENT_KINDS: dict[str, str] = {
    "unknown": "not_known",
    "help": "help",
    # names a rewritten engine may log
    "not_known": "not_known",
    "out_of_scope": "not_known",
    "smalltalk": "smalltalk",
    "greeting": "smalltalk",
    "thanks": "smalltalk",
}
# Dev-set intents judged by the answer kind instead of BOT_INTENTS and must_mention.
HONEST = ("not_known", "clarify", "none_found")  # out of scope: says it has nothing
KIND_INTENTS: dict[str, tuple[str, ...]] = {
    "out_of_scope": HONEST,
    "help": ("help",),
    "smalltalk": ("help", "smalltalk"),
}
# ----------------------------------------------------------------------------------------

DEFAULT_TODAY = date(2024, 3, 1)
INTENTS = (
    "status",
    "date",
    "next_meeting",
    "meetings_list",
    "decision",
    "who",
    "budget",
    "list",
    "changes",
    "what_is",
    "out_of_scope",
    "help",
    "smalltalk",
)
TRANSLATION = "  (the note allows a translated term in an English answer: judge by hand)"
REPLY_SHOWN = 900  # characters of a reply in the failures report (the JSON has all)


@dataclass(frozen=True)
class Question:
    number: int
    q: str
    lang: str
    intent: str
    must_mention: list[str | int | float]
    as_of: str | None
    note: str


@dataclass(frozen=True)
class Result:
    number: int
    q: str
    lang: str
    expected_intent: str
    bot_intent: str | None
    answer_kind: str
    intent_right: bool
    missing: list[str | int | float]
    correct: bool
    reply_lang: str
    lang_right: bool
    http_status: int
    as_of: str | None
    locale: str
    note: str
    reply: str


def read_questions(path: Path) -> list[Question]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    fields = ("q", "lang", "intent", "must_mention", "as_of", "note")
    return [Question(n, **{key: row[key] for key in fields}) for n, row in enumerate(rows, 1)]


def intent_right(expected: str, bot_intent: str | None, kind: str) -> bool:
    if expected in KIND_INTENTS:
        return kind in KIND_INTENTS[expected]
    return expected in BOT_INTENTS.get(bot_intent or "", ())


def score(
    question: Question, bot_intent: str | None, replies: list[dict[str, Any]]
) -> dict[str, Any]:
    text = reply_text(replies)
    kind = answer_kind(bot_intent, replies, INTENT_KINDS)
    right = intent_right(question.intent, bot_intent, kind)
    missing = missing_facts(question.must_mention, text)
    reply_lang = language_of(text)
    return {
        "bot_intent": bot_intent,
        "answer_kind": kind,
        "intent_right": right,
        "missing": missing,
        "correct": right and not missing,
        "reply_lang": reply_lang,
        "lang_right": reply_lang == question.lang,
        "reply": text,
    }


async def ask(bot: Bot, question: Question, locale_mode: str | None) -> Result:
    locale = locale_mode or LOCALES[question.lang]
    turn = await bot.send(question.q, f"a:devset-question-{question.number}", locale)
    scored = score(question, turn.intent, turn.replies)
    return Result(
        number=question.number,
        q=question.q,
        lang=question.lang,
        expected_intent=question.intent,
        http_status=turn.status,
        as_of=question.as_of,
        locale=locale,
        note=question.note,
        **scored,
    )


async def ask_all(
    questions: Sequence[Question], database: Path, log: IntentLog, locale_mode: str | None
) -> list[Result]:
    """One app per date, the questions of that date in order."""
    by_day: dict[date, list[Question]] = defaultdict(list)
    for question in questions:
        day = date.fromisoformat(question.as_of) if question.as_of else DEFAULT_TODAY
        by_day[day].append(question)
    results: list[Result] = []
    for day in sorted(by_day):
        async with running_bot(bot_settings(database, today=day), log) as bot:
            results += [await ask(bot, question, locale_mode) for question in by_day[day]]
    return sorted(results, key=lambda result: result.number)


def _share(results: Iterable[Result], attribute: str) -> str:
    rows = list(results)
    return f"{sum(getattr(r, attribute) for r in rows)}/{len(rows)}" if rows else "-"


def table(results: Sequence[Result]) -> list[str]:
    head = f"{'intent':<14}" + "".join(
        f"{h:>13}"
        for h in ("da correct", "da intent", "en correct", "en intent", "all correct", "all intent")
    )
    lines = [head, "-" * len(head)]
    for intent in (*INTENTS, None):
        rows = [r for r in results if intent is None or r.expected_intent == intent]
        if intent is None:
            lines.append("-" * len(head))
        cells = []
        for lang in ("da", "en", None):
            chosen = [r for r in rows if lang is None or r.lang == lang]
            cells += [_share(chosen, "correct"), _share(chosen, "intent_right")]
        lines.append(f"{intent or 'all':<14}" + "".join(f"{cell:>13}" for cell in cells))
    return lines


def language_lines(results: Sequence[Result]) -> list[str]:
    lines = []
    for lang in ("da", "en"):
        rows = [r for r in results if r.lang == lang]
        seen = Counter(r.reply_lang for r in rows)
        lines.append(
            f"answers in the question's language, {lang}: {_share(rows, 'lang_right')}"
            f" (replies read as da {seen['da']}, en {seen['en']}, undecided {seen['?']})"
        )
    lines.append(f"answers in the question's language, all: {_share(results, 'lang_right')}")
    return lines


def honesty_lines(results: Sequence[Result]) -> list[str]:
    rows = [r for r in results if r.expected_intent == "out_of_scope"]
    kinds = Counter(r.answer_kind for r in rows)
    honest = sum(kinds[k] for k in HONEST)
    others = [f"{k} {n}" for k, n in sorted(kinds.items()) if k not in (*HONEST, "answer")]
    return [
        f"out of scope ({len(rows)}): honest {honest} (not known {kinds['not_known']}, "
        f"did-you-mean {kinds['clarify']}, says the knowledge base has none "
        f"{kinds['none_found']}); answered with facts (invented) {kinds['answer']}; "
        f"other {sum(kinds.values()) - honest - kinds['answer']} ({', '.join(others) or 'none'})"
    ]


def failures_report(results: Sequence[Result], header: list[str]) -> str:
    lines = [*header, ""]
    for intent in INTENTS:
        misses = [r for r in results if r.expected_intent == intent and not r.correct]
        total = sum(r.expected_intent == intent for r in results)
        lines += ["", f"==== {intent}: {len(misses)} of {total} not correct", ""]
        for r in misses:
            lines += [
                f"#{r.number} [{r.lang}, {r.locale}] {r.q!r}"
                + (f" (as of {r.as_of})" if r.as_of else ""),
                f"  bot intent {r.bot_intent} ({'right' if r.intent_right else 'WRONG'}), "
                f"answer kind {r.answer_kind}, reply read as {r.reply_lang}, HTTP {r.http_status}",
                f"  missing: {r.missing}" if r.missing else "  missing: nothing",
                f"  note: {r.note}",
                *([TRANSLATION] if "translat" in r.note.lower() else []),
                "  reply: " + r.reply[:REPLY_SHOWN].replace("\n", "\n         "),
                "",
            ]
    return "\n".join(lines) + "\n"


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kb", choices=("seeds", "demo"), default="seeds")
    parser.add_argument("--locale", choices=("en-US",), help="send this locale for every question")
    parser.add_argument("--json", type=Path, default=ARTIFACTS / "questions.json")
    parser.add_argument("--failures", type=Path, default=ARTIFACTS / "questions-failures.txt")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    questions = read_questions(require(args.devset / "questions.jsonl", "the dev set's questions"))
    log = capture_intents()
    with tempfile.TemporaryDirectory(prefix="devset-questions-") as folder:
        database = Path(folder) / "kb.db"
        kb = load_knowledge(args.kb, database, args.seeds)
        results = asyncio.run(ask_all(questions, database, log, args.locale))
    locale = args.locale or "da-DK/en-US by the question's language"
    header = [
        f"dev-set questions at {commit()}: knowledge base {kb.upper()}, locale {locale}",
        "correct = intent right and every must_mention fact shown",
        f"{len(log.problems)} error lines logged by the bot",
    ]
    lines = [*header, "", *table(results), "", *language_lines(results), *honesty_lines(results)]
    print("\n".join(lines))
    args.json.parent.mkdir(parents=True, exist_ok=True)
    summary = {"commit": commit(), "kb": kb, "locale": locale, "lines": lines}
    document = {**summary, "results": [asdict(r) for r in results]}
    args.json.write_text(
        json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    args.failures.parent.mkdir(parents=True, exist_ok=True)
    args.failures.write_text(failures_report(results, lines), encoding="utf-8")
    print(f"\nwrote {args.json} and {args.failures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
