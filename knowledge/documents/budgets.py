"""Amounts of money in Danish text and tables: "3,5 mio. kr.", "1.188.638 kr.", "kr.
495.000", "t.kr.", and table cells "in 1.000 kr." as the caption says.

Thousands are grouped with full stops and decimals written with a comma ("1,400 mio. kr."
is 1.4 million). An amount followed by "i 2023", "for 2024" or "(2025)" is that year's;
otherwise it is a total (year None).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from knowledge.documents.records import BudgetLine

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_UNIT = r"(?:mia\.?|milliard(?:er)?|mio\.?|million(?:er)?|tusinde?)"
_AMOUNT = re.compile(
    rf"(?<![\d.,])(?P<number>{_NUMBER})\s*"
    rf"(?:(?P<unit>{_UNIT})\s*(?:kr\.?|kroner)|(?P<thousands>t\.\s?kr\.?|tkr\.?)|kr\.?|kroner)"
    rf"(?![\wæøå])"
    rf"|(?<![\wæøå])kr\.?\s*(?P<after>{_NUMBER})(?![\d,])",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"^\s*(?:i|for|\()\s*(?P<year>(?:19|20)\d\d)\b")
_SCALE = {"mia": 1_000_000_000, "milliard": 1_000_000_000, "mio": 1_000_000, "million": 1_000_000}
# "beløb i 1.000 kr.", "(t.kr.)", "1.000,-": a table's amounts are thousands.
THOUSANDS = re.compile(r"\b1\.000\b|\bt\.?\s?kr\b|\btkr\b|\btusind", re.IGNORECASE)
MILLIONS = re.compile(r"\bmio\.?\s*kr|\bmillion", re.IGNORECASE)


def amounts(text: str) -> Iterator[BudgetLine]:
    """Every amount in kroner the text writes, with its year when one follows it."""
    for found in _AMOUNT.finditer(text):
        number = found["number"] or found["after"]
        scale = 1_000 if found["thousands"] else _scale(found["unit"] or "")
        value = parse_number(number) * scale
        year = _YEAR_AFTER.match(text[found.end() :])
        yield BudgetLine(round(value), int(year["year"]) if year else None, found.group(0).strip())


def parse_number(text: str) -> float:
    """ "1.188.638" -> 1188638, "3,5" -> 3.5, "1,400" -> 1.4 (a comma is a decimal comma)."""
    whole, _, decimals = text.replace(".", "").partition(",")
    return float(f"{whole}.{decimals}") if decimals else float(whole)


def cell_amount(text: str, scale: int) -> int | None:
    """A table cell's whole amount ("1.214", "-446", "0") times the table's scale."""
    cleaned = text.strip().replace(" ", "")
    if not re.fullmatch(r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?", cleaned):
        return None
    negative = cleaned.startswith("-")
    value = parse_number(cleaned.lstrip("-")) * scale
    return -round(value) if negative else round(value)


def table_scale(caption: str) -> int:
    if MILLIONS.search(caption):
        return 1_000_000
    if THOUSANDS.search(caption):
        return 1_000
    return 1


def _scale(unit: str) -> int:
    unit = unit.lower().replace(" ", "")
    for word, scale in _SCALE.items():
        if unit.startswith(word):
            return scale
    return 1_000 if unit.startswith("tusind") else 1
