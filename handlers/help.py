"""The command overview, in the asker's language; admin commands only for admins."""

from __future__ import annotations

from bot.core.context import Context
from bot.core.registry import command
from bot.core.types import Bullets, Element, Reply, Text
from handlers.messages import CATALOG, t


@command("help", words=("hulp", "?"), order=90)
async def help_command(ctx: Context, _args: str) -> Reply:
    """List what the bot can do."""
    lang = ctx.language
    pack = ctx.services.policy.pack
    manager = pack.company.social_media_manager
    commands = ctx.registry.ordered_commands() if ctx.registry else []
    user_lines = [t(f"help.cmd.{c.name}", lang) for c in commands if not c.admin and f"help.cmd.{c.name}" in CATALOG]
    elements: list[Element] = [Text(t("help.title", lang, company=pack.company.short_name), style="heading"),
                Text(t("help.intro", lang)), Bullets(tuple(user_lines))]
    if ctx.is_admin:
        admin_lines = [t(f"help.cmd.{c.name}", lang) for c in commands if c.admin and f"help.cmd.{c.name}" in CATALOG]
        if admin_lines:
            elements += [Text(t("help.admin", lang), style="heading"), Bullets(tuple(admin_lines))]
    elements.append(Text(t("help.contact", lang, name=manager.name, contact=manager.contact), style="muted"))
    return Reply(elements, lang, private=True, summary=t("help.intro", lang))
