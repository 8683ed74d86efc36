"""English words for the Danish things the knowledge base names.

The knowledge base is Danish; people also ask in English ("what is the status of the
stoma agreement"). Translating the few dozen English words that carry meaning — question
words, meeting and status vocabulary, health-care subjects — into their Danish
counterparts lets one set of cues and one index serve both languages. Words not listed
pass unchanged, so Danish text is left as it is. `knowledge.understanding.normalise` applies it.
"""

from __future__ import annotations

ENGLISH = {
    # question words
    "what": "hvad", "whats": "hvad er", "who": "hvem", "when": "hvornår", "which": "hvilke",
    "how": "hvordan", "where": "hvor", "how much": "hvor meget", "how many": "hvor mange",
    "is": "er", "are": "er", "was": "var", "were": "var", "we": "vi", "our": "vores",
    "can": "kan", "you": "du", "this": "denne", "belong": "hører", "belongs": "hører",
    # meetings
    "next": "næste", "upcoming": "kommende", "coming": "kommende", "last": "sidste",
    "latest": "seneste", "previous": "forrige", "meeting": "møde", "meetings": "møder",
    "meet": "mødes", "meets": "mødes", "calendar": "mødekalender", "agenda": "dagsorden",
    # decisions and changes
    "decided": "besluttet", "decide": "beslutte", "decision": "beslutning",
    "decisions": "beslutninger", "resolved": "besluttet", "approved": "godkendt",
    "changed": "ændret", "change": "ændring", "changes": "ændringer", "new": "nyt",
    "updated": "opdateret", "updates": "opdateringer", "happened": "sket",
    # people, money, lists, help
    "involved": "involveret", "parties": "parter", "partners": "parter",
    "participants": "deltagere", "responsible": "ansvarlig", "cost": "koster",
    "costs": "koster", "funding": "finansiering", "money": "penge", "much": "meget",
    "list": "liste", "show": "vis", "all": "alle", "overview": "oversigt", "help": "hjælp",
    "progress": "fremdrift", "going": "går",
    # kinds of things
    "agreement": "aftale", "agreements": "aftaler", "initiative": "initiativ",
    "initiatives": "initiativer", "project": "projekt", "projects": "projekter",
    "cluster": "klynge", "clusters": "klynger", "health cluster": "sundhedsklynge",
    "political": "politisk", "steering group": "styregruppe",
    "cluster steering group": "klyngestyregruppe", "level": "niveau",
    "municipality": "kommune", "municipalities": "kommuner",
    "general practice": "almen praksis", "gps": "almen praksis",
    # statuses
    "implemented": "implementeret", "in progress": "i gang", "ongoing": "igangværende",
    "active": "igangværende", "planned": "planlagt", "completed": "afsluttet",
    "finished": "afsluttet", "paused": "sat på pause", "on hold": "sat på pause",
    "discontinued": "nedlagt", "stopped": "nedlagt", "unknown": "ukendt",
    # subjects
    "stoma": "stomi", "smoking cessation": "rygestop", "quit smoking": "rygestop",
    "brain injury": "hjerneskade", "acquired": "erhvervet", "children": "børn",
    "young people": "unge", "youth": "unge", "mental": "psykisk", "psychiatry": "psykiatri",
    "palliative": "palliative", "cancer": "kræft", "rehabilitation": "rehabilitering",
    "obesity": "overvægt", "overweight": "overvægt",
    "video consultations": "videokonsultationer", "video consultation": "videokonsultation",
    "video conferences": "videokonferencer", "video conference": "videokonference",
    "home": "hjem", "treatment": "behandling", "doctor coverage": "lægedækning",
    "gp coverage": "lægedækning", "hip fracture": "hoftebrud", "low back pain": "lænderygbesvær",
    "breastfeeding": "amning", "nutrition": "ernæring", "end of life": "livets afslutning",
    "elderly": "ældre", "self harm": "selvskade", "asthma": "astma", "copd": "kol",
    "home visits": "hjemmebesøg", "acute": "akut", "emergency": "akut",
    "admission": "indlæggelse", "discharge": "udskrivelse", "medicine bag": "medicinposen",
    "welfare technology": "velfærdsteknologi", "tobacco free": "tobaksfrie",
    "vaccination": "vaccination", "campaign": "kampagne", "health": "sundhed",
    "come home safely": "kom trygt hjem", "trial": "prøvehandling", "kids": "børn",
    "pathway": "forløb", "prevention": "forebyggelse", "working group": "arbejdsgruppe",
    "partnership": "partnerskab", "framework agreement": "rammeaftale",
    "action plan": "handleplan", "mapping": "kortlægning", "citizens": "borgere",
    "anything": "noget", "something": "noget", "ask": "spørge", "questions": "spørgsmål",
    "declaration of intent": "hensigtserklæring", "letter of intent": "hensigtserklæring",
    "smoking": "rygning", "letters": "breve", "teams": "teams", "strategy": "strategi",
}  # fmt: skip
