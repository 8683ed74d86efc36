"""Which language a question is in: Danish or English, from its words.

Questions are short and full of Danish names ("who is involved in Kom trygt hjem"), so
only words that mark a language count: question and function words, and Danish letters.
A question mixing both picks the majority; for `detect` a tie (or a question of names
only, such as "IV-aftalen" or "status") goes to the user's locale, and without one to
Danish. A message's own language (`of_message`) is Danish when in doubt, whatever the
locale: clients send one locale for every user.
"""

from __future__ import annotations

from knowledge.core.chat import Lang
from knowledge.understanding.normalise import tokens

# Loose forms (æ/ø/å folded and typed as a/o), so "hvornår" and "hvornar" both count.
_DANISH = frozenset(
    {"hvad", "hvem", "hvornar", "hvordan", "hvilke", "hvilken", "hvilket", "hvor", "hvorfor"}
    | {"er", "og", "i", "pa", "det", "den", "der", "de", "med", "om", "til", "af", "fra"}
    | {"siden", "naste", "mode", "moder", "modes", "modet", "blev", "besluttet"}
    | {"besluttede", "beslutninger", "andret", "andringer", "hjalp", "vi", "os", "vores"}
    | {"har", "kan", "du", "jeg", "mig", "skal", "vil", "ikke", "alle", "denne", "dette"}
    | {"maned", "uge", "ar", "parter", "meget", "gar", "sat", "aftale", "aftalen", "aftaler"}
    | {"projekter", "projektet", "initiativer", "klyngen", "horer", "tilhorer", "nyt"}
    | {"budgettet", "hvis", "sa", "eller", "vis", "ogsa", "mellem", "gang", "igang"}
    | {"implementeret", "afsluttet", "nedlagt", "planlagt", "kommende", "hvilket", "mon"}
    | {"sidste", "seneste", "naeste", "nar", "tak", "gerne", "venligst", "fortael"}
    | {"hej", "hejsa", "godmorgen", "goddag", "godaften", "ja", "nej", "jep", "glem", "annuller"}
)
_ENGLISH = frozenset(
    {"the", "of", "what", "whats", "when", "who", "which", "is", "are", "was", "were"}
    | {"next", "meeting", "meetings", "in", "on", "about", "with", "agreement", "agreements"}
    | {"decided", "decision", "decisions", "changed", "changes", "since", "help", "we"}
    | {"this", "chat", "how", "much", "many", "list", "show", "me", "month", "week", "year"}
    | {"involved", "parties", "initiatives", "initiative", "projects", "project", "paused"}
    | {"can", "you", "do", "does", "did", "has", "have", "and", "or", "to", "our", "belong"}
    | {"new", "going", "progress", "cost", "costs", "funding", "money", "there", "any"}
    | {"please", "give", "tell", "happened", "upcoming", "last", "meet", "where"}
    | {"implemented", "completed", "planned", "discontinued", "today", "tomorrow", "it"}
    | {"hi", "hello", "hey", "thanks", "thank", "yes", "no", "morning", "cancel", "never"}
)
_DANISH_LETTERS = frozenset("æøåÆØÅ")


def votes(text: str) -> tuple[int, int]:
    """(Danish, English) marker words in `text`."""
    danish = english = 0
    for token in tokens(text):
        danish += token.word in _DANISH or not _DANISH_LETTERS.isdisjoint(token.raw)
        english += token.word in _ENGLISH
    return danish, english


def from_locale(locale: str | None) -> Lang | None:
    """ "en-US" -> "en", "da-DK" -> "da"; anything else -> None."""
    prefix = (locale or "").strip().lower()[:2]
    if prefix == "en":
        return "en"
    return "da" if prefix == "da" else None


def detect(text: str, hint: str | None = None) -> Lang:
    """The question's language: the majority of marker words, else the locale, else Danish."""
    danish, english = votes(text)
    if danish != english:
        return "da" if danish > english else "en"
    return from_locale(hint) or "da"


def of_message(frame: str, text: str, hint: str | None = None) -> Lang:
    """A message's language, whatever locale the client sends (the Agents Playground
    always sends en-US): the majority of marker words around its subject (`frame`), else
    in all of it, else Danish; the locale only for a message with no words at all."""
    for words in (frame, text):
        danish, english = votes(words)
        if danish != english:
            return "da" if danish > english else "en"
    if not any(token.word for token in tokens(text)):
        return from_locale(hint) or "da"
    return "da"
