"""The use cases: ask, review, profile, help, and (in their own modules) reminders, announcements, admin.

Handlers take and return the neutral types of `bot.core.types` and read like the feature.
`HANDLER_MODULES` lists the modules whose commands and actions the dispatcher registers.
"""

from __future__ import annotations

import importlib
from types import ModuleType

HANDLER_MODULES: tuple[str, ...] = (
    "handlers.ask",
    "handlers.review",
    "handlers.help",
    "handlers.reminders",
    "handlers.announcements",
    "handlers.admin",
)


def load_handler_modules(extra: tuple[str, ...] = ()) -> list[ModuleType]:
    """Import every handler module (and optional extra ones) so the registry can collect them."""
    return [importlib.import_module(name) for name in (*HANDLER_MODULES, *extra)]
