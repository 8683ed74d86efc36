"""Bodies a document names, known or new: a name the lexicon has not seen is a new body.

The lexicon (`knowledge.documents.bodies`) knows the seeds' bodies by every spelling. Any
other body is recognised by the form of its name:
- one capitalised word ending in a body word: "Kommunekontaktudvalget",
  "Sundhedssamordningsudvalget", "Patientinddragelsesudvalget", "Horsensklyngen";
- capitalised words before a body word: "Det Administrative Kontaktforum",
  "Sundhedsstrategisk Forum", "Den Kommunale Sundhedsstrategiske gruppe";
- a body word with its remit: "Udvalg for nære sundhedstilbud", "Følgegruppen for
  kvalitet, økonomi og effekt" (the remit ends at a verb, a preposition or punctuation);
- clusters and councils by their pattern: "Klynge Nord", "Sundhedsklynge Syd", "Faglig
  Sundhedsklynge Syd", "KKR Sjælland";
- an abbreviation in parentheses after a name ("... gruppe (DKS)") is that body's short
  name wherever it stands alone later in the text.
Generic words alone ("udvalget", "styregruppen", "arbejdsgruppen") name no new body.
A mailbox ("Midtklyngen@gentofte.dk") names nobody.

`BodyLexicon` reads a document once and answers which bodies a span of it names; the
body's region is its own (a known regional body) or the document's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.core.names import fold
from knowledge.documents.bodies import Body, find_bodies

_SUFFIX = (
    r"(?:udvalg(?:et)?|styregrupp(?:e|en)|kontaktforum(?:met)?|forum(?:met)?|(?<!om)råd(?:et)?"
    r"|sekretariat(?:et)?|følgegrupp(?:e|en)|temagrupp(?:e|en)|implementeringsgrupp(?:e|en)"
    r"|koordinationsgrupp(?:e|en)|klyng(?:e|en)|bestyrelse(?:n)?|netværk(?:et)?)"
)
_HEAD = (
    r"(?:[Uu]dvalg(?:et)?|[Ss]tyregrupp(?:e|en)|[Kk]ontaktforum(?:met)?|[Ff]orum(?:met)?"
    r"|[Gg]rupp(?:e|en)|[A-ZÆØÅ][a-zæøå]+grupp(?:e|en)|[Rr]åd(?:et)?|[Ss]ekretariat(?:et)?"
    r"|[Nn]etværk(?:et)?)"
)
_CAP = r"[A-ZÆØÅ][a-zæøåé]+(?:-[A-ZÆØÅa-zæøå][a-zæøå]+)?"
_COMPOUND = rf"[A-ZÆØÅ][a-zæøå]{{2,}}(?:-[a-zæøå]+)?{_SUFFIX}"
_STOP = (
    r"(?:i|på|til|om|med|ved|den|det|de|d|som|der|og|at|af|fra|for|er|var|har|havde|skal|vil"
    r"|kan|blev|bliver|mødes|mødtes|\w+er|\w+ede)"
)
# The remit after "for": one or two words, more only as a list ("kvalitet, økonomi og effekt").
_REMIT_WORD = rf"(?!{_STOP}\b)[\wæøå-]+"
_REMIT = (
    rf"[ \t]+(?:for|om|vedr\.|vedrørende)[ \t]+{_REMIT_WORD}(?:[ \t]+{_REMIT_WORD})?"
    rf"(?:(?:,[ \t]+|[ \t]+og[ \t]+){_REMIT_WORD}(?:[ \t]+{_REMIT_WORD})?){{0,3}}"
)
# A compass point or region after a body's name is part of it ("Sundhedsudvalget Øst").
_WHERE = (
    r"(?:[ \t]+(?:Nord|Syd|Øst|Vest|Midt|Sjælland|Nordjylland|Midtjylland|Syddanmark"
    r"|Hovedstaden|Fyn|Sønderjylland)(?![\w-]))?"
)
_ABBREVIATION = r"[ \t]*\((?P<abbr>[A-ZÆØÅ]{2,6})\)"
_NAME = re.compile(
    rf"(?<![\w@.])(?P<name>"
    rf"(?:(?:Faglig|Politisk)[ \t]+)?(?:Sundheds)?[Kk]lynge[ \t]+[A-ZÆØÅ][a-zæøå]+"
    rf"|KKR[ \t]+[A-ZÆØÅ][a-zæøå]+"
    rf"|(?:(?:Det|Den|De)[ \t]+)?(?:{_CAP}[ \t]+){{1,4}}(?:{_HEAD}|{_COMPOUND})(?:{_REMIT})?"
    rf"|(?:{_COMPOUND}|[Uu]dvalg(?:et)?|[Ff]ølgegrupp(?:e|en)|[Ss]tyregrupp(?:e|en)){_REMIT}"
    rf"|{_COMPOUND}{_WHERE}"
    rf")(?:{_ABBREVIATION})?(?![\w@]|-\w)"
)
# An abbreviation that acts ("KOSU har ... besluttet", "godkendelse i SKU den 29. oktober").
_ACTING_ABBREVIATION = re.compile(
    r"(?<![\w-])(?P<abbr>[A-ZÆØÅ]{2,6})(?![\w-])(?="
    r"\s+(?:har|havde|besluttede|godkendte|drøftede|behandlede|behandler|vil|skal|mødes|mødtes"
    r"|holder|afholder|tiltrådte|vedtog|anbefaler|indstiller)\b"
    r"|\s+(?:den|d\.)\s+\d)"
)
# Every name the known lexicon or the forms above find holds one of these.
_HAS_BODY_WORD = re.compile(
    r"udvalg|styregrupp|forum|grupp(?:e|en)\b|(?<!om)råd(?:et|s)?\b|sekretariat|netværk|klynge"
    r"|kkr|bestyrelse|strategisk\w*\s+niveau|\bksg\b|\bfsn\b|\bssu\b|\bsss\b|koordin"
    r"|politisk",
    re.IGNORECASE,
)
_NOT_BODIES = frozenset({"EU", "IT", "PDF", "FMK", "EPJ", "IV", "KOL", "OK", "NB", "PS"})
# Capitalised words that start sentences or name things that are not bodies.
_NOT_NAME_WORDS = frozenset(
    {"i", "på", "til", "om", "med", "for", "og", "det", "den", "de", "en", "et", "af", "at"}
    | {"ny", "nyt", "nye", "hele", "alle", "flere", "hver", "begge", "denne", "dette"}
)
_GENERIC = re.compile(
    rf"^(?:(?:det|den|de)\s+)?(?:arbejds|styre|følge|tema|implementerings|koordinations)?"
    rf"{_HEAD.lower()}$|^(?:sundheds)?klyngen?$",
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*|^\s+)$")
_ADJECTIVE = re.compile(r"(?:e|t|isk|ig|al|el)$")
_ENDINGS = re.compile(r"(?:ets|ens|et|en|s)$")


@dataclass(frozen=True)
class BodyMention:
    start: int
    end: int
    body: Body
    abbreviation: str | None = None


class BodyLexicon:
    """The bodies one document names, with where; built once per document."""

    def __init__(self, text: str, *, region: str | None, cluster: str | None) -> None:
        self.region = region
        self.cluster = cluster
        known: list[BodyMention] = []
        learned: list[BodyMention] = []
        for start, chunk in _chunks(text):
            known.extend(_shifted(_known(chunk, region, cluster), start))
            learned.extend(_shifted(_learned(chunk, region), start))
        self._known_names = {mention.body.name for mention in known}
        learned = _before_known(learned, known, text)
        mentions = _without_overlaps(known + learned)
        mentions += _abbreviated(text, mentions)
        mentions += _acting(text, region)  # after the abbreviations: those name their body
        self.mentions = sorted(_without_overlaps(mentions), key=lambda found: found.start)
        self._starts = [found.start for found in self.mentions]
        self.by_folded_name: dict[str, Body] = {}
        self._by_key: dict[str, Body] = {}
        for mention in self.mentions:
            self.by_folded_name.setdefault(fold(mention.body.name), mention.body)
            self._by_key.setdefault(_key(mention.body.name), mention.body)

    def named(self, start: int, end: int) -> list[BodyMention]:
        """The bodies named inside [start, end), left to right."""
        first = bisect.bisect_left(self._starts, start)
        found = []
        for mention in self.mentions[first:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                found.append(mention)
        return found

    def is_known(self, body: Body) -> bool:
        """True for a body of the lexicon of known bodies (not learned from its form)."""
        return body.name in self._known_names or bool(_known(body.name, body.region, body.cluster))

    def bodies(self) -> list[Body]:
        """Each body once, in the order first named."""
        return list(self._by_key.values())

    def find(self, name: str) -> Body | None:
        """The body a phrase names: one the document names by that name, a known body the
        phrase names, or a body whose name is the whole phrase."""
        known = self._by_key.get(_key(name))
        if known is not None:
            return known
        lexicon = _known(name, self.region, self.cluster)
        if lexicon:
            return lexicon[0].body
        learned = [m for m in _learned(name, self.region) if _key(m.body.name) == _key(name)]
        return learned[0].body if learned else None


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Runs of lines that may name a body (they hold a body word), with where they start:
    the name readers need not search the rest of a long document."""
    start: int | None = None
    at = 0
    for line in text.split("\n"):
        if _HAS_BODY_WORD.search(line):
            if start is None:
                start = at
        elif start is not None:
            yield start, text[start : at - 1]
            start = None
        at += len(line) + 1
    if start is not None:
        yield start, text[start:]


def _shifted(mentions: list[BodyMention], offset: int) -> list[BodyMention]:
    return [BodyMention(m.start + offset, m.end + offset, m.body, m.abbreviation) for m in mentions]


def body_name(phrase: str, region: str | None) -> Body | None:
    """A body's name read from a phrase such as a title ("Møde i Sundhedsstrategisk Forum")."""
    found = _known(phrase, region, None) + _learned(phrase, region)
    kept = _without_overlaps(found)
    return kept[0].body if kept else None


def _known(text: str, region: str | None, cluster: str | None) -> list[BodyMention]:
    found = []
    for match in find_bodies(text, default_cluster=cluster):
        if text[match.end : match.end + 1] == "@" or _in_address(text, match.start):
            continue
        body = match.body
        if body.region is None or (region is not None and body.cluster is None):
            body = Body(body.name, region or body.region, body.cluster)
        found.append(BodyMention(match.start, match.end, body))
    return found


def _learned(text: str, region: str | None) -> list[BodyMention]:
    found = []
    for match in _NAME.finditer(text):
        start, name = _trimmed(match.start("name"), match["name"])
        cleaned = _clean(name)
        if cleaned is None or _in_address(text, start):
            continue
        if _SENTENCE_START.search(text[max(0, start - 3) : start]) and not _distinctive(name):
            continue
        body = Body(cleaned, region, None)
        found.append(BodyMention(start, match.end(), body, match["abbr"]))
    return found


def _before_known(
    learned: list[BodyMention], known: list[BodyMention], text: str
) -> list[BodyMention]:
    """Learned names that qualify a known body right after them are part of it:
    "Sundhedsklynge Sønderjyllands politiske niveau" is the political level, one body."""
    starts = {mention.start for mention in known}
    kept = []
    for mention in learned:
        after = next((at for at in range(mention.end, mention.end + 4) if at in starts), None)
        between = text[mention.end : after] if after is not None else None
        if between is None or between.strip(" -–") not in ("", "s"):
            kept.append(mention)
    return kept


def _acting(text: str, region: str | None) -> list[BodyMention]:
    return [
        BodyMention(match.start(), match.end(), Body(match["abbr"], region, None))
        for match in _ACTING_ABBREVIATION.finditer(text)
        if match["abbr"] not in _NOT_BODIES
    ]


def _trimmed(start: int, name: str) -> tuple[int, str]:
    """The name without leading words that are no part of it: "At", "Nyt", and before a
    multi-word name's body word only adjectives and nouns in -e/-t stay ("Det Administrative
    Kontaktforum"; not "Erstatter Samordningsudvalg", "Hvis Midtklyngen")."""
    words = name.split()
    while len(words) > 1 and (
        words[0].lower() in _NOT_NAME_WORDS - {"det", "den", "de"} or not _leading(words)
    ):
        offset = name.index(words[1])
        start, name = start + offset, name[offset:]
        words = name.split()
    return start, name


def _leading(words: list[str]) -> bool:
    first = words[0]
    if first in ("Det", "Den", "De") or not first[0].isupper() or " for " in " ".join(words):
        return True
    return bool(_ADJECTIVE.search(first)) or (first.isupper() and len(first) <= 5)


def _clean(name: str) -> str | None:
    name = " ".join(name.split())
    if not name or _GENERIC.match(name):
        return None
    if name.split()[0] in ("Det", "Den", "De") and len(name.split()) < 3:
        return None
    return name[0].upper() + name[1:]


def _distinctive(name: str) -> bool:
    """At a sentence start every word is capitalised: only a compound or a several-word
    name with a capitalised word after the first is still a name there."""
    words = name.split()
    return len(words) == 1 or any(word[0].isupper() for word in words[1:])


def _in_address(text: str, start: int) -> bool:
    before = text[max(0, start - 40) : start]
    token = before.split()[-1] if before.split() and not before[-1:].isspace() else ""
    return "@" in token or "/" in token or "www." in token


def _abbreviated(text: str, mentions: list[BodyMention]) -> list[BodyMention]:
    """Later stand-alone uses of an abbreviation given in parentheses after a name."""
    found = []
    for mention in mentions:
        if not mention.abbreviation:
            continue
        pattern = re.compile(rf"(?<![\w(]){re.escape(mention.abbreviation)}(?![\w)])")
        for match in pattern.finditer(text):
            if not mention.start <= match.start() < mention.end:
                found.append(BodyMention(match.start(), match.end(), mention.body))
    return found


def _without_overlaps(found: list[BodyMention]) -> list[BodyMention]:
    """Longest first where names overlap; a known body before a learned one of equal length."""
    kept: list[BodyMention] = []
    starts: list[int] = []
    order = sorted(found, key=lambda one: (one.start - one.end, one.start))
    for candidate in order:
        at = bisect.bisect_right(starts, candidate.start)
        if (at and kept[at - 1].end > candidate.start) or (
            at < len(kept) and kept[at].start < candidate.end
        ):
            continue
        starts.insert(at, candidate.start)
        kept.insert(at, candidate)
    return kept


def _key(name: str) -> str:
    """A body's name compared without article, abbreviation and case or genitive endings."""
    name = re.sub(r"\s*\([^)]*\)\s*$", "", name)
    name = re.sub(r"^(?:det|den|de)\s+", "", name, flags=re.IGNORECASE)
    return " ".join(_ENDINGS.sub("", word) for word in fold(name).split())
