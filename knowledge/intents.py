"""What a question asks (its intent) and what it is about (its slots).

`understand` reads dates first (`knowledge.timeframe`), then the question's words in
their loose Danish form (English is put in Danish by the glossary, so one set of cues
serves both languages). Cues decide the intent in a fixed order, from the most telling
("besluttet", "ændret", "budget", "næste møde") to the least ("status", a bare name).
What is left once cue and question words are gone is the subject, matched against the
index later; an unrelated question keeps its words ("vejret") and matches nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from knowledge.answers import Intent, Lang
from knowledge.normalise import (
    FUNCTION_WORDS,
    Token,
    loose,
    terms_of_words,
    tokens,
    translate_tokens,
)
from knowledge.periods import Period
from knowledge.timeframe import read


@dataclass(frozen=True)
class Question:
    intent: Intent
    lang: Lang
    subject: tuple[str, ...]  # terms of what the question is about
    subject_text: str  # the same words as typed, for answers ("Social Sundhed")
    period: Period | None = None
    since: date | None = None
    category: str | None = None  # a status filter ("implementeret")
    item_type: str | None = None  # "agreement" | "initiative" ("hvilke aftaler")
    type_terms: frozenset[str] = frozenset()  # the terms that said so ("aftal")
    latest: bool = False  # "sidste møde": the most recent meeting


def _cue(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?:\b(?:{pattern})\b)" for pattern in patterns))


_HELP = _cue(r"hjalp\w*", "vejledning", "kommandoer", r"hvad kan (?:du|jeg)", "hvordan virker du")
_SCOPE = _cue(
    r"vi (?:er|horer|tilhorer|hører)",
    r"denne chat (?:er|horer|tilhorer)",
    "vores (?:klynge|region)",
)
_DECISIONS = _cue(r"beslut\w*", r"vedt(?:aget|og)", "hvad skete", r"referat\w*")
_CHANGES = _cue(
    r"andr(?:et|inger|ing)", r"(?:hvad|noget) (?:er )?nyt", "nyt siden", r"opdater\w*", "sket"
)
_BUDGET = _cue(
    r"budget\w*", "koster|kostede", "penge", r"finansier\w*", r"bevilling\w*", "hvor meget"
)
_NEXT = _cue(r"naste mod\w*", r"kommende mod\w*", r"modes", r"hvornar\b.*\bmod\w*")
_LATEST = _cue(r"(?:sidste|seneste|forrige) mod\w*")
_WHO = _cue("hvem", r"parter\w*", r"involver\w*", r"deltag\w*", r"ansvarlig\w*", r"aktor\w*")
_MEETING = _cue(r"mod(?:e|er|erne|et)", r"modekalender\w*", r"modeplan\w*")
_LIST = _cue("hvilke", "hvilken", "liste", "vis", "oversigt", "alle", "find")
_STATUS = _cue(r"status\w*", "hvordan (?:gar|star) det", "hvor langt", "fremdrift", "hvordan gar")

_TYPES = {
    "aftaler": "agreement", "aftalerne": "agreement", "samarbejdsaftaler": "agreement",
    "initiativer": "initiative", "initiativerne": "initiative", "projekter": "initiative",
    "projekterne": "initiative", "indsatser": "initiative", "indsatserne": "initiative",
    "tiltag": "initiative",
}  # fmt: skip
_CATEGORIES = {
    ("implementeret",): "implemented", ("implementerede",): "implemented",
    ("i", "drift"): "implemented", ("i", "gang"): "in_progress", ("igang",): "in_progress",
    ("igangsat",): "in_progress", ("igangsatte",): "in_progress",
    ("igangvarende",): "in_progress", ("pagaende",): "in_progress",
    ("planlagt",): "planned", ("planlagte",): "planned", ("afsluttet",): "completed",
    ("afsluttede",): "completed", ("fardig",): "completed", ("fardige",): "completed",
    ("gennemfort",): "completed", ("gennemforte",): "completed",
    ("sat", "pa", "pause"): "paused", ("pa", "pause"): "paused", ("pauseret",): "paused",
    ("pauserede",): "paused", ("sat", "i", "bero"): "paused", ("nedlagt",): "discontinued",
    ("nedlagte",): "discontinued", ("opgivet",): "discontinued", ("ophort",): "discontinued",
    ("stoppet",): "discontinued",
}  # fmt: skip
# Question and cue words: they say what is asked, never what about.
_FILLER_WORDS = (
    "hvad hvem hvornar hvordan hvilke hvilken hvilket hvor hvorfor hvis nar er var blev "
    "bliver har havde kan kunne vil ville skal skulle ma matte du jeg mig min mit mine vi "
    "os vores man sig her da nu sa ogsa lige gerne venligst tak mon egentlig ikke nogen "
    "nogle noget alle samtlige hele status statussen gar star langt fremdrift nyt nye ny "
    "seneste sidste forrige naste kommende mode moder modet moderne modes modekalender "
    "modeplan beslutning beslutninger besluttet besluttede beslutte vedtaget vedtog skete "
    "sket andret andringer andring opdateret opdateringer budget budgettet budgetter "
    "koster kostede penge finansiering bevilling meget mange parter parterne part "
    "involveret involverede deltager deltagere deltagerne ansvarlig ansvarlige aktorer "
    "samarbejdspartnere hjalp liste vis oversigt find fortal giv info information "
    "oplysninger referat referatet dagsorden dagsordenen vejledning kommandoer chat denne "
    "dette horer tilhorer sat siden fortælle fortæl does do did has have had me tell give "
    "about there any please it its s happen get show let know want like would could "
    "should we i m ve ll handler handle omhandler omhandle vedrorer angar truffet trufne taget "
    "tage findes fandtes eksisterer"
)
FILLER = frozenset(loose(word) for word in _FILLER_WORDS.split())
_WORDY = re.compile(r"\w")
_SCOPE_WORDS = frozenset({"klynge", "klyngen"})


def understand(text: str, *, today: date, lang: Lang) -> Question:
    when = read(text, today)
    found = translate_tokens(tokens(when.rest))
    joined = " ".join(token.word for token in found)
    category, found = _take_category(found)
    item_type = _item_type(found)
    intent = _intent(joined, when.period is not None, when.since is not None, item_type, category)
    subject = [t for t in found if t.word not in FILLER and not _is_type(t, intent)]
    if intent == "set_scope":
        subject = [t for t in subject if t.word not in _SCOPE_WORDS]
    if intent == "help" and subject:
        intent = "unknown"
    words = [token.word for token in subject]
    return Question(
        intent=intent,
        lang=lang,
        subject=terms_of_words(words),
        subject_text=_as_typed(subject, when.rest),
        period=when.period,
        since=when.since,
        category=category,
        item_type=item_type,
        type_terms=frozenset(terms_of_words([t.word for t in found if t.word in _TYPES])),
        latest=bool(_LATEST.search(joined)),
    )


def _intent(
    joined: str, has_period: bool, has_since: bool, item_type: str | None, category: str | None
) -> Intent:
    ordered: tuple[tuple[Intent, bool], ...] = (
        ("set_scope", bool(_SCOPE.search(joined))),
        ("decisions", bool(_DECISIONS.search(joined))),
        ("changes", bool(_CHANGES.search(joined)) or (has_since and not _MEETING.search(joined))),
        ("budget", bool(_BUDGET.search(joined))),
        ("next_meeting", bool(_NEXT.search(joined) or _LATEST.search(joined)) and not has_period),
        ("who", bool(_WHO.search(joined))),
        ("meetings_in_period", bool(_MEETING.search(joined)) and (has_period or has_since)),
        ("status", bool(_STATUS.search(joined))),
        ("list", item_type is not None or (bool(_LIST.search(joined)) and category is not None)),
        ("next_meeting", bool(_MEETING.search(joined))),
        ("status", category is not None),
        ("help", bool(_HELP.search(joined))),
    )
    return next((intent for intent, matches in ordered if matches), "unknown")


def _as_typed(subject: list[Token], text: str) -> str:
    """The subject as typed ("IV-aftalen"), without function words at either end."""
    start, end = 0, len(subject)
    while start < end and subject[start].word in FUNCTION_WORDS:
        start += 1
    while end > start and subject[end - 1].word in FUNCTION_WORDS:
        end -= 1
    spans: list[list[int]] = []
    for token in subject[start:end]:
        if spans and not _WORDY.search(text, spans[-1][1], token.start):
            spans[-1][1] = max(spans[-1][1], token.end)
        else:
            spans.append([token.start, token.end])
    return " ".join(text[begin:finish] for begin, finish in spans)


def _take_category(found: list[Token]) -> tuple[str | None, list[Token]]:
    """The first status word or phrase, and the tokens without it."""
    words = [token.word for token in found]
    for start in range(len(words)):
        for size in (3, 2, 1):
            category = _CATEGORIES.get(tuple(words[start : start + size]))
            if category is not None:
                return category, found[:start] + found[start + size :]
    return None, found


def _item_type(found: list[Token]) -> str | None:
    return next((_TYPES[t.word] for t in found if t.word in _TYPES), None)


def _is_type(token: Token, intent: Intent) -> bool:
    """Plural kind words filter lists; in "status på aftalen om rygestop" they are names."""
    return token.word in _TYPES and intent not in ("status", "who", "budget", "unknown")
