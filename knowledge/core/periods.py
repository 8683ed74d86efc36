"""Dates with their precision: a day, a month, a quarter, "primo 2023", a whole year.

Danish documents rarely give a plain date. "1. halvår 2023" or "foråret 2021" is a
period; keeping its start, end and precision lets answers say what the text said and
nothing more precise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

Precision = Literal["day", "month", "quarter", "half", "season", "third", "year", "range"]
PRECISIONS: tuple[Precision, ...] = (
    "day",
    "month",
    "quarter",
    "half",
    "season",
    "third",
    "year",
    "range",
)


@dataclass(frozen=True, order=True)
class Period:
    """A closed date range [start, end] read from text, with how precise the text was.

    precision:
      day      "28. september 2023", "04-03-2024"
      month    "september 2023"
      quarter  "1. kvartal 2023"
      half     "1. halvår 2023", "andet halvår 2023"
      season   "foråret 2021" (Mar-May), "sommeren 2023" (Jun-Aug),
               "efteråret 2022" (Sep-Nov), "vinteren 2022" (Dec 2022-Feb 2023)
      third    "primo 2023" (Jan-Apr), "medio 2023" (May-Aug), "ultimo 2023" (Sep-Dec)
      year     "2023", "i 2019"
      range    anything else spanning several units ("2022-2023", "april/maj 2023")
    """

    start: date
    end: date
    precision: Precision

    @classmethod
    def day(cls, value: date) -> Period:
        return cls(value, value, "day")

    @property
    def is_day(self) -> bool:
        return self.precision == "day"

    def iso(self) -> str:
        """The start as an ISO date; with `precision` it restores the period exactly."""
        return self.start.isoformat()


_MONTHS_IN: dict[Precision, int] = {
    "day": 0,
    "month": 1,
    "quarter": 3,
    "half": 6,
    "season": 3,
    "third": 4,
    "year": 12,
}


def _add_months(value: date, months: int) -> date:
    index = value.year * 12 + value.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def restore(start: date, precision: Precision, end: date | None = None) -> Period:
    """Rebuild a period from its start and precision (as exported); `end` only for ranges."""
    if precision == "range":
        if end is None:
            raise ValueError("a range needs its end")
        return Period(start, end, "range")
    if precision == "day":
        return Period(start, start, "day")
    last = _add_months(start, _MONTHS_IN[precision]).toordinal() - 1
    return Period(start, date.fromordinal(last), precision)
