"""Who may update statuses, from the settings: `EDITORS`, `ADMINS`, `CORRECTION_MINUTES`;
unset `EDITORS` in anonymous local mode means everyone (said once in the log)."""

from __future__ import annotations

import logging
from datetime import timedelta

from bot.settings import Settings
from dialogs.access import Access

logger = logging.getLogger(__name__)


def access_from(settings: Settings) -> Access:
    everyone = settings.anonymous and not settings.editors
    if everyone:
        logger.warning("anonymous local mode: everyone may update statuses")
    window = timedelta(minutes=settings.correction_minutes)
    return Access(frozenset(settings.editors), frozenset(settings.admins), everyone, window)
