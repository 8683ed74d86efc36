"""A status update said in ordinary words: what it names, and how surely it is one.

    opdater status på IV-aftalen            jeg skal melde en ny status ind
    kan du notere at X er sat på pause      sæt X på pause, fordi vi venter på finansiering
    status X: i gang, 13 borgere i forløb   I'd like to report a status
    update X to paused: waiting for funds   X is now in operation

`parse_update_request` fills every slot the message gives (item, status, note) wherever
it says them: the status is a status phrase anywhere (`recognisers.status_in`), the note
what follows a colon, dash, comma or "fordi"/"because" once the status (or the item) is
said, and the item whatever is left when the command's own words are taken out.
`update_score` says how surely the message asks to update a status: an update verb
("opdater", "indberet", "update", "report"), or a weaker one ("sæt", "notere", "set",
"mark") with a status or the word "status", or a status stated of something ("X er nu
i drift"); a question ("hvad er status på X?") is not one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from dialogs.phrases import Word, find, keys, phrases, text_of, words
from dialogs.recognisers import StatusMention, status_in
from dialogs.requests import FRAMES, is_question, request_frame

STRONG = 0.6  # "opdater", "indberet", "update", "report", "ny status"
WEAK = 0.3  # "sæt", "notere", "set": only with a status or the word "status"
STATED = 0.3  # "X er i drift": a status stated of something
NOW = 0.15  # "... nu", "... now": a statement of news
SUPPORT = 0.2  # the word "status" beside a verb, or a status said
AT_START = 0.1

_STRONG_VERBS = phrases(
    *("opdater", "opdatere", "opdatér", "indberet", "indberette", "indrapporter"),
    *("indrapportere", "update", "ny status", "nyt status", "new status", "status update"),
    *("statusopdatering", "en statusopdatering"),
    *("rapporter status", "rapportere status", "report status", "report a status"),
    *("report the status", "report a new status", "report", "rapporter", "rapportere"),
)
# Verbs that set something: a status said with them makes an update ("sæt X på pause").
_WEAK_VERBS = phrases(
    *("sæt", "sætte", "set", "change", "ændr", "ændre", "skift", "skifte", "mark", "put"),
    *("marker", "markere", "noter", "notere", "note", "registrer", "registrere", "log"),
    *("record", "flyt", "flytte", "move", "meld", "melde"),
)
# Verbs that make anything: only "status" beside them makes an update ("lav en status").
# Not "giv" or "give": "giv mig status på X" asks for it.
_MAKING_VERBS = phrases(
    *("lav", "lave", "make", "angiv", "angive", "skriv", "skrive", "write"),
    *("do", "add", "tilføj", "tilføje", "send", "post"),
)
_TARGETS = keys("til", "to", "som", "as")  # "sæt X til ...": a status follows, or should
_OBJECTS = phrases(
    *("status", "statussen", "statusen", "en status", "a status", "the status", "ny", "nyt"),
    *("new", "en ny status", "a new status", "en", "et", "a", "an", "the"),
)
_COMMAND_WORDS = _STRONG_VERBS | _WEAK_VERBS | _MAKING_VERBS | _OBJECTS | FRAMES
_STATUS_WORD = phrases("status", "statussen", "statusen")
_LINKS = keys("på", "pa", "for", "of", "on", "om", "af", "at", "that", "til", "to", "about")
# Right before a status: "X er nu i drift", "X is now in operation", "sæt X til i gang".
_COPULAS = keys("er", "is", "are", "blevet", "been", "has", "har", "nu", "now", "stadig")
_COPULAS |= keys("still", "til", "to", "as", "som", "was", "blev", "bliver", "being", "s")
_AFTER_STATUS = keys("nu", "now", "igen", "again", "endelig", "finally", "endnu", "yet")
_NEWS = keys("nu", "now", "blevet", "endelig", "finally")
# Other forms of the verbs, which a forgiving match would read as them: "hvordan
# opdaterer jeg ...", "it was updated".
_NOT_VERBS = keys(
    *("opdaterer", "opdateres", "opdateret", "opdaterede", "indberetter", "indberettes"),
    *("indberettet", "rapporterer", "rapporteret", "updates", "updated", "updating"),
    *("reports", "reported", "reporting", "sætter", "sættes", "noterer", "noteret"),
)
# Never an item: pronouns, politeness, filler at either end of what is left.
_NOT_ITEM = keys("tak", "please", "thanks", "venligst", "lige", "just", "gerne", "så", "so")
_NOT_ITEM |= _LINKS | keys("og", "and", "i", "in", "med", "with", "the", "a", "an", "status")
_NOT_ITEM |= keys("ind", "op", "up", "in")  # "melde ind", "sætte op"
# An item of nothing but these is the one the dialog is about: "den er i drift nu".
_PRONOUNS = keys("den", "det", "denne", "dette", "it", "this", "that", "one", "en", "et")
_NOTE_BREAK = re.compile(
    r"\s+(?=(?:because of|due to|på grund af|pga\.?)\s)"  # a reason that keeps its words
    r"|\s*(?::|;|\s[-–—]\s|,)\s*|\s+(?:fordi|because|da|since)\s+",
    re.I,
)
_CONJUNCTION = re.compile(r"^(?:fordi|because|da|since|as|og|and|men|but)\s+(?!of\b)", re.I)
_POLITE = keys("tak", "thanks", "please", "venligst", "pls", "thx", "mange", "tusind")


class UpdateText(NamedTuple):
    """What a message says about an update; None where it says nothing."""

    item_text: str | None
    category: str | None
    note: str | None


def _note_break(
    text: str, status: StatusMention | None, said: Sequence[Word]
) -> tuple[int, int] | None:
    """Where the note is set off in `text` (the break's start and end): the first break
    that follows the status (or, without a status, the first after a word), if anything
    worth keeping follows it."""
    status_end = said[status.last - 1].end if status is not None else None
    for gap in _NOTE_BREAK.finditer(text):
        if status_end is None and not text[: gap.start()].strip():
            continue
        if status_end is not None and gap.start() < status_end:
            continue
        rest = text[gap.end() :]
        if any(word.key not in _POLITE for word in words(rest)):
            return gap.start(), gap.end()
    return None


def _command_words(said: Sequence[Word], limit: int) -> set[int]:
    """The command's own words the message starts with, before `limit`: the request frame,
    verbs, "status" and the little words between them ("kan du notere at ...")."""
    head = said[:limit]
    frame = request_frame(head)
    at = frame.last if frame else 0
    for match in find(head, _COMMAND_WORDS, taken=range(at)):
        while at < match.first and head[at].key in _LINKS:
            at += 1
        if match.first != at:
            break
        at = match.last
    while at < len(head) and head[at].key in _LINKS:
        at += 1
    return set(range(at))


def _around_status(said: Sequence[Word], status: StatusMention, limit: int) -> set[int]:
    """The status and the little words that tie it on: "er nu", "til", "now"."""
    taken = set(range(status.first, status.last))
    at = status.first - 1
    while at >= 0 and said[at].key in _COPULAS:
        taken.add(at)
        at -= 1
    at = status.last
    while at < limit and said[at].key in _AFTER_STATUS:
        taken.add(at)
        at += 1
    return taken


def _trimmed(said: Sequence[Word], positions: list[int]) -> list[int]:
    """Without little words at either end, nor a pronoun at the end ("..., og den")."""
    while positions and said[positions[0]].key in _NOT_ITEM:
        positions = positions[1:]
    while positions and said[positions[-1]].key in _NOT_ITEM | _PRONOUNS:
        positions = positions[:-1]
    return positions


def parse_update_request(text: str) -> UpdateText:
    """Item, status and note from one message; the parts it lacks are None.

    "sæt rygestop til implementeret: kører i alle kommuner" -> ("rygestop", "implemented",
    "kører i alle kommuner"); "ny status på IV-aftalen" -> ("IV-aftalen", None, None)."""
    said = words(text)
    status = status_in(text)
    cut = _note_break(text, status, said)
    note = _CONJUNCTION.sub("", text[cut[1] :].strip()).strip() or None if cut else None
    if note and request_frame(said):  # "kan du ..., fordi ...?": the request's question mark
        note = note.rstrip("?").rstrip() or None
    limit = next((n for n, word in enumerate(said) if cut and word.start >= cut[0]), len(said))
    if status is not None and status.first >= limit:
        status = None
    taken = _command_words(said, limit)
    if status is not None:
        taken |= _around_status(said, status, limit)
    left = _trimmed(said, [n for n in range(limit) if n not in taken])
    if all(said[n].key in _PRONOUNS for n in left):
        left = []
    item = text_of(text, said, left).strip(" .,!?:;") if left else None
    return UpdateText(item or None, status.category if status else None, note)


def update_score(text: str) -> float:
    """How surely `text` asks to update a status (0 when it does not)."""
    said = words(text)
    if not said:
        return 0.0
    status = status_in(text)
    frame = request_frame(said)
    begin = frame.last if frame else 0
    saying = set(range(status.first, status.last)) if status else set()
    saying |= {n for n, word in enumerate(said) if word.key in _NOT_VERBS}
    strong = find(said, _STRONG_VERBS, taken=saying)
    objects = find(said, _STATUS_WORD, typos=False)
    weak = find(said, _WEAK_VERBS, taken=saying, typos=False)  # short words: no typos
    weak += find(said, _MAKING_VERBS, taken=saying, typos=False) if objects else []
    if strong:
        score = STRONG + (SUPPORT if status or objects else 0.0)
        score += AT_START if strong[0].first <= begin else 0.0
    elif weak and (status or objects):
        score = WEAK + SUPPORT + (SUPPORT if status and objects else 0.0)
        score += AT_START if weak[0].first <= begin else 0.0
    elif weak and weak[0].first == begin and any(w.key in _TARGETS for w in said[begin:]):
        score = WEAK  # "sæt X til blå": an update, with a status still to ask for
    elif status and objects:
        score = STATED + SUPPORT  # "status KTH: i gang"
    elif status and _stated(said, status):
        score = STATED + (NOW if any(word.key in _NEWS for word in said) else 0.0)
    else:
        return 0.0
    if is_question(said) and frame is None:  # "hvornår blev X sat på pause?"
        return 0.0
    return score


def _stated(said: Sequence[Word], status: StatusMention) -> bool:
    """ "X er i drift", "X is now live": a status tied to something by a verb."""
    before = said[: status.first]
    return bool(before) and before[-1].key in _COPULAS and len(before) >= 2
