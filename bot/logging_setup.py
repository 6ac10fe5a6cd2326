"""Log configuration: one line per event with its context (platform, handler, request id).

Every field is escaped so that one record is always one line: a newline, carriage return or other control
character (C0, DEL, C1, U+2028/U+2029) in a message, a context value or a traceback is written as an escape
sequence, so text that came from a user can neither forge a log line nor break a line-based log reader.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

_CONTEXT_KEYS = ("platform", "handler", "request_id")
# Characters that end a line for some reader (str.splitlines, JavaScript, syslog) or are invisible controls.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    return _SHORT.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def escape_controls(text: str) -> str:
    """`text` on one line: control characters as `\\n`, `\\r`, `\\t`, `\\xNN` or `\\uNNNN`."""
    return _CONTROL.sub(_escape_char, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


class ContextFormatter(logging.Formatter):
    """Appends the LoggerAdapter context as key=value pairs, or writes JSON lines; always one line a record."""

    def __init__(self, *, as_json: bool = False) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")
        self.as_json = as_json

    def format(self, record: logging.LogRecord) -> str:
        context = {k: getattr(record, k) for k in _CONTEXT_KEYS if hasattr(record, k)}
        if self.as_json:
            payload: dict[str, Any] = {"time": self.formatTime(record), "level": record.levelname,
                                       "logger": record.name, "message": record.getMessage(), **context}
            if record.exc_info:
                payload["exception"] = self.formatException(record.exc_info)
            if record.stack_info:
                payload["stack"] = self.formatStack(record.stack_info)
            # json.dumps escapes C0 controls itself; DEL, C1 and U+2028/2029 it leaves as they are.
            return _CONTROL.sub(_json_escape, json.dumps(payload, ensure_ascii=False, default=str))
        base = super().format(record)  # message, then traceback and stack on lines of their own
        return escape_controls(base + ("".join(f" {k}={v}" for k, v in context.items()) if context else ""))


def configure_logging(level: str = "INFO", *, as_json: bool = False, file: str | None = None) -> None:
    """Configure the root logger once, at the entry point: to standard error, or to `file` (used while the
    terminal is busy with the chat, so log lines do not interleave with the conversation)."""
    handler: logging.Handler = logging.FileHandler(file, encoding="utf-8") if file else logging.StreamHandler()
    handler.setFormatter(ContextFormatter(as_json=as_json))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("aiohttp.access", "alembic", "apscheduler"):
        logging.getLogger(noisy).setLevel(max(logging.WARNING, root.level))
