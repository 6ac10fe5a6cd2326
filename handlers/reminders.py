"""Reminders and tips: admins schedule them (`remind …`), users opt out of tips (`tips off|on`), and each run
of a reminder is fanned out into the outbox (one row per recipient, keyed by reminder, slot and recipient).

Grammar (Dutch words in brackets):
    remind add <target> "<cron>" tip            target: `users` [gebruikers] or a channel id
    remind add <target> "<cron>" text <text>    [tekst]
    remind list [lijst] | pause [pauzeer] <id> | resume [hervat] <id> | delete [verwijder] <id>
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session, select

from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.registry import command
from bot.core.services import Services
from bot.core.types import Bullets, Element, Reply, SourceLink, Sources, Text
from bot.policy import PolicyPack
from bot.scheduler.cron import describe_cron, latest_slot, parse_cron
from bot.scheduler.payload import reply_to_json
from bot.scheduler.tips import Tip, load_tips
from bot.store import crud, crud_schedule
from bot.store.models import ConversationReference
from bot.store.models_schedule import Reminder
from handlers.messages import t, tn

SUBCOMMANDS = {
    "add": "add", "toevoegen": "add", "nieuw": "add",
    "list": "list", "lijst": "list",
    "pause": "pause", "pauzeer": "pause",
    "resume": "resume", "hervat": "resume",
    "delete": "delete", "remove": "delete", "verwijder": "delete",
}
USERS_WORDS = {"users", "gebruikers", "everyone", "iedereen"}
QUOTES = {'"': '"', "“": "”", "„": "”", "”": "”", "'": "'", "‘": "’", "’": "’"}
CHANNEL_RE = re.compile(r"^[#<]?[A-Za-z0-9:@._-]{2,200}>?$")
# What a channel id looks like on each platform, when the adapter cannot look it up: Slack's C…/G… ids,
# Teams' 19:…@thread.… conversation ids. The terminal has no channels: only conversations it has seen.
CHANNEL_SHAPES = {
    "slack": re.compile(r"^[CG][A-Z0-9]{6,}$"),
    "teams": re.compile(r"^19:[^\s]+@thread\.[a-z0-9]+$"),
}
TEXT_SHOWN = 80


@dataclass(frozen=True)
class AddRequest:
    target: str
    cron: str
    kind: str
    text: str | None


def parse_add(args: str, language: str, timezone: str) -> AddRequest:
    """Parse `<target> "<cron>" tip|text <text>`; raises UserError saying what is wrong and how to write it."""

    def wrong(key: str, **values: object) -> UserError:
        problem = t(key, language, **values)
        return UserError(t("remind.error", language, problem=problem) + "\n\n" + t("remind.usage", language,
                                                                                    timezone=timezone))

    rest = args.strip()
    if not rest:
        raise wrong("remind.err.target")
    target, _, rest = rest.partition(" ")
    target = target.strip().strip("<>").lstrip("#")
    if target.lower() in USERS_WORDS:
        target = "users"
    elif not CHANNEL_RE.match(target) or target.startswith(('"', "“")):
        raise wrong("remind.err.target")
    rest = rest.strip()
    if not rest:
        raise wrong("remind.err.cron_missing")
    if rest[0] in QUOTES:
        close = rest.find(QUOTES[rest[0]], 1)
        if close < 0:
            raise wrong("remind.err.cron_missing")
        cron, rest = rest[1:close].strip(), rest[close + 1:].strip()
    else:
        parts = rest.split(maxsplit=5)
        if len(parts) < 5:
            raise wrong("remind.err.cron_missing")
        cron, rest = " ".join(parts[:5]), (parts[5] if len(parts) > 5 else "")
    try:
        parse_cron(cron, timezone)
    except ValueError as exc:
        raise wrong("remind.err.cron", cron=cron, reason=str(exc)) from None
    kind_word, _, text = rest.partition(" ")
    kind_word = kind_word.lower()
    if kind_word == "tip":
        return AddRequest(target, " ".join(cron.split()), "tip", None)
    if kind_word in ("text", "tekst"):
        if not text.strip():
            raise wrong("remind.err.text")
        return AddRequest(target, " ".join(cron.split()), "text", text.strip())
    raise wrong("remind.err.kind")


def _describe(reminder: Reminder, language: str) -> dict[str, str]:
    target = (t("remind.target.users", language) if reminder.target == "users"
              else t("remind.target.channel", language, channel=reminder.target))
    return {"what": t(f"remind.what.{reminder.kind}", language), "target": target,
            "when": describe_cron(reminder.cron, language, reminder.timezone)}


def _next_run_text(ctx: Context, reminder: Reminder) -> str:
    """The next run, in the company's time zone (named, so nobody has to guess)."""
    timezone = ctx.services.policy.pack.company.timezone
    trigger = parse_cron(reminder.cron, reminder.timezone)
    next_time = trigger.get_next_fire_time(None, datetime.now(trigger.timezone))
    if next_time is None:
        return "—"
    return next_time.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M ") + timezone


def _known_conversation(*, session: Session, platform: str, conversation_id: str) -> bool:
    row = session.exec(select(ConversationReference.id).where(
        ConversationReference.platform == platform,
        ConversationReference.conversation_id == conversation_id)).first()
    return row is not None


async def check_channel(ctx: Context, channel: str) -> None:
    """Refuse a channel this platform cannot deliver to: a conversation the bot has seen always passes; else
    on Slack and Teams the id must have the platform's shape, and the terminal has only the conversations it
    has seen. Raises UserError saying what a valid id looks like."""
    lang = ctx.language
    if await ctx.services.db.run(_known_conversation, platform=ctx.platform, conversation_id=channel):
        return
    shape = CHANNEL_SHAPES.get(ctx.platform)
    if shape is not None and shape.match(channel):
        return
    key = f"remind.err.channel.{ctx.platform}" if ctx.platform in ("slack", "teams", "console") else \
        "remind.err.channel.other"
    raise UserError(t("remind.error", lang, problem=t(key, lang, channel=channel,
                                                       own=ctx.request.conversation.id)))


async def _reach_warning(ctx: Context, reminder: Reminder) -> str | None:
    """A line for the admin when a reminder to `users` reaches nobody today (no known users, or all of them
    turned tips off), so they are not left waiting for messages that never come."""
    if reminder.target != "users":
        return None
    users = await ctx.services.db.run(crud.list_users)
    users = [u for u in users if u.platform in ctx.services.messenger.platforms]
    if not users:
        return t("remind.reach.no_users", ctx.language)
    if reminder.kind == "tip" and all(u.tips_opt_out for u in users):
        return tn("remind.reach.tips_off", ctx.language, len(users))
    return None


def _text_of(reminder: Reminder) -> str:
    if reminder.kind != "text" or not reminder.text:
        return ""
    text = " ".join(reminder.text.split())
    return " “" + (text if len(text) <= TEXT_SHOWN else text[:TEXT_SHOWN - 1].rstrip() + "…") + "”"


async def _sync_scheduler(ctx: Context) -> None:
    """Tell the scheduler of this process (when it is the leader) about the change; otherwise the leader
    picks it up from the reminder table within its sync interval."""
    component = ctx.services.extras.get("scheduler")
    if component is not None and getattr(component, "is_leader", False):
        await component.sync_jobs()


def _reminder_id(args: str, language: str, timezone: str) -> int:
    word = args.strip().lstrip("#")
    if not word.isdigit():
        raise UserError(t("remind.error", language, problem=t("remind.err.id", language)))
    return int(word)


@command("remind", words=("herinner", "herinnering", "reminder"), admin=True, order=110)
async def remind(ctx: Context, args: str) -> Reply:
    """Create, list, pause, resume and delete reminders (admins only; the dispatcher checks and audits)."""
    lang = ctx.language
    timezone = ctx.services.policy.pack.company.timezone
    word, _, rest = args.strip().partition(" ")
    if not word:
        return Reply([Text(t("remind.usage", lang, timezone=timezone))], lang, private=True)
    sub = SUBCOMMANDS.get(word.lower())
    if sub is None:
        raise UserError(t("remind.error", lang, problem=t("remind.err.subcommand", lang, word=word))
                        + "\n\n" + t("remind.usage", lang, timezone=timezone))
    db = ctx.services.db
    if sub == "list":
        reminders = await db.run(crud_schedule.list_reminders)
        if not reminders:
            return Reply([Text(t("remind.list.empty", lang))], lang, private=True)
        items = tuple(t("remind.list.item", lang, id=r.id, **_describe(r, lang), text=_text_of(r),
                        next=t("remind.list.paused", lang) if r.paused else _next_run_text(ctx, r))
                      for r in reminders)
        return Reply([Text(t("remind.list.title", lang), style="heading"), Bullets(items)], lang, private=True)
    if sub == "add":
        request = parse_add(rest, lang, timezone)
        if request.kind == "tip":
            tips = await asyncio.to_thread(load_tips, ctx.services.settings.policy_dir,
                                           ctx.services.policy.pack.company)
            if not tips:
                raise UserError(t("remind.error", lang, problem=t("remind.err.no_tips", lang)))
        if request.target != "users":
            await check_channel(ctx, request.target)
        reminder = Reminder(platform=ctx.platform, target=request.target, cron=request.cron, timezone=timezone,
                            kind=request.kind, text=request.text, language=lang,
                            created_by=f"{ctx.platform}:{ctx.user_id}")
        reminder = await db.run(crud_schedule.create_reminder, reminder=reminder)
        await db.run(crud.audit, platform=ctx.platform, user_id=ctx.user_id, action="remind.add", allowed=True,
                     detail=f"reminder {reminder.id}: {request.kind} to {request.target} at {request.cron}")
        await _sync_scheduler(ctx)
        ctx.log.info("reminder %s created (%s)", reminder.id, request.kind)
        elements: list[Element] = [Text(t("remind.created", lang, id=reminder.id, **_describe(reminder, lang),
                                          next=_next_run_text(ctx, reminder)))]
        warning = await _reach_warning(ctx, reminder)
        if warning:
            elements.append(Text(warning, style="warning"))
        return Reply(elements, lang, private=True)
    reminder_id = _reminder_id(rest, lang, timezone)
    if sub == "delete":
        found = await db.run(crud_schedule.delete_reminder, reminder_id=reminder_id)
        key = "remind.deleted"
    else:
        row = await db.run(crud_schedule.set_reminder_paused, reminder_id=reminder_id, paused=sub == "pause")
        found = row is not None
        key = "remind.paused" if sub == "pause" else "remind.resumed"
    if not found:
        raise UserError(t("remind.not_found", lang, id=reminder_id))
    await db.run(crud.audit, platform=ctx.platform, user_id=ctx.user_id, action=f"remind.{sub}", allowed=True,
                 detail=f"reminder {reminder_id}")
    await _sync_scheduler(ctx)
    next_text = ""
    if sub == "resume":
        row = await db.run(crud_schedule.get_reminder, reminder_id=reminder_id)
        next_text = _next_run_text(ctx, row) if row else ""
    return Reply([Text(t(key, lang, id=reminder_id, next=next_text))], lang, private=True)


@command("tips", order=80)
async def tips(ctx: Context, args: str) -> Reply:
    """Opt out of tips (`tips off`) or back in (`tips on`)."""
    lang = ctx.language
    word = args.strip().lower()
    if word in ("off", "uit", "stop", "nee"):
        opt_out = True
    elif word in ("on", "aan", "start", "ja"):
        opt_out = False
    else:
        return Reply([Text(t("tips.usage", lang))], lang, private=True)
    await ctx.services.db.run(crud.set_tips_opt_out, platform=ctx.platform, user_id=ctx.user_id, opt_out=opt_out)
    return Reply([Text(t("tips.off" if opt_out else "tips.on", lang))], lang, private=True)


# Running a reminder (called by the scheduler's job) ----------------------------------------------------------


def tip_reply(tip: Tip, pack: PolicyPack, language: str) -> Reply:
    """A tip in one language, linking to its section."""
    elements: list[Element] = [Text(t("tip.title", language), style="heading"), Text(tip.texts[language])]
    if tip.section in pack.sections:
        elements.append(Sources(t("tip.more", language),
                                (SourceLink(tip.section, pack.sections[tip.section].title(language)),)))
    elements.append(Text(t("tip.opt_out", language), style="muted"))
    return Reply(elements, language, summary=tip.texts[language])


def text_reply(text: str, language: str) -> Reply:
    return Reply([Text(t("reminder.title", language), style="heading"), Text(text)], language, summary=text)


def _fan_out(*, session: Any, reminder_id: int, now: datetime, pack: PolicyPack, tips: list[Tip],
             platforms: tuple[str, ...]) -> int:
    """One transaction: lock the reminder, find this run's schedule slot, record the run and insert one
    outbox row per recipient. A second run for the same slot finds it recorded and inserts nothing."""
    reminder = crud_schedule.lock_reminder(session=session, reminder_id=reminder_id)
    if reminder is None or reminder.paused:
        return 0
    trigger = parse_cron(reminder.cron, reminder.timezone)
    since = reminder.last_run_at or (reminder.created_at - timedelta(seconds=1))
    slot = latest_slot(trigger, since=since, now=now)
    if slot is None:
        return 0
    run_number = crud_schedule.record_reminder_run(session=session, reminder=reminder, slot=slot)
    if run_number is None:
        return 0
    tip = tips[run_number % len(tips)] if reminder.kind == "tip" and tips else None
    if reminder.kind == "tip" and tip is None:
        return 0
    payloads: dict[str, str] = {}

    def payload(language: str) -> str:
        if language not in payloads:
            reply = tip_reply(tip, pack, language) if tip is not None else text_reply(reminder.text or "", language)
            payloads[language] = reply_to_json(reply)
        return payloads[language]

    default_language = pack.languages[0]
    base = f"rem:{reminder.id}:{slot.isoformat()}"
    rows: list[dict[str, Any]] = []
    if reminder.target == "users":
        users = crud.list_users(session=session, tips_only=reminder.kind == "tip")
        for user in users:
            if user.platform not in platforms:
                continue
            language = user.language if user.language in pack.languages else default_language
            if reminder.kind == "text":
                language = reminder.language  # a fixed text is sent as written
            rows.append({"idempotency_key": f"{base}:{user.platform}:{user.user_id}", "platform": user.platform,
                         "target_kind": "user", "target_id": user.user_id, "payload": payload(language)})
    else:
        rows.append({"idempotency_key": f"{base}:{reminder.platform}:#{reminder.target}",
                     "platform": reminder.platform, "target_kind": "channel", "target_id": reminder.target,
                     "payload": payload(reminder.language if reminder.kind == "text" else default_language)})
    return crud_schedule.enqueue(session=session, rows=rows)


async def fan_out_reminder(services: Services, *, reminder_id: int, now: datetime) -> int:
    """Queue this run of a reminder for every recipient; returns how many messages were queued."""
    pack = services.policy.pack
    reminder = await services.db.run(crud_schedule.get_reminder, reminder_id=reminder_id)
    tips = (await asyncio.to_thread(load_tips, services.settings.policy_dir, pack.company)
            if reminder is not None and reminder.kind == "tip" else [])
    return await services.db.run(_fan_out, reminder_id=reminder_id, now=now, pack=pack, tips=tips,
                                 platforms=services.messenger.platforms)
