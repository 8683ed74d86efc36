"""Who may update statuses and manage editors: editors by AAD object id, from settings and
the database; admins from settings only.

Reading is open to everyone in an allowed tenant. `editors` lists AAD object ids ("*":
everyone); `everyone_edits` is anonymous local mode, so a newcomer can try updates in the
Agents Playground. Editors added in chat by an admin are kept in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Protocol

from knowledge.updates.contract import Author


class EditorCheck(Protocol):
    async def is_editor(self, aad_id: str, configured: frozenset[str]) -> bool: ...


@dataclass(frozen=True)
class Access:
    editors: frozenset[str]
    admins: frozenset[str]
    everyone_edits: bool  # anonymous local mode
    correction_window: timedelta = timedelta(minutes=30)

    async def may_edit(self, knowledge: EditorCheck, author: Author) -> bool:
        if self.everyone_edits or "*" in self.editors:
            return True
        if not author.aad_id:
            return False
        return await knowledge.is_editor(author.aad_id, self.editors)

    def is_admin(self, author: Author) -> bool:
        return "*" in self.admins or (author.aad_id or "") in self.admins
