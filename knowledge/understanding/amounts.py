"""Amounts of money in a message: "1,2 mio. kr.", "300.000 kr", "DKK 1.2 million", "500 t.kr.".

A number counts as an amount when a currency or a scale word stands next to it; a bare
number is a year, a count or a day, and is left to the dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = r"(?P<number>\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
_SCALE = (
    r"(?P<scale>mio\.?|millioner|million(?:s)?|mia\.?|milliard(?:er)?|billion(?:s)?"
    r"|t\.?\s?kr\.?|tusind|thousand)"
)
_CURRENCY = r"(?P<currency>kr\.?|kroner|dkk)"
_AMOUNT = re.compile(
    rf"(?:(?:dkk|kr\.?)\s*)?\b{_NUMBER}\s*(?:{_SCALE}\s*)?(?:{_CURRENCY})?(?!\w)",
    re.IGNORECASE,
)
_FACTORS = (
    ("mia", 1_000_000_000), ("milliard", 1_000_000_000), ("billion", 1_000_000_000),
    ("mio", 1_000_000), ("million", 1_000_000), ("t", 1_000), ("tusind", 1_000),
    ("thousand", 1_000),
)  # fmt: skip


@dataclass(frozen=True)
class Amount:
    """An amount in kroner, and where it was written."""

    value: float
    start: int
    end: int


def amounts_in(text: str) -> tuple[Amount, ...]:
    found: list[Amount] = []
    for match in _AMOUNT.finditer(text):
        currency = match["currency"] or match[0].lower().startswith(("dkk", "kr"))
        if not (match["scale"] or currency):
            continue
        found.append(Amount(_value(match["number"]) * _factor(match["scale"]), *match.span()))
    return tuple(found)


def _value(number: str) -> float:
    """ "1.200.000" and "1 200 000" are thousands separated; "1,2" and "1.2" decimals."""
    plain = number.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", plain):
        plain = plain.replace(".", "")
    return float(plain.replace(",", "."))


def _factor(scale: str | None) -> int:
    if not scale:
        return 1
    lowered = scale.lower().replace(".", "").replace(" ", "")
    for prefix, factor in _FACTORS:
        if lowered.startswith(prefix) and (prefix != "t" or "kr" in lowered):
            return factor
    return 1
