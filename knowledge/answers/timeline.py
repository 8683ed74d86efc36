"""Every dated status entry in date order: "what changed since ..." without a table scan.

The database has no index on the date a status is valid from, and at 100,000 items
counting and sorting the entries since a date takes tens of milliseconds. The snapshot
keeps the entries' dates, ids, items and categories in memory instead; a question finds
its range by binary search and reads only the page of entries it shows.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Mark:
    valid_from: date
    entry: int  # the status entry's id
    item: int  # the item's number in the snapshot
    category: str


class Timeline:
    def __init__(self, marks: Iterable[Mark]) -> None:
        self._marks = sorted(marks, key=lambda mark: (mark.valid_from, mark.entry))
        self._dates = [mark.valid_from for mark in self._marks]

    def __len__(self) -> int:
        return len(self._marks)

    def since(
        self,
        start: date,
        end: date,
        *,
        items: set[int] | None = None,
        category: str | None = None,
        limit: int,
    ) -> tuple[list[int], int]:
        """Ids of the newest `limit` entries valid from `start` to `end`, and how many.

        `end` is today: a status valid from a later date has not happened yet."""
        tail = self._marks[bisect_left(self._dates, start) : bisect_right(self._dates, end)]
        if items is None and category is None:
            return [mark.entry for mark in reversed(tail[-limit:])] if limit else [], len(tail)
        chosen = [
            mark.entry
            for mark in reversed(tail)
            if (items is None or mark.item in items)
            and (category is None or mark.category == category)
        ]
        return chosen[:limit], len(chosen)
