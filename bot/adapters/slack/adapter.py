"""The Slack adapter: Bolt (`AsyncApp`) events, `/smm` and buttons in, neutral requests to the dispatcher,
replies out as Block Kit. It is also the `slack` sender for proactive messages (escalations, reminders).

Every listener acknowledges at once and does the slow work (answering, reviewing, calling the Web API) in a
background task that the adapter tracks, so Slack always gets its answer within 3 seconds and `stop()` can
wait for work in flight. Bolt runs with `process_before_response=True`: the listeners only acknowledge and
spawn, which avoids Bolt's 10 ms polling loop for acknowledgements.

Every request, slash commands included, goes through Bolt, which checks Slack's signature. (A hand-rolled
fast path for signed `/smm` commands measured faster, but it would be a second, unaudited way into the bot;
see bench/bench_slack.py for the figures without it.) Replies to a response_url are one JSON POST on the
shared aiohttp session, retried on 429 and dropped connections.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.adapters.slack.payloads import (
    PLATFORM,
    action_request,
    command_request,
    is_user_message,
    message_request,
)
from bot.adapters.slack.render import SlackMessage, render_home, render_reply
from bot.core.errors import StartupError
from bot.core.messenger import DeliveryError
from bot.core.services import scoped_logger
from bot.core.types import Bullets, Reply, Request, Target, Text
from bot.store import crud
from handlers.messages import t

if TYPE_CHECKING:
    from bot.app import BotApp

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
COMMAND = "/smm"
FORM = "application/x-www-form-urlencoded"
JSON_HEADERS = {"Content-Type": "application/json;charset=utf-8"}
RESPONSE_URL_TIMEOUT = aiohttp.ClientTimeout(total=30)
MAX_RETRY_AFTER = 60.0  # seconds: a response_url is valid for 30 minutes, but nobody waits longer than this
DEFAULT_API_URL = "https://slack.com/api/"
MAX_RETRIES = 3
# Answers and reviews in progress at once. Acknowledgements never wait for this; bounding the work keeps them
# fast under a burst and stops dozens of threads from queueing on the database (see bench/bench_slack.py).
MAX_CONCURRENT_WORK = 4
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


class SlackAdapter:
    """Slack over HTTP (`POST /slack/events`) or Socket Mode; the `slack` component and sender."""

    platform = PLATFORM
    name = "slack"

    def __init__(self, bot: BotApp) -> None:
        settings = bot.settings
        if settings.slack_bot_token is None:
            raise StartupError("SMM_SLACK_BOT_TOKEN is not set")
        self.dispatcher = bot.dispatcher
        self.services = bot.services
        self.socket_mode = settings.slack_app_token is not None
        self._app_token = settings.slack_app_token.get_secret_value() if settings.slack_app_token else None
        signing_secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
        if not self.socket_mode and not signing_secret:
            raise StartupError("SMM_SLACK_SIGNING_SECRET is needed for Slack over HTTP (or set SMM_SLACK_APP_TOKEN)")
        for name in ("slack_sdk", "slack_bolt"):
            # Their DEBUG lines contain request bodies, i.e. message texts: never let those through.
            logger = logging.getLogger(name)
            logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))
        self.client = AsyncWebClient(token=settings.slack_bot_token.get_secret_value(),
                                     base_url=api_base_url(settings.slack_api_url), retry_handlers=retry_handlers())
        # attaching_function_token only serves Slack's custom workflow steps, which this app has none of.
        self.bolt = AsyncApp(client=self.client, signing_secret=signing_secret, process_before_response=True,
                             request_verification_enabled=not self.socket_mode,
                             attaching_function_token_enabled=False,
                             logger=logging.getLogger("slack_bolt.smm"))
        # Bolt tries its listeners in this order: commands and buttons first, they must ack fastest.
        self.bolt.command(COMMAND)(self._on_command)
        self.bolt.action(re.compile(r"^smm\."))(self._on_action)
        self.bolt.event("message")(self._on_message)
        self.bolt.event("app_mention")(self._on_mention)
        self.bolt.event("app_home_opened")(self._on_home_opened)
        self._session: aiohttp.ClientSession | None = None
        self._socket: Any = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._workers = asyncio.Semaphore(MAX_CONCURRENT_WORK)
        self._dm_channels: dict[str, str] = {}
        self._locales: dict[str, str | None] = {}
        self.bot_user_id: str | None = None
        self.workspace_url: str | None = None
        bot.services.messenger.register(self)

    # Component life cycle --------------------------------------------------------------------------------

    def routes(self) -> list[web.RouteDef]:
        return [] if self.socket_mode else [web.post(EVENTS_PATH, self.handle_http)]

    async def start(self) -> None:
        """Open the shared HTTP session, learn who the bot is (fails loudly on a bad token), connect Socket Mode."""
        self._session = aiohttp.ClientSession()
        self.client.session = self._session
        try:
            identity = await self.client.auth_test()
        except SlackApiError as exc:
            raise StartupError(f"Slack refused SMM_SLACK_BOT_TOKEN: {exc.response.get('error')}") from None
        except (TimeoutError, aiohttp.ClientError) as exc:
            log.warning("Slack Web API unreachable at start-up (%s); continuing", type(exc).__name__)
        else:
            self.bot_user_id = identity.get("user_id")
            self.workspace_url = identity.get("url")
        if self.socket_mode:
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            self._socket = AsyncSocketModeHandler(self.bolt, self._app_token, web_client=self.client)
            await self._socket.connect_async()

    async def stop(self) -> None:
        """Disconnect, let work in flight finish (briefly), close the HTTP session."""
        if self._socket is not None:
            await self._socket.close_async()
        await self.drain(timeout=10)
        if self._session is not None:
            await self._session.close()
            self._session = None

    def health(self) -> dict[str, Any]:
        return {"mode": "socket" if self.socket_mode else "http", "in_flight": len(self._tasks),
                "identified": self.bot_user_id is not None}

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait until the background work started so far is done (stop(), tests and benchmarks)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while self._tasks:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return
            await asyncio.wait(set(self._tasks), timeout=remaining)

    async def handle_http(self, request: web.Request) -> web.Response:
        """`POST /slack/events`: events, slash commands and interactivity, all through Bolt (which checks the
        signature: HMAC-SHA256 of the body, timestamp at most 5 minutes old)."""
        bolt_response = await self.bolt.async_dispatch(await to_bolt_request(request))
        return await to_aiohttp_response(bolt_response)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(self._bounded(coro))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _bounded(self, coro: Coroutine[Any, Any, None]) -> None:
        async with self._workers:
            await coro

    # Bolt listeners: acknowledge, then work in the background ---------------------------------------------

    async def _on_message(self, body: dict[str, Any], context: dict[str, Any]) -> None:
        event = body.get("event") or {}
        if event.get("channel_type") != "im":
            return  # channels reach the bot as app_mention; answering their messages too would reply twice
        if is_user_message(event, bot_user_id=context.get("bot_user_id"), bot_id=context.get("bot_id")):
            self._spawn(self._answer_event(body, context.get("bot_user_id")))

    async def _on_mention(self, body: dict[str, Any], context: dict[str, Any]) -> None:
        event = body.get("event") or {}
        if is_user_message(event, bot_user_id=context.get("bot_user_id"), bot_id=context.get("bot_id")):
            self._spawn(self._answer_event(body, context.get("bot_user_id")))

    async def _on_command(self, ack: Any, body: dict[str, Any]) -> None:
        await ack()
        self._spawn(self._answer_command(body))

    async def _on_action(self, ack: Any, body: dict[str, Any]) -> None:
        await ack()
        self._spawn(self._answer_action(body))

    async def _on_home_opened(self, body: dict[str, Any]) -> None:
        event = body.get("event") or {}
        if event.get("tab") == "home" and event.get("user"):
            self._spawn(self._publish_home(event["user"]))

    # The work ------------------------------------------------------------------------------------------------

    async def _answer_event(self, body: dict[str, Any], bot_user_id: str | None) -> None:
        """A DM or mention: answer in the message's thread; private replies ephemeral outside a DM."""
        request = message_request(body, bot_user_id=bot_user_id or self.bot_user_id, workspace_url=self.workspace_url)
        try:
            replies = await self.dispatcher.dispatch(request)
            channel, thread_ts = request.conversation.id, request.conversation.thread_id
            for reply in replies:
                for message in render_reply(reply):
                    kwargs = message.as_kwargs()
                    if reply.in_thread and thread_ts:
                        kwargs["thread_ts"] = thread_ts
                    if reply.private and request.conversation.kind != "direct":
                        await self.client.chat_postEphemeral(channel=channel, user=request.user.id, **kwargs)
                    else:
                        await self.client.chat_postMessage(channel=channel, **kwargs)
        except Exception as exc:
            self._log(request, "event").error("could not answer a Slack event: %s", _describe(exc),
                                              exc_info=_unexpected(exc))

    async def _answer_command(self, body: dict[str, Any]) -> None:
        """`/smm …`: replies through the command's response_url; private ones ephemeral."""
        request = command_request(body)
        try:
            for reply in await self.dispatcher.dispatch(request):
                for message in render_reply(reply):
                    payload = message.as_kwargs()
                    payload["response_type"] = "ephemeral" if reply.private else "in_channel"
                    await self._respond(body, request, payload, private=reply.private)
        except Exception as exc:
            self._log(request, "command").error("could not answer /smm: %s", _describe(exc), exc_info=_unexpected(exc))

    async def _answer_action(self, body: dict[str, Any]) -> None:
        """A button press: replies go ephemeral to the presser, or replace the original message when asked."""
        for pressed in body.get("actions") or []:
            request = action_request(body, pressed)
            try:
                for reply in await self.dispatcher.dispatch(request):
                    for message in render_reply(reply):
                        payload = message.as_kwargs()
                        if reply.replace_original:
                            payload["replace_original"] = True
                        else:
                            payload.update(response_type="ephemeral", replace_original=False)
                        await self._respond(body, request, payload, private=True)
            except Exception as exc:
                self._log(request, "action").error("could not answer a button press: %s", _describe(exc),
                                                   exc_info=_unexpected(exc))

    async def _respond(self, body: dict[str, Any], request: Request, payload: dict[str, Any], *, private: bool) -> None:
        """Post through the interaction's response_url; without one, ephemeral in the channel or a DM."""
        url = body.get("response_url")
        if url:
            await self._post_response_url(url, payload)
            return
        message = SlackMessage(payload["text"], payload["blocks"])
        channel = request.conversation.id
        if private and channel and request.conversation.kind != "direct":
            await self.client.chat_postEphemeral(channel=channel, user=request.user.id, **message.as_kwargs())
        else:
            await self.client.chat_postMessage(channel=channel or await self._dm_channel(request.user.id),
                                               **message.as_kwargs())

    async def _post_response_url(self, url: str, payload: dict[str, Any]) -> None:
        """One JSON POST to a response_url on the shared session (no webhook client per reply). 429 waits for
        Retry-After and tries again, up to MAX_RETRIES times; a dropped connection is retried twice."""
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if self._session is None:
            self._session = aiohttp.ClientSession()
            self.client.session = self._session
        rate_limited = dropped = 0
        while True:
            try:
                async with self._session.post(url, data=data, headers=JSON_HEADERS,
                                              timeout=RESPONSE_URL_TIMEOUT) as response:
                    await response.read()
                    status = response.status
                    retry_after = response.headers.get("Retry-After", "1")
            except aiohttp.ClientConnectionError:
                if dropped >= 2:
                    raise
                dropped += 1
                await asyncio.sleep(0.5 * dropped)
                continue
            if status < 300:
                return
            if status == 429 and rate_limited < MAX_RETRIES:
                rate_limited += 1
                try:
                    delay = float(retry_after)
                except ValueError:
                    delay = 1.0
                await asyncio.sleep(min(max(delay, 0.0), MAX_RETRY_AFTER))
                continue
            raise DeliveryError(f"response_url answered {status}")

    async def _publish_home(self, user_id: str) -> None:
        """The App Home tab: what the bot does and its commands, in the user's language."""
        try:
            language = await self._home_language(user_id)
            pack = self.services.policy.pack
            company = pack.company.short_name
            manager = pack.company.social_media_manager
            lines = tuple(t(f"slack.home.cmd.{name}", language) for name in ("ask", "review", "profile", "help"))
            elements: list[Any] = [
                Text(t("slack.home.title", language, company=company), style="heading"),
                Text(t("slack.home.intro", language, company=company)),
                Text(t("slack.home.commands", language), style="heading"),
                Bullets(lines),
                Text(t("slack.home.example", language), style="muted"),
            ]
            if self.services.is_admin(user_id):
                elements.append(Text(t("slack.home.admin", language), style="muted"))
            contact = t("help.contact", language, name=manager.name, contact=manager.contact)
            elements.append(Text(contact, style="muted"))
            await self.client.views_publish(user_id=user_id, view=render_home([Reply(elements, language)]))
        except Exception as exc:
            log.error("could not publish the App Home tab: %s", _describe(exc), exc_info=_unexpected(exc))

    async def _home_language(self, user_id: str) -> str:
        """The stored preference, else the Slack locale (users.info, cached), else the pack's first language."""
        languages = self.services.policy.pack.languages
        user = await self.services.db.run(crud.get_user, platform=PLATFORM, user_id=user_id)
        if user is not None and user.language in languages:
            return user.language
        if user_id not in self._locales:
            try:
                info = await self.client.users_info(user=user_id, include_locale=True)
                self._locales[user_id] = (info.get("user") or {}).get("locale")
            except SlackApiError:
                self._locales[user_id] = None
        locale = (self._locales.get(user_id) or "").replace("_", "-").split("-")[0].lower()
        return locale if locale in languages else languages[0]

    # The `slack` sender ------------------------------------------------------------------------------------

    async def send(self, target: Target, reply: Reply) -> str | None:
        """Post a proactive message to a channel or a user's DM; returns the first message's ts.

        Raises `DeliveryError`: with `retry_after` when Slack still says 429 after the retries, `permanent`
        for errors such as channel_not_found."""
        try:
            channel = target.id if target.kind == "channel" else await self._dm_channel(target.id)
            first: str | None = None
            for message in render_reply(reply):
                response = await self.client.chat_postMessage(channel=channel, **message.as_kwargs())
                first = first or response.get("ts")
            return first
        except DeliveryError:
            raise
        except (TimeoutError, SlackApiError, aiohttp.ClientError) as exc:
            raise delivery_error(exc) from None

    async def _dm_channel(self, user_id: str) -> str:
        """The DM channel with a user (conversations.open), cached."""
        channel = self._dm_channels.get(user_id)
        if channel is None:
            response = await self.client.conversations_open(users=user_id)
            channel = str((response.get("channel") or {}).get("id") or "")
            if not channel:
                raise DeliveryError("conversations.open returned no channel", permanent=True)
            self._dm_channels[user_id] = channel
        return channel

    def _log(self, request: Request, handler: str) -> logging.LoggerAdapter[logging.Logger]:
        return scoped_logger(__name__, platform=PLATFORM, handler=handler, request_id=request.request_id)


def _describe(exc: Exception) -> str:
    """An error for the log without message texts: Slack's error code or the exception type."""
    if isinstance(exc, SlackApiError):
        return f"Slack API error {exc.response.get('error')}"
    if isinstance(exc, DeliveryError):
        return str(exc)
    return type(exc).__name__


def _unexpected(exc: Exception) -> bool:
    """A bug rather than Slack or the network saying no: worth a traceback in the log."""
    return not isinstance(exc, SlackApiError | DeliveryError | aiohttp.ClientError | TimeoutError)
