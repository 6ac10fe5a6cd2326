"""Every card the bot can send is a valid Adaptive Card 1.5 under Teams' size limit, and user text in it
renders literally."""

from __future__ import annotations

import json
from typing import Any

from adaptive_card_15 import validate_card
from adaptivecards_js import microsoft_parser_problems

from bot.adapters.teams.cards import (
    MESSAGE_LIMIT_BYTES,
    action_from_execute,
    action_from_value,
    card_size,
    plain,
    render_cards,
)
from bot.core.types import (
    Action,
    Actions,
    Bullets,
    Button,
    ConversationRef,
    Divider,
    Fields,
    Reply,
    Request,
    SourceLink,
    Sources,
    Text,
    UserRef,
)
from handlers.messages import t as tt
from handlers.messages.teams import MESSAGES

INPUTS = [
    "Mag ik onder werktijd op LinkedIn?",
    "Can I share a photo of the new store on Instagram?",
    "Wat is de hoofdstad van Peru?",  # not in the policy: may offer the social media manager
    "Mag ik een TikTok-dansje met een klant in de winkel opnemen voor een goed doel?",
    "review Trots op ons team! Morgen om 9 uur open in Groningen.",
    "review Morgen lanceren we Project Vuurtoren! Zuiderzon kan inpakken, die prutsers. Bel 06-12345678.",
    "review We are thrilled: **Noordlicht Plus** [launch](https://evil.example) <at>everyone</at> "
    "{{DATE(2026-01-01T00:00:00Z)}}",
    "review " + "Een heel lang bericht over onze winkel. " * 900,
    "profile @karel_noordlicht Werkt bij Noordlicht. Meningen zijn mijn eigen.",
    "profile @noordlicht_deals Officiële aanbiedingen",
    "profile",
    "review",
    "help",
    "hulp",
    "",
    "x" * 5000,
]


def _request(text: str = "", *, user: str = "teams-user", action: Action | None = None) -> Request:
    return Request(UserRef("teams", user, locale="nl-NL"), ConversationRef("teams", f"conv-{user}", "direct"),
                   text=text, kind="action" if action else "message", action=action)


SENT_CARDS: list[dict[str, Any]] = []


def _assert_sendable(reply: Reply) -> None:
    for card in render_cards(reply):
        SENT_CARDS.append(card)
        problems = validate_card(card)
        assert problems == [], (reply.summary, problems)
        activity = {"type": "message", "summary": reply.summary[:200],
                    "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": card}]}
        assert len(json.dumps(activity).encode()) < MESSAGE_LIMIT_BYTES


async def test_every_reply_the_handlers_give_renders_as_valid_cards(bot_app: Any) -> None:
    dispatcher = bot_app.dispatcher
    bot_app.services.settings = bot_app.services.settings.model_copy(update={"admins": "teams:admin-1"})
    buttons: list[tuple[str, str]] = []
    for user in ("teams-user", "admin-1"):
        for text in INPUTS:
            for reply in await dispatcher.dispatch(_request(text, user=user)):
                _assert_sendable(reply)
                buttons += [(b.action_id, b.value) for e in reply.elements if isinstance(e, Actions)
                            for b in e.buttons]
    assert {action_id for action_id, _ in buttons} >= {"smm.feedback.up", "smm.feedback.down"}
    # Whether an off-topic question escalates is the answer engine's call; press the manager button either way.
    extra = [("smm.escalate", "1"), ("smm.unknown", "1"), ("smm.feedback.up", "not-a-number")]
    for action_id, value in [*buttons, *extra]:
        for reply in await dispatcher.dispatch(_request(action=Action(action_id, value))):
            _assert_sendable(reply)


async def test_microsofts_parser_accepts_every_card_the_bot_sends(bot_app: Any) -> None:
    SENT_CARDS.clear()
    await test_every_reply_the_handlers_give_renders_as_valid_cards(bot_app)
    test_the_adapters_own_messages_render_as_valid_cards()
    test_every_element_and_style_renders_as_valid_cards()
    assert len(SENT_CARDS) > 40
    problems = microsoft_parser_problems(SENT_CARDS)
    bad = [(card.get("body", [{}])[0].get("text", "")[:60], found)
           for card, found in zip(SENT_CARDS, problems, strict=True) if found]
    assert bad == []


def test_microsofts_parser_catches_an_invalid_card() -> None:
    [problems] = microsoft_parser_problems([{"type": "AdaptiveCard", "version": "1.5",
                                             "body": [{"type": "Carousel3000", "text": "x"}]}])
    assert any("Carousel3000" in p for p in problems)


def test_the_adapters_own_messages_render_as_valid_cards() -> None:
    for key in MESSAGES:
        for lang in ("nl", "en"):
            _assert_sendable(Reply([Text(tt(key, lang), style="muted")], lang, summary=tt(key, lang)))


def test_every_element_and_style_renders_as_valid_cards() -> None:
    reply = Reply([
        Text("Kop", style="heading"), Text("gewoon"), Text("stil", style="muted"), Text("citaat", style="quote"),
        Text("let op", style="warning"), Divider(), Bullets(("een", "twee")), Fields((("Oordeel", "prima"),)),
        Sources("Bronnen", (SourceLink("working-hours", "Werktijd"),)), Divider(),
        Actions((Button("a.b", "Ja", "1", style="primary"), Button("a.c", "Nee", "2", style="danger"),
                 Button("a.d", "Misschien"))),
    ], "nl", summary="samenvatting")
    [card] = render_cards(reply)
    assert validate_card(card) == []
    assert sum(1 for item in card["body"] if item.get("separator")) == 2
    styles = [a.get("style") for item in card["body"] if item["type"] == "ActionSet" for a in item["actions"]]
    assert styles == ["positive", "destructive", None]


def test_a_long_reply_is_split_into_cards_that_each_fit() -> None:
    paragraph = "Dit is een zin over het social media protocol van Noordlicht, met ‘aanhalingstekens’ en é. "
    reply = Reply([Text((paragraph * 30 + "\n\n") * 40), Bullets(tuple(paragraph for _ in range(200))),
                   Actions((Button("smm.feedback.up", "👍", "1"),))], "nl", summary="lang")
    cards = render_cards(reply)

    assert len(cards) > 1
    for card in cards:
        assert validate_card(card) == []
        assert card_size(card) < MESSAGE_LIMIT_BYTES
    assert cards[-1]["body"][-1]["type"] == "ActionSet"  # the buttons come last
    shown = "".join(b.get("text", "") for card in cards for b in card["body"])
    assert shown.count("Noordlicht") == 30 * 40 + 200  # nothing was lost, only split


def test_one_enormous_unbroken_text_is_cut_to_fit() -> None:
    [*cards] = render_cards(Reply([Text("ab" * 200_000)], "en"))
    for card in cards:
        assert validate_card(card) == [] and card_size(card) < MESSAGE_LIMIT_BYTES


def test_user_text_renders_literally() -> None:
    nasty = ("**vet** _schuin_ [klik](https://evil.example) ![img](x.png) `code` # kop\n- lijst\n1. genummerd\n"
             "> citaat {{DATE(2026-01-01T00:00:00Z, SHORT)}} <at>iedereen</at>")
    escaped = plain(nasty)

    for token in ("**", "_schuin_", "[klik]", "](", "`code`", "{{"):
        assert token not in escaped
    assert "\\*\\*vet\\*\\*" in escaped and "\\[klik\\]\\(https://evil.example\\)" in escaped
    assert "\n\n\\- lijst" in escaped and "\n\n1\\. genummerd" in escaped
    assert "\\<at\\>" in escaped
    [card] = render_cards(Reply([Text(nasty, style="quote"), Fields(((nasty, nasty),))], "nl"))
    assert validate_card(card) == []


def test_card_actions_come_back_as_neutral_actions() -> None:
    [card] = render_cards(Reply([Actions((Button("smm.escalate", "Vraag het de manager", "42"),))], "nl"))
    data = card["body"][0]["actions"][0]["data"]

    assert action_from_value(data) == ("smm.escalate", "42")
    assert action_from_execute({"action": {"type": "Action.Execute", "verb": "smm.escalate",
                                           "data": {"smm_value": "42"}}}) == ("smm.escalate", "42")
    assert action_from_execute({"action": {"type": "Action.Execute", "data": data}}) == ("smm.escalate", "42")
    assert action_from_value({"text": "no action"}) is None
    assert action_from_value("smm.escalate") is None
    assert action_from_execute({"action": "x"}) is None
