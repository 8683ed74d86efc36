"""Markdown-like minutes ("## REFERAT ...", "### **1. Title**", plan, budget table)."""

from __future__ import annotations

from datetime import date, time

import pytest

from knowledge.core.errors import DocumentInvalid
from knowledge.core.periods import Period
from knowledge.documents.records import (
    AgendaItem,
    BudgetLine,
    ItemRecord,
    MeetingRecord,
    ParsedDocument,
    Source,
    StatusRecord,
)
from knowledge.documents.shapes.minutes_markdown import PARSER

MIDT = "Region Midtjylland"
HORSENS = "Horsensklyngen"
KSG = "Klyngestyregruppen Horsensklyngen"
TITLE = f"Referat: {KSG}, 9. maj 2025"
MEETING_DAY = Period.day(date(2025, 5, 9))
DOCUMENT_DAY = Period.day(date(2025, 5, 14))
BUDGETS = "Budgetopfølgning på klyngens projekter"
AGREEMENT = "Status på Samarbejdsaftale om sårbehandling"

MINUTES = """\


14. maj 2025

## REFERAT KLYNGESTYREGRUPPEMØDE HORSENSKLYNGEN

Tidspunkt: Den 9. maj kl. 10:00 – 12.00|br|
Form: Fysisk møde|br|
Mødelokale 3|br|
Horsens Rådhus, Torvet 1, 8700 Horsens

Mødeleder: Ole Olsen, direktør

## REFERAT

### **1. Godkendelse af dagsorden (kl. 10:00-10:05)**

#### **Referat**

Dagsordenen blev godkendt.

## 2. Mødeplan (kl. 10:05-10:20)

### Beskrivelse af sagen

I 2025 holdes klyngestyregruppemøder og møder i den politiske sundhedsklynge således:

- Fredag den 9. maj, lokale 3 Horsens Rådhus
- *Politiske sundhedsklynge torsdag den 12. juni 2025*
- Fredag den 5. september 2025, Regionshospitalet Horsens

### Beslutning

- Mødeplanen blev godkendt.
- Sundhedsstyregruppen holder møde den 2. april 2025, hvor planen blev drøftet.

## 3. Skriftlige orienteringspunkter

#### 1. Budgetopfølgning på klyngens projekter

Tabel 1 viser budgetterne for de 2 projekter, beløb i 1.000,-

\tI alt\t2025\t2026
<b>Hjemmetræning</b>\t<b>1.100</b>\t500\t600
<b>Fælles vagtplan</b>\t<b>300</b>\t300\t
<b>Total</b>\t<b>1.400</b>\t800\t600

### **2. Status på Samarbejdsaftale om sårbehandling**

Aftalen er trådt i kraft den 1. marts 2025.

## Bilag

- Aftaletekst, der er igangsat en revision af
""".replace("|br|", "  ")  # markdown line breaks, as PDF extraction leaves them


def _line_of(start: str) -> int:
    return next(n for n, line in enumerate(MINUTES.splitlines(), 1) if line.startswith(start))


@pytest.fixture(scope="module")
def parsed() -> ParsedDocument:
    return PARSER.parse("horsens.md", MINUTES)


def test_detects_its_own_shape_only() -> None:
    assert PARSER.detect(MINUTES)
    assert not PARSER.detect("Møde (Referat)\n1. Deltagere\nDet indstilles,\nBeslutning\n")


def test_the_document_is_dated_by_its_first_line(parsed: ParsedDocument) -> None:
    assert ("minutes_markdown", TITLE, DOCUMENT_DAY) == (
        parsed.shape,
        parsed.title,
        parsed.document_date,
    )


def test_the_meeting_of_the_minutes_with_its_agenda(parsed: ParsedDocument) -> None:
    decision = (
        "Mødeplanen blev godkendt. Sundhedsstyregruppen holder møde den 2. april 2025, "
        "hvor planen blev drøftet."
    )
    expected = MeetingRecord(
        body=KSG,
        when=MEETING_DAY,
        state="held",
        source=Source("horsens.md", TITLE),
        line=_line_of("Tidspunkt"),
        region=MIDT,
        cluster=HORSENS,
        start_time=time(10, 0),
        end_time=time(12, 0),
        place="Mødelokale 3, Horsens Rådhus, Torvet 1, 8700 Horsens",
        agenda=(
            AgendaItem("1", "Godkendelse af dagsorden", "Dagsordenen blev godkendt."),
            AgendaItem("2", "Mødeplan", decision),
            AgendaItem("3", "Skriftlige orienteringspunkter", None),
        ),
    )
    assert expected == parsed.meetings[0]


def test_the_meeting_plan_then_the_mentions(parsed: ParsedDocument) -> None:
    brief = [
        (m.body, m.when, m.state, m.place, m.line, m.source.heading, m.cluster)
        for m in parsed.meetings[1:]
    ]
    assert [
        ("Politisk klynge Horsensklyngen", Period.day(date(2025, 6, 12)), "planned", None,
         _line_of("- *Politiske"), "Mødeplan", HORSENS),
        (KSG, Period.day(date(2025, 9, 5)), "planned", "Regionshospitalet Horsens",
         _line_of("- Fredag den 5."), "Mødeplan", HORSENS),
        ("Sundhedsstyregruppen", Period.day(date(2025, 4, 2)), "held", None,
         _line_of("- Sundhedsstyregruppen"), "Mødeplan", None),
    ] == brief  # fmt: skip


def test_budget_table_rows_are_initiatives_in_thousands(parsed: ParsedDocument) -> None:
    def project(title: str, budget: tuple[BudgetLine, ...]) -> ItemRecord:
        return ItemRecord(
            type="initiative",
            kind="projekt",
            title=title,
            source=Source("horsens.md", BUDGETS),
            line=_line_of(f"<b>{title}"),
            region=MIDT,
            cluster=HORSENS,
            budget=budget,
        )

    assert (
        project(
            "Hjemmetræning",
            (BudgetLine(500_000, 2025), BudgetLine(600_000, 2026), BudgetLine(1_100_000)),
        ),
        project("Fælles vagtplan", (BudgetLine(300_000, 2025), BudgetLine(300_000))),
    ) == parsed.items[:2]


def test_an_orientation_without_its_attachments(parsed: ParsedDocument) -> None:
    expected = ItemRecord(
        type="agreement",
        kind="samarbejdsaftale",
        title="Samarbejdsaftale om sårbehandling",
        source=Source("horsens.md", AGREEMENT),
        line=_line_of("### **2."),
        region=MIDT,
        cluster=HORSENS,
        aliases=(AGREEMENT,),
        statuses=(
            StatusRecord(
                "implemented",
                "Aftalen er trådt i kraft den 1. marts 2025.",
                Period.day(date(2025, 3, 1)),
                Source("horsens.md", AGREEMENT),
                TITLE,
            ),
        ),
    )
    assert (expected,) == parsed.items[2:]


def test_minutes_without_a_time_line_are_refused() -> None:
    text = MINUTES.replace("Tidspunkt:", "Hvornår:")
    with pytest.raises(DocumentInvalid) as refused:
        PARSER.parse("horsens.md", text)
    assert _line_of("## REFERAT KLYNGE") == refused.value.line


def test_minutes_without_a_document_date_are_refused() -> None:
    with pytest.raises(DocumentInvalid) as refused:
        PARSER.parse("horsens.md", MINUTES.replace("14. maj 2025", "Referat"))
    assert _line_of("14. maj") == refused.value.line
