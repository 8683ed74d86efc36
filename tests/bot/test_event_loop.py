"""SLOW_CALLBACK_MS: a loop that logs the callbacks holding it too long, or asyncio's own."""

from __future__ import annotations

import logging
import time

import pytest

from bot.event_loop import event_loop
from bot.settings import Settings, SettingsError


def test_without_the_switch_serve_runs_on_the_loop_aiohttp_makes() -> None:
    assert (0, None) == (Settings.from_env({}).slow_callback_ms, event_loop(0))


def test_a_malformed_threshold_is_refused() -> None:
    with pytest.raises(SettingsError, match="SLOW_CALLBACK_MS"):
        Settings.from_env({"SLOW_CALLBACK_MS": "fifty"})


def test_with_the_switch_a_callback_over_the_threshold_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    settings = Settings.from_env({"SLOW_CALLBACK_MS": "20"})
    loop = event_loop(settings.slow_callback_ms)
    assert loop is not None

    with caplog.at_level(logging.WARNING, logger="asyncio"):
        loop.call_soon(time.sleep, 0.001)  # under the threshold: not logged
        loop.call_soon(time.sleep, 0.05)
        loop.run_until_complete(loop.shutdown_asyncgens())
        loop.close()

    slow = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Executing")]
    assert (True, 0.02, 1) == (loop.get_debug(), loop.slow_callback_duration, len(slow))
    assert slow[0].startswith("Executing <Handle sleep(0.05) created at ")
