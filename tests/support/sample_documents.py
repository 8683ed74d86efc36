"""A small status report of our own, in the shape the importer reads, for the chat import
tests: two items of a made-up region, each with a dated status."""

from __future__ import annotations

HEADER = "Kort status på samarbejdsaftaler og igangsatte initiativer"
REGION = "Region Nordkyst"
TITLES = ("Samarbejdsaftale om høreapparater", "Fælles gåklub for nyopererede")
# The agreement the report is about is read as an item of its own (issue 13).
ITEMS = (*TITLES, "Sundhedsaftalen 2024-2027")

STATUS_REPORT = f"""Midtvejsstatus

Sundhedsaftalen 2024-2027

{REGION}, de fire fjordkommuner og PLO-Nordkyst

{HEADER} - Tidlig indsats

{TITLES[0]}

Hvad: Aftalen beskriver, hvordan ældre borgere får hjælp til høreapparater nær hjemmet.

Betydning for borgerne: Kortere ventetid.

Status: Pr. 2. kvartal 2024. Aftalen er i drift i alle fire kommuner.

{HEADER} - Tidlig indsats

{TITLES[1]}

Hvad: Et tilbud om gåture i grupper efter en operation.

Status: Gåklubben startede i efteråret 2024.
"""


def status_report(*, extra: str = "") -> bytes:
    """The report as UTF-8 bytes; `extra` (a sentence) makes it another file."""
    return (STATUS_REPORT + (f"\n{extra}\n" if extra else "")).encode("utf-8")
