"""The Slack adapter: Bolt (`AsyncApp`) events, `/smm` and buttons in, neutral requests to the dispatcher,
replies out as Block Kit. Proactive messages (escalations, reminders) go through its `SlackSender`
(bot/adapters/slack/sender.py), which it registers as the `slack` sender.

Every listener acknowledges at once and does the slow work (answering, reviewing, calling the Web API) in a
background task that the adapter tracks, so Slack always gets its answer within 3 seconds and `stop()` can
wait for work in flight. Bolt runs with `process_before_response=True`: the listeners only acknowledge and
spawn, which avoids Bolt's 10 ms polling loop for acknowledgements. The waiting work is bounded
(MAX_WAITING_WORK): past it, commands and buttons get a "busy" note and events are dropped with a warning.
It is shared fairly between users, and a user with SMM_MAX_WAITING_PER_USER items waiting is told "one moment,
I'm still working on your earlier messages" instead of queueing more (bot/adapters/work.py).

Only members of this workspace (auth.test's team) are served: events from users of another team (Slack Connect)
are ignored, their commands and button presses get a short "employees only" note.

Every HTTP request is first checked by bot/adapters/slack/inbound.py: Slack's signature, then the content type
and the payload's shape, refused with a 4xx and a log line with the reason (never the body). Only then does
Bolt route it, slash commands included. (A hand-rolled fast path for signed `/smm` commands measured faster,
but it would be a second way into the bot; see bench/bench_slack.py for the figures without it.) A signed
command or button press runs once: a replay of the same signed request is de-duplicated like an event.
Replies to a response_url are one JSON POST on the shared aiohttp session, retried on 429 and dropped
connections.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Coroutine, Sequence
from typing import TYPE_CHECKING, Any

import aiohttp
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response
from slack_bolt.app.async_app import AsyncApp
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_sdk.errors import SlackApiError

from bot.adapters.slack.inbound import Refused, check
from bot.adapters.slack.payloads import (
    PLATFORM,
    action_request,
    action_user_team,
    command_request,
    command_user_team,
    event_user_team,
    is_user_message,
    message_request,
)
from bot.adapters.slack.render import SlackMessage, render_home, render_reply
from bot.adapters.slack.sender import (  # noqa: F401 - re-exported for older imports
    PERMANENT_ERRORS,
    SlackSender,
    api_base_url,
    delivery_error,
    retry_handlers,
)
from bot.adapters.work import BoundedWork, Refusal
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
MAX_RETRIES = 3
# Answers and reviews in progress at once. Acknowledgements never wait for this; bounding the work keeps them
# fast under a burst and stops dozens of threads from queueing on the database (see bench/bench_slack.py).
MAX_CONCURRENT_WORK = 4
# Work waiting for one of those slots. Beyond this the adapter refuses new work (a "busy" note for commands and
# buttons, events dropped with a warning) instead of queueing without limit under a flood.
MAX_WAITING_WORK = 200
# Short notices ("busy", "employees only") posted to response_urls outside the work queue, at most this many
# at once; past that they are skipped.
MAX_NOTICES = 50
BOLT_LOGGER = "slack_bolt.smm"
REPLAY_KEY = "smm_replay_key"  # Bolt context key: names the signed request (commands and buttons run once per key)


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
        self._signing_secret = signing_secret or ""
        for name in ("slack_sdk", "slack_bolt", BOLT_LOGGER):
            # Their DEBUG lines contain request and Web API bodies, i.e. message texts: never let those through.
            # Bolt copies BOLT_LOGGER's level to the logger of each of its parts, so the floor holds there too.
            logger = logging.getLogger(name)
            logger.setLevel(max(logger.getEffectiveLevel(), logging.INFO))
        # The sender owns the Web API client and the shared HTTP session; it is what the messenger calls.
        self.sender = SlackSender.from_settings(settings, db=bot.services.db)
        self.client = self.sender.client
        # attaching_function_token only serves Slack's custom workflow steps, which this app has none of.
        self.bolt = AsyncApp(client=self.client, signing_secret=signing_secret, process_before_response=True,
                             # handle_http checks every request before Bolt sees it (bot/adapters/slack/inbound.py);
                             # Bolt's own check would log a refused request's whole body.
                             request_verification_enabled=False,
                             attaching_function_token_enabled=False,
                             logger=logging.getLogger(BOLT_LOGGER))
        # Bolt tries its listeners in this order: commands and buttons first, they must ack fastest.
        self.bolt.command(COMMAND)(self._on_command)
        self.bolt.action(re.compile(r"^smm\."))(self._on_action)
        self.bolt.event("message")(self._on_message)
        self.bolt.event("app_mention")(self._on_mention)
        self.bolt.event("app_home_opened")(self._on_home_opened)
        self._socket: Any = None
        self.work = BoundedWork(concurrency=MAX_CONCURRENT_WORK,
                                max_waiting=settings.slack_max_waiting if settings.slack_max_waiting > 0
                                else MAX_WAITING_WORK,
                                max_waiting_per_user=max(1, settings.max_waiting_per_user))
        self._notices = 0
        self._locales: dict[str, str | None] = {}
        self.bot_user_id: str | None = None
        self.workspace_url: str | None = None
        self.team_id: str | None = None  # this workspace (auth.test); users of other teams are refused
        bot.services.messenger.register(self.sender)

    # Component life cycle --------------------------------------------------------------------------------

    def routes(self) -> list[web.RouteDef]:
        return [] if self.socket_mode else [web.post(EVENTS_PATH, self.handle_http)]

    async def start(self) -> None:
        """Open the shared HTTP session, learn who the bot is (fails loudly on a bad token), connect Socket Mode."""
        await self.sender.start()
        try:
            identity = await self.client.auth_test()
        except SlackApiError as exc:
            raise StartupError(f"Slack refused SMM_SLACK_BOT_TOKEN: {exc.response.get('error')}") from None
        except (TimeoutError, aiohttp.ClientError) as exc:
            log.warning("Slack Web API unreachable at start-up (%s); continuing", type(exc).__name__)
        else:
            self.bot_user_id = identity.get("user_id")
            self.workspace_url = identity.get("url")
            self.team_id = identity.get("team_id")
        if self.socket_mode:
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            self._socket = AsyncSocketModeHandler(self.bolt, self._app_token, web_client=self.client)
            await self._socket.connect_async()

    async def stop(self) -> None:
        """Disconnect, let work in flight finish (briefly), close the HTTP session."""
        if self._socket is not None:
            await self._socket.close_async()
        await self.drain(timeout=10)
        await self.sender.close()

    def health(self) -> dict[str, Any]:
        return {"mode": "socket" if self.socket_mode else "http", **self.work.stats(),
                "identified": self.bot_user_id is not None}

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait until the background work started so far is done (stop(), tests and benchmarks)."""
        await self.work.drain(timeout)

    async def handle_http(self, request: web.Request) -> web.Response:
        """`POST /slack/events`: events, slash commands and interactivity. The signature (HMAC-SHA256 of the body,
        timestamp at most 5 minutes off), the content type and the payload's shape are checked first (4xx and a
        log line with the reason, never the body); Bolt gets the checked payload."""
        inbound = check(await request.read(), request.headers, signing_secret=self._signing_secret)
        if isinstance(inbound, Refused):
            log.warning("refused a Slack request (%d): %s", inbound.status, inbound.reason)
            return web.json_response({"error": "invalid request"}, status=inbound.status)
        headers: dict[str, str | Sequence[str]] = {"content-type": "application/json"}
        headers.update((k.lower(), v) for k, v in request.headers.items() if k.lower().startswith("x-slack-retry-"))
        bolt_request = AsyncBoltRequest(body=json.dumps(inbound.body), headers=headers,
                                        context={REPLAY_KEY: inbound.replay_key})
        return await to_aiohttp_response(await self.bolt.async_dispatch(bolt_request))

    def _spawn(self, coro: Coroutine[Any, Any, None], user: str | None = None) -> bool:
        """Start work in the background, bounded and fair across users: False (and the work dropped) when too
        much is waiting, or this user has too much waiting (then they are told "one moment", once)."""
        return self.work.spawn(coro, key=user)

    def _track(self, coro: Coroutine[Any, Any, None]) -> None:
        self.work.track(coro)


    # Who may use the bot, and what to say when it can't help -------------------------------------------------

    def _home_team(self, context: dict[str, Any]) -> str | None:
        """This workspace: auth.test's team at start-up, else the team Bolt authorised the request for."""
        return self.team_id or getattr(context.get("authorize_result"), "team_id", None)

    def _external(self, team: str | None, context: dict[str, Any], what: str) -> bool:
        """True (and a warning with the team id, never the text) for a user of another team: Slack Connect
        guests must not use the bot, nor receive what it says to employees."""
        home = self._home_team(context)
        if team is None or home is None or team == home:
            return False
        log.warning("ignored a Slack %s from a user of another team (%s)", what, team)
        return True

    def _notice(self, key: str) -> str:
        """A short notice in every language of the pack (the user's own is not known at this point)."""
        pack = self.services.policy.pack
        return "\n".join(t(key, language, company=pack.company.short_name) for language in pack.languages)

    def _post_notice(self, body: dict[str, Any], text: str) -> None:
        """An ephemeral notice through the interaction's response_url, outside the work queue (bounded too)."""
        url = body.get("response_url")
        if not url or self._notices >= MAX_NOTICES:
            return
        payload = {"text": text, "response_type": "ephemeral", "replace_original": False}

        async def post() -> None:
            try:
                await self._post_response_url(url, payload)
            except Exception as exc:
                log.warning("could not post a notice: %s", _describe(exc))
            finally:
                self._notices -= 1

        self._notices += 1
        self._track(post())

    async def _one_moment(self, event: dict[str, Any]) -> None:
        """Tell a user whose messages are still queued to wait: in a DM, else ephemeral in the channel."""
        kwargs: dict[str, Any] = {"channel": event.get("channel"), "text": self._notice("slack.one_moment")}
        if event.get("thread_ts"):
            kwargs["thread_ts"] = event["thread_ts"]
        try:
            if event.get("channel_type") == "im":
                await self.client.chat_postMessage(**kwargs)
            else:
                await self.client.chat_postEphemeral(user=str(event.get("user")), **kwargs)
        except Exception as exc:
            log.warning("could not post a notice: %s", _describe(exc))

    # Bolt listeners: acknowledge, then work in the background ---------------------------------------------

    async def _on_message(self, body: dict[str, Any], context: dict[str, Any]) -> None:
        event = body.get("event") or {}
        if event.get("channel_type") != "im":
            return  # channels reach the bot as app_mention; answering their messages too would reply twice
        await self._on_mention(body, context)

    async def _on_mention(self, body: dict[str, Any], context: dict[str, Any]) -> None:
        event = body.get("event") or {}
        if not is_user_message(event, bot_user_id=context.get("bot_user_id"), bot_id=context.get("bot_id")):
            return
        if self._external(event_user_team(body), context, "message"):
            return
        why = self.work.offer(self._answer_event(body, context.get("bot_user_id")), key=event.get("user"))
        if why is Refusal.USER_BUSY and self.work.tell_once(event.get("user")):
            self._track(self._one_moment(event))
        elif why is Refusal.BUSY:
            log.warning("too much work waiting (%d): dropped a Slack message event", self.work.waiting)

    async def _on_command(self, ack: Any, body: dict[str, Any], context: dict[str, Any]) -> None:
        if self._external(command_user_team(body), context, "command"):
            await ack(text=self._notice("slack.external_user"), response_type="ephemeral")
        elif self.work.full:
            self.work.refused += 1
            await ack(text=self._notice("slack.busy"), response_type="ephemeral")
        elif self.work.refusal(body.get("user_id")) is Refusal.USER_BUSY:
            self.work.refused_user += 1
            await ack(text=self._notice("slack.one_moment"), response_type="ephemeral")
        else:
            await ack()
            self._spawn(self._answer_command(body, context.get(REPLAY_KEY)), body.get("user_id"))

    async def _on_action(self, ack: Any, body: dict[str, Any], context: dict[str, Any]) -> None:
        await ack()
        if self._external(action_user_team(body), context, "button press"):
            self._post_notice(body, self._notice("slack.external_user"))
        elif why := self.work.offer(self._answer_action(body, context.get(REPLAY_KEY)),
                                    key=(body.get("user") or {}).get("id")):
            self._post_notice(body, self._notice("slack.one_moment" if why is Refusal.USER_BUSY else "slack.busy"))

    async def _on_home_opened(self, body: dict[str, Any], context: dict[str, Any]) -> None:
        event = body.get("event") or {}
        if event.get("tab") != "home" or not event.get("user"):
            return
        if self._external(event_user_team(body), context, "app_home_opened"):
            return
        if not self._spawn(self._publish_home(event["user"]), event["user"]):
            log.warning("too much work waiting (%d): dropped a Slack app_home_opened event", self.work.waiting)

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

    async def _answer_command(self, body: dict[str, Any], replay_key: str | None = None) -> None:
        """`/smm …`: replies through the command's response_url; private ones ephemeral."""
        request = command_request(body, replay_key=replay_key)
        try:
            for reply in await self.dispatcher.dispatch(request):
                for message in render_reply(reply):
                    payload = message.as_kwargs()
                    payload["response_type"] = "ephemeral" if reply.private else "in_channel"
                    await self._respond(body, request, payload, private=reply.private)
        except Exception as exc:
            self._log(request, "command").error("could not answer /smm: %s", _describe(exc), exc_info=_unexpected(exc))

    async def _answer_action(self, body: dict[str, Any], replay_key: str | None = None) -> None:
        """A button press: replies go ephemeral to the presser, or replace the original message when asked."""
        for index, pressed in enumerate(body.get("actions") or []):
            request = action_request(body, pressed, replay_key=replay_key and f"{replay_key}:{index}")
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
            await self.client.chat_postMessage(channel=channel or await self.sender.dm_channel(request.user.id),
                                               **message.as_kwargs())

    async def _post_response_url(self, url: str, payload: dict[str, Any]) -> None:
        """One JSON POST to a response_url on the shared session (no webhook client per reply). 429 waits for
        Retry-After and tries again, up to MAX_RETRIES times; a dropped connection is retried twice."""
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        session = self.sender.session()
        rate_limited = dropped = 0
        while True:
            try:
                async with session.post(url, data=data, headers=JSON_HEADERS,
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
            if self.services.is_admin(user_id, platform="slack"):
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
        """Proactive messages go through `self.sender` (registered on the messenger); kept for callers that
        hold the adapter."""
        return await self.sender.send(target, reply)

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
