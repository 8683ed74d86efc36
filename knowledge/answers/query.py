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

from knowledge.answers.context import Asked, clarify, lacking, not_known, outside, resolve_named
from knowledge.answers.item_replies import (
    ITEM_INTENTS,
    answer_item,
    changes_answer,
    item_answer,
    list_answer,
)
from knowledge.answers.kinds import Answer, HelpAnswer, NotKnown, ScopeSet, SmallTalk
from knowledge.answers.meeting_replies import decisions_answer, meetings_answer, next_meeting_answer
from knowledge.answers.overview import overview_answer
from knowledge.answers.resolution import PLACES, resolve
from knowledge.answers.snapshot import Snapshot
from knowledge.answers.text_replies import from_text
from knowledge.core.chat import QUESTION_MAX, ChatScope
from knowledge.understanding.entities import Entity
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
    # the engine resolves what the question names itself (`context.resolve_named`)
    reading = read(text, today=today, hint_lang=lang_hint)
    question = question_of(reading, today)
    asked = Asked(session, snapshot, question, scope, today, max(0, offset), views)
    answer = await _ANSWERERS[question.intent](asked)
    if isinstance(answer, NotKnown):  # the records lack it: the text may have it
        return from_text(asked, answer) or answer
    return answer


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
    """Entity first: whatever the subject names, answered with what is asked of it; a
    bare name of an item or body with its overview; of a party, area or region, what it
    takes part in. Help that names something ("how do I reset my Teams password") must
    name it well."""
    resolution, _ = resolve_named(asked, _GUESSED)
    reading = asked.question.reading
    how_to = reading is not None and reading.score("help") > 0
    if resolution.outcome == "missing" or (how_to and resolution.outcome != "found"):
        return not_known(asked)  # "how do I reset my password": nothing of ours
    top, intent = resolution.entity, asked.question.intent
    if top.kind == "item":
        if intent in ITEM_INTENTS:
            return await answer_item(asked, intent, resolution)
        if resolution.outcome != "found":
            return clarify(asked, "status", resolution)
        return outside(asked, resolution) or await _overview(asked, top)
    if resolution.outcome != "found":
        return clarify(asked, "next_meeting", resolution)
    if top.kind in ("body", "cluster"):
        return await _place_answer(asked, intent, top)
    return await list_answer(asked, place=top)


async def _place_answer(asked: Asked, intent: Intent, place: Entity) -> Answer:
    if intent == "date":
        return await next_meeting_answer(asked, place)
    if intent == "who":
        return lacking(asked, place.label, "person")
    return await _overview(asked, place)


async def _overview(asked: Asked, entity: Entity) -> Answer:
    return await overview_answer(asked, entity) or not_known(asked)


async def small_talk(asked: Asked) -> Answer:
    reading = asked.question.reading
    thanks = reading is not None and "thanks" in reading.acts
    return SmallTalk("smalltalk", asked.lang, "thanks" if thanks else "greeting")


_ANSWERERS: dict[Intent, Answerer] = {
    "status": item_answer,
    "who": item_answer,
    "budget": item_answer,
    "date": unknown_answer,
    "what_is": unknown_answer,
    "overview": unknown_answer,
    "list": list_answer,
    "changes": changes_answer,
    "next_meeting": next_meeting_answer,
    "meetings_in_period": meetings_answer,
    "decisions": decisions_answer,
    "help": help_answer,
    "smalltalk": small_talk,
    "set_scope": scope_answer,
    "unknown": unknown_answer,
}
