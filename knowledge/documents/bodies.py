"""The bodies (organs) and the geography of the health collaboration, as data.

Minutes name bodies loosely: "KSG", "klyngestyregruppen", "det politiske møde i
Randersklyngen", "FSN", "Koordinationsforum". A meeting is only worth recording under one
canonical name per body, so every spelling found in the documents is a pattern here.

Bodies come in two sorts:
- regional bodies with one name ("Sundhedssamarbejdsudvalget", "Regionsrådet"); their
  region is fixed or, when every region has one, the region of the cluster in question;
- cluster bodies found by their role ("steering", "political", ...). Each region names
  them in its own way: the steering level of Randersklyngen is "Klyngestyregruppen
  Randersklyngen", that of Sundhedsklynge Sønderjylland is its "Fagligt strategisk
  niveau". A role word without a cluster ("klyngestyregruppen") means the cluster the
  text names nearest, or else the document's own cluster (`default_cluster`).

Extending the lexicon is adding a row to `CLUSTERS`, `ROLE_NAMES` or `ENTRIES`.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass

NEARBY = 3  # clusters on each side of a match that may be its nearest
MIDT = "Region Midtjylland"
SYD = "Region Syddanmark"


@dataclass(frozen=True)
class Cluster:
    name: str
    region: str
    pattern: str  # regular expression, case-insensitive


CLUSTERS: tuple[Cluster, ...] = (
    Cluster("Randersklyngen", MIDT, r"\brandersklynge\w*"),
    Cluster("Midtklyngen", MIDT, r"\bmidtklynge\w*"),
    Cluster("Vestklyngen", MIDT, r"\bvestklynge\w*"),
    Cluster("Aarhusklyngen", MIDT, r"\b(?:aarhus|århus)klynge\w*"),
    Cluster("Horsensklyngen", MIDT, r"\bhorsensklynge\w*"),
    Cluster("Sundhedsklynge Sønderjylland", SYD, r"\bsundhedsklyngen?s?\s+sønderjylland\w*"),
    Cluster("Sundhedsklynge Sydvestjylland", SYD, r"\bsundhedsklyngen?s?\s+sydvestjylland\w*"),
    Cluster("Sundhedsklynge Lillebælt", SYD, r"\bsundhedsklyngen?s?\s+lillebælt\w*"),
    Cluster("Sundhedsklynge Fyn", SYD, r"\bsundhedsklyngen?s?\s+fyn\w*"),
)

# How each region names the bodies of a cluster, by role.
ROLE_NAMES: dict[str, dict[str, str]] = {
    MIDT: {
        "steering": "Klyngestyregruppen {cluster}",
        "political": "Politisk klynge {cluster}",
        "adult_somatic": "Temagruppe for voksne (somatik) {cluster}",
        "adult_psychiatric": "Temagruppe for voksne (psykiatri) {cluster}",
    },
    SYD: {
        "steering": "{cluster} – Fagligt strategisk niveau",
        "political": "{cluster} – Politisk niveau",
        "implementation": "{cluster} – Koordineringsforum",
    },
}


@dataclass(frozen=True)
class Entry:
    """A body's patterns; `role` set means a cluster body named by ROLE_NAMES."""

    name: str  # canonical name, or the role
    pattern: str
    region: str | None = None  # fixed region of a regional body
    role: bool = False


ENTRIES: tuple[Entry, ...] = (
    Entry(
        "Strategisk Sundhedsstyregruppe",
        r"\bstrategisk\w*\s+sundhedsstyre(?:grupp|lse)\w*|(?-i:\bSSS\b)",
        SYD,
    ),
    Entry("Sundhedsstyregruppen", r"\bsundheds?styregrupp\w*", MIDT),
    Entry("Sundhedssamarbejdsudvalget", r"\bsundhedssamarbejdsudvalg\w*|(?-i:\bSSU\b)"),
    Entry("Sundhedskoordinationsudvalget", r"\bsundhedskoordinationsudvalg\w*"),
    Entry("Regionsrådet", r"\bregionsråd\w*"),
    Entry("Fødeplanudvalget", r"\bfødeplanudvalg\w*"),
    Entry(
        "steering",
        r"\bklynge\s?styregruppe\w*|(?-i:\b(?:KSG|FSN)\w*)|\bfagligt?[- ]strategisk\w*\s+niveau\w*",
        role=True,
    ),
    Entry(
        "political",
        r"\bpolitisk\w*\s+(?:sundheds)?klynge\w*|\bpolitisk\w*\s+niveau\w*"
        r"|\bpolitisk\w*\s+\w*møde(?:rne|t|r)?\b",
        role=True,
    ),
    Entry(
        "implementation",
        r"\bkoordin(?:erings|ations)forum\w*|\bimplementeringsniveau\w*",
        role=True,
    ),
    Entry(
        "adult_somatic",
        r"\btemagrupp\w*\s+for\s+voksne\s+\(somatik\)|\bvoksentemagrupp\w*\s+for\s+somatik",
        role=True,
    ),
    Entry(
        "adult_psychiatric",
        r"\btemagrupp\w*\s+for\s+voksne\s+\(psykiatri\)|\bvoksentemagrupp\w*\s+for\s+psykiatri",
        role=True,
    ),
)

_CLUSTER_RES = tuple((cluster, re.compile(cluster.pattern, re.IGNORECASE)) for cluster in CLUSTERS)
_ENTRY_RES = tuple((entry, re.compile(entry.pattern, re.IGNORECASE)) for entry in ENTRIES)


@dataclass(frozen=True)
class Body:
    """A body by its canonical name, with the region and cluster it belongs to."""

    name: str
    region: str | None
    cluster: str | None


@dataclass(frozen=True)
class BodyMatch:
    """Where a body is named in a text."""

    start: int
    end: int
    body: Body


def region_of(cluster: str | None) -> str | None:
    """The region of a cluster, given by its canonical name or any spelling we know."""
    if not cluster:
        return None
    for known, pattern in _CLUSTER_RES:
        if cluster == known.name or pattern.search(cluster):
            return known.region
    return None


def clusters_named(text: str) -> list[tuple[int, int, str]]:
    """Every cluster named in `text` as (start, end, canonical name), left to right."""
    found = [
        (match.start(), match.end(), cluster.name)
        for cluster, pattern in _CLUSTER_RES
        for match in pattern.finditer(text)
    ]
    return sorted(found)


def main_cluster(text: str) -> str | None:
    """The cluster a document is about: the one it names most often (first on a tie)."""
    names = [name for _, _, name in clusters_named(text)]
    if not names:
        return None
    counts = Counter(names)
    return max(names, key=lambda name: (counts[name], -names.index(name)))


def find_bodies(text: str, *, default_cluster: str | None = None) -> list[BodyMatch]:
    """Every body named in `text`, left to right; overlapping spellings count once.

    A role word resolves to the cluster named nearest to it, else to `default_cluster`;
    with neither, or in a region without such a body, it names no body.
    """
    clusters = clusters_named(text)
    found: list[BodyMatch] = []
    for entry, pattern in _ENTRY_RES:
        for match in pattern.finditer(text):
            body = _resolve(entry, match, clusters, default_cluster)
            if body is not None:
                found.append(BodyMatch(match.start(), match.end(), body))
    return _without_overlaps(found)


def find_body(text: str, *, default_cluster: str | None = None) -> Body | None:
    """The first body named in `text`, or None."""
    found = find_bodies(text, default_cluster=default_cluster)
    return found[0].body if found else None


def _resolve(
    entry: Entry,
    match: re.Match[str],
    clusters: list[tuple[int, int, str]],
    default_cluster: str | None,
) -> Body | None:
    cluster = _nearest_cluster(match, clusters) or default_cluster
    if not entry.role:
        return Body(entry.name, entry.region or region_of(cluster), None)
    region = region_of(cluster)
    template = ROLE_NAMES.get(region or "", {}).get(entry.name)
    if cluster is None or template is None:
        return None
    return Body(template.format(cluster=cluster), region, cluster)


def _nearest_cluster(match: re.Match[str], clusters: list[tuple[int, int, str]]) -> str | None:
    if not clusters:
        return None
    # Clusters are sorted by start: the nearest stands next to where the match would go.
    at = bisect.bisect_left(clusters, (match.start(),))
    nearby = clusters[max(0, at - NEARBY) : at + NEARBY]
    _, _, name = min(nearby, key=lambda found: _distance(match.span(), found[:2]))
    return name


def _distance(first: tuple[int, int], second: tuple[int, int]) -> int:
    return max(0, second[0] - first[1], first[0] - second[1])


def _without_overlaps(found: list[BodyMatch]) -> list[BodyMatch]:
    """Longest first where spellings overlap ("Strategisk Sundhedsstyregruppe" is not
    also "Sundhedsstyregruppen")."""
    kept: list[BodyMatch] = []
    for candidate in sorted(found, key=lambda one: (one.start - one.end, one.start)):
        if not any(candidate.start < other.end and other.start < candidate.end for other in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda one: one.start)
