"""People in bodies: members, chairs, secretaries, contacts, who took part and who was absent.

Documents list people in a few general ways, all read here:
- a line per person: "Anne Hansen, Testby Kommune", "Lars Berg, overlæge, Sygehus Øst
  (fmd.)", "Formand Eva Holm (B), Regionsrådet", "Kommunaldirektør Per Lund, Testby
  Kommune", "Ole Dam, A" (a party letter), or the name alone; in a list under a heading or
  a line that announces people ("Deltagere", "Medlemmer af ...", "Inviterede",
  "Kontaktinformation", "Afbud", "... består af:"), or in a list most of whose lines are
  people; a short line without a name inside such a list ("Randers Kommune", "Region",
  "Praktiserende læger") is the group the next people represent;
- a role label: "Formand: Eva Holm, direktør, Testby Kommune (eh@testby.dk)", "Sekretær:
  A og B", "Mødeleder: ...", "Referent: ...", "Kontaktperson: ...", and "Fra <body>: name"
  after a line naming the role ("De fire tovholdere er:");
- prose: "Der var afbud fra A, B og C", "Alle medlemmer var mødt undtagen A og B",
  "Udvalget består af 11 medlemmer: borgmester A, Testby Kommune, ...", a photo caption
  "Fra venstre mod højre: A (V), borgmester i X, B (S), ...".

A person's name is two to four capitalised words (an initial allowed) that are not an
organisation ("Region Midtjylland", "Randers Kommune", "Hospitalsenhed Midt"). The role is
the title the text gives (formand, næstformand, sekretær, direktør, borgmester ...; "fmd."
is formand), the affiliation the municipality, region, party or workplace.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.documents.layout import Line
from knowledge.documents.records import Member

_WORD = r"[A-ZÆØÅ][a-zæøåéèüöäá]+(?:-[A-ZÆØÅ]?[a-zæøåéèüöä]+)?"
NAME = rf"{_WORD}(?:[ \t]+(?:[A-ZÆØÅ]\.|{_WORD})){{1,3}}"
_ROLE_WORD = (
    r"(?:[\wæøå-]*(?:direktør|chef|konsulent|leder|formand|sekretær|læge|sygeplejerske"
    r"|koordinator|medarbejder|rådgiver|planlægger|mester|medlem|rådmand|referent|tovholder"
    r"|kontaktperson|repræsentant|overlæge|fuldmægtig)|fmd\.?|næstformand|medformand)"
)
_ROLE_FIRST = re.compile(rf"^(?P<role>(?:1\.\s*)?{_ROLE_WORD})\s+(?=[A-ZÆØÅ])", re.IGNORECASE)
_PERSON = re.compile(
    rf"^(?P<name>{NAME})(?P<party>\s*\((?P<letter>[A-ZÆØÅ]{{1,3}})\))?(?P<rest>.*)$"
)
_PAREN = re.compile(r"\(([^()]*)\)")
_EMAIL = re.compile(r"\S+@\S+|\[email[^\]]*\]")
_PHONE = re.compile(r"\b(?:tlf|telefon|mobil)\.?:?\s*[\d ]{8,}", re.IGNORECASE)
_LABEL = re.compile(
    r"^(?P<label>formand|næstformand|medformand|sekretær|sekretariat|referent|mødeleder"
    r"|ordstyrer|kontaktperson|tovholder|klyngetovholder|kontakt)(?:er)?\s*:\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
# "Deltagere: A (formand), B og C", "Afbud: D": a list on the label's line.
_LISTED = re.compile(
    r"^(?P<label>deltagere|mødedeltagere|til stede|fremmødte|medlemmer|inviterede|afbud"
    r"|fraværende)\s*:\s*(?P<rest>\S.+)$",
    re.IGNORECASE,
)
_FROM_BODY = re.compile(r"^fra\s+(?P<body>[^:]{3,60}):\s*(?P<rest>.+)$", re.IGNORECASE)
_INTRO = re.compile(
    r"\b(?:deltagere|mødedeltagere|medlemmer|inviterede|til stede|fremmødte|består af"
    r"|tovholdere|kontaktpersoner|kontaktperson|kontaktinformation|sekretariat|gæster"
    r"|repræsentanter)\b",
    re.IGNORECASE,
)
_SENT_APOLOGIES = re.compile(r"\(\s*afbud\s*\)", re.IGNORECASE)  # "Anne Dam, chef (Afbud)"
_ABSENT_INTRO = re.compile(r"^(?:afbud|fraværende|fravær)\b", re.IGNORECASE)
_ROLE_NOUN = re.compile(r"\b(?P<role>tovholder|kontaktperson|sekretær|formand)e?r?\b", re.I)
_PROSE_LISTS = (
    (
        re.compile(r"\bafbud fra\s+(?P<list>.+?)(?:(?-i:(?<=[a-zæøå]))\.|$)", re.IGNORECASE),
        "absent",
    ),
    (
        re.compile(r"\bmødt\s+undtagen\s+(?P<list>.+?)(?:,\s*der\b|(?-i:(?<=[a-zæøå]))\.|$)", re.I),
        "absent",
    ),
    (re.compile(r"\bbestår af(?:\s+\d+\s+\w+)?:\s*(?P<list>.+)", re.IGNORECASE), "member"),
    (re.compile(r"\bfra venstre(?:\s+mod\s+højre)?[^:]{0,20}:\s*(?P<list>.+)", re.I), "member"),
)
_ORGANISATION = frozenset(
    {
        "kommune", "kommunes", "regionskommune", "region", "regionen", "regionsrådet",
        "hospital", "hospitalet", "hospitalsenhed", "sygehus", "sygehuset", "regionshospitalet",
        "psykiatri", "psykiatrien", "praksis", "almen", "center", "centret", "afdeling",
        "sekretariat", "danske", "patienter", "regioner", "sundhed", "styrelse", "ministeriet",
        "universitet", "universitetshospital", "kræftens", "bekæmpelse", "forening",
        "foreningen", "organisation", "klynge", "klyngen", "udvalg", "udvalget", "forum",
        "gruppe", "gruppen", "styregruppe", "styregruppen", "rådet", "fonden", "kommunerne",
        "sundhedsaftalen", "aftale", "projekt", "patientforening", "midt", "nord", "syd", "vest",
        "øst", "byen", "hus", "huset", "skole", "skolen", "sundhedscenter", "rådhus",
        "rådhuset", "allé", "vej", "gade", "plads", "torv", "mødelokale", "lokale",
    }
)  # fmt: skip
_NOT_FIRST = frozenset(
    {"der", "det", "den", "de", "alle", "efter", "fra", "med", "for", "til", "i", "på", "og",
     "som", "når", "hvis", "vi", "man", "se", "læs", "ring", "skriv", "mødet", "udvalget"}
)  # fmt: skip
_SPLIT = re.compile(r",\s*|\s+og\s+(?=(?:\S+\s+)?[A-ZÆØÅ])|\s*;\s*|\s*\|\s*")
_GROUP_MAX_WORDS = 5
PERSON_MAX = 200
# A verb makes a line a sentence about someone ("A, Testby Kommune, indledte punktet").
_SENTENCE = re.compile(
    r"\b(?:er|var|har|havde|skal|vil|kan|blev|bliver|deltog|deltager|orienterede"
    r"|[a-zæøå]{3,}ede|[a-zæøå]{2,}dte)\b"
)
Kind = str  # "member", "absent"


@dataclass(frozen=True)
class Found:
    """A person as read, with the line (or sentence) and what the list says of them."""

    member: Member
    kind: Kind
    start: int
    end: int
    body_phrase: str | None = None  # "Fra Klynge Midt:", "Medlemmer af X": names their body


def person(text: str, *, group: str | None = None) -> Member | None:
    """One person from "Name, role, affiliation (fmd.)" and its variants; None if no one."""
    text = _PHONE.sub("", _EMAIL.sub("", text)).replace("()", "").strip(" ,.|")
    if len(text) > PERSON_MAX or _SENTENCE.search(_PAREN.sub(" ", text)):
        return None
    role = None
    first = _ROLE_FIRST.match(text)
    if first is not None:
        role, text = _role(first["role"]), text[first.end() :]
    found = _PERSON.match(text)
    if found is None or not is_name(found["name"]):
        return None
    name = found["name"]
    rest = found["rest"]
    notes = [note.strip() for note in _PAREN.findall(rest)]
    rest = _PAREN.sub(" ", rest)
    parts = [part.strip() for part in re.split(r",", rest) if part.strip(" .-")]
    if (
        rest.strip()
        and not rest.lstrip().startswith((",", "("))
        and not found["party"]
        and not re.match(rf"^\s+{_ROLE_WORD}", rest, re.IGNORECASE)
    ):
        return None  # "Anne Hansen orienterede ...": a sentence about a person
    for note in notes:
        if re.fullmatch(r"fmd\.?|formand|næstformand|medformand", note, re.IGNORECASE):
            role = role or _role(note)
    titles = [part for part in parts if re.search(_ROLE_WORD, part, re.IGNORECASE)]
    places = [part for part in parts if part not in titles]
    if role is None and titles:
        role = titles.pop(0)
    places = [*titles, *places]
    affiliation = ", ".join(
        [*((found["letter"],) if found["letter"] else ()), *places] or ([group] if group else [])
    )
    return Member(name=name, role=role, affiliation=affiliation or None)


def is_name(text: str) -> bool:
    """Two to four capitalised words that are not an organisation, a month or a phrase."""
    words = text.split()
    if not 2 <= len(words) <= 4 or words[0].lower() in _NOT_FIRST:
        return False
    return not any(word.lower().strip(".") in _ORGANISATION for word in words)


def _role(text: str) -> str:
    role = text.strip().rstrip(".").lower()
    return "formand" if role == "fmd" else role


def people_in_list(text: str) -> Iterator[Member]:
    """The persons of a running list "A (V), borgmester, B, Rebild Kommune og C"."""
    current: Member | None = None
    extra: list[str] = []
    for token in _SPLIT.split(text.strip().rstrip(".")):
        token = token.strip()
        if not token:
            continue
        found = person(token)
        if found is not None:
            if current is not None:
                yield _with(current, extra)
            current, extra = found, []
        elif current is not None:
            extra.append(_EMAIL.sub("", token).strip(" ()"))
    if current is not None:
        yield _with(current, extra)


def _with(member: Member, extra: list[str]) -> Member:
    extra = [part for part in extra if part]
    if not extra:
        return member
    titles = [part for part in extra if re.search(_ROLE_WORD, part, re.IGNORECASE)]
    places = [part for part in extra if part not in titles]
    role = member.role or (titles[0] if titles else None)
    affiliation = ", ".join(part for part in (member.affiliation, *places) if part) or None
    return Member(member.name, role, affiliation)


def in_prose(text: str, start: int) -> Iterator[Found]:
    """People named in prose lists (absences, "består af", photo captions)."""
    for pattern, kind in _PROSE_LISTS:
        for match in pattern.finditer(text):
            for member in people_in_list(match["list"]):
                yield Found(member, kind, start + match.start(), start + match.end())


def in_lines(lines: list[Line]) -> Iterator[Found]:
    """People listed a line each, or by role labels, in a run of lines; a name alone with
    a title on the next line ("Inge Hansen" / "Sundhedsfaglig konsulent") has that role."""
    state = _State()
    text_lines = [line for line in lines if not line.blank]
    for at, line in enumerate(text_lines):
        for found in state.read(line):
            following = text_lines[at + 1] if at + 1 < len(text_lines) else None
            yield _titled(found, following)


def _titled(found: Found, following: Line | None) -> Found:
    member = found.member
    if member.role or member.affiliation or following is None:
        return found
    title = following.text
    if len(title.split()) > 6 or not re.search(_ROLE_WORD, title, re.IGNORECASE):
        return found
    if _PERSON.match(title) and is_name(_PERSON.match(title)["name"]):  # type: ignore[index]
        return found
    return Found(
        Member(member.name, title, None), found.kind, found.start, following.end, found.body_phrase
    )


@dataclass
class _State:
    kind: Kind | None = None  # inside a list of people
    intro: str | None = None  # the line that announced the list ("Medlemmer af X")
    group: str | None = None
    role: str | None = None  # "De fire tovholdere er:": the role of those listed next
    misses: int = 0

    def read(self, line: Line) -> Iterator[Found]:
        text = line.text
        listed = _LISTED.match(text)
        if listed is not None:
            kind = "absent" if _ABSENT_INTRO.match(listed["label"]) else "member"
            for member in people_in_list(listed["rest"]):
                yield Found(member, kind, line.start, line.end)
            return
        labelled = _LABEL.match(text)
        if labelled is not None:
            yield from self._labelled(line, labelled["label"], labelled["rest"])
            return
        from_body = _FROM_BODY.match(text)
        if from_body is not None and self.role is not None:
            for member in people_in_list(from_body["rest"]):
                tovholder = Member(member.name, member.role or self.role, member.affiliation)
                yield Found(tovholder, "member", line.start, line.end, from_body["body"])
            return
        found = person(text, group=self.group) if len(text) <= 250 else None
        if found is not None and (self.kind is not None or _list_like(text)):
            self.misses = 0
            kind = "absent" if _SENT_APOLOGIES.search(text) else self.kind or "member"
            yield Found(found, kind, line.start, line.end, self.intro)
            return
        self._context(text)

    def _labelled(self, line: Line, label: str, rest: str) -> Iterator[Found]:
        role = _role(label)
        for member in people_in_list(rest):
            title = ", ".join(part for part in (member.role, member.affiliation) if part) or None
            found = Member(member.name, role, title)
            yield Found(found, "member", line.start, line.end)

    def _context(self, text: str) -> None:
        if _ABSENT_INTRO.match(text) and len(text.split()) <= 3:
            self.kind, self.group = "absent", None
        elif _INTRO.search(text) and len(text) <= 100:
            self.kind, self.group, self.intro = "member", None, text
            noun = _ROLE_NOUN.search(text)
            self.role = _role(noun["role"]) if noun else self.role
        elif self.kind is not None and _group_like(text):
            self.group = text.rstrip(":").strip()
        else:
            self.misses += 1
            if self.misses >= 2 or len(text) > 120:
                self.kind, self.group, self.intro, self.misses = None, None, None, 0


def _list_like(text: str) -> bool:
    """ "Name, something": a line that lists a person even outside an announced list."""
    return bool(
        re.match(rf"^(?:{_ROLE_WORD}\s+)?{NAME}\s*(?:\([A-ZÆØÅ]{{1,3}}\))?\s*,", text, re.I)
    )


def _group_like(text: str) -> bool:
    words = text.rstrip(":").split()
    return 0 < len(words) <= _GROUP_MAX_WORDS and text[0].isupper() and "," not in text
