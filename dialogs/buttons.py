"""The data the bot's own card buttons send back, read loosely: an "ask" button carries a
question (and the entity a "did you mean" choice stands for), a "vis flere" button the
question and where its next page starts (`dialogs.cards` says the shapes)."""

from __future__ import annotations

from typing import Any

from knowledge.core.chat import QUESTION_MAX

PAGE_MAX = 100_000  # an offset beyond this is no page a card asked for


def _data(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def asked_question(value: Any) -> str | None:
    """The question an "ask" or "vis flere" button carries; None for anything else."""
    data = _data(value)
    if data.get("action") in ("ask", "more") and isinstance(data.get("question"), str):
        return str(data["question"])[:QUESTION_MAX].strip()
    return None


def page_asked(value: Any) -> int:
    """The offset a "vis flere" button asks for (0 for anything else)."""
    data = _data(value)
    if data.get("action") != "more":
        return 0
    offset = data.get("offset")
    return offset if isinstance(offset, int) and 0 <= offset <= PAGE_MAX else 0


def chosen(value: Any) -> str | None:
    """The entity id a "did you mean" button carries, if this turn is one."""
    data = _data(value)
    choice = data.get("choice") if data.get("action") == "ask" else None
    return choice.strip() if isinstance(choice, str) and choice.strip() else None
