"""What an agreement or initiative is, read from the words of its title.

Agreements: sundhedsaftale, samarbejdsaftale, rammeaftale, partnerskabsaftale and any
other "-aftale" (socialaftale, "aftale om ..."), hensigtserklæring, intentionspapir,
rammepapir, partnerskab. Initiatives: projekt (also compounds: forskningsprojekt,
klyngeprojekt), prøvehandling, forløbsprogram, program, kampagne, handleplan and other
plans, strategi, model, alliance, arbejdsgruppe, kortlægning, initiativ. A forum, udvalg or
gruppe is a body, not an item (unless a text sets it up as an initiative by name).
The first kind word in the title decides; its definite or genitive ending does not matter.

A title written as an agenda item or a headline often starts with what is done with the
thing ("Godkendelse af", "Status på", "Orientering om", "Beslutning -",
"Formandskabsbehandlet:", "LUKKET PUNKT:", "Endelig version af"): `subject` takes such
words off, and `named_phrase` finds the named thing inside a longer title ("Godkendelse af
Trin 1 og 2 i model for ..." -> "model for ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.core.names import fold
from knowledge.documents.records import ItemType

_AGREEMENT_KINDS = (
    "sundhedsaftale", "samarbejdsaftale", "rammeaftale", "partnerskabsaftale",
    "hensigtserklæring", "intentionspapir", "rammepapir", "partnerskab", "aftale",
)  # fmt: skip
_INITIATIVE_KINDS = (
    "forløbsprogram", "prøvehandling", "projekt", "program", "kampagne", "handleplan",
    "strategi", "model", "alliance", "arbejdsgruppe", "kortlægning", "initiativ", "plan",
)  # fmt: skip
# A kind word at a word's start or end ("Samarbejdsaftalen", "klyngeprojektet",
# "KOL programmet"); endings: definite, plural, not genitive ("sundhedsplanens mål").
_ENDING = r"(?:erne|en|et|er|ne|n|t|met|mer|merne|pen|pet)?"
_KIND = re.compile(
    r"(?<![\wæøå])(?P<stem>[\wæøå-]*?)(?P<kind>"
    + "|".join(sorted((*_AGREEMENT_KINDS, *_INITIATIVE_KINDS), key=len, reverse=True))
    + rf"){_ENDING}(?![\wæøå-])",
    re.IGNORECASE,
)
_PREFIX = re.compile(
    r"^(?:(?:lukket\s+punkt|formandskabsbehandlet|skriftlig\s+orientering|orientering"
    r"|godkendelse|beslutning|drøftelse|temadrøftelse|status|opfølgning|orientering\s+og"
    r"\s+godkendelse)\s*(?:[:–-]\s*|\s+(?:af|om|på|for|vedr\.?|vedrørende)\s+))+"
    r"|^(?:(?:endelig\s+version|implementering|udmøntning|revidering|evaluering|præsentation"
    r"|forslag\s+til\s+ny|forslag\s+til)\s+(?:af\s+)?)"
    r"|^(?:ny|nyt|nye)\s+(?=\w)",
    re.IGNORECASE,
)
_PERIOD_SHORT = re.compile(r"\b((?:19|20)\d\d)\s*[-–]\s*(\d\d)(?!\d)")
_FOR_PERIOD = re.compile(r"\s+for\s+(?=(?:19|20)\d\d\s*[-–])", re.IGNORECASE)
_ARTICLES = frozenset({"den", "det", "de", "en", "et"})
_ABOUT = frozenset({"om", "for", "vedr", "vedroerende", "paa", "til"})
_STEM = re.compile(r"(?:erne|ene|en|et|er|n|e)$")
_DECISION = re.compile(r"^beslutning\s+om\s+(?:at\s+)?(?P<what>.+)$", re.IGNORECASE)
_INSIDE = re.compile(r"\b(?:i|af|om|for|til|på)\s+(?=\S)", re.IGNORECASE)
_TRAILING = re.compile(r"\s*\((?:[A-ZÆØÅ-]+-sag|[A-ZÆØÅ]{2,6})\)\s*$")
# Kinds of paper that are no agreement or initiative however they are named.
_NOT_ITEMS = re.compile(r"\b(?:mødeplan|dagsorden|budget|regnskab|årsrapport)\w*", re.IGNORECASE)


@dataclass(frozen=True)
class Kind:
    type: ItemType
    kind: str


def kind_of(title: str) -> Kind | None:
    """The type and kind the first kind word of `title` gives; None without one, and None
    when that word is plural ("initiativer", "klyngeprojekter"): many things, no name."""
    found = _KIND.search(title)
    if found is None or _plural(found.group(0)):
        return None
    kind = found["kind"].lower()
    if kind == "aftale" and found["stem"].lower().endswith("sundheds"):
        kind = "sundhedsaftale"
    if kind in _AGREEMENT_KINDS:
        return Kind("agreement", kind)
    return Kind("initiative", kind)


def _plural(word: str) -> bool:
    return word.lower().endswith(("erne", "er"))


def title_key(title: str) -> str:
    """A title compared across spellings: folded, without what is done with it, without
    articles, a leading "projekt" or a "for" before a period, the first word's definite
    ending, one word for the preposition after it ("om", "for", "vedr."), and a period's
    second year in full ("2024-27" is "2024-2027")."""
    text = _FOR_PERIOD.sub(" ", _PERIOD_SHORT.sub(_full_period, subject(title)))
    words = [word for word in fold(text).split() if word not in _ARTICLES]
    if words and words[0] in ("projekt", "projektet") and len(words) > 1:
        words = words[1:]
    if words:
        words[0] = _STEM.sub("", words[0]) if len(words[0]) > 6 else words[0]
    if len(words) > 1 and words[1] in _ABOUT:
        words[1] = "om"
    return " ".join(words)


def _full_period(found: re.Match[str]) -> str:
    return f"{found[1]}-{found[1][:2]}{found[2]}"


def subject(title: str) -> str:
    """The title without what is done with its subject, and without a case-type suffix."""
    text = title.strip()
    for _ in range(3):
        stripped = _PREFIX.sub("", text, count=1).strip(" :–-")
        if stripped == text:
            break
        text = stripped
    return _TRAILING.sub("", text)


def decision_case(title: str) -> str | None:
    """What a "Beslutning om X" agenda item decides, as a title ("at flytte X" -> "Flytte X")."""
    found = _DECISION.match(title.strip())
    if found is None:
        return None
    phrase = found["what"].strip(" .,:;")
    return phrase[:1].upper() + phrase[1:] if len(phrase.split()) >= 2 else None


def named_phrase(title: str) -> str | None:
    """The part of a title that names an agreement or initiative: the whole subject when it
    starts with a kind word (or one adjective before it), else the phrase from a kind word
    after "i/af/om/for/til/på" to the end; None when no kind word names something."""
    text = subject(title)
    found = _KIND.search(text)
    if found is None or _plural(found.group(0)):
        return None
    before = text[: found.start()].split()
    if len(before) <= 1:
        phrase = text
    else:
        lead = [m for m in _INSIDE.finditer(text) if m.end() <= found.start()]
        if not lead or lead[-1].end() < found.start() - 40:
            return None
        phrase = text[lead[-1].end() :]
    phrase = phrase.strip(" .,:;")
    if len(phrase.split()) < 2 and not re.search(r"\d{4}", phrase):
        return None
    if _NOT_ITEMS.search(phrase) and len(phrase.split()) <= 3:
        return None
    return phrase[:1].upper() + phrase[1:]
