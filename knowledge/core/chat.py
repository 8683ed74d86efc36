"""What every room says about a chat: the language it is answered in, the scope it said it
belongs to ("vi er Midtklyngen"), and how much of a message is read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["da", "en"]


@dataclass(frozen=True)
class ChatScope:
    """What a chat said about itself ("vi er Midtklyngen"); narrows ambiguous questions."""

    region: str | None = None
    cluster: str | None = None


QUESTION_MAX = 1000  # characters of a question that are read; the rest is ignored
