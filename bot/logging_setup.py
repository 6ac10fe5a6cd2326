"""Log configuration: one line per event with its context (platform, handler, request id)."""

from __future__ import annotations

import json
import logging
from typing import Any

_CONTEXT_KEYS = ("platform", "handler", "request_id")


class ContextFormatter(logging.Formatter):
    """Appends the LoggerAdapter context as key=value pairs, or writes JSON lines."""

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
            return json.dumps(payload, ensure_ascii=False)
        base = super().format(record)
        return base + ("".join(f" {k}={v}" for k, v in context.items()) if context else "")


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
