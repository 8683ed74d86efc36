"""Names that look like what was typed, for "did you mean" when nothing was found.

A name typed wrong ("palliationsaftalen", "kom trykt hjem") still looks like the one
meant: `resembling` ranks names by rapidfuzz's WRatio of the folded texts, after the
typed text lost its nickname ending ("rygestopaftalen" is "rygestop" + "aftalen"). Only
names that look alike enough (`CUTOFF`) and nearly as alike as the best (`BAND`) are
kept: a name like none of them ("kattemad") gets no suggestions, never the first few of
an alphabetical list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rapidfuzz import fuzz, process

from knowledge.core.names import fold

CUTOFF = 70.0
BAND = 4.0
LIMIT = 3
_NICKNAME_END = re.compile(r"(?<=\w{4})s?(?:aftalen|aftalerne|aftaler|aftale)$")


# Words every other name has: alike in them says nothing ("og", "om", "the").
_LITTLE = frozenset(
    {"af", "de", "den", "det", "der", "en", "et", "for", "fra", "i", "med", "og", "om", "paa"}
    | {"til", "ved", "vedr", "samt", "eller", "som", "at", "hos", "the", "a", "an", "of", "in"}
    | {"on", "and", "with", "to", "by", "or", "from"}
)


def _telling(folded: str) -> str:
    return " ".join(word for word in folded.split() if word not in _LITTLE)


def _typed(text: str) -> str:
    return _telling(" ".join(_NICKNAME_END.sub("", word) for word in fold(text).split()))


def resembling(text: str, names: Mapping[str, str], limit: int = LIMIT) -> list[str]:
    """The keys of the names that look most like `text`, best first; none alike: []."""
    typed = _typed(text)
    if not typed:
        return []
    folded = {key: _telling(fold(name)) for key, name in names.items()}
    hits = process.extract(
        typed, folded, scorer=fuzz.WRatio, processor=None, score_cutoff=CUTOFF, limit=limit
    )
    if not hits:
        return []
    best = hits[0][1]
    return [key for _, score, key in hits if best - score <= BAND]
