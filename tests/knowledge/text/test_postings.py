"""BM25 postings: the weights are Okapi BM25's, and a passage holds what it was given."""

from __future__ import annotations

import math

import numpy as np
import pytest

from knowledge.text.postings import K1, B, Field, FieldBuilder


def _field(passages: list[dict[str, float]], common: float | None = None) -> Field:
    builder = FieldBuilder()
    for counts in passages:
        builder.add(builder.features(counts), np.array(list(counts.values()), np.float32))
    return builder.build(common=common)


PASSAGES = [{"demens": 2.0, "forlob": 1.0}, {"forlob": 1.0}, {"aftal": 3.0, "forlob": 1.0}]


def test_a_score_is_okapi_bm25() -> None:
    field = _field(PASSAGES)
    lengths = [3.0, 1.0, 4.0]
    average = sum(lengths) / 3
    idf = math.log1p((3 - 1 + 0.5) / (1 + 0.5))
    expected = idf * 2 * (K1 + 1) / (2 + K1 * (1 - B + B * lengths[0] / average))
    assert pytest.approx([expected, 0.0, 0.0], rel=1e-5) == list(field.scores({"demens": 1.0}))


def test_holds_says_which_passages_have_a_feature() -> None:
    field = _field(PASSAGES)
    rows = np.array([0, 1, 2], np.int32)
    assert ([True, True, True], [False, False, True], [False] * 3) == (
        list(field.holds("forlob", rows)),
        list(field.holds("aftal", rows)),
        list(field.holds("ukendt", rows)),
    )


def test_a_common_feature_does_not_rank_but_is_still_held() -> None:
    field = _field(PASSAGES, common=0.5)
    rows = np.array([0, 1, 2], np.int32)
    expected = ([0.0, 0.0, 0.0], [True, True, True], 3)
    actual = (
        list(field.scores({"forlob": 1.0})),
        list(field.holds("forlob", rows)),
        field.frequency("forlob"),
    )
    assert expected == actual
