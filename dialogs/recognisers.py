"""Reading short Danish and English answers: yes or no, cancel, help, "skip", a status word
anywhere in a sentence, a change of mind, and the language a message is in.

botbuilder's prompts recognise neither Danish nor loose typing, so the dialogs read
answers here. Everything is pure: text in, a value (or None for "not understood") out.

Yes, no, cancel and help are the acts of the message's reading
(`knowledge.understanding.acts`, part of `knowledge.understanding.reading`), with the
dialog's own rule for where in an answer they count. Status words are the vocabulary of
`knowledge.core.status` (both languages, what people type), found anywhere. Every dialog
and command asks this module, so what a message says is read in one place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from dialogs.phrases import Word, find, keys, phrases, words
from knowledge.core.chat import Lang
from knowledge.core.names import fold
from knowledge.core.status import label, parse_category, typed_phrases
from knowledge.understanding.acts import Act, act_of, acts_in
from knowledge.understanding.language import votes
from knowledge.understanding.normalise import loose
from knowledge.understanding.timeframe import read as read_time
from knowledge.updates.contract import UPDATE_CATEGORIES

FUZZY_CUTOFF = 75.0  # WRatio score below which a typed choice is no choice
FUZZY_MARGIN = 5.0  # a runner-up this close means the answer fits two choices
SHORT = 3  # words: a lone "stop" or "fortryd" in an answer this short cancels
LEADING = 2  # words: "ja, men ..." says yes when its first words do
_SKIP = frozenset({"spring over", "springover", "skip", "ingen", "ingen note", "intet", "none"})
_SKIP_ALSO = frozenset({"no note", "nej", "no", "nothing", "-", "nej tak", "no thanks"})
_SKIP_ALSO |= frozenset({"ingen kommentar", "no comment", "nix", "nope", "n a", "ingenting"})
# Said anywhere in an answer, these cancel it: "hmm, forget it, it's the other one". (A lone
# "stop" or "fortryd" cancels as the whole answer: the reading's act.)
_CANCEL_PHRASES = phrases(
    *("glem det", "glem det hele", "glem alt", "drop det", "drop it", "drop det hele"),
    *("never mind", "nevermind", "forget it", "forget about it", "forget that"),
    *("lad være", "lad det være", "det er lige meget", "stop det", "ikke alligevel"),
    *("not anymore", "skip it", "jeg fortryder"),
)
_NUMBER = re.compile(r"^\s*(\d{1,2})\s*[.)]?\s*$")
# A status word right after these is negated: "er ikke i gang", "isn't live yet".
_NEGATIONS = keys("ikke", "not", "aldrig", "never", "isn", "aren", "wasn", "hasn", "no", "ej")
_NEGATION_REACH = 2  # words between a negation and the status it negates
# Said before a correction: "nej, den er i gang", "actually it should be paused".
_CHANGES_OF_MIND = phrases(
    *("nej", "no", "nope", "undskyld", "sorry", "vent", "wait", "hov", "oops", "ups"),
    *("actually", "faktisk", "rettelse", "correction", "jeg mente", "i meant", "i mean"),
    *("mente", "meant", "hellere", "rather", "i stedet", "instead", "øh", "hmm"),
    *("nej undskyld", "no sorry", "nej vent", "no wait", "det skulle være", "it should be"),
)
_I_MEANT = phrases("jeg mente", "i meant", "i mean", "mente jeg", "det var", "it was", "jeg", "i")
_STATUS_PHRASES = {
    tuple(word.key for word in words(text)): code
    for text, code in typed_phrases()
    if code in UPDATE_CATEGORIES and words(text)
}
_STATUS_KEYS = frozenset(_STATUS_PHRASES)
_TAKEN_BACK = _CHANGES_OF_MIND | _I_MEANT
# Words that mark a command's language; the question words are counted by `votes`.
_DANISH_COMMANDS = keys(
    *("opdater", "opdatere", "sæt", "indberet", "indberette", "abonner", "følg", "afmeld"),
    *("påmind", "påmindelser", "kalender", "historik", "tak", "glem", "fortryd", "ja", "nej"),
    *("gerne", "nu", "ny", "noter", "notere", "mig", "besked", "annuller", "hjælp"),
)
_DANISH_COMMANDS |= keys("hej", "godmorgen", "goddag", "godaften", "mange", "dejligt", "fedt")
_ENGLISH_COMMANDS = keys(
    *("good", "morning", "hello", "hi", "hey", "thank", "bye", "cheers", "great", "nice"),
    *("update", "set", "report", "subscribe", "follow", "unsubscribe", "remind", "calendar"),
    *("history", "please", "yes", "no", "thanks", "now", "forget", "cancel", "my", "i"),
    *("reminders", "like", "want", "mind", "one", "s", "hold", "done", "skip"),
)


@dataclass(frozen=True)
class StatusMention:
    """A status said inside a sentence: its code and the words that say it."""

    category: str
    first: int  # word positions: words[first:last]
    last: int


def _plain(text: str) -> str:
    return fold(text) or text.strip()


def _acts(text: str) -> tuple[Act, ...]:
    return acts_in(loose(text), text)


def yes_no(text: str) -> bool | None:
    """True for "ja", "jep", "ok", "gem", "yes please", "ja, men ..."; False for "nej",
    "nope", "annuller"; else None. The acts are the message's reading
    (`knowledge.understanding.acts`); what its first words say decides."""
    said = words(text)
    if not said:
        return None
    leading = _acts(" ".join(word.raw for word in said[:LEADING]))
    act = act_of(loose(text), text) or next(
        (a for a in leading if a in ("yes", "no", "cancel")), None
    )
    if act == "yes":
        return True
    return False if act in ("no", "cancel") else None


def is_skip(text: str) -> bool:
    """ "spring over", "skip", "ingen": the optional note is left out."""
    plain = _plain(text)
    return plain in _SKIP or plain in _SKIP_ALSO


def is_cancel(text: str) -> bool:
    """ "annuller", "stop", "fortryd" as the answer (the reading's act); "glem det",
    "never mind" anywhere; a cancel word first ("annuller det hele")."""
    said = words(text)
    if not said:
        return False
    if act_of(loose(text), text) == "cancel" or find(said, _CANCEL_PHRASES, typos=False):
        return True
    return "cancel" in _acts(said[0].raw) and "cancel" in _acts(text)


def is_help(text: str) -> bool:
    """ "hjælp", "help", "?", "hvad kan du": the reading's act."""
    return act_of(loose(text), text) == "help"


def changes_mind(text: str) -> bool:
    """The answer takes back what was said before: "nej, ...", "actually ...", "hov ..."."""
    said = words(text)
    matches = find(said, _CHANGES_OF_MIND, typos=False)
    return bool(matches) and matches[0].first <= 1


def after_change_of_mind(text: str) -> str:
    """What the answer says instead: "nej undskyld, jeg mente rygestop" -> "rygestop"."""
    said = words(text)
    at = 0
    for match in find(said, _TAKEN_BACK, typos=False):
        if match.first > at + 1:
            break
        at = match.last
    return text[said[at].start :] if 0 < at < len(said) else text


def names_a_time(text: str) -> bool:
    """The message names a date or a period ("siden januar", "i 2023", "next week"):
    the reading's time frame (which day today is changes what, not whether)."""
    found = read_time(text, date.today())
    return found.period is not None or found.since is not None


def message_language(text: str) -> Lang:
    """The language a message is in: its marker words (question and function words, Danish
    letters, command words); Danish when they do not tell."""
    danish, english = votes(text)
    for word in words(text):
        danish += word.key in _DANISH_COMMANDS
        english += word.key in _ENGLISH_COMMANDS
    return "en" if english > danish else "da"


# -- statuses ------------------------------------------------------------------------------


def _negated(said: Sequence[Word], first: int) -> bool:
    before = said[max(0, first - _NEGATION_REACH - 1) : first]
    return any(word.key in _NEGATIONS for word in before)


def _a_name(said: Sequence[Word], first: int) -> bool:
    """A capitalised status word inside a sentence belongs to a name ("Individuelt Planlagt
    job med Støtte"); the first word and words in capitals are no names."""
    raw = said[first].raw
    return first > 0 and raw[:1].isupper() and not raw.isupper()


def status_in(text: str) -> StatusMention | None:
    """The first status said in `text`, wherever: "den er i drift nu", "it's on hold now",
    "er sat på pause". Not a negated one ("er ikke i gang endnu"), not part of a name."""
    said = words(text)
    for match in find(said, _STATUS_KEYS, typos=False):
        if not _negated(said, match.first) and not _a_name(said, match.first):
            return StatusMention(_STATUS_PHRASES[match.phrase], match.first, match.last)
    return None


def status_choices(lang: Lang) -> list[tuple[str, str]]:
    """The statuses an update may set, as (code, label) in the listed order."""
    return [(code, label(code, lang)) for code in UPDATE_CATEGORIES]


def status_choice(text: str) -> str | None:
    """A status from its number in the list, a label in either language (loosely typed,
    "igang", "implementere"), a synonym ("i drift"), or said in a sentence ("den er på
    pause nu"). None if it names no settable status."""
    exact = parse_category(text)
    if exact in UPDATE_CATEGORIES:
        return exact
    if _NUMBER.match(text):
        index = pick_number(text, len(UPDATE_CATEGORIES))
        return UPDATE_CATEGORIES[index] if index is not None else None
    said = status_in(text)
    if said is not None:
        return said.category
    return pick(text, status_choices("da") + status_choices("en"))


# -- choices -------------------------------------------------------------------------------


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
