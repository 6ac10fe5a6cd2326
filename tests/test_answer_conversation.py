"""Answers that generalise (issue 10): small talk, follow-ups, what changed, which topics — as conversations."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from bot.answer.conversation import ConversationMemory, intent, is_follow_up, small_talk
from bot.cli import app
from bot.store import crud_schedule
from bot.store.models import QuestionLog
from handlers.ask import MEMORY_KEY

ID = re.compile(r"\[([a-z0-9]+(?:-[a-z0-9]+)*)\]")
NOT_UNDERSTOOD = ("begrijp de vraag niet", "did not quite understand", "zegt hier niets over", "does not cover")
ESCALATE_BUTTON = ("Vraag het de social media manager", "Ask the social media manager")


def cited(reply: str) -> list[str]:
    """The section ids a reply cites, best first (its Sources line renders them as `Title [id]`)."""
    lines = [line for line in reply.splitlines() if line.startswith(("Bronnen:", "Sources:"))]
    return ID.findall(lines[0]) if lines else []


def logged(bot_app: Any) -> list[str]:
    with bot_app.services.db.session() as session:
        return [row.question for row in session.exec(select(QuestionLog)).all()]


# -- 1. small talk ------------------------------------------------------------------------------------------

SMALL_TALK = [
    ("hoi", "nl", "Stel me een vraag"), ("hallo", "nl", "Stel me een vraag"),
    ("goedemorgen", "nl", "Stel me een vraag"), ("hi", "en", "Ask me anything"),
    ("bedankt", "nl", "Graag gedaan"), ("dank je", "nl", "Graag gedaan"), ("Dank je wel!", "nl", "Graag gedaan"),
    ("thanks", "en", "You're welcome"), ("thank you", "en", "You're welcome"), ("cheers", "en", "You're welcome"),
    ("doei", "nl", "Tot ziens"), ("bye", "en", "Bye"), ("Thanks! 👍", "en", "You're welcome"),
]


@pytest.mark.parametrize(("line", "lang", "expected"), SMALL_TALK)
async def test_small_talk_gets_a_short_friendly_reply(testbot: Any, bot_app: Any, line: str, lang: str,
                                                      expected: str) -> None:
    reply = await testbot.say(line)
    assert expected in reply
    assert not any(marker in reply for marker in NOT_UNDERSTOOD + ESCALATE_BUTTON)
    assert cited(reply) == []
    assert logged(bot_app) == []  # small talk is not an (unanswered) question


@pytest.mark.parametrize("line", ["👍", "ok", "oké!"])
async def test_acknowledgements_get_a_short_reply(testbot: Any, bot_app: Any, line: str) -> None:
    reply = await testbot.say(line)
    assert "Fijn!" in reply or "Great!" in reply
    assert not any(marker in reply for marker in NOT_UNDERSTOOD + ESCALATE_BUTTON)
    assert logged(bot_app) == []


async def test_a_greeting_with_a_question_is_still_a_question(testbot: Any, bot_app: Any) -> None:
    reply = await testbot.say("hoi, mag ik op LinkedIn zeggen waar ik werk?")
    assert "Stel me een vraag" not in reply
    assert "private-vs-corporate-accounts" in cited(reply) or "promoting-the-company" in cited(reply)
    assert logged(bot_app) == ["hoi, mag ik op LinkedIn zeggen waar ik werk?"]


def test_small_talk_matcher_is_whole_message_only() -> None:
    assert small_talk("hoi") is not None and small_talk("hoi").language == "nl"  # type: ignore[union-attr]
    assert small_talk("thank you so much!!") is not None
    for line in ("hoi, mag ik op LinkedIn zeggen waar ik werk?", "thanks, but can I post this?", "ok maar mag ik",
                 "...", "?", "bedankt voor de uitleg over Instagram", "hoi?"):
        assert small_talk(line) is None, line


# -- 2. follow-ups --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("first", "follow_up"), [
    ("Mag ik tijdens werktijd op Instagram?", "en op tiktok?"),
    ("Mag ik tijdens werktijd op Instagram?", "en tiktok dan?"),
    ("Can I use Instagram during working hours?", "and on TikTok?"),
    ("Can I use Instagram during working hours?", "what about TikTok?"),
])
async def test_a_follow_up_uses_the_previous_question(testbot: Any, bot_app: Any, first: str,
                                                      follow_up: str) -> None:
    first_reply = await testbot.say(first)
    section = cited(first_reply)[0]
    assert section == "working-hours"
    # On its own the follow-up would be answered from another section (it names only a platform).
    alone = bot_app.services.policy.answers.answer(follow_up)
    assert not alone.sources or alone.sources[0].id != section or alone.escalate
    reply = await testbot.say(follow_up)
    assert cited(reply)[0] == section
    assert "intellectual-property" not in cited(reply)[:1]
    questions = logged(bot_app)
    assert len(questions) == 2 and "tiktok" in questions[1].lower()


async def test_a_follow_up_about_private_use(testbot: Any) -> None:
    first = cited(await testbot.say("Mag ik tijdens werktijd op Instagram?"))[0]
    assert cited(await testbot.say("en als het privé is?"))[0] == first


async def test_a_follow_up_without_a_recent_question_is_a_normal_question(testbot: Any, bot_app: Any) -> None:
    engine = bot_app.services.policy.answers
    expected = [s.id for s in engine.answer("en op tiktok?", language="nl").sources]
    assert cited(await testbot.say("en op tiktok?")) == expected


async def test_a_follow_up_after_the_time_limit_is_a_normal_question(testbot: Any, bot_app: Any) -> None:
    now = [1000.0]
    bot_app.services.extras[MEMORY_KEY] = ConversationMemory(clock=lambda: now[0])
    engine = bot_app.services.policy.answers
    expected = [s.id for s in engine.answer("and on TikTok?", language="en").sources]
    assert cited(await testbot.say("Can I use Instagram during working hours?"))[0] == "working-hours"
    now[0] += 5 * 60 + 1
    assert cited(await testbot.say("and on TikTok?")) == expected


async def test_follow_ups_stay_in_their_own_conversation(testbot: Any, bot_app: Any) -> None:
    from bot.adapters.console import ConsoleAdapter

    other = ConsoleAdapter(bot_app.dispatcher, user_id="someone-else")
    engine = bot_app.services.policy.answers
    expected = [s.id for s in engine.answer("en op tiktok?", language="nl").sources]
    assert cited(await testbot.say("Mag ik tijdens werktijd op Instagram?"))[0] == "working-hours"
    assert cited(await other.say("en op tiktok?")) == expected


async def test_a_real_question_after_a_question_is_not_a_follow_up(testbot: Any) -> None:
    await testbot.say("Mag ik tijdens werktijd op Instagram?")
    reply = await testbot.say("Mag ik foto's van collega's op Instagram zetten?")
    assert cited(reply)[0] == "privacy-of-others"


def test_follow_up_detection_is_conservative() -> None:
    for line in ("en op tiktok?", "and on Teams?", "en instagram dan?", "what about X?", "en als het privé is?",
                 "how about LinkedIn?", "ook op Facebook?"):
        assert is_follow_up(line), line
    for line in ("Mag ik op tiktok?", "and can I post photos of my colleagues at the party?",
                 "en mag ik foto's van collega's delen op Instagram?", "Instagram?"):
        assert not is_follow_up(line), line


def test_conversation_memory_is_bounded_and_forgets() -> None:
    now = [0.0]
    memory = ConversationMemory(capacity=3, ttl=60, clock=lambda: now[0])
    for n in range(5):
        memory.remember(("console", f"u{n}", "c"), f"question {n}")
    assert len(memory) == 3
    assert memory.recall(("console", "u0", "c")) is None
    assert memory.recall(("console", "u4", "c")) == "question 4"
    now[0] = 61
    assert memory.recall(("console", "u4", "c")) is None
    memory.remember(("console", "u", "c"), "x" * 5000)
    assert len(memory.recall(("console", "u", "c")) or "") == 1000


# -- 3. what changed ------------------------------------------------------------------------------------------

def _record(bot_app: Any, summary: dict[str, Any]) -> None:
    pack = bot_app.services.policy.pack
    with bot_app.services.db.session() as session:
        crud_schedule.record_policy_version(session=session, version=pack.version_label, content_hash=pack.content_hash,
                                            published_by="console:admin-1", summary=summary, snapshot={})


@pytest.mark.parametrize(("line", "expected"), [
    ("What changed in the protocol?", "No changes have been recorded"),
    ("wat is er veranderd in het protocol?", "Er zijn geen wijzigingen vastgelegd"),
    ("wat is er nieuw in het beleid?", "Er zijn geen wijzigingen vastgelegd"),
])
async def test_what_changed_without_a_published_version(testbot: Any, bot_app: Any, line: str,
                                                        expected: str) -> None:
    reply = await testbot.say(line)
    assert expected in reply
    assert bot_app.services.policy.pack.version_label in reply
    assert not any(marker in reply for marker in NOT_UNDERSTOOD + ESCALATE_BUTTON)


async def test_what_changed_gives_the_latest_change_summary(testbot: Any, bot_app: Any) -> None:
    pack = bot_app.services.policy.pack
    _record(bot_app, {"first": True, "count": len(pack.sections), "added": [], "removed": [], "changed": []})
    _record(bot_app, {"first": False, "added": [], "removed": [{"id": "old-topic",
                                                                "titles": {"nl": "Oud onderwerp", "en": "Old topic"}}],
                      "changed": [{"id": "working-hours", "titles": {"nl": "x", "en": "x"}}]})
    reply = await testbot.say("What changed in the protocol?")
    assert f"Changed: {pack.sections['working-hours'].title('en')}" in reply
    assert "Removed: Old topic" in reply
    assert cited(reply) == ["working-hours"]
    reply = await testbot.say("wat is er veranderd in het protocol?")
    assert f"Gewijzigd: {pack.sections['working-hours'].title('nl')}" in reply
    assert "Vervallen: Oud onderwerp" in reply


async def test_what_changed_after_the_first_publish(testbot: Any, bot_app: Any) -> None:
    _record(bot_app, {"first": True, "count": 16, "added": [], "removed": [], "changed": []})
    assert "first recorded version" in await testbot.say("What changed in the protocol?")


# -- 4. the whole protocol --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("line", "lang"), [
    ("Can I read the whole protocol?", "en"),
    ("mag ik het hele protocol lezen?", "nl"),
    ("welke onderwerpen staan in het protocol?", "nl"),
    ("What topics does the policy cover?", "en"),
])
async def test_the_protocol_lists_its_sections(testbot: Any, bot_app: Any, line: str, lang: str) -> None:
    pack = bot_app.services.policy.pack
    reply = await testbot.say(line)
    ids = cited(reply)
    assert sorted(ids) == sorted(pack.sections)
    for section_id in ids:
        assert f"{pack.sections[section_id].title(lang)} [{section_id}]" in reply
    assert not any(marker in reply for marker in NOT_UNDERSTOOD + ESCALATE_BUTTON)


def test_intents_do_not_catch_ordinary_questions() -> None:
    for line in ("What is new on LinkedIn?", "mag ik op LinkedIn zeggen wat er veranderd is bij ons?",
                 "Mag ik tijdens werktijd op Instagram?", "wat staat er over WhatsApp in het protocol?"):
        assert intent(line) is None, line


# -- the contract's JSON stays as it was -------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "kind"), [
    ("thanks", "small_talk"), ("hoi", "small_talk"), ("👍", "small_talk"),
    ("welke onderwerpen staan in het protocol?", "sections"), ("What changed in the protocol?", "changes"),
])
def test_smm_ask_json_keeps_its_shape(question: str, kind: str) -> None:
    result = CliRunner().invoke(app, ["ask", "--json", question])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"answer", "language", "sources", "confidence", "escalate"}
    assert data["escalate"] is False and data["language"] in ("nl", "en") and 0 <= data["confidence"] <= 1
    assert all(set(s) == {"id", "title"} for s in data["sources"])
    if kind == "small_talk":
        assert data["sources"] == []
    elif kind == "sections":
        assert len(data["sources"]) >= 16
