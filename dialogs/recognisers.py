"""Reading short Danish and English answers: yes or no, a choice, a status, "skip".

botbuilder's prompts recognise neither Danish nor loose typing, so the status dialog reads
answers here. Everything is pure: text in, a value (or None for "not understood") out.
`parse_update_request` reads what a first message already says ("sæt rygestop til
implementeret: kører i alle kommuner"), so the dialog asks only for the rest.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz import fuzz, process

from knowledge.core.chat import Lang
from knowledge.core.names import fold
from knowledge.core.status import label, parse_category
from knowledge.understanding.language import detect
from knowledge.updates.contract import UPDATE_CATEGORIES

FUZZY_CUTOFF = 75.0  # WRatio score below which a typed choice is no choice
FUZZY_MARGIN = 5.0  # a runner-up this close means the answer fits two choices
_YES = frozenset({"ja", "jep", "jo", "jaja", "j", "yes", "y", "yep", "yeah", "ok", "okay"})
_YES_WORDS = _YES | {"gem", "save", "bekraeft", "confirm", "korrekt", "fint", "sure"}
_NO_WORDS = frozenset({"nej", "nope", "no", "n", "annuller", "cancel", "fortryd", "ikke"})
_SKIP = frozenset({"spring over", "springover", "skip", "ingen", "ingen note", "intet", "none"})
_SKIP_ALSO = frozenset({"no note", "nej", "no", "nothing", "-", "nej tak", "no thanks"})
_CANCEL = frozenset({"annuller", "annullere", "cancel", "stop", "afbryd", "fortryd", "quit"})
_HELP = frozenset({"hjaelp", "hjalp", "help", "?"})
_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")
_ENGLISH_VERBS = frozenset({"update", "set", "change", "mark"})
_COMMAND = re.compile(
    r"^\s*(?:opdater|opdatér|ændr|aendr|skift|sæt|saet|ny|nyt|update|set|change|mark)\b\s*"
    r"(?:(?:the\s+)?status\s*(?:på|pa|for|of|on)?\b\s*)?",
    re.IGNORECASE,
)
_TARGET = re.compile(r"\s+(?:til|to|as|som)\s+(?P<status>[^:]+?)\s*$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


class UpdateText(NamedTuple):
    """What a message says about an update; None where it says nothing."""

    item_text: str | None
    category: str | None
    note: str | None


def _plain(text: str) -> str:
    return fold(text) or text.strip()


def yes_no(text: str) -> bool | None:
    """True for "ja", "jep", "ok", "gem", "yes please"; False for "nej", "nope"; else None."""
    words = _plain(text).split()
    if not words:
        return None
    if words[0] in _YES_WORDS:
        return True
    return False if words[0] in _NO_WORDS else None


def is_skip(text: str) -> bool:
    """ "spring over", "skip", "ingen": the optional note is left out."""
    plain = _plain(text)
    return plain in _SKIP or plain in _SKIP_ALSO


def is_cancel(text: str) -> bool:
    return _plain(text) in _CANCEL


def is_help(text: str) -> bool:
    return _plain(text) in _HELP


def pick_number(text: str, count: int) -> int | None:
    """The 0-based index of "1", "2." or "3)" among `count` choices; else None."""
    match = _NUMBER.match(text)
    number = int(match.group(1)) if match else 0
    return number - 1 if 1 <= number <= count else None


def pick(text: str, choices: Sequence[tuple[str, str]]) -> str | None:
    """The key of the (key, label) choice the answer names: by number, or by label with
    typos. None when nothing fits, or when two choices fit about equally well."""
    index = pick_number(text, len(choices))
    if index is not None:
        return choices[index][0]
    labels = {number: choice_label for number, (_, choice_label) in enumerate(choices)}
    hits = process.extract(
        text, labels, scorer=fuzz.WRatio, processor=fold, score_cutoff=FUZZY_CUTOFF, limit=2
    )
    if not hits:
        return None
    best, runner_up = hits[0], hits[1] if len(hits) > 1 else None
    same_key = runner_up is not None and choices[runner_up[2]][0] == choices[best[2]][0]
    if runner_up is not None and not same_key and best[1] - runner_up[1] < FUZZY_MARGIN:
        return None
    return choices[best[2]][0]


def status_choices(lang: Lang) -> list[tuple[str, str]]:
    """The statuses an update may set, as (code, label) in the listed order."""
    return [(code, label(code, lang)) for code in UPDATE_CATEGORIES]


def status_choice(text: str) -> str | None:
    """A status from its number in the list, a label in either language (loosely typed,
    "igang", "implementere"), or a synonym ("i drift"). None if it names no settable status."""
    exact = parse_category(text)
    if exact in UPDATE_CATEGORIES:
        return exact
    if _NUMBER.match(text):
        index = pick_number(text, len(UPDATE_CATEGORIES))
        return UPDATE_CATEGORIES[index] if index is not None else None
    return pick(text, status_choices("da") + status_choices("en"))


def parse_update_request(text: str) -> UpdateText:
    """Item, status and note from a first message; the parts it lacks are None.

    "sæt rygestop til implementeret: kører i alle kommuner" -> ("rygestop", "implemented",
    "kører i alle kommuner"); "ny status på IV-aftalen" -> ("IV-aftalen", None, None).
    """
    head, colon, tail = text.partition(":")
    note = (" ".join(tail.split()) or None) if colon else None
    head = _COMMAND.sub("", head, count=1).strip()
    category = None
    target = _TARGET.search(head)
    if target and (named := parse_category(target.group("status"))) in UPDATE_CATEGORIES:
        category, head = named, head[: target.start()]
    if category is None and note is not None and parse_category(note) in UPDATE_CATEGORIES:
        category, note = parse_category(note), None
    item = _ARTICLE.sub("", head.strip(" .,!?")).strip()
    return UpdateText(item or None, category, note)


def update_language(text: str, locale: str | None = None) -> Lang:
    """English when the message is (an English command verb counts as a marker word)."""
    words = _plain(text).split()
    if words and words[0] in _ENGLISH_VERBS:
        return "en" if detect(text, "en") == "en" else "da"
    return detect(text, locale)


def is_update_command(text: str) -> bool:
    """ "opdater status", "ny status på IV-aftalen", "update the stomi agreement"."""
    return bool(_COMMAND.match(text))
