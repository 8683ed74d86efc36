"""Subscription commands typed in chat, in Danish or English, loosely spelled, said
anywhere in the message.

    abonner på Midtklyngen [3 og 1 dag før]    subscribe to Randersklyngen meetings [14 days before]
    påmind mig inden næste møde i KSG          remind me before the next KSG meeting
    giv mig besked om IV-aftalen               keep me posted on the IV agreement
    følg IV-aftalen (folg, foelg)              follow the IV agreement
    mine abonnementer                          my subscriptions
    afmeld Midtklyngen | afmeld alt            unsubscribe from ... | unsubscribe all
    ingen flere påmindelser om Midtklyngen      stop the reminders for Midtklyngen
    kalender for Midtklyngen                   can I get the Randers meetings in my Outlook?
    tilbagekald kalender                       revoke calendar

Words are compared in a squashed form where "ø", "oe" and "o" are one letter (likewise
"å"/"aa"/"a" and "æ"/"ae"/"a"), and longer command words forgive a small typo. A command
word may stand anywhere: after a request ("kan jeg få en påmindelse før ..."), or at the
end ("... i min outlook"); the target is what the command's words leave. Each reading
has a score (`commands`): a command verb scores more than a noun ("påmindelse"), one at
the start more than one later, and a question about something ("hvornår er næste møde
i Midtklyngen?") is no command. Everything here is pure: text in, commands out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from dialogs.phrases import words as phrase_words
from dialogs.requests import is_question, request_frame
from dialogs.subscription_words import (
    ABOUT,
    ALL_OF,
    AND,
    ARTICLE,
    BEFORE,
    CALENDAR,
    CHANGES,
    DAYS,
    DIGITS,
    EVERYTHING,
    FOLLOWING,
    INTO,
    LINK,
    LIST_PHRASES,
    MEETINGS,
    NEXT,
    NO_MORE,
    NOT_AFTER_FOLLOW,
    NUMBERS,
    OWN,
    REMINDERS,
    REVOKE,
    SHOW,
    STATUS,
    STOP,
    SUBSCRIBE,
    SUBSCRIBE_PHRASES,
    SUBSCRIPTIONS,
    THE_DAY,
    TO,
    UNSUBSCRIBE,
    WEEKS,
    WHO,
    Word,
    first,
    is_,
    last,
    skip,
    squash,
    target,
    tokens,
)
from knowledge.notify.contract import MAX_LEAD_DAYS

__all__ = ["commands", "squash", "subscription_command"]

VERB = 0.6  # "abonner", "påmind mig", "giv mig besked", "follow"
NOUN = 0.45  # "en påmindelse", "a reminder": asked for, not commanded
AT_START = 0.1  # the command word opens the message (after a greeting or request)
ASKING = 0.1  # "kan jeg få en påmindelse ...": a request for the thing
ASKED = 0.35  # taken off a question about something
LISTED = 0.8  # "mine abonnementer"
REVOKED = 0.85  # "tilbagekald kalender"
CALENDAR_SCORE = 0.7  # a calendar word: "kalender", "ics", "outlook"
ENDED = 0.7  # "afmeld", "stop abonnementet", "unsubscribe"
NO_MORE_SCORE = 0.65  # "ikke flere påmindelser", "no more reminders"
STOPPED = 0.45  # "stop Randersklyngen": stop alone, with a name
REACH = 4  # words between "stop"/"ikke" and the "påmindelser" it is about
STOP_REST = 4  # "stop X" with at most this many words after it
LEADING = 5  # words: lead times said right after the command ("påmind mig 3 og 1 dag før")

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


Scored = tuple[SubscriptionCommand, float]
_PHRASES_BY_FIRST: dict[str, tuple[tuple[str, ...], ...]] = {
    key: tuple(p for p in SUBSCRIBE_PHRASES if p[0] == key) for key, *_ in SUBSCRIBE_PHRASES
}


@dataclass(frozen=True)
class _Message:
    words: list[Word]
    begin: int  # the first word after a request frame ("kan jeg få ...")
    asking: bool  # there was one

    def at_start(self, position: int) -> float:
        return AT_START if position == self.begin else 0.0


def _read(text: str) -> _Message:
    found = tokens(text)
    said = phrase_words(text)
    frame = request_frame(said)
    end = said[frame.last - 1].end if frame else 0
    begin = next((n for n, word in enumerate(found) if word.start >= end), len(found))
    return _Message(found, begin, frame is not None)


def subscription_command(text: str) -> SubscriptionCommand | None:
    """The subscription command `text` gives, or None when it is something else."""
    found = commands(text)
    return max(found, key=lambda read: read[2])[1] if found else None


@lru_cache(maxsize=1024)
def commands(text: str) -> tuple[tuple[Reader, SubscriptionCommand, float], ...]:
    """What each reader makes of `text`, as (reader, command, score), in the order the
    readers go ("list", "revoke", "calendar", "unsubscribe", "subscribe"); a question about
    something scores lower, and a reading that scores nothing is left out."""
    message = _read(text)
    if not message.words:
        return ()
    asked = is_question(phrase_words(text))
    found: list[tuple[Reader, SubscriptionCommand, float]] = []
    for name, reader in _READERS:
        read = reader(message)
        if read is None:
            continue
        command, score = read
        score -= ASKED if asked and name != "list" else 0.0
        if score > 0:
            found.append((name, command, round(score, 2)))
    return tuple(found)


def _find(said: list[Word], vocabulary: frozenset[str], start: int = 0) -> int | None:
    return next((n for n in range(start, len(said)) if is_(said[n], vocabulary)), None)


def _list(message: _Message) -> Scored | None:
    said = message.words[message.begin :]
    if "".join(word.key for word in said) in LIST_PHRASES:
        return ListSubscriptions(), LISTED
    rest = skip(skip(skip(said, SHOW), OWN), EVERYTHING)
    if len(rest) == 1 and is_(rest[0], SUBSCRIPTIONS):
        return ListSubscriptions(), LISTED
    return None


def _revoke(message: _Message) -> Scored | None:
    said = message.words
    at = _find(said, REVOKE)
    if at is None:
        return None
    rest = skip(said[at + 1 :], OWN, limit=1)
    if not rest or not is_(rest[0], CALENDAR):
        return None
    named = target(skip(skip(rest[1:], LINK, limit=1), TO, limit=1))
    return RevokeCalendar(named), REVOKED + message.at_start(at)


def _calendar(message: _Message) -> Scored | None:
    """ "kalender for Midtklyngen", "abonner på kalenderen for KSG", "ics link til ...",
    "kan jeg få Randers-møderne ind i min Outlook?"."""
    said = message.words
    at = _find(said, CALENDAR)
    if at is None or (at > 0 and is_(said[at - 1], REVOKE)):
        return None
    after = skip(skip(said[at + 1 :], LINK, limit=1), TO, limit=1)
    named, _ = _what(after)
    if named is None:
        before = _trim(said[message.begin : at], SUBSCRIBE | INTO | ARTICLE)
        named, _ = _what(skip(skip(before, WHO), TO, limit=1))
    opening = message.begin + (
        1 if at > message.begin and is_(said[message.begin], SUBSCRIBE) else 0
    )
    return CalendarRequest(named), CALENDAR_SCORE + message.at_start(
        at if at > opening else message.begin
    )


def _trim(said: list[Word], vocabulary: frozenset[str]) -> list[Word]:
    """`said` without words of `vocabulary` at either end."""
    start, end = 0, len(said)
    while start < end and said[start].key in vocabulary:
        start += 1
    while end > start and said[end - 1].key in vocabulary:
        end -= 1
    return said[start:end]


def _unsubscribe(message: _Message) -> Scored | None:
    said = message.words
    for find, score in ((_ended, ENDED), (_no_more, NO_MORE_SCORE)):
        found = find(said)
        if found is not None:
            at, rest = found
            between = said[at + 1 : len(said) - len(rest)]  # "stop alle mine påmindelser"
            if any(is_(word, EVERYTHING) for word in between) and not _what(rest)[0]:
                return Unsubscribe(None, everything=True), score + message.at_start(at)
            return _unsubscribe_what(rest), score + message.at_start(at)
    rest = said[message.begin + 1 :]
    if is_(first(said[message.begin :]), STOP) and rest and len(rest) <= STOP_REST:
        command = _unsubscribe_what(rest)
        return (command, STOPPED) if command.target or command.everything else None
    return None


def _ended(said: list[Word]) -> tuple[int, list[Word]] | None:
    """ "afmeld ...", "stop abonnement på ...", "stop med at følge ...", "stop the reminders
    for ...": where the command is, and what follows it."""
    at = _find(said, UNSUBSCRIBE)
    if at is not None:
        return at, said[at + 1 :]
    at = _find(said, STOP)
    while at is not None:
        about = _about(said, at, ABOUT | FOLLOWING)
        if about is not None:
            return at, said[about + 1 :]
        at = _find(said, STOP, at + 1)
    return None


def _no_more(said: list[Word]) -> tuple[int, list[Word]] | None:
    """ "jeg gider ikke flere påmindelser om ...", "no more reminders for ..."."""
    at = _find(said, NO_MORE)
    while at is not None:
        about = _about(said, at, ABOUT)
        if about is not None:
            return at, said[about + 1 :]
        at = _find(said, NO_MORE, at + 1)
    return None


def _about(said: list[Word], at: int, vocabulary: frozenset[str]) -> int | None:
    return next(
        (n for n in range(at + 1, min(len(said), at + 1 + REACH)) if is_(said[n], vocabulary)),
        None,
    )


def _unsubscribe_what(rest: list[Word]) -> Unsubscribe:
    rest = skip(skip(rest, WHO), TO, limit=1)
    rest = skip(skip(rest, ABOUT, limit=1), TO, limit=1)
    rest = skip(rest, ARTICLE, limit=1)
    if rest and is_(rest[0], EVERYTHING) and all(is_(w, ALL_OF) for w in rest[1:]):
        return Unsubscribe(None, everything=True)
    return Unsubscribe(_what(rest)[0])


def _subscribe(message: _Message) -> Scored | None:
    """ "abonner på ...", "påmind mig før ...", "giv mig besked om ...", "kan jeg få en
    påmindelse inden ...": the command where it stands, the target after it."""
    said = message.words
    if _find(said, CALENDAR) is not None or _ended(said) or _no_more(said):
        return None
    cue = _cue(said)
    if cue is None:
        return None
    at, length, score = cue
    rest = skip(skip(said[at + length :], WHO), TO, limit=1)
    rest = skip(skip(skip(rest, BEFORE, limit=2), NEXT, limit=2), ARTICLE, limit=1)
    score += message.at_start(at) + (ASKING if message.asking and score == NOUN else 0.0)
    return _subscription(rest), score


def _cue(said: list[Word]) -> tuple[int, int, float] | None:
    """Where the subscribe command is: (position, words, score)."""
    for at in range(len(said)):
        if is_(said[at], SUBSCRIBE) and not is_(first(said[at + 1 :]), NOT_AFTER_FOLLOW):
            return at, 1, VERB
        starting = _PHRASES_BY_FIRST.get(said[at].key, ())
        phrase = next((p for p in starting if _says(said, at, p)), None)
        if phrase is not None:
            return at, len(phrase), VERB
    noun = _find(said, REMINDERS)
    return (noun, 1, NOUN) if noun is not None else None


def _says(said: list[Word], at: int, phrase: tuple[str, ...]) -> bool:
    keys = tuple(word.key for word in said[at : at + len(phrase)])
    return keys == phrase


def _subscription(rest: list[Word]) -> Subscribe:
    rest, lead_days = _lead_days(rest)
    if lead_days is None:  # "påmind mig 2 dage før KSG-møderne"
        rest, lead_days = _leading_lead_days(rest)
    named, wants = _what(rest)
    if lead_days is None:
        return Subscribe(named, wants)
    good = tuple(sorted({days for days in lead_days if 1 <= days <= MAX_LEAD_DAYS}, reverse=True))
    bad = tuple(days for days in lead_days if not 1 <= days <= MAX_LEAD_DAYS)
    return Subscribe(named, wants, good or None, bad)


def _what(words: list[Word]) -> tuple[str | None, Wants]:
    """The target and whether it names meetings or status: "KSG møder", "møderne i KSG",
    "status på IV-aftalen", "Randersklyngen's meetings"."""
    wants: Wants = "any"
    kinds: tuple[tuple[frozenset[str], Wants], ...] = ((MEETINGS, "meetings"), (STATUS, "status"))
    for vocabulary, kind in kinds:
        if is_(first(words), vocabulary):
            words, wants = skip(skip(words[1:], TO, limit=1), ARTICLE, limit=1), kind
        while len(words) > 1 and is_(last(words), vocabulary):
            words, wants = _strip_genitive(words[:-1]), kind
    if wants == "status" and is_(first(words), CHANGES):
        words = skip(skip(words[1:], TO, limit=1), ARTICLE, limit=1)
    return target(words), wants


def _lead_days(words: list[Word]) -> tuple[list[Word], tuple[int, ...] | None]:
    """ "... 3 og 1 dag før", "... 14 days before", "... en uge før", "... dagen før"."""
    end = len(words)
    if end and is_(words[end - 1], BEFORE):
        end -= 1
    if not end or not (is_(words[end - 1], DAYS) or is_(words[end - 1], WEEKS)):
        return words, None
    unit = 7 if is_(words[end - 1], WEEKS) else 1
    start, numbers = _numbers(words, end - 1)
    if not numbers:
        if words[end - 1].key not in THE_DAY:
            return words, None
        numbers = [1]  # "dagen før", "the day before"
        start -= 1 if start and words[start - 1].key in ARTICLE else 0
    return words[:start], tuple(number * unit for number in numbers)


def _leading_lead_days(words: list[Word]) -> tuple[list[Word], tuple[int, ...] | None]:
    """Lead times said first: "2 dage før KSG-møderne", "a week before the meetings"."""
    unit = next((n for n, w in enumerate(words[:LEADING]) if is_(w, DAYS) or is_(w, WEEKS)), None)
    if unit is None or unit + 1 >= len(words) or not is_(words[unit + 1], BEFORE):
        return words, None
    _, lead_days = _lead_days(words[: unit + 2])
    if lead_days is None:
        return words, None
    rest = skip(skip(words[unit + 2 :], NEXT, limit=2), ARTICLE, limit=1)
    return rest, lead_days


def _numbers(words: list[Word], end: int) -> tuple[int, list[int]]:
    """The numbers just before `end` ("3 og 1", "3, 1", "14"), first to last."""
    found: list[int] = []
    start = end
    while start:
        word = words[start - 1]
        if DIGITS.match(word.raw):
            found[:0] = [int(digits) for digits in re.findall(r"\d+", word.raw)]
        elif word.key in NUMBERS and (found or start == end):
            found.insert(0, NUMBERS[word.key])
        elif not (found and word.key in AND):
            break
        start -= 1
    while start < end and words[start].key in AND:
        start += 1
    return start, found


def _strip_genitive(words: list[Word]) -> list[Word]:
    """ "Randersklyngen's meetings": the name without its "'s"."""
    if words and re.search(r"['’]s$", words[-1].raw):
        return [*words[:-1], Word(words[-1].raw[:-2], squash(words[-1].raw[:-2]))]
    return words


Reader = Literal["list", "revoke", "calendar", "unsubscribe", "subscribe"]
_READERS: tuple[tuple[Reader, Callable[[_Message], Scored | None]], ...] = (
    ("list", _list),
    ("revoke", _revoke),
    ("calendar", _calendar),
    ("unsubscribe", _unsubscribe),
    ("subscribe", _subscribe),
)
