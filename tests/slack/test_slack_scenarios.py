"""Slack conversations end to end: signed requests as Slack sends them, into the running bot, with the Web API
answered by a local stand-in. Each test reads like the conversation it checks."""

from __future__ import annotations

import json
import time
import urllib.parse
from typing import TYPE_CHECKING, Any

from bot.core.messenger import DeliveryError
from bot.core.types import Reply, Target, Text
from bot.store import crud

if TYPE_CHECKING:
    from conftest import SlackHarness


def blocks_of(call: Any) -> list[dict[str, Any]]:
    blocks = call.body.get("blocks") or []
    return json.loads(blocks) if isinstance(blocks, str) else list(blocks)


def mrkdwn_texts(blocks: list[dict[str, Any]]) -> list[str]:
    """Every text Slack would parse as markup."""
    texts: list[str] = []
    for block in blocks:
        for part in [block.get("text") or {}, *(block.get("fields") or []), *(block.get("elements") or [])]:
            if isinstance(part, dict) and part.get("type") == "mrkdwn":
                texts.append(part["text"])
    return texts


def buttons_of(blocks: list[dict[str, Any]]) -> dict[str, str]:
    return {e["action_id"]: e.get("value", "") for b in blocks if b["type"] == "actions" for e in b["elements"]}


async def ask_in_dm(slack: SlackHarness, event_id: str = "Ev0DMQUESTION1") -> dict[str, Any]:
    payload = slack.load("event_message_im.json")
    payload["event_id"] = event_id
    response = await slack.event(payload)
    assert response.status == 200
    await slack.settle()
    return payload


# (1) A DM question gets a threaded answer with its sources as context blocks.
async def test_dm_question_is_answered_in_its_thread_with_sources(slack: SlackHarness) -> None:
    payload = await ask_in_dm(slack)

    [posted] = slack.api.of("chat.postMessage")
    assert posted.body["channel"] == "D0ASKERDM"
    assert posted.body["thread_ts"] == payload["event"]["ts"]
    blocks = blocks_of(posted)
    context_texts = [e["text"] for b in blocks if b["type"] == "context" for e in b["elements"]]
    assert any("working-hours" in text for text in context_texts), context_texts
    assert {"smm.feedback.up", "smm.feedback.down"} <= set(buttons_of(blocks))
    assert len(blocks) <= 50
    assert posted.headers["authorization"].startswith("Bearer xoxb-")


async def test_mention_in_a_channel_is_answered_in_the_thread_without_the_mention(slack: SlackHarness) -> None:
    payload = slack.load("event_app_mention.json")
    assert (await slack.event(payload)).status == 200
    await slack.settle()

    [posted] = slack.api.of("chat.postMessage")
    assert posted.body["channel"] == "C0MARKETING"
    assert posted.body["thread_ts"] == payload["event"]["thread_ts"]
    with slack.bot.services.db.session() as session:
        from sqlmodel import select

        from bot.store.models import QuestionLog

        row = session.exec(select(QuestionLog)).one()
    assert slack.bot_user_id not in row.question and row.question.startswith("can I use LinkedIn")
    assert row.message_link == ("https://acme-huishoudwaren.slack.com/archives/C0MARKETING/p1767182500000200"
                                "?thread_ts=1767182450.000100&cid=C0MARKETING")


# (2) A forged or stale signature gets 401 and nothing runs.
async def test_forged_or_stale_signatures_are_refused_before_anything_runs(slack: SlackHarness) -> None:
    payload = slack.load("event_message_im.json")
    forged = await slack.event(payload, secret="not-the-signing-secret")
    stale = await slack.event(payload, timestamp=int(time.time()) - 6 * 60)
    unsigned = await slack.event(payload, signed=False)
    await slack.settle()

    assert (forged.status, stale.status, unsigned.status) == (401, 401, 401)
    assert slack.api.calls == []
    assert slack.bot.services.db.call(crud.get_question, question_id=1) is None


async def test_forged_or_stale_slash_commands_are_refused_too(slack: SlackHarness) -> None:
    """`/smm` skips Bolt once signed correctly; a bad signature still gets Bolt's 401 and nothing runs."""
    form = slack.load("command_smm_review.json")
    forged = await slack.command(form, secret="not-the-signing-secret")
    stale = await slack.command(form, timestamp=int(time.time()) - 6 * 60)
    unsigned = await slack.command(form, signed=False)
    tampered_body = urllib.parse.urlencode({**form, "text": "review something else"})
    tampered = await slack.post(tampered_body, "application/x-www-form-urlencoded",
                                headers=slack.sign(urllib.parse.urlencode(form)), signed=False)
    await slack.settle()

    assert (forged.status, stale.status, unsigned.status, tampered.status) == (401, 401, 401, 401)
    assert slack.api.calls == []


async def test_slacks_ssl_check_on_the_command_url_is_answered(slack: SlackHarness) -> None:
    response = await slack.command({"ssl_check": "1", "token": "verification-token-unused"})
    await slack.settle()

    assert response.status == 200
    assert slack.api.calls == []


# (3) Slack's retry of the same event is answered once.
async def test_a_retried_event_is_answered_once(slack: SlackHarness) -> None:
    payload = slack.load("event_message_im.json")
    first = await slack.event(payload)
    retry = await slack.event(payload, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    await slack.settle()

    assert (first.status, retry.status) == (200, 200)
    assert len(slack.api.of("chat.postMessage")) == 1


async def test_edits_and_bot_messages_are_ignored(slack: SlackHarness) -> None:
    for name in ("event_message_changed.json", "event_bot_message.json"):
        assert (await slack.event(slack.load(name))).status == 200
    own = slack.load("event_message_im.json")
    own["event_id"] = "Ev0OWNMSG001"
    own["event"].update(user=slack.bot_user_id, bot_id="B0SMMBOT1")
    assert (await slack.event(own)).status == 200
    await slack.settle()

    assert slack.api.of("chat.postMessage") == []


# (4) /smm review: an ephemeral verdict, verdict first, and the post's <!channel> never goes live.
async def test_smm_review_answers_ephemerally_with_the_post_escaped(slack: SlackHarness) -> None:
    form = slack.load("command_smm_review.json")
    response = await slack.command(form)
    assert response.status == 200
    await slack.settle()

    [reply] = slack.api.of("/commands/")
    assert reply.body["response_type"] == "ephemeral"
    blocks = blocks_of(reply)
    assert blocks[0]["type"] == "header" and "⛔" in blocks[0]["text"]["text"]
    assert "<!channel>" not in reply.dumps()  # whatever of the post is shown back, none of it goes live
    assert "karel.fransen@gmail.com" in "".join(mrkdwn_texts(blocks))  # the finding is explained
    assert slack.api.of("chat.postMessage") == []


async def test_review_by_dm_shows_excerpts_escaped_and_never_pings_the_channel(slack: SlackHarness) -> None:
    payload = slack.load("event_message_im.json")
    payload["event"]["text"] = "review <!channel> Mail me: <mailto:karel.fransen@gmail.com|karel.fransen@gmail.com>"
    assert (await slack.event(payload)).status == 200
    await slack.settle()

    [reply] = slack.api.of("chat.postMessage")  # a DM is private already: a normal threaded message
    blocks = blocks_of(reply)
    assert blocks[0]["type"] == "header"
    assert "<!channel>" not in reply.dumps() and "<mailto:" not in reply.dumps()


async def test_smm_help_and_unknown_words_go_to_the_handlers(slack: SlackHarness) -> None:
    form = slack.load("command_smm_review.json")
    form["text"] = "help"
    assert (await slack.command(form)).status == 200
    await slack.settle()

    [reply] = slack.api.of("/commands/")
    assert reply.body["response_type"] == "ephemeral"
    assert "review" in reply.dumps()


# (5) The feedback button stores feedback on the logged question.
async def test_feedback_button_stores_feedback(slack: SlackHarness) -> None:
    await ask_in_dm(slack)
    [answer] = slack.api.of("chat.postMessage")
    question_id = buttons_of(blocks_of(answer))["smm.feedback.up"]

    pressed = slack.load("block_actions_feedback.json",
                           ACTION_ID="smm.feedback.up", VALUE=question_id)
    response = await slack.interaction(pressed)
    assert response.status == 200
    await slack.settle()

    row = slack.bot.services.db.call(crud.get_question, question_id=int(question_id))
    assert row is not None and row.feedback == "up"
    [thanks] = slack.api.of("/actions/")
    assert thanks.body["response_type"] == "ephemeral" and thanks.body["replace_original"] is False


async def test_escalate_button_posts_the_question_with_a_link_to_the_managers_channel(slack: SlackHarness) -> None:
    await ask_in_dm(slack)
    [answer] = slack.api.of("chat.postMessage")
    question_id = buttons_of(blocks_of(answer))["smm.feedback.up"]
    slack.api.clear()

    pressed = slack.load("block_actions_feedback.json",
                           ACTION_ID="smm.escalate", VALUE=question_id)
    assert (await slack.interaction(pressed)).status == 200
    await slack.settle()

    [posted] = slack.api.of("chat.postMessage")
    assert posted.body["channel"] == slack.escalation_channel
    sent = posted.dumps()
    assert "<@U0ASKER01>" in sent  # the asker is mentioned for real, everything else is escaped
    assert "https://acme-huishoudwaren.slack.com/archives/D0ASKERDM/p1767182400123456" in sent
    assert len(slack.api.of("/actions/")) == 1


# (6) A 429 with Retry-After: 1 is retried, and the answer still arrives exactly once.
async def test_rate_limited_web_api_is_retried_and_the_answer_arrives_once(slack: SlackHarness) -> None:
    slack.api.rate_limit_once.add("chat.postMessage")
    started = time.monotonic()
    await ask_in_dm(slack)

    attempts = slack.api.attempts("chat.postMessage")
    assert [c.status for c in attempts] == [429, 200]
    assert len(slack.api.of("chat.postMessage")) == 1
    assert time.monotonic() - started >= 1.0  # Retry-After was honoured


async def test_a_rate_limited_response_url_is_retried_and_the_review_arrives_once(slack: SlackHarness) -> None:
    form = slack.load("command_smm_review.json")
    slack.api.rate_limit_once.add(form["response_url"].rsplit("/", 1)[-1])
    started = time.monotonic()
    assert (await slack.command(form)).status == 200
    await slack.settle()

    attempts = [c for c in slack.api.calls if c.path.startswith("/commands/")]
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[1].body["response_type"] == "ephemeral"
    assert time.monotonic() - started >= 1.0  # Retry-After was honoured


async def test_app_home_explains_the_bot_in_the_users_language(slack: SlackHarness) -> None:
    assert (await slack.event(slack.load("event_app_home_opened.json"))).status == 200
    await slack.settle()

    [published] = slack.api.of("views.publish")
    view = published.body["view"]
    view = json.loads(view) if isinstance(view, str) else view
    assert published.body["user_id"] == "U0ASKER01" and view["type"] == "home"
    text = json.dumps(view, ensure_ascii=False)
    assert "/smm review" in text and "Commando's" in text  # users.info says nl-NL


async def test_url_verification_challenge(slack: SlackHarness) -> None:
    payload = slack.load("url_verification.json")
    async with slack.http.post(slack.base_url + "/slack/events", data=json.dumps(payload),
                               headers={"Content-Type": "application/json", **slack.sign(json.dumps(payload))}) as resp:
        assert resp.status == 200 and payload["challenge"] in await resp.text()


# The `slack` sender, as the scheduler and escalations use it.
async def test_sender_opens_a_dm_for_a_user_and_maps_errors(slack: SlackHarness) -> None:
    messenger = slack.bot.services.messenger
    reply = Reply([Text("Reminder <!here>")], "en", summary="Reminder")

    ts = await messenger.send(Target("slack", "user", "U0ASKER01"), reply)
    assert ts is not None
    [opened] = slack.api.of("conversations.open")
    assert opened.body["users"] == "U0ASKER01"
    assert "<!here>" not in slack.api.of("chat.postMessage")[0].dumps()

    slack.api.channel_errors["C0GONE"] = "channel_not_found"
    try:
        await messenger.send(Target("slack", "channel", "C0GONE"), reply)
    except DeliveryError as exc:
        assert exc.permanent and exc.retry_after is None
    else:
        raise AssertionError("expected DeliveryError")


async def test_sender_reports_retry_after_when_slack_keeps_rate_limiting(slack: SlackHarness) -> None:
    slack.api.rate_limit_always.add("chat.postMessage")
    try:
        await slack.bot.services.messenger.send(Target("slack", "channel", "C0NEWS"), Reply([Text("hi")], "en"))
    except DeliveryError as exc:
        assert exc.retry_after == 1.0 and not exc.permanent
    else:
        raise AssertionError("expected DeliveryError")
    assert len(slack.api.attempts("chat.postMessage")) == 4  # first try and three retries


async def test_socket_mode_serves_no_http_route_and_needs_no_signing_secret(settings: Any) -> None:
    from pydantic import SecretStr

    from bot.app import build_app

    socket_settings = settings.model_copy(update={"slack_bot_token": SecretStr("xoxb-1"),
                                                  "slack_app_token": SecretStr("xapp-1")})
    bot = build_app(socket_settings)
    try:
        [adapter] = [c for c in bot.components if c.name == "slack"]
        assert adapter.routes() == [] and adapter.health()["mode"] == "socket"
        assert bot.services.messenger.has("slack")
    finally:
        bot.services.db.dispose()


def test_slack_stays_off_without_a_token(settings: Any) -> None:
    from bot.app import build_app

    bot = build_app(settings)
    try:
        assert [c.name for c in bot.components if c.name == "slack"] == []
    finally:
        bot.services.db.dispose()


async def test_app_home_shows_admin_commands_to_a_slack_admin_only(slack: SlackHarness) -> None:
    """SMM_ADMINS is platform-qualified: `slack:U0ASKER01` sees the admin line on the Home tab."""
    services = slack.bot.services
    services.settings = services.settings.model_copy(update={"admins": "slack:U0ASKER01"})
    assert (await slack.event(slack.load("event_app_home_opened.json"))).status == 200
    await slack.settle()
    services.settings = services.settings.model_copy(update={"admins": "teams:U0ASKER01"})
    payload = slack.load("event_app_home_opened.json")
    payload["event_id"] = payload.get("event_id", "Ev1") + "-again"
    assert (await slack.event(payload)).status == 200
    await slack.settle()
    first, second = (json.dumps(p.body["view"], ensure_ascii=False) for p in slack.api.of("views.publish"))
    assert "/smm announce" in first and "/smm announce" not in second
