"""Which one: an answer picked out of the options the bot offered, in words.

    2 | nummer to | den første | the second one | den sidste       by place in the list
    den midtjyske | the Syddanmark one | syd | Midtklyngen        by what tells it apart
    gevinstdeling | IV-behandling for ... (Region Syddanmark)       by part of its name
    ja | yes                                                        the one suggestion

A word tells an option apart when the others do not have it. Places are also known by
the adjectives and short forms people use, derived by general rules from the name
(`place_words`: Midtjylland -> midtjyske, midt; Syddanmark -> syddanske, syd; Sjælland ->
sjællandske; Hovedstaden -> hovedstads-; Randersklyngen -> randers). An answer that is
mostly other words ("hvornår er næste møde i Midtklyngen?") picks nothing: it is a new
message, not an answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dialogs.elements import Element, facts, submit
from dialogs.phrases import Word, keys, near, words
from dialogs.recognisers import pick_number, yes_no
from knowledge.core.names import fold
from knowledge.understanding.normalise import FUNCTION_WORDS

PREFIX_MIN = 4  # a word this long that starts an option's word (or is started by it) fits it
EXPLAINED = 0.5  # share of an answer's own words an option must account for
TITLE_MAX = 50  # characters of a button title Teams shows whole
_ORDINALS: dict[str, int] = {
    **dict.fromkeys(keys("første", "forste", "first", "1st", "øverste", "top", "primo"), 0),
    **dict.fromkeys(keys("anden", "andet", "andenden", "second", "2nd"), 1),
    **dict.fromkeys(keys("tredje", "third", "3rd"), 2),
    **dict.fromkeys(keys("fjerde", "fourth", "4th"), 3),
    **dict.fromkeys(keys("femte", "fifth", "5th"), 4),
    **dict.fromkeys(keys("sidste", "last", "nederste", "bottom"), -1),
}
_CARDINALS: dict[str, int] = {
    **dict.fromkeys(keys("en", "et", "one"), 0),
    **dict.fromkeys(keys("to", "two"), 1),
    **dict.fromkeys(keys("tre", "three"), 2),
    **dict.fromkeys(keys("fire", "four"), 3),
    **dict.fromkeys(keys("fem", "five"), 4),
}
_NUMBER_WORDS = keys("nummer", "number", "nr", "no", "num", "option", "valgmulighed")
# Words of an answer that say nothing of which option: "den i", "the one in", "jeg mener".
_EMPTY = keys(
    *("den", "det", "de", "the", "one", "i", "in", "fra", "from", "på", "pa", "af", "of"),
    *("for", "at", "ja", "yes", "jeg", "mener", "mente", "mean", "meant", "tak", "please"),
    *("thanks", "vil", "gerne", "have", "want", "like", "d", "s", "it", "is", "er", "that"),
    *("which", "som", "der", "hvor", "where", "a", "en", "et", "ok", "okay", "du", "you"),
    *("aftale", "aftalen", "agreement", "initiativ", "initiative", "projekt", "project"),
    *("region", "regionen", "klynge", "klyngen", "cluster", "med", "with", "om", "about"),
    *("og", "and", "men", "but", "så", "so", "bare", "just", "lige"),
)
_NOT = keys("ikke", "not", "no", "nej", "uden", "without")
_GENERIC = keys("region", "sundhedsklynge", "klynge", "klyngen", "cluster")
_COMPASS = {
    "midt": ("central", "mid", "middle"),
    "syd": ("south", "southern", "sydlig", "sydlige"),
    "nord": ("north", "northern", "nordlig", "nordlige"),
    "vest": ("west", "western", "vestlig", "vestlige"),
    "ost": ("east", "eastern", "ostlig", "ostlige"),
    "sonder": ("south", "southern", "sydlig", "sydlige"),
    "hovedstad": ("capital",),
    "sjalland": ("zealand",),
}


@dataclass(frozen=True)
class Option:
    key: str  # what picking it gives: an id, or the whole text to send
    label: str  # the name as shown
    detail: str | None = None  # what tells it from a namesake: a region, a cluster


def place_words(name: str) -> set[str]:
    """The words a place is also called by: "Region Midtjylland" -> midtjylland,
    midtjyllands, midt, midtjysk, midtjyske, central ...; keys, as `phrases.words` gives."""
    found: set[str] = set()
    for word in words(name):
        if word.key in _GENERIC:
            continue
        found |= {word.key, f"{word.key}s", *_forms(word.key)}
    for stem, english in _COMPASS.items():
        if stem in found:
            found.update(english)
    return found


def _forms(key: str) -> set[str]:
    """ "midtjylland" -> midt, midtjysk, midtjyske; "hovedstaden" -> hovedstads ..."""
    rules = (
        ("jylland", ("", "jysk", "jyske")),
        ("danmark", ("", "dansk", "danske")),
        ("klyngen", ("", "klynge")),
        ("staden", ("stad", "stads", "stadsregionen")),
    )
    for ending, forms in rules:
        if key.endswith(ending) and len(key) > len(ending):
            stem = key[: -len(ending)]
            return {stem + form for form in forms}
    if key.endswith("land"):  # "sjalland" -> "sjallandsk(e)"
        return {key + "sk", key + "ske"}
    return set()


def _option_words(option: Option) -> set[str]:
    found = {word.key for word in words(option.label)}
    if option.detail:
        found |= place_words(option.detail)
    return found


def _fits(word: str, known: Iterable[str]) -> bool:
    for key in known:
        if near(word, key):
            return True
        short, long = sorted((word, key), key=len)
        if len(short) >= PREFIX_MIN and long.startswith(short):
            return True
    return False


def by_place(said: Sequence[Word], count: int) -> int | None:
    """ "den første", "nummer to", "the second one", "2": the 0-based index, or None."""
    keys_said = [word.key for word in said]
    for at, key in enumerate(keys_said):
        index = _ORDINALS.get(key)
        if index is None and key in _CARDINALS:
            after_number = at > 0 and keys_said[at - 1] in _NUMBER_WORDS
            index = _CARDINALS[key] if after_number or len(keys_said) == 1 else None
        if index is None and key.isdigit() and at > 0 and keys_said[at - 1] in _NUMBER_WORDS:
            index = int(key) - 1
        if index is not None:
            index = count - 1 if index == -1 else index
            return index if 0 <= index < count else None
    return None


def _scores(said: Sequence[Word], options: Sequence[Option]) -> tuple[list[float], int, int]:
    """Per option, the answer's words only it has (minus those said against it: "ikke den
    midtjyske"); and how many of the answer's own words the options account for, of how
    many."""
    own = [_option_words(option) for option in options]
    shared = set.intersection(*own) if own else set()
    scores = [0.0] * len(options)
    against = False
    explained = content = 0
    for word in said:
        if word.key in _NOT:
            against = True
        if word.key in _EMPTY | _NOT:
            continue
        content += 1
        fitting = [n for n, known in enumerate(own) if _fits(word.key, known - shared)]
        explained += bool(fitting) or _fits(word.key, shared)
        for n in fitting:
            scores[n] += -1.0 if against else 1.0
        against = False
    return scores, explained, content


def _other(scores: list[float]) -> int | None:
    """Of two options, the one not said against ("not the gain-sharing one")."""
    if len(scores) == 2 and sorted(scores) == [-1.0, 0.0]:
        return scores.index(0.0)
    return None


def choose(text: str, options: Sequence[Option]) -> str | None:
    """The key of the option `text` picks, or None when it picks none or fits two."""
    if not options:
        return None
    said = words(text)
    index = pick_number(text, len(options))
    if index is None:
        index = by_place(said, len(options))
    if index is not None:
        return options[index].key
    if len(options) == 1 and yes_no(text):
        return options[0].key
    exact = [option.key for option in options if _same(text, option)]
    if len(exact) == 1:
        return exact[0]
    scores, explained, content = _scores(said, options)
    if explained < EXPLAINED * content:
        return None
    best = max(scores)
    if best <= 0 or scores.count(best) > 1:
        other = _other(scores)
        return options[other].key if other is not None else None
    return options[scores.index(best)].key


def _same(text: str, option: Option) -> bool:
    """The option's own label typed or sent back by its button."""
    said = [word.key for word in words(text)]
    shown = [word.key for word in words(option.label)]
    with_detail = shown + [word.key for word in words(option.detail or "")]
    return bool(said) and said in (shown, with_detail)


def choice_elements(
    options: Sequence[Option], data: Sequence[dict[str, Any]]
) -> tuple[Element, list[Element]]:
    """A "which one?" in a card: the options numbered by their whole names (with the
    detail), and a button each that shows what tells them apart, with its `data`."""
    listed = facts([(f"{n}.", _named(option)) for n, option in enumerate(options, 1)])
    actions = [submit(t, d) for t, d in zip(titles(options), data, strict=True)]
    return listed, actions


def _named(option: Option) -> str:
    return f"{option.label} ({option.detail})" if option.detail else option.label


def _name_words(label: str) -> list[str]:
    return [word.key for word in words(label) if word.key not in FUNCTION_WORDS]


def titles(options: Sequence[Option]) -> list[str]:
    """Button titles that show what tells the options apart, short enough not to be cut
    off: the detail where the names are alike ("Region Midtjylland"); else the name with
    its detail (unless the name says it), a long name shortened where it is like the
    others ("… – Koordineringsforum")."""
    details = [option.detail for option in options]
    names = [_name_words(option.label) for option in options]
    alike = all(name == names[0] for name in names)
    telling = len(set(details)) > 1  # the same detail on all tells nothing
    if alike and telling and all(details):
        return [str(detail) for detail in details]
    shared = _shared_start([option.label for option in options])
    return [_short(option, shared, telling) for option in options]


def _shared_start(labels: Sequence[str]) -> int:
    """How many characters of whole words all the labels start with."""
    if len(labels) < 2:
        return 0
    common = 0
    for chars in zip(*labels, strict=False):
        if len(set(chars)) > 1:
            break
        common += 1
    head = labels[0][:common]
    return head.rfind(" ") + 1 if common < min(len(label) for label in labels) else common


def _short(option: Option, shared: int, telling: bool) -> str:
    detail = option.detail if telling else None
    if detail and fold(detail) in fold(option.label):
        detail = None  # "Klyngestyregruppen Midtklyngen" says its cluster
    room = TITLE_MAX - (len(detail) + 3 if detail else 0)
    name = option.label
    if len(name) > room and 0 < shared < len(name) - 1:
        name = "… " + name[shared:].lstrip(" –-")
    if len(name) > room:
        name = name[: room - 1].rstrip() + "…"
    return f"{name} ({detail})" if detail else name
