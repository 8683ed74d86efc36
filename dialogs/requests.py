"""How a message asks: as a request ("kan du ...", "jeg vil gerne ...", "I'd like to ...")
or as a question ("hvad er status på X?", "er X i drift?").

A command may be wrapped in a request frame, and a request may end in a question mark
("kan jeg få møderne i min kalender?"): it is still a command. A question about a thing
is not: its command readings score lower (`dialogs.update_request`,
`dialogs.subscription_commands`), and the question's reading higher (`dialogs.ask`).
"""

from __future__ import annotations

from collections.abc import Sequence

from dialogs.phrases import Match, Word, find, keys, phrases

FRAMES = phrases(
    *("kan du", "kunne du", "vil du", "ville du", "gider du", "kan du ikke", "vil du ikke"),
    *("kan jeg få", "kan jeg", "kunne jeg få", "må jeg få", "må jeg", "kan vi få", "kan vi"),
    *("jeg vil gerne", "jeg vil godt", "jeg vil", "jeg skal", "jeg ønsker at", "jeg ønsker"),
    *("jeg vil gerne have", "jeg vil have", "vi vil gerne", "vi skal", "jeg har brug for"),
    *("can you", "could you", "would you", "will you", "can i get", "can i have", "can i"),
    *("could i get", "could i", "may i", "can we", "i would like to", "i d like to", "i want"),
    *("i want to", "i need to", "i d like", "i would like", "we would like to", "we want to"),
    *("we need to", "please", "pls", "hej", "hi", "hello", "hey", "venligst", "klyngebot"),
    *("giv mig", "give me", "lad mig", "let me", "gerne", "lige", "just"),
)
_FRAME_REPEATS = 3  # "hej klyngebot, kan du ...": frames in a row at the start
QUESTION_WORDS = keys(
    *("hvad", "hvornår", "hvornar", "hvem", "hvilke", "hvilken", "hvilket", "hvor", "hvordan"),
    *("hvorfor", "hvorhenne", "what", "whats", "when", "who", "which", "where", "how", "why"),
    "whose",
)
# Before a question word, these still make a question: "siden hvornår", "og hvem".
LEADS = keys("siden", "since", "og", "and", "men", "but", "så", "so", "fra", "from", "til", "until")
AUXILIARIES = keys(
    *("er", "har", "bliver", "blev", "var", "findes", "kommer", "skal", "sker", "is", "are"),
    *("was", "were", "has", "have", "does", "do", "did", "will", "should", "gør"),
)


def request_frame(said: Sequence[Word]) -> Match | None:
    """The request words the message starts with ("hej, kan du lige ..."), as one match."""
    last = 0
    for _ in range(_FRAME_REPEATS):
        matches = find(said[last:], FRAMES, typos=False)
        if not matches or matches[0].first != 0:
            break
        last += matches[0].last
    return Match(0, last, ()) if last else None


def is_question(said: Sequence[Word]) -> bool:
    """A question about something: a question word first (after a greeting), or a verb
    first ("er X i drift?"); a request ("kan du ...?") is not one."""
    frame = request_frame(said)
    rest = said[frame.last :] if frame else said
    if not rest:
        return False
    if rest[0].key in QUESTION_WORDS:
        return True
    if rest[0].key in LEADS and len(rest) > 1 and rest[1].key in QUESTION_WORDS:
        return True  # "siden hvornår ...", "and who ..."
    return frame is None and rest[0].key in AUXILIARIES
