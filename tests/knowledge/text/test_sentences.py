"""Sentences with spans: abbreviations, dates and line breaks."""

from __future__ import annotations

from knowledge.text.sentences import sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_abbreviations_and_ordinals_do_not_end_a_sentence() -> None:
    text = "Der er afsat 1,2 mio. kr. til bl.a. telemedicin d. 4. marts. Næste møde er i maj."
    expected = [
        "Der er afsat 1,2 mio. kr. til bl.a. telemedicin d. 4. marts.",
        "Næste møde er i maj.",
    ]
    assert expected == _sentences(text)


def test_lines_bullets_and_cells_are_sentences_of_their_own() -> None:
    text = "Punkter:\n- Budget for 2024\n- Status på <p>aftalen</p>\n\n| at | godkende |"
    assert ["Punkter:", "Budget for 2024", "Status på", "aftalen", "at | godkende"] == _sentences(
        text
    )


def test_spans_point_into_the_text() -> None:
    text = "  Første sætning. Anden sætning!  "
    assert [(2, 17), (18, 32)] == sentence_spans(text)
