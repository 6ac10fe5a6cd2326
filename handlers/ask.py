"""Answering questions about the protocol, feedback on answers, and bringing in the human manager."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

from bot.answer.conversation import ConversationMemory, intent, is_follow_up, resolve_follow_up, small_talk
from bot.answer.types import Answer
from bot.core.context import Context
from bot.core.errors import UserError
from bot.core.registry import action, command
from bot.core.types import Action, Actions, Button, Element, Reply, SourceLink, Sources, Target, Text
from bot.store import crud, crud_schedule
from handlers.messages import t

MAX_QUESTION_CHARS = 4000
FEEDBACK_UP = "smm.feedback.up"
FEEDBACK_DOWN = "smm.feedback.down"
ESCALATE = "smm.escalate"
# Hashtags need a letter (`#5` is a button number, not a hashtag), mentions a letter too.
POST_MARKERS = re.compile(r"(?:^|\s)#\d*[^\W\d_]|https?://|(?:^|\s)@\w*[^\W\d_]|<[@#!]")
QUESTION_START = re.compile(
    r"\s*(?:hoe|wat(?!\s+een\b)|wanneer|waar|waarom|wie|welke?|hoeveel|mag|mogen|kan|kun|kunnen|moet|moeten|is|zijn|ben|"
    r"heb|hebben|geldt|klopt|how|what(?!\s+an?\b)|when|where|why|who|whom|which|can|could|may|might|must|should|shall|are|"
    r"am|do|does|did|will|would|have|has)\b", re.IGNORECASE)
MEMORY_KEY = "answer.conversations"


def looks_like_post(text: str) -> bool:
    """A draft post sent without `review`: long, or a few words with a hashtag, link or mention. It is not
    answered as a question, so its text is not stored in the question log. A question (a question mark, or a
    question word first: "hoe zit het met #ad", "Is @NoordlichtNL …") and a bare `#5` are never taken for one."""
    if "?" in text or QUESTION_START.match(text):
        return False
    if len(text) > 280:
        return True
    return len(text.split()) >= 3 and POST_MARKERS.search(text) is not None


@command("ask", words=("vraag",), order=10)
async def ask(ctx: Context, question: str) -> Reply:
    """Answer from the policy pack, citing the sections used; offer the human manager when it is not covered."""
    if not question.strip():
        raise UserError(t("ask.empty", ctx.language))
    if len(question) > MAX_QUESTION_CHARS:
        raise UserError(t("ask.too_long", ctx.language, length=len(question), limit=MAX_QUESTION_CHARS))
    if looks_like_post(question):
        text = t("ask.looks_like_post", ctx.language)
        return Reply([Text(text)], ctx.language, private=True, summary=text)
    policy = ctx.services.policy
    kind = intent(question)
    if kind == "small_talk":
        return _small_talk(ctx, question)
    memory = conversation_memory(ctx)
    key = conversation_key(ctx)
    asked = question
    if kind == "changes":
        answer = policy.answers.changes_answer(ctx.language, await _published(ctx))
    elif kind == "sections":
        answer = policy.answers.sections_answer(ctx.language)
    else:
        # The engines are CPU work: run them off the event loop so one long input never stalls the bot.
        previous = memory.recall(key)
        if previous is not None and is_follow_up(question):
            asked = resolve_follow_up(previous, question)
            answer = await asyncio.to_thread(policy.answers.answer, asked, language=ctx.language)
            if answer.escalate:  # the follow-up may make sense on its own after all
                alone = await asyncio.to_thread(policy.answers.answer, question, language=ctx.language)
                if not alone.escalate:
                    asked, answer = question, alone
        else:
            answer = await asyncio.to_thread(policy.answers.answer, question, language=ctx.language)
        memory.remember(key, asked)
    if answer.escalate and ctx.dispatcher is not None:
        ctx.dispatcher.metrics.escalations.labels(ctx.platform).inc()
    question_id = await ctx.services.db.run(
        crud.log_question, platform=ctx.platform, user_id=ctx.user_id, question=question,
        language=answer.language, sources=[s.id for s in answer.sources], confidence=answer.confidence,
        escalated=answer.escalate, policy_version=policy.pack.version_label,
        message_link=ctx.request.conversation.link,
    )
    lang = answer.language
    elements: list[Element] = [Text(answer.details.get("lead") or answer.text)]
    if answer.sources:
        elements.append(Sources(t("ask.sources", lang), tuple(SourceLink(s.id, s.title) for s in answer.sources)))
    buttons = [
        Button(FEEDBACK_UP, t("ask.helpful", lang), str(question_id)),
        Button(FEEDBACK_DOWN, t("ask.not_helpful", lang), str(question_id)),
    ]
    if answer.escalate:
        buttons.insert(0, Button(ESCALATE, t("ask.escalate_button", lang), str(question_id), style="primary"))
    elements.append(Actions(tuple(buttons)))
    ctx.log.info("answered question %s (escalate=%s, confidence=%.2f, follow_up=%s, intent=%s)", question_id,
                 answer.escalate, answer.confidence, asked != question, kind)
    return Reply(elements, lang, summary=answer.text,
                 metadata={"question_id": question_id, "escalate": answer.escalate,
                           "sources": [s.id for s in answer.sources], "follow_up": asked != question,
                           "intent": kind})


def conversation_memory(ctx: Context) -> ConversationMemory:
    """The bot's memory of each conversation's last question (one per running bot, kept in its services)."""
    memory = ctx.services.extras.get(MEMORY_KEY)
    if not isinstance(memory, ConversationMemory):
        memory = ctx.services.extras[MEMORY_KEY] = ConversationMemory()
    return memory


def conversation_key(ctx: Context) -> tuple[str, str, str]:
    """One conversation: the same user in the same channel, chat or thread."""
    conversation = ctx.request.conversation
    where = conversation.id if conversation.thread_id is None else f"{conversation.id}/{conversation.thread_id}"
    return ctx.platform, ctx.user_id, where


def _small_talk(ctx: Context, text: str) -> Reply:
    """A greeting, thanks or goodbye: a short reply in the language it was said in; not logged as a question."""
    chat = small_talk(text)
    languages = ctx.services.policy.pack.languages
    lang = chat.language if chat is not None and chat.language in languages else ctx.language
    answer: Answer = ctx.services.policy.answers.small_talk_answer(chat.kind if chat else "ack", lang)
    return Reply([Text(answer.text)], lang, summary=answer.text,
                 metadata={"escalate": False, "sources": [], "intent": "small_talk"})


async def _published(ctx: Context) -> dict[str, Any] | None:
    """The latest published policy version with its change summary, or None when none was recorded."""
    latest = await ctx.services.db.run(crud_schedule.latest_policy_version)
    if latest is None:
        return None
    try:
        summary = json.loads(latest.summary)
    except ValueError:
        summary = {}
    return {"version": latest.version, "when": latest.published_at.strftime("%Y-%m-%d"),
            "summary": summary if isinstance(summary, dict) else {}}


@action("smm.feedback.")
async def feedback(ctx: Context, pressed: Action) -> Reply:
    """Store 👍/👎 on an answer (only the asker's vote counts)."""
    verdict = "up" if pressed.id == FEEDBACK_UP else "down"
    try:
        question_id = int(pressed.value)
    except ValueError:
        return Reply([Text(t("ask.feedback_unknown", ctx.language))], ctx.language, private=True)
    outcome = await ctx.services.db.run(crud.set_feedback, question_id=question_id, feedback=verdict,
                                        user_id=ctx.user_id, platform=ctx.platform)
    # Say what happened to the vote, so a second press never reads as a second vote counted.
    vote = t("ask.helpful" if verdict == "up" else "ask.not_helpful", ctx.language)
    key = {"stored": "ask.feedback_thanks", "changed": "ask.feedback_changed", "same": "ask.feedback_same",
           "not_asker": "ask.feedback_not_asker"}.get(outcome, "ask.feedback_unknown")
    return Reply([Text(t(key, ctx.language, vote=vote))], ctx.language, private=True)


@action(ESCALATE)
async def escalate(ctx: Context, pressed: Action) -> Reply:
    """Post the question to the social media manager's channel, or tell the user how to reach them."""
    manager = ctx.services.policy.pack.company.social_media_manager
    channel = ctx.services.settings.escalation_channel(ctx.platform)
    if channel is None or not pressed.value.isdigit() or not ctx.services.messenger.has(ctx.platform):
        text = t("ask.escalate_no_channel", ctx.language, name=manager.name, contact=manager.contact)
        return Reply([Text(text)], ctx.language, private=True, summary=text)
    # Only the asker's own question, and only once, however often the button is pressed.
    row = await ctx.services.db.run(crud.mark_escalated, question_id=int(pressed.value), user_id=ctx.user_id)
    if row is None:
        text = t("ask.escalated_already", ctx.language, name=manager.name, contact=manager.contact)
        return Reply([Text(text)], ctx.language, private=True, summary=text)
    lang = ctx.services.policy.pack.languages[0]
    elements: list[Element] = [
        Text(t("ask.escalation_post", lang, user=row.user_id)),
        Text(row.question, style="quote"),
    ]
    if row.message_link:
        elements.append(Text(t("ask.escalation_link", lang, link=row.message_link), style="muted"))
    await ctx.services.messenger.send(
        Target(ctx.platform, "channel", channel),
        Reply(elements, lang, summary=row.question[:150], metadata={"mention_user": row.user_id}),
    )
    ctx.log.info("escalated question %s to the manager's channel", row.id)
    text = t("ask.escalated", ctx.language, name=manager.name)
    return Reply([Text(text)], ctx.language, private=True, summary=text)
