"""What an import did (or, with --dry-run, would do), change by change."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    action: str  # "add item", "add status", "update item", "add meeting", "update meeting",
    # "move meeting", "cancel meeting"
    target: str  # the slug of the item or meeting
    detail: str
    # "add status": the new entry's fingerprint, so what the import owes subscribers
    # (`knowledge.notify.triggers`) finds exactly the entries it added.
    entry: str | None = field(default=None, compare=False)

    def line(self) -> str:
        return f"{self.action:<15} {self.target}  {self.detail}".rstrip()


@dataclass(frozen=True)
class ImportReport:
    file: str
    shape: str
    changes: tuple[Change, ...]
    sha256: str = ""  # of the document's content

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for change in self.changes:
            counts[change.action] = counts.get(change.action, 0) + 1
        parts = [f"{n} x {action}" for action, n in sorted(counts.items())]
        return f"{self.file} ({self.shape}): " + (", ".join(parts) or "nothing new")
