"""One reading of a message, for questions, commands and dialog answers alike.

    reading = read("hvornår træder amningsaftalen i kraft?", today=today, names=index)
    reading.intent        # "date": the best-scoring intent ("unknown" without evidence)
    reading.intents       # (("date", 0.7), ("decisions", 0.2), ...): all, normalised, best first
    reading.mentions      # the entities named, with where and how well (needs `names`)
    reading.act           # "yes" / "no" / "cancel" / "help" / "thanks" / "greeting" or None
    reading.statuses      # status words anywhere, each with whether it is negated
    reading.period, reading.since, reading.amounts, reading.lang, reading.subject
    reading.fact          # the kind of fact asked for: "date", "person", "amount" ...

Everything is read once from the text: its words (folded, with where each is, and what
part it plays), its dates and periods (`timeframe`), the cues of every intent found
*anywhere* in it (`cues.evidence`, summed and normalised: no first match by order), its
status words (negation aware: "ikke implementeret"), amounts, dialog acts in Danish and
English (`acts`), its language, and, when a name index is given, the entities it names
(items, bodies by name, abbreviation and nickname, clusters, regions, parties, areas).
The subject is what is left once question, cue, date and status words are gone; question
words never count as subject.

The fields are stable: code that reads a `Reading` (the chat's dialogs, the answer engine)
may rely on their names; new ones are added, not renamed. Plain frozen dataclasses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from knowledge.core.chat import Lang
from knowledge.core.periods import Period
from knowledge.understanding import cues
from knowledge.understanding.acts import Act, act_of, act_spans, acts_in
from knowledge.understanding.amounts import Amount, amounts_in
from knowledge.understanding.cues import Asked
from knowledge.understanding.entities import Entity, EntityKind
from knowledge.understanding.facts import DateKind, FactKind, date_kind, fact_asked, is_date_word
from knowledge.understanding.index import NameIndex
from knowledge.understanding.language import of_message
from knowledge.understanding.normalise import (
    FUNCTION_WORDS,
    Token,
    stem,
    tokens,
    translate_tokens,
)
from knowledge.understanding.timeframe import read as read_time

Role = Literal["subject", "asking", "function", "date", "status", "kind"]
MIN_EVIDENCE = 0.45  # summed cue weight below which a message asks nothing in particular
MENTION_FLOOR = 60.0  # index score from which a hit is a mention (resolution.UNSURE)
MENTION_PRECISION = 0.85  # or a name said in full inside a longer message (resolution.MENTION)
MENTIONS = 5
MENTION_KINDS: frozenset[str] = frozenset({"item", "body", "cluster", "region", "party", "area"})
_WORDY = re.compile(r"\w")


@dataclass(frozen=True)
class Word:
    """One word of the message: as typed and where, its loose form (what cues read), its
    term (folded, stemmed, in Danish: what the index reads) and the part it plays."""

    raw: str
    loose: str
    term: str
    start: int
    end: int
    role: Role


@dataclass(frozen=True)
class Mention:
    """An entity the message names, where (`start`-`end` in the text) and how well (0-100)."""

    entity: Entity
    name: str  # which of its names the words are
    score: float
    start: int
    end: int

    @property
    def kind(self) -> EntityKind:
        return self.entity.kind


@dataclass(frozen=True)
class StatusWord:
    """A status word or phrase ("i gang", "sat på pause") and where; `negated` after
    "ikke" or "not"."""

    category: str  # knowledge.core.status.CATEGORIES
    start: int
    end: int
    negated: bool = False


@dataclass(frozen=True)
class Reading:
    text: str
    lang: Lang
    tokens: tuple[Word, ...]
    intents: tuple[tuple[Asked, float], ...]  # normalised to sum 1, best first
    mentions: tuple[Mention, ...] = ()  # best first, not overlapping
    period: Period | None = None  # the period asked about
    since: date | None = None  # a starting point: "siden 1. januar 2024"
    yearless: bool = False  # the period's year was chosen here ("i april")
    statuses: tuple[StatusWord, ...] = ()
    amounts: tuple[Amount, ...] = ()
    acts: tuple[Act, ...] = ()  # every act said, most decisive first
    act: Act | None = None  # the act the message is, when it is nothing else
    subject: tuple[str, ...] = ()  # terms of what the message is about
    subject_text: str = ""  # the same words as typed ("Social Sundhed")
    item_type: str | None = None  # "agreement" | "initiative" ("hvilke aftaler")
    type_terms: frozenset[str] = frozenset()  # the terms that said so ("aftal")
    latest: bool = False  # "sidste møde": the most recent meeting
    upcoming: bool = False  # "kommende møder": every meeting ahead
    fact: FactKind = "any"  # the kind of fact asked for: a date, a person, an amount ...
    date_kind: DateKind | None = None  # which date: in force, approved, start, end ...

    @property
    def intent(self) -> Asked:
        """The best-scoring intent; "unknown" when no cue says anything."""
        return self.intents[0][0] if self.intents else "unknown"

    @property
    def confidence(self) -> float:
        """The best intent's share of all the evidence (0 without any)."""
        return self.intents[0][1] if self.intents else 0.0

    def score(self, intent: str) -> float:
        """The share of evidence for `intent`."""
        return next((share for name, share in self.intents if name == intent), 0.0)

    @property
    def status(self) -> str | None:
        """The first status category said and not negated."""
        return next((s.category for s in self.statuses if not s.negated), None)

    @property
    def entity(self) -> Entity | None:
        """The entity named best."""
        return self.mentions[0].entity if self.mentions else None

    def mentioned(self, *kinds: str) -> tuple[Mention, ...]:
        return tuple(mention for mention in self.mentions if mention.kind in kinds)


def read(
    text: str, *, today: date, names: NameIndex | None = None, hint_lang: str | None = None
) -> Reading:
    """The reading of `text`; `names` finds the entities it names, `hint_lang` (a locale)
    decides the language when the words do not."""
    when = read_time(text, today)
    words = _words(text, when.rest)
    joined = " ".join(word.loose for word in words)
    statuses = _statuses(words)
    category = next((s.category for s in statuses if not s.negated), None)
    kinds = [word for word in words if word.loose in cues.KINDS]
    dated = when.period is not None or when.since is not None
    said = " ".join(token.word for token in tokens(text))  # untranslated: "thank you"
    raw_acts = acts_in(said, text)
    found, asking = cues.scan(joined)
    intents = _intents(
        found, joined, dated, when.since is not None, bool(kinds), category, raw_acts
    )
    best = intents[0][0] if intents else "unknown"
    words = _roles(words, best, _asking(words, asking) | _in_acts(words, text))
    subject = [word for word in words if word.role == "subject"]
    spans = _spans(_named_words(words), text)
    mentions = _mentions(names, subject, text) if names is not None else ()
    upcoming = best == "meetings_in_period" and not dated and not cues.EVERY.search(joined)
    return Reading(
        text=text,
        lang=_language(text, words, spans, hint_lang),
        tokens=tuple(words),
        intents=intents,
        mentions=mentions,
        period=when.period,
        since=when.since,
        yearless=when.yearless,
        statuses=statuses,
        amounts=amounts_in(text),
        acts=raw_acts,
        act=act_of(said, text, named=bool(_substance(subject, names))),
        subject=tuple(word.term for word in subject),
        subject_text=" ".join(text[begin:end] for begin, end in spans),
        item_type=next((cues.KINDS[w.loose] for w in kinds if cues.KINDS[w.loose]), None),
        type_terms=frozenset(word.term for word in kinds),
        latest=bool(cues.LATEST.search(joined)),
        upcoming=upcoming,
        fact=fact_asked(joined),
        date_kind=date_kind(joined),
    )


def _words(text: str, rest: str) -> list[Word]:
    """The message's words with their spans in `text`; date words are those the
    timeframe took out (`rest` is the text without them)."""
    found = tokens(text)
    kept = _aligned(found, tokens(rest))
    words: list[Word] = []
    for token in [t for n, t in enumerate(found) if n not in kept]:
        words.append(Word(token.raw, token.word, stem(token.plain), token.start, token.end, "date"))
    translated = translate_tokens([token for n, token in enumerate(found) if n in kept])
    for token in _meeting_compounds(translated):
        word = cues.corrected(token.word)
        plain = word if word != token.word else token.plain
        words.append(Word(token.raw, word, stem(plain), token.start, token.end, "subject"))
    return sorted(words, key=lambda word: (word.start, word.role != "date"))


def _aligned(found: list[Token], rest: list[Token]) -> set[int]:
    """Positions of `found` that are in `rest` too, in order (what the dates left)."""
    kept: set[int] = set()
    at = 0
    for number, token in enumerate(found):
        if at < len(rest) and rest[at].word == token.word:
            kept.add(number)
            at += 1
    return kept


def _meeting_compounds(found: list[Token]) -> list[Token]:
    """ "klyngemøde" is "klynge" + "møde": the body, and the cue."""
    split: list[Token] = []
    for token in found:
        match = cues.MEETING_COMPOUND.fullmatch(token.word)
        if match is None:
            split.append(token)
            continue
        head = token.plain[: len(token.plain) - len(match[2])] if token.folded else match[1]
        split.append(Token(token.raw, match[1], token.start, token.end, head))
        split.append(Token("", match[2], token.start, token.end))
    return split


def _statuses(words: list[Word]) -> tuple[StatusWord, ...]:
    """Status words and phrases, longest first where they overlap, in order."""
    loose = [word.loose for word in words]
    found: list[StatusWord] = []
    taken: set[int] = set()
    for start in range(len(words)):
        for size in (3, 2, 1):
            if start + size > len(words):
                continue
            category = cues.CATEGORIES.get(tuple(loose[start : start + size]))
            if category is None or taken.intersection(range(start, start + size)):
                continue
            negated = any(w in cues.NEGATIONS for w in loose[max(0, start - 2) : start])
            end = words[start + size - 1].end
            found.append(StatusWord(category, words[start].start, end, negated))
            taken.update(range(start, start + size))
            break
    return tuple(found)


def _intents(
    found: dict[Asked, float],
    joined: str,
    dated: bool,
    since: bool,
    kinds: bool,
    category: str | None,
    acts: tuple[Act, ...],
) -> tuple[tuple[Asked, float], ...]:
    found = dict(found)
    meeting = bool(cues.MEETING.search(joined))
    listing = bool(cues.LIST.search(joined))
    extra: list[tuple[Asked, float, bool]] = [
        ("meetings_in_period", 1.0, meeting and dated),
        ("changes", 0.8, since and not meeting),
        ("list", 0.8, kinds),
        ("list", 0.8, category is not None and (listing or kinds)),
        ("status", 0.6, category is not None and not listing and not kinds),
        ("smalltalk", 1.0, bool(set(acts) & {"thanks", "greeting"})),
        ("help", 0.6, "help" in acts),
    ]
    for intent, weight, holds in extra:
        if holds:
            found[intent] = found.get(intent, 0.0) + weight
    if meeting and "date" in found:  # "hvornår mødes X": the meeting's date
        moved = min(found["date"], cues.QUESTION_WORD)
        found["date"] -= moved
        target: Asked = "meetings_in_period" if dated and not since else "next_meeting"
        found[target] = found.get(target, 0.0) + moved
    if meeting and dated and not (since and "next_meeting" in found):
        found.pop("next_meeting", None)  # "møder i april": not the next one
    found = {intent: weight for intent, weight in found.items() if weight > 0}
    total = sum(found.values())
    if total < MIN_EVIDENCE:
        return ()
    ranked = sorted(found.items(), key=lambda pair: -pair[1])
    return tuple((intent, weight / total) for intent, weight in ranked)


def _asking(words: list[Word], spans: list[tuple[int, int]]) -> set[int]:
    """Positions of the words inside an asking cue ("hvem er kontaktperson for"); `spans`
    are in the loose words joined by spaces."""
    found: set[int] = set()
    offset = 0
    for number, word in enumerate(words):
        end = offset + len(word.loose)
        if any(start <= offset and end <= stop for start, stop in spans):
            found.add(number)
        offset = end + 1
    return found


def _in_acts(words: list[Word], text: str) -> set[int]:
    """Positions of the words inside an act's phrase ("thank you", "glem det"), read in
    the message as typed (untranslated)."""
    typed = tokens(text)
    joined, starts = "", []
    for token in typed:
        starts.append(len(joined))
        joined += token.word + " "
    places: list[tuple[int, int]] = []
    for start, stop in act_spans(joined):
        inside = [t for t, at in zip(typed, starts, strict=True) if start <= at < stop]
        if inside:
            places.append((inside[0].start, inside[-1].end))
    return {
        n
        for n, word in enumerate(words)
        if any(a <= word.start and word.end <= b for a, b in places)
    }


def _roles(words: list[Word], intent: Asked, asking: set[int]) -> list[Word]:
    """Each word's part: asking (filler, cue words), function, status, kind or subject."""
    open_words = [n for n, word in enumerate(words) if word.role == "subject"]
    plain = [words[n] for n in open_words]
    in_status = _category_positions(plain)
    about_meetings = intent in ("next_meeting", "meetings_in_period", "decisions")
    for position, number in enumerate(open_words):
        word = words[number]
        role = _role(word, position in in_status, intent)
        if role == "subject" and (
            number in asking or (intent == "date" and is_date_word(word.loose))
        ):
            role = "asking"  # "hvornår startede X": which date is asked, not what about
        if role == "subject" and word.loose in cues.BEFORE_MEETING:
            following = plain[position + 1].loose if position + 1 < len(plain) else ""
            if about_meetings or cues.MEETING.fullmatch(following):
                role = "asking"  # "næste møde"; elsewhere a name ("Den sidste tid")
        if intent == "set_scope" and word.loose in ("klynge", "klyngen"):
            role = "asking"
        words[number] = Word(word.raw, word.loose, word.term, word.start, word.end, role)
    return words


def _role(word: Word, in_status: bool, intent: Asked) -> Role:
    if in_status:
        return "status"
    if word.loose in FUNCTION_WORDS:
        return "function"
    if word.loose in cues.FILLER:
        return "asking"
    if word.loose in cues.KINDS and intent not in ("status", "who", "budget", "unknown"):
        return "kind"  # plural kind words filter lists; in "status på aftalerne om X" a name
    return "subject"


def _category_positions(words: list[Word]) -> set[int]:
    loose = [word.loose for word in words]
    taken: set[int] = set()
    for start in range(len(words)):
        for size in (3, 2, 1):
            if start + size > len(words):
                continue
            if cues.CATEGORIES.get(tuple(loose[start : start + size])) is not None:
                taken.update(range(start, start + size))
                break
    return taken


def _named_words(words: list[Word]) -> list[Word]:
    """The subject's words and the function words between them ("Kortlægningen vedr.
    forebyggelse af benamputation" is one name)."""
    positions = [n for n, word in enumerate(words) if word.role == "subject"]
    if not positions:
        return []
    inside = words[positions[0] : positions[-1] + 1]
    return [word for word in inside if word.role in ("subject", "function")]


def _spans(subject: list[Word], text: str) -> list[tuple[int, int]]:
    """Where the subject is in `text`; words with nothing but spaces and punctuation
    between them make one span ("IV-aftalen")."""
    spans: list[tuple[int, int]] = []
    for word in subject:
        if spans and not _WORDY.search(text, spans[-1][1], word.start):
            spans[-1] = (spans[-1][0], max(spans[-1][1], word.end))
        elif spans and word.start < spans[-1][1]:
            continue  # a second Danish word of one English phrase
        else:
            spans.append((word.start, word.end))
    return spans


def _language(text: str, words: list[Word], spans: list[tuple[int, int]], hint: str | None) -> Lang:
    """The language of the words around the subject (a name says nothing about it);
    Danish when in doubt, whatever the locale."""
    frame = [w.raw for w in words if w.raw and not any(a <= w.start < b for a, b in spans)]
    return of_message(" ".join(frame), text, hint)


def _substance(subject: list[Word], names: NameIndex | None) -> list[Word]:
    """Subject words that name something: known to the index, or any without one."""
    if names is None:
        return subject
    return [w for w in subject if not names.vocabulary.unseen(w.term)]


def _mentions(names: NameIndex, subject: list[Word], text: str) -> tuple[Mention, ...]:
    """The entities the subject names well, or names in full inside a longer message,
    best first, each on words no better one took."""
    terms = [word.term for word in subject]
    if not terms:
        return ()
    hits = [
        hit
        for hit in names.search(terms, MENTION_KINDS)
        if hit.score >= MENTION_FLOOR or (hit.precision >= MENTION_PRECISION and hit.covered)
    ]
    chosen: list[Mention] = []
    taken: set[int] = set()
    for hit in hits:
        if len(chosen) >= MENTIONS:
            break
        if hit.covered and not taken.isdisjoint(hit.covered):
            continue
        covered = sorted(hit.covered) or list(range(len(subject)))
        start, end = subject[covered[0]].start, subject[covered[-1]].end
        chosen.append(Mention(hit.entity, hit.name, hit.score, start, end))
        taken.update(hit.covered)
    return tuple(chosen)
