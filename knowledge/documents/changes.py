"""What an import did (or, with --dry-run, would do), change by change and file by file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    action: str  # "add item", "add status", "add date", "update item", "add meeting",
    # "update meeting", "move meeting", "cancel meeting", "add body", "update body",
    # "add member", "update member"
    target: str  # the slug of the item, meeting or body
    detail: str
    # "add status": the new entry's fingerprint, so what the import owes subscribers
    # (`knowledge.notify.triggers`) finds exactly the entries it added.
    entry: str | None = field(default=None, compare=False)

    def line(self) -> str:
        return f"{self.action:<15} {self.target}  {self.detail}".rstrip()


@dataclass(frozen=True)
class Tally:
    """Records of one kind in a document: new, changing a stored one, or saying nothing new."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0

    def counted(self, changes: list[Change], new: str) -> Tally:
        """This tally with one more record, whose application made `changes`; `new` is
        the action that adds a record of this kind ("add item")."""
        if any(change.action == new for change in changes):
            return Tally(self.added + 1, self.changed, self.unchanged)
        if changes:
            return Tally(self.added, self.changed + 1, self.unchanged)
        return Tally(self.added, self.changed, self.unchanged + 1)

    def line(self, what: str) -> str:
        return f"{what}: {self.added} added, {self.changed} changed, {self.unchanged} unchanged"


@dataclass(frozen=True)
class ImportReport:
    """One file's import. A refused file has `refused` (the message naming the file and
    why) and nothing else; it wrote nothing."""

    file: str
    shape: str
    changes: tuple[Change, ...]
    sha256: str = ""  # of the document's content
    sections: int = 0  # the document's sections
    text_only: int = 0  # of them, those no record was read from: kept as text only
    known: bool = False  # the same bytes were imported before: sections already stored
    items: Tally = Tally()
    meetings: Tally = Tally()
    bodies: Tally = Tally()
    refused: str | None = None

    @classmethod
    def refusal(cls, file: str, message: str) -> ImportReport:
        return cls(file, "", (), refused=message)

    def summary(self) -> str:
        if self.refused is not None:
            return f"{self.file}: refused: {self.refused}"
        counts: dict[str, int] = {}
        for change in self.changes:
            counts[change.action] = counts.get(change.action, 0) + 1
        parts = [f"{n} x {action}" for action, n in sorted(counts.items())]
        return f"{self.file} ({self.shape}): " + (", ".join(parts) or "nothing new")

    def details(self) -> list[str]:
        """What a dry run prints under the summary: sections, then records by kind."""
        stored = "already stored" if self.known else "stored"
        return [
            f"sections: {self.sections} {stored}, {self.text_only} kept as text only",
            self.items.line("items"),
            self.meetings.line("meetings"),
            self.bodies.line("bodies"),
        ]
