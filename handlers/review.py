"""Reviewing draft posts and profiles. The post's text is never stored or logged."""

from __future__ import annotations

import asyncio

from bot.core.commands import REVIEW_ALIASES, REVIEW_COMMAND
from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.registry import command
from bot.core.types import Bullets, Divider, Element, Fields, Reply, SourceLink, Sources, Text
from bot.review.types import Review
from bot.text.lang import detect_language
from handlers.messages import t

MAX_POST_CHARS = 40_000


def render_review(review: Review, titles: dict[str, str], rule_titles: dict[str, str] | None = None) -> list[Element]:
    """The review as neutral elements: verdict first, then each finding with why, where and what instead.

    `rule_titles` names the company's own rules (from its rules.yaml); built-in rules use the catalogue."""
    lang = review.language
    elements: list[Element] = [Text(t(f"review.verdict.{review.verdict}", lang), style="heading")]
    if review.summary:
        elements.append(Text(review.summary))
    for finding in review.findings:
        elements.append(Divider())
        own = (rule_titles or {}).get(finding.rule)
        rule = own if own is not None else t(f"review.rule.{finding.rule}", lang)
        severity = t(f"review.severity.{finding.severity}", lang)
        elements.append(Text(f"{rule} ({severity})", style="heading"))
        elements.append(Text(finding.excerpt, style="quote"))
        elements.append(Text(finding.message))
        if finding.suggestion:
            elements.append(Text(f"{t('review.suggestion', lang)}: {finding.suggestion}", style="muted"))
    sections = list(dict.fromkeys(f.section for f in review.findings))
    if sections:
        elements.append(Sources(t("ask.sources", lang), tuple(SourceLink(s, titles.get(s, s)) for s in sections)))
    elements.append(Text(t("review.private_note", lang), style="muted"))
    return elements


@command(REVIEW_COMMAND, words=REVIEW_ALIASES, order=20)
async def review(ctx: Context, post: str) -> Reply:
    """Check a draft post against the protocol; the verdict is private to the asker."""
    if not post.strip():
        raise UserError(t("review.empty", ctx.language))
    if len(post) > MAX_POST_CHARS:
        raise UserError(t("review.too_long", ctx.language, length=len(post), limit=MAX_POST_CHARS))
    policy = ctx.services.policy
    # CPU work off the event loop, so a 40,000-character post never stalls other users.
    # ctx.language was detected on the whole message, i.e. on the post itself.
    result = await asyncio.to_thread(policy.reviews.review, post, language=ctx.language)
    titles = {sid: sec.title(result.language) for sid, sec in policy.pack.sections.items()}
    ctx.log.info("reviewed a post: verdict=%s findings=%d", result.verdict, len(result.findings))
    return Reply(render_review(result, titles, policy.reviews.rule_titles(result.language)), result.language,
                 private=True,
                 summary=t(f"review.verdict.{result.verdict}", result.language),
                 metadata={"verdict": result.verdict, "rules": [f.rule for f in result.findings]})


@command("profile", words=("profiel", "account"), order=30)
async def profile(ctx: Context, args: str) -> Reply:
    """Say whether an account reads as private or corporate and what the profile needs."""
    from bot.review.profile import check_profile

    handle, _, bio = args.strip().partition(" ")
    company = ctx.services.policy.pack.company
    if not handle:
        raise UserError(t("profile.usage", ctx.language, company=company.short_name))
    language = detect_language(bio, default=ctx.language) if bio.strip() else ctx.language
    result = await asyncio.to_thread(check_profile, ctx.services.policy.pack, handle, bio=bio or None,
                                     language=language)
    # Read the result's own fields (not a JSON shape guessed at): the same verdict and advice as `smm profile`.
    lang = result.language
    kind = t(f"profile.kind.{result.kind}", lang)
    elements: list[Element] = [
        Fields(((t("profile.reads_as", lang), kind),)),
        Text(result.summary),
    ]
    if result.advice:
        elements.append(Text(t("profile.needs", lang), style="heading"))
        elements.append(Bullets(tuple(advice.text for advice in result.advice)))
    if result.sections:
        pack = ctx.services.policy.pack
        elements.append(Sources(t("ask.sources", lang), tuple(
            SourceLink(s, pack.sections[s].title(lang) if s in pack.sections else s) for s in result.sections)))
    ctx.log.info("checked a profile: reads as %s", result.kind)
    return Reply(elements, lang, private=True, summary=f"{t('profile.reads_as', lang)} {kind}",
                 metadata={"kind": result.kind})
