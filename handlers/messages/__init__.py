"""Every user-visible string of the bot, in Dutch and English, kept together (one file per feature)."""

from __future__ import annotations

from bot.core.i18n import merge_catalogs, translate
from handlers.messages import core, schedule, slack, teams

CATALOG = merge_catalogs(core.MESSAGES, slack.MESSAGES, schedule.MESSAGES, teams.MESSAGES)


def t(key: str, language: str, **values: object) -> str:
    """The message `key` in `language` with `{name}` values filled in."""
    return translate(CATALOG, key, language, **values)
