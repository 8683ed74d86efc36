"""Counting sends in sliding windows: the largest number in any half-open window."""

from __future__ import annotations

from collections.abc import Iterable

EPSILON = 1e-9  # x + span - span need not be x in floating point


def max_in_window(times: Iterable[float], seconds: float) -> int:
    """The most of `times` that fall in any window [t, t + seconds)."""
    ordered = sorted(times)
    most, start = 0, 0
    for end, at in enumerate(ordered):
        while ordered[start] <= at - seconds + EPSILON:
            start += 1
        most = max(most, end - start + 1)
    return most
