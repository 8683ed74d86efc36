"""Questions we wrote about the seeds, each with the section that answers it.

The questions are our own words; a section is named by its document (the seed's number)
and words of its heading as our splitter (`sections`) gives it: a hit is right when its
document matches and one of `headings` is in its heading path (folded). Several
headings are listed where the splitter places the same fact under a neighbour's heading,
or where two documents hold the fact.

`ABSENT` asks about things the seeds do not hold, in their vocabulary; `PARAPHRASED`
asks about facts they hold in other words, with a word or two they never use. They
calibrate the confidence threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.text.kinds import FactKind


@dataclass(frozen=True)
class Labelled:
    question: str
    document: str  # "000" ... "004"
    headings: tuple[str, ...]
    kind: FactKind = "any"
    lang: str = "da"


def _q(
    question: str, document: str, *headings: str, kind: FactKind = "any", lang: str = "da"
) -> Labelled:
    return Labelled(question, document, headings, kind, lang)


LABELLED: tuple[Labelled, ...] = (
    # 000: the final status of the regional health agreement
    _q("hvornår blev rygestop-aftalen implementeret", "000", "aftale om rygestop", kind="date"),
    _q("partnerskab om tobaksfri ungdomsuddannelser status", "000", "tobaksfrie", kind="status"),
    _q("hvad går intentionspapiret om overvægt ud på", "000", "overvaegt", kind="definition"),
    _q("status sundhedsvisitation somatiske patienter", "000", "sundhedsvisitation", kind="status"),
    _q(
        "hvornår satte sundhedsstyregruppen en ny handleplan for akutområdet i gang",
        "000",
        "handleplan pa akutomradet",
        kind="date",
    ),
    _q(
        "hvornår blev aftalen om opfølgende hjemmebesøg indgået",
        "000",
        "opfolgende hjemm",
        kind="date",
    ),
    _q("hvem har nedsat alliancen for nær psykiatri", "000", "naere psykiatri", kind="person"),
    _q(
        "formålet med rammeaftalen om udgående ambulante teams",
        "000",
        "udgaende ambulante",
        kind="definition",
    ),
    _q("hvordan står det til med stomi samarbejdsaftalen", "000", "aftale om stomi", kind="status"),
    _q(
        "hvilken gammel aftale erstatter kræftrehabiliterings aftalen",
        "000",
        "kraeftrehabilitering",
    ),
    _q(
        "IV behandling hjemme eller på sundhedscenter i midtjylland",
        "000",
        "iv-behandling",
        "iv behandling",
    ),
    _q("hvor blev medicinposen udviklet", "000", "medicinposen", kind="place"),
    _q("palliationsaftalen status", "000", "palliative indsatser", kind="status"),
    _q("fælles udbud af sundhedsprodukter gevinsthåndtering", "000", "gevinsthandtering"),
    _q("mål for influenza vaccination af ældre borgere", "000", "vaccinationskampagne"),
    _q("samarbejde mellem præhospitalet og akutfunktionerne", "000", "praehospitalet"),
    _q("svangreomsorg fødeplan implementeringsnetværk", "000", "implementeringsnetvaerk"),
    # 001: minutes of the Randers cluster steering group, September 2023
    _q("hvem var mødeleder i randersklyngens styregruppe", "001", "modedeltagere", kind="person"),
    _q("hvornår holdes udviklingsdagen i randersklyngen", "001", "udviklingsdag", kind="date"),
    _q("lokalt samarbejdsråd for børn og unge nedlægges", "001", "lokale samarbejdsrad"),
    _q(
        "hvordan deles klyngemidlerne mellem hospital og kommuner i randers",
        "001",
        "anvendelse af klyngemidler",
        kind="amount",
    ),
    _q("samarbejdsmøde om statusattester", "001", "statusatester"),
    _q("organisatorisk sundhedskompetence opfølgning", "001", "sundhedskompetence"),
    _q("erfaringer med videokonferencer i randersklyngen", "001", "videokonferencer"),
    _q(
        "hvornår mødes den politiske klyngegruppe næste gang",
        "001",
        "politisk klyngegruppe",
        kind="date",
    ),
    _q("hvornår blev amningsaftalen godkendt", "001", "amning", kind="date"),
    _q("ortoser til børn med cerebral parese", "001", "skinner"),
    _q("e-læringsmateriale om stomipleje", "001", "e-laering om stomi"),
    # 002: selected initiatives in Midtklyngen, November 2022
    _q(
        "hvornår afsluttes forskningsprojektet om hospitalsbehandling i eget hjem",
        "002",
        "hospitalsbehandling i eget hjem",
        kind="date",
    ),
    _q("FACT model for de mest udsatte psykisk syge", "002", "mest udsatte"),
    _q("SKARB sundhedshus skive", "002", "skarb"),
    _q("hvor mange uger varer astma rehabiliteringsforløbet", "002", "astma"),
    _q("animerede videoer strategi viborg", "002", "animationsstrategi"),
    _q("hvad er TUCV", "002", "velfaerdsteknologi", kind="definition"),
    _q("psykiatriens hus i silkeborg", "002", "psykiatriens hus"),
    # 003: minutes of Sundhedsklynge Sønderjylland, professional-strategic level, March 2024
    _q(
        "hvem er ny regional medformand i IPG forebyggelse og børn og unge",
        "003",
        "punkt 2",
        kind="person",
    ),
    _q("hvornår godkendte SSS implementeringsplanen", "003", "punkt 3", kind="date"),
    _q("hvor mange klyngemidler fik sundhedsklynge sønderjylland", "003", "punkt 5", kind="amount"),
    _q("hvor meget koster kom trygt hjem projektet", "003", "punkt 5", "kom try", kind="amount"),
    _q("beslutning om LKT hoftebrudsforløb i sønderjylland", "003", "punkt 8", kind="decision"),
    _q("hvornår er det politiske møde i sønderjylland", "003", "punkt 9", kind="date"),
    _q("rundvisning på sundhedscenteret i haderslev", "003", "haderslev"),
    _q("social sygeplejeklinik i aabenraa ulighed", "003", "ulighed i sundhed"),
    _q("hvad er TIK", "003", "tik", kind="definition"),
    _q("hvornår løber ledelsesprogrammets hold 3", "003", "punkt 6", kind="date"),
    _q("status på kom trygt hjem", "003", "kom try", kind="status"),
    _q("kortlægning af benamputationer", "003", "benamputation"),
    _q("forløbsprogram for lænderygbesvær", "003", "laenderygbesvaer"),
    # 004: minutes of the Midtklyngen cluster steering group, February 2024
    _q(
        "hvem ledte klyngestyregruppemødet i midtklyngen",
        "004",
        "referat klyngestyregruppemode midtklyngen",
        kind="person",
    ),
    _q(
        "hvor mødtes midtklyngens klyngestyregruppe i februar",
        "004",
        "referat klyngestyregruppemode midtklyngen",
        kind="place",
    ),
    _q("budget for tele kol", "004", "tele kol", kind="amount"),
    _q(
        "hvor mange sundhedsklyngemidler har midtklyngen fået i alt",
        "004",
        "budgetopfolgning",
        kind="amount",
    ),
    _q(
        "partnerskab med social sundhed hvad blev besluttet",
        "004",
        "social sundhed",
        "projektperiode",
        kind="decision",
    ),
    _q("hvornår trådte lægevagtens natberedskab i kraft", "004", "natberedskab", kind="date"),
    _q(
        "hvornår er næste møde i klyngestyregruppen i midtklyngen",
        "004",
        "kommende klyngestyregruppemoder",
        kind="date",
    ),
    _q("forebyggelse af tvangsindlæggelser", "004", "tvangsindlaeggelse"),
    _q("IPS individuelt planlagt job status", "004", "individuelt planlagt job", kind="status"),
    _q("genoptræningsplaner i viborg", "004", "genoptraening"),
    # English
    _q("when was the breastfeeding agreement approved", "001", "amning", kind="date", lang="en"),
    _q(
        "who chaired the Midtklyngen steering group meeting",
        "004",
        "referat klyngestyregruppemode midtklyngen",
        kind="person",
        lang="en",
    ),
    _q("status of the stoma agreement", "000", "aftale om stomi", kind="status", lang="en"),
    _q("smoking cessation agreement", "000", "aftale om rygestop", lang="en"),
    _q("hip fracture LKT decision", "003", "punkt 8", kind="decision", lang="en"),
)

ABSENT: tuple[str, ...] = (
    "hvornår starter hundeterapi på plejehjem",
    "hvem er formand for tandplejeudvalget",
    "budget for den nye helikopterbase",
    "status på aftalen om fodterapi til diabetikere",
    "hvornår åbner det nye hospice i Skanderborg",
    "hvad koster parkering ved hospitalet",
    "aftale om kiropraktik i Region Nordjylland",
    "hvem er kontaktperson for høreapparater",
    "what is the status of the dental care agreement",
    "who leads the ambulance helicopter project",
    "samarbejdsaftale om hjemløse med misbrug",
    "hvornår blev aftalen om fysioterapi på skoler godkendt",
)

PARAPHRASED: tuple[tuple[str, str, str], ...] = (
    # (question, document, heading words): facts the seeds hold, with words they do not use
    ("hvornår fik de godkendt den vigtige amningsaftale", "001", "amning"),
    ("fortæl lidt om status for det famøse rygestop samarbejde", "000", "rygestop"),
    ("hvor meget penge har sønderjylland haft til rådighed i klyngemidler", "003", "punkt 5"),
    ("hvem blev udpeget som ny medformand i IPG forebyggelse", "003", "punkt 2"),
    ("hvornår træder den nye natordning for lægevagten i kraft", "004", "natberedskab"),
    ("hvad gik astma rehabiliteringen i skive egentlig ud på", "002", "astma"),
)
