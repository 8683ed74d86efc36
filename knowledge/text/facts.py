"""Whether a sentence states the kind of fact a question asks for, and how surely (0 to 1).

- date: any Danish date or period `knowledge.core.dates` reads ("1. maj 2023", "primo
  2022", "i 2019", "04-03-2024"), or an English one ("3 May 2024", "May 3, 2024");
- person: two to four capitalised words in a row ("Mette Fjord Nielsen", "Leif P.
  Christensen"), none of them an institution or place word ("Region Midtjylland",
  "Randers Kommune", "Regionshospitalet Randers", "Danske Patienter"); surer with a role
  word in the sentence ("formand", "direktør", "mødeleder"); a body (a council, a group, a
  forum; not a region or a municipality) counts as found too, below any person, as "who"
  is often answered by one ("Kommune Kontaktrådet"). The room
  may not import the documents' body and geography lists, so the rule is general: Danish
  names of bodies and places carry one of these words, people's names do not;
- amount: kroner, DKK, "mio.", "t.kr." next to a number; a number with thousands
  separators alone ("1.200", a table in thousands) counts for less, a plain number (not
  a year) for less again, too little to count as found;
- place: a street address, a postcode and town, a meeting room ("mødelokale 3"), a town
  hall; "i" or "på" + the name of a body or place ("i Vestklyngen") is found too, any
  other capitalised name after them counts for less;
- status: a phrase `knowledge.core.status` reads as a status ("er implementeret", "i
  drift", "afsluttes");
- decision: a body deciding, approving, agreeing or taking note; a proposal
  ("indstilles") counts for less;
- definition: "er en", "har til formål", "handler om", "står for"; for less, an
  abbreviation with its expansion in brackets, or a sentence opening "X er";
- any: every sentence.

A label opening the sentence ("Status:", "Hvad:", "Beslutning:", "Mødested") or the
section's own heading ("Beslutning", "Formål", "Mødedeltagere") says the kind as well.
"""

from __future__ import annotations

import re

from knowledge.core.dates import find_dates
from knowledge.core.names import fold
from knowledge.core.status import CUES
from knowledge.text.kinds import FactKind

SURE = 1.0
LIKELY = 0.6
WEAK = 0.4
HEADED = 0.7  # a sentence under a heading that names the kind
FOUND = 0.5  # from this strength a sentence holds the kind

_ENGLISH_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_ENGLISH_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_ENGLISH_MONTH},?\s+(?:19|20)\d\d\b"
    rf"|\b{_ENGLISH_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b"
)
_CAPITALISED = r"(?:[A-ZÆØÅ][a-zæøåéü]+(?:-[A-ZÆØÅ][a-zæøåéü]+)?|[A-ZÆØÅ]\.)"
_NAME = re.compile(rf"(?<![\w.])(?:{_CAPITALISED}\s+){{1,3}}{_CAPITALISED}(?!\w)")
_INSTITUTION = (
    "region", "kommun", "hospital", "sygehus", "psykiatri", "klynge", "udvalg", "grupp",
    "forum", "forening", "praksis", "patient", "center", "centret", "raad", "styrelse",
    "ministeri", "sekretariat", "niveau", "afdeling", "team", "netvaerk", "program",
    "aftale", "plan", "projekt", "danske", "almen", "plo", "sundhed", "midt", "syd", "nord",
    "jylland", "fyn", "sjaelland", "hovedstad", "lægevagt", "laegevagt", "alle", "vej",
    "gade", "statens", "institut", "kl", "dagsorden", "referat", "punkt", "status",
)  # fmt: skip
_BODY = ("udvalg", "raad", "grupp", "forum", "forening", "sekretariat", "styrelse", "niveau")
_NOT_FIRST = frozenset(
    {"det", "den", "der", "de", "som", "i", "paa", "med", "hvad", "hvem", "og", "til", "for", "at"}
    | {"efter", "ved", "fra", "om", "en", "et", "samarbejdsaftalen", "aftalen", "mandag"}
    | {"tirsdag", "onsdag", "torsdag", "fredag", "loerdag", "soendag", "bilag", "tabel"}
)
_ROLE = re.compile(
    r"(?:formand|direktør|chef|konsulent|leder|læge|sygeplejerske|koordinator|sekretær"
    r"|referent|medlem|repræsentant|kontaktperson|tovholder|chair|director|manager)",
    re.IGNORECASE,
)
_MONEY = re.compile(
    r"\d[\d.,]*\s*(?:kr\.?|kroner|dkk|mio\.?|mia\.?|t\.\s?kr\.?|mill(?:\.|ioner)?|euro|€)"
    r"|(?:kr\.|dkk|€)\s*\d",
    re.IGNORECASE,
)
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]\d)")
_COUNT = re.compile(r"(?<![\d.,/-])(?!(?:19|20)\d\d(?!\d))\d+(?:[.,]\d+)?(?![\d.,/-]\d)")
_ADDRESS = re.compile(
    r"\b[A-ZÆØÅ]\w+(?:vej|gade|allé|alle|plads|vænget|torv|stræde)\s+\d+|\b\d{4}\s+[A-ZÆØÅ]\w+"
)
_ROOM = re.compile(
    r"\b(?:møde)?(?:lokale|rum)\s+[\w.]+|\bmødested\b|\brådhus\b|\bsal\b|\bauditorium\b",
    re.IGNORECASE,
)
_IN_PLACE = re.compile(r"\b(?:i|på)\s+([A-ZÆØÅ][\w-]+(?:\s+Kommune)?)")
_DECIDED = re.compile(
    r"\b(?:besluttede|besluttet|godkendte|godkendt|vedtog|vedtaget|tiltrådte|tiltrådt"
    r"|blev enige|enighed|til efterretning|opbakning|bakkede op|afviste|afvist)\b",
    re.IGNORECASE,
)
_PROPOSED = re.compile(r"\b(?:indstiller|indstilles|foreslår|anbefaler)\b", re.IGNORECASE)
_DEFINED = re.compile(
    r"\b(?:er|var)\s+(?:en|et)\b|\bhar til formål\b|\bformålet\b|\bhandler om\b|\bomhandler\b"
    r"|\bbetyder\b|\bstår for\b|\bdvs\b|\bdefineres\b|\bgår ud på\b|\bafprøver\b",
    re.IGNORECASE,
)
_ABBREVIATED = re.compile(r"\w{4,}.*\s[-–]\s[A-ZÆØÅ]{2,}\b")  # "Test- og ... - TUCV"
_EXPANDED = re.compile(r"\b[A-ZÆØÅ]{2,}\s*\([^)]{6,}\)|\([A-ZÆØÅ]{2,}\)")
_SAID_IS = re.compile(r"^([\w-]+)\s+(?:er|var)\s")  # "TUCV er etableret i ..."
_LABELS: dict[FactKind, tuple[str, ...]] = {
    "date": ("tidspunkt", "dato", "modedato"),
    "person": ("modedeltagere", "deltagere", "modeleder", "referent", "inviterede"),
    "place": ("modested", "sted", "adresse"),
    "status": ("status",),
    "decision": ("beslutning", "referat", "konklusion"),
    "definition": ("hvad", "formaal", "formaal og indhold", "baggrund", "beskrivelse"),
}


def strength(kind: FactKind, sentence: str, *, year: int | None = None, heading: str = "") -> float:
    """How surely `sentence` states a fact of `kind`; `heading` is its section's heading."""
    if kind == "any":
        return SURE
    said = _CHECKS[kind](sentence, year)
    return max(said, _labelled(kind, sentence, heading))


def holds(kind: FactKind, sentence: str, *, year: int | None = None, heading: str = "") -> bool:
    return strength(kind, sentence, year=year, heading=heading) >= FOUND


def _labelled(kind: FactKind, sentence: str, heading: str) -> float:
    labels = _LABELS.get(kind, ())
    opening = fold(sentence.split(":", 1)[0]) if ":" in sentence[:30] else ""
    if opening in labels:
        return SURE
    if kind == "definition" and (_EXPANDED.search(heading) or _ABBREVIATED.search(heading)):
        return HEADED  # a heading that spells an abbreviation out defines it
    return HEADED if fold(heading) in labels else 0.0


def _date(sentence: str, year: int | None) -> float:
    return SURE if find_dates(sentence, year=year) or _ENGLISH_DATE.search(sentence) else 0.0


def _person(sentence: str, year: int | None) -> float:
    names = [_words(match[0]) for match in _NAME.finditer(sentence)]
    if any(len(words) >= 2 and not _institution(words) for words in names):
        return SURE if _ROLE.search(sentence) else LIKELY
    # "who" may be answered by a body: found, but below any person
    return FOUND if any(len(words) >= 2 and _body(words) for words in names) else 0.0


def _words(name: str) -> list[str]:
    words = fold(name).split()
    return words[1:] if words[0] in _NOT_FIRST else words


def _institution(words: list[str]) -> bool:
    return any(part in word for word in words for part in _INSTITUTION)


def _body(words: list[str]) -> bool:
    """A body that acts ("Kommune Kontaktrådet"), not a region or a municipality."""
    return any(part in word for word in words for part in _BODY)


def _amount(sentence: str, year: int | None) -> float:
    if _MONEY.search(sentence):
        return SURE
    if _GROUPED.search(sentence):
        return LIKELY
    return WEAK if _COUNT.search(sentence) else 0.0


def _place(sentence: str, year: int | None) -> float:
    if _ADDRESS.search(sentence) or _ROOM.search(sentence):
        return SURE
    named = [_words(match[1]) for match in _IN_PLACE.finditer(sentence)]
    if any(_institution(words) for words in named):
        return FOUND  # "i Vestklyngen", "på Regionshospitalet"
    return WEAK if named else 0.0


def _status(sentence: str, year: int | None) -> float:
    return SURE if any(cue.pattern.search(sentence) for cue in CUES) else 0.0


def _decision(sentence: str, year: int | None) -> float:
    if _DECIDED.search(sentence):
        return SURE
    return LIKELY if _PROPOSED.search(sentence) else 0.0


def _definition(sentence: str, year: int | None) -> float:
    if _DEFINED.search(sentence):
        return SURE
    said_is = _SAID_IS.match(sentence)
    if said_is and fold(said_is[1]) not in _NOT_FIRST:
        return LIKELY
    return LIKELY if _EXPANDED.search(sentence) else 0.0


_CHECKS = {
    "date": _date,
    "person": _person,
    "amount": _amount,
    "place": _place,
    "status": _status,
    "decision": _decision,
    "definition": _definition,
}
