"""Fuzzing `POST /slack/events` of one running bot with thousands of generated requests: events JSON, slash
command forms and interactivity payloads with random fields, types and sizes, signed (validly, with a wrong
secret, stale, or with odd headers) or not, truncated, under the wrong content type. Whatever arrives, the
answer is a 4xx or a 200, the log has no ERROR record and no traceback, and asyncio reports no task whose
exception was never retrieved. Deterministic (derandomize); the Web API is the local stand-in."""

from __future__ import annotations

import asyncio
import gc
import json
import logging
import time
import urllib.parse
from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

if TYPE_CHECKING:
    from conftest import SlackHarness

CASES = 2100
FORM = "application/x-www-form-urlencoded"
JSON_TYPE = "application/json"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
texts = st.one_of(
    st.sampled_from(["help", "review Mail karel@acme.example, die sukkel", "review payload=1&x", "ask TikTok?",
                     "profile KarelFransen_Acme Marketeer", "hulp", "review <!channel> Project Tulp", "",
                     "language en", "remind list", "review a\nINFO forged line\r\n", "<@U0SMMBOT1> mag dat?"]),
    st.text(max_size=200),
    st.text(min_size=1000, max_size=4000),
)
ids = st.sampled_from(["U0ASKER01", "U0OTHER02", "T0ACME001", "T0GUEST99", "D0ASKERDM", "C0MARKETING", ""])
timestamps = st.sampled_from(["1767182400.123456", "1767182401.000100"]) | st.text(max_size=6)


def rarely(strategy: st.SearchStrategy[Any], otherwise: st.SearchStrategy[Any], one_in: int) -> st.SearchStrategy[Any]:
    """`strategy` about once in `one_in` draws, else `otherwise`."""
    return st.sampled_from([False] * (one_in - 1) + [True]).flatmap(lambda hit: strategy if hit else otherwise)


def junk_or(plausible: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly what Slack sends, now and then any JSON value at all."""
    return rarely(json_values, plausible, 25)


def fields(required: dict[str, st.SearchStrategy[Any]],
           optional: dict[str, st.SearchStrategy[Any]] | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """A dict with these fields (now and then one missing) and some of the optional ones, now and then with
    a random extra field."""
    base = st.fixed_dictionaries(required, optional=optional or {})
    extra = rarely(st.dictionaries(st.sampled_from(ALL_KEYS), json_values, min_size=1, max_size=2), st.just({}), 8)
    drop = rarely(st.sampled_from(sorted(required) or [""]), st.just(""), 10)
    return st.tuples(base, extra, drop).map(lambda p: {k: v for k, v in {**p[1], **p[0]}.items() if k != p[2]})


ALL_KEYS = ["type", "token", "team_id", "enterprise_id", "api_app_id", "event_id", "user_id", "user_name",
            "channel_id", "channel_name", "command", "text", "response_url", "trigger_id", "callback_id",
            "challenge", "ssl_check", "team", "enterprise", "user", "channel", "event", "message", "container",
            "view", "actions", "authorizations", "response_urls", "is_enterprise_install", "is_ext_shared_channel",
            "function_data", "function_execution_id", "bot_access_token", "thread_ts", "item", "assistant_thread",
            "previous_message", "user_team", "payload", "context_team_id", "state", "block_id", "action_id",
            "subtype", "bot_id", "bot_profile", "tab", "ts", "channel_type", "inputs"]


def response_urls(api_url: str) -> st.SearchStrategy[Any]:
    # Only the stand-in or values that are no http(s) URL at all: nothing may reach beyond 127.0.0.1.
    return rarely(st.sampled_from(["", "not a url", "ftp://nowhere/x", "http://"]) | st.integers(),
                  st.sampled_from([f"{api_url}/commands/T0ACME001/1/x", f"{api_url}/actions/T0ACME001/2/y"]), 10)


def event_bodies(api_url: str) -> st.SearchStrategy[dict[str, Any]]:
    ref = fields({"id": junk_or(ids)}, {"team_id": junk_or(ids)})
    event = fields({
        "type": junk_or(st.sampled_from(["message", "app_mention", "app_home_opened", "reaction_added"])),
        "user": rarely(ref, junk_or(ids), 10), "channel": rarely(ref, junk_or(ids), 10), "text": junk_or(texts),
        "ts": junk_or(timestamps),
    }, {
        "channel_type": junk_or(st.sampled_from(["im", "channel", "mpim"])), "thread_ts": junk_or(timestamps),
        "subtype": junk_or(st.sampled_from(["bot_message", "file_share", "message_changed"])),
        "bot_id": junk_or(ids), "tab": junk_or(st.sampled_from(["home", "messages"])), "team": junk_or(ids),
        "user_team": junk_or(ids), "message": json_values, "bot_profile": json_values,
    })
    return fields({
        "type": junk_or(st.sampled_from(["event_callback"] * 4 + ["url_verification", "app_rate_limited"])),
        "event_id": junk_or(st.sampled_from(["Ev01", "Ev02", "Ev03"]) | st.text(min_size=1, max_size=10)),
        "team_id": junk_or(ids), "event": junk_or(event),
    }, {
        "challenge": junk_or(st.text(max_size=20)), "api_app_id": junk_or(ids),
        "authorizations": junk_or(st.lists(fields({"team_id": junk_or(ids)}, {"user_id": junk_or(ids)}),
                                           max_size=2)),
        "enterprise": json_values, "is_ext_shared_channel": json_values,
    })


def command_forms(api_url: str) -> st.SearchStrategy[dict[str, str]]:
    """Form fields are strings whatever they hold."""
    return fields({
        "command": rarely(st.text(max_size=8), st.just("/smm"), 10), "text": texts, "user_id": ids,
        "team_id": ids, "response_url": response_urls(api_url).map(str),
    }, {
        "channel_id": ids, "channel_name": st.sampled_from(["directmessage", "marketing"]),
        "user_name": st.text(max_size=10), "ssl_check": st.sampled_from(["1", "0"]),
        "enterprise": st.text(max_size=4), "authorizations": st.text(max_size=4),
        "is_enterprise_install": st.sampled_from(["true", "false", "x"]),
    }).map(lambda form: {k: v if isinstance(v, str) else json.dumps(v) for k, v in form.items()})


def interaction_payloads(api_url: str) -> st.SearchStrategy[dict[str, Any]]:
    action = fields({"action_id": junk_or(st.sampled_from(["smm.feedback.up", "smm.feedback.down", "smm.escalate",
                                                           "smm.nope", "x"])),
                     "value": junk_or(st.sampled_from(["1", "2", "999", "abc", ""]))}, {"block_id": junk_or(ids)})
    ref = fields({"id": junk_or(ids)}, {"team_id": junk_or(ids), "username": junk_or(ids)})
    return fields({
        "type": junk_or(st.sampled_from(["block_actions"] * 4 + ["view_submission", "shortcut",
                                                                 "interactive_message"])),
        "user": junk_or(ref), "team": junk_or(ref), "actions": junk_or(st.lists(action, min_size=1, max_size=3)),
        "response_url": junk_or(response_urls(api_url)),
    }, {
        "channel": junk_or(ref), "enterprise": json_values,
        "container": junk_or(fields({"channel_id": junk_or(ids), "message_ts": junk_or(timestamps)})),
        "message": junk_or(fields({"ts": junk_or(timestamps)}, {"thread_ts": junk_or(timestamps)})),
        "callback_id": json_values, "view": json_values, "response_urls": json_values,
    })


def requests(api_url: str) -> st.SearchStrategy[tuple[str, bytes, str, str, int | None]]:
    """(kind, body, content type, how it is signed, truncate at)."""
    events = event_bodies(api_url).map(lambda b: ("event", json.dumps(b).encode(), JSON_TYPE))
    commands = command_forms(api_url).map(lambda f: ("command", urllib.parse.urlencode(f).encode(), FORM))
    interactions = interaction_payloads(api_url).map(
        lambda p: ("interaction", urllib.parse.urlencode({"payload": json.dumps(p)}).encode(), FORM))
    raw = st.binary(max_size=300).map(lambda b: ("raw", b, JSON_TYPE))
    content_types = st.sampled_from(["same", "same", "same", "same", JSON_TYPE, FORM, "application/json; charset=utf-8",
                                     "text/plain", "", "multipart/form-data; boundary=x"])
    signing = st.sampled_from(["valid"] * 6 + ["unsigned", "wrong-secret", "stale", "future", "non-numeric",
                                               "garbage", "no-timestamp"])
    truncate = rarely(st.integers(0, 400), st.none(), 8)
    return st.tuples(st.one_of(events, commands, interactions, raw), content_types, signing, truncate).map(
        lambda c: (c[0][0], c[0][1] if c[3] is None else c[0][1][:c[3]], c[0][2] if c[1] == "same" else c[1], c[2],
                   c[3]))


def headers_for(body: bytes, signing: str, sign: Any) -> dict[str, str]:
    now = int(time.time())
    if signing == "unsigned":
        return {}
    if signing == "wrong-secret":
        return sign(body, secret="a-rotated-signing-secret")
    if signing in ("stale", "future"):
        return sign(body, timestamp=now + (-301 if signing == "stale" else 301))
    good = sign(body)
    if signing == "non-numeric":
        return {**good, "X-Slack-Request-Timestamp": "12ab"}
    if signing == "garbage":
        return {**good, "X-Slack-Signature": "v0=zz"}
    if signing == "no-timestamp":
        return {"X-Slack-Signature": good["X-Slack-Signature"]}
    return good


@pytest.mark.slow
async def test_fuzzed_requests_get_no_5xx_no_traceback_and_no_lost_task(
    slack: SlackHarness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    loop = asyncio.get_running_loop()
    lost: list[str] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: lost.append(str(context.get("message"))))
    statuses: Counter[tuple[str, str, int]] = Counter()
    server_errors: list[tuple[str, str, int]] = []

    async def send(kind: str, body: bytes, content_type: str, signing: str) -> None:
        headers = {"User-Agent": "Slackbot 1.0", **headers_for(body, signing, slack.sign)}
        if content_type:
            headers["Content-Type"] = content_type
        async with slack.http.post(slack.base_url + "/slack/events", data=body, headers=headers) as response:
            await response.read()
            statuses[(kind, signing, response.status)] += 1
            if response.status >= 500:
                server_errors.append((kind, signing, response.status))

    @settings(max_examples=CASES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(requests(slack.api.url))
    def case(request: tuple[str, bytes, str, str, int | None]) -> None:
        kind, body, content_type, signing, _ = request
        asyncio.run_coroutine_threadsafe(send(kind, body, content_type, signing), loop).result(timeout=60)

    started = time.monotonic()
    try:
        await asyncio.to_thread(case)
        await slack.adapter.drain(timeout=120)
        gc.collect()
        await asyncio.sleep(0)
    finally:
        loop.set_exception_handler(previous)
    elapsed = time.monotonic() - started

    total = sum(statuses.values())
    problems = [f"{r.name}: {r.getMessage()[:300]}" for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert problems == []
    assert server_errors == []
    assert lost == []
    assert total >= 2000, total
    ran = sum(n for (_, signing, status), n in statuses.items() if signing == "valid" and status == 200)
    assert ran >= 300, statuses  # a good share of the cases got past the checks and ran
    by_status: Counter[int] = Counter()
    for (_, _, status), n in statuses.items():
        by_status[status] += n
    print(f"\n{total} fuzzed requests in {elapsed:.0f} s; by status: {dict(sorted(by_status.items()))}")
