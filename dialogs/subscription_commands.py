"""Subscription commands typed in chat, in Danish or English, loosely spelled.

    abonner på Midtklyngen [3 og 1 dag før]    subscribe to Randersklyngen meetings [14 days before]
    følg IV-aftalen (folg, foelg)              follow the IV agreement
    mine abonnementer                          my subscriptions
    afmeld Midtklyngen | afmeld alt            unsubscribe from ... | unsubscribe all
    stop abonnement på ...                     stop following ...
    kalender for Midtklyngen                   calendar for Randersklyngen
    tilbagekald kalender                       revoke calendar

Words are compared in a squashed form where "ø", "oe" and "o" are one letter (likewise
"å"/"aa"/"a" and "æ"/"ae"/"a"), and longer command words forgive a small typo. A command
must start the message, so questions ("hvad er status på IV-aftalen?", "næste møde i
Midtklyngen?") are never taken for one. Everything here is pure: text in, command out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import DamerauLevenshtein

from knowledge.core.chat import Lang
from knowledge.core.names import fold
from knowledge.notify.contract import MAX_LEAD_DAYS

Wants = Literal["meetings", "status", "any"]


@dataclass(frozen=True)
class Subscribe:
    target: str | None  # None: the chat's own cluster ("abonner" where "vi er Midtklyngen")
    wants: Wants = "any"
    lead_days: tuple[int, ...] | None = None  # None: the default lead times
    bad_lead_days: tuple[int, ...] = ()  # outside 1..MAX_LEAD_DAYS: refused, nothing saved


@dataclass(frozen=True)
class Unsubscribe:
    target: str | None  # None and not everything: the person picks from the list
    everything: bool = False


@dataclass(frozen=True)
class ListSubscriptions:
    pass


@dataclass(frozen=True)
class CalendarRequest:
    target: str | None  # None: the chat's own cluster


@dataclass(frozen=True)
class RevokeCalendar:
    target: str | None


SubscriptionCommand = Subscribe | Unsubscribe | ListSubscriptions | CalendarRequest | RevokeCalendar


@dataclass(frozen=True)
class _Word:
    raw: str  # as typed, for the target text
    key: str  # squashed, for comparing; "" for punctuation


_SQUASH = (("oe", "o"), ("aa", "a"), ("ae", "a"))


def squash(text: str) -> str:
    """ "følg", "foelg" and "folg" -> "folg"; "på"/"paa"/"pa" -> "pa"."""
    key = fold(text).replace(" ", "")
    for long, short in _SQUASH:
        key = key.replace(long, short)
    return key


def _words(*texts: str) -> frozenset[str]:
    return frozenset(squash(text) for text in texts)


_SUBSCRIBE = _words("abonner", "abonnér", "abboner", "subscribe", "følg", "følge", "follow")
_UNSUBSCRIBE = _words("afmeld", "frameld", "opsig", "unsubscribe", "unfollow")
_STOP = _words("stop", "stoppe", "afslut", "cancel", "annuller", "end")
_ABOUT = _words(
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
)
_FOLLOWING = _words("følge", "følg", "following", "follow")
_CALENDAR = _words(
    "kalender", "kalenderen", "kalenderlink", "kalenderfeed", "calendar", "ical", "ics"
)
_LINK = _words("link", "links", "linket", "feed", "feedet", "abonnement", "subscription")
_REVOKE = _words("tilbagekald", "tilbagekalde", "revoke", "slet", "delete", "fjern", "remove")
_OWN = _words("mit", "min", "mine", "my", "the", "vores", "our", "kanalens", "chattens")
_SHOW = _words("vis", "show", "list", "se", "see", "hvad", "what", "er", "are")
_SUBSCRIPTIONS = _words(
    "abonnementer", "abonnementerne", "abonnement", "subscriptions", "subscription"
)
_LIST_PHRASES = _words(
    "hvad abonnerer jeg på",
    "hvad abonnerer vi på",
    "hvad følger jeg",
    "hvad følger vi",
    "what am i subscribed to",
    "what are we subscribed to",
    "what do i follow",
    "what do we follow",
)
_WHO = _words(
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
_TO = _words("på", "to", "til", "for", "fra", "from", "of", "om", "af", "i", "in", "on", "over")
_ARTICLE = _words("the", "a", "an")
_EVERYTHING = _words("alt", "alle", "all", "everything", "alting")
_ALL_OF = _ABOUT | _words("of", "them", "dem", "sammen", "mine", "my", "vores", "our", "af")
_MEETINGS = _words("møder", "møderne", "mødet", "møde", "meetings", "meeting", "mødekalender")
_STATUS = _words(
    "status",
    "statusændringer",
    "statusopdateringer",
    "ændringer",
    "opdateringer",
    "changes",
    "updates",
)
_BEFORE = _words("før", "inden", "before", "ahead", "forud", "forinden", "prior")
_DAYS = _words("dag", "dage", "dagen", "dages", "day", "days", "d")
_WEEKS = _words("uge", "uger", "ugen", "ugers", "week", "weeks")
_AND = _words("og", "and", "samt", "eller", "or", "&", "+")
_NUMBERS = {
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
_NOT_COMMANDS = _words(
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
_KNOWN = (
    _SUBSCRIBE | _UNSUBSCRIBE | _STOP | _ABOUT | _CALENDAR | _REVOKE | _SUBSCRIPTIONS | _MEETINGS
)
_NOT_AFTER_FOLLOW = _words("op", "up")  # "følg op på" is "follow up"
_DIGITS = re.compile(r"^\d+(?:[,+&/]\d+)*[,.]?$")
TYPO_MIN = 6  # words this long forgive one typo; from TYPO_TWO letters on, two
TYPO_TWO = 9


def _is(word: _Word | None, vocabulary: frozenset[str]) -> bool:
    if word is None or not word.key:
        return False
    if word.key in vocabulary:
        return True
    if word.key in _NOT_COMMANDS or word.key in _KNOWN or len(word.key) < TYPO_MIN - 1:
        return False  # a word that is exactly another command word is that word
    return any(_near(word.key, known) for known in vocabulary if len(known) >= TYPO_MIN)


def _near(key: str, known: str) -> bool:
    allowed = 2 if len(known) >= TYPO_TWO else 1
    return DamerauLevenshtein.distance(key, known, score_cutoff=allowed) <= allowed


def _tokens(text: str) -> list[_Word]:
    """The words of `text`; lone punctuation ("–", "?") is no word."""
    words = [_Word(raw, squash(raw)) for raw in text.split()]
    return [word for word in words if word.key]


def subscription_command(text: str) -> SubscriptionCommand | None:
    """The subscription command `text` gives, or None when it is something else."""
    found = commands(text)
    return found[0][1] if found else None


def commands(text: str) -> list[tuple[Reader, SubscriptionCommand]]:
    """What each reader makes of `text`, as (reader, command), in the order they are
    tried ("list", "revoke", "calendar", "unsubscribe", "subscribe"): the first is the
    command, and `dialogs.subscriptions` and `dialogs.calendar` score them by that order."""
    words = _tokens(text)
    if not words:
        return []
    found = ((name, reader(words)) for name, reader in _READERS)
    return [(name, command) for name, command in found if command is not None]


_ENGLISH = _words(
    "subscribe",
    "follow",
    "unsubscribe",
    "unfollow",
    "calendar",
    "revoke",
    "delete",
    "remove",
    "my",
    "show",
    "list",
    "what",
    "cancel",
    "end",
    "following",
    "subscription",
    "subscriptions",
)


def command_language(text: str, fallback: Lang) -> Lang:
    """English when the command word is ("subscribe to ...", "stop following ..."), else
    Danish; `fallback` (the chat's locale) when the word is no language's own ("ical")."""
    words = _tokens(text)
    if words and words[0].key == "stop":
        words = words[1:]  # Danish and English alike: the next word tells
    if not words or words[0].key in ("ical", "ics", "stop"):
        return fallback
    return "en" if words[0].key in _ENGLISH else "da"


def _list(words: list[_Word]) -> ListSubscriptions | None:
    keys = [word.key for word in words if word.key]
    if "".join(keys) in _LIST_PHRASES:
        return ListSubscriptions()
    rest = _skip(_skip(words, _SHOW), _OWN)
    rest = _skip(rest, _EVERYTHING)
    if len([word for word in rest if word.key]) == 1 and _is(rest[0], _SUBSCRIPTIONS):
        return ListSubscriptions()
    return None


def _revoke(words: list[_Word]) -> RevokeCalendar | None:
    if not _is(words[0], _REVOKE):
        return None
    rest = _skip(words[1:], _OWN, limit=1)
    if not rest or not _is(rest[0], _CALENDAR):
        return None
    return RevokeCalendar(_target(_skip(_skip(rest[1:], _LINK, limit=1), _TO, limit=1)))


def _calendar(words: list[_Word]) -> CalendarRequest | None:
    if not _is(words[0], _CALENDAR):
        return None
    return CalendarRequest(_target(_skip(_skip(words[1:], _LINK, limit=1), _TO, limit=1)))


def _unsubscribe(words: list[_Word]) -> Unsubscribe | None:
    rest = _unsubscribe_rest(words)
    if rest is None:
        return None
    rest = _skip(_skip(rest, _WHO), _TO, limit=1)
    rest = _skip(_skip(rest, _ABOUT, limit=1), _TO, limit=1)
    rest = _skip(rest, _ARTICLE, limit=1)
    if rest and _is(rest[0], _EVERYTHING) and all(_is(w, _ALL_OF) for w in rest[1:]):
        return Unsubscribe(None, everything=True)
    return Unsubscribe(_what(rest)[0])


def _unsubscribe_rest(words: list[_Word]) -> list[_Word] | None:
    """What follows "afmeld", "stop abonnement", "stop med at følge", "stop following"."""
    if _is(words[0], _UNSUBSCRIBE):
        return words[1:]
    if not _is(words[0], _STOP):
        return None
    rest = _skip(words[1:], _words("med", "at", "to"))
    if _is(_first(rest), _ABOUT) or _is(_first(rest), _FOLLOWING):
        return rest[1:]
    return None


def _subscribe(words: list[_Word]) -> Subscribe | CalendarRequest | None:
    if not _is(words[0], _SUBSCRIBE) or _is(_first(words[1:]), _NOT_AFTER_FOLLOW):
        return None
    rest = _skip(_skip(words[1:], _WHO), _TO, limit=1)
    rest = _skip(rest, _ARTICLE, limit=1)
    if _is(_first(rest), _CALENDAR):
        return CalendarRequest(_target(_skip(_skip(rest[1:], _LINK, limit=1), _TO, limit=1)))
    rest, lead_days = _lead_days(rest)
    target, wants = _what(rest)
    if lead_days is None:
        return Subscribe(target, wants)
    good = tuple(sorted({days for days in lead_days if 1 <= days <= MAX_LEAD_DAYS}, reverse=True))
    bad = tuple(days for days in lead_days if not 1 <= days <= MAX_LEAD_DAYS)
    return Subscribe(target, wants, good or None, bad)


def _what(words: list[_Word]) -> tuple[str | None, Wants]:
    """The target and whether it names meetings or status: "KSG møder", "møderne i KSG",
    "status på IV-aftalen", "Randersklyngen's meetings"."""
    wants: Wants = "any"
    kinds: tuple[tuple[frozenset[str], Wants], ...] = ((_MEETINGS, "meetings"), (_STATUS, "status"))
    for vocabulary, kind in kinds:
        if _is(_first(words), vocabulary):
            words, wants = _skip(_skip(words[1:], _TO, limit=1), _ARTICLE, limit=1), kind
        while len(words) > 1 and _is(_last(words), vocabulary):
            words, wants = _strip_genitive(words[:-1]), kind
    if wants == "status" and _is(_first(words), _words("changes", "ændringer")):
        words = _skip(_skip(words[1:], _TO, limit=1), _ARTICLE, limit=1)
    return _target(words), wants


def _lead_days(words: list[_Word]) -> tuple[list[_Word], tuple[int, ...] | None]:
    """ "... 3 og 1 dag før", "... 14 days before", "... en uge før", "... dagen før"."""
    end = len(words)
    if end and _is(words[end - 1], _BEFORE):
        end -= 1
    if not end or not (_is(words[end - 1], _DAYS) or _is(words[end - 1], _WEEKS)):
        return words, None
    unit = 7 if _is(words[end - 1], _WEEKS) else 1
    start, numbers = _numbers(words, end - 1)
    if not numbers:
        if words[end - 1].key not in _words("dagen", "ugen", "day", "week"):
            return words, None
        numbers = [1]  # "dagen før", "the day before"
        start -= 1 if start and words[start - 1].key in _ARTICLE else 0
    return words[:start], tuple(number * unit for number in numbers)


def _numbers(words: list[_Word], end: int) -> tuple[int, list[int]]:
    """The numbers just before `end` ("3 og 1", "3, 1", "14"), first to last."""
    found: list[int] = []
    start = end
    while start:
        word = words[start - 1]
        if _DIGITS.match(word.raw):
            found[:0] = [int(digits) for digits in re.findall(r"\d+", word.raw)]
        elif word.key in _NUMBERS and (found or start == end):
            found.insert(0, _NUMBERS[word.key])
        elif not (found and word.key in _AND):
            break
        start -= 1
    while start < end and words[start].key in _AND:
        start += 1
    return start, found


def _strip_genitive(words: list[_Word]) -> list[_Word]:
    """ "Randersklyngen's meetings": the name without its "'s"."""
    if words and re.search(r"['’]s$", words[-1].raw):
        return [*words[:-1], _Word(words[-1].raw[:-2], squash(words[-1].raw[:-2]))]
    return words


Reader = Literal["list", "revoke", "calendar", "unsubscribe", "subscribe"]
_READERS: tuple[tuple[Reader, Callable[[list[_Word]], SubscriptionCommand | None]], ...] = (
    ("list", _list),
    ("revoke", _revoke),
    ("calendar", _calendar),
    ("unsubscribe", _unsubscribe),
    ("subscribe", _subscribe),
)


def _target(words: Sequence[_Word]) -> str | None:
    text = " ".join(word.raw for word in words).strip(" \t?!.,:;\"'“”„")
    return text or None


def _skip(words: list[_Word], vocabulary: frozenset[str], *, limit: int = 4) -> list[_Word]:
    """`words` without the leading ones (at most `limit`) in `vocabulary`."""
    start = 0
    while start < min(limit, len(words)) and words[start].key in vocabulary:
        start += 1
    return words[start:]


def _first(words: Sequence[_Word]) -> _Word | None:
    return words[0] if words else None


def _last(words: Sequence[_Word]) -> _Word | None:
    return words[-1] if words else None
