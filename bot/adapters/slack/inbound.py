"""What `POST /slack/events` lets through to Bolt, checked in this order before anything is parsed or logged:

1. Slack's signature: `X-Slack-Request-Timestamp` is a number at most five minutes from now, and
   `X-Slack-Signature` is `v0=` HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`). Otherwise 401.
2. The content type Slack uses (JSON for events, a form for commands and interactivity, 415 otherwise) and a
   body that parses to an object (400 otherwise).
3. The shape: every field that Bolt or the adapter reads has the type Slack sends (`SlackPayload`), and each
   kind of request carries what it cannot do without (an event its id, a command its user). Otherwise 400.

Bolt then gets the checked object as JSON, so it never parses a body itself (its form parser mistakes a
command whose text says "payload" for an interaction) and never meets a field of a type it does not expect.
A refusal is logged with its reason only: never the body, which may hold a post under review.

`replay_key` names a signed request: Slack never sends the same timestamp and signature twice, so a second
request with them is a replay (see the adapter: commands and button presses run once per key).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import time
import urllib.parse
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

MAX_SKEW = 300  # seconds: Slack's own limit for a request's age
MAX_FORM_FIELDS = 100
JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
_URL = r"^https?://[^\s/?#]+[/?#]?\S*$"  # a response_url: where the reply is posted
_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
# Event types the adapter answers: their user and channel must be plain ids.
_BRANCHES = frozenset({"str", "bool", "dict[str,any]"})
HANDLED_EVENTS = frozenset({"message", "app_mention", "app_home_opened"})


@dataclass(frozen=True)
class Refused:
    """Why a request is refused: the HTTP status and a reason for the log (never any of the body)."""

    status: int
    reason: str


@dataclass(frozen=True)
class Inbound:
    """A request that passed every check: its body as Slack meant it, and the key that names it."""

    body: dict[str, Any]
    replay_key: str


# The shape Slack sends. Only the fields that Bolt or the adapter read are listed; others pass unchecked.
# Strict: a number where Slack sends a string is refused, not converted.
class _Shape(BaseModel):
    model_config = ConfigDict(extra="allow", strict=True)


class _Ref(_Shape):
    """A user, team, channel or enterprise given as an object."""

    id: str | None = None
    team_id: str | None = None
    enterprise_id: str | None = None
    name: str | None = None
    username: str | None = None
    domain: str | None = None


class _Message(_Shape):
    user: str | _Ref | None = None
    user_id: str | None = None
    ts: str | None = None
    thread_ts: str | None = None
    text: str | None = None
    subtype: str | None = None
    bot_id: str | None = None


class _Thread(_Shape):
    channel: str | _Ref | None = None
    channel_id: str | None = None
    thread_ts: str | None = None


class _Event(_Message):
    type: str
    channel: str | _Ref | None = None
    channel_type: str | None = None
    event_ts: str | None = None
    tab: str | None = None
    team: str | None = None
    user_team: str | None = None
    source_team: str | None = None
    bot_profile: dict[str, Any] | None = None
    message: _Message | None = None
    previous_message: _Message | None = None
    item: _Thread | None = None
    assistant_thread: _Thread | None = None
    function_execution_id: str | None = None
    bot_access_token: str | None = None
    inputs: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _plain_ids(self) -> _Event:
        if self.type in HANDLED_EVENTS and not (isinstance(self.user, str | None)
                                                and isinstance(self.channel, str | None)):
            raise ValueError("a message event's user and channel are ids")
        return self


class _Action(_Shape):
    action_id: str
    block_id: str | None = None
    value: str | None = None
    type: str | None = None


class _Container(_Shape):
    type: str | None = None
    channel_id: str | None = None
    message_ts: str | None = None
    thread_ts: str | None = None
    view_id: str | None = None
    is_ephemeral: bool | None = None


class _View(_Shape):
    id: str | None = None
    type: str | None = None
    callback_id: str | None = None
    team_id: str | None = None
    app_installed_team_id: str | None = None


class _FunctionData(_Shape):
    execution_id: str | None = None
    inputs: dict[str, Any] | None = None


class _ResponseUrl(_Shape):
    response_url: str | None = Field(default=None, pattern=_URL)


class SlackPayload(_Shape):
    """A whole body (or one of its `authorizations`, which Bolt reads the same way)."""

    type: str | None = None
    token: str | None = None
    challenge: str | None = None
    ssl_check: str | None = None
    api_app_id: str | None = None
    team_id: str | None = None
    enterprise_id: str | None = None
    context_team_id: str | None = None
    context_enterprise_id: str | None = None
    user_id: str | None = None
    user_name: str | None = None
    user_team: str | None = None
    channel_id: str | None = None
    channel_name: str | None = None
    command: str | None = None
    text: str | None = None
    response_url: str | None = Field(default=None, pattern=_URL)
    trigger_id: str | None = None
    callback_id: str | None = None
    action_id: str | None = None
    event_id: str | None = None
    thread_ts: str | None = None
    function_execution_id: str | None = None
    bot_access_token: str | None = None
    is_enterprise_install: bool | str | None = None
    is_ext_shared_channel: bool | None = None
    team: str | _Ref | None = None
    enterprise: str | _Ref | None = None
    user: str | _Ref | None = None
    channel: str | _Ref | None = None
    event: _Event | None = None
    message: _Message | None = None
    previous_message: _Message | None = None
    container: _Container | None = None
    view: _View | None = None
    function_data: _FunctionData | None = None
    item: _Thread | None = None
    assistant_thread: _Thread | None = None
    actions: list[_Action] | None = Field(default=None, min_length=1)
    response_urls: list[_ResponseUrl] | None = None
    authorizations: list[SlackPayload] | None = None

    @field_validator("event", "actions", "response_urls", mode="before")
    @classmethod
    def _not_null(cls, value: Any) -> Any:
        # Absent is fine, null is not: Bolt tests for these keys with `in` and then reads them.
        if value is None:
            raise ValueError("null")
        return value

    @model_validator(mode="after")
    def _complete(self) -> SlackPayload:
        if self.type == "event_callback" and (self.event is None or not self.event_id):
            raise ValueError("an event callback has an event and an event_id")
        if self.command is not None and not self.user_id:
            raise ValueError("a slash command has a user_id")
        if self.type == "block_actions" and (self.actions is None or not isinstance(self.user, _Ref)
                                             or not self.user.id):
            raise ValueError("a button press has actions and a user")
        return self


def check(raw: bytes, headers: Any, *, signing_secret: str, now: float | None = None) -> Inbound | Refused:
    """Verify, parse and check one request (`headers` as aiohttp gives them: case-insensitive)."""
    timestamp = headers.get("X-Slack-Request-Timestamp") or ""
    signature = headers.get("X-Slack-Signature") or ""
    refused = _verify(raw, timestamp, signature, signing_secret, time.time() if now is None else now)
    if refused is not None:
        return refused
    media_type = (headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
    body = _parse(raw, media_type)
    if isinstance(body, Refused):
        return body
    try:
        SlackPayload.model_validate(body)
    except ValidationError as exc:
        # The locations of the offending fields, never their values.
        where = sorted({_where(error["loc"]) for error in exc.errors()})
        return Refused(400, "fields of an unexpected type or missing: " + ", ".join(where[:5]))
    return Inbound(body, replay_key(timestamp, signature))


def _where(loc: tuple[int | str, ...]) -> str:
    """`event.user` for pydantic's ("event", "user", "str"): the path without the union branch names."""
    return ".".join(str(part) for part in loc if part not in _BRANCHES and not str(part).startswith("_")) or "body"


def replay_key(timestamp: str, signature: str) -> str:
    """A name for one signed request, the same for every replay of it."""
    return hashlib.sha256(f"{timestamp}:{signature}".encode("ascii")).hexdigest()


def _verify(raw: bytes, timestamp: str, signature: str, secret: str, now: float) -> Refused | None:
    if not timestamp or not signature:
        return Refused(401, "unsigned (no X-Slack-Request-Timestamp or X-Slack-Signature)")
    if not _TIMESTAMP.fullmatch(timestamp):
        return Refused(401, "X-Slack-Request-Timestamp is not a number")
    skew = now - int(timestamp)
    if abs(skew) > MAX_SKEW:
        return Refused(401, f"timestamp {skew:+.0f} s from this server's clock (stale, replayed, or a clock off)")
    if not _SIGNATURE.fullmatch(signature):
        return Refused(401, "X-Slack-Signature is not a v0 signature")
    expected = hmac.new(secret.encode(), b"v0:" + timestamp.encode("ascii") + b":" + raw, hashlib.sha256)
    if not hmac.compare_digest("v0=" + expected.hexdigest(), signature):
        return Refused(401, "signature mismatch (wrong or rotated SMM_SLACK_SIGNING_SECRET?)")
    return None


def _parse(raw: bytes, media_type: str) -> dict[str, Any] | Refused:
    if media_type not in (JSON, FORM):
        return Refused(415, f"content type {media_type[:60]!r} (Slack sends JSON or a form)")
    try:
        text = raw.decode("utf-8")
        if media_type == JSON:
            return _object(json.loads(text))
        fields = urllib.parse.parse_qsl(text, keep_blank_values=True, errors="strict",
                                        max_num_fields=MAX_FORM_FIELDS)
        form = dict(fields)
        if len(form) != len(fields):
            return Refused(400, "a form field given twice")
        if "payload" in form:  # interactivity: one field holding JSON
            return _object(json.loads(form["payload"]))
        return form
    except (ValueError, RecursionError) as exc:  # bad UTF-8, JSON or form encoding; too many fields
        return Refused(400, f"unreadable body ({type(exc).__name__})")


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value
