"""BM25 weights of every (feature, passage) pair, stored feature by feature.

The weights are computed once at build time (Okapi BM25 with Lucene's idf), so a search
is a sum: for each feature of the question, the slice of passages that hold it, times
the question's weight for that feature, added up with `numpy.bincount`. A feature's
passages are sorted, so whether one passage holds a feature is a binary search.

Layout: compressed columns (`indptr`, `rows`, `weights`), int32 and float32, the same as
`scipy.sparse.csc_matrix` without needing scipy.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

K1 = 1.2
B = 0.75

Rows = npt.NDArray[np.int32]
Scores = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Postings:
    indptr: npt.NDArray[np.int64]
    rows: Rows
    weights: npt.NDArray[np.float32]
    passages: int

    @classmethod
    def from_pairs(
        cls, rows: Rows, cols: Rows, tfs: npt.NDArray[np.float32], passages: int, features: int
    ) -> Postings:
        """Postings from (passage, feature, weighted count) triples, rows ascending.

        Computed in place where it can be: at 100,000 passages the grams are some 15
        million pairs, and every temporary array of them costs 60 MB."""
        frequency = np.bincount(cols, minlength=features)
        lengths = np.bincount(rows, weights=tfs, minlength=passages)
        average = float(lengths.mean()) if passages else 1.0
        idf = np.log1p((passages - frequency + 0.5) / (frequency + 0.5)).astype(np.float32)
        norm = (K1 * (1 - B + B * lengths / max(average, 1e-9))).astype(np.float32)
        weights = idf[cols]
        weights *= tfs * np.float32(K1 + 1)
        denominator = norm[rows]
        denominator += tfs
        weights /= denominator
        del denominator
        order = np.argsort(cols, kind="stable")  # rows stay ascending within a feature
        indptr = np.concatenate(([0], np.cumsum(frequency))).astype(np.int64)
        return cls(indptr, rows[order], weights[order], passages)

    def frequency(self, feature: int) -> int:
        return int(self.indptr[feature + 1] - self.indptr[feature])

    def scores(self, features: Sequence[int], weights: Sequence[float]) -> Scores:
        """Each passage's score: the sum of its features' weights times the question's."""
        if not features:
            return np.zeros(self.passages)
        slices = [slice(self.indptr[f], self.indptr[f + 1]) for f in features]
        rows = np.concatenate([self.rows[s] for s in slices])
        values = np.concatenate([self.weights[s] * w for s, w in zip(slices, weights, strict=True)])
        summed = np.bincount(rows, weights=values, minlength=self.passages)
        return np.asarray(summed, dtype=np.float64)

    def holds(self, feature: int, rows: Rows) -> npt.NDArray[np.bool_]:
        """Which of `rows` hold the feature."""
        held = self.rows[self.indptr[feature] : self.indptr[feature + 1]]
        if not len(held):
            return np.zeros(len(rows), dtype=np.bool_)
        at = np.minimum(np.searchsorted(held, rows), len(held) - 1)
        return np.equal(held[at], rows)


@dataclass(frozen=True)
class Field:
    """One kind of feature (terms, or grams) by name: its ids and its postings.

    Features in more than a set share of the passages (`FieldBuilder.build(common=...)`)
    tell nothing for ranking, yet are half of all grams; they keep no postings, only a
    dense row of which passages hold them (`dense`, one byte per passage), for `holds`.
    """

    ids: Mapping[str, int]
    postings: Postings
    common: Mapping[str, int] = field(default_factory=dict)  # key -> row of `dense`
    dense: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros((0, 0), np.bool_))
    common_frequency: Mapping[str, int] = field(default_factory=dict)

    def scores(self, weighted: Mapping[str, float]) -> Scores:
        known = [(self.ids[key], weight) for key, weight in weighted.items() if key in self.ids]
        return self.postings.scores([f for f, _ in known], [w for _, w in known])

    def holds(self, key: str, rows: Rows) -> npt.NDArray[np.bool_]:
        if key in self.common:
            return np.asarray(self.dense[self.common[key], rows], dtype=np.bool_)
        feature = self.ids.get(key)
        if feature is None:
            return np.zeros(len(rows), dtype=np.bool_)
        return self.postings.holds(feature, rows)

    def frequency(self, key: str) -> int:
        if key in self.common_frequency:
            return self.common_frequency[key]
        feature = self.ids.get(key)
        return 0 if feature is None else self.postings.frequency(feature)

    def is_common(self, key: str) -> bool:
        return key in self.common


class FieldBuilder:
    """Collects one field's features passage by passage, then builds its postings.

    The pairs go into two flat buffers (`array`), not one small array per passage: at
    100,000 passages that is 200,000 fewer objects and no copy to join them.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self._cols = array("i")
        self._tfs = array("f")
        self._sizes = array("q")

    def feature(self, key: str) -> int:
        return self.ids.setdefault(key, len(self.ids))

    def features(self, keys: Iterable[str]) -> Rows:
        ids = self.ids
        return np.array([ids.setdefault(key, len(ids)) for key in keys], dtype=np.int32)

    def add(self, features: Rows, tfs: npt.NDArray[np.float32]) -> None:
        """The next passage's distinct features and their weighted counts."""
        self._cols.frombytes(features.astype(np.int32, copy=False).tobytes())
        self._tfs.frombytes(tfs.astype(np.float32, copy=False).tobytes())
        self._sizes.append(len(features))

    def build(self, *, common: float | None = None) -> Field:
        """The field; features in more than `common` of the passages kept dense."""
        passages = len(self._sizes)
        cols = np.array(self._cols, dtype=np.int32)
        self._cols = array("i")
        tfs = np.array(self._tfs, dtype=np.float32)
        self._tfs = array("f")
        rows = np.repeat(np.arange(passages, dtype=np.int32), np.array(self._sizes, np.int64))
        frequency = np.bincount(cols, minlength=len(self.ids))
        if common is None or not (frequency > common * passages).any():
            return Field(self.ids, Postings.from_pairs(rows, cols, tfs, passages, len(self.ids)))
        flagged = frequency > common * passages
        held = flagged[cols]
        dense, rows_of = self._dense(rows[held], cols[held], flagged, passages)
        kept = ~held
        del held
        rows, cols, tfs = rows[kept], cols[kept], tfs[kept]
        del kept
        postings = Postings.from_pairs(rows, cols, tfs, passages, len(self.ids))
        counts = {key: int(frequency[self.ids[key]]) for key in rows_of}
        return Field(self.ids, postings, rows_of, dense, counts)

    def _dense(
        self, rows: Rows, cols: Rows, flagged: npt.NDArray[np.bool_], passages: int
    ) -> tuple[npt.NDArray[np.bool_], dict[str, int]]:
        numbered = np.flatnonzero(flagged)
        slot = np.full(len(flagged), -1, dtype=np.int64)
        slot[numbered] = np.arange(len(numbered))
        dense = np.zeros((len(numbered), passages), dtype=np.bool_)
        dense[slot[cols], rows] = True
        names = {feature: key for key, feature in self.ids.items() if flagged[feature]}
        return dense, {names[int(feature)]: n for n, feature in enumerate(numbered)}
