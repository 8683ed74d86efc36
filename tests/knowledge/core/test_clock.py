"""The clock: Copenhagen's date, pinned by BOT_TODAY while the time of day still runs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from knowledge.core.clock import COPENHAGEN, Clock


def fixed(utc: datetime) -> Clock:
    return Clock(utc_now=lambda: utc)


def test_today_is_the_date_in_copenhagen_not_in_utc() -> None:
    late_evening_utc = datetime(2024, 3, 1, 23, 30, tzinfo=UTC)  # 00:30 on 2 March in Denmark

    assert date(2024, 3, 2) == fixed(late_evening_utc).today()


def test_summer_time_is_two_hours_ahead_of_utc() -> None:
    clock = fixed(datetime(2024, 7, 1, 6, 0, tzinfo=UTC))

    assert time(8, 0) == clock.now().time()


def test_a_pinned_date_keeps_the_running_time_of_day() -> None:
    utc = datetime(2026, 11, 23, 13, 5, tzinfo=UTC)
    clock = Clock(fixed_today=date(2024, 3, 1), utc_now=lambda: utc)

    now = clock.now()
    assert date(2024, 3, 1) == clock.today()
    assert (14, 5) == (now.hour, now.minute)
    assert COPENHAGEN == now.tzinfo
