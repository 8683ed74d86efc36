"""The contract for status updates from chat: what the dialogs and cards hand the
knowledge base, and what they get back. Plain data; `status_updates.py` implements it
and `KnowledgeService` exposes it (update_status, find_item, current_status, history,
correct_last, editors, forget_user).

Rules the implementation keeps:
- Exactly one entry per submitted update: `idempotency_key` is unique (a dialog
  instance's id, or a card submission's id); submitting it again returns the first
  outcome with `duplicate=True` and writes nothing.
- Never silently overwrite: `current_entry_id` is the id of the item's newest entry, the
  one the user saw (None when the item had none). If another entry arrived meanwhile,
  nothing is written and `ChangedMeanwhile` says what it is; the user may confirm again
  with the new id. (`entry_id` is the id of the entry a value is about: the one saved, or
  one line of a history.)
- Authors are people: Teams' AAD object id and display name. `forget_user` replaces both
  with an anonymous marker in every entry of that person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from knowledge.answers.kinds import Choice, ItemView, StatusView

NOTE_MAX = 500  # characters of a note
UPDATE_CATEGORIES = ("planned", "in_progress", "implemented", "completed", "paused", "discontinued")
CORRECTION_WINDOW = timedelta(minutes=30)  # default; settings may change it
ANONYMOUS_AUTHOR = "slettet bruger"


@dataclass(frozen=True)
class Author:
    aad_id: str | None
    name: str


@dataclass(frozen=True)
class UpdateRequest:
    item_id: str  # the item's slug
    category: str  # one of UPDATE_CATEGORIES
    note: str | None
    author: Author
    idempotency_key: str
    current_entry_id: int | None  # newest entry id the user saw; None: the item had none
    conversation_id: str | None = None
    activity_id: str | None = None


@dataclass(frozen=True)
class Saved:
    item: ItemView  # with the new status as its newest
    entry_id: int
    duplicate: bool = False  # the same request was saved before; nothing new written


@dataclass(frozen=True)
class ChangedMeanwhile:
    item: ItemView  # as it is now
    current_entry_id: int  # the newest entry now: confirm again with this one


UpdateOutcome = Saved | ChangedMeanwhile


@dataclass(frozen=True)
class Current:
    """An item as the user starts updating it: its newest entry and that entry's id."""

    item: ItemView
    current_entry_id: int | None


@dataclass(frozen=True)
class Found:
    item: ItemView


@dataclass(frozen=True)
class Ambiguous:
    choices: tuple[Choice, ...]  # at most three, with region/cluster as detail


@dataclass(frozen=True)
class NotFound:
    suggestions: tuple[str, ...]  # titles that look like the name, best first; maybe none
    choices: tuple[Choice, ...] = ()  # the same items, to pick from


ItemSearch = Found | Ambiguous | NotFound


@dataclass(frozen=True)
class HistoryEntry:
    entry_id: int
    status: StatusView  # category, text, valid_from, author, source
    author_id: str | None
    recorded_at: datetime
    conversation_id: str | None
