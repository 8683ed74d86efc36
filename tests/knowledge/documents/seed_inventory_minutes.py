"""What the three minutes (seeds 001, 003, 004) contain, by reading.

Written by reading the documents, not by running the parsers; `test_seed_minutes`
compares the parsers' output with it exactly. The rules applied while reading:

The meeting of the minutes
  001: Klyngestyregruppen Randersklyngen (the text names Randersklyngen throughout; "Rra"
  is only a code), day and time from the "den ... kl." line, place from the "i ..." line.
  003: Sundhedsklynge Sønderjylland – Fagligt strategisk niveau, from "Mødedato" and
  "Mødested". 004: Klyngestyregruppen Midtklyngen, day from "Tidspunkt" with the year of
  the document's date line (29 February 2024), place from the unlabelled lines below it.
  Always held. Agenda: 001 items 1-13, 003 Punkt 1-18, 004 items 1-9; numbered lines
  that do not continue the count are text.

Meetings mentioned in passing
  A sentence with a word ending in møde/mødet/møder (not "mødelokale"), a day (or "møde i
  <month>"), and a body; the body nearest the meeting word. Bodies by role: the steering
  level (klyngestyregruppen, KSG, FSN, Fagligt strategisk niveau), the political level
  (politisk møde, den politiske klyngegruppe, Politisk niveau, Politiske sundhedsklynge),
  Koordineringsforum/Koordinationsforum; and the regional bodies (Sundhedsstyregruppen
  also misspelt "Sundhedstyregruppen", Strategisk Sundhedsstyregruppe also misspelt
  "Strategisk Sundhedsstyrelse", Sundhedssamarbejdsudvalget, Regionsrådet,
  Fødeplanudvalget). "FSN formandskabet" is the chairs, not a meeting of FSN. Mentions
  without a body are skipped ("Drøftelsen genoptages på møde 24. november 2023") unless
  the sentence before in the same paragraph names one (003's extraordinary meeting of 7
  March 2023 is the political level's, named just before) and the sentence does not name
  other participants ("med deltagelse af ..."). "behandles <noun> i <body> den <day>" and
  "<day> <year> drøftede <body>" are meetings too (004's Temagruppe on 13 March 2024,
  003's SSS on 8 November 2023). Months not written "møde i <month>" ("møde i KSG dec.
  2020") and the table of contents of 003 are skipped.
  003's "politiske opstartsmøde ... den 29. februar 2024" is read as the political level's
  meeting (the words "politiske ... møde" name it). State by the document's date.
  A month-only mention of a body with a dated meeting in that month is that meeting.

The meeting plan of 004
  One meeting per dated bullet; the "Politiske sundhedsklynge" bullets are Politisk
  klynge Midtklyngen, the others the steering group; place is the text after the date.

Items
  Only the written orientations: each sub-item of 001's item 12 and 004's item 9, each
  "Punkt N: Skriftlig orientering" of 003. Agreement when the cleaned title names an
  aftale, else initiative; kinds and titles as `knowledge.documents.shapes.orientations` states
  them in its docstring ("Revideret IV samarbejdsaftale" is the agreement the text quotes,
  'arbejdsgruppen "Den sidste tid"' is "Den sidste tid"). Region and cluster are the
  document's. Status: what the cue rules of `knowledge.core.status` read in the orientation (in
  003's STATUS section when there is one) as of the document's date; valid_from is the
  date of a past statement, else the document's date. Budgets: 004's budget follow-up is
  not an item, its Tabel 1 rows are (amounts in 1.000 kr., no status); 003's "projekt X til
  N kr." gives Kom trygt hjem its budget and makes the other project an initiative.

What the general reader adds (issue 13: every agreement or initiative named, every meeting
with a day), read the same way: `MORE_ITEMS` and `MORE_MEETINGS`
  Items: agenda titles that name one (001 item 9 "Kortlægning ...", 003 Punkt 3's
  implementation plan, 004 item 4's partnership), sub-headings that do ("Skabelon til
  samarbejdsaftale for IPS ..."), and names in the text: an agreement with its period
  ("Sundhedsaftalen 2024-2027"), a kind word with what it is about ("Samarbejdsaftale(n)
  om ..."), a quoted initiative ('forbedringsinitiativet "Ulighed i sundhed"'). Not a name
  written again in another spelling of an item already read, nor one named in passing in
  an item's own orientation with a word of that item's name ("samarbejdsaftalen på børn og
  unge" in the orientation on the Børne- og ungeaftale). Status only when the name is what
  its sentence speaks of (it stands among the sentence's first words), from the section of
  a heading item, or for an agenda item from its recommendation, decision and the sentences
  of its case text that name its kind ("Implementeringsplanen er udarbejdet ...": completed;
  "... kortlægning af anvendelse ... anvendes": implemented).
  Meetings: a body acting on a day ("SSS godkendte den 29. januar 2024", "Sundhedsklynge
  Sønderjyllands politiske niveau besluttede d. 16. januar 2023", "Sundhedssamarbejdsudvalget
  ... godkendte 19. december 2022", "til godkendelse i Sundhedssamarbejdsudvalget den 28.
  februar 2024"), and events of a body on a day ("udviklingsdag i
  Randersklyngen" on 9 October 2023).
"""

from __future__ import annotations

from dataclasses import dataclass

PLAIN = "001_66e587c54e955e27.txt"
TOC = "003_575992f222002ef9.txt"
MARKDOWN = "004_7ddc0a696064ba8d.txt"
MIDT = "Region Midtjylland"
SYD = "Region Syddanmark"
RANDERS = "Randersklyngen"
MIDTKLYNGEN = "Midtklyngen"
SOENDERJYLLAND = "Sundhedsklynge Sønderjylland"
KSG_RANDERS = "Klyngestyregruppen Randersklyngen"
POLITISK_RANDERS = "Politisk klynge Randersklyngen"
KSG_MIDT = "Klyngestyregruppen Midtklyngen"
POLITISK_MIDT = "Politisk klynge Midtklyngen"
FSN = "Sundhedsklynge Sønderjylland – Fagligt strategisk niveau"
POLITISK_SYD = "Sundhedsklynge Sønderjylland – Politisk niveau"
KF = "Sundhedsklynge Sønderjylland – Koordineringsforum"
SSS = "Strategisk Sundhedsstyregruppe"
SSG = "Sundhedsstyregruppen"
SSU = "Sundhedssamarbejdsudvalget"

AGENDA_COUNTS = {PLAIN: 13, TOC: 18, MARKDOWN: 9}
DOCUMENT_DATES = {PLAIN: "2023-09-28", TOC: "2024-03-04", MARKDOWN: "2024-02-29"}


@dataclass(frozen=True)
class SeedMeeting:
    file: str
    body: str
    date: str  # ISO start
    precision: str
    state: str
    region: str | None
    cluster: str | None
    start_time: str | None = None  # "HH:MM"
    end_time: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class SeedItem:
    """`valid_from` is (ISO start, precision); status and valid_from None without a status."""

    file: str
    type: str
    kind: str
    title: str
    region: str
    cluster: str
    status: str | None
    valid_from: tuple[str, str] | None
    budget_total: int | None = None


def _m(file: str, body: str, day: str, state: str, precision: str = "day") -> SeedMeeting:
    """A mentioned meeting: region and cluster follow from the body."""
    regional = {SSS: SYD, SSG: MIDT, "Regionsrådet": MIDT, "Fødeplanudvalget": MIDT}
    if body in regional or body == SSU:
        region = regional.get(body, SYD if file == TOC else MIDT)
        return SeedMeeting(file, body, day, precision, state, region, None)
    cluster = {PLAIN: RANDERS, TOC: SOENDERJYLLAND, MARKDOWN: MIDTKLYNGEN}[file]
    return SeedMeeting(file, body, day, precision, state, SYD if file == TOC else MIDT, cluster)


MEETINGS = [
    # 001: the minutes' own meeting, then mentions
    SeedMeeting(
        PLAIN, KSG_RANDERS, "2023-09-28", "day", "held", MIDT, RANDERS,
        "14:00", None, "Regionshospitalet Randers, mødelokale 3",
    ),
    _m(PLAIN, POLITISK_RANDERS, "2022-12-12", "held"),
    _m(PLAIN, KSG_RANDERS, "2023-11-24", "planned"),  # also "møde i november" twice
    _m(PLAIN, KSG_RANDERS, "2023-03-29", "held"),
    _m(PLAIN, SSG, "2022-11-10", "held"),
    _m(PLAIN, KSG_RANDERS, "2023-01-27", "held"),
    _m(PLAIN, POLITISK_RANDERS, "2023-11-01", "planned"),
    _m(PLAIN, "Fødeplanudvalget", "2022-03-01", "held", "month"),
    _m(PLAIN, SSU, "2023-05-08", "held"),
    _m(PLAIN, SSG, "2023-04-21", "held"),  # "21. april", year from the document
    # 003
    SeedMeeting(
        TOC, FSN, "2024-03-04", "day", "held", SYD, SOENDERJYLLAND,
        "14:00", None, "Møderum 58.018, i Psykiatrisygehuset Aabenraa",
    ),
    _m(TOC, KF, "2024-01-11", "held"),
    _m(TOC, KF, "2024-02-07", "held"),
    _m(TOC, SSS, "2023-09-20", "held"),
    _m(TOC, SSS, "2024-04-17", "planned"),
    _m(TOC, SSS, "2024-06-26", "planned"),
    _m(TOC, FSN, "2023-06-22", "held"),
    _m(TOC, FSN, "2024-06-24", "planned"),
    _m(TOC, POLITISK_SYD, "2024-02-29", "held"),
    _m(TOC, POLITISK_SYD, "2024-04-04", "planned"),
    _m(TOC, POLITISK_SYD, "2024-10-01", "planned", "month"),
    _m(TOC, POLITISK_SYD, "2023-03-07", "held"),  # body from the sentence before
    _m(TOC, SSS, "2023-11-08", "held"),  # "Den 8. november 2023 drøftede SSS"
    # 004: own meeting, the plan, then mentions
    SeedMeeting(
        MARKDOWN, KSG_MIDT, "2024-02-23", "day", "held", MIDT, MIDTKLYNGEN,
        "08:30", "11:30", "Mødelokale M5 (5. sal), Viborg Rådhus, Prinsens Allé 5, 8800 Viborg",
    ),
    _m(MARKDOWN, POLITISK_MIDT, "2024-04-19", "planned"),
    SeedMeeting(
        MARKDOWN, KSG_MIDT, "2024-05-03", "day", "planned", MIDT, MIDTKLYNGEN,
        place="mødelokale 22 Regionshospitalet Viborg",
    ),
    _m(MARKDOWN, POLITISK_MIDT, "2024-09-23", "planned"),
    SeedMeeting(
        MARKDOWN, KSG_MIDT, "2024-09-27", "day", "planned", MIDT, MIDTKLYNGEN,
        place="M5 Viborg Rådhus",
    ),
    SeedMeeting(
        MARKDOWN, KSG_MIDT, "2024-11-29", "day", "planned", MIDT, MIDTKLYNGEN,
        place="mødelokale 22, Regionshospitalet Viborg",
    ),
    _m(MARKDOWN, "Regionsrådet", "2023-05-24", "held"),
    _m(MARKDOWN, SSG, "2024-02-09", "held"),
    _m(MARKDOWN, KSG_MIDT, "2023-10-27", "held"),
    _m(MARKDOWN, "Temagruppe for voksne (somatik) Midtklyngen", "2024-03-13", "planned"),
]  # fmt: skip


def _plain(type_: str, kind: str, title: str, status: str, since: str) -> SeedItem:
    return SeedItem(PLAIN, type_, kind, title, MIDT, RANDERS, status, (since, "day"))


def _toc(type_: str, kind: str, title: str, status: str, since: str = "2024-03-04") -> SeedItem:
    return SeedItem(TOC, type_, kind, title, SYD, SOENDERJYLLAND, status, (since, "day"))


def _md(title: str, status: str | None = None, total: int | None = None) -> SeedItem:
    kind = "projekt" if total else "initiativ"
    since = ("2024-02-29", "day") if status else None
    return SeedItem(MARKDOWN, "initiative", kind, title, MIDT, MIDTKLYNGEN, status, since, total)


ITEMS = [
    _plain(
        "agreement", "samarbejdsaftale",
        "Samarbejdsaftale om en styrket indsats vedrørende amning/barnets ernæring",
        "implemented", "2023-05-01",
    ),
    SeedItem(
        PLAIN, "initiative", "prøvehandling",
        "Prøvehandling om udlevering af skinner (ortoser) til børn med cerebral parese",
        MIDT, RANDERS, "in_progress", ("2023-09-01", "month"),  # "opstart september 2023"
    ),
    _plain(
        "initiative", "projekt", "Fællesregionale elementer fra projekt Livets Afslutning",
        "planned", "2023-04-21",
    ),
    _plain("initiative", "initiativ", "E-læring om stomi", "completed", "2023-09-28"),
    _toc(
        "agreement", "samarbejdsaftale",
        "Samarbejdsaftale for voksne med erhvervet hjerneskade", "planned",
    ),
    _toc(
        "initiative", "kortlægning", "Kortlægningen vedr. forebyggelse af benamputation",
        "unknown",
    ),
    _toc(
        "initiative", "forløbsprogram", "Forløbsprogram for mennesker med lænderygbesvær",
        "planned",
    ),
    _toc(
        "agreement", "samarbejdsaftale", "Samarbejdsaftale for IV-behandling i nærområdet",
        "implemented", "2024-01-01",
    ),
    _toc("agreement", "samarbejdsaftale", "Børne- og ungeaftalen", "paused"),
    SeedItem(
        TOC, "initiative", "projekt", "Kom trygt Hjem", SYD, SOENDERJYLLAND,
        "in_progress", ("2024-03-04", "day"), 2_356_000,
    ),
    _toc("initiative", "arbejdsgruppe", "Lægedækning", "in_progress"),
    _toc("initiative", "arbejdsgruppe", "Den sidste tid", "planned"),
    SeedItem(
        TOC, "initiative", "projekt",
        "Lettilgængeligt tilbud til børn og unge i psykisk mistrivsel",
        SYD, SOENDERJYLLAND, None, None, 2_140_000,
    ),
    _md("Samarbejdsmodel", total=1_214_000),
    _md("Styrket udskrivning - udskrivningsterapeuter", total=1_284_000),
    _md("Forberedelse til Implementering af Tele KOL", total=1_494_000),
    _md("Fast track - Hospitalsbehandling i eget hjem", total=555_000),
    _md("FACT", total=1_200_000),
    _md("Tværsektoriel forebyggelse af tvangsindlæggelser", "unknown"),
    _md("Individuelt Planlagt job med Støtte (IPS)", "in_progress"),
    _md("LKT sammenhængende hoftebrudsforløb", "unknown"),
]  # fmt: skip

MORE_MEETINGS = [
    SeedMeeting(PLAIN, RANDERS, "2023-10-09", "day", "planned", MIDT, None),
    SeedMeeting(PLAIN, SSU, "2022-12-19", "day", "held", MIDT, None),
    SeedMeeting(TOC, SSS, "2024-01-29", "day", "held", SYD, None),
    _m(TOC, POLITISK_SYD, "2023-01-16", "held"),
    _m(TOC, SSU, "2024-02-28", "held"),  # "til godkendelse i Sundhedssamarbejdsudvalget den ..."
]


def _more(file: str, type_: str, kind: str, title: str, status: str | None = None) -> SeedItem:
    region, cluster = {PLAIN: (MIDT, RANDERS), TOC: (SYD, SOENDERJYLLAND)}.get(
        file, (MIDT, MIDTKLYNGEN)
    )
    since = (DOCUMENT_DATES[file], "day") if status else None
    return SeedItem(file, type_, kind, title, region, cluster, status, since)


MORE_ITEMS = [
    _more(PLAIN, "agreement", "samarbejdsaftale",
          "Samarbejdsaftalen om børn og unge i psykisk mistrivsel"),
    _more(PLAIN, "agreement", "samarbejdsaftale",
          "Samarbejdsaftale om gevinsthåndtering ved fælles udbud"),
    _more(PLAIN, "initiative", "kortlægning",
          "Kortlægning af brug af videokonferencer i Randersklyngen", "implemented"),
    _more(PLAIN, "initiative", "model", "Model for patientinddragelse i de politiske klynger"),
    _more(TOC, "initiative", "plan", "Implementeringsplan for Sundhedsaftalen 2024-2027",
          "completed"),
    _more(TOC, "agreement", "sundhedsaftale", "Sundhedsaftalen 2024-2027"),
    _more(TOC, "initiative", "initiativ", "Ulighed i sundhed"),
    _more(TOC, "initiative", "model",
          "Model for håndtering af forslag til nye samarbejdsindsatser"),
    _more(TOC, "agreement", "samarbejdsaftale",
          "Tværasektoriel samarbejdsaftale om forløbet for borgeren i Sønderjylland med "
          "hoftefraktur efter udskrivelse"),
    _more(MARKDOWN, "agreement", "partnerskab", "Partnerskab med Social Sundhed"),
    _more(MARKDOWN, "agreement", "sundhedsaftale", "Sundhedsaftalen 2024-2027"),
    _more(MARKDOWN, "agreement", "samarbejdsaftale",
          "Samarbejdsaftale om børn og unge der lever med overvægt"),
    _more(MARKDOWN, "agreement", "samarbejdsaftale",
          "Samarbejdsaftale for IPS mellem kommuner og psykiatri", "completed"),
]  # fmt: skip

# Year lines of 004's Tabel 1 besides the totals (1.000 kr. -> kr.)
YEARLY_BUDGETS = {
    "Samarbejdsmodel": {2023: 223_000, 2024: 991_000},
    "Styrket udskrivning - udskrivningsterapeuter": {2023: 680_000, 2024: 604_000},
    "Forberedelse til Implementering af Tele KOL": {2023: 244_000, 2024: 1_250_000},
    "Fast track - Hospitalsbehandling i eget hjem": {2023: 135_000, 2024: 420_000},
    "FACT": {2023: 0, 2024: 600_000, 2025: 600_000},
}
