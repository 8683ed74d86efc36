"""The words subscription commands are made of, and reading them.

A `Word` is a written word as typed (`raw`, kept for the target's text) and squashed for
comparing (`key`: "ø", "oe" and "o" are one letter, likewise "å"/"aa"/"a" and "æ"/"ae"/"a");
`is_` forgives longer command words a small typo, unless the word is exactly another
command word. `dialogs.subscription_commands` reads the commands from these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

from knowledge.core.names import fold


@dataclass(frozen=True)
class Word:
    raw: str  # as typed, for the target text
    key: str  # squashed, for comparing; "" for punctuation
    start: int = 0  # where it stands in the text, in characters


_SQUASH = (("oe", "o"), ("aa", "a"), ("ae", "a"))


def squash(text: str) -> str:
    """ "følg", "foelg" and "folg" -> "folg"; "på"/"paa"/"pa" -> "pa"."""
    key = fold(text).replace(" ", "")
    for long, short in _SQUASH:
        key = key.replace(long, short)
    return key


def vocabulary(*texts: str) -> frozenset[str]:
    return frozenset(squash(text) for text in texts)


SUBSCRIBE = vocabulary(
    *("abonner", "abonnér", "abboner", "subscribe", "følg", "følge", "follow", "påmind"),
    *("påminde", "remind", "notify", "varsl", "varsle", "alert"),
)
# Nouns that ask for reminders without a verb: "kan jeg få en påmindelse før ...".
REMINDERS = vocabulary(
    *("påmindelse", "påmindelser", "påmindelsen", "reminder", "reminders", "notifikation"),
    *("notifikationer", "notification", "notifications", "besked", "beskeder", "varsling"),
    *("alerts", "heads-up"),
)
# Phrases that subscribe as a verb would: "giv mig besked", "keep me posted".
SUBSCRIBE_PHRASES: frozenset[tuple[str, ...]] = frozenset(
    tuple(squash(word) for word in phrase.split())
    for phrase in (
        "giv mig besked",
        "giv besked",
        "send mig besked",
        "send besked",
        "hold mig opdateret",
        "hold mig orienteret",
        "hold os opdateret",
        "hold os orienteret",
        "keep me posted",
        "keep me updated",
        "keep us posted",
        "keep us updated",
        "let me know",
        "let us know",
        "give me a heads-up",
    )
)
UNSUBSCRIBE = vocabulary("afmeld", "frameld", "opsig", "unsubscribe", "unfollow")
STOP = vocabulary(
    *("stop", "stoppe", "afslut", "cancel", "annuller", "end", "slet", "fjern", "delete"),
    *("remove", "drop", "sluk", "disable"),
)
# "jeg gider ikke flere påmindelser", "no more reminders", "I don't want reminders".
NO_MORE = vocabulary("ikke", "ingen", "no", "not", "don't", "dont", "never", "aldrig", "ej")
ABOUT = vocabulary(
    "abonnement",
    "abonnementet",
    "abonnementer",
    "abonnementerne",
    "subscription",
    "subscriptions",
    "påmindelser",
    "påmindelserne",
    "reminders",
    "notifikationer",
    "notifications",
    "påmindelse",
    "reminder",
    "beskeder",
    "notification",
    "notifikation",
)
FOLLOWING = vocabulary("følge", "følg", "following", "follow")
CALENDAR = vocabulary(
    *("kalender", "kalenderen", "kalenderlink", "kalenderfeed", "calendar", "ical", "ics"),
    *("outlook", "outlookkalender", "outlook-kalender", "outlook-kalenderen", "icalendar"),
    *("kalenderlinket", "mødekalender", "mødekalenderen"),
)
# Around a calendar word at the end: "få møderne ind i min kalender", "add ... to my Outlook".
INTO = vocabulary("ind", "into", "i", "in", "til", "to", "på", "on", "min", "my", "mit", "vores")
INTO |= vocabulary("our", "egen", "own", "the", "kan", "jeg", "få", "get", "add", "tilføj", "put")
INTO |= vocabulary("sæt", "lægge", "læg", "have", "hente", "download", "please", "tak", "venligst")
LINK = vocabulary("link", "links", "linket", "feed", "feedet", "abonnement", "subscription")
REVOKE = vocabulary("tilbagekald", "tilbagekalde", "revoke", "slet", "delete", "fjern", "remove")
OWN = vocabulary("mit", "min", "mine", "my", "the", "vores", "our", "kanalens", "chattens")
SHOW = vocabulary("vis", "show", "list", "se", "see", "hvad", "what", "er", "are")
SUBSCRIPTIONS = vocabulary(
    "abonnementer", "abonnementerne", "abonnement", "subscriptions", "subscription"
)
LIST_PHRASES = vocabulary(
    "hvad abonnerer jeg på",
    "hvad abonnerer vi på",
    "hvad følger jeg",
    "hvad følger vi",
    "what am i subscribed to",
    "what are we subscribed to",
    "what do i follow",
    "what do we follow",
)
WHO = vocabulary(
    "mig",
    "os",
    "me",
    "us",
    "kanalen",
    "chatten",
    "gruppen",
    "denne",
    "this",
    "channel",
    "chat",
    "med",  # "følg med i IV-aftalen"
)
TO = vocabulary("på", "to", "til", "for", "fra", "from", "of", "om", "af", "i", "in", "on", "over")
TO |= vocabulary("about", "regarding", "vedrørende", "vedr", "omkring", "ang", "angående", "with")
ARTICLE = vocabulary("the", "a", "an")
EVERYTHING = vocabulary("alt", "alle", "all", "everything", "alting")
ALL_OF = ABOUT | vocabulary("of", "them", "dem", "sammen", "mine", "my", "vores", "our", "af")
MEETINGS = vocabulary("møder", "møderne", "mødet", "møde", "meetings", "meeting", "mødekalender")
STATUS = vocabulary(
    "status",
    "statusændringer",
    "statusopdateringer",
    "ændringer",
    "opdateringer",
    "changes",
    "updates",
)
BEFORE = vocabulary("før", "inden", "before", "ahead", "forud", "forinden", "prior")
NEXT = vocabulary("næste", "kommende", "next", "upcoming", "coming", "de", "the", "alle", "all")
CHANGES = vocabulary("changes", "ændringer")
THE_DAY = vocabulary("dagen", "ugen", "day", "week")  # "dagen før": one day
DAYS = vocabulary("dag", "dage", "dagen", "dages", "day", "days", "d")
WEEKS = vocabulary("uge", "uger", "ugen", "ugers", "week", "weeks")
AND = vocabulary("og", "and", "samt", "eller", "or", "&", "+")
NUMBERS = {
    squash(word): number
    for number, words in enumerate(
        (
            (),
            ("en", "et", "one", "a"),
            ("to", "two"),
            ("tre", "three"),
            ("fire", "four"),
            ("fem", "five"),
            ("seks", "six"),
            ("syv", "seven"),
        )
    )
    for word in words
}
# Questions and past tenses that a forgiving match would otherwise read as commands.
NOT_COMMANDS = vocabulary(
    "abonnerer",
    "abonnerede",
    "følger",
    "fulgte",
    "follows",
    "followed",
    "subscribes",
    "subscribed",
    "afmelder",
    "afmeldt",
    "afmeldte",
    "kalendere",
)
_KNOWN = SUBSCRIBE | UNSUBSCRIBE | STOP | ABOUT | CALENDAR | REVOKE | SUBSCRIPTIONS | MEETINGS
PRONOUNS = vocabulary("it", "det", "den", "that", "this", "dem", "them", "dette", "denne")
POLITE = vocabulary("tak", "thanks", "please", "pls", "venligst", "lige", "gerne", "mange")
NOT_AFTER_FOLLOW = vocabulary("op", "up")  # "følg op på" is "follow up"
DIGITS = re.compile(r"^\d+(?:[,+&/]\d+)*[,.]?$")
TYPO_MIN = 6  # words this long forgive one typo; from TYPO_TWO letters on, two
TYPO_TWO = 9


def is_(word: Word | None, vocabulary: frozenset[str]) -> bool:
    if word is None or not word.key:
        return False
    return word.key in vocabulary or _typed_as(word.key, vocabulary)


@lru_cache(maxsize=65_536)
def _typed_as(key: str, vocabulary: frozenset[str]) -> bool:
    """`key` is a word of `vocabulary` with a typo (once worked out, remembered)."""
    if key in NOT_COMMANDS or key in _KNOWN or len(key) < TYPO_MIN - 1:
        return False  # a word that is exactly another command word is that word
    return any(_near(key, known) for known in vocabulary if len(known) >= TYPO_MIN)


def _near(key: str, known: str) -> bool:
    allowed = 2 if len(known) >= TYPO_TWO else 1
    return DamerauLevenshtein.distance(key, known, score_cutoff=allowed) <= allowed


def tokens(text: str) -> list[Word]:
    """The words of `text`; lone punctuation ("–", "?") is no word."""
    found = [Word(m[0], squash(m[0]), m.start()) for m in re.finditer(r"\S+", text)]
    return [word for word in found if word.key]


def target(words: Sequence[Word]) -> str | None:
    """The words as the target's name, without politeness at either end ("... tak")."""
    kept = list(words)
    while kept and kept[-1].key.strip("?!.,") in POLITE:
        kept.pop()
    while kept and kept[0].key in POLITE:
        kept.pop(0)
    if all(word.key.strip("?!.,") in PRONOUNS for word in kept):
        return None  # "drop it", "stop det": no name
    text = " ".join(word.raw for word in kept).strip(" \t?!.,:;\"'“”„")
    return text or None


def skip(words: list[Word], vocabulary: frozenset[str], *, limit: int = 4) -> list[Word]:
    """`words` without the leading ones (at most `limit`) in `vocabulary`."""
    start = 0
    while start < min(limit, len(words)) and words[start].key in vocabulary:
        start += 1
    return words[start:]


def first(words: Sequence[Word]) -> Word | None:
    return words[0] if words else None


def last(words: Sequence[Word]) -> Word | None:
    return words[-1] if words else None
