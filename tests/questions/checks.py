"""Does a reply meet its expectation? One function per expectation type.

Each check looks the expected ids up in the demo knowledge base and reads the reply as
text (see `replies.py`); it returns None when the reply is right, else what is wrong.
"""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from dialogs.wording import say
from knowledge.core.status import label
from tests.questions import expectations as ex
from tests.questions.replies import contains, position, reply_text, submit_data, written_dates

DEMO = Path(__file__).resolve().parents[2] / "knowledge" / "demo" / "kb.json"


@cache
def kb() -> dict[str, dict[str, Any]]:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    rows = [*data["agreements"], *data["initiatives"], *data["meetings"]]
    return {row["id"]: row for row in rows}


def _newest(item: dict[str, Any]) -> str:
    history = item["status_history"]
    return str(history[-1]["category"]) if history else "unknown"


def _dates(meeting_id: str, lang: str) -> list[str]:
    meeting = kb()[meeting_id]
    return written_dates(date.fromisoformat(meeting["date"]), meeting["date_precision"], lang)


def _all_meetings() -> list[str]:
    return [key for key, row in kb().items() if "body" in row]


def _names_item(text: str, item_id: str) -> str | None:
    title = kb()[item_id]["title"]
    return None if contains(text, title) else f"does not name {title!r}"


def check(expect: Any, reply: dict[str, Any], lang: str) -> str | None:
    text = reply_text(reply)
    checker = CHECKS[type(expect)]
    return checker(expect, text, reply, lang)  # type: ignore[no-any-return]


def _status(expect: ex.Status, text: str, reply: dict[str, Any], lang: str) -> str | None:
    wanted = label(_newest(kb()[expect.item]), lang)
    if not contains(text, wanted):
        return f"does not say {wanted!r}"
    return _names_item(text, expect.item)


def _who(expect: ex.Who, text: str, reply: dict[str, Any], lang: str) -> str | None:
    missing = [p for p in kb()[expect.item]["parties"] if not contains(text, p)]
    return f"misses parties {missing}" if missing else _names_item(text, expect.item)


def _amount_forms(amount: int) -> list[str]:
    grouped = f"{amount:,}"
    millions = f"{amount / 1_000_000:.1f}".replace(".", ",")
    return [grouped, grouped.replace(",", "."), f"{millions} mio"]


def _budget(expect: ex.Budget, text: str, reply: dict[str, Any], lang: str) -> str | None:
    lines = kb()[expect.item]["budget"]
    wanted = [b for b in lines if b.get("year") == expect.year] or lines[:1]
    forms = _amount_forms(int(wanted[0]["amount_dkk"]))
    if not any(form in text for form in forms):
        return f"shows none of {forms}"
    return _names_item(text, expect.item)


def _next(expect: ex.NextMeeting, text: str, reply: dict[str, Any], lang: str) -> str | None:
    every = {m: _dates(m, lang) for m in _all_meetings()}
    if expect.meeting is None:
        named = [m for m, forms in every.items() if position(text, forms) >= 0]
        return f"names meetings {named}" if named else None
    first = position(text, every[expect.meeting])
    if first < 0:
        return f"does not show {every[expect.meeting]}"
    earlier = [m for m, forms in every.items() if 0 <= position(text, forms) < first]
    return f"shows {earlier} first" if earlier else None


def _meetings_in(expect: ex.MeetingsIn, text: str, reply: dict[str, Any], lang: str) -> str | None:
    places = [position(text, _dates(m, lang)) for m in expect.meetings]
    if any(p < 0 for p in places):
        return f"misses some of {expect.meetings}"
    if places != sorted(places):
        return "not in date order"
    wanted = {form for m in expect.meetings for form in _dates(m, lang)}
    others = [
        m for m in _all_meetings()
        if m not in expect.meetings and not set(_dates(m, lang)) & wanted
        and position(text, _dates(m, lang)) >= 0
    ]  # fmt: skip
    return f"also names {others}" if others else None


def _decisions(expect: ex.Decisions, text: str, reply: dict[str, Any], lang: str) -> str | None:
    if expect.meeting is None:
        return None if text.strip() else "empty reply"
    meeting = kb()[expect.meeting]
    agenda = {row["number"]: row for row in meeting["agenda"]}
    missing = [n for n in expect.contains_agenda if not contains(text, agenda[n]["title"][:40])]
    return f"misses agenda items {missing}" if missing else None


def _listed(includes: tuple[str, ...], excludes: tuple[str, ...], text: str) -> str | None:
    missing = [i for i in includes if _names_item(text, i)]
    extra = [i for i in excludes if not _names_item(text, i)]
    if missing or extra:
        return f"missing {missing}, should not list {extra}"
    return None


def _list_of(expect: ex.ListOf, text: str, reply: dict[str, Any], lang: str) -> str | None:
    return _listed(expect.includes, expect.excludes, text)


def _changes(expect: ex.Changes, text: str, reply: dict[str, Any], lang: str) -> str | None:
    return _listed(expect.includes, expect.excludes, text)


def _clarify(expect: ex.Clarify, text: str, reply: dict[str, Any], lang: str) -> str | None:
    offered = {data.get("choice") for data in submit_data(reply) if data.get("action") == "ask"}
    if offered != set(expect.choices):
        return f"offers {sorted(map(str, offered))}"
    return None


def _unknown(expect: ex.Unknown, text: str, reply: dict[str, Any], lang: str) -> str | None:
    return None if contains(text, say("not_known", lang)) else "does not say it does not know"


def _help(expect: ex.Help, text: str, reply: dict[str, Any], lang: str) -> str | None:
    return None if contains(text, say("help", lang)) else "is not the help"


def _scope(expect: ex.ScopeSet, text: str, reply: dict[str, Any], lang: str) -> str | None:
    missing = [n for n in (expect.cluster, expect.region) if n and not contains(text, n)]
    return f"does not name {missing}" if missing else None


CHECKS: dict[type, Any] = {
    ex.Status: _status,
    ex.Who: _who,
    ex.Budget: _budget,
    ex.NextMeeting: _next,
    ex.MeetingsIn: _meetings_in,
    ex.Decisions: _decisions,
    ex.ListOf: _list_of,
    ex.Changes: _changes,
    ex.Clarify: _clarify,
    ex.Unknown: _unknown,
    ex.Help: _help,
    ex.ScopeSet: _scope,
}
