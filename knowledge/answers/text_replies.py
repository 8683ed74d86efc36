"""The fact from the documents' text, when the records do not hold it.

An answer that would say "I don't know" (or "the documents mention X, but not when")
first asks the passage search (`passages.Passages`) with the question as typed, the
documents and headings of the thing it names weighed up (the hybrid with the name index:
`PassageIndex.search`'s boost); a quote counts only when its passage is confidently about
the question and its sentence holds the kind of fact asked for (a date for "hvornår", a
person for "hvem", an amount for "hvor meget"). Otherwise the honest answer stands. A
thing known only elsewhere than the question says stays that answer.
"""

from __future__ import annotations

import re

from knowledge.answers.context import Asked
from knowledge.answers.kinds import NotKnown, PassageAnswer

NAMED_BOOST = 2.0  # a passage of the named thing's document or under its heading
NO_TEXT = frozenset({"help", "smalltalk", "set_scope"})
# Facts the text may give; a status and an overview come from the records alone.
TEXT_KINDS = frozenset({"date", "person", "amount", "place", "decision", "definition"})
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def from_text(asked: Asked, refusal: NotKnown) -> PassageAnswer | None:
    search, question = asked.snapshot.passages, asked.question
    if search is None or refusal.elsewhere or question.intent in NO_TEXT:
        return None
    text = question.reading.text if question.reading is not None else question.subject_text
    boost = {refusal.known: NAMED_BOOST} if refusal.known else None
    quote = search.quote(text, boost=boost)
    if quote is None or not quote.kind_found or quote.kind not in TEXT_KINDS:
        return None
    years = set(_YEAR.findall(text))
    if years and not years <= set(_YEAR.findall(quote.passage.text)):
        return None  # "the rate in 2021": a passage of other years does not say
    heading = quote.path[-1] if quote.path else None
    passage = quote.passage
    return PassageAnswer(
        question.intent,
        asked.lang,
        quote.sentence.strip(),
        passage.document,
        passage.title,
        heading,
        passage.document_date,
        refusal.known,
    )
