"""The acceptance questions: what people in the clusters type, and what a reply must show.

Today is fixed at 2024-03-01 (a Friday; `BOT_TODAY`), so "denne måned" is March 2024,
"næste måned" April 2024 and "sidste måned" February 2024. `scope` is a cluster or region
the chat declared earlier: the harness first sends "vi er <scope>" in the same chat.

The texts are typed the way people type in Teams: short names, typos, æ/ø/å as a/o/aa/oe,
Danish and English in one line. `lang` is the language the reply must be in: that of the
question's frame when it mixes the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from tests.questions.expectations import (
    Budget,
    Changes,
    Clarify,
    Decisions,
    Expectation,
    Help,
    ListOf,
    MeetingsIn,
    NextMeeting,
    ScopeSet,
    Status,
    Unknown,
    Who,
)

TODAY = date(2024, 3, 1)


@dataclass(frozen=True)
class Question:
    text: str
    lang: Literal["da", "en"]
    expect: Expectation
    scope: str | None = None


def da(text: str, expect: Expectation, scope: str | None = None) -> Question:
    return Question(text, "da", expect, scope)


def en(text: str, expect: Expectation, scope: str | None = None) -> Question:
    return Question(text, "en", expect, scope)


# --- Agreements (ids in knowledge/demo/kb.json) ---
BOERNE_UNGE_SYD = "boerne-og-ungeaftalen-syddanmark"
RYGESTOP_HENSIGT = "hensigtserklaering-om-oeget-fokus-paa-rygestop-i-almen-praks-midtjylland"
OVERVAEGT = "intentionspapir-om-faelles-indsats-vedr-overvaegt-midtjylland"
TOBAKSFRIE = "partnerskab-om-tobaksfrie-ungdomsuddannelser-midtjylland"
KORRESPONDANCE = "rammeaftale-om-korrespondancebreve-midtjylland"
UDGAAENDE_TEAMS = "rammeaftale-om-udgaaende-ambulante-teams-midtjylland"
HJEMMEBESOEG = "revidering-af-samarbejdsaftale-om-opfoelgende-hjemmebesoeg-midtjylland"
IV_SYD = "samarbejdsaftale-for-iv-behandling-i-naeromraadet-syddanmark"
HJERNESKADE_SYD = "samarbejdsaftale-for-voksne-med-erhvervet-hjerneskade-syddanmark"
MISTRIVSEL_AFTALE = "samarbejdsaftale-om-boern-og-unge-i-psykisk-mistrivsel-midtjylland"
GODE_INDLAEGGELSE = "samarbejdsaftale-om-den-gode-indlaeggelse-og-udskrivelse-midtjylland"
GEVINST_STOMI = "samarbejdsaftale-om-gevinsthaandtering-ved-faelles-udbud-sto-midtjylland"
IV_MIDT = "samarbejdsaftale-om-iv-behandling-i-naeromraadet-midtjylland"
AKUTFUNKTIONER = "samarbejdsaftale-om-kommunale-akutfunktioner-midtjylland"
KRAEFTREHAB = "samarbejdsaftale-om-kraeftrehabilitering-midtjylland"
PALLIATION = "samarbejdsaftale-om-palliative-indsatser-midtjylland"
RYGESTOP = "samarbejdsaftale-om-rygestop-midtjylland"
STOMI = "samarbejdsaftale-om-stomi-midtjylland"
AMNING = "samarbejdsaftale-om-styrket-indsats-vedroerende-amning-barne-midtjylland"
SUNDHEDSVISITATION = "samarbejdsaftale-om-sundhedsvisitationer-for-somatik-og-psyk-midtjylland"
HJERNESKADE_MIDT = "samarbejdsaftale-om-voksne-med-erhvervet-hjerneskade-midtjylland"

# --- Initiatives ---
ALLIANCEN = "alliancen-om-den-naere-psykiatri-midtjylland"
ARBEJDSGRUPPE_PSYKISK = "arbejdsgruppe-vedroerende-faglig-udvikling-af-den-faelles-in-midtjylland"
ASTMA = "astma-rehabilitering-paa-tvaers-midtjylland"
SIDSTE_TID = "den-sidste-tid-syddanmark"
E_LAERING_STOMI = "e-laering-om-stomi-midtjylland"
FACT = "fact-midtjylland"
ANIMATION = "faelles-animationsstrategi-midtjylland"
FORPLIGTENDE_FORLOEB = "faelles-forpligtende-forloeb-og-handleplan-midtjylland"
VACCINATION = "faelles-vaccinationskampagne-midtjylland"
LIVETS_AFSLUTNING_RANDERS = "faellesregionale-elementer-fra-projekt-livets-afslutning-midtjylland"
TELE_KOL = "forberedelse-til-implementering-af-tele-kol-midtjylland"
SELVSKADE = "forebyggelse-og-behandling-af-selvskade-midtjylland"
LAENDERYG = "forloebsprogram-for-mennesker-med-laenderygbesvaer-syddanmark"
HOSPITAL_HJEMME = "hospitalsbehandling-i-eget-hjem-forskningsprojekt-midtjylland"
IPS = "individuelt-planlagt-job-med-stoette-ips-midtjylland"
KTH = "kom-trygt-hjem-syddanmark"
BENAMPUTATION = "kortlaegningen-vedr-forebyggelse-af-benamputation-syddanmark"
LAEGEDAEKNING = "laegedaekning-syddanmark"
LETTILGAENGELIGT = "lettilgaengeligt-tilbud-til-boern-og-unge-i-psykisk-mistrivs-syddanmark"
LIVETS_AFSLUTNING = "livets-afslutning-midtjylland"
LKT = "lkt-sammenhaengende-hoftebrudsforloeb-midtjylland"
OVERBLIK_MISTRIVSEL = "overblik-over-virkningsfulde-indsatser-tilbud-til-boern-og-u-midtjylland"
ORTOSER = "proevehandling-om-udlevering-af-skinner-ortoser-til-boern-me-midtjylland"
PSYKIATRIENS_HUS = "psykiatriens-hus-midtjylland"
SAMARBEJDSMODEL = "samarbejdsmodel-midtjylland"
SKARB = "skarb-skive-sundhedshus-kommune-almen-praksis-region-borger-midtjylland"
PRAEHOSPITAL = "styrkelse-af-samarbejdet-mellem-praehospitalet-og-de-kommuna-midtjylland"
STYRKET_UDSKRIVNING = "styrket-udskrivning-udskrivningsterapeuter-midtjylland"
TUCV = "test-og-udviklingscenter-for-velfaerdsteknologi-tucv-midtjylland"
AKUT_HANDLEPLAN = "tvaerasektoriel-handleplan-paa-akutomraadet-midtjylland"
MEST_UDSATTE = "tvaerasektorielt-samarbejde-om-de-mest-udsatte-svaert-psykis-midtjylland"
TVANG = "tvaersektoriel-forebyggelse-af-tvangsindlaeggelser-midtjylland"
MEDICINPOSEN = "udbredelse-af-medicinposen-midtjylland"
UDVIKLINGSPLAN_SILKEBORG = "udviklingsplan-for-regionshospitalet-silkeborg-midtjylland"

# --- Meetings ---
FOEDEPLAN_2022_03 = "foedeplanudvalget-2022-03"
SSG_2022_11_10 = "sundhedsstyregruppen-2022-11-10"
POL_RANDERS_2022_12_12 = "politisk-klynge-randersklyngen-2022-12-12"
KSG_RANDERS_2023_01_27 = "klyngestyregruppen-randersklyngen-2023-01-27"
SSU_2023_02_07 = "sundhedssamarbejdsudvalget-2023-02-07"
POL_SJ_2023_03_07 = "sundhedsklynge-soenderjylland-politisk-niveau-2023-03-07"
KSG_RANDERS_2023_03_29 = "klyngestyregruppen-randersklyngen-2023-03-29"
SSG_2023_04_21 = "sundhedsstyregruppen-2023-04"
SSU_2023_05_08 = "sundhedssamarbejdsudvalget-2023-05"
STRATEGISK_2023_09_20 = "strategisk-sundhedsstyregruppe-2023-09-20"
KSG_RANDERS_2023_09_28 = "klyngestyregruppen-randersklyngen-2023-09-28"
POL_RANDERS_2023_11_01 = "politisk-klynge-randersklyngen-2023-11-01"
STRATEGISK_2023_11_08 = "strategisk-sundhedsstyregruppe-2023-11-08"
KSG_RANDERS_2023_11_24 = "klyngestyregruppen-randersklyngen-2023-11-24"
KOORD_2024_01_11 = "sundhedsklynge-soenderjylland-koordineringsforum-2024-01-11"
KOORD_2024_02_07 = "sundhedsklynge-soenderjylland-koordineringsforum-2024-02-07"
SSG_2024_02_09 = "sundhedsstyregruppen-2024-02-09"
KSG_MIDT_2024_02_23 = "klyngestyregruppen-midtklyngen-2024-02-23"
POL_SJ_2024_02_29 = "sundhedsklynge-soenderjylland-politisk-niveau-2024-02-29"
FSN_2024_03_04 = "sundhedsklynge-soenderjylland-fagligt-strategisk-niveau-2024-03-04"
TEMAGRUPPE_2024_03_13 = "temagruppe-for-voksne-somatik-midtklyngen-2024-03-13"
POL_SJ_2024_04_04 = "sundhedsklynge-soenderjylland-politisk-niveau-2024-04-04"
STRATEGISK_2024_04_17 = "strategisk-sundhedsstyregruppe-2024-04-17"
POL_MIDT_2024_04_19 = "politisk-klynge-midtklyngen-2024-04-19"
KSG_MIDT_2024_05_03 = "klyngestyregruppen-midtklyngen-2024-05-03"
FSN_2024_06_24 = "sundhedsklynge-soenderjylland-fagligt-strategisk-niveau-2024-06-24"
STRATEGISK_2024_06_26 = "strategisk-sundhedsstyregruppe-2024-06-26"
POL_MIDT_2024_09_23 = "politisk-klynge-midtklyngen-2024-09-23"
KSG_MIDT_2024_09_27 = "klyngestyregruppen-midtklyngen-2024-09-27"
POL_SJ_2024_10 = "sundhedsklynge-soenderjylland-politisk-niveau-2024-10"
KSG_MIDT_2024_11_29 = "klyngestyregruppen-midtklyngen-2024-11-29"

# --- Names of bodies, clusters and regions ---
MIDTKLYNGEN = "Midtklyngen"
RANDERSKLYNGEN = "Randersklyngen"
SOENDERJYLLAND = "Sundhedsklynge Sønderjylland"
MIDTJYLLAND = "Region Midtjylland"
SYDDANMARK = "Region Syddanmark"
KSG_MIDT = "Klyngestyregruppen Midtklyngen"
POL_MIDT = "Politisk klynge Midtklyngen"
TEMAGRUPPE = "Temagruppe for voksne (somatik) Midtklyngen"
FSN = "Sundhedsklynge Sønderjylland – Fagligt strategisk niveau"
POL_SJ = "Sundhedsklynge Sønderjylland – Politisk niveau"
KOORD = "Sundhedsklynge Sønderjylland – Koordineringsforum"
STRATEGISK = "Strategisk Sundhedsstyregruppe"

MARCH_2024 = (FSN_2024_03_04, TEMAGRUPPE_2024_03_13)
APRIL_2024 = (POL_SJ_2024_04_04, STRATEGISK_2024_04_17, POL_MIDT_2024_04_19)
FEBRUARY_2024 = (KOORD_2024_02_07, SSG_2024_02_09, KSG_MIDT_2024_02_23, POL_SJ_2024_02_29)
JUNE_2024 = (FSN_2024_06_24, STRATEGISK_2024_06_26)
SEPTEMBER_2024 = (POL_MIDT_2024_09_23, KSG_MIDT_2024_09_27)
IV_BOTH = (IV_MIDT, IV_SYD)
HJERNESKADE_BOTH = (HJERNESKADE_MIDT, HJERNESKADE_SYD)
# Items whose newest status is "completed" (the knowledge base has three).
COMPLETED = (E_LAERING_STOMI, FORPLIGTENDE_FORLOEB, OVERBLIK_MISTRIVSEL)
PLANNED_AGREEMENTS = (HJERNESKADE_SYD, MISTRIVSEL_AFTALE, GEVINST_STOMI)
RANDERS_ITEMS = (E_LAERING_STOMI, LIVETS_AFSLUTNING_RANDERS, ORTOSER)
SOENDERJYLLAND_AGREEMENTS = (BOERNE_UNGE_SYD, IV_SYD, HJERNESKADE_SYD)
NEW_IN_MIDTKLYNGEN_2024 = (IPS, LKT, TVANG)  # entries of 29 February 2024

QUESTIONS: list[Question] = [
    # ------------------------------------------------------------------ status
    da("Hvad er status på rygestop-aftalen?", Status(RYGESTOP)),
    da("status rygestop", Status(RYGESTOP)),
    da("staus på rygestopaftalen??", Status(RYGESTOP)),
    da("hvordan går det med stomiaftalen", Status(STOMI)),
    da("Er stomi aftalen implementeret?", Status(STOMI)),
    da("Hvad er status på Kom trygt hjem?", Status(KTH)),
    da("kom trygt hjme status", Status(KTH)),
    da("Hvordan står det til med KTH?", Status(KTH)),
    da("Kan du give mig status på KTH please", Status(KTH)),
    da("status på korrespondancebreve", Status(KORRESPONDANCE)),
    da("hvad er status for børne- og ungeaftalen", Status(BOERNE_UNGE_SYD)),
    da("er borne og ungeaftalen sat paa pause?", Status(BOERNE_UNGE_SYD)),
    da("status paa tobaksfrie ungdomsuddannelser", Status(TOBAKSFRIE)),
    da("Hvordan går det med intentionspapiret om overvægt?", Status(OVERVAEGT)),
    da("overvaegt indsats status", Status(OVERVAEGT)),
    da("Hvad er status på kræftrehabilitering?", Status(KRAEFTREHAB)),
    da("kraeftrehabilitering aftalen - hvor langt er den?", Status(KRAEFTREHAB)),
    da("status på palliative indsatser", Status(PALLIATION)),
    da("Er aftalen om kommunale akutfunktioner i drift?", Status(AKUTFUNKTIONER)),
    da("status paa den gode indlaeggelse og udskrivelse", Status(GODE_INDLAEGGELSE)),
    da("sundhedsvisitationer status", Status(SUNDHEDSVISITATION)),
    da("hvad sker der med opfølgende hjemmebesøg?", Status(HJEMMEBESOEG)),
    da("hvordan gaar det med amningsaftalen", Status(AMNING)),
    da("status udgående ambulante teams", Status(UDGAAENDE_TEAMS)),
    da("Hvad er status på medicinposen?", Status(MEDICINPOSEN)),
    da("vaccinationskampagnen – kører den stadig?", Status(VACCINATION)),
    da("er alliancen om den nære psykiatri nedlagt?", Status(ALLIANCEN)),
    da("status på selvskade-initiativet", Status(SELVSKADE)),
    da("Hvor langt er Psykiatriens Hus?", Status(PSYKIATRIENS_HUS)),
    da("status på IPS i Midtklyngen", Status(IPS)),
    da("LKT hoftebrud status", Status(LKT)),
    da("Hvad er status på lægedækning i Sønderjylland?", Status(LAEGEDAEKNING)),
    da("status på Den sidste tid", Status(SIDSTE_TID)),
    da("hvordan går det med kortlægningen af benamputationer", Status(BENAMPUTATION)),
    da("forløbsprogrammet for lænderyg - status?", Status(LAENDERYG)),
    da("Status på ortoser til børn med cerebral parese?", Status(ORTOSER)),
    da("er e-læringen om stomi færdig?", Status(E_LAERING_STOMI)),
    da("hvad er status på tvangsindlæggelser i midtklyngen", Status(TVANG)),
    da("status på TUCV", Status(TUCV)),
    da("SKARB status", Status(SKARB)),
    da("astma rehabilitering – status?", Status(ASTMA)),
    da("hvordan går det med hospitalsbehandling i eget hjem", Status(HOSPITAL_HJEMME)),
    da("status hensigtserklæringen om rygestop i almen praksis", Status(RYGESTOP_HENSIGT)),
    da(
        "Hvad er status på hjerneskadeaftalen i Region Midtjylland?",
        Status(HJERNESKADE_MIDT),
    ),
    da("status IV aftalen i Syddanmark", Status(IV_SYD)),
    da("hvad er status på iv-aftalen i region midt", Status(IV_MIDT)),
    da("Status på udviklingsplanen for Silkeborg?", Status(UDVIKLINGSPLAN_SILKEBORG)),
    da("præhospitalet og akutfunktionerne – hvad er status", Status(PRAEHOSPITAL)),
    da("status paa handleplanen for akutomraadet", Status(AKUT_HANDLEPLAN)),
    da("FACT status", Status(FACT)),
    da(
        "fællesregionale elementer fra livets afslutning, status?",
        Status(LIVETS_AFSLUTNING_RANDERS),
    ),
    da("status på animationsstrategien", Status(ANIMATION)),
    da("gevinsthåndtering stomi – hvor står vi?", Status(GEVINST_STOMI)),
    da("aftalen om børn og unge i psykisk mistrivsel, hvad er status", Status(MISTRIVSEL_AFTALE)),
    da("hvad er status på the rygestop agreement?", Status(RYGESTOP)),
    da("status på psykiatriens hsu", Status(PSYKIATRIENS_HUS)),
    en("What's the status of the rygestop agreement?", Status(RYGESTOP)),
    en("status of Kom trygt Hjem?", Status(KTH)),
    en("How is KTH going?", Status(KTH)),
    en("Is the stomi agreement implemented?", Status(STOMI)),
    en("what is the current status of Børne- og ungeaftalen", Status(BOERNE_UNGE_SYD)),
    en("Has the Borne og unge aftalen been paused?", Status(BOERNE_UNGE_SYD)),
    en("status on tobaksfrie ungdomsuddannelser please", Status(TOBAKSFRIE)),
    en("where are we with IPS?", Status(IPS)),
    en("Status of the LKT hip fracture pathway in Midtklyngen?", Status(LKT)),
    en("what's the status of Laegedaekning", Status(LAEGEDAEKNING)),
    en("status for the Den sidste tid working group", Status(SIDSTE_TID)),
    en("How far along is the korrespondancebreve agreement?", Status(KORRESPONDANCE)),
    en("status of medicinposen", Status(MEDICINPOSEN)),
    en("Is Psykiatriens Hus up and running?", Status(PSYKIATRIENS_HUS)),
    en("What's the status of E-læring om stomi?", Status(E_LAERING_STOMI)),
    en("status of the IV agreement in Region Syddanmark", Status(IV_SYD)),
    en(
        "status of the erhvervet hjerneskade agreement in Region Midtjylland",
        Status(HJERNESKADE_MIDT),
    ),
    en("Is Alliancen om den nære psykiatri still running?", Status(ALLIANCEN)),
    en("what is the status of the lænderygbesvær program", Status(LAENDERYG)),
    en("status on Kortlægningen vedr. forebyggelse af benamputation", Status(BENAMPUTATION)),
    en("How's the vaccination campaign doing?", Status(VACCINATION)),
    en("status of the ortoser trial for kids with cerebral parese", Status(ORTOSER)),
    en("status: Hospitalsbehandling i eget hjem", Status(HOSPITAL_HJEMME)),
    en("Whats the status on Samarbejdsaftale om palliative indsatser", Status(PALLIATION)),
    en("status of the amning agreement", Status(AMNING)),
    en("what's the status of the sundhedsvisitation agreement", Status(SUNDHEDSVISITATION)),
    en("status of tvangsindlæggelser prevention in Midtklyngen", Status(TVANG)),
    en("status on the overvægt intentionspapir", Status(OVERVAEGT)),
    en("Tele KOL status?", Status(TELE_KOL)),
    en("what's the status på korrespondancebreve?", Status(KORRESPONDANCE)),
    en("Is the kraeftrehabilitering agreement in place?", Status(KRAEFTREHAB)),
    en("how is SKARB in Skive doing", Status(SKARB)),
    # ------------------------------------------------------------ next meeting
    da(
        "Hvornår er næste møde i Klyngestyregruppen Midtklyngen?",
        NextMeeting(KSG_MIDT_2024_05_03, KSG_MIDT),
    ),
    da(
        "hvornår mødes klyngestyregruppen i midtklyngen næste gang",
        NextMeeting(KSG_MIDT_2024_05_03, KSG_MIDT),
    ),
    da("naeste mode i klyngestyregruppen midtklyngen", NextMeeting(KSG_MIDT_2024_05_03, KSG_MIDT)),
    da(
        "hvor holdes næste møde i klyngestyregruppen midtklyngen?",
        NextMeeting(KSG_MIDT_2024_05_03, KSG_MIDT),
    ),
    da("næste møde i Midtklyngen?", NextMeeting(TEMAGRUPPE_2024_03_13, MIDTKLYNGEN)),
    da(
        "hvornår er næste politiske klyngemøde i Midtklyngen",
        NextMeeting(POL_MIDT_2024_04_19, POL_MIDT),
    ),
    da(
        "hvornår mødes temagruppen for voksne somatik",
        NextMeeting(TEMAGRUPPE_2024_03_13, TEMAGRUPPE),
    ),
    da(
        "hvornår er næste møde i Sundhedsklynge Sønderjylland",
        NextMeeting(FSN_2024_03_04, SOENDERJYLLAND),
    ),
    da("næste møde sønderjylland", NextMeeting(FSN_2024_03_04, SOENDERJYLLAND)),
    da(
        "hvornaar er naeste mode paa fagligt strategisk niveau i Sonderjylland",
        NextMeeting(FSN_2024_03_04, FSN),
    ),
    da(
        "Hvornår er næste politiske møde i Sundhedsklynge Sønderjylland?",
        NextMeeting(POL_SJ_2024_04_04, POL_SJ),
    ),
    da(
        "hvornår mødes Strategisk Sundhedsstyregruppe næste gang",
        NextMeeting(STRATEGISK_2024_04_17, STRATEGISK),
    ),
    da("Hvornår er næste møde i Region Syddanmark?", NextMeeting(FSN_2024_03_04, SYDDANMARK)),
    da("Hvornår er næste møde i Randersklyngen?", NextMeeting(None, RANDERSKLYNGEN)),
    da(
        "næste møde i Koordineringsforum i Sønderjylland?",
        NextMeeting(None, KOORD),
    ),
    da("Hvornår mødes regionsrådet næste gang?", NextMeeting(None, "Regionsrådet")),
    en(
        "When does Klyngestyregruppen Midtklyngen meet next?",
        NextMeeting(KSG_MIDT_2024_05_03, KSG_MIDT),
    ),
    en(
        "Where is the next Klyngestyregruppen Midtklyngen meeting?",
        NextMeeting(KSG_MIDT_2024_05_03, KSG_MIDT),
    ),
    en("when is Midtklyngen's next meeting", NextMeeting(TEMAGRUPPE_2024_03_13, MIDTKLYNGEN)),
    en("Next meeting of Politisk klynge Midtklyngen?", NextMeeting(POL_MIDT_2024_04_19, POL_MIDT)),
    en(
        "When is the next meeting at fagligt strategisk niveau in Sønderjylland?",
        NextMeeting(FSN_2024_03_04, FSN),
    ),
    en(
        "next political meeting in Sundhedsklynge Sonderjylland",
        NextMeeting(POL_SJ_2024_04_04, POL_SJ),
    ),
    en(
        "next meeting strategisk sundhedsstyregruppe?",
        NextMeeting(STRATEGISK_2024_04_17, STRATEGISK),
    ),
    en("next meeting in Region Midtjylland?", NextMeeting(TEMAGRUPPE_2024_03_13, MIDTJYLLAND)),
    en(
        "when is the next Sundhedssamarbejdsudvalget meeting?",
        NextMeeting(None, "Sundhedssamarbejdsudvalget"),
    ),
    en("When is Randersklyngen meeting next?", NextMeeting(None, RANDERSKLYNGEN)),
    # ------------------------------------------------------- meetings in a period
    da("Hvilke møder er der i denne måned?", MeetingsIn(MARCH_2024)),
    da("moder i marts", MeetingsIn(MARCH_2024)),
    da("hvilke møder er der i april", MeetingsIn(APRIL_2024)),
    da("møder i maj 2024", MeetingsIn((KSG_MIDT_2024_05_03,))),
    da("hvilke møder var der i februar 2024?", MeetingsIn(FEBRUARY_2024)),
    da("hvilke møder er der i næste uge", MeetingsIn((FSN_2024_03_04,))),
    da("er der nogen møder i dag?", MeetingsIn(())),
    da("møder i oktober 2024", MeetingsIn((POL_SJ_2024_10,))),
    da("Hvilke møder har Midtklyngen i april?", MeetingsIn((POL_MIDT_2024_04_19,))),
    da(
        "Hvilke møder har Midtklyngen resten af året?",
        MeetingsIn(
            (
                TEMAGRUPPE_2024_03_13,
                POL_MIDT_2024_04_19,
                KSG_MIDT_2024_05_03,
                POL_MIDT_2024_09_23,
                KSG_MIDT_2024_09_27,
                KSG_MIDT_2024_11_29,
            )
        ),
    ),
    da(
        "Randersklyngens møder i november 2023?",
        MeetingsIn((POL_RANDERS_2023_11_01, KSG_RANDERS_2023_11_24)),
    ),
    da(
        "hvornår mødtes sundhedssamarbejdsudvalget i 2023",
        MeetingsIn((SSU_2023_02_07, SSU_2023_05_08)),
    ),
    da(
        "hvilke møder var der i 2022",
        MeetingsIn((FOEDEPLAN_2022_03, SSG_2022_11_10, POL_RANDERS_2022_12_12)),
    ),
    da("møder januar 2024", MeetingsIn((KOORD_2024_01_11,))),
    da("Hvornår mødtes Sundhedsstyregruppen i 2023?", MeetingsIn((SSG_2023_04_21,))),
    en("meetings this month?", MeetingsIn(MARCH_2024)),
    en("What meetings are there next month?", MeetingsIn(APRIL_2024)),
    en("Which meetings are planned in June 2024?", MeetingsIn(JUNE_2024)),
    en("meetings last month", MeetingsIn(FEBRUARY_2024)),
    en("Which meetings are in September 2024?", MeetingsIn(SEPTEMBER_2024)),
    en("any meetings in November 2024?", MeetingsIn((KSG_MIDT_2024_11_29,))),
    en(
        "meetings in Region Syddanmark in April 2024",
        MeetingsIn((POL_SJ_2024_04_04, STRATEGISK_2024_04_17)),
    ),
    en(
        "What meetings does Sundhedsklynge Sønderjylland have coming up?",
        MeetingsIn((FSN_2024_03_04, POL_SJ_2024_04_04, FSN_2024_06_24, POL_SJ_2024_10)),
    ),
    en(
        "List the 2023 meetings of Klyngestyregruppen Randersklyngen",
        MeetingsIn(
            (
                KSG_RANDERS_2023_01_27,
                KSG_RANDERS_2023_03_29,
                KSG_RANDERS_2023_09_28,
                KSG_RANDERS_2023_11_24,
            )
        ),
    ),
    en("meetings in March 2023", MeetingsIn((POL_SJ_2023_03_07, KSG_RANDERS_2023_03_29))),
    en("Are there any meetings tomorrow?", MeetingsIn(())),
    # --------------------------------------------------------------- decisions
    da(
        "Hvad blev besluttet på mødet i klyngestyregruppen Midtklyngen 23. februar 2024?",
        Decisions(KSG_MIDT_2024_02_23, ("2", "3", "4", "5")),
    ),
    da(
        "beslutninger fra midtklyngens klyngestyregruppe i februar",
        Decisions(KSG_MIDT_2024_02_23, ("2", "4")),
    ),
    da(
        "hvad besluttede klyngestyregruppen i Midtklyngen om videokonsultationer",
        Decisions(KSG_MIDT_2024_02_23, ("2",)),
    ),
    da(
        "blev der sagt ja til partnerskab med Social Sundhed?",
        Decisions(KSG_MIDT_2024_02_23, ("4",)),
    ),
    da("Hvad blev besluttet om Lægevagts Natberedskab?", Decisions(KSG_MIDT_2024_02_23, ("5",))),
    da(
        "Hvad blev der besluttet i Randersklyngen 28. september?",
        Decisions(KSG_RANDERS_2023_09_28, ("2", "4", "5", "7")),
    ),
    da(
        "beslutninger klyngestyregruppen randersklyngen september 2023",
        Decisions(KSG_RANDERS_2023_09_28, ("4", "5")),
    ),
    da("hvad blev besluttet om LSR Børn og Unge", Decisions(KSG_RANDERS_2023_09_28, ("4",))),
    da(
        "hvad blev der besluttet om statusattester i randersklyngen",
        Decisions(KSG_RANDERS_2023_09_28, ("7",)),
    ),
    da(
        "udskrivelser fra hospital, hvad besluttede Randersklyngen?",
        Decisions(KSG_RANDERS_2023_09_28, ("6",)),
    ),
    da(
        "hvad blev besluttet om udviklingsdagen i randersklyngen",
        Decisions(KSG_RANDERS_2023_09_28, ("2",)),
    ),
    da(
        "Hvad besluttede fagligt strategisk niveau i Sønderjylland 4. marts?",
        Decisions(FSN_2024_03_04, ("2", "3", "4", "5", "6", "8")),
    ),
    da(
        "deltager sønderjylland i LKT hoftebrud? hvad blev besluttet",
        Decisions(FSN_2024_03_04, ("8",)),
    ),
    da("Hvad blev besluttet om ledelsesprogrammet hold 3?", Decisions(FSN_2024_03_04, ("6",))),
    da(
        "hvad blev der besluttet om de resterende klyngemidler i Sønderjylland",
        Decisions(FSN_2024_03_04, ("5",)),
    ),
    da(
        "beslutning om kommissoriet for implementeringsniveauet",
        Decisions(FSN_2024_03_04, ("2",)),
    ),
    da(
        "hvad blev besluttet om klyngeprojektet for børn og unge i psykisk mistrivsel "
        "i sønderjylland",
        Decisions(FSN_2024_03_04, ("7",)),
    ),
    en(
        "What was decided at Klyngestyregruppen Midtklyngen on 23 Feb?",
        Decisions(KSG_MIDT_2024_02_23, ("2", "4")),
    ),
    en(
        "What did Midtklyngen decide about Social Sundhed?",
        Decisions(KSG_MIDT_2024_02_23, ("4",)),
    ),
    en(
        "what was decided about klyngemidler in Randersklyngen",
        Decisions(KSG_RANDERS_2023_09_28, ("5",)),
    ),
    en(
        "What was decided on LKT hoftebrud in Sønderjylland?",
        Decisions(FSN_2024_03_04, ("8",)),
    ),
    en(
        "decisions on the implementeringsplan for Sundhedsaftalen 2024-2027",
        Decisions(FSN_2024_03_04, ("3",)),
    ),
    en(
        "decisions from fagligt strategisk niveau Sonderjylland on 4 March 2024",
        Decisions(FSN_2024_03_04, ("2", "5", "6")),
    ),
    en(
        "What did Randersklyngen decide about the LSR Børn og Unge?",
        Decisions(KSG_RANDERS_2023_09_28, ("4",)),
    ),
    # ------------------------------------------------------------------- lists
    da(
        "hvilke aftaler er sat på pause?",
        ListOf((BOERNE_UNGE_SYD,), (IV_SYD, HJERNESKADE_SYD, RYGESTOP)),
    ),
    da("hvilke initiativer er nedlagt", ListOf((ALLIANCEN,), (KTH, IPS))),
    da("hvad er afsluttet?", ListOf(COMPLETED, (KTH, IPS, ALLIANCEN))),
    da(
        "hvilke aftaler er planlagt men ikke startet endnu",
        ListOf(PLANNED_AGREEMENTS, (IV_MIDT, IV_SYD, BOERNE_UNGE_SYD)),
    ),
    da(
        "hvilke aftaler har vi i Region Syddanmark",
        ListOf(SOENDERJYLLAND_AGREEMENTS, (IV_MIDT, HJERNESKADE_MIDT, RYGESTOP)),
    ),
    da("Hvilke initiativer er der i Randersklyngen?", ListOf(RANDERS_ITEMS, (KTH, IPS, FACT))),
    da(
        "hvilke initiativer er i gang i Sønderjylland",
        ListOf((KTH, LAEGEDAEKNING), (SIDSTE_TID, LAENDERYG, BOERNE_UNGE_SYD, IPS)),
    ),
    da(
        "hvilke aftaler i Region Midtjylland er stadig i gang",
        ListOf(
            (RYGESTOP_HENSIGT, TOBAKSFRIE, KRAEFTREHAB, PALLIATION, HJERNESKADE_MIDT),
            (RYGESTOP, STOMI, IV_MIDT, HJERNESKADE_SYD),
        ),
    ),
    da("hvad er Skive Kommune med i", ListOf((SKARB, ASTMA), (TUCV, PSYKIATRIENS_HUS))),
    da(
        "hvilke initiativer er silkeborg kommune part i",
        ListOf((PSYKIATRIENS_HUS, UDVIKLINGSPLAN_SILKEBORG), (SKARB, TUCV)),
    ),
    da(
        "hvilke indsatser hører under den nære psykiatri",
        ListOf(
            (UDGAAENDE_TEAMS, ALLIANCEN, ARBEJDSGRUPPE_PSYKISK, FORPLIGTENDE_FORLOEB, SELVSKADE),
            (RYGESTOP, KTH),
        ),
    ),
    da(
        "vis aftalerne under Fælles investering i forebyggelse",
        ListOf((RYGESTOP_HENSIGT, OVERVAEGT, TOBAKSFRIE, RYGESTOP), (STOMI, IV_MIDT)),
    ),
    da(
        "Sammen om ældre borgere – hvilke indsatser er der?",
        ListOf(
            (
                HJEMMEBESOEG,
                AKUTFUNKTIONER,
                SUNDHEDSVISITATION,
                VACCINATION,
                PRAEHOSPITAL,
                AKUT_HANDLEPLAN,
            ),
            (RYGESTOP, KTH),
        ),
    ),
    da(
        "Hvilke initiativer i Midtklyngen er implementeret?",
        ListOf((PSYKIATRIENS_HUS, UDVIKLINGSPLAN_SILKEBORG), (IPS, ASTMA, SKARB, E_LAERING_STOMI)),
    ),
    da(
        "hvilke initiativer har ukendt status?",
        ListOf((BENAMPUTATION, LKT, TVANG), (KTH, IPS, ALLIANCEN)),
    ),
    da(
        "hvad er planlagt i sonderjylland",
        ListOf((HJERNESKADE_SYD, SIDSTE_TID, LAENDERYG), (KTH, LAEGEDAEKNING, IV_SYD)),
    ),
    da(
        "hvilke aftaler er der i sundhedsklynge sønderjylland?",
        ListOf(SOENDERJYLLAND_AGREEMENTS, (IV_MIDT, KTH)),
    ),
    en("which agreements are paused", ListOf((BOERNE_UNGE_SYD,), (IV_SYD, STOMI))),
    en("Which initiatives have been discontinued?", ListOf((ALLIANCEN,), (MEDICINPOSEN,))),
    en("Which initiatives are completed?", ListOf(COMPLETED, (IPS, LKT))),
    en("list planned agreements", ListOf(PLANNED_AGREEMENTS, (IV_MIDT, STOMI))),
    en(
        "agreements in Sønderjylland?",
        ListOf(SOENDERJYLLAND_AGREEMENTS, (IV_MIDT, HJERNESKADE_MIDT, KTH)),
    ),
    en("initiatives in Randersklyngen?", ListOf(RANDERS_ITEMS, (IPS, KTH))),
    en(
        "what's in progress in Sundhedsklynge Sønderjylland",
        ListOf((KTH, LAEGEDAEKNING), (BOERNE_UNGE_SYD, IV_SYD, HJERNESKADE_SYD, SIDSTE_TID)),
    ),
    en("Which projects is Viborg Kommune part of?", ListOf((TUCV, ANIMATION), (SKARB, ASTMA))),
    en(
        "what does Hospitalsenhed Midt take part in",
        ListOf(
            (SKARB, ASTMA, TUCV, ANIMATION, UDVIKLINGSPLAN_SILKEBORG),
            (PSYKIATRIENS_HUS, KTH),
        ),
    ),
    en(
        "which Midtklyngen initiatives are implemented?",
        ListOf((PSYKIATRIENS_HUS, UDVIKLINGSPLAN_SILKEBORG), (IPS, SKARB, IV_SYD)),
    ),
    en(
        "initiatives in Sundhedsklynge Sonderjylland",
        ListOf(
            (SIDSTE_TID, KTH, BENAMPUTATION, LAEGEDAEKNING, LETTILGAENGELIGT, LAENDERYG),
            (IPS, ORTOSER),
        ),
    ),
    en("what is Regionspsykiatrien Midt involved in?", ListOf((PSYKIATRIENS_HUS,), (SKARB, TUCV))),
    # ----------------------------------------------------------------- changes
    da(
        "Hvad er ændret i Midtklyngen siden 1. januar 2024?",
        Changes(
            date(2024, 1, 1), NEW_IN_MIDTKLYNGEN_2024, (ASTMA, PSYKIATRIENS_HUS, SKARB), MIDTKLYNGEN
        ),
    ),
    da(
        "hvad er nyt i Randersklyngen siden april 2023",
        Changes(date(2023, 4, 1), RANDERS_ITEMS, (IPS, LKT), RANDERSKLYNGEN),
    ),
    da(
        "ændringer i randersklyngen siden august 2023",
        Changes(
            date(2023, 8, 1),
            (ORTOSER, E_LAERING_STOMI),
            (LIVETS_AFSLUTNING_RANDERS, IPS),
            RANDERSKLYNGEN,
        ),
    ),
    da(
        "hvad er sket siden 1. februar 2024?",
        Changes(date(2024, 2, 1), NEW_IN_MIDTKLYNGEN_2024, (IV_SYD, IV_MIDT, E_LAERING_STOMI)),
    ),
    da(
        "Hvad er ændret i Region Midtjylland siden 1. maj 2023?",
        Changes(
            date(2023, 5, 1),
            (ORTOSER, E_LAERING_STOMI, *NEW_IN_MIDTKLYNGEN_2024),
            (LIVETS_AFSLUTNING_RANDERS, MEDICINPOSEN, IV_SYD),
            MIDTJYLLAND,
        ),
    ),
    da(
        "hvad er ændret siden sidste uge",
        Changes(date(2024, 2, 19), NEW_IN_MIDTKLYNGEN_2024, (IV_SYD, E_LAERING_STOMI)),
    ),
    da(
        "er der sket noget nyt siden jul?",
        Changes(date(2023, 12, 24), (IV_SYD, *NEW_IN_MIDTKLYNGEN_2024), (E_LAERING_STOMI,)),
    ),
    da(
        "hvad er aendret i region midtjylland siden oktober 2023",
        Changes(
            date(2023, 10, 1),
            NEW_IN_MIDTKLYNGEN_2024,
            (E_LAERING_STOMI, ORTOSER, IV_SYD),
            MIDTJYLLAND,
        ),
    ),
    en(
        "What's changed in Midtklyngen since New Year?",
        Changes(
            date(2024, 1, 1), NEW_IN_MIDTKLYNGEN_2024, (ASTMA, TUCV, E_LAERING_STOMI), MIDTKLYNGEN
        ),
    ),
    en(
        "What has changed since 1 December 2023?",
        Changes(
            date(2023, 12, 1),
            (IV_SYD, *NEW_IN_MIDTKLYNGEN_2024),
            (E_LAERING_STOMI, AMNING, ORTOSER),
        ),
    ),
    en(
        "what changed in the last month",
        Changes(date(2024, 2, 1), NEW_IN_MIDTKLYNGEN_2024, (IV_SYD, MEDICINPOSEN)),
    ),
    en(
        "Any changes in Region Syddanmark since October 2023?",
        Changes(date(2023, 10, 1), (IV_SYD,), (IV_MIDT, IPS, LKT), SYDDANMARK),
    ),
    en(
        "Anything new in Midtklyngen since December?",
        Changes(date(2023, 12, 1), NEW_IN_MIDTKLYNGEN_2024, (IV_SYD, ASTMA), MIDTKLYNGEN),
    ),
    # ------------------------------------------------------------- who, budget
    da("Hvem er parterne i rygestop-aftalen?", Who(RYGESTOP)),
    da("hvem står bag Psykiatriens Hus", Who(PSYKIATRIENS_HUS)),
    da("hvem deltager i TUCV", Who(TUCV)),
    da("hvem er med i astma-rehabilitering på tværs", Who(ASTMA)),
    da(
        "hvem er med i udviklingsplanen for regionshospitalet silkeborg",
        Who(UDVIKLINGSPLAN_SILKEBORG),
    ),
    da("hvilke parter har skrevet under på hensigtserklæringen om rygestop", Who(RYGESTOP_HENSIGT)),
    da("hvem er med i stomiaftalen?", Who(STOMI)),
    da("hvem er parter i korrespondancebreve aftalen", Who(KORRESPONDANCE)),
    en("Who is involved in SKARB?", Who(SKARB)),
    en("who are the parties to the korrespondancebreve agreement", Who(KORRESPONDANCE)),
    en("Who is behind the Fælles animationsstrategi?", Who(ANIMATION)),
    en("who signed the overvægt intentionspapir", Who(OVERVAEGT)),
    en("Who's part of Alliancen om den nære psykiatri?", Who(ALLIANCEN)),
    da("Hvad er budgettet for FACT?", Budget(FACT)),
    da("hvor mange penge har FACT fået i 2024", Budget(FACT, 2024)),
    da("budget for Tele KOL?", Budget(TELE_KOL)),
    da("hvad koster Kom trygt hjem", Budget(KTH)),
    da("budget samarbejdsmodel", Budget(SAMARBEJDSMODEL)),
    da("hvad er budgettet for styrket udskrivning", Budget(STYRKET_UDSKRIVNING)),
    da("budget til udskrivningsterapeuter i 2024", Budget(STYRKET_UDSKRIVNING, 2024)),
    da("hvor meget koster hospitalsbehandling i eget hjem", Budget(HOSPITAL_HJEMME)),
    da(
        "budget for lettilgængeligt tilbud til børn og unge i psykisk mistrivsel",
        Budget(LETTILGAENGELIGT),
    ),
    en("What's the budget for Tele KOL in 2024?", Budget(TELE_KOL, 2024)),
    en("KTH budget?", Budget(KTH)),
    en("How much money does Samarbejdsmodel have in 2023?", Budget(SAMARBEJDSMODEL, 2023)),
    en("FACT budget 2025", Budget(FACT, 2025)),
    en("How much is budgeted for Lettilgaengeligt tilbud?", Budget(LETTILGAENGELIGT)),
    en(
        "what's the budget for the fast track project Hospitalsbehandling i eget hjem",
        Budget(HOSPITAL_HJEMME),
    ),
    # ------------------------------------------------------------ help, scope
    da("hjælp", Help()),
    da("hvad kan du?", Help()),
    da("hvordan spørger jeg dig om noget", Help()),
    en("help", Help()),
    en("What can you do?", Help()),
    da("vi er Midtklyngen", ScopeSet(MIDTKLYNGEN, None)),
    da("Vi er randersklyngen", ScopeSet(RANDERSKLYNGEN, None)),
    da("vi hører til Region Syddanmark", ScopeSet(None, SYDDANMARK)),
    da("vi er i region midt", ScopeSet(None, MIDTJYLLAND)),
    en("we are Sundhedsklynge Sønderjylland", ScopeSet(SOENDERJYLLAND, None)),
    en("this chat is for Midtklyngen", ScopeSet(MIDTKLYNGEN, None)),
    # ------------------------------------- questions in a chat with a scope
    da("hvordan går det med IV-aftalen?", Status(IV_MIDT), scope=RANDERSKLYNGEN),
    da("status på iv aftalen?", Status(IV_SYD), scope=SOENDERJYLLAND),
    da("IV-aftalen, hvor langt er vi?", Status(IV_MIDT), scope=MIDTKLYNGEN),
    da("hjerneskadeaftalen status", Status(HJERNESKADE_MIDT), scope=MIDTJYLLAND),
    da(
        "hvordan går det med aftalen for voksne med erhvervet hjerneskade",
        Status(HJERNESKADE_SYD),
        scope=SOENDERJYLLAND,
    ),
    da("hjerneskade aftalen – hvad er status?", Status(HJERNESKADE_MIDT), scope=RANDERSKLYNGEN),
    da(
        "hvornår er vores næste møde",
        NextMeeting(TEMAGRUPPE_2024_03_13, MIDTKLYNGEN),
        scope=MIDTKLYNGEN,
    ),
    da("status på Kom trygt hjem, tak", Status(KTH), scope=MIDTKLYNGEN),
    da(
        "hvad besluttede vi om LKT hoftebrud",
        Decisions(FSN_2024_03_04, ("8",)),
        scope=SOENDERJYLLAND,
    ),
    en("What's the status of the IV agreement?", Status(IV_SYD), scope=SYDDANMARK),
    en("Who is part of the IV agreement?", Who(IV_MIDT), scope=RANDERSKLYNGEN),
    en("next meeting?", NextMeeting(FSN_2024_03_04, SOENDERJYLLAND), scope=SOENDERJYLLAND),
    # --------------------------------------------- ambiguous: "did you mean"
    da("Hvad er status på IV-aftalen?", Clarify(IV_BOTH)),
    da("status iv aftalen", Clarify(IV_BOTH)),
    da("IV-behandling i nærområdet status", Clarify(IV_BOTH)),
    da("hvem er med i IV aftalen", Clarify(IV_BOTH)),
    da("hvordan går det med hjerneskadeaftalen?", Clarify(HJERNESKADE_BOTH)),
    da("voksne med erhvervet hjerneskade – status?", Clarify(HJERNESKADE_BOTH)),
    en("What is the status of the IV agreement?", Clarify(IV_BOTH)),
    en("how's the IV-aftale going", Clarify(IV_BOTH)),
    en("status of the erhvervet hjerneskade agreement", Clarify(HJERNESKADE_BOTH)),
    en("Who is part of the hjerneskade agreement?", Clarify(HJERNESKADE_BOTH)),
    # ------------------------------------------------- not in the knowledge base
    da("Hvad er status på hjertestarter-aftalen i Nordjylland?", Unknown()),
    da("hvordan bliver vejret i Aarhus i morgen?", Unknown()),
    da("Hvem vandt Superligaen sidste år?", Unknown()),
    da("har du en god opskrift på frikadeller", Unknown()),
    da("Hvad er budgettet for Region Hovedstaden?", Unknown()),
    da("hvornår er næste møde i Sundhedsklynge Bornholm?", Unknown()),
    da("status på tandplejeaftalen", Unknown()),
    da("Hvad er status på aftalen om hjemmedialyse?", Unknown()),
    da("hvornår mødes Klyngestyregruppen Nordklyngen", Unknown()),
    da("Hvad koster en ny iPhone?", Unknown()),
    da("kan du booke et mødelokale til mig på fredag", Unknown()),
    da("Hvad er status på aftalen om høreapparater i Region Sjælland?", Unknown()),
    da("hvem er sundhedsminister", Unknown()),
    da("hvornår har apoteket åbent?", Unknown()),
    da("status på letbanen i Odense", Unknown()),
    da("Hvad besluttede Folketinget om sundhedsreformen?", Unknown()),
    da("hvad er status på patienttransport aftalen", Unknown()),
    da("hvor mange sygeplejersker er der i Danmark", Unknown()),
    en("What's the weather like in Copenhagen today?", Unknown()),
    en("Who won the Champions League final?", Unknown()),
    en("Give me a recipe for banana bread", Unknown()),
    en("What is the status of the heart defibrillator agreement in North Jutland?", Unknown()),
    en("When is the next meeting of the Regional Dental Board?", Unknown()),
    en("What's the budget of Region Hovedstaden?", Unknown()),
    en("Translate 'good morning' into German", Unknown()),
    en("status of the dialysis agreement in Region Sjælland", Unknown()),
    en("How do I reset my Teams password?", Unknown()),
    en("tell me a joke", Unknown()),
    en("what's the capital of Australia", Unknown()),
]
