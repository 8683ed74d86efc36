"""Who may update statuses: editors by AAD object id, from settings and the database.

Reading is open to everyone in an allowed tenant. `EDITORS` lists AAD object ids ("*":
everyone); unset means nobody, except in anonymous local mode, where everyone may, so a
newcomer can try updates in the Agents Playground. Editors added in chat by an admin are
kept in the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.settings import Settings
from knowledge.service import KnowledgeService
from knowledge.updates.contract import Author

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Access:
    editors: frozenset[str]
    admins: frozenset[str]
    everyone_edits: bool  # anonymous local mode
    correction_window: timedelta = timedelta(minutes=30)

    @classmethod
    def from_settings(cls, settings: Settings) -> Access:
        everyone = settings.anonymous and not settings.editors
        if everyone:
            logger.warning("anonymous local mode: everyone may update statuses")
        window = timedelta(minutes=settings.correction_minutes)
        return cls(frozenset(settings.editors), frozenset(settings.admins), everyone, window)

    async def may_edit(self, service: KnowledgeService, author: Author) -> bool:
        if self.everyone_edits or "*" in self.editors:
            return True
        if not author.aad_id:
            return False
        return await service.is_editor(author.aad_id, self.editors)

    def is_admin(self, author: Author) -> bool:
        return "*" in self.admins or (author.aad_id or "") in self.admins
