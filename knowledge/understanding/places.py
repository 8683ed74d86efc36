"""Danish places by name: regions, municipalities, islands and the country, as skeletons.

A question that names a place the knowledge base has no record of ("status on the
dialysis agreement in Region Sjælland", "møder på Bornholm") is about something the
knowledge base lacks; such a word must weigh against a match like any other name
(`vocabulary.telling_unseen`), not be passed over as one more unfamiliar word. Places the
knowledge base does know are simply known terms of its index.
"""

from __future__ import annotations

from knowledge.core.names import fold
from knowledge.understanding.normalise import skeleton

_NAMES = """
danmark denmark nordjylland midtjylland syddanmark sjaelland sjælland hovedstaden
sydjylland sønderjylland vestjylland østjylland nordsjælland fyn bornholm lolland
falster møn als samsø ærø langeland læsø fanø mors jylland jutland zealand funen
københavn copenhagen frederiksberg aarhus århus odense aalborg ålborg esbjerg randers
kolding horsens vejle roskilde herning silkeborg næstved fredericia viborg køge
holstebro taastrup slagelse hillerød sønderborg svendborg hjørring holbæk frederikshavn
haderslev skive ringsted nyborg nakskov ikast grenaa grenå thisted hedensted
middelfart varde skanderborg rødovre ballerup gentofte gladsaxe lyngby hvidovre
albertslund glostrup brøndby ishøj vallensbæk tårnby dragør allerød furesø egedal
fredensborg frederikssund gribskov halsnæs helsingør hørsholm rudersdal kalundborg
lejre odsherred sorø stevns faxe vordingborg guldborgsund assens faaborg midtfyn
kerteminde nordfyn aabenraa billund tønder vejen norddjurs syddjurs favrskov hedensted
lemvig odder ringkøbing skjern struer brønderslev jammerbugt mariagerfjord rebild
vesthimmerland morsø greve solrød norway norge sverige sweden germany tyskland
europa europe
"""

PLACES = frozenset(skeleton(fold(name)) for name in _NAMES.split())
