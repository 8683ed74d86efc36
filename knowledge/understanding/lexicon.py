"""A Danish-English lexicon of the health-collaboration domain, word and phrase level.

The knowledge base is Danish; people also ask in English ("the breastfeeding agreement",
"smoking cessation", "the outgoing ambulatory teams framework agreement"). The lexicon
puts English words and phrases in Danish so one index and one set of cues serve both
languages. It is built from the vocabulary of the documents' titles, bodies and statuses
(what a cooperation agreement, an initiative or a meeting is called), plus the question
and frame words every question has.

English is matched as written and, failing that, on its *base forms*: a plural ending
comes off a word before it is looked up again (`english_base`), so "stomas" finds
"stoma"; plurals that matter to the question ("agreements": a list) and verb forms
("approve|approved") are entries of their own. A phrase is a sequence of words
("smoking cessation", "acquired brain injury"); the longest phrase wins. A word that is
a Danish word as well ("plan", "team", "status") maps to itself or is left out, so
Danish passes unchanged.

`_TABLE` is the table: English forms on the left, Danish on the right, one entry a line.
"""

from __future__ import annotations

from functools import lru_cache

from knowledge.core.names import fold

# English (base forms, "|" between synonyms) = Danish. Read by `_table`.
_TABLE = """
what = hvad
whats|what's = hvad er
who|whom|who's|whose = hvem
when = hvornår
which = hvilke
how = hvordan
where = hvor
how much = hvor meget
how many = hvor mange
is|are|be|been = er
was|were = var
we = vi
our|ours = vores
can|could = kan
you = du
this = denne
belong = hører
next = næste
upcoming|coming|forthcoming|future = kommende
last = sidste
latest|most recent|recent = seneste
previous|prior = forrige
meeting = møde
meetings = møder
meet = mødes
meet again = mødes igen
calendar = kalender
schedule|meeting plan|meeting calendar = mødeplan
agenda = dagsorden
agenda item|item on the agenda = dagsordenspunkt
minute|minutes = referat
decide|decided|decision = beslutning
decisions = beslutninger
resolve|resolved|resolution = beslutning
agreed = aftalt
approve|approved|approval = godkendt
adopt|adopted = vedtaget
reject|rejected = afvist
change|changed = ændring
changes = ændringer
new = nyt
update|updated = opdatering
happen|happened = sket
involve|involved = involveret
party|parties|partner = parter
participant|attendee = deltager
responsible = ansvarlig
chair|chairman|chairperson|chairwoman = formand
co-chair|cochair|vice chair|vice-chair = medformand
member = medlem
secretary|secretariat = sekretariat
contact|contact person = kontaktperson
cost = koster
funding|fund|funded = finansiering
money = penge
budget = budget
amount = beløb
much = meget
list = liste
show = vis
all = alle
overview = oversigt
help = hjælp
progress = fremdrift
going = går
agreement = aftale
agreements = aftaler
cooperation agreement|collaboration agreement = samarbejdsaftale
framework agreement|framework = rammeaftale
framework paper = rammepapir
health agreement = sundhedsaftale
declaration of intent|letter of intent = hensigtserklæring
intention paper|position paper = intentionspapir
initiative = initiativ
initiatives = initiativer
effort|intervention = indsats
efforts|interventions = indsatser
project = projekt
projects = projekter
research project = forskningsprojekt
pilot|trial|pilot project = prøvehandling
partnership = partnerskab
alliance = alliance
campaign = kampagne
strategy = strategi
action plan = handleplan
plan = plan
development plan = udviklingsplan
implementation plan = implementeringsplan
programme|program = program
pathway|patient pathway|course = forløb
care pathway programme|disease management programme = forløbsprogram
working group|workgroup|task force = arbejdsgruppe
steering group|steering committee = styregruppe
cluster steering group = klyngestyregruppe
health steering group = sundhedsstyregruppe
strategic health steering group = strategisk sundhedsstyregruppe
health cooperation committee|health collaboration committee = sundhedssamarbejdsudvalg
health coordination committee = sundhedskoordinationsudvalg
regional council = regionsråd
coordination forum = koordineringsforum
theme group|thematic group = temagruppe
professional strategic level|strategic level = fagligt strategisk niveau
political level = politisk niveau
political cluster|political health cluster = politisk klynge
cluster = klynge
clusters = klynger
health cluster = sundhedsklynge
political = politisk
level = niveau
committee = udvalg
council = råd
municipality|municipal = kommune
municipalities = kommuner
region|regional = region
hospital = hospital
general practice|general practitioner|gp|gps|family doctor = almen praksis
doctor|physician = læge
doctor coverage|gp coverage|physician coverage = lægedækning
out of hours doctor|out-of-hours service|on-call doctor = lægevagt
nurse = sygeplejerske
citizen|patient = borger
implemented|implement = implementeret
implementation|implementing = implementering
in operation|operational|live = i drift
in progress|under way|underway = i gang
ongoing|active|running = igangværende
planned|scheduled = planlagt
completed|finished|done = afsluttet
paused|on hold|suspended = sat på pause
discontinued|stopped|closed|dissolved|cancelled|canceled = nedlagt
unknown = ukendt
stoma|ostomy = stomi
smoking cessation|quit smoking|stop smoking|smoking = rygestop
tobacco free|tobacco-free|smoke free|smoke-free = tobaksfri
youth education|upper secondary education = ungdomsuddannelse
brain injury|brain damage = hjerneskade
acquired = erhvervet
acquired brain injury = erhvervet hjerneskade
adult = voksne
child|children|kid = børn
children and young people|children and youth|kids and young people = børn og unge
young people|youth|young|adolescent|teenager = unge
mental health|psychiatric|mental illness|mentally ill = psykisk
mental distress|mental ill-being|poor mental health = psykisk mistrivsel
psychiatry = psykiatri
adult psychiatry = voksenpsykiatri
child psychiatry|child and adolescent psychiatry = børne- og ungepsykiatri
palliative|palliative care = palliative
end of life|end-of-life = livets afslutning
cancer = kræft
cancer rehabilitation = kræftrehabilitering
rehabilitation|rehab = rehabilitering
retraining|physical rehabilitation|physiotherapy = genoptræning
obesity|overweight = overvægt
video consultation = videokonsultation
video conference|video meeting = videokonference
home = hjem
at home|in their own home|own home = eget hjem
hospital treatment at home|hospital at home = hospitalsbehandling i eget hjem
treatment = behandling
iv treatment|intravenous treatment|iv therapy = iv-behandling
local area|near the citizen|close to home = nærområdet
hip fracture|broken hip = hoftebrud
low back pain|lower back pain|back pain = lænderygbesvær
breastfeeding|breast feeding|lactation = amning
nutrition|diet = ernæring
elderly|older people|older citizen|senior = ældre
self harm|self-harm|self injury = selvskade
asthma = astma
copd = kol
home visit|follow-up home visit|follow up home visit = opfølgende hjemmebesøg
acute|emergency|urgent = akut
acute care|emergency care|acute area = akutområdet
acute function|acute team|emergency team = akutfunktion
municipal acute function = kommunale akutfunktioner
prehospital|pre-hospital|ambulance service = præhospitalet
admission = indlæggelse
discharge = udskrivelse
good admission and discharge = gode indlæggelse og udskrivelse
compulsory admission|involuntary admission|forced admission = tvangsindlæggelse
medicine bag|medication bag = medicinposen
medicine|medication = medicin
welfare technology = velfærdsteknologi
vaccination|vaccine|flu vaccination = vaccination
health = sundhed
health visitation|health triage|triage = sundhedsvisitation
health house|health centre|health center = sundhedshus
psychiatry house|house of psychiatry = psykiatriens hus
outgoing|outreach = udgående
ambulatory|outpatient = ambulante
team = team
letter|correspondence letter = korrespondancebrev
prevention|preventive|preventing = forebyggelse
amputation|leg amputation = benamputation
mapping|survey = kortlægning
cerebral palsy = cerebral parese
orthosis|orthoses|orthotic|splint = ortose
job with support|supported employment = job med støtte
employment = beskæftigelse
education = uddannelse
animation|animated film = animation
animation strategy = animationsstrategi
gain sharing|gain-sharing|benefit sharing = gevinsthåndtering
joint tender|joint procurement|tender|procurement = fælles udbud
joint|common|shared = fælles
cross-sector|cross sector|cross-sectoral|across sectors = tværsektoriel
primary care|primary sector = primærsektoren
vulnerable|most vulnerable = udsatte
severely mentally ill = svært psykisk syge
coherent|integrated = sammenhængende
discharge therapist = udskrivningsterapeut
research = forskning
evaluation|evaluate|evaluated = evaluering
leadership programme|leadership program|management programme = ledelsesprogram
training|basic training|course = uddannelse
social nurse|social nursing = socialsygeplejerske
clinic = klinik
night|night service|night-time = nat
night preparedness|night standby = natberedskab
inequality in health|health inequality = ulighed i sundhed
cluster money|cluster funds|cluster funding = klyngemidler
remaining|leftover|remainder = rest
saving|savings|save = besparelse
status certificate|status certificates = statusattester
focus area = fokusområde
treatment responsibility = behandlingsansvar
southern jutland|south jutland|southern jylland = sønderjylland
southern denmark|region of southern denmark|south denmark = syddanmark
central denmark|central jutland|mid jutland|region central = midtjylland
north denmark|north jutland|northern jutland = nordjylland
the south|south|southern = syd
copenhagen area|capital region = hovedstaden
zealand region = sjælland
anything|something = noget
total|in total|altogether|overall = i alt
yearly|annually|per year|a year|each year = årligt
first = første
date|dates|exact date|what date|which date = dato
ask = spørge
question = spørgsmål
citizens = borgere
"""


def english_base(word: str) -> str:
    """An English word without its plural ending (folded): "agreements" -> "agreement"."""
    if len(word) <= 3:
        return word
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + replacement
    return word


_ENDINGS = (
    ("ies", "y"),  # therapies -> therapy
    ("sses", "ss"),
    ("ses", "se"),  # courses -> course
    ("xes", "x"),
    ("ches", "ch"),
    ("ings", "ing"),
    ("ss", "ss"),  # business, progress: not plurals
    ("us", "us"),  # status
    ("is", "is"),  # analysis
    ("s", ""),
)


def _entries() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    found: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for line in _TABLE.strip().splitlines():
        english, _, danish = line.partition("=")
        target = tuple(fold(danish).split())
        found.extend((tuple(fold(form).split()), target) for form in english.split("|"))
    return [(key, target) for key, target in found if key and target]


def _table(based: bool) -> dict[tuple[str, ...], tuple[str, ...]]:
    found: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key, target in _entries():
        found.setdefault(tuple(map(english_base, key)) if based else key, target)
    return found


PHRASES: dict[tuple[str, ...], tuple[str, ...]] = _table(based=False)
BASED: dict[tuple[str, ...], tuple[str, ...]] = _table(based=True)
FIRST_WORDS = frozenset(phrase[0] for phrase in (*PHRASES, *BASED))
LONGEST = max(len(phrase) for phrase in PHRASES)
DANISH_TERMS = frozenset(word for target in PHRASES.values() for word in target)


@lru_cache(maxsize=100_000)
def phrase_at(
    words: tuple[str, ...], bases: tuple[str, ...], index: int
) -> tuple[int, tuple[str, ...] | None]:
    """The longest English phrase starting at `index` (as written, else in base forms)
    and its Danish words; (1, None) when none starts there."""
    for size in range(min(LONGEST, len(words) - index), 0, -1):
        danish = PHRASES.get(words[index : index + size]) or BASED.get(bases[index : index + size])
        if danish is not None:
            return size, danish
    return 1, None
