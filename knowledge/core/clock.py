"""The one clock: "today" in Europe/Copenhagen, optionally pinned to a fixed date.

`BOT_TODAY=2024-03-01` pins the date for demos and tests while the time of day still
runs, so reminders and "next meeting" answers are reproducible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Clock:
    fixed_today: date | None = None
    utc_now: Callable[[], datetime] = field(default=_utc_now, compare=False)

    def now(self) -> datetime:
        """Aware local time; with a fixed date, that date at the current time of day."""
        local = self.utc_now().astimezone(COPENHAGEN)
        if self.fixed_today is None:
            return local
        pinned = datetime.combine(self.fixed_today, local.timetz().replace(tzinfo=None))
        return pinned.replace(tzinfo=COPENHAGEN)

    def today(self) -> date:
        return self.now().date()
