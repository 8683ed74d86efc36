"""Answering a question: understand it, resolve what it names, fetch, and answer.

`ask` is the engine behind `KnowledgeService.ask`. The language comes from the words
(`knowledge.understanding.language`), intent and slots from
`knowledge.understanding.intents`; each intent's answerer (in `item_replies`,
`meeting_replies`) resolves names against the snapshot's index with the policy of
`resolution` and reads only the rows it shows (`lookup`). What cannot be resolved well
enough becomes a `Clarify` (with choices) or a `NotKnown` (with example questions), never
a guess.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.answers.context import Asked, clarify, not_known, resolve_named
from knowledge.answers.item_replies import answer_item, changes_answer, item_answer, list_answer
from knowledge.answers.kinds import Answer, HelpAnswer, ScopeSet
from knowledge.answers.meeting_replies import decisions_answer, meetings_answer, next_meeting_answer
from knowledge.answers.resolution import PLACES, resolve
from knowledge.answers.snapshot import Snapshot
from knowledge.core.chat import QUESTION_MAX, ChatScope
from knowledge.understanding.intents import Intent, question_of
from knowledge.understanding.reading import read

Answerer = Callable[[Asked], Awaitable[Answer]]  # one intent's way to answer
_GUESSED = frozenset({"item", "body", "cluster", "region", "party", "area"})


async def ask(
    session: AsyncSession,
    snapshot: Snapshot,
    text: str,
    *,
    lang_hint: str | None,
    scope: ChatScope,
    today: date,
    offset: int = 0,
    views: dict[str, Any] | None = None,
) -> Answer:
    """The answer to the first `QUESTION_MAX` characters of `text`; `offset` skips the
    entries of a list already shown; `views` is the memo of item views of the snapshot's
    generation (`SnapshotCache.fresh`)."""
    text = text[:QUESTION_MAX]
    reading = read(text, today=today, names=snapshot.names, hint_lang=lang_hint)
    question = question_of(reading, today)
    asked = Asked(session, snapshot, question, scope, today, max(0, offset), views)
    return await _ANSWERERS[question.intent](asked)


async def help_answer(asked: Asked) -> Answer:
    return HelpAnswer("help", asked.lang)


async def scope_answer(asked: Asked) -> Answer:
    """ "vi er Midtklyngen": a cluster (and so its region) or a region."""
    resolution = resolve(asked.snapshot, asked.question.subject, PLACES)
    if resolution.outcome == "missing":
        return not_known(asked)
    if resolution.outcome != "found":
        return clarify(asked, "set_scope", resolution)
    place = resolution.entity
    cluster = place.label if place.kind == "cluster" else None
    return ScopeSet("set_scope", asked.lang, place.region, cluster)


async def unknown_answer(asked: Asked) -> Answer:
    """No cue: a bare name of an item asks its status; of a body or cluster, its meetings;
    of a party, area or region, what it takes part in."""
    resolution, _ = resolve_named(asked, _GUESSED)
    how_to = asked.question.reading is not None and asked.question.reading.score("help") > 0
    if resolution.outcome == "missing" or (how_to and resolution.outcome != "found"):
        return not_known(asked)  # "how do I reset my password": nothing of ours
    top = resolution.entity
    if top.kind == "item":
        return await answer_item(asked, "status", resolution)
    if resolution.outcome != "found":
        return clarify(asked, "next_meeting", resolution)
    if top.kind in ("body", "cluster"):
        return await next_meeting_answer(asked, top)
    return await list_answer(asked, place=top)


_ANSWERERS: dict[Intent, Answerer] = {
    "status": item_answer,
    "date": unknown_answer,
    "what_is": unknown_answer,
    "overview": unknown_answer,
    "smalltalk": help_answer,
    "who": item_answer,
    "budget": item_answer,
    "list": list_answer,
    "changes": changes_answer,
    "next_meeting": next_meeting_answer,
    "meetings_in_period": meetings_answer,
    "decisions": decisions_answer,
    "help": help_answer,
    "set_scope": scope_answer,
    "unknown": unknown_answer,
}
