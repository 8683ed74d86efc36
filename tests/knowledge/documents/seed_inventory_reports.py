"""What the status report (seed 000) and the initiative table (seed 002) contain, by reading.

Written by reading the documents, not by running the parsers; `test_seed_reports`
compares the parsers' output with it exactly. The rules applied while reading:

Items
  Every title line followed by "Hvad:" (000) and every table row (002) is one item.
  Lines inside a "Hvad:" text that look like headings (capitals, "De ti initiativer er
  følgende:") and numbered lists are not items. An item is an agreement when its title
  starts with an agreement word (Samarbejdsaftale, Rammeaftale, Rammepapir,
  Hensigtserklæring, Intentionspapir, Partnerskab, also "Revidering af samarbejdsaftale
  om ..."); its kind is that word. Other items are initiatives: in 000 kampagne,
  alliance, arbejdsgruppe or handleplan after the title's wording, else initiativ; in
  002 projekt when the row calls itself a project (in any cell), else initiativ.
  Titles are kept as the documents spell them ("Tværasektoriel ...").

Area, region, cluster
  000: the area is the text after the dash of the "Kort status på ..." page header that
  precedes the item (repeated headers name the same area); region from the parties line;
  no cluster. 002: the area is the section title above the header row; cluster from the
  document title (Midtklyngen), which is in Region Midtjylland.

Status
  000 has no date of its own, so statuses are read with no `as_of`: future events are
  still ahead. valid_from is the leading "Pr. <period>." stamp when there is one, else
  the date in the same clause as the deciding statement when that statement is in the
  past tense, else nothing. 002 is dated November 2022 (month): its statuses are read as
  of then and, having no stamps or dated past statements, start then. Weak statements
  ("blev godkendt") only decide when nothing else is said.

Meetings (000 only; 002 mentions none)
  A meeting is mentioned when a sentence has a word starting with "møde" (møde, møder),
  names a body, and gives a day, or a month with its year ("på deres møder i hhv. april
  og maj 2023" is one meeting of each body named, in order). Presentations "for
  Sundhedsstyregruppen i januar 2023" without the word "møde" are not meeting mentions.
  State "held" when told in the past tense (the report has no date), else "planned".

What the general reader adds to the report read whole (`MORE_REPORT_ITEMS`,
`MORE_REPORT_MEETINGS`; `test_seed_reports` reads the shape alone, `test_seed_import` all):
  the agreement the report is about under its own heading ("Sundhedsaftalen 2019-2023"), a
  programme named by its full name in a "Hvad:" text; a body acting on a day or in a month
  ("blev godkendt af Sundhedskoordinationsudvalget den 30. oktober 2019", "Sundhedsstyregruppen
  besluttede i januar 2023", "... præsenteres for ... Sundhedssamarbejdsudvalget i september
  2023" (the body nearest the date), "Sundhedssamarbejdsudvalget ... godkendte ... den 19.
  december 2022").
"""

from __future__ import annotations

from dataclasses import dataclass

REPORT = "000_48944d31b931480e.txt"
TABLE = "002_216d5a4db58f8ddc.txt"
MIDT = "Region Midtjylland"
FOREBYGGELSE = "Fælles investering i forebyggelse"
AELDRE = "Sammen om ældre borgere"
PSYKIATRI = "Den nære psykiatri"
OVRIGE = "Øvrige aftaler"
SPYDSPIDS = "Fælles 'spydspidsinitiativer\" - prioriterede indsatser i Midtklyngen"
BILATERALE = (
    "Udvalgte bilaterale initiativer i samarbejde mellem kommune, Hospitalsenhed Midt "
    "og/eller Regionspsykiatrien og almen praksis"
)
FAELLES = "Implementering af udvalgte fælles samarbejdsaftaler i regi af sundhedsaftalen"
NOVEMBER_2022 = ("2022-11-01", "month")
VISITATIONER = "Samarbejdsaftale om sundhedsvisitationer"


@dataclass(frozen=True)
class SeedItem:
    """One item as read; `valid_from` is (ISO start, precision) or None; status None when
    the item has no "Status:" section."""

    file: str
    type: str
    kind: str
    title: str
    area: str
    region: str | None
    cluster: str | None
    status: str | None
    valid_from: tuple[str, str] | None


@dataclass(frozen=True)
class SeedMeeting:
    file: str
    body: str
    date: str  # ISO start
    precision: str
    state: str


def _report(
    type_: str,
    kind: str,
    title: str,
    area: str,
    status: str | None,
    valid_from: tuple[str, str] | None = None,
) -> SeedItem:
    return SeedItem(REPORT, type_, kind, title, area, MIDT, None, status, valid_from)


def _table(type_: str, kind: str, title: str, area: str, status: str) -> SeedItem:
    return SeedItem(TABLE, type_, kind, title, area, MIDT, "Midtklyngen", status, NOVEMBER_2022)


AGREEMENT = "agreement"
INITIATIVE = "initiative"

REPORT_ITEMS = [
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om rygestop",
        FOREBYGGELSE,
        "implemented",
        ("2019-01-01", "year"),
    ),
    _report(
        AGREEMENT,
        "hensigtserklæring",
        "Hensigtserklæring om øget fokus på rygestop i almen praksis",
        FOREBYGGELSE,
        "in_progress",
        ("2021-09-01", "third"),
    ),
    _report(
        AGREEMENT,
        "partnerskab",
        "Partnerskab om tobaksfrie ungdomsuddannelser",
        FOREBYGGELSE,
        "in_progress",
        ("2021-01-01", "year"),
    ),
    _report(
        AGREEMENT,
        "intentionspapir",
        "Intentionspapir om fælles indsats vedr. overvægt",
        FOREBYGGELSE,
        "implemented",
        ("2022-04-01", "day"),
    ),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        f"{VISITATIONER} for somatik og psykiatri i alle klynger",
        AELDRE,
        "in_progress",
    ),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om kommunale akutfunktioner",
        AELDRE,
        "implemented",
    ),
    _report(
        INITIATIVE,
        "kampagne",
        "Fælles vaccinationskampagne",
        AELDRE,
        "in_progress",
        ("2023-01-01", "quarter"),
    ),
    _report(
        INITIATIVE,
        "initiativ",
        "Styrkelse af samarbejdet mellem Præhospitalet og de kommunale akutfunktioner",
        AELDRE,
        "in_progress",
        ("2022-09-01", "season"),
    ),
    _report(
        INITIATIVE, "handleplan", "Tværasektoriel handleplan på akutområdet", AELDRE, "in_progress"
    ),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Revidering af samarbejdsaftale om opfølgende hjemmebesøg",
        AELDRE,
        "unknown",
    ),
    _report(
        INITIATIVE,
        "alliance",
        "Alliancen om den nære psykiatri",
        PSYKIATRI,
        "discontinued",
        ("2022-01-01", "third"),
    ),
    _report(
        AGREEMENT,
        "rammeaftale",
        "Rammeaftale om udgående ambulante teams",
        PSYKIATRI,
        "in_progress",
    ),
    _report(
        INITIATIVE,
        "arbejdsgruppe",
        "Arbejdsgruppe vedrørende faglig udvikling af den fælles indsats for mennesker "
        "med psykisk sygdom i primærsektoren",
        PSYKIATRI,
        "in_progress",
    ),
    _report(
        INITIATIVE, "initiativ", "Forebyggelse og behandling af selvskade", PSYKIATRI, "in_progress"
    ),
    _report(
        INITIATIVE, "handleplan", "Fælles forpligtende forløb og handleplan", PSYKIATRI, "completed"
    ),
    _report(
        INITIATIVE,
        "initiativ",
        "Overblik over virkningsfulde indsatser/tilbud til børn og unge i psykisk "
        "mistrivsel samt forebyggelsesindsatser",
        OVRIGE,
        "completed",
    ),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om børn og unge i psykisk mistrivsel",
        OVRIGE,
        "planned",
    ),
    _report(AGREEMENT, "samarbejdsaftale", "Samarbejdsaftale om stomi", OVRIGE, "implemented"),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om kræftrehabilitering",
        OVRIGE,
        "in_progress",
    ),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om IV-behandling i nærområdet",
        OVRIGE,
        "implemented",
        ("2023-04-01", "quarter"),
    ),
    _report(
        INITIATIVE,
        "initiativ",
        "Udbredelse af medicinposen",
        OVRIGE,
        "implemented",
        ("2023-01-01", "quarter"),
    ),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om den gode indlæggelse og udskrivelse",
        OVRIGE,
        "implemented",
    ),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om palliative indsatser",
        OVRIGE,
        "in_progress",
    ),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om voksne med erhvervet hjerneskade",
        OVRIGE,
        "in_progress",
        ("2023-01-01", "day"),
    ),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om gevinsthåndtering ved fælles udbud – stomiområdet",
        OVRIGE,
        "planned",
    ),
    _report(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om styrket indsats vedrørende amning/barnets ernæring i Region "
        "Midtjylland",
        OVRIGE,
        "planned",
    ),
    _report(
        AGREEMENT,
        "rammeaftale",
        "Rammeaftale om korrespondancebreve",
        OVRIGE,
        "implemented",
        ("2022-11-10", "day"),
    ),
]

TABLE_ITEMS = [
    _table(
        INITIATIVE,
        "projekt",
        "Hospitalsbehandling i eget hjem (forskningsprojekt)",
        SPYDSPIDS,
        "in_progress",
    ),
    _table(
        INITIATIVE,
        "projekt",
        "Tværasektorielt samarbejde om de mest udsatte svært psykisk syge borgere",
        SPYDSPIDS,
        "in_progress",
    ),
    _table(INITIATIVE, "projekt", "Livets Afslutning", SPYDSPIDS, "in_progress"),
    _table(
        INITIATIVE,
        "projekt",
        "SKARB – Skive Sundhedshus – Kommune – Almen praksis – Region - Borger",
        BILATERALE,
        "in_progress",
    ),
    _table(INITIATIVE, "projekt", "Astma-rehabilitering på tværs", BILATERALE, "in_progress"),
    _table(INITIATIVE, "projekt", "Fælles animationsstrategi", BILATERALE, "in_progress"),
    _table(
        INITIATIVE,
        "initiativ",
        "Test- og Udviklingscenter for Velfærdsteknologi - TUCV",
        BILATERALE,
        "in_progress",
    ),
    _table(
        INITIATIVE,
        "initiativ",
        "Udviklingsplan for Regionshospitalet Silkeborg",
        BILATERALE,
        "implemented",
    ),
    _table(INITIATIVE, "initiativ", "Psykiatriens Hus", BILATERALE, "implemented"),
    _table(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om den gode indlæggelse og udskrivelse",
        FAELLES,
        "implemented",
    ),
    _table(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om sundhedsvisitationer i alle klynger",
        FAELLES,
        "implemented",
    ),
    _table(
        AGREEMENT,
        "rammepapir",
        "Rammepapir: Samarbejdet om udgående ambulante teams i voksenpsykiatrien",
        FAELLES,
        "implemented",
    ),
    _table(
        AGREEMENT,
        "samarbejdsaftale",
        "Samarbejdsaftale om IV-behandling i nærområdet",
        FAELLES,
        "implemented",
    ),
]

# parties, by file and title, where the document names them for the item
TABLE_PARTIES = {
    "SKARB – Skive Sundhedshus – Kommune – Almen praksis – Region - Borger": (
        "Skive Kommune",
        "Hospitalsenhed Midt",
    ),
    "Astma-rehabilitering på tværs": ("Skive Kommune", "Hospitalsenhed Midt"),
    "Fælles animationsstrategi": ("Viborg Kommune", "Hospitalsenhed Midt"),
    "Test- og Udviklingscenter for Velfærdsteknologi - TUCV": (
        "Viborg Kommune",
        "Hospitalsenhed Midt",
    ),
    "Udviklingsplan for Regionshospitalet Silkeborg": ("Silkeborg Kommune", "Hospitalsenhed Midt"),
    "Psykiatriens Hus": ("Silkeborg Kommune", "Regionspsykiatrien Midt"),
}
# The one report item without a "Betydning for borgerne:" section
WITHOUT_CITIZEN_IMPACT = {"Alliancen om den nære psykiatri"}
REPORT_PARTIES = ("Region Midtjylland", "de 19 midtjyske kommuner", "PLO-Midtjylland")

REPORT_MEETINGS = [
    SeedMeeting(REPORT, "Sundhedssamarbejdsudvalget", "2023-02-07", "day", "held"),
    SeedMeeting(REPORT, "Sundhedsstyregruppen", "2023-04-01", "month", "planned"),
    SeedMeeting(REPORT, "Sundhedssamarbejdsudvalget", "2023-05-01", "month", "planned"),
]

MORE_REPORT_ITEMS = [
    SeedItem(REPORT, AGREEMENT, "sundhedsaftale", "Sundhedsaftalen 2019-2023", "", MIDT, None,
             None, None),
    SeedItem(REPORT, INITIATIVE, "forløbsprogram",
             "Forløbsprogram for rehabilitering og palliation i forbindelse med kræft", "", MIDT,
             None, None, None),
]  # fmt: skip
MORE_REPORT_MEETINGS = [
    SeedMeeting(REPORT, "Sundhedsstyregruppen", "2023-01-01", "month", "held"),
    SeedMeeting(REPORT, "Sundhedskoordinationsudvalget", "2019-10-30", "day", "held"),
    SeedMeeting(REPORT, "Sundhedssamarbejdsudvalget", "2023-09-01", "month", "planned"),
    SeedMeeting(REPORT, "Sundhedssamarbejdsudvalget", "2022-12-19", "day", "held"),
]

DOCUMENTS = {
    REPORT: ("Slutstatus Sundhedsaftalen 2019-2023", None),
    TABLE: ("Udvalgte initiativer og samarbejder i Midtklyngen, november 2022", NOVEMBER_2022),
}
