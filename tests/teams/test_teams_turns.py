"""The bot's turn logic driven by botbuilder's TestAdapter: conversations as they read in Teams."""

from __future__ import annotations

from typing import Any

from adaptive_card_15 import validate_card
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount, Entity

from bot.adapters.teams.bot import TeamsBot
from bot.adapters.teams.cards import CARD_CONTENT_TYPE


def card_of(activity: Activity) -> dict[str, Any]:
    [attachment] = activity.attachments
    assert attachment.content_type == CARD_CONTENT_TYPE
    card: dict[str, Any] = attachment.content
    assert validate_card(card) == []
    return card


def texts(card: dict[str, Any]) -> str:
    return "\n".join(b.get("text", "") for b in card["body"])


def buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for b in card["body"] if b["type"] == "ActionSet" for a in b["actions"]]


def adapter_for(bot_app: Any) -> TestAdapter:
    return TestAdapter(TeamsBot(bot_app.dispatcher).on_turn)


async def test_a_question_gets_a_card_answer_with_sources(bot_app: Any) -> None:
    adapter = adapter_for(bot_app)

    await adapter.send("Mag ik onder werktijd op LinkedIn?")

    card = card_of(adapter.get_next_activity())
    assert "Bronnen" in texts(card) and "working-hours" in texts(card)
    assert {b["data"]["smm_action"] for b in buttons(card)} >= {"smm.feedback.up", "smm.feedback.down"}


async def test_pressing_feedback_thanks_the_user(bot_app: Any) -> None:
    adapter = adapter_for(bot_app)
    await adapter.send("Can I use LinkedIn during working hours?")
    up = next(b for b in buttons(card_of(adapter.get_next_activity())) if b["data"]["smm_action"] == "smm.feedback.up")

    press = Activity(type=ActivityTypes.message, value=up["data"])
    await adapter.send(press)

    reply = card_of(adapter.get_next_activity())
    assert "Thank" in texts(reply) or "Dank" in texts(reply)


async def test_help_lists_the_commands(bot_app: Any) -> None:
    adapter = adapter_for(bot_app)

    await adapter.send("help")

    body = texts(card_of(adapter.get_next_activity()))
    assert "review" in body and "profile" in body


async def test_the_bots_mention_is_removed_before_routing(bot_app: Any) -> None:
    adapter = adapter_for(bot_app)
    bot = ChannelAccount(id="28:bot", name="Social (Media) Manager+")
    mention = Entity(type="mention")
    mention.additional_properties = {"mentioned": {"id": "28:bot", "name": bot.name},
                                     "text": f"<at>{bot.name}</at>"}
    activity = Activity(type=ActivityTypes.message, text=f"<at>{bot.name}</at> help", recipient=bot,
                        entities=[mention], conversation=ConversationAccount(id="19:x@thread.v2",
                                                                             conversation_type="personal"))

    await adapter.send(activity)

    body = texts(card_of(adapter.get_next_activity()))
    assert "review" in body and "profile" in body  # "help" was understood as the command
