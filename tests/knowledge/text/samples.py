"""Sections written for these tests (our own text, in the genre of the seeds)."""

from __future__ import annotations

from datetime import date

from knowledge.text.passages import Passage

REPORT, MINUTES = "status-2023.txt", "referat-2024-02.md"
_SECTIONS = (
    (REPORT, "Slutstatus 2023", ("Aftale om genoptræningsplaner",),
     "Hvad: Kommuner og hospitaler udveksler genoptræningsplaner digitalt. "
     "Status: Aftalen trådte i kraft den 1. maj 2023 og er implementeret i alle kommuner."),
    (REPORT, "Slutstatus 2023", ("Sundhedsaftalen og dens opfølgning",),
     "Sundhedsaftalen følges op hvert år af styregruppen. Der er ikke fastsat en dato for "
     "næste opfølgning."),
    (REPORT, "Slutstatus 2023", ("Samarbejde om demensforløb",),
     "Hvad: Et fælles forløb for borgere med demens og deres pårørende. "
     "Status: Forløbet er under afprøvning i tre kommuner."),
    (MINUTES, "Referat klyngestyregruppen", ("3. Budget for telemedicin",),
     "Der er afsat 1,2 mio. kr. til telemedicin i 2024. "
     "Ole Holm, økonomichef, gennemgik fordelingen mellem parterne."),
    (MINUTES, "Referat klyngestyregruppen", ("1. Mødedeltagere",),
     "Mødeleder: Karen Dahl, direktør. Referent: Søren Lund, specialkonsulent. "
     "Mødet blev holdt i mødelokale 4, Rådhuset, Torvegade 2, 7100 Vejle."),
    (MINUTES, "Referat klyngestyregruppen", ("4. Ensomhed blandt ældre", "Beslutning"),
     "Klyngestyregruppen besluttede at nedsætte en arbejdsgruppe om ensomhed blandt ældre. "
     "Gruppen mødes første gang i foråret."),
    (MINUTES, "Referat klyngestyregruppen", ("5. Eventuelt",),
     "Der blev orienteret om en ny aftale om parkering for pårørende ved sygehuset."),
)  # fmt: skip
WHEN = {REPORT: date(2023, 12, 1), MINUTES: date(2024, 2, 23)}


def passages() -> list[Passage]:
    """The sample sections, each its own passage, placed one after another in its document."""
    found: list[Passage] = []
    offsets = dict.fromkeys(WHEN, 0)
    for n, (document, title, path, text) in enumerate(_SECTIONS):
        found.append(Passage(n, document, title, WHEN[document], path, text, offsets[document]))
        offsets[document] += len(text) + 2
    return found
