"""The acceptance questions, asked through the bot's real HTTP endpoint.

Every question of `question_set.QUESTIONS` goes to POST /api/messages as a Teams message
(its own conversation; a scoped question first sends "vi er <scope>"), and the reply the
connector fake receives is checked against its expectation. The figures asked for are
top-1 accuracy over the answerable questions and the share of unanswerable questions
refused; both must be at least 95 %. The full report (every miss with its reason) is
written to test-artifacts/questions.txt.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient

from tests.questions.checks import check
from tests.questions.expectations import Unknown
from tests.questions.question_set import QUESTIONS, Question
from tests.support.activities import message
from tests.support.bot import post
from tests.support.connector import Connector

REPORT = Path(__file__).resolve().parents[2] / "test-artifacts" / "questions.txt"
REQUIRED = 0.95


@dataclass(frozen=True)
class Outcome:
    question: Question
    problem: str | None


async def _ask(bot: TestClient[Any, Any], connector: Connector, n: int, q: Question) -> Outcome:
    locale = "en-GB" if q.lang == "en" else "da-DK"
    conversation = f"a:acceptance-{n}"
    if q.scope:
        await post(bot, message(f"vi er {q.scope}", connector.url, conversation=conversation))
    connector.clear()
    response = await post(
        bot, message(q.text, connector.url, conversation=conversation, locale=locale)
    )
    replies = connector.messages()
    if response.status != 201 or len(replies) != 1:
        return Outcome(q, f"HTTP {response.status}, {len(replies)} replies")
    return Outcome(q, check(q.expect, replies[0], q.lang))


@pytest.fixture
async def outcomes(bot: TestClient[Any, Any], connector: Connector) -> list[Outcome]:
    return [await _ask(bot, connector, n, q) for n, q in enumerate(QUESTIONS)]


def _share(outcomes: list[Outcome]) -> float:
    return sum(o.problem is None for o in outcomes) / len(outcomes) if outcomes else 0.0


def _write_report(answerable: list[Outcome], refusable: list[Outcome]) -> str:
    lines = [
        f"top-1 accuracy on {len(answerable)} answerable questions: {_share(answerable):.1%}",
        f"unanswerable questions refused: {_share(refusable):.1%} of {len(refusable)}",
        "",
    ]
    for outcome in answerable + refusable:
        if outcome.problem:
            q = outcome.question
            lines.append(
                f"MISS [{q.lang}] {q.text!r} -> {type(q.expect).__name__}: {outcome.problem}"
            )
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "\n".join(lines[:40])


async def test_acceptance_questions_through_http(outcomes: list[Outcome]) -> None:
    answerable = [o for o in outcomes if not isinstance(o.question.expect, Unknown)]
    refusable = [o for o in outcomes if isinstance(o.question.expect, Unknown)]

    summary = _write_report(answerable, refusable)
    print(summary)

    assert _share(answerable) >= REQUIRED, summary
    assert _share(refusable) >= REQUIRED, summary
