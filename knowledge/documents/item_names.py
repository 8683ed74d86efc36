"""Agreements and initiatives named in running text.

Four general forms, none tied to a document:
- an agreement with its period: "Sundhedsaftalen 2024-2027", "Sundhedsaftale 2019-2023",
  "Sundhedsaftalen for 2019-2023", "Nordjysk Socialaftale 2021-2022";
- a kind word with what it is about: "Samarbejdsaftale om ...", "Rammeaftale for ...",
  "Forløbsprogram for ...", "Prøvehandling om ...", "Hensigtserklæring om ...", "strategi
  for ...", "aftale om ..." (one adjective before it is kept: "tværsektoriel strategi for
  telesundhed"); the name runs to punctuation, a verb or a date;
- a project by name: "projekt TVÆRSPOR", "Projekt Tidlig Opsporing og Forebyggelse",
  "projektet Livets Afslutning" (capitalised or all-capital words, or a run of words after
  a capitalised first word up to a verb, "til <amount>" or punctuation);
- a quoted name after a kind word or a verb of setting up: 'Klyngeprojektet, "X"',
  'besluttede at etablere "Y"'.
A kind word alone ("samarbejdsaftalen", "aftalerne") names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_STOP_WORDS = (
    r"er|var|blev|bliver|har|havde|skal|skulle|vil|ville|kan|kunne|må|bør|som|hvor|hvis"
    r"|når|fordi|men|mens|samt|herunder|hvilket|hvorfor|så|da|og\s+(?:er|har|skal|blev|vil)"
    r"|forventes|træder|trådte|godkendes|godkendt|godkendte|beskriver|indeholder|omfatter"
    r"|danner|sætter|sikrer|gælder|giver|betyder|løber|pågår|vedlagt|fremgår|ligger"
    r"|igangsættes|indgås|implementeres|revideres|evalueres|udløb|udløber|med\s+henblik"
    r"|jf|fx|bl\.a|ca|mv|evt|mhp|m\.v|og\s+(?:de|det|den)"
)
_WORD = r"(?:\([\wæøå]+\))?[\wæøåÆØÅ/'’-]+"  # "(gen)indlæggelser" is one word
_PHRASE = rf"{_WORD}(?:\s+(?!(?:{_STOP_WORDS})\b)(?!\d)(?:{_WORD}))*?"
_END = rf"(?=\s*(?:[.,;:!?)\"“”]|\((?![\wæøå]+\)[\wæøå])|\s(?:{_STOP_WORDS})\b|\s\d|\s*$))"
_PERIOD = r"\d{4}\s*[-–]\s*(?:\d{4}|\d{2})(?!\d)"
_AGREEMENT_PERIOD = re.compile(
    rf"(?<![\wæøå])(?P<name>(?:[A-ZÆØÅ][a-zæøå]+(?:isk|sk|ig|ske|ige)\s+)?[A-ZÆØÅa-zæøå]\w*aftale(?:n|r|rne)?"
    rf"(?:\s+for)?\s+{_PERIOD})"
)
_KIND_ABOUT = re.compile(
    rf"(?<![\wæøå])(?P<name>(?:(?:[a-zæøå]+(?:iel|el|isk|ig|lig|fælles|ede|et))\s+)?"
    rf"(?:samarbejdsaftale|rammeaftale|partnerskabsaftale|aftale|forløbsprogram|prøvehandling"
    rf"|hensigtserklæring|intentionspapir|rammepapir|partnerskab|strategi|handleplan|kampagne"
    rf"|model)(?:n|en|et)?\s+(?:om|for|vedr\.|vedrørende|på)\s+{_PHRASE}){_END}",
    re.IGNORECASE,
)
_PROJECT = re.compile(
    r"(?<![\wæøå])(?:[Pp]rojekt|[Kk]lyngeprojekt)(?:et)?\s+(?P<name>(?:[A-ZÆØÅ]{3,}\w*"
    r"|[A-ZÆØÅ][\wæøå-]+(?:\s+(?:og\s+)?[A-ZÆØÅ][\wæøå-]+)*"
    r"(?:\s+(?!(?:til\s+\d|" + _STOP_WORDS + r")\b)[a-zæøå][\wæøå-]*){0,8}))"
    rf"(?=\s+til\s+\d|\s*[.,;:!?()\"“”]|\s(?:{_STOP_WORDS})\b|\s\d|\s*$)"
)
_QUOTED = re.compile(
    r"(?P<lead>(?:projekt|klyngeprojekt|initiativ|forbedringsinitiativ|indsats|aftale|forløb)"
    r"(?:et|en)?|etablere|oprette|nedsætte|igangsætte|lancere)[,:]?\s+"
    r"[\"“'‘](?P<name>[^\"”’'\n]{3,90})[\"”’']",
    re.IGNORECASE,
)
NAME_MAX_WORDS = 14
_DIGIT = re.compile(r"\d")
_KIND_STEMS = (
    "aftale", "program", "prøvehandling", "erklæring", "papir", "partnerskab", "strategi",
    "handleplan", "kampagne", "model",
)  # fmt: skip
# A name runs through one "og" ("indlæggelse og udskrivelse"), not a second one.
_SECOND_AND = re.compile(r"^((?:(?!\s+og\s).)*\s+og\s+(?:(?!\s+og\s).)*)\s+og\s+.*$")
# "aftale om en ...", "model for hvordan ...": what follows the preposition names nothing.
_VAGUE = re.compile(
    r"^\S+\s+(?:om|for|vedr\.|vedrørende|på)\s+(?:en|et|den|det|de|at|hvordan|hvilke|hvad|dette|denne)\b",
    re.IGNORECASE,
)
# A name does not end on a word that needs more ("... telemedicin fra", "... udvikling af").
_TRAILING = re.compile(
    r"(?:\s+(?:fra|til|i|af|om|for|med|på|og|ved|mellem|efter|inden|der|som))+$", re.I
)


@dataclass(frozen=True)
class Named:
    start: int
    end: int
    name: str
    form: str  # "period", "about", "project", "quoted"
    lead: str = ""  # the word before a quoted name ("Klyngeprojektet", "etablere")


def named_items(text: str) -> Iterator[Named]:
    """The agreements and initiatives `text` names, left to right, without overlaps."""
    lowered = text.lower()
    found: list[Named | None] = []
    if "aftale" in lowered and _DIGIT.search(text):
        found.extend(_named(m, "period") for m in _AGREEMENT_PERIOD.finditer(text))
    if any(stem in lowered for stem in _KIND_STEMS):
        found.extend(_named(m, "about") for m in _KIND_ABOUT.finditer(text))
    if "projekt" in lowered:
        found.extend(_named(m, "project", project=True) for m in _PROJECT.finditer(text))
    if any(mark in text for mark in "\"“'‘"):
        found.extend(_named(m, "quoted") for m in _QUOTED.finditer(text))
    kept: list[Named] = []
    for named in sorted((n for n in found if n is not None), key=lambda n: (n.start, -n.end)):
        if kept and named.start < kept[-1].end:
            continue
        kept.append(named)
    yield from kept


def _named(match: re.Match[str], form: str, *, project: bool = False) -> Named | None:
    name = _TRAILING.sub("", " ".join(match["name"].split()).strip(" -–'’"))
    if project:
        name = f"Projekt {name}"
    name = _SECOND_AND.sub(r"\1", name) if form == "about" else name
    words = name.split()
    if len(words) < 2 or len(words) > NAME_MAX_WORDS:
        return None
    if form == "about" and (len(words) < (3 if name[0].isupper() else 4) or _VAGUE.match(name)):
        return None
    lead = match["lead"] if form == "quoted" else ""
    return Named(match.start("name"), match.end("name"), name[:1].upper() + name[1:], form, lead)
