"""Slack scenario fixtures: the real bot on a loopback port, signed requests as Slack sends them, and a stand-in
for Slack's Web API (a real HTTP server on 127.0.0.1 that records every call), after bolt-python's
`tests/mock_web_api_server`. Nothing reaches the internet."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.parse
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from pydantic import SecretStr

from bot.config import Settings

PAYLOADS = Path(__file__).resolve().parent / "payloads"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-1234-5678-test"
BOT_USER_ID = "U0SMMBOT1"
ESCALATION_CHANNEL = "C0SMMTEAM"


@dataclass
class Call:
    """One request the stand-in received: API method (or hook path), parsed body and headers."""

    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    status: int

    @property
    def method(self) -> str:
        return self.path.rsplit("/", 1)[-1] if self.path.startswith("/api/") else self.path

    def dumps(self) -> str:
        return json.dumps(self.body, ensure_ascii=False)


@dataclass
class FakeSlackApi:
    """Answers like Slack: ok:true with plausible fields; 429 + Retry-After once for a chosen method;
    an error code for a chosen channel."""

    url: str = ""
    calls: list[Call] = field(default_factory=list)
    rate_limit_once: set[str] = field(default_factory=set)
    rate_limit_always: set[str] = field(default_factory=set)
    channel_errors: dict[str, str] = field(default_factory=dict)
    _ts: int = 0

    def of(self, method: str) -> list[Call]:
        """The successful calls of one API method (e.g. `chat.postMessage`) or hook path prefix."""
        return [c for c in self.calls if c.status == 200 and (c.method == method or c.path.startswith(method))]

    def attempts(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def clear(self) -> None:
        self.calls.clear()

    def _next_ts(self) -> str:
        self._ts += 1
        return f"1767190000.{self._ts:06d}"

    async def handle(self, request: web.Request) -> web.Response:
        raw = await request.text()
        body: dict[str, Any]
        if request.content_type == "application/json":
            body = json.loads(raw) if raw else {}
        else:
            body = {k: v for k, v in urllib.parse.parse_qsl(raw)}
        body = {**dict(request.query), **body}  # slack_sdk sends some arguments as query parameters
        headers = {k.lower(): v for k, v in request.headers.items()}
        path = request.path
        method = path.rsplit("/", 1)[-1]
        if method in self.rate_limit_always or method in self.rate_limit_once:
            self.rate_limit_once.discard(method)
            self.calls.append(Call(path, body, headers, 429))
            return web.json_response({"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": "1"})
        self.calls.append(Call(path, body, headers, 200))
        if not path.startswith("/api/"):
            return web.Response(text="ok")  # response_url hooks answer plain "ok"
        if headers.get("authorization") != f"Bearer {BOT_TOKEN}":
            return web.json_response({"ok": False, "error": "invalid_auth"})
        channel = str(body.get("channel", ""))
        if channel in self.channel_errors:
            return web.json_response({"ok": False, "error": self.channel_errors[channel]})
        return web.json_response(self._answer(method, body))

    def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "url": "https://acme-huishoudwaren.slack.com/", "team": "Acme Huishoudwaren",
                    "user": "smm", "team_id": "T0ACME001", "user_id": BOT_USER_ID, "bot_id": "B0SMMBOT1",
                    "is_enterprise_install": False}
        if method == "chat.postMessage":
            ts = self._next_ts()
            return {"ok": True, "channel": body.get("channel"), "ts": ts,
                    "message": {"type": "message", "user": BOT_USER_ID, "text": body.get("text"), "ts": ts}}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": "D0" + str(body.get("users", "X"))[2:]}}
        if method == "users.info":
            return {"ok": True, "user": {"id": body.get("user"), "name": "karel.fransen", "locale": "nl-NL",
                                         "tz": "Europe/Amsterdam", "is_bot": False}}
        if method == "views.publish":
            return {"ok": True, "view": {"id": "V0HOME0001", "type": "home"}}
        if method == "chat.getPermalink":
            return {"ok": True, "channel": body.get("channel"),
                    "permalink": "https://acme-huishoudwaren.slack.com/archives/C/p1"}
        return {"ok": True}


@pytest.fixture
async def slack_api() -> AsyncIterator[FakeSlackApi]:
    """The Web API stand-in, listening on a free loopback port."""
    api = FakeSlackApi()
    app = web.Application()
    app.router.add_route("POST", "/{tail:.*}", api.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    api.url = f"http://127.0.0.1:{port}"
    yield api
    await runner.cleanup()


def sign(body: str | bytes, *, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
    """Slack's request signature: v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}")."""
    ts = str(int(time.time()) if timestamp is None else timestamp)
    raw = body.encode() if isinstance(body, str) else body
    digest = hmac.new(secret.encode(), f"v0:{ts}:".encode() + raw, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": ts, "X-Slack-Signature": f"v0={digest}"}


def load_payload(name: str, **values: str) -> Any:
    """A recorded payload from tests/slack/payloads, with `{{NAME}}` placeholders filled in."""
    text = (PAYLOADS / name).read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return json.loads(text)


@dataclass
class SlackHarness:
    """The running bot and ways to talk to it like Slack does."""

    base_url: str
    api: FakeSlackApi
    bot: Any
    adapter: Any
    http: aiohttp.ClientSession

    async def post(self, body: str | bytes, content_type: str, *, headers: dict[str, str] | None = None,
                   signed: bool = True, timestamp: int | None = None,
                   secret: str = SIGNING_SECRET) -> aiohttp.ClientResponse:
        all_headers = {"Content-Type": content_type, "User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)"}
        if signed:
            all_headers.update(sign(body, timestamp=timestamp, secret=secret))
        all_headers.update(headers or {})
        data = body.encode() if isinstance(body, str) else body
        async with self.http.post(self.base_url + "/slack/events", data=data, headers=all_headers) as resp:
            await resp.read()
            return resp

    async def event(self, payload: dict[str, Any], **kwargs: Any) -> aiohttp.ClientResponse:
        return await self.post(json.dumps(payload), "application/json", **kwargs)

    async def command(self, form: dict[str, str], **kwargs: Any) -> aiohttp.ClientResponse:
        return await self.post(urllib.parse.urlencode(form), "application/x-www-form-urlencoded", **kwargs)

    async def interaction(self, payload: dict[str, Any], **kwargs: Any) -> aiohttp.ClientResponse:
        body = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return await self.post(body, "application/x-www-form-urlencoded", **kwargs)

    bot_user_id = BOT_USER_ID
    escalation_channel = ESCALATION_CHANNEL

    @staticmethod
    def sign(body: str | bytes, *, timestamp: int | None = None, secret: str = SIGNING_SECRET) -> dict[str, str]:
        return sign(body, timestamp=timestamp, secret=secret)

    def load(self, name: str, **values: str) -> Any:
        """A recorded payload; `{{RESPONSE_URL}}` points at the Web API stand-in."""
        return load_payload(name, **{"RESPONSE_URL": self.api.url, **values})

    async def settle(self) -> None:
        """Wait for the work the adapter started in the background (answers are sent after the ack)."""
        await self.adapter.drain(timeout=15)


def slack_settings(settings: Settings, api_url: str) -> Settings:
    return settings.model_copy(update={
        "slack_bot_token": SecretStr(BOT_TOKEN),
        "slack_signing_secret": SecretStr(SIGNING_SECRET),
        "slack_api_url": api_url + "/api",  # no trailing slash on purpose: the adapter adds it
        "slack_escalation_channel": ESCALATION_CHANNEL,
    })


@pytest.fixture
async def slack(settings: Settings, slack_api: FakeSlackApi) -> AsyncIterator[SlackHarness]:
    """`smm serve` with Slack configured, on a free loopback port, talking to the Web API stand-in."""
    from bot.app import build_app, make_web_app

    bot = build_app(slack_settings(settings, slack_api.url))
    adapter = next(c for c in bot.components if c.name == "slack")
    runner = web.AppRunner(make_web_app(bot), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    for component in bot.components:
        await component.start()
    slack_api.clear()  # start-up's auth.test is not part of any scenario
    async with aiohttp.ClientSession() as http:
        yield SlackHarness(f"http://127.0.0.1:{port}", slack_api, bot, adapter, http)
    for component in reversed(bot.components):
        await component.stop()
    await runner.cleanup()
    bot.services.db.dispose()
