"""The index over the five seeds (split by our own splitter) against our labelled questions:
the right section in the top 3, and questions about absent things refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.text.confidence import CONFIDENT
from knowledge.text.index import PassageIndex
from knowledge.text.passages import Passage
from knowledge.understanding.normalise import loose
from tests.knowledge.text.labelled import ABSENT, LABELLED, PARAPHRASED
from tests.knowledge.text.sections import passages_of

pytestmark = pytest.mark.seeds
ALLOWED_MISSES = len(LABELLED) // 10  # at least 90% in the top 3


@pytest.fixture(scope="module")
def index(seeds: Path) -> PassageIndex:
    found: list[Passage] = []
    for path in sorted(seeds.glob("0*.txt")):
        found += passages_of(path, len(found))
    return PassageIndex.build(found)


@pytest.fixture(scope="module")
def seeds() -> Path:  # module scope for the shared index; same rule as tests/conftest.py
    from tests.conftest import SEEDS

    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds is not present (looked in {SEEDS}); seed tests need it")
    return SEEDS


def _right(passage: Passage, document: str, headings: tuple[str, ...]) -> bool:
    path = loose(" ".join(passage.path))
    return passage.document.startswith(document) and any(loose(h) in path for h in headings)


def test_labelled_questions_find_their_section_in_the_top_three(index: PassageIndex) -> None:
    misses = [
        labelled.question
        for labelled in LABELLED
        if not any(
            _right(hit.passage, labelled.document, labelled.headings)
            for hit in index.search(labelled.question, limit=3)
        )
    ]
    assert len(misses) <= ALLOWED_MISSES, misses


def test_questions_about_absent_things_score_below_the_threshold(index: PassageIndex) -> None:
    confident = [
        q for q in ABSENT if any(h.confidence >= CONFIDENT for h in index.search(q, limit=1))
    ]
    assert [] == confident


def test_paraphrases_of_present_facts_mostly_score_above_it(index: PassageIndex) -> None:
    found = [
        question
        for question, document, heading in PARAPHRASED
        if any(
            hit.confidence >= CONFIDENT and _right(hit.passage, document, (heading,))
            for hit in index.search(question, limit=1)
        )
    ]
    assert len(found) >= len(PARAPHRASED) - 1, found
