"""Bodies with their members: who sits in which body, and who took part in the meeting.

People found by `knowledge.documents.members` belong to a body by what the text says:
- the body a line names for them ("Fra Klynge Midt: ...") or the line that announced the
  list ("Medlemmer af Sundhedskoordinationsudvalget");
- else the nearest heading above them that names a body ("Klynge Nord" over its
  "Formand:" and "Sekretær:" lines);
- else the document's own body: the body of the meeting the minutes are of, the body the
  title names, or failing those the body the text names most.
The people of a meeting document's own body also took part in its meeting, or were
absent ("Afbud", "Der var afbud fra ..."). Every body the text names is a body record,
with its members when it has any.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from knowledge.core.names import fold
from knowledge.documents.bodies import Body
from knowledge.documents.body_names import BodyLexicon
from knowledge.documents.members import Found, in_lines, in_prose
from knowledge.documents.reading import Reading
from knowledge.documents.records import BodyRecord, MeetingRecord, Member, Source


@dataclass
class _Roster:
    body: Body
    source: Source
    members: dict[str, Member] = field(default_factory=dict)
    absent: dict[str, Member] = field(default_factory=dict)

    def add(self, found: Found) -> None:
        key = fold(found.member.name)
        into = self.absent if found.kind == "absent" else self.members
        known = into.get(key)
        into[key] = _merged(known, found.member) if known else found.member


def _merged(known: Member, new: Member) -> Member:
    return Member(known.name, known.role or new.role, known.affiliation or new.affiliation)


def rosters(
    reading: Reading, lexicon: BodyLexicon, own: MeetingRecord | None
) -> tuple[tuple[BodyRecord, ...], MeetingRecord | None]:
    """The body records, and the document's own meeting with who took part in it."""
    main = _main_body(reading, lexicon, own)
    books: dict[str, _Roster] = {}
    for body in lexicon.bodies():
        mention = next(m for m in lexicon.mentions if m.body.name == body.name)
        line = reading.line_of_plain(mention.start)
        books.setdefault(body.name, _Roster(body, reading.line_source(line)))
    if main is not None and main.name not in books:
        books[main.name] = _Roster(main, own.source if own else reading.source(0, 0))
    for found in _people(reading):
        owner = _body_of(reading, lexicon, found) or main
        if owner is None:
            continue
        roster = books.setdefault(
            owner.name, _Roster(owner, reading.source(found.start, found.end))
        )
        roster.add(found)
    records = tuple(_record(reading, roster) for roster in books.values())
    return records, _with_people(own, books)


def _people(reading: Reading) -> Iterable[Found]:
    yield from in_lines(list(reading.lines))
    for line in reading.lines:
        if "afbud" in line.text.lower() or "består af" in line.text or ":" in line.text:
            yield from in_prose(line.text, line.start)


def _main_body(reading: Reading, lexicon: BodyLexicon, own: MeetingRecord | None) -> Body | None:
    if own is not None:
        return lexicon.find(own.body) or Body(own.body, own.region, own.cluster)
    titled = lexicon.find(reading.title)
    if titled is not None:
        return titled
    counts = Counter(mention.body.name for mention in lexicon.mentions)
    if not counts:
        return None
    name = counts.most_common(1)[0][0]
    return next(m.body for m in lexicon.mentions if m.body.name == name)


def _body_of(reading: Reading, lexicon: BodyLexicon, found: Found) -> Body | None:
    names = lexicon.by_folded_name
    if found.body_phrase:
        phrase = fold(found.body_phrase)
        named = lexicon.find(found.body_phrase)
        if named is not None and fold(named.name) in phrase:
            return named
        for name, body in names.items():
            if name in phrase:
                return body
    heading = reading.outline.heading_at(reading.line_at(found.start))
    path = heading.path if heading is not None else ()
    for title in reversed(path):
        titled = names.get(fold(title))
        if titled is not None:
            return titled
    return None


def _record(reading: Reading, roster: _Roster) -> BodyRecord:
    members = [*roster.members.values()]
    absent = [
        replace(member, role=member.role or "afbud")
        for key, member in roster.absent.items()
        if key not in roster.members
    ]
    return BodyRecord(
        name=roster.body.name,
        source=roster.source,
        region=roster.body.region or reading.region,
        cluster=roster.body.cluster,
        members=(*members, *absent),
    )


def _with_people(own: MeetingRecord | None, books: dict[str, _Roster]) -> MeetingRecord | None:
    if own is None or own.body not in books:
        return own
    roster = books[own.body]
    present = tuple(m for key, m in roster.members.items() if key not in roster.absent)
    return replace(own, participants=present, absent=tuple(roster.absent.values()))
