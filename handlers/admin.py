"""Admin use cases: the policy version in force, publishing a new one (with a per-section change summary and
an announcement the admin confirms), and figures (`report`, `report acknowledgements`)."""

from __future__ import annotations

import asyncio
import hashlib
import json
from typing import Any

from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.registry import command
from bot.core.types import Bullets, Element, Fields, Reply, Text
from bot.policy import PolicyError, PolicyPack, load_pack
from bot.store import crud, crud_schedule
from bot.store.models_schedule import Announcement
from handlers.announcements import change_lines, confirm_buttons
from handlers.messages import t

MAX_PROBLEMS_SHOWN = 10
MISSING_SHOWN = 20


def section_snapshot(pack: PolicyPack) -> dict[str, dict[str, Any]]:
    """Per section: a hash of everything a reader sees (titles, bodies, FAQ in every language) and the titles,
    so the next publish can say what was added, removed or changed."""
    snapshot: dict[str, dict[str, Any]] = {}
    for section in pack.sections.values():
        digest = hashlib.sha256()
        for lang in sorted(section.texts):
            text = section.texts[lang]
            digest.update(f"{lang}\0{text.title}\0{text.body}\0".encode())
        for faq in section.faqs:
            for lang in sorted(faq.answers):
                digest.update(f"{lang}\0{chr(0).join(faq.questions.get(lang, ()))}\0{faq.answers[lang]}\0".encode())
        snapshot[section.id] = {"hash": digest.hexdigest(),
                                "titles": {lang: text.title for lang, text in section.texts.items()}}
    return snapshot


def change_summary(previous: dict[str, dict[str, Any]] | None, current: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Sections added, removed and changed since the previous snapshot (None: the first version)."""
    if previous is None:
        return {"first": True, "count": len(current), "added": [], "removed": [], "changed": []}

    def item(section_id: str, source: dict[str, dict[str, Any]]) -> dict[str, Any]:
        return {"id": section_id, "titles": source[section_id]["titles"]}

    return {
        "first": False,
        "added": [item(s, current) for s in current if s not in previous],
        "removed": [item(s, previous) for s in previous if s not in current],
        "changed": [item(s, current) for s in current if s in previous and previous[s]["hash"] != current[s]["hash"]],
    }


def summary_elements(summary: dict[str, Any], language: str) -> list[Element]:
    if summary.get("first"):
        return [Text(t("change.first", language, count=summary.get("count", 0)))]
    lines = change_lines(summary, language)
    return [Bullets(tuple(lines))] if lines else [Text(t("change.none", language))]


def _record(*, session: Any, pack: PolicyPack, published_by: str, platform: str,
            language: str) -> tuple[Any, dict[str, Any], int | None]:
    """In one transaction: compare with the last version, record the new one and a draft announcement."""
    latest = crud_schedule.latest_policy_version(session=session)
    if latest is not None and latest.content_hash == pack.content_hash:
        return latest, {}, None
    snapshot = section_snapshot(pack)
    summary = change_summary(json.loads(latest.snapshot) if latest is not None else None, snapshot)
    version = crud_schedule.record_policy_version(session=session, version=pack.version_label,
                                                  content_hash=pack.content_hash, published_by=published_by,
                                                  summary=summary, snapshot=snapshot)
    draft = crud_schedule.create_announcement(session=session, announcement=Announcement(
        kind="policy", policy_version_id=version.id, language=language, platform=platform, created_by=published_by))
    return version, summary, draft.id


@command("policy", words=("protocol", "beleid"), admin=True, order=130)
async def policy(ctx: Context, args: str) -> Reply | list[Reply]:
    """`policy`: the version in force; `policy publish`: validate, record and swap in the pack on disk."""
    lang = ctx.language
    word = args.strip().lower()
    if word in ("publish", "publiceer"):
        return await _publish(ctx)
    if word not in ("", "status"):
        return Reply([Text(t("policy.usage", lang))], lang, private=True)
    pack = ctx.services.policy.pack
    latest = await ctx.services.db.run(crud_schedule.latest_policy_version)
    elements: list[Element] = [Text(t("policy.status", lang, version=pack.version_label))]
    if latest is None:
        elements.append(Text(t("policy.status.never", lang)))
    else:
        when = latest.published_at.strftime("%Y-%m-%d %H:%M UTC")
        elements.append(Text(t("policy.status.published", lang, version=latest.version, when=when,
                               by=latest.published_by)))
        elements += summary_elements(json.loads(latest.summary), lang)
    return Reply(elements, lang, private=True)


def _prepare(folder: Any) -> tuple[PolicyPack | None, Any, Any, list[str]]:
    """Load the pack on disk, check what `load_pack` does not (review lexicons, tips) and build both engines,
    all before anything is recorded. Returns (pack, answers, reviews, problems); any problem means the
    pack must not be published. Runs in a worker thread: building the engines takes a while."""
    from bot.answer.engine import AnswerEngine
    from bot.review.engine import ReviewEngine
    from bot.review.lexicons import LexiconError, check_review_lexicons
    from bot.scheduler.tips import check_tips

    try:
        pack = load_pack(folder)
    except PolicyError as exc:
        return None, None, None, [p.format(exc.root) for p in exc.problems]
    root = pack.root
    problems = [p.format(root) for p in (*check_review_lexicons(root), *check_tips(root))]
    if problems:
        return None, None, None, problems
    try:
        answers, reviews = AnswerEngine(pack), ReviewEngine(pack)
    except LexiconError as exc:
        return None, None, None, [p.format(root) for p in exc.problems]
    except Exception as exc:  # anything else that would also stop the bot from starting with this pack
        return None, None, None, [f"{root}: the engines could not be built: {type(exc).__name__}: {exc}"]
    return pack, answers, reviews, []


async def _publish(ctx: Context) -> Reply | list[Reply]:
    lang = ctx.language
    folder = ctx.services.settings.policy_dir
    pack, answers, reviews, problems = await asyncio.to_thread(_prepare, folder)
    if pack is None:
        await ctx.services.db.run(crud.audit, platform=ctx.platform, user_id=ctx.user_id, action="policy.publish",
                                  allowed=True, detail=f"rejected: {len(problems)} problem(s)")
        raise UserError(t("policy.invalid", lang, folder=folder, count=len(problems)) + "\n" +
                        "\n".join("• " + line for line in problems[:MAX_PROBLEMS_SHOWN]))
    version, summary, draft_id = await ctx.services.db.run(
        _record, pack=pack, published_by=f"{ctx.platform}:{ctx.user_id}", platform=ctx.platform, language=lang)
    if draft_id is None:
        return Reply([Text(t("policy.unchanged", lang, version=version.version))], lang, private=True)
    ctx.services.policy.install(pack, answers, reviews)
    await ctx.services.db.run(crud.audit, platform=ctx.platform, user_id=ctx.user_id, action="policy.publish",
                              allowed=True, detail=f"version {version.id} ({pack.version_label})")
    ctx.log.info("published policy version %s", version.id)
    users = await ctx.services.db.run(crud.list_users)
    count = sum(1 for u in users if u.platform in ctx.services.messenger.platforms)
    published = Reply([Text(t("policy.published", lang, version=pack.version_label), style="heading"),
                       *summary_elements(summary, lang)], lang, private=True,
                      metadata={"version_id": version.id, "summary": summary})
    question = Reply([Text(t("policy.announce_question", lang, count=count)), confirm_buttons(draft_id, lang)],
                     lang, private=True, metadata={"announcement_id": draft_id})
    return [published, question]


@command("report", words=("rapport", "cijfers"), admin=True, order=140)
async def report(ctx: Context, args: str) -> Reply:
    """`report`: figures; `report acknowledgements`: coverage of the latest version and who has not read it."""
    lang = ctx.language
    word = args.strip().lower()
    db = ctx.services.db
    latest = await db.run(crud_schedule.latest_policy_version)
    if word in ("acknowledgements", "acks", "ack", "leesbevestigingen", "gelezen"):
        if latest is None:
            return Reply([Text(t("report.no_version", lang))], lang, private=True)
        coverage = await db.run(crud_schedule.ack_coverage, subject=f"v{latest.id}", limit=MISSING_SHOWN)
        elements: list[Element] = [
            Text(t("report.ack_title", lang, version=latest.version), style="heading"),
            Text(t("report.ack_line", lang, acked=coverage.acknowledged, known=coverage.known,
                   percent=coverage.percent)),
        ]
        if coverage.missing:
            elements += [Text(t("report.ack_missing", lang, count=len(coverage.missing))),
                         Bullets(tuple(f"{name or user} ({platform})" for platform, user, name in coverage.missing))]
        else:
            elements.append(Text(t("report.ack_all", lang)))
        return Reply(elements, lang, private=True, metadata={"acknowledged": coverage.acknowledged,
                                                             "known": coverage.known})
    if word:
        return Reply([Text(t("report.usage", lang))], lang, private=True)
    figures = await db.run(crud_schedule.report_figures)
    items = [
        (t("report.questions", lang), str(figures["questions"])),
        (t("report.escalations", lang), str(figures["escalations"])),
        (t("report.feedback", lang), f"{figures['feedback_up']} / {figures['feedback_down']}"),
        (t("report.users", lang), str(figures["users"])),
    ]
    if latest is not None:
        coverage = await db.run(crud_schedule.ack_coverage, subject=f"v{latest.id}", limit=0)
        items.append((t("report.acks", lang, version=latest.version),
                      t("report.ack_line", lang, acked=coverage.acknowledged, known=coverage.known,
                        percent=coverage.percent)))
    return Reply([Text(t("report.title", lang), style="heading"), Fields(tuple(items))], lang, private=True,
                 metadata=figures)
