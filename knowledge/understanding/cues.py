"""The words that say what a question asks, as opposed to what it is about.

Cues are patterns over a question's loose Danish words (`normalise`; English is
already in Danish). Filler words ("hvad", "kan du", "please", "stadig") ask but name
nothing, so they never reach the index. Kind words ("aftaler", "projekter") and status
words ("implementeret", "sat på pause") become list filters. A cue word typed with one
slip ("staus") is read as the cue.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from knowledge.understanding.normalise import loose


def _cue(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"(?:\b(?:{pattern})\b)" for pattern in patterns))


HELP = _cue(
    r"hjalp\w*", "vejledning", "kommandoer", r"hvad kan (?:du|jeg)", "hvordan virker du",
    r"hvordan sporg\w*", r"hvordan bruger", r"sporg\w*",
)  # fmt: skip
SCOPE = _cue(
    r"vi (?:er|horer|tilhorer)", r"denne chat (?:er|horer|tilhorer)", "vores (?:klynge|region)"
)
DECISIONS = _cue(
    r"beslut\w*", r"vedt(?:aget|og)", "hvad skete", r"referat\w*", r"sagt (?:ja|nej)",
    r"godkend\w*", "bakket op", r"opbakning", r"afvist\w*",
)  # fmt: skip
CHANGES = _cue(
    r"andr(?:et|inger|ing|ede)", r"(?:hvad|noget) (?:er )?nyt", "nyt siden", r"opdater\w*",
    "sket",
)  # fmt: skip
BUDGET = _cue(
    r"budget\w*", "koster|kostede", "penge", r"finansier\w*", r"bevilg\w*", r"bevilling\w*",
    "hvor meget", "afsat",
)  # fmt: skip
NEXT = _cue(r"naste mode", r"kommende mode", r"modes", r"hvornar\b.*\bmod\w*")
UPCOMING = _cue(r"(?:kommende|naste) moder\w*", r"moder\b.*\bkommende")
LATEST = _cue(r"(?:sidste|seneste|forrige) mod\w*")
WHO = _cue("hvem", r"parter\w*", r"involver\w*", r"deltag\w*", r"ansvarlig\w*", r"aktor\w*")
MEETING = _cue(r"mod(?:e|er|erne|et|tes)", r"modekalender\w*", r"modeplan\w*")
MEETING_COMPOUND = re.compile(r"(\w{4,}?)(mod(?:e|er|erne|et))")  # "klyngemøde"
LIST = _cue("hvilke", "hvilken", "liste", "vis", "oversigt", "alle", "find")
STATUS = _cue(r"status\w*", "hvordan (?:gar|star) det", "hvor langt", "fremdrift", "hvordan gar")

# Kind words: a type to filter by, or (None) any item.
KINDS: dict[str, str | None] = {
    "aftaler": "agreement", "aftalerne": "agreement", "samarbejdsaftaler": "agreement",
    "initiativer": "initiative", "initiativerne": "initiative", "projekter": "initiative",
    "projekterne": "initiative", "indsatser": None, "indsatserne": None, "tiltag": None,
    "tiltagene": None,
}  # fmt: skip
CATEGORIES: dict[tuple[str, ...], str] = {
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
    ("stoppet",): "discontinued", ("ukendt",): "unknown", ("ukendte",): "unknown",
}  # fmt: skip
_FILLER_WORDS = (
    "hvad hvem hvornår hvordan hvilke hvilken hvilket hvor hvorfor hvis når er var blev "
    "bliver har havde kan kunne vil ville skal skulle må måtte du dig jeg mig min mit mine "
    "vi os vores man sig her da nu så også lige gerne venligst tak mon egentlig ikke nogen "
    "nogle noget alle samtlige hele status statussen går står langt fremdrift nyt nye ny "
    "møde møder mødet møderne mødes mødtes "
    "mødekalender mødeplan holdes afholdes beslutning beslutninger besluttet besluttede "
    "beslutte vedtaget vedtog skete sket ændret ændringer ændring opdateret opdateringer "
    "budget budgettet budgetter budgetteret koster kostede penge finansiering bevilling "
    "bevilget afsat fået meget mange parter parterne part involveret involverede deltager "
    "deltagere deltagerne ansvarlig ansvarlige aktører samarbejdspartnere hjælp liste vis "
    "oversigt find fortæl fortælle giv info information oplysninger referat referatet "
    "dagsorden dagsordenen vejledning kommandoer chat denne dette hører tilhører sat siden "
    "handler handle omhandler omhandle vedrører angår truffet trufne taget tage findes "
    "fandtes eksisterer kører køre stadig fortsat endnu men startet begyndt skrevet "
    "underskrevet under sagt ja nej bakket op opbakning godkendt godkendte spørger spørge "
    "spørgsmål hen gang indgået indgå lavet aftalt "
    "does do did has have had me tell give about there any please it its s happen get "
    "show let know want like would could should we m ve ll current currently been up "
    "running still doing behind signed take part far along coming list going how's"
)
FILLER = frozenset(loose(word) for word in _FILLER_WORDS.split())
# Filler only next to a meeting word ("næste møde"): "Den sidste tid" is a name.
BEFORE_MEETING = frozenset({"naste", "sidste", "seneste", "forrige", "kommende"})
# One-word cues a slip of the keyboard should not hide ("staus", "budegt").
_CUE_WORDS = {word: word for word in ("status", "budget", "besluttet", "beslutninger", "hvornar")}
CUE_TYPO = 80.0


def corrected(word: str) -> str:
    """A word one slip away from a one-word cue, as that cue; any other word unchanged."""
    if len(word) < 5 or word in FILLER or word in _CUE_WORDS:
        return word
    found = process.extractOne(
        word, _CUE_WORDS, scorer=fuzz.ratio, processor=None, score_cutoff=CUE_TYPO
    )
    return found[0] if found and found[0][0] == word[0] else word
