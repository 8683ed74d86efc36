"""What a short message does in a conversation: yes, no, cancel, help, thanks, a greeting.

People answer "ja tak", "jep", "yes please", "nej", "nope", "glem det", "never mind",
"hjælp", "hvad kan du", "tak!", "god morgen :)". Each act is a set of phrases in Danish
and English, read in the message's loose words; a phrase counts wherever it stands
(`acts_in`). The message *is* an act (`act_of`) when it says nothing else: no name, and
no word beyond its phrases but polite ones (`POLITE`: "bare", "please", "igen"). Where
several acts are said, the more decisive one wins: "nej, glem det" cancels, "ja tak"
says yes (the thanks is politeness), "nej tak" says no.
"""

from __future__ import annotations

import re
from typing import Literal

Act = Literal["yes", "no", "cancel", "help", "thanks", "greeting"]
ORDER: tuple[Act, ...] = ("cancel", "no", "yes", "help", "thanks", "greeting")
# Words a message may have besides an act's phrases and still be nothing but the act.
POLITE = frozenset(
    [
        "tak",
        "please",
        "pls",
        "bare",
        "lige",
        "du",
        "jeg",
        "det",
        "den",
        "for",
        "nu",
        "vel",
        "sa",
        "og",
        "igen",
        "alligevel",
        "bot",
        "klyngebot",
        "thanks",
        "you",
        "it",
        "that",
        "this",
        "the",
        "then",
        "so",
        "just",
        "oh",
        "ah",
        "hmm",
        "na",
        "and",
        "again",
        "anyway",
        "very",
        "much",
        "meget",
        "mange",
        "all",
        "alt",
        "ja",
    ]
)

_PHRASES: dict[Act, tuple[str, ...]] = {
    "yes": (
        "ja", "jep", "jepper", "jo", "jaja", "ja da", "ja tak", "ja gerne", "gerne", "j", "yes",
        "y", "yep", "yeah", "yup", "ok", "okay", "oki", "sure", "korrekt", "rigtigt",
        "det er rigtigt", "det passer", "praecis", "prcis", "absolut", "selvfolgelig",
        "helt sikkert", "gem", "gem den", "save", "bekraft", "bekraeft", "confirm", "correct",
        "right", "that s right", "exactly", "go ahead", "do it", "yes please", "please do",
        "fint", "perfekt", "perfect", "fine", "lyder godt", "sounds good",
    ),
    "no": (
        "nej", "nej tak", "naeh", "nah", "nope", "no", "n", "no thanks", "no thank you",
        "ikke den", "not that one", "forkert", "wrong", "ikke rigtigt", "not right",
        "nix", "negativ",
    ),
    "cancel": (
        "annuller", "annullere", "annuler", "cancel", "afbryd", "fortryd", "glem det",
        "glem", "forget it", "never mind", "nevermind", "nvm", "stop", "stop det", "quit",
        "drop det", "drop it", "lad vaere", "lad vare", "ingenting", "abort", "exit",
        "jeg fortryder", "skip det",
    ),
    "help": (
        "hjalp", "hjaelp", "help", "hvad kan du", "hvad kan du gore", "what can you do",
        "hvordan virker du", "how do you work", "kommandoer", "commands", "vejledning", "?",
    ),
    "thanks": (
        "tak", "mange tak", "tusind tak", "tak skal du have", "takker", "tak for det",
        "tak for hjalpen", "tak for hjaelpen", "thanks", "thank you", "thank you very much",
        "thx", "ty", "cheers", "tak for nu", "great thanks", "tak igen",
        "you re a star", "you are a star", "du er sej", "du er god", "godt gaet", "nice",
        "awesome", "great", "super", "dejligt", "fedt", "cool",
    ),
    "greeting": (
        "hej", "hejsa", "hej hej", "hallo", "halloj", "goddag", "god dag", "godmorgen",
        "god morgen", "godaften", "god aften", "dav", "davs", "hi", "hello", "hey", "hiya",
        "good morning", "good afternoon", "good evening", "morning", "morn", "mojn",
        "hvordan gar det", "how are you",
    ),
}  # fmt: skip


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted((re.escape(p) for p in phrases if p != "?"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")


_PATTERNS = {act: _pattern(phrases) for act, phrases in _PHRASES.items()}
_QUESTION_MARK_ONLY = re.compile(r"^\s*\?+\s*$")


def acts_in(loose_text: str, raw: str = "") -> tuple[Act, ...]:
    """Every act a message's loose words say, in `ORDER`."""
    found = [act for act in ORDER if _PATTERNS[act].search(loose_text)]
    if _QUESTION_MARK_ONLY.match(raw) and "help" not in found:
        found.append("help")
    return tuple(act for act in ORDER if act in found)


def act_spans(loose_text: str) -> list[tuple[int, int]]:
    """Where an act's phrases are in a message's loose text: those words name nothing."""
    return [
        match.span() for pattern in _PATTERNS.values() for match in pattern.finditer(loose_text)
    ]


def act_of(loose_text: str, raw: str = "", *, named: bool = False) -> Act | None:
    """The act a message is, when it is nothing else: a few words, no name."""
    found = acts_in(loose_text, raw)
    if not found or named:
        return None
    rest = loose_text
    for act in found:
        rest = _PATTERNS[act].sub(" ", rest)
    if not POLITE.issuperset(rest.split()):
        return None
    if "yes" in found and "thanks" in found and "no" not in found:
        return "yes"  # "ja tak"
    return found[0]


def single_words() -> frozenset[str]:
    """The one-word phrases of every act: they answer, they name nothing."""
    return frozenset(
        phrase for phrases in _PHRASES.values() for phrase in phrases if " " not in phrase
    ) - {"?", "n", "j", "y", "ty"}
