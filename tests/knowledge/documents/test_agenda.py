"""Agenda items from numbered headings and lists, with their parts."""

from __future__ import annotations

from knowledge.documents.agenda import agenda, clean_title
from knowledge.documents.reader import read


def test_a_listed_agenda_joins_the_headed_items_by_number() -> None:
    text = (
        "Dagsorden\nStyregruppen 24-11-2025 13:00\n\n1.Meddelelse fra formanden\n"
        "2.Godkendelse af budget\n3. LUKKET PUNKT: Lejemål\n\n"
        "1. Meddelelse fra formandenReferat\n\nFormanden orienterede om to sager.\n"
    )
    items = agenda(read("x.txt", text))

    assert [
        ("1", "Meddelelse fra formanden"),
        ("2", "Godkendelse af budget"),
        ("3", "LUKKET PUNKT: Lejemål"),
    ] == [(item.number, item.title) for item in items]
    assert "Formanden orienterede om to sager." == items[0].decision


def test_beslutning_is_the_decision_when_there_is_also_a_referat() -> None:
    text = (
        "REFERAT\n\n## 2. Videokonsultationer (kl. 08:40-09.10)\n\n### Indstilling\n\n"
        "- at styregruppen drøfter brugen\n\n## Referat\n\nDer var en god drøftelse.\n\n"
        "## Beslutning\n\n- Alle sektorer bruger video mere\n"
    )
    (item,) = agenda(read("x.txt", text))

    assert ("Videokonsultationer", "- at styregruppen drøfter brugen") == (
        item.title,
        item.recommendation,
    )
    assert "- Alle sektorer bruger video mere" == item.decision


def test_titles_lose_number_time_slot_and_glued_label() -> None:
    assert "Eventuelt" == clean_title("Punkt 10: Eventuelt (15.45-16.00)")
    assert "Meddelelse fra formanden" == clean_title("1. Meddelelse fra formandenReferat")
