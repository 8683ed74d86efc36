"""Which region a document is about: region names, municipalities, and its address.

Three general signs, weighed together (`document_region`):
- the region's own name or adjective in the text ("Region Nordjylland", "nordjyske");
- the municipalities the text names (each of the 98 belongs to one region);
- the address the page was saved from ("# source: URL"): a region's own host (rm.dk,
  rn.dk, regionh.dk, regionsjaelland.dk, regionsyddanmark.dk), or a region or
  municipality named in the host or the path (".../kkr-sjaelland/", "frederikssund.dk").

Clusters are named by their region's lexicon (`knowledge.documents.bodies.CLUSTERS`) and
only count when they belong to the document's region: "Klynge Midt" in Hovedstaden or a
mailbox "Midtklyngen@gentofte.dk" is not Region Midtjylland's Midtklyngen.
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

from knowledge.core.names import fold
from knowledge.documents.bodies import CLUSTERS

HOVEDSTADEN = "Region Hovedstaden"
SJAELLAND = "Region Sjælland"
SYDDANMARK = "Region Syddanmark"
MIDTJYLLAND = "Region Midtjylland"
NORDJYLLAND = "Region Nordjylland"

MUNICIPALITIES: dict[str, tuple[str, ...]] = {
    HOVEDSTADEN: (
        "Albertslund", "Allerød", "Ballerup", "Bornholm", "Brøndby", "Dragør", "Egedal",
        "Fredensborg", "Frederiksberg", "Frederikssund", "Furesø", "Gentofte", "Gladsaxe",
        "Glostrup", "Gribskov", "Halsnæs", "Helsingør", "Herlev", "Hillerød", "Hvidovre",
        "Høje-Taastrup", "Hørsholm", "Ishøj", "København", "Lyngby-Taarbæk", "Rudersdal",
        "Rødovre", "Tårnby", "Vallensbæk",
    ),
    SJAELLAND: (
        "Faxe", "Greve", "Guldborgsund", "Holbæk", "Kalundborg", "Køge", "Lejre", "Lolland",
        "Næstved", "Odsherred", "Ringsted", "Roskilde", "Slagelse", "Solrød", "Sorø",
        "Stevns", "Vordingborg",
    ),
    SYDDANMARK: (
        "Assens", "Billund", "Esbjerg", "Fanø", "Fredericia", "Faaborg-Midtfyn", "Haderslev",
        "Kerteminde", "Kolding", "Langeland", "Middelfart", "Nordfyn", "Nyborg", "Odense",
        "Svendborg", "Sønderborg", "Tønder", "Varde", "Vejen", "Vejle", "Ærø", "Aabenraa",
    ),
    MIDTJYLLAND: (
        "Favrskov", "Hedensted", "Herning", "Holstebro", "Horsens", "Ikast-Brande", "Lemvig",
        "Norddjurs", "Odder", "Randers", "Ringkøbing-Skjern", "Samsø", "Silkeborg",
        "Skanderborg", "Skive", "Struer", "Syddjurs", "Viborg", "Aarhus",
    ),
    NORDJYLLAND: (
        "Brønderslev", "Frederikshavn", "Hjørring", "Jammerbugt", "Læsø", "Mariagerfjord",
        "Morsø", "Rebild", "Thisted", "Vesthimmerland", "Aalborg",
    ),
}  # fmt: skip
# The region's name, its short forms and adjectives, as folded words.
_REGION_WORDS: dict[str, tuple[str, ...]] = {
    HOVEDSTADEN: ("hovedstaden", "hovedstadsområdet", "hovedstadsregionen"),
    SJAELLAND: ("sjælland", "sjællandske", "sjællandsk"),
    SYDDANMARK: ("syddanmark", "syddanske", "syddansk", "sønderjylland", "sydjylland", "fyn"),
    MIDTJYLLAND: ("midtjylland", "midtjyske", "midtjysk", "region midt"),
    NORDJYLLAND: ("nordjylland", "nordjyske", "nordjysk"),
}
# Hosts of the regions' own sites.
_HOSTS: dict[str, str] = {
    "rm": MIDTJYLLAND,
    "regionmidtjylland": MIDTJYLLAND,
    "rn": NORDJYLLAND,
    "regionnordjylland": NORDJYLLAND,
    "regionh": HOVEDSTADEN,
    "regionhovedstaden": HOVEDSTADEN,
    "regionsjaelland": SJAELLAND,
    "regionsyddanmark": SYDDANMARK,
    "rsyd": SYDDANMARK,
}
ADDRESS_WEIGHT = 5
NAME_WEIGHT = 2
NAME_CAP = 10  # mentions of a region's name counted at most
MUNICIPALITY_WEIGHT = 1
CLUSTER_MIN = 3  # a cluster named fewer times is mentioned, not the document's own
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")


def _index() -> dict[str, str]:
    table = {fold(name): region for region, names in MUNICIPALITIES.items() for name in names}
    table["aarhus"] = MIDTJYLLAND  # also spelt Århus
    return table


_MUNICIPALITY_OF = _index()
_REGION_OF_WORD = {word: region for region, words in _REGION_WORDS.items() for word in words}
# The same words as addresses spell them (folded: "sjaelland", "soenderjylland").
_REGION_OF_FOLDED = {fold(word): region for word, region in _REGION_OF_WORD.items()}
# Capitalised, as names are: "vejen" (the road) is no mention of Vejen.
_MUNICIPALITY_NAMES = sorted(
    [*(name for names in MUNICIPALITIES.values() for name in names), "Århus"], key=len, reverse=True
)
_MUNICIPALITY_RE = re.compile(
    r"(?<![\w-])(" + "|".join(map(re.escape, _MUNICIPALITY_NAMES)) + r")s?(?![\w-])"
)
_REGION_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _REGION_OF_WORD), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def region_of_municipality(name: str) -> str | None:
    """ "Hjørring Kommune", "Aalborg" -> "Region Nordjylland"."""
    folded = fold(re.sub(r"\s+(?:kommune|regionskommune)$", "", name.strip(), flags=re.I))
    return _MUNICIPALITY_OF.get(folded) or _MUNICIPALITY_OF.get(folded.rstrip("s"))


def region_of_address(url: str | None) -> str | None:
    """The region a page's address names in its host or path, if any."""
    votes = _address_votes(url).most_common(1)
    return votes[0][0] if votes else None


def document_region(text: str, url: str | None = None) -> str | None:
    """The region the document is about, or None when the signs are missing or split (the
    runner-up has more than half the winner's weight)."""
    votes: Counter[str] = Counter()
    for region, count in _address_votes(url).items():
        votes[region] += ADDRESS_WEIGHT * count
    names = Counter(_REGION_OF_WORD[found.lower()] for found in _REGION_RE.findall(text))
    for region, count in names.items():
        votes[region] += NAME_WEIGHT * min(count, NAME_CAP)
    for found in _MUNICIPALITY_RE.findall(text):
        votes[_MUNICIPALITY_OF[fold(found)]] += MUNICIPALITY_WEIGHT
    ranked = votes.most_common(2)
    if not ranked:
        return None
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    return ranked[0][0]


def _address_votes(url: str | None) -> Counter[str]:
    if not url:
        return Counter()
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
    except ValueError:  # not an address after all ("http://[bad")
        return Counter()
    labels = host.split(".")
    votes: Counter[str] = Counter()
    if len(labels) >= 2 and labels[-2] in _HOSTS:
        votes[_HOSTS[labels[-2]]] += 1
    words = _WORD_SPLIT.split(fold(f"{host} {parts.path}"))
    for word in words:
        region = _REGION_OF_FOLDED.get(word) or (
            _MUNICIPALITY_OF.get(word) if word in labels[0].split("-") else None
        )
        if region:
            votes[region] += 1
    return votes


def _path(url: str) -> str:
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def document_cluster(text: str, region: str | None, url: str | None = None) -> str | None:
    """The known cluster the document is about: named at least CLUSTER_MIN times and twice
    as often as any other, in `region` (when known); names in e-mail addresses do not count."""
    counts: Counter[str] = Counter()
    for cluster in CLUSTERS:
        if region is not None and cluster.region != region:
            continue
        for found in re.finditer(cluster.pattern, text, re.IGNORECASE):
            if text[found.end() : found.end() + 1] != "@" and "@" not in found.group(0):
                counts[cluster.name] += 1
        if url and re.search(cluster.pattern, _path(url), re.IGNORECASE):
            counts[cluster.name] += CLUSTER_MIN  # the page's address says whose it is
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < CLUSTER_MIN:
        return None
    if len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
        return None
    return ranked[0][0]
