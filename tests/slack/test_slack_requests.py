"""What `POST /slack/events` does with requests that are not what Slack sends: replays of a signed request,
malformed or unsigned bodies, odd headers and content types. Each gets a 4xx (or runs once), never a 500, a
traceback or a log line with the body. Real signed HTTP into the running bot; the Web API is the local stand-in."""

from __future__ import annotations

import json
import logging
import time
import urllib.parse
from typing import TYPE_CHECKING, Any

import pytest

from bot.store import crud

if TYPE_CHECKING:
    from conftest import SlackHarness

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
MARKER = "Zebrapaardvis42"


def log_problems(caplog: pytest.LogCaptureFixture) -> list[str]:
    """ERROR records and tracebacks: none may come from what a caller sends."""
    return [f"{r.name}: {r.getMessage()}" for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]


# (1) A replayed signed command or button press does nothing the second time.
async def test_a_replayed_slash_command_runs_once(slack: SlackHarness) -> None:
    body = urllib.parse.urlencode(slack.load("command_smm_review.json"))
    signed = slack.sign(body)
    first = await slack.post(body, FORM, headers=signed, signed=False)
    replay = await slack.post(body, FORM, headers=signed, signed=False)
    await slack.settle()

    assert (first.status, replay.status) == (200, 200)
    assert len(slack.api.of("/commands/")) == 1


async def test_the_same_command_signed_again_is_a_new_request(slack: SlackHarness) -> None:
    """A user who runs the same `/smm` twice gets two answers: Slack signs each anew."""
    form = slack.load("command_smm_review.json")
    await slack.command(form, timestamp=int(time.time()) - 1)
    await slack.command(form)
    await slack.settle()

    assert len(slack.api.of("/commands/")) == 2


async def test_a_replayed_button_press_runs_once(slack: SlackHarness) -> None:
    payload = slack.load("event_message_im.json")
    assert (await slack.event(payload)).status == 200
    await slack.settle()
    [answer] = slack.api.of("chat.postMessage")
    blocks = answer.body["blocks"]
    question_id = next(e["value"] for b in (json.loads(blocks) if isinstance(blocks, str) else blocks)
                       if b["type"] == "actions" for e in b["elements"] if e["action_id"] == "smm.feedback.up")
    body = urllib.parse.urlencode({"payload": json.dumps(
        slack.load("block_actions_feedback.json", ACTION_ID="smm.feedback.up", VALUE=question_id))})
    signed = slack.sign(body)
    first = await slack.post(body, FORM, headers=signed, signed=False)
    replay = await slack.post(body, FORM, headers=signed, signed=False)
    await slack.settle()

    assert (first.status, replay.status) == (200, 200)
    assert len(slack.api.of("/actions/")) == 1  # one "thanks"
    assert slack.bot.services.db.call(crud.get_question, question_id=int(question_id)).feedback == "up"


# (2) Malformed requests: 4xx with a reason in the log, nothing run, no traceback.
def _signed_cases() -> list[tuple[str, str | bytes, str, dict[str, str], int]]:
    """(name, body, content type, extra headers, expected status); each body is validly signed."""
    event: dict[str, Any] = {"type": "event_callback", "event_id": "Ev0FUZZ0001", "team_id": "T0ACME001",
             "event": {"type": "message", "channel_type": "im", "channel": "D0X", "user": "U1", "text": "hoi",
                       "ts": "1.1"}}
    return [
        ("truncated JSON", json.dumps(event)[:-7], JSON, {}, 400),
        ("a JSON list", "[1, 2]", JSON, {}, 400),
        ("bad JSON in payload=", "payload=%7B%22type%22%3A", FORM, {}, 400),
        ("payload= not an object", "payload=%22x%22", FORM, {}, 400),
        ("bad percent-encoding", "command=%2Fsmm&text=%ff%fe&user_id=U1", FORM, {}, 400),
        ("not UTF-8", b'{"type": "\xff\xfe"}', JSON, {}, 400),
        ("text/plain", "command=/smm&user_id=U1", "text/plain", {}, 415),
        ("no content type", json.dumps(event), "", {}, 415),
        ("event is a string", json.dumps({**event, "event": "message"}), JSON, {}, 400),
        ("event without an id", json.dumps({k: v for k, v in event.items() if k != "event_id"}), JSON, {}, 400),
        ("user is a number", json.dumps({**event, "event": {**event["event"], "user": 7}}), JSON, {}, 400),
        ("authorizations a string", json.dumps({**event, "authorizations": "x"}), JSON, {}, 400),
        ("enterprise a number", json.dumps({**event, "enterprise": 3}), JSON, {}, 400),
        ("no actions", "payload=" + urllib.parse.quote(json.dumps(
            {"type": "block_actions", "user": {"id": "U1"}, "actions": []})), FORM, {}, 400),
        ("action without action_id", "payload=" + urllib.parse.quote(json.dumps(
            {"type": "block_actions", "user": {"id": "U1"}, "actions": [{"value": "1"}]})), FORM, {}, 400),
        ("command without user", "command=%2Fsmm&text=help", FORM, {}, 400),
        ("a field twice", "command=%2Fsmm&user_id=U1&user_id=U2", FORM, {}, 400),
        ("challenge a list", json.dumps({"type": "url_verification", "challenge": []}), JSON, {}, 400),
    ]


async def test_malformed_signed_requests_get_4xx_and_no_traceback(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    statuses = {}
    for name, body, content_type, headers, expected in _signed_cases():
        response = await slack.post(body, content_type, headers=headers)
        statuses[name] = (response.status, expected)
    await slack.settle()

    assert {name: got for name, (got, _) in statuses.items()} == {name: want for name, (_, want) in statuses.items()}
    assert [c for c in slack.api.calls if c.method != "auth.test"] == []
    assert log_problems(caplog) == []
    assert "Ev0FUZZ0001" not in caplog.text and "hoi" not in caplog.text  # reasons, never the body


async def test_odd_signature_headers_get_401(slack: SlackHarness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    body = urllib.parse.urlencode(slack.load("command_smm_review.json"))
    good = slack.sign(body)
    cases = {
        "non-numeric timestamp": {**good, "X-Slack-Request-Timestamp": "soon"},
        "negative timestamp": {**good, "X-Slack-Request-Timestamp": "-1"},
        "huge timestamp": {**good, "X-Slack-Request-Timestamp": "9" * 40},
        "signature not hex": {**good, "X-Slack-Signature": "v0=" + "é" * 64},
        "signature of another scheme": {**good, "X-Slack-Signature": "v1=" + good["X-Slack-Signature"][3:]},
        "no signature": {"X-Slack-Request-Timestamp": good["X-Slack-Request-Timestamp"]},
        "empty headers": {"X-Slack-Request-Timestamp": "", "X-Slack-Signature": ""},
    }
    statuses = {}
    for name, headers in cases.items():
        response = await slack.post(body, FORM, headers=headers, signed=False)
        statuses[name] = response.status
    await slack.settle()

    assert statuses == dict.fromkeys(cases, 401)
    assert slack.api.calls == []
    assert log_problems(caplog) == []


async def test_a_command_whose_text_says_payload_is_answered(slack: SlackHarness) -> None:
    """Bolt's own form parser took any body containing "payload" for an interaction and dropped it."""
    form = slack.load("command_smm_review.json")
    form["text"] = "review Ons nieuwe payload-ontwerp is af"
    assert (await slack.command(form)).status == 200
    await slack.settle()

    assert len(slack.api.of("/commands/")) == 1


# (3) Privacy: a reviewed post never reaches the log, even with every logger at DEBUG.
async def test_a_reviewed_post_is_not_logged_at_debug_signed_or_refused(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    # SMM_LOG_LEVEL=DEBUG, and Bolt's own loggers asked for DEBUG too: the adapter's floor still holds.
    for name in ("", "slack_bolt", "aiohttp"):
        caplog.set_level(logging.DEBUG, logger=name)
    form: dict[str, Any] = slack.load("command_smm_review.json")
    form["text"] = f"review Mail {MARKER}@example.com, die sukkel van een baas"
    stale = await slack.command(form, timestamp=int(time.time()) - 6 * 60)
    forged = await slack.command(form, secret="a-rotated-signing-secret")
    event = slack.load("event_message_im.json")
    event["event"]["text"] = f"review Mail {MARKER}@example.com!\nINFO forged line"
    forged_event = await slack.event(event, secret="a-rotated-signing-secret")
    valid = await slack.command(form)
    await slack.event(event)
    await slack.settle()

    assert (stale.status, forged.status, forged_event.status, valid.status) == (401, 401, 401, 200)
    assert MARKER in slack.api.of("/commands/")[0].dumps()  # the asker does see it,
    assert MARKER in slack.api.of("chat.postMessage")[0].dumps()  # through the Web API client too
    assert MARKER not in caplog.text
    assert log_problems(caplog) == []
