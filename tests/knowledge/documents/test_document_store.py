"""Documents kept whole: their text, format and sections stored once per content, newer
versions of a file kept beside the older, passages streamed back with their dates, and
what a dry run counts as kept as text only."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from knowledge.documents.records import ParsedDocument
from knowledge.service import KnowledgeService
from tests.factories import document, item, sectioned, source, status

PLAN = """Indledning om planen.
# Aftaler
Tekst om aftalerne i klyngen.
## Fodpleje
Aftalen om fodpleje blev godkendt i marts.
# Økonomi
Budgettet er uændret.
"""
NEWER_PLAN = PLAN.replace("uændret", "hævet med to procent")


def plan(text: str = PLAN, on: date = date(2023, 6, 1), **fields: Any) -> ParsedDocument:
    span = (text.index("## Fodpleje"), text.index("# Økonomi"))
    where = source("plan.md", "Aftaler", "Fodpleje", span=span)
    entry = status("in_progress", "Aftalen er godkendt.", date(2023, 3, 1), file="plan.md")
    agreement = item("Samarbejdsaftale om fodpleje", file="plan.md", statuses=(entry,))
    record = replace(agreement, source=where)
    return document(
        record, file="plan.md", on=on, sections=sectioned(text), format="markdown", **fields
    )


async def _documents(service: KnowledgeService) -> list[dict[str, Any]]:
    return list((await service.export())["documents"])


async def test_a_document_is_stored_with_its_text_format_and_sections(
    service: KnowledgeService,
) -> None:
    url = "https://example.org/plan"

    await service.apply_parsed([(plan(source_url=url), "sha-plan", PLAN)])

    [stored] = await _documents(service)
    assert (PLAN, "markdown", url, None) == (
        stored["text"],
        stored["format"],
        stored["source_url"],
        stored["superseded_by"],
    )
    assert [[], ["Aftaler"], ["Aftaler", "Fodpleje"], ["Økonomi"]] == [
        s["path"] for s in stored["sections"]
    ]
    fodpleje = stored["sections"][2]
    assert "Aftalen om fodpleje blev godkendt i marts." == fodpleje["text"]
    assert PLAN[fodpleje["start"] : fodpleje["end"]].startswith("## Fodpleje\n")


async def test_the_same_bytes_again_store_nothing_and_say_so(service: KnowledgeService) -> None:
    [first] = await service.apply_parsed([(plan(), "sha-plan", PLAN)])
    before = await service.export()

    [again] = await service.apply_parsed([(plan(), "sha-plan", PLAN)])

    assert (False, True, ()) == (first.known, again.known, again.changes)
    assert before == await service.export()


async def test_a_newer_version_of_a_file_is_kept_beside_the_older(
    service: KnowledgeService,
) -> None:
    older = (plan(), "sha-old", PLAN)
    newer = (plan(NEWER_PLAN, on=date(2024, 1, 10)), "sha-new", NEWER_PLAN)

    await service.apply_parsed([older])
    await service.apply_parsed([newer])

    by_sha = {d["sha256"]: d for d in await _documents(service)}
    assert {"sha-old": "sha-new", "sha-new": None} == {
        sha: d["superseded_by"] for sha, d in by_sha.items()
    }
    assert PLAN == by_sha["sha-old"]["text"], "the older text stays quotable"


async def test_an_older_version_imported_later_does_not_become_current(
    service: KnowledgeService,
) -> None:
    newer = (plan(NEWER_PLAN, on=date(2024, 1, 10)), "sha-new", NEWER_PLAN)
    older = (plan(), "sha-old", PLAN)

    await service.apply_parsed([newer, older])

    by_sha = {d["sha256"]: d["superseded_by"] for d in await _documents(service)}
    assert {"sha-old": "sha-new", "sha-new": None} == by_sha


async def test_passages_stream_every_section_with_its_document(
    service: KnowledgeService,
) -> None:
    await service.apply_parsed([(plan(), "sha-old", PLAN)])
    await service.apply_parsed([(plan(NEWER_PLAN, on=date(2024, 1, 10)), "sha-new", NEWER_PLAN)])

    passages = [p async for p in service.passages()]

    assert 8 == len(passages)
    assert [(date(2023, 6, 1), False)] * 4 + [(date(2024, 1, 10), True)] * 4 == [
        (p.document_date, p.current) for p in passages
    ]
    assert ("plan.md", ("Økonomi",), "Budgettet er hævet med to procent.") == (
        passages[-1].file,
        passages[-1].path,
        passages[-1].text,
    )


async def test_sections_no_record_was_read_from_are_kept_as_text_only(
    service: KnowledgeService,
) -> None:
    [report] = await service.apply_parsed([(plan(), "sha-plan", PLAN)], dry_run=True)

    # The item was read under Aftaler > Fodpleje; the other three sections hold only text.
    assert (4, 3) == (report.sections, report.text_only)
    assert "sections: 4 stored, 3 kept as text only" == report.details()[0]
    assert [] == await _documents(service), "a dry run stores nothing"


async def test_sections_without_the_documents_text_are_stored_too(
    service: KnowledgeService,
) -> None:
    await service.apply_parsed([(plan(), "sha-plan")])

    [stored] = await _documents(service)
    assert (None, 4) == (stored["text"], len(stored["sections"]))


async def test_a_long_heading_is_kept_whole_and_a_long_title_shortened(
    service: KnowledgeService,
) -> None:
    heading = "Overskrift som en hel sætning " * 15  # 450 characters
    entry = status("in_progress", "I gang.", date(2023, 3, 1), file="lang.md", heading=heading)
    long = replace(document(item(statuses=(entry,)), file="lang.md"), title="Titel " * 70)

    [report] = await service.apply_parsed([(long, "sha-lang", "tekst")])

    export = await service.export()
    assert None is report.refused
    assert heading == export["agreements"][0]["status_history"][0]["source"]["heading"]
    assert ("Titel " * 70)[:300] == export["documents"][0]["title"]
