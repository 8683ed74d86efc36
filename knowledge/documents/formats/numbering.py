"""How a numbered list item is written: "3.", "c.", "iii." (HTML `ol type`, Word `numFmt`)."""

from __future__ import annotations

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_STYLES = {
    "1": "decimal", "decimal": "decimal", "decimalZero": "decimal",
    "a": "lower", "lowerLetter": "lower", "A": "upper", "upperLetter": "upper",
    "i": "roman", "lowerRoman": "roman", "I": "ROMAN", "upperRoman": "ROMAN",
}  # fmt: skip


def marker(number: int, style: str) -> str:
    """The item's marker with its full stop; "-" for bullets and styles not known here."""
    kind = _STYLES.get(style)
    if kind is None or number < 1:
        return "-"
    if kind == "decimal":
        return f"{number}."
    if kind in ("lower", "upper"):
        letters = _letters(number)
        return (letters if kind == "lower" else letters.upper()) + "."
    roman = _roman(number)
    return (roman if kind == "roman" else roman.upper()) + "."


def _letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _roman(number: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        out += numeral * count
    return out
