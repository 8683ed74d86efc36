"""Generated sections for the passage benchmarks: Danish-looking minutes and status reports.

Each document has a title (a body or a report, a cluster, a date) and 5 to 30 sections;
each section a heading path (an agenda item or an agreement, then "Sagsfremstilling",
"Beslutning" or "Status") and 3 to 9 sentences from templates of our own: statuses, dates,
amounts, people with roles, places, decisions, written with compound subjects
("genoptræningsforløb", "demenskoordinering") so the 4-grams have real work to do.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from itertools import accumulate

from knowledge.text.passages import Passage

HEADS = (
    "sundheds", "hjemme", "genoptrænings", "rehabiliterings", "forebyggelses", "medicin",
    "demens", "diabetes", "kræft", "hjerte", "lunge", "psykiatri", "misbrugs", "børne",
    "ungdoms", "ældre", "akut", "udskrivnings", "indlæggelses", "sår", "fod", "tand",
    "syns", "høre", "ernærings", "rygestop", "alkohol", "smerte", "søvn", "mobilitets",
    "fald", "palliations", "tele", "video", "data", "kommunikations", "kompetence",
    "vaccinations", "graviditets", "fødsels", "skole", "trivsels", "stomi", "astma",
)  # fmt: skip
TAILS = (
    "indsats", "forløb", "program", "ordning", "model", "pakke", "team", "tilbud",
    "koordinering", "visitation", "plan", "netværk", "screening", "opfølgning",
    "behandling", "pleje", "rådgivning", "udredning", "samarbejde", "vejledning",
)  # fmt: skip
KINDS = ("Samarbejdsaftale om", "Rammeaftale om", "Projekt om", "Handleplan for", "Initiativ om")
PLACES = (
    "Viborg", "Skive", "Silkeborg", "Randers", "Favrskov", "Syddjurs", "Holstebro", "Herning",
    "Aabenraa", "Tønder", "Sønderborg", "Haderslev", "Aarhus", "Horsens", "Vejle", "Kolding",
    "Esbjerg", "Odense", "Svendborg", "Aalborg", "Hjørring", "Thisted", "Roskilde", "Næstved",
)  # fmt: skip
CLUSTERS = (
    "Midtklyngen", "Randersklyngen", "Vestklyngen", "Horsensklyngen", "Sundhedsklynge Fyn",
    "Sundhedsklynge Sønderjylland", "Sundhedsklynge Lillebælt", "Aalborgklyngen",
)  # fmt: skip
BODIES = ("Klyngestyregruppen", "Politisk klynge", "Koordineringsforum", "Sundhedsstyregruppen")
GIVEN = ("Mette", "Anne", "Lars", "Jens", "Trine", "Søren", "Karen", "Niels", "Helle", "Ole")
FAMILY = ("Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Kristensen", "Møller", "Holm")
ROLES = ("direktør", "sundhedschef", "cheflæge", "specialkonsulent", "formand", "medformand")
GROUPS = ("ældre borgere", "børn og unge", "gravide", "borgere med KOL", "pårørende")
MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
SYLLABLES = (
    "be", "hand", "ling", "sam", "ar", "bejd", "for", "løb", "ud", "vik", "kom", "mu", "ne",
    "re", "gi", "on", "sund", "hed", "pleje", "bor", "ger", "syg", "hus", "læ", "ge", "prak",
    "sis", "ind", "sats", "til", "bud", "of", "fent", "lig", "tvær", "sek", "tor", "iel",
    "mid", "del", "plan", "læg", "ning", "over", "gang", "op", "føl", "gning", "vur", "de",
)  # fmt: skip
WORDS = 40_000  # the filler vocabulary; drawn by Zipf's law, as words in real text are
SUBHEADINGS = ("Sagsfremstilling", "Beslutning", "Status", "Indstilling", "Baggrund")


def compound(rng: random.Random) -> str:
    return rng.choice(HEADS) + rng.choice(TAILS)


def _day(rng: random.Random) -> str:
    when = date(2019, 1, 1) + timedelta(days=rng.randrange(2200))
    return f"{when.day}. {MONTHS[when.month - 1]} {when.year}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}, {rng.choice(ROLES)}"


def _sentence(rng: random.Random, subject: str) -> str:
    return rng.choice(_TEMPLATES)(rng, subject, compound(rng))


_TEMPLATES: tuple[Callable[[random.Random, str, str], str], ...] = (
    lambda r, s, o: f"Status: {s.capitalize()} er implementeret i {r.choice(PLACES)} Kommune.",
    lambda r, s, o: f"Aftalen om {s} trådte i kraft den {_day(r)}.",
    lambda r, s, o: f"{r.choice(BODIES)} godkendte den {_day(r)} forslaget om {o}.",
    lambda r, s, o: f"Budgettet for {s} er {r.randrange(100, 9000)}.{r.randrange(100, 999)} kr.",
    lambda r, s, o: f"{_person(r)}, orienterede om erfaringerne med {o} for {r.choice(GROUPS)}.",
    lambda r, s, o: f"Mødet holdes i mødelokale {r.randrange(1, 40)} på {r.choice(PLACES)} Rådhus.",
    lambda r, s, o: (
        f"Formålet er at styrke {o} og sikre sammenhængende forløb for {r.choice(GROUPS)}."
    ),
    lambda r, s, o: (
        f"Det indstilles, at {r.choice(BODIES).lower()} tager orienteringen om {o} "
        "til efterretning."
    ),
    lambda r, s, o: (
        f"Der er afsat {r.randrange(1, 20)},{r.randrange(1, 9)} mio. kr. til {o} i "
        f"{r.choice(CLUSTERS)}."
    ),
    lambda r, s, o: (
        f"Projektet forventes afsluttet i {r.choice(MONTHS)} {r.randrange(2023, 2027)}."
    ),
    lambda r, s, o: f"Evalueringen af {s} viser færre genindlæggelser blandt {r.choice(GROUPS)}.",
)


def vocabulary(rng: random.Random) -> list[str]:
    """Pseudo-Danish words of two to four syllables, most common first."""
    words = {
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(2, 5))) for _ in range(WORDS)
    }
    return sorted(words, key=lambda _: rng.random())


def _filler(rng: random.Random, words: list[str], cumulative: list[float]) -> str:
    drawn = rng.choices(words, cum_weights=cumulative, k=rng.randrange(8, 16))
    return " ".join(drawn).capitalize() + "."


def generate(sections: int, seed: int = 7) -> list[Passage]:
    """`sections` passages in documents of 5 to 30 sections each."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    cumulative = list(accumulate(1 / (rank + 1) for rank in range(len(words))))
    found: list[Passage] = []
    while len(found) < sections:
        cluster = rng.choice(CLUSTERS)
        title = f"Referat {rng.choice(BODIES)} {cluster} {_day(rng)}"
        when = date(2019, 1, 1) + timedelta(days=rng.randrange(2200))
        document = f"doc-{len(found):07d}.md"
        for _ in range(rng.randrange(5, 31)):
            subject = compound(rng)
            item = f"{rng.randrange(1, 15)}. {rng.choice(KINDS)} {subject}"
            path = (item, rng.choice(SUBHEADINGS))
            said = [_sentence(rng, subject) for _ in range(rng.randrange(3, 9))]
            said += [_filler(rng, words, cumulative) for _ in range(rng.randrange(1, 4))]
            rng.shuffle(said)
            text = " ".join(said)
            found.append(Passage(len(found), document, title, when, path, text, 0))
    return found[:sections]


def questions(count: int, seed: int = 11) -> list[str]:
    """Questions in the corpus's vocabulary: subjects whole, split or with a typo, places,
    people's roles, and some about nothing in it."""
    rng = random.Random(seed)
    made: list[str] = []
    for n in range(count):
        subject = compound(rng)
        shape = n % 6
        if shape == 0:
            made.append(f"hvornår trådte aftalen om {subject} i kraft")
        elif shape == 1:
            head, tail = subject[: len(subject) // 2 + 2], subject[len(subject) // 2 + 2 :]
            made.append(f"status på {head} {tail} i {rng.choice(PLACES)}")
        elif shape == 2:
            role, body = rng.choice(ROLES), rng.choice(BODIES).lower()
            made.append(f"hvem er {role} for {body} i {rng.choice(CLUSTERS)}")
        elif shape == 3:
            made.append(f"hvor meget er budgettet for {subject}")
        elif shape == 4:
            typo = subject[:3] + subject[4] + subject[3] + subject[5:]
            made.append(f"hvad blev besluttet om {typo}")
        else:
            made.append("hvornår åbner den nye svømmehal i byen")
    return made
