from dialogs.elements import (
    Content,
    badge,
    card,
    facts,
    heading,
    literal,
    plain_text,
    section,
    submit,
    text,
)


def test_plain_text_reads_blocks_facts_badges_and_numbers_questions() -> None:
    content = Content(
        [
            heading("Kom trygt Hjem"),
            badge("i gang", "Accent", "accent", "pr. 4. marts 2024"),
            section([facts([("Parter", "Region Syddanmark"), ("3.", "Eventuelt")])]),
        ],
        [
            submit("Vis flere", {"action": "more", "intent": "list", "scope": "x", "shown": 1}),
            submit("Hvad er status på FACT?", {"action": "ask", "question": "Q"}),
        ],
    )

    expected = (
        "Kom trygt Hjem\n"
        "i gang · pr. 4. marts 2024\n"
        "\n"
        "Parter: Region Syddanmark\n"
        "3. Eventuelt\n"
        "1. Hvad er status på FACT?"
    )
    assert expected == plain_text(content)


def test_a_number_at_a_line_start_is_not_a_markdown_list() -> None:
    assert "4.\u00a0marts 2024" == literal("4. marts 2024")
    assert "-\u00a0a\n2)\u00a0b" == literal("- a\n2) b")
    assert "pr. 4. marts 2024" == literal("pr. 4. marts 2024")
    assert (
        "1.\u00a0kvartal 2023 blev aftalen godkendt."
        == text("1. kvartal 2023 blev aftalen godkendt.")["text"]
    )


def test_a_card_has_actions_only_when_there_are_some() -> None:
    bare = card(Content([text("Hej")]), "da", "Hej")

    assert "actions" not in bare
    assert "1.5" == bare["version"]
    assert "Hej" == bare["fallbackText"]
