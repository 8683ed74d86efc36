"""The words that say what a message asks, as opposed to what it is about.

Cues are patterns over a message's loose Danish words (`normalise.loose`; English is
already in Danish by the lexicon). Each cue found *anywhere* in the message adds evidence
to one or more intents with a weight (`EVIDENCE`); the reading sums them and normalises
(`evidence`), so no cue wins by coming first in a list: "hvornår blev den godkendt" is
a date question (the question word weighs most), "hvad blev godkendt" a decision, "er den
godkendt" a status. Question words weigh the most, because they say what is asked;
topic words ("beslutning", "møde") weigh less, because they may also be the topic
("when was it decided" asks for a date).

Filler words ("hvad", "kan du", "please", "stadig") ask but name nothing, so they never
reach the index. Kind words ("aftaler", "projekter") and status words ("implementeret",
"sat på pause") become list filters. A cue word typed with one slip ("staus") is read as
the cue.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from knowledge.understanding.acts import single_words
from knowledge.understanding.normalise import loose

Intent = Literal[
    "status",  # status of an agreement or initiative
    "date",  # when something happened or takes effect
    "next_meeting",  # next meeting(s) of a body or cluster
    "meetings_in_period",  # meetings in a period ("i denne måned", "i april")
    "decisions",  # what was decided about something, or at a meeting
    "list",  # items filtered by area, cluster, region, status, party, type
    "changes",  # what changed since a date
    "who",  # who is involved (parties, members, chairs, contacts)
    "budget",  # budget of an initiative, amounts
    "what_is",  # what an abbreviation, project or scheme is
    "overview",  # a thing named without saying what about it: its overview
    "help",
    "smalltalk",  # a greeting or thanks
    "set_scope",  # "vi er Midtklyngen": the chat's default region/cluster
    "unknown",  # not something the knowledge base knows
]
# What a message may ask the bot to do rather than to answer (read by the chat's commands).
Command = Literal["update", "subscribe", "unsubscribe", "calendar", "history"]
Asked = Intent | Command
QUESTION_WORD = 1.6  # "hvornår", "hvem", "hvor meget": they say what is asked


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    weights: Mapping[Asked, float]
    asks: bool = True  # its words only ask ("hvem", "formand"); else they may be the topic


def _cue(weights: Mapping[Asked, float], *patterns: str, asks: bool = True) -> Cue:
    joined = "|".join(rf"(?:\b(?:{pattern})\b)" for pattern in patterns)
    return Cue(re.compile(joined), weights, asks)


EVIDENCE: tuple[Cue, ...] = (
    # what is asked: question words and the nouns that ask for one kind of fact
    _cue({"date": QUESTION_WORD}, r"hvornar|siden hvornar|fra hvornar"),
    _cue({"date": 1.0}, r"dato\w*|deadline\w*|frist\w*|tidspunkt\w*"),
    _cue({"date": 0.9}, r"i kraft|ikrafttrad\w*|trad(?:t|te|er)|gald(?:er|ende)"),
    _cue({"date": 0.4}, r"start(?:ede|er|et)?|begynd\w*|slut(?:ter|tede)?|abne[rt]?"),
    _cue({"who": QUESTION_WORD}, r"hvem|hvme"),
    _cue(
        {"who": 1.0},
        r"(?:med)?formand\w*|formaend|sekretar\w*|sekretariat\w*|referent\w*|modeleder\w*"
        r"|kontaktperson\w*|tovholder\w*|projektleder\w*",
    ),
    _cue(
        {"who": 0.8},
        r"parter\w*|part|involver\w*|deltag\w*|medlem\w*|afbud|star bag|repr(?:asent)?\w*"
        r"|sidder i",
    ),
    _cue({"who": 0.6}, r"ansvarlig\w*|aktor\w*|kontakt\w*"),
    _cue({"budget": QUESTION_WORD}, r"hvor meget|hvor (?:stor|store) (?:er|var)? ?\w*"),
    _cue({"budget": 0.9}, r"hvor mange"),
    _cue(
        {"budget": 1.2},
        r"budget\w*|koste[rt]?|kostede|pris(?:en)?|penge|finansier\w*|bevilg\w*|bevilling\w*"
        r"|afsat|kr|kroner|belob\w*",
    ),
    _cue({"budget": 1.2}, r"\w*midl(?:er|erne)|\w*pulje\w*|besparel\w*", asks=False),
    _cue({"status": 1.2}, r"status(?:en|sen|ser|serne)?|hvordan (?:gar|star) det|hvor langt"),
    _cue({"status": 1.2}, r"fremdrift"),
    _cue({"status": 0.8}, r"hvor er vi|korer"),
    _cue({"status": 0.8}, r"hvordan\b.*\bgar", asks=False),
    _cue(
        {"decisions": 1.4},
        r"beslut\w*|vedt(?:aget|og)|sagt (?:ja|nej)|bakket op|opbakning|afvist\w*"
        r"|came out of|kom der ud af|udfald\w*|konklu\w*",
    ),
    _cue({"decisions": 0.6, "status": 0.4, "date": 0.2}, r"godkend\w*"),
    _cue({"decisions": 0.8}, r"hvad blev (?:der )?(?:godkendt|vedtaget|aftalt|besluttet)"),
    _cue({"status": 0.5}, r"^(?:er|is|has|har)", asks=False),  # "er X godkendt?": yes or no
    _cue({"decisions": 0.6}, r"referat\w*|aftalt|go ahead"),
    _cue({"changes": 0.6, "decisions": 0.4}, r"hvad (?:er )?(?:der )?sket|hvad skete"),
    _cue(
        {"changes": 1.2},
        r"andr(?:et|inger|ing|ede)|(?:hvad|noget) (?:er )?(?:der )?nyt|nyt siden"
        r"|opdatering(?:er)?",
    ),
    # meetings: a meeting word, its number and its time
    _cue({"next_meeting": 0.6, "meetings_in_period": 0.2}, r"mod(?:e|et)|mod(?:es|tes)"),
    _cue(
        {"meetings_in_period": 0.7, "next_meeting": 0.2},
        r"mod(?:er|erne)|modeplan\w*|modekalender\w*",
    ),
    _cue({"next_meeting": 1.0}, r"(?:naste|kommende) mod(?:e|et)|mod(?:es|e)? igen"),
    _cue({"meetings_in_period": 0.8}, r"(?:kommende) moder\w*"),
    _cue({"next_meeting": 0.6}, r"(?:sidste|seneste|forrige) mod\w*"),
    # lists, definitions, help, the chat's scope
    _cue({"list": 0.5}, r"hvilke|hvilken|liste|vis|oversigt|alle|find"),
    _cue({"what_is": 0.5}, r"hvad (?:er|var)"),
    _cue(
        {"what_is": 1.2},
        r"betyder|betyde|sta[r]? for|star \w+ for|forklar\w*|definition\w*"
        r"|hvad (?:handler|omhandler)|hvad gar \w+ ud pa",
    ),
    _cue(
        {"help": 1.2},
        r"hjalp\w*|vejledning|kommandoer|hvad kan (?:du|jeg)|hvordan virker du"
        r"|what can (?:you|i)",
    ),
    # "how do I ...": how to use the bot, whatever else the message names
    _cue({"help": 2 * QUESTION_WORD}, r"hvordan (?:\w+ )?(?:jeg|man)|hvordan do i"),
    _cue(
        {"set_scope": 2.0},
        r"^vi (?:er|horer|tilhorer)\b|denne chat (?:er|horer|tilhorer)|vores (?:klynge|region) er",
    ),
    # commands
    _cue({"update": 1.0}, r"^(?:opdater\w*|ret|andr|skift|sat|update|set|mark)"),
    _cue({"update": 0.8}, r"(?:ny|nyt) status|rapporter\w*|report\w*|indberet\w*"),
    _cue({"update": 1.0}, r"(?:vil|skal|kan) (?:gerne )?(?:opdatere|melde|indberette|andre)"),
    _cue({"subscribe": 1.2}, r"abonn\w*|subscrib\w*|pamind\w*|remind\w*"),
    _cue({"subscribe": 0.6}, r"notifikation\w*|besked (?:om|nar)|notif\w*"),
    _cue(
        {"unsubscribe": 2.0},
        r"afmeld\w*|unsubscrib\w*|(?:ikke|ingen) (?:have )?(?:flere|mere) \w*"
        r"|stop (?:med )?(?:at )?(?:sende|pamind\w*)|no more \w*",
    ),
    _cue({"calendar": 1.2}, r"kalender\w*|outlook|ical|ics|webcal"),
    _cue({"history": 1.2}, r"historik\w*|history|tidligere status\w*"),
)


def scan(loose_text: str) -> tuple[dict[Asked, float], list[tuple[int, int]]]:
    """Every cue in a message's loose words, in one pass: the evidence summed per intent
    (not yet normalised), and where the words are that only ask."""
    found: dict[Asked, float] = {}
    asking: list[tuple[int, int]] = []
    for cue in EVIDENCE:
        spans = [match.span() for match in cue.pattern.finditer(loose_text)]
        if not spans:
            continue
        for intent, weight in cue.weights.items():
            found[intent] = found.get(intent, 0.0) + weight * min(len(spans), 2)
        if cue.asks:
            asking.extend(spans)
    return found, asking


def evidence(loose_text: str) -> dict[Asked, float]:
    """Every cue in a message's loose words, summed per intent (not yet normalised)."""
    return scan(loose_text)[0]


MEETING = re.compile(r"\b(?:mod(?:e|er|erne|et|tes|es)|modekalender\w*|modeplan\w*)\b")
MEETING_COMPOUND = re.compile(r"(\w{4,}?)(mod(?:e|er|erne|et))")  # "klyngemøde"
LATEST = re.compile(r"\b(?:sidste|seneste|forrige) mod\w*")
UPCOMING = re.compile(r"\b(?:(?:kommende|naste) moder\w*|moder\b.*\bkommende)")
# Meetings asked for all together, not only those ahead ("hvilke møder har X haft").
EVERY = re.compile(r"\b(?:haft|afholdt|holdt|vaeret|varet|held|had|past|tidligere|alle|liste)\b")
LIST = re.compile(r"\b(?:hvilke|hvilken|liste|vis|oversigt|alle|find)\b")

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
    ("fardigt",): "completed", ("gennemfort",): "completed", ("gennemforte",): "completed",
    ("sat", "pa", "pause"): "paused", ("pa", "pause"): "paused", ("pauseret",): "paused",
    ("pauserede",): "paused", ("sat", "i", "bero"): "paused", ("nedlagt",): "discontinued",
    ("nedlagte",): "discontinued", ("opgivet",): "discontinued", ("ophort",): "discontinued",
    ("stoppet",): "discontinued", ("ukendt",): "unknown", ("ukendte",): "unknown",
}  # fmt: skip
NEGATIONS = frozenset({"ikke", "not", "aldrig", "never", "ej"})
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
    # Danish words that ask or frame, never name
    "hej hejsa hallo goddag godmorgen godaften dav tak mange tusind please hvorn "
    "betyder betyde står stå forklar forklaring træder trådte trådt trådte kraft "
    "ikrafttrædelse dato datoen datoer deadline frist fristen tidspunkt tidspunktet "
    "hvorhen hvorfra hvormed lige nemlig altså jo vel bare faktisk især mest meget mere "
    "helt rigtig rigtigt godt god gode fint ok okay cirka ca omkring "
    # English words that ask or frame, never name
    "does do did done doing has have had having me my mine i tell give about there any "
    "please it its s happen get got show let know want wanted like would could should "
    "shall will might must may we us m ve ll d re current currently been being up "
    "running still doing behind signed take taking took part far along coming list "
    "going how's what who when where why which whose whom this that these those then "
    "than so such some thing things stuff anything something everything nothing any "
    "ever also just only even yet again very really quite much many more most less "
    "kind sort lot lots bit please pls thx thanks thank hi hello hey dear morning "
    "afternoon evening good great nice ok okay yes no not no's here out over off "
    "into onto via per vs well now today's look looking find found see seen mean means "
    "meant stand stands explain say says said tell tells exactly actually basically "
    "live alive happening happened status alt "
    # what the bot does: in a question they ask how, they name nothing to look up
    "opdatere opdaterer opdater abonnere abonnerer abonner abonnement abonnementer "
    "påmindelse påmindelser påminde afmelde afmeld kalender kalenderen historik "
    "subscribe subscribed subscription subscriptions unsubscribe reminder reminders remind "
    "calendar update updating history notification notifications opdatering"
)
FILLER = frozenset(loose(word) for word in _FILLER_WORDS.split()) | single_words()
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
