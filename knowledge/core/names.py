"""Names of things: slugs for ids, the folded form used to compare titles, short aliases.

One normaliser serves slugs, matching across documents and (later) the question index,
so "Sundhedsvisitation", "sundhedsvisitation" and "sundhedsvisitatión" compare equal and
æ/ø/å typed as ae/oe/aa fold to the same letters.
"""

from __future__ import annotations

import re
import unicodedata

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})
_NON_WORD = re.compile(r"[^a-z0-9]+")
_AGREEMENT_PREFIX = re.compile(
    r"^(?:revidering af |revideret |reviderede )?"
    r"(?:samarbejdsaftalen?|rammeaftalen?|rammepapir|hensigtserklæring|intentionspapir"
    r"|partnerskab|aftalen?)\b\s*(?::|om|for|vedrørende|vedr\.)?\s*",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:en|et|den|det|de)\s+", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)\s*")
_ACRONYM = re.compile(r"(?:^|\s[-–]\s|\()([A-ZÆØÅ]{2,6})(?:\)|$)")
SLUG_MAX = 80


def fold(text: str) -> str:
    """Lower case; æ/ø/å spelled ae/oe/aa; accents and punctuation gone."""
    lowered = text.translate(_DANISH).lower()
    if lowered.isascii():  # nothing to decompose: the common case, and ten times faster
        return " ".join(_NON_WORD.sub(" ", lowered).split())
    decomposed = unicodedata.normalize("NFKD", lowered)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.sub(" ", plain).split())


def slugify(text: str) -> str:
    """A URL- and id-safe form: "IV-behandling i nærområdet" -> "iv-behandling-i-naeromraadet"."""
    return fold(text).replace(" ", "-")[:SLUG_MAX].strip("-")


def core_title(title: str) -> str:
    """A title without its kind word: "Samarbejdsaftale om rygestop" -> "rygestop"."""
    without_kind = _AGREEMENT_PREFIX.sub("", title.strip(), count=1)
    core = _ARTICLE.sub("", without_kind).strip(" -–:")
    return core or title.strip()


def region_key(region: str | None) -> str:
    """ "Region Midtjylland" -> "midtjylland"; used to tell same-named items apart."""
    if not region:
        return ""
    return slugify(re.sub(r"^region\s+", "", region, flags=re.IGNORECASE))


def item_slug(title: str, region: str | None) -> str:
    base = slugify(title)[: SLUG_MAX - 20].strip("-")
    key = region_key(region)
    return f"{base}-{key}" if key else base


def meeting_slug(body: str, iso_day_or_month: str) -> str:
    return f"{slugify(body)[:60].strip('-')}-{iso_day_or_month}"


def aliases(title: str, item_type: str) -> tuple[str, ...]:
    """Short names people use: the subject alone, "IV-aftalen", an acronym in the title."""
    found: list[str] = []
    core = _PARENTHESIS.sub(" ", core_title(title)).strip()
    if core and fold(core) != fold(title):
        found.append(core)
    if item_type == "agreement" and core:
        found.extend(_agreement_short_name(core))
    found.extend(match.group(1) for match in _ACRONYM.finditer(title))
    unique: dict[str, str] = {}
    for alias in found:
        unique.setdefault(fold(alias), alias)
    unique.pop(fold(title), None)
    return tuple(unique.values())


def _agreement_short_name(core: str) -> list[str]:
    """ "IV-behandling i nærområdet" -> "IV-aftalen"; "stomi" -> "stomi-aftalen"."""
    words = core.split()
    if "-" in words[0] and not words[0].endswith("-"):
        return [f"{words[0].split('-')[0]}-aftalen"]
    if len(words) == 1:
        return [f"{words[0]}-aftalen"]
    return []
