"""Announcements: a new policy version or a free text to every known user or to chosen channels, with an
"I have read it" button. Acknowledgements are stored once per user and subject; nudges remind those who
have not acknowledged after N days. Every message goes through the outbox (one row per recipient)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.registry import action, command
from bot.core.services import Services
from bot.core.types import Action, Actions, Bullets, Button, Element, Reply, Text
from bot.policy import PolicyPack
from bot.scheduler.payload import reply_to_json
from bot.store import crud, crud_schedule
from bot.store.models import utcnow
from bot.store.models_schedule import Announcement, PolicyVersion
from bot.text.lang import detect_language
from handlers.messages import t, tn

ACK = "smm.ack:"
CONFIRM = "smm.announce.confirm"
CANCEL = "smm.announce.cancel"
MAX_NUDGE_DAYS = 60


def subject_of(announcement: Announcement) -> str:
    """What an acknowledgement is for: the policy version (`v<id>`) or the free announcement (`a<id>`)."""
    if announcement.kind == "policy" and announcement.policy_version_id is not None:
        return f"v{announcement.policy_version_id}"
    return f"a{announcement.id}"


CHANGE_SHOWN = 3  # sentences (or FAQ entries) shown per kind of change and section
CHANGE_CHARS = 160


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return "“" + (text if len(text) <= CHANGE_CHARS else text[:CHANGE_CHARS - 1].rstrip() + "…") + "”"


def _detail_lines(title: str, details: dict[str, Any], language: str) -> list[str]:
    """A changed section's added and removed sentences and FAQ entries, a few of each, in `language`."""
    entry: dict[str, list[str]] = details.get(language) or next(iter(details.values()), {})
    lines = []
    for kind in ("added", "removed", "faq_added", "faq_removed"):
        items = entry.get(kind) or []
        for item in items[:CHANGE_SHOWN]:
            lines.append(f"{title}, {t('change.detail.' + kind, language)}: {_quote(item)}")
        if len(items) > CHANGE_SHOWN:
            lines.append(f"{title}, {t('change.detail.' + kind, language)}: "
                         + t("change.detail.more", language, count=len(items) - CHANGE_SHOWN))
    return lines


def change_lines(summary: dict[str, Any], language: str) -> list[str]:
    """The change summary of a version as lines in `language`: "Changed: Working hours, …", then per changed
    section the sentences and FAQ entries added and removed (a few of each)."""
    lines = []
    details: list[str] = []
    for kind in ("changed", "added", "removed"):
        items = summary.get(kind) or []
        if items:
            titles = [item["titles"].get(language) or next(iter(item["titles"].values()), item["id"])
                      for item in items]
            lines.append(f"{t('change.' + kind, language)}: " + ", ".join(titles))
            if kind == "changed":
                for item, title in zip(items, titles, strict=True):
                    details += _detail_lines(title, item.get("details") or {}, language)
    return lines[:1] + details + lines[1:] if details else lines


def announcement_reply(announcement: Announcement, version: PolicyVersion | None, pack: PolicyPack,
                       language: str, *, nudge: bool = False) -> Reply:
    """The announcement as a user sees it, in `language`, with the acknowledgement button."""
    manager = pack.company.social_media_manager
    elements: list[Element] = []
    if nudge:
        elements.append(Text(t("announce.nudge", language), style="warning"))
    if announcement.kind == "policy" and version is not None:
        title = t("announce.policy.title", language, version=version.version)
        elements += [Text(title, style="heading"), Text(t("announce.policy.intro", language))]
        lines = change_lines(json.loads(version.summary), language)
        if lines:
            elements.append(Bullets(tuple(lines)))
        summary = title
    else:
        elements += [Text(t("announce.free.title", language, name=pack.company.signature(language)),
                          style="heading"),
                     Text(announcement.text or "")]
        summary = announcement.text or ""
    elements.append(Text(t("announce.questions", language, name=manager.name, contact=manager.contact),
                         style="muted"))
    elements.append(Actions((Button(ACK + subject_of(announcement), t("announce.ack_button", language),
                                    subject_of(announcement), style="primary"),)))
    return Reply(elements, language, summary=summary, metadata={"announcement": announcement.id})


def _recipients_rows(*, session: Any, announcement: Announcement, version: PolicyVersion | None, pack: PolicyPack,
                     platforms: tuple[str, ...], key_prefix: str, users: list[Any] | None = None,
                     nudge: bool = False) -> list[dict[str, Any]]:
    payloads: dict[str, str] = {}

    def payload(language: str) -> str:
        if language not in payloads:
            payloads[language] = reply_to_json(announcement_reply(announcement, version, pack, language, nudge=nudge))
        return payloads[language]

    if announcement.channels:
        return [{"idempotency_key": f"{key_prefix}:{announcement.platform}:#{channel}",
                 "platform": announcement.platform, "target_kind": "channel", "target_id": channel,
                 "payload": payload(announcement.language)} for channel in announcement.channels.split(",")]
    rows = []
    for user in users if users is not None else crud.list_users(session=session):
        if user.platform not in platforms:
            continue
        language = user.language if user.language in pack.languages else pack.languages[0]
        rows.append({"idempotency_key": f"{key_prefix}:{user.platform}:{user.user_id}", "platform": user.platform,
                     "target_kind": "user", "target_id": user.user_id, "payload": payload(language)})
    return rows


def fan_out_announcement(*, session: Any, announcement_id: int, pack: PolicyPack, platforms: tuple[str, ...]) -> int:
    """One transaction: mark a draft announcement sent and insert one outbox row per recipient (key
    `ann:<id>:<platform>:<user>`). Running it again inserts nothing."""
    announcement = session.get(Announcement, announcement_id, with_for_update=True)
    if announcement is None or announcement.state != "draft":
        return 0
    version = (session.get(PolicyVersion, announcement.policy_version_id)
               if announcement.policy_version_id is not None else None)
    rows = _recipients_rows(session=session, announcement=announcement, version=version, pack=pack,
                            platforms=platforms, key_prefix=f"ann:{announcement.id}")
    announcement.state = "sent"
    announcement.sent_at = utcnow()
    session.add(announcement)
    return crud_schedule.enqueue(session=session, rows=rows)


def _nudge(*, session: Any, now: datetime, pack: PolicyPack, platforms: tuple[str, ...]) -> int:
    count = 0
    for announcement in crud_schedule.announcements_to_nudge(session=session, now=now):
        version = (session.get(PolicyVersion, announcement.policy_version_id)
                   if announcement.policy_version_id is not None else None)
        users = crud_schedule.users_without_ack(session=session, subject=subject_of(announcement),
                                                platforms=platforms)
        rows = _recipients_rows(session=session, announcement=announcement, version=version, pack=pack,
                                platforms=platforms, key_prefix=f"nudge:{announcement.id}", users=users, nudge=True)
        announcement.nudged_at = now
        session.add(announcement)
        count += crud_schedule.enqueue(session=session, rows=rows)
    return count


async def send_nudges(services: Services, *, now: datetime) -> int:
    """Queue a nudge for users who have not acknowledged an announcement whose nudge period has passed."""
    return await services.db.run(_nudge, now=now, pack=services.policy.pack, platforms=services.messenger.platforms)


async def start_announcement(services: Services, announcement_id: int) -> int:
    """Fan out a confirmed announcement and wake the outbox worker; returns how many messages were queued."""
    count = await services.db.run(fan_out_announcement, announcement_id=announcement_id,
                                  pack=services.policy.pack, platforms=services.messenger.platforms)
    component = services.extras.get("scheduler")
    if component is not None:
        component.worker.wake()
    return count


def confirm_buttons(announcement_id: int, language: str) -> Actions:
    return Actions((Button(CONFIRM, t("announce.confirm", language), str(announcement_id), style="primary"),
                    Button(CANCEL, t("announce.cancel", language), str(announcement_id), style="danger")))


def parse_announce(args: str, language: str) -> tuple[list[str], int | None, str]:
    """`[to C1,C2] [nudge N] <text>` -> (channels, nudge days, text); UserError with the usage when wrong."""

    def wrong(key: str) -> UserError:
        return UserError(t("remind.error", language, problem=t(key, language)) + "\n\n" + t("announce.usage", language))

    rest = args.strip()
    channels: list[str] = []
    nudge: int | None = None
    while True:
        word, _, after = rest.partition(" ")
        lowered = word.lower()
        if lowered in ("to", "naar", "aan"):
            target, _, rest = after.strip().partition(" ")
            channels = [c.strip().lstrip("#").strip("<>") for c in target.split(",") if c.strip()]
            if not channels:
                raise wrong("announce.err.to")
        elif lowered in ("nudge", "herinner"):
            days, _, rest = after.strip().partition(" ")
            if not days.isdigit() or not 1 <= int(days) <= MAX_NUDGE_DAYS:
                raise wrong("announce.err.nudge")
            nudge = int(days)
        else:
            break
        rest = rest.strip()
    if not rest:
        raise wrong("announce.err.text")
    return channels, nudge, rest


async def _audience(ctx: Context, announcement: Announcement) -> str:
    lang = ctx.language
    if announcement.channels:
        return t("announce.audience.channels", lang, channels=announcement.channels.replace(",", ", "))
    users = await ctx.services.db.run(crud.list_users)
    count = sum(1 for u in users if u.platform in ctx.services.messenger.platforms)
    return tn("announce.audience.users", lang, count)


@command("announce", words=("aankondiging", "mededeling"), admin=True, order=120)
async def announce(ctx: Context, args: str) -> Reply | list[Reply]:
    """A free announcement: shows a preview and asks the admin to confirm before anything is sent."""
    lang = ctx.language
    if not args.strip():
        return Reply([Text(t("announce.usage", lang))], lang, private=True)
    channels, nudge, text = parse_announce(args, lang)
    # The preview (and a channel announcement) in the language of its text, not of the command word `announce`.
    text_lang: str = detect_language(text, default=lang)
    if text_lang not in ctx.services.policy.pack.languages:
        text_lang = lang
    draft = Announcement(kind="free", text=text, language=text_lang, platform=ctx.platform, channels=",".join(channels),
                         nudge_days=nudge, created_by=f"{ctx.platform}:{ctx.user_id}")
    draft = await ctx.services.db.run(crud_schedule.create_announcement, announcement=draft)
    assert draft.id is not None
    preview = announcement_reply(draft, None, ctx.services.policy.pack, text_lang)
    question = Reply([Text(t("announce.preview", lang, audience=await _audience(ctx, draft))),
                      confirm_buttons(draft.id, lang)], lang, private=True)
    return [Reply(preview.elements[:-1], text_lang, private=True), question]


@action("smm.announce.")
async def confirm_or_cancel(ctx: Context, pressed: Action) -> Reply:
    """Send (or cancel) a draft announcement. Buttons are not checked by the dispatcher, so this is."""
    lang = ctx.language
    if not ctx.is_admin:
        await ctx.services.db.run(crud.audit, platform=ctx.platform, user_id=ctx.user_id, action=pressed.id,
                                  allowed=False, detail="not an admin")
        return Reply([Text(t("error.admin_only", lang, command="announce", user=f"{ctx.platform}:{ctx.user_id}"))],
                     lang, private=True)
    try:
        announcement_id = int(pressed.value)
    except ValueError:
        return Reply([Text(t("announce.already", lang))], lang, private=True)
    if pressed.id == CANCEL:
        cancelled = await ctx.services.db.run(_cancel, announcement_id=announcement_id)
        key = "announce.cancelled" if cancelled else "announce.already"
        return Reply([Text(t(key, lang))], lang, private=True, replace_original=True)
    count = await start_announcement(ctx.services, announcement_id)
    await ctx.services.db.run(crud.audit, platform=ctx.platform, user_id=ctx.user_id, action="announce.send",
                              allowed=True, detail=f"announcement {announcement_id}: {count} message(s)")
    if count == 0:
        announcement = await ctx.services.db.run(crud_schedule.get_announcement, announcement_id=announcement_id)
        if announcement is None or announcement.state != "sent" or announcement.sent_at is None:
            return Reply([Text(t("announce.already", lang))], lang, private=True)
    ctx.log.info("announcement %s queued for %s recipient(s)", announcement_id, count)
    return Reply([Text(tn("announce.sent", lang, count, id=announcement_id))], lang, private=True,
                 replace_original=True)


def _cancel(*, session: Any, announcement_id: int) -> bool:
    announcement = session.get(Announcement, announcement_id)
    if announcement is None or announcement.state != "draft":
        return False
    announcement.state = "cancelled"
    session.add(announcement)
    return True


@action(ACK)
async def acknowledge(ctx: Context, pressed: Action) -> Reply:
    """"I have read it": stored once per user and subject, and only for a published policy version or a sent
    announcement that reached this user (or the channel the button was pressed in). Anything else is
    answered politely and nothing is stored."""
    lang = ctx.language
    subject = pressed.id.removeprefix(ACK) or pressed.value
    outcome = await ctx.services.db.run(crud_schedule.record_acknowledgement, subject=subject,
                                        platform=ctx.platform, user_id=ctx.user_id,
                                        conversation_id=ctx.request.conversation.id)
    if outcome in ("unknown", "not_recipient"):
        ctx.log.info("acknowledgement refused (%s)", outcome)
        manager = ctx.services.policy.pack.company.social_media_manager
        key = "ack.not_found" if outcome == "unknown" else "ack.not_recipient"
        return Reply([Text(t(key, lang, name=manager.name, contact=manager.contact))], lang, private=True)
    return Reply([Text(t("ack.thanks" if outcome == "stored" else "ack.already", lang))], lang, private=True)
