"""What the index counts in a passage: its terms and their character 4-grams.

Terms come from the one normaliser (`knowledge.understanding.normalise`: folded, æ/ø/å
however typed, endings off), so a passage and a question meet on the same forms. Each
term of four letters or more also yields its 4-grams ("genoptraningsplan" -> "geno",
"enop", ...), which is how split and joined compounds find each other: "sundhedsaftal"
shares every gram with "sundheds aftal", and "genoptraning" all of its grams with
"genoptraningsplan". Grams run inside a word only, never across a space.

The heading path counts `HEADING` times and the document's title `TITLE` times per term:
a section whose heading names a thing is about it, one that mentions it is less so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from knowledge.text.passages import Passage
from knowledge.text.postings import FieldBuilder, Rows
from knowledge.understanding.normalise import text_terms

GRAM = 4
HEADING = 3
TITLE = 1


@lru_cache(maxsize=400_000)
def grams(term: str) -> tuple[str, ...]:
    """The distinct character 4-grams of a term; none for a shorter term or a number."""
    if len(term) < GRAM or term.isdigit():
        return ()
    return tuple(dict.fromkeys(term[i : i + GRAM] for i in range(len(term) - GRAM + 1)))


def gram_features(
    counts: Counter[str], builder: FieldBuilder, known: dict[str, Rows]
) -> tuple[Rows, npt.NDArray[np.float32]]:
    """A passage's distinct 4-gram features and their counts, from its counted terms;
    `known` keeps each term's gram ids, so a term is cut into grams once per index."""
    found = [known.get(term) for term in counts]
    for n, (term, ids) in enumerate(zip(counts, found, strict=True)):
        if ids is None:
            found[n] = known[term] = builder.features(grams(term))
    arrays = [ids for ids in found if ids is not None]
    sizes = [len(ids) for ids in arrays]
    if not sum(sizes):
        return np.zeros(0, np.int32), np.zeros(0, np.float32)
    every = np.concatenate(arrays)
    times = np.repeat(np.fromiter(counts.values(), np.float32, len(counts)), sizes)
    distinct, at = np.unique(every, return_inverse=True)
    return distinct, np.bincount(at, weights=times).astype(np.float32)


def term_features(
    counts: Counter[str], builder: FieldBuilder
) -> tuple[Rows, npt.NDArray[np.float32]]:
    """A passage's term features and their counts."""
    return builder.features(counts), np.fromiter(counts.values(), np.float32, len(counts))


def passage_terms(passage: Passage) -> Counter[str]:
    """Each term of a passage with its weighted count: heading and title count more."""
    counts: Counter[str] = Counter(text_terms(passage.text))
    _add(counts, text_terms(" ".join(passage.path)), HEADING)
    _add(counts, text_terms(passage.title), TITLE)
    return counts


def _add(counts: Counter[str], found: Iterable[str], times: int) -> None:
    for item in found:
        counts[item] += times
