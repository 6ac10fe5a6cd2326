"""The `slack` sender: proactive messages (escalations, reminders, announcements) through the Web API.

Send-only, so it needs just the bot token: the Slack adapter builds one for itself, and the stand-alone outbox
worker (bot/scheduler/worker.py) builds one without any adapter or signing secret.

A message to a user goes to the DM channel with them. Finding that channel costs a `conversations.open` call, so
the sender looks in this order: its in-memory LRU of channels it learned before; the direct conversation the
user already had with the bot, as the dispatcher stored it (when the sender has a database); and only then
`conversations.open`, whose answer goes into the LRU. A known user costs one Web API call per message.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient
from sqlmodel import Session, select

from bot.adapters.slack.payloads import PLATFORM
from bot.adapters.slack.render import render_reply
from bot.core.messenger import DeliveryError
from bot.core.types import Reply, Target
from bot.store.models import ConversationReference

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.store.db import Database

DEFAULT_API_URL = "https://slack.com/api/"
MAX_RETRIES = 3
DM_CACHE_SIZE = 50_000  # user → DM channel ids kept in memory (a few MB at most)
# Slack errors that no retry can fix: the scheduler's outbox should give up on these.
PERMANENT_ERRORS = frozenset({
    "channel_not_found", "user_not_found", "users_not_found", "not_in_channel", "is_archived", "account_inactive",
    "user_disabled", "cannot_dm_bot", "invalid_auth", "not_authed", "token_revoked", "token_expired",
    "missing_scope", "no_permission", "restricted_action", "invalid_blocks", "invalid_arguments", "msg_too_long",
    "team_access_not_granted", "ekm_access_denied", "channel_is_archived",
})


def api_base_url(url: str | None) -> str:
    """The Web API base URL with the trailing slash slack_sdk needs (`…/api/` + `chat.postMessage`)."""
    base = url or DEFAULT_API_URL
    return base if base.endswith("/") else base + "/"


def retry_handlers() -> list[Any]:
    """Retries slack_sdk does not add by itself for async clients: 429 (honouring Retry-After) and dropped
    connections. Added explicitly; passing any list replaces the SDK's defaults."""
    return [AsyncConnectionErrorRetryHandler(max_retry_count=2),
            AsyncRateLimitErrorRetryHandler(max_retry_count=MAX_RETRIES)]


def delivery_error(exc: Exception) -> DeliveryError:
    """A Web API failure as the core's `DeliveryError`: `retry_after` for 429, `permanent` when retrying can't help."""
    if isinstance(exc, SlackApiError):
        response = exc.response
        status = getattr(response, "status_code", None)
        error = str(response.get("error", "")) if response is not None else ""
        if status == 429 or error == "ratelimited":
            headers = getattr(response, "headers", {}) or {}
            raw = headers.get("Retry-After") or headers.get("retry-after") or "1"
            try:
                retry_after = float(raw[0] if isinstance(raw, list) else raw)
            except ValueError:
                retry_after = 1.0
            return DeliveryError("Slack rate limit", retry_after=retry_after)
        return DeliveryError(f"Slack API error: {error or status}", permanent=error in PERMANENT_ERRORS)
    return DeliveryError(f"Slack unreachable: {type(exc).__name__}")


def stored_dm_channel(*, session: Session, user_id: str) -> str | None:
    """The id of the newest direct conversation the user had with the bot (a `D…` channel), or None.
    One indexed lookup of one column (conversation_reference.user_id is indexed)."""
    query = (
        select(ConversationReference.conversation_id)
        .where(ConversationReference.platform == PLATFORM, ConversationReference.user_id == user_id,
               ConversationReference.kind == "direct")
        .order_by(ConversationReference.updated_at.desc())  # type: ignore[attr-defined]
        .limit(1)
    )
    channel = session.exec(query).first()
    return channel if channel and channel.startswith("D") else None


class SlackSender:
    """Posts replies to Slack channels and users' DMs. Registered on the messenger as the `slack` sender."""

    platform = PLATFORM

    def __init__(self, token: str, api_url: str | None = None, *, db: Database | None = None,
                 dm_cache_size: int = DM_CACHE_SIZE) -> None:
        self.client = AsyncWebClient(token=token, base_url=api_base_url(api_url), retry_handlers=retry_handlers())
        self.db = db
        self.dm_cache_size = dm_cache_size
        self._dm_channels: OrderedDict[str, str] = OrderedDict()
        self._session: aiohttp.ClientSession | None = None

    @classmethod
    def from_settings(cls, settings: Settings, *, db: Database | None = None) -> SlackSender:
        """A sender from SMM_SLACK_BOT_TOKEN and SMM_SLACK_API_URL; no signing secret or app token needed."""
        if settings.slack_bot_token is None:
            from bot.core.errors import StartupError

            raise StartupError("SMM_SLACK_BOT_TOKEN is not set")
        return cls(settings.slack_bot_token.get_secret_value(), settings.slack_api_url, db=db)

    def session(self) -> aiohttp.ClientSession:
        """The shared HTTP session (the Web API client's and the response_url posts'), opened on first use."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
            self.client.session = self._session
        return self._session

    async def start(self) -> None:
        self.session()

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
            self.client.session = None

    async def send(self, target: Target, reply: Reply) -> str | None:
        """Post a proactive message to a channel or a user's DM; returns the first message's ts.

        Raises `DeliveryError`: with `retry_after` when Slack still says 429 after the retries, `permanent`
        for errors such as channel_not_found."""
        self.session()  # the client must use the shared session, not one of its own per call
        try:
            channel = target.id if target.kind == "channel" else await self.dm_channel(target.id)
            first: str | None = None
            for message in render_reply(reply):
                response = await self.client.chat_postMessage(channel=channel, **message.as_kwargs())
                first = first or response.get("ts")
            return first
        except DeliveryError:
            raise
        except (TimeoutError, SlackApiError, aiohttp.ClientError) as exc:
            raise delivery_error(exc) from None

    async def dm_channel(self, user_id: str) -> str:
        """The DM channel with a user: the LRU, else the stored direct conversation, else conversations.open."""
        channel = self._dm_channels.get(user_id)
        if channel is not None:
            self._dm_channels.move_to_end(user_id)
            return channel
        if self.db is not None:
            channel = await self.db.run(stored_dm_channel, user_id=user_id)
        if channel is None:
            response = await self.client.conversations_open(users=user_id)
            channel = str((response.get("channel") or {}).get("id") or "")
            if not channel:
                raise DeliveryError("conversations.open returned no channel", permanent=True)
        self.remember_dm(user_id, channel)
        return channel

    def remember_dm(self, user_id: str, channel: str) -> None:
        self._dm_channels[user_id] = channel
        self._dm_channels.move_to_end(user_id)
        while len(self._dm_channels) > self.dm_cache_size:
            self._dm_channels.popitem(last=False)

    def forget_dm(self, user_id: str) -> None:
        self._dm_channels.pop(user_id, None)
