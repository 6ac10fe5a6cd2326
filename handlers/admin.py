"""Admin use cases: the policy version in force, publishing a new one (with a per-section change summary and
an announcement the admin confirms), and figures (`report`, `report acknowledgements`)."""

from __future__ import annotations

import asyncio
import difflib
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.registry import command
from bot.core.services import Services
from bot.core.types import Bullets, Element, Fields, Reply, Text
from bot.policy import PolicyError, PolicyPack, load_pack
from bot.store import crud, crud_schedule
from bot.store.models import QuestionLog
from bot.store.models_schedule import Announcement, PolicyVersion
from handlers.announcements import change_lines, confirm_buttons
from handlers.messages import t, tn

MAX_PROBLEMS_SHOWN = 10
MISSING_SHOWN = 20
LATEST_QUESTIONS_SHOWN = 5
QUESTION_CHARS = 140
DETAIL_SHOWN = 3  # added or removed sentences (and FAQ questions) shown per section and language
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


def sentences(body: str) -> list[str]:
    """A section's text as sentences (list items and lines count as sentences), whitespace collapsed."""
    out = []
    for part in _SENTENCE_END.split(body):
        part = " ".join(_BULLET.sub("", part).split()).strip("# ")
        if part:
            out.append(part)
    return out


def section_snapshot(pack: PolicyPack) -> dict[str, dict[str, Any]]:
    """Per section: a hash of everything a reader sees (titles, bodies, FAQ in every language), the titles,
    and per language the sentences and FAQ questions, so the next publish can say what was added, removed or
    changed, sentence by sentence."""
    snapshot: dict[str, dict[str, Any]] = {}
    for section in pack.sections.values():
        digest = hashlib.sha256()
        for lang in sorted(section.texts):
            text = section.texts[lang]
            digest.update(f"{lang}\0{text.title}\0{text.body}\0".encode())
        for faq in section.faqs:
            for lang in sorted(faq.answers):
                digest.update(f"{lang}\0{chr(0).join(faq.questions.get(lang, ()))}\0{faq.answers[lang]}\0".encode())
        snapshot[section.id] = {
            "hash": digest.hexdigest(),
            "titles": {lang: text.title for lang, text in section.texts.items()},
            "sentences": {lang: sentences(text.body) for lang, text in section.texts.items()},
            "faqs": {lang: [f"{(faq.questions.get(lang) or ('',))[0]} → {faq.answers[lang]}" for faq in section.faqs
                            if lang in faq.answers] for lang in section.texts},
        }
    return snapshot


def _diff(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    """(added, removed) items, in order, from a sequence diff of two lists of sentences."""
    added: list[str] = []
    removed: list[str] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("replace", "delete"):
            removed += before[a1:a2]
        if op in ("replace", "insert"):
            added += after[b1:b2]
    return added, removed


def section_details(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Per language: the sentences and FAQ entries added and removed. Empty when the older snapshot predates
    sentence snapshots (then only the section's name is reported)."""
    if "sentences" not in old or "sentences" not in new:
        return {}
    details: dict[str, dict[str, list[str]]] = {}
    for lang in new["sentences"]:
        added, removed = _diff(old["sentences"].get(lang, []), new["sentences"][lang])
        faq_added, faq_removed = _diff(old.get("faqs", {}).get(lang, []), new.get("faqs", {}).get(lang, []))
        entry = {"added": added, "removed": removed, "faq_added": faq_added, "faq_removed": faq_removed}
        if any(entry.values()):
            details[lang] = entry
    return details


def change_summary(previous: dict[str, dict[str, Any]] | None, current: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Sections added, removed and changed since the previous snapshot (None: the first version); a changed
    section carries `details`: per language the sentences and FAQ entries added and removed."""
    if previous is None:
        return {"first": True, "count": len(current), "added": [], "removed": [], "changed": []}

    def item(section_id: str, source: dict[str, dict[str, Any]]) -> dict[str, Any]:
        return {"id": section_id, "titles": source[section_id]["titles"]}

    changed = []
    for section_id in current:
        if section_id in previous and previous[section_id]["hash"] != current[section_id]["hash"]:
            entry = item(section_id, current)
            details = section_details(previous[section_id], current[section_id])
            if details:
                entry["details"] = details
            changed.append(entry)
    return {
        "first": False,
        "added": [item(s, current) for s in current if s not in previous],
        "removed": [item(s, previous) for s in previous if s not in current],
        "changed": changed,
    }


@dataclass(frozen=True)
class PolicySync:
    """The policy version the bot answers from (the pack on disk) next to the version last published."""

    on_disk: str
    folder: str
    published: str | None
    published_at: datetime | None
    in_sync: bool

    def advice(self, language: str) -> str:
        """What the difference means and what to do, in `language`."""
        if self.published is None:
            return t("policy.sync.never", language, disk=self.on_disk)
        if self.in_sync:
            return t("policy.sync.same", language, version=self.on_disk)
        return t("policy.sync.differs", language, disk=self.on_disk, folder=self.folder,
                 published=self.published)

    def log_line(self) -> str:
        return (f"policy on disk: {self.on_disk} ({self.folder}); published: {self.published or 'none'}. "
                + self.advice("en"))

    def to_json(self) -> dict[str, Any]:
        return {"on_disk": self.on_disk, "folder": self.folder, "published": self.published,
                "published_at": self.published_at.isoformat() if self.published_at else None,
                "in_sync": self.in_sync, "advice": self.advice("en")}


def policy_sync_of(pack: PolicyPack, latest: PolicyVersion | None) -> PolicySync:
    """Compare the pack in force with the last published version (by content, not by label)."""
    return PolicySync(on_disk=pack.version_label, folder=str(pack.root),
                      published=latest.version if latest is not None else None,
                      published_at=latest.published_at if latest is not None else None,
                      in_sync=latest is not None and latest.content_hash == pack.content_hash)


async def policy_sync(services: Services) -> PolicySync:
    """The policy state for start-up, /healthz and the `policy` command."""
    latest = await services.db.run(crud_schedule.latest_policy_version)
    return policy_sync_of(services.policy.pack, latest)


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
    state = policy_sync_of(pack, latest)
    elements: list[Element] = [Text(t("policy.status", lang, version=pack.version_label, folder=pack.root))]
    if latest is not None:
        when = latest.published_at.strftime("%Y-%m-%d %H:%M UTC")
        elements.append(Text(t("policy.status.published", lang, version=latest.version, when=when,
                               by=latest.published_by)))
    elements.append(Text(state.advice(lang), style="muted" if state.in_sync else "warning"))
    if latest is not None:
        elements += summary_elements(json.loads(latest.summary), lang)
    return Reply(elements, lang, private=True, metadata=state.to_json())


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
    question = Reply([Text(tn("policy.announce_question", lang, count)), confirm_buttons(draft_id, lang)],
                     lang, private=True, metadata={"announcement_id": draft_id})
    return [published, question]


def _short(text: str, limit: int = QUESTION_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def latest_questions(*, session: Session, limit: int = LATEST_QUESTIONS_SHOWN) -> dict[str, list[QuestionLog]]:
    """The newest escalated questions, and the newest that the policy did not answer (no source found, or a
    👎) without being escalated: what the social media manager should read first."""
    escalated = session.exec(select(QuestionLog).where(col(QuestionLog.escalated).is_(True))
                             .order_by(col(QuestionLog.created_at).desc(), col(QuestionLog.id).desc())
                             .limit(limit)).all()
    unanswered = session.exec(select(QuestionLog).where(col(QuestionLog.escalated).is_(False))
                              .where((col(QuestionLog.sources) == "") | (col(QuestionLog.feedback) == "down"))
                              .order_by(col(QuestionLog.created_at).desc(), col(QuestionLog.id).desc())
                              .limit(limit)).all()
    return {"escalated": list(escalated), "unanswered": list(unanswered)}


def _question_line(row: QuestionLog) -> str:
    return f"{row.created_at.strftime('%Y-%m-%d %H:%M')} {row.platform}:{row.user_id}: “{_short(row.question)}”"


ACK_WORDS = ("acknowledgements", "acks", "ack", "leesbevestigingen", "gelezen")


async def _ack_subject(ctx: Context, which: str, latest: PolicyVersion | None) -> tuple[str, str] | Reply:
    """(subject, label) for `report acknowledgements [<announcement id>|v<version id>]`, or a reply saying
    why not."""
    lang = ctx.language
    db = ctx.services.db
    word = which.strip().lstrip("#").lower()
    if not word:
        if latest is None:
            return Reply([Text(t("report.no_version", lang))], lang, private=True)
        return f"v{latest.id}", t("report.label.version", lang, version=latest.version)
    if word.startswith("v") and word[1:].isdigit():
        version = await db.run(crud_schedule.get_policy_version, version_id=int(word[1:]))
        if version is None:
            raise UserError(t("report.ack_unknown", lang, which=which.strip()))
        return f"v{version.id}", t("report.label.version", lang, version=version.version)
    if word.startswith("a") and word[1:].isdigit():
        word = word[1:]
    if not word.isdigit():
        raise UserError(t("report.ack_unknown", lang, which=which.strip()))
    announcement = await db.run(crud_schedule.get_announcement, announcement_id=int(word))
    if announcement is None or announcement.state != "sent":
        raise UserError(t("report.ack_unknown", lang, which=which.strip()))
    if announcement.kind == "policy" and announcement.policy_version_id is not None:
        version = await db.run(crud_schedule.get_policy_version, version_id=announcement.policy_version_id)
        label = version.version if version is not None else str(announcement.policy_version_id)
        return f"v{announcement.policy_version_id}", t("report.label.version", lang, version=label)
    return f"a{announcement.id}", t("report.label.announcement", lang, id=announcement.id,
                                    text=_short(announcement.text or "", 60))


@command("report", words=("rapport", "cijfers"), admin=True, order=140)
async def report(ctx: Context, args: str) -> Reply:
    """`report`: figures and the latest escalated and unanswered questions; `report acknowledgements [<id>]`:
    coverage of the latest version (or of announcement <id>) and who has not read it."""
    lang = ctx.language
    word, _, rest = args.strip().partition(" ")
    word = word.lower()
    db = ctx.services.db
    latest = await db.run(crud_schedule.latest_policy_version)
    if word in ACK_WORDS:
        found = await _ack_subject(ctx, rest, latest)
        if isinstance(found, Reply):
            return found
        subject, label = found
        coverage = await db.run(crud_schedule.ack_coverage, subject=subject, limit=MISSING_SHOWN)
        elements: list[Element] = [
            Text(t("report.ack_title_of", lang, what=label), style="heading"),
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
    elements = [Text(t("report.title", lang), style="heading"), Fields(tuple(items))]
    recent = await db.run(latest_questions)
    for kind in ("escalated", "unanswered"):
        elements.append(Text(t(f"report.latest.{kind}", lang), style="heading"))
        rows = recent[kind]
        elements.append(Bullets(tuple(_question_line(r) for r in rows)) if rows
                        else Text(t("report.latest.none", lang), style="muted"))
    elements.append(Text(t("report.latest.more", lang), style="muted"))
    return Reply(elements, lang, private=True, metadata=figures)
