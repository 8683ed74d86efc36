"""Where log lines go and what they look like: `LOG_FORMAT=text` (the default) writes one
readable line per record; `LOG_FORMAT=json` one JSON object per line for a log collector.

A JSON line has `time` (UTC, ISO 8601), `level`, `logger` and `message`, then every field
the call passed in `extra=` (a turn's `intent`, `duration_ms`, `conversation`, ...) and,
for a failure, the `exception` with its traceback. What a user wrote is never logged in
either format; the turn line carries a hash of the conversation id, not the id. So
`LOG_LEVEL=DEBUG` is Klyngebot's own debug lines only: libraries stay at INFO, because
their debug lines hold SQL parameters (conversation ids, notes people wrote) and HTTP
bodies and headers (replies, tokens).
"""

from __future__ import annotations

import json
import logging
from datetime import UTC, datetime
from typing import Any, TextIO

TEXT = "%(asctime)s %(levelname)s %(name)s %(message)s"
OWN = ("klyngebot", "bot", "dialogs", "knowledge")  # loggers LOG_LEVEL sets as it says
# What every LogRecord carries; anything else on a record came in through `extra=`.
STANDARD = frozenset(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        moment = datetime.fromtimestamp(record.created, UTC)
        entry: dict[str, Any] = {
            "time": moment.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update((key, value) for key, value in vars(record).items() if key not in STANDARD)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure(level: str | int, log_format: str, stream: TextIO) -> None:
    """Once per process, before anything logs; as logging.basicConfig, nothing happens when
    the root logger has a handler already (a second call, or pytest capturing logs)."""
    if logging.getLogger().handlers:
        return
    number = logging.getLevelName(level) if isinstance(level, str) else level
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter() if log_format == "json" else logging.Formatter(TEXT))
    logging.basicConfig(level=max(number, logging.INFO), handlers=[handler])
    for name in OWN:
        logging.getLogger(name).setLevel(number)
