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


@command("language", words=("taal", "lang"), order=80)
async def language_command(ctx: Context, args: str) -> Reply:
    """Show or choose the language the bot uses for this user's announcements, reminders and tips."""
    from bot.store import crud

    choice = args.strip().lower()
    languages = ctx.services.policy.pack.languages
    aliases = {"nederlands": "nl", "dutch": "nl", "engels": "en", "english": "en"}
    choice = aliases.get(choice, choice)
    if not choice:
        user = await ctx.services.db.run(crud.get_user, platform=ctx.platform, user_id=ctx.user_id)
        current = user.language if user is not None and user.language else None
        key = "language.current" if current else "language.unset"
        text = t(key, ctx.language, code=current or "", choices=", ".join(languages))
        return Reply([Text(text)], ctx.language, private=True, summary=text)
    if choice not in languages:
        text = t("language.unknown", ctx.language, code=args.strip(), choices=", ".join(languages))
        return Reply([Text(text)], ctx.language, private=True, summary=text)
    await ctx.services.db.run(crud.set_user_language, platform=ctx.platform, user_id=ctx.user_id, language=choice)
    ctx.preferences_changed()
    text = t("language.set", choice)
    return Reply([Text(text)], choice, private=True, summary=text)
