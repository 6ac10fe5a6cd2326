"""The service as operators and users meet it: start-up safety, health and metrics, privacy of reviewed posts,
language memory, escalation and admin-only buttons."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import logging
import sqlite3
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr
from typer.testing import CliRunner

from bot.app import BotApp, build_app, build_core, check_startup, make_web_app
from bot.cli import app as cli
from bot.config import Settings
from bot.core.errors import StartupError
from bot.core.registry import ActionSpec
from bot.core.types import Action, ConversationRef, Reply, Request, Target, UserRef
from bot.logging_setup import ContextFormatter
from bot.store import crud


def request(text: str = "", *, user: str = "U1", platform: str = "slack", action: Action | None = None) -> Request:
    kind = "action" if action else "message"
    return Request(UserRef(platform, user), ConversationRef(platform, f"D-{user}", "direct"), text=text,
                   kind=kind, action=action)


def test_serve_refuses_the_emulator_endpoint_on_a_network_address(settings: Settings) -> None:
    with pytest.raises(StartupError, match="SMM_TEAMS_EMULATOR"):
        check_startup(settings.model_copy(update={"host": "0.0.0.0", "teams_emulator": True}))
    check_startup(settings.model_copy(update={"host": "127.0.0.1", "teams_emulator": True}))
    check_startup(settings.model_copy(update={"host": "0.0.0.0"}))  # the default: no Emulator, e.g. Slack only
    result = CliRunner().invoke(cli, ["serve"], env={"SMM_HOST": "0.0.0.0", "SMM_TEAMS_EMULATOR": "true",
                                                     "SMM_DATABASE_URL": settings.database_url})
    assert result.exit_code != 0
    assert "SMM_TEAMS_EMULATOR" in result.output and "Traceback" not in result.output


async def test_healthz_and_metrics(settings: Settings) -> None:
    bot_app = build_app(settings)
    async with TestClient(TestServer(make_web_app(bot_app))) as client:
        await bot_app.dispatcher.dispatch(request("help"))
        health = await client.get("/healthz")
        assert health.status == 200
        body = await health.json()
        assert body["policy_version"] == bot_app.services.policy.pack.version_label
        assert body["database"] == "ok"
        assert "scheduler" in body["components"]
        metrics = await client.get("/metrics")
        text = await metrics.text()
        assert metrics.status == 200
        assert 'smm_requests_total{handler="help",outcome="ok",platform="slack"} 1.0' in text
    bot_app.services.db.dispose()


async def test_a_reviewed_post_is_never_logged_or_stored(
    bot_app: BotApp, sqlite_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    marker = "Zebrapaardvis42"
    caplog.set_level(logging.DEBUG)
    replies = await bot_app.dispatcher.dispatch(
        request(f"review Mail {marker}@example.com, die sukkel van een baas, of bel 06-12345678"))
    assert replies and replies[0].private
    assert marker in replies[0].plain_text()  # shown back to the asker only
    # also a draft pasted without the word review
    await bot_app.dispatcher.dispatch(request(f"Trots op {marker}! #team https://example.org"))
    assert marker not in caplog.text
    database = Path(sqlite_url.removeprefix("sqlite:///"))
    bot_app.services.db.dispose()
    with sqlite3.connect(database) as conn:
        dump = "\n".join(conn.iterdump())
    assert marker not in dump


async def test_a_reviewed_post_in_a_refused_slack_request_is_never_logged(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """A signature check that fails (clock five minutes off, rotated secret) logs why, never the body: Bolt's
    own check logged the whole body at INFO. Every logger at DEBUG, through the real `/slack/events`."""
    marker = "Zebrapaardvis42"
    secret = "8f742231b10e8888abcd99yyyzzz85a5"
    bot_app = build_app(settings.model_copy(update={
        "slack_bot_token": SecretStr("xoxb-1234-5678-test"), "slack_signing_secret": SecretStr(secret),
        "slack_api_url": "http://127.0.0.1:9/api/"}))  # refused requests never reach the Web API
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.setFormatter(ContextFormatter())
    logging.getLogger().addHandler(handler)
    for name in ("", "slack_bolt", "slack_bolt.smm", "slack_sdk"):
        caplog.set_level(logging.DEBUG, logger=name)
    body = urllib.parse.urlencode({"command": "/smm", "user_id": "U1", "team_id": "T1", "channel_id": "C1",
                                   "text": f"review Mail {marker}@example.com\nINFO forged: admin logged in"})
    now = int(time.time())
    try:
        async with TestClient(TestServer(make_web_app(bot_app))) as client:
            for timestamp, key in ((now - 6 * 60, secret), (now + 6 * 60, secret), (now, "a-rotated-secret")):
                digest = hmac.new(key.encode(), f"v0:{timestamp}:{body}".encode(), hashlib.sha256).hexdigest()
                response = await client.post("/slack/events", data=body, headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"})
                assert response.status == 401
    finally:
        logging.getLogger().removeHandler(handler)
        bot_app.services.db.dispose()
    assert marker not in caplog.text and marker not in written.getvalue()
    assert "forged" not in written.getvalue()
    refusals = [r.getMessage() for r in caplog.records if "refused a Slack request" in r.getMessage()]
    assert len(refusals) == 3 and "timestamp" in refusals[0] and "signature" in refusals[2]  # and why


def test_a_log_record_is_always_one_line() -> None:
    """User text in a message, a context value or a traceback cannot start a line of its own."""
    breakers = "a\nb\rc\x00d\x1be\x7ff\x85g\u2028h\u2029i\tj"
    try:
        raise ValueError(breakers)
    except ValueError:
        record = logging.getLogger("t").makeRecord("t", logging.ERROR, __file__, 1, "said %s", (breakers,),
                                                   sys.exc_info(), extra={"request_id": breakers})
    for formatter in (ContextFormatter(), ContextFormatter(as_json=True)):
        line = formatter.format(record)
        assert line.splitlines() == [line] and "\x1b" not in line and "\x7f" not in line
        assert "Traceback" in line and "a\\nb" in line.replace("\\u000a", "\\n")
    assert json.loads(ContextFormatter(as_json=True).format(record))["request_id"] == breakers


async def test_language_is_remembered_and_can_be_chosen(bot_app: BotApp) -> None:
    db = bot_app.services.db
    await bot_app.dispatcher.dispatch(request("Can I share a photo of my team on LinkedIn?", user="U-en"))
    assert db.call(crud.get_user, platform="slack", user_id="U-en").language == "en"
    await bot_app.dispatcher.dispatch(request("language nl", user="U-en"))
    assert db.call(crud.get_user, platform="slack", user_id="U-en").language == "nl"
    # an explicit choice is not overwritten by writing in the other language
    await bot_app.dispatcher.dispatch(request("What about TikTok during my lunch break at work?", user="U-en"))
    assert db.call(crud.get_user, platform="slack", user_id="U-en").language == "nl"
    replies = await bot_app.dispatcher.dispatch(request("help", user="U-en"))
    assert replies[0].language == "nl"


class RecordingSender:
    """A Sender that records what it is asked to deliver."""

    platform = "slack"

    def __init__(self) -> None:
        self.sent: list[tuple[Target, Reply]] = []

    async def send(self, target: Target, reply: Reply) -> str | None:
        self.sent.append((target, reply))
        return "1.0"


async def test_escalation_posts_the_askers_question_once(settings: Settings) -> None:
    bot_app = build_core(settings.model_copy(update={"slack_escalation_channel": "C-SMM"}))
    sender = RecordingSender()
    bot_app.services.messenger.register(sender)
    replies = await bot_app.dispatcher.dispatch(request("Hoeveel vakantiedagen heb ik dit jaar nog over?"))
    assert replies[0].metadata["escalate"] is True
    question_id = str(replies[0].metadata["question_id"])
    press = Action("smm.escalate", question_id)
    await bot_app.dispatcher.dispatch(request(action=press, user="U-other"))
    assert sender.sent == []  # somebody else cannot escalate my question
    await bot_app.dispatcher.dispatch(request(action=press))
    await bot_app.dispatcher.dispatch(request(action=press))
    assert len(sender.sent) == 1
    target, reply = sender.sent[0]
    assert target == Target("slack", "channel", "C-SMM")
    assert "vakantiedagen" in reply.plain_text() and reply.metadata["mention_user"] == "U1"
    assert 'smm_escalations_total{platform="slack"} 1.0' in bot_app.metrics.render().decode()
    bot_app.services.db.dispose()


async def test_admin_buttons_are_refused_to_others(bot_app: BotApp) -> None:
    pressed: list[str] = []

    async def secret_button(ctx: object, action: Action) -> None:
        pressed.append(action.value)

    bot_app.dispatcher.registry.add_action(ActionSpec("test.admin.", secret_button, admin=True))
    replies = await bot_app.dispatcher.dispatch(request(action=Action("test.admin.go", "x"), user="someone"))
    assert pressed == [] and replies and replies[0].private
    audit = bot_app.services.db.call(crud.list_audit)
    assert audit[0].allowed is False and audit[0].user_id == "someone"
    await bot_app.dispatcher.dispatch(request(action=Action("test.admin.go", "y"), user="admin-1", platform="console"))
    assert pressed == ["y"]
