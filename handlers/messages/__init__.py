"""Every user-visible string of the bot, in Dutch and English, kept together (one file per feature)."""

from __future__ import annotations

from bot.core.i18n import merge_catalogs, translate
from handlers.messages import console, core, schedule, slack, teams

CATALOG = merge_catalogs(core.MESSAGES, slack.MESSAGES, schedule.MESSAGES, teams.MESSAGES, console.MESSAGES)


def t(key: str, language: str, **values: object) -> str:
    """The message `key` in `language` with `{name}` values filled in."""
    return translate(CATALOG, key, language, **values)


def tn(key: str, language: str, count: int, **values: object) -> str:
    """The message `key` for `count` things: `key.zero` (when the catalogue has it), `key.one` or `key.many`,
    so a reply never says "all 1 known users" or "1 message(s)"."""
    form = "zero" if count == 0 and f"{key}.zero" in CATALOG else "one" if count == 1 else "many"
    return translate(CATALOG, f"{key}.{form}", language, count=count, **values)
