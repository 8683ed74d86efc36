"""What a question can name, and the names people use for it.

Items go by their title, their stored aliases and short forms made from the title
("Samarbejdsaftale om IV-behandling i nærområdet" is also "IV-aftalen" and "IV aftalen";
"Kom trygt Hjem" is also "KTH"). Bodies, clusters, regions, parties and areas come from
the items and meetings that mention them, with short forms of their own ("Randersklyngen"
is also "Randers"; "Sundhedsklynge Sønderjylland" is also "Sønderjylland"; "Region
Midtjylland" is also "Midtjylland" and "Region Midt").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from knowledge.core.names import aliases, core_title, region_key, slugify
from knowledge.understanding.normalise import FUNCTION_WORDS, loose

EntityKind = Literal["item", "body", "cluster", "region", "party", "area", "decision"]

_PARENTHESIS = re.compile(r"\s*\([^)]*\)\s*")
_CLUSTER_PREFIX = re.compile(r"^sundhedsklynge\s+", re.IGNORECASE)
_CLUSTER_SUFFIX = re.compile(r"-?klyngen$", re.IGNORECASE)
_REGION_PREFIX = re.compile(r"^region\s+", re.IGNORECASE)
_REGION_SUFFIX = re.compile(r"(?:jylland|danmark|sjælland)$", re.IGNORECASE)
_PARTY_HEAD = re.compile(r"^([A-ZÆØÅ]{2,5})-\w")
_MUNICIPALITY = re.compile(r"\s+kommune$", re.IGNORECASE)
INITIALS_WORDS = (3, 5)  # titles of three to five words have initials people use ("KTH")


@dataclass(frozen=True)
class Entity:
    id: str  # an item's slug; "body:...", "cluster:..." and so on for the others
    kind: EntityKind
    label: str
    region: str | None = None
    cluster: str | None = None
    implicit: frozenset[str] = frozenset()  # terms it answers to without saying them

    @property
    def detail(self) -> str | None:
        """What tells it from a namesake: an item's region, a body's cluster."""
        if self.kind == "item":
            return self.region or self.cluster
        if self.kind == "body":
            return self.cluster or self.region
        return self.region if self.kind == "cluster" else None


def item_names(title: str, stored: tuple[str, ...], item_type: str) -> tuple[str, ...]:
    found = [title, *stored]
    for name in (title, *stored):
        plain = _PARENTHESIS.sub(" ", name).strip()
        found.extend((plain, core_title(plain), *aliases(plain, item_type)))
    found.extend(_initials(core_title(title)))
    found.extend(_derived(core_title(title), item_type))
    return _unique(found)


_ADJECTIVE_TO_NOUN = (
    (re.compile(r"ativ(?:e|t)?$"), "ation"),  # "palliative" -> "palliation"
    (re.compile(r"atris(?:k|ke)$"), "atri"),  # "psykiatriske" -> "psykiatri"
)


def _derived(core: str, item_type: str) -> list[str]:
    """Nouns people make of a title's adjectives, as names ("palliationsaftalen" for
    "Samarbejdsaftale om palliative indsatser")."""
    found: list[str] = []
    for word in _PARENTHESIS.sub(" ", core).split():
        plain = word.lower()
        for ending, noun in _ADJECTIVE_TO_NOUN:
            if ending.search(plain):
                derived = ending.sub(noun, plain)
                found.extend(
                    [derived, f"{derived}-aftalen"] if item_type == "agreement" else [derived]
                )
    return found


def _initials(title: str) -> list[str]:
    content = [word for word in title.split() if loose(word) not in FUNCTION_WORDS]
    low, high = INITIALS_WORDS
    if not low <= len(content) <= high or not all(word[0].isalpha() for word in content):
        return []
    return ["".join(word[0] for word in content).upper()]


def body_names(body: str, cluster: str | None) -> tuple[str, ...]:
    """A body's name, with its cluster's short names, and the abbreviations people use
    ("KSG", "FSN", "SSU"), alone and with the cluster ("KSG Midtklyngen")."""
    found = [body]
    shorts = cluster_names(cluster) if cluster else ()
    if cluster and cluster in body:
        found.extend(body.replace(cluster, short) for short in shorts[1:])
    role = _role_part(body, cluster)
    for abbreviation in abbreviations(role):
        found.append(abbreviation)
        found.extend(f"{abbreviation} {short}" for short in shorts)
    return _unique(found)


# Parts Danish body names are compounded of: "Sundheds|samarbejds|udvalget" is SSU.
_PARTS = (
    "sundheds", "sundhed", "samarbejds", "samarbejde", "koordinations", "koordinerings",
    "koordination", "udvalg", "styregruppe", "styre", "gruppe", "klynge", "forum", "råd",
    "regions", "region", "plan", "føde", "tema", "niveau", "strategisk", "fagligt",
    "faglig", "politisk", "implementerings", "ledelses", "kommune", "praksis",
)  # fmt: skip
_ENDINGS = frozenset({"n", "en", "et", "t", "ne", "er", "erne", "r", "e", "s", "ens", "ets"})
_UNITS = ("styregruppe",)  # a part people abbreviate as one letter, or as its own parts
ABBREVIATION = (3, 5)  # letters an abbreviation has


def _role_part(body: str, cluster: str | None) -> str:
    """The words of a body's name that say what it is, without its cluster: "Klynge-
    styregruppen" of "Klyngestyregruppen Midtklyngen", "Fagligt strategisk niveau"."""
    role = body.replace(cluster, " ") if cluster else body
    return " ".join(_PARENTHESIS.sub(" ", role).replace("–", " ").replace("-", " ").split())


def abbreviations(name: str) -> list[str]:
    """Initials of a name's words and of the parts of its compounds, as people abbreviate
    bodies: "Sundhedssamarbejdsudvalget" SSU, "Klyngestyregruppen" KSG, "Strategisk
    Sundhedsstyregruppe" SSS (and SSSG), "Fagligt strategisk niveau" FSN."""
    words = [w for w in name.split() if loose(w) not in FUNCTION_WORDS]
    found: list[str] = []
    for whole_units in (True, False):
        initials = "".join(part[0] for w in words for part in _split(w.lower(), whole_units))
        low, high = ABBREVIATION
        if low <= len(initials) <= high and initials.upper() not in found:
            found.append(initials.upper())
    return found


def _split(word: str, whole_units: bool) -> list[str]:
    """A compound in the parts `_PARTS` knows, longest first; the rest as one part."""
    parts: list[str] = []
    rest = word
    while rest:
        part = next(
            (
                p
                for p in sorted(_PARTS, key=len, reverse=True)
                if rest.startswith(p) and (whole_units or p not in _UNITS)
            ),
            None,
        )
        if part is None:
            parts.append(rest)
            break
        parts.append(part)
        rest = rest[len(part) :]
        if rest in _ENDINGS:
            break  # "gruppen", "udvalget": the ending is no part
        if (
            rest.startswith(("s", "e"))
            and len(rest) > 1
            and not any(rest.startswith(p) for p in _PARTS)
        ):
            rest = rest[1:]  # a linking letter
    return [part for part in parts if len(part) > 1 or part.isalpha()]


def cluster_names(cluster: str) -> tuple[str, ...]:
    short = _CLUSTER_SUFFIX.sub("", _CLUSTER_PREFIX.sub("", cluster)).strip()
    return _unique([cluster, short] if len(short) >= 3 else [cluster])


def region_names(region: str) -> tuple[str, ...]:
    plain = _REGION_PREFIX.sub("", region).strip()
    found = [region, plain]
    stem = _REGION_SUFFIX.sub("", plain)
    if stem != plain and len(stem) >= 3:
        found.append(f"Region {stem}")
    return _unique(found)


def party_names(party: str) -> tuple[str, ...]:
    found = [party]
    head = _PARTY_HEAD.match(party)
    if head:
        found.append(head.group(1))
    town = _MUNICIPALITY.sub("", party)
    if town != party:
        found.append(town)
    if party.lower().startswith("de "):  # "de 19 midtjyske kommuner" are "kommunerne"
        found.append(party.split()[-1])
    return _unique(found)


def area_names(area: str) -> tuple[str, ...]:
    return _unique([area, _PARENTHESIS.sub(" ", area).strip()])


def entity_id(kind: EntityKind, label: str, region: str | None = None) -> str:
    key = region_key(region) if kind == "body" else ""
    return f"{kind}:{slugify(label)}" + (f":{key}" if key else "")


def _unique(names: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for name in names:
        if name.strip():
            seen.setdefault(loose(name), name.strip())
    return tuple(seen.values())
