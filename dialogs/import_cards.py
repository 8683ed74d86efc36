"""What the bot says about a document sent in chat: the summary card of a dry run with its
"Importér" and "Annuller" buttons, what became of it, and why a file was refused.

The buttons are Action.Submit buttons whose data is only {"action": "import", "choice":
"confirm" | "cancel", "token": ...}: the token names the pending import kept on the server
(`knowledge.documents.uploads`); nothing else a card sends back is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dialogs.elements import (
    Content,
    Element,
    card,
    facts,
    heading,
    plain_text,
    submit,
    subtle,
    text,
)
from dialogs.message import Message
from knowledge.core.chat import Lang
from knowledge.core.errors import (
    DocumentError,
    EmptyDocument,
    EncryptedDocument,
    NoTextLayer,
    UnreadableFile,
    UnsupportedFormat,
)
from knowledge.documents.uploads import Count, ImportSummary, UploadOutcome, UploadPreview

ACTION = "import"
CHOICES = ("confirm", "cancel")
TOKEN_MAX = 64
WARNINGS_SHOWN = 3

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("Import af {file}", "Import of {file}"),
    "would": ("Sådan ville importen ændre videnbasen:", "What the import would change:"),
    "nothing_new": (
        "Intet nyt: alt, hvad jeg kan læse i filen, er allerede i videnbasen.",
        "Nothing new: everything I can read in the file is already in the knowledge base.",
    ),
    "items": ("Aftaler og initiativer", "Agreements and initiatives"),
    "statuses": ("Statusser", "Statuses"),
    "meetings": ("Møder", "Meetings"),
    "bodies": ("Udvalg og grupper", "Committees and groups"),
    "sections": ("Afsnit", "Sections"),
    "sections_counted": ("{n}, heraf {text_only} kun som tekst", "{n}, {text_only} as text only"),
    "new": ("{n} nye", "{n} new"),
    "new_one": ("1 ny", "1 new"),
    "changed": ("{n} ændrede", "{n} changed"),
    "changed_one": ("1 ændret", "1 changed"),
    "confirm": ("Importér", "Import"),
    "cancel": ("Annuller", "Cancel"),
    "press": (
        "Tryk Importér for at gemme det, eller Annuller.",
        "Press Import to save it, or Cancel.",
    ),
    "imported": ("Importeret: {file}.", "Imported: {file}."),
    "imported_before": ("{file} er allerede importeret.", "{file} was imported already."),
    "cancelled": (
        "Annulleret: {file} blev ikke importeret.",
        "Cancelled: {file} was not imported.",
    ),
    "cancelled_before": (
        "Importen af {file} var allerede annulleret.",
        "The import of {file} was cancelled already.",
    ),
    "expired": (
        "Importen af {file} er udløbet. Send filen igen, så viser jeg den på ny.",
        "The import of {file} has expired. Send the file again and I will show it anew.",
    ),
    "unknown": (
        "Den import kender jeg ikke (længere). Send filen igen.",
        "I do not know that import (any more). Send the file again.",
    ),
    "not_personal": (
        "Send dokumentet til mig i en personlig chat, så viser jeg, hvad en import vil "
        "ændre. Her læser jeg ikke filer.",
        "Send the document to me in a personal chat and I will show what importing it "
        "would change. I do not read files here.",
    ),
    "not_editor": (
        "Kun redaktører kan importere dokumenter. Spørg en administrator, hvis du skal "
        "være redaktør.",
        "Only editors can import documents. Ask an administrator if you should be one.",
    ),
    "one_at_a_time": (
        "Send ét dokument ad gangen, så viser jeg, hvad hvert af dem vil ændre.",
        "Send one document at a time and I will show what each would change.",
    ),
    "host": (
        "Jeg henter kun filer fra Teams og SharePoint, og {file} ligger et andet sted "
        "({detail}). Vedhæft selve filen i chatten.",
        "I only fetch files from Teams and SharePoint, and {file} is elsewhere ({detail}). "
        "Attach the file itself in the chat.",
    ),
    "too_large": (
        "{file} er for stor til at importere i chatten (højst {detail}). Del den op, eller "
        "bed en administrator importere den.",
        "{file} is too large to import in chat (at most {detail}). Split it, or ask an "
        "administrator to import it.",
    ),
    "timeout": (
        "Det tog for lang tid at hente {file} (over {detail} sekunder). Prøv igen om lidt.",
        "Fetching {file} took too long (over {detail} seconds). Try again in a while.",
    ),
    "failed": (
        "Jeg kunne ikke hente {file} ({detail}). Prøv at sende den igen.",
        "I could not fetch {file} ({detail}). Try sending it again.",
    ),
    "unreachable": (
        "Jeg kunne ikke få forbindelse for at hente {file}. Prøv at sende den igen.",
        "I could not connect to fetch {file}. Try sending it again.",
    ),
    "page": (
        "Teams sendte mig en side om {file} i stedet for selve filen. Send filen igen fra "
        "Teams på en computer.",
        "Teams sent me a page about {file} instead of the file itself. Send it again from "
        "Teams on a computer.",
    ),
    "encrypted": (
        "{file} er beskyttet med en adgangskode. Send den uden adgangskode.",
        "{file} is protected by a password. Send it without the password.",
    ),
    "scanned": (
        "{file} er en scannet PDF uden tekst. Gem den med tekstgenkendelse (OCR), eller "
        "send teksten.",
        "{file} is a scanned PDF without text. Save it with text recognition (OCR), or "
        "send the text.",
    ),
    "empty": ("{file} er tom: der er ingen tekst i den.", "{file} is empty: it has no text."),
    "unsupported": (
        "{file} er ikke et dokument, jeg kan læse. Gem det som Word (.docx), PDF eller "
        "tekst, og send det igen.",
        "{file} is not a document I can read. Save it as Word (.docx), PDF or text and send "
        "it again.",
    ),
    "unreadable": ("Jeg kan ikke læse {file}.", "I cannot read {file}."),
    "unparsed": (
        "Jeg kan læse {file}, men den har ikke en form, jeg kan importere: intet er gemt.",
        "I can read {file}, but it is not in a form I can import: nothing was saved.",
    ),
    "reason": ("Læseren siger: {reason}", "The reader says: {reason}"),
}


def word(key: str, lang: Lang, **values: object) -> str:
    danish, english = _WORDS[key]
    return (english if lang == "en" else danish).format(**values)


@dataclass(frozen=True)
class ImportChoice:
    """A summary card's button: confirm or cancel the pending import `token` names."""

    confirm: bool
    token: str


def import_choice(value: Any) -> ImportChoice | None:
    """The button's data, checked: None for anything that is not one of ours."""
    if not isinstance(value, dict) or value.get("action") != ACTION:
        return None
    choice, token = value.get("choice"), value.get("token")
    if choice not in CHOICES or not isinstance(token, str) or not 0 < len(token) <= TOKEN_MAX:
        return None
    return ImportChoice(choice == "confirm", token)


def preview_message(preview: UploadPreview, lang: Lang, cards: bool) -> Message:
    """The dry run's summary, with the buttons that confirm or cancel it."""
    summary = preview.summary
    body: list[Element] = [heading(word("title", lang, file=summary.file))]
    if summary.nothing_new:
        body.append(text(word("nothing_new", lang)))
    else:
        body += [text(word("would", lang)), facts(_facts(summary, lang))]
    body += [subtle(warning) for warning in preview.warnings[:WARNINGS_SHOWN]]
    body.append(subtle(word("press", lang)))
    actions = [_button("confirm", preview.token, lang), _button("cancel", preview.token, lang)]
    content = Content(body, actions)
    plain = plain_text(content)
    return Message(plain, card(content, lang, plain) if cards else None)


def _button(choice: str, token: str, lang: Lang) -> Element:
    return submit(word(choice, lang), {"action": ACTION, "choice": choice, "token": token})


def _facts(summary: ImportSummary, lang: Lang) -> list[tuple[str, str]]:
    rows = [
        ("items", _count(summary.items, lang)),
        ("statuses", _counted("new", summary.statuses, lang)),
        ("meetings", _count(summary.meetings, lang)),
        ("bodies", _count(summary.bodies, lang)),
        ("sections", _sections(summary, lang)),
    ]
    return [(word(key, lang), value) for key, value in rows if value]


def _sections(summary: ImportSummary, lang: Lang) -> str:
    if not summary.text_only:
        return str(summary.sections or "")
    return word("sections_counted", lang, n=summary.sections, text_only=summary.text_only)


def _count(count: Count, lang: Lang) -> str:
    parts = (_counted("new", count.added, lang), _counted("changed", count.changed, lang))
    return ", ".join(part for part in parts if part)


def _counted(key: str, n: int, lang: Lang) -> str:
    """ "3 nye", "1 ny", "" for none."""
    if not n:
        return ""
    return word(f"{key}_one", lang) if n == 1 else word(key, lang, n=n)


def outcome_message(outcome: UploadOutcome, lang: Lang) -> Message:
    """What a pressed button did: imported (now or before), cancelled, expired, unknown."""
    file = outcome.file or ""
    if outcome.state == "imported":
        lead = word("imported_before" if outcome.repeat else "imported", lang, file=file)
        summary = outcome.summary
        done = "" if summary is None else "\n".join(f"{t}: {v}" for t, v in _facts(summary, lang))
        return Message("\n".join(part for part in (lead, done) if part))
    if outcome.state == "cancelled":
        return Message(word("cancelled_before" if outcome.repeat else "cancelled", lang, file=file))
    return Message(word(outcome.state, lang, file=file))


def refused(key: str, lang: Lang, file: str, detail: str = "") -> Message:
    """A download refused (`dialogs.imports.Refusal` names the reasons)."""
    return Message(word(key, lang, file=file, detail=detail))


def unreadable(error: DocumentError, lang: Lang, file: str) -> Message:
    """A file the reader refused, said in the user's language, with the reader's reason."""
    key = _READER_KEYS.get(type(error))
    if key is None:
        key = "unreadable" if isinstance(error, UnreadableFile) else "unparsed"
    where = f" (linje {error.line})" if error.line and lang == "da" else ""
    where = f" (line {error.line})" if error.line and lang == "en" else where
    reason = word("reason", lang, reason=error.reason + where)
    return Message(f"{word(key, lang, file=file)}\n{reason}")


_READER_KEYS: dict[type[DocumentError], str] = {
    EncryptedDocument: "encrypted",
    NoTextLayer: "scanned",
    EmptyDocument: "empty",
    UnsupportedFormat: "unsupported",
}
