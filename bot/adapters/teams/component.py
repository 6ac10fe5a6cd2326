"""The Teams component of `smm serve`: `POST /api/messages` and the `teams` sender for proactive messages.

Request path: our own aiohttp handler (botbuilder 4.17's `CloudAdapter.process` answers every invoke with
a body with 500) -> our token check (`auth.TokenValidator`, non-blocking, fails closed with 401) ->
`CloudAdapter.process_activity` with the already-validated identity -> `TeamsBot.on_turn`.

Without an app id, `/api/messages` is the Bot Framework Emulator's tokenless endpoint, and only when
`SMM_TEAMS_EMULATOR=true` and the listener is on loopback (`emulator.py` says what it then accepts: 403 for
anything relayed or from afar, 400 for a serviceUrl that is not canonical loopback, which is never
contacted). Requests through it are never admin. Otherwise, without an app id, `/api/messages` answers 404
with a short explanation and Teams is off. With an app id the token's `serviceurl` claim binds the
serviceUrl instead.

Any body, however malformed, gets a 4xx (or 200 for an activity that is not ours) and no traceback: the
shape of the fields the adapter reads is checked (`activity_problem`) before botbuilder sees the activity.

Who may talk to the bot: only the `msteams` channel (plus `emulator` in emulator mode; Web Chat and Direct
Line let the client choose its own user id), and, with `SMM_TEAMS_TENANT_ID` set, only that tenant (a
MultiTenant app id can be side-loaded in any tenant). Other activities are answered 200 and not dispatched.

Timing: the Bot Connector gives up after about 15 seconds and redelivers, while a turn may take longer
(answering, then sends paced and retried with back-off). So a message or conversation update is
acknowledged (201) as soon as it is authenticated and checked, and its turn runs in a background task the
component tracks (bounded; `stop()` lets it finish briefly). Invokes (Action.Execute) stay synchronous:
their card travels in the HTTP response.

Outbound tokens: botbuilder's `MicrosoftAppCredentials` asks Entra ID for a token synchronously (msal)
when the connector request is signed, and builds a new credentials object, with an empty token cache,
for every turn. `_WarmCredentialFactory` keeps one credentials object per app id and scope and fetches
its token in a worker thread, with a timeout, before botbuilder signs; botbuilder then finds it in
msal's cache and does not block the loop.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import Activity, ActivityTypes, CallerIdConstants, ConversationReference
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    ClaimsIdentity,
    ServiceClientCredentialsFactory,
)
from msrest.authentication import Authentication

from bot.adapters.teams.auth import AuthError, TokenValidator
from bot.adapters.teams.bot import Outbound, TeamsBot
from bot.adapters.teams.emulator import (
    emulator_allowed,
    emulator_refusal,
    is_loopback_host,
    loopback_service_url,
    service_url_problem,
)
from bot.adapters.teams.inbound import MAX_BODY_BYTES, Refused, activity_problem, read_activity
from bot.adapters.teams.outbound import PERMANENT_STATUSES, retry_after_of, status_of
from bot.adapters.teams.translate import PLATFORM, to_activities, user_of
from bot.adapters.work import BoundedWork, Refusal
from bot.core.messenger import DeliveryError
from bot.core.services import scoped_logger
from bot.core.types import Reply, Target
from bot.store import crud
from handlers.messages import t

if TYPE_CHECKING:
    from bot.app import BotApp
    from bot.config import Settings

log = logging.getLogger(__name__)

TOKEN_TIMEOUT_SECONDS = 15.0
MAX_CONCURRENT_TURNS = 32
MAX_WAITING_TURNS = 256  # beyond this, 503 (the Bot Connector redelivers later)
TEAMS_CHANNEL = "msteams"
EMULATOR_CHANNEL = "emulator"
NOT_SERVED = ("Teams is not configured on this server: set SMM_TEAMS_APP_ID, SMM_TEAMS_APP_PASSWORD and "
              "SMM_TEAMS_TENANT_ID. (The Bot Framework Emulator's unauthenticated endpoint needs "
              "SMM_TEAMS_EMULATOR=true and a loopback SMM_HOST.)\n")

__all__ = ["TeamsComponent", "TeamsOff", "is_loopback_host", "service_url_problem", "teams_component"]


def tenant_ids(body: dict[str, Any]) -> set[str]:
    """The tenant ids an activity names (conversation.tenantId, channelData.tenant.id), lower-cased. Read from
    the raw body: botbuilder's ConversationAccount maps `tenantID`, so it drops Teams' `tenantId`."""
    found: set[str] = set()
    conversation = body.get("conversation")
    if isinstance(conversation, dict):
        for key in ("tenantId", "tenantID"):
            if isinstance(conversation.get(key), str) and conversation[key]:
                found.add(conversation[key].strip().lower())
    channel_data = body.get("channelData")
    tenant = channel_data.get("tenant") if isinstance(channel_data, dict) else None
    if isinstance(tenant, dict) and isinstance(tenant.get("id"), str) and tenant["id"]:
        found.add(tenant["id"].strip().lower())
    return found


class BotConfiguration:
    """The configuration object botbuilder's `Configuration…` classes read (attribute names are theirs)."""

    def __init__(self, settings: Settings) -> None:
        self.APP_ID = settings.teams_app_id or ""
        self.APP_PASSWORD = settings.teams_app_password.get_secret_value() if settings.teams_app_password else ""
        self.APP_TYPE = settings.teams_app_type
        self.APP_TENANTID = settings.teams_tenant_id or ""


class _WarmCredentialFactory(ServiceClientCredentialsFactory):
    """Reuses credentials per (app id, scope) and fetches their token off the event loop (see module doc)."""

    def __init__(self, inner: ServiceClientCredentialsFactory, timeout: float = TOKEN_TIMEOUT_SECONDS) -> None:
        self._inner = inner
        self._timeout = timeout
        self._cache: dict[tuple[str, str, str], Authentication] = {}

    async def is_valid_app_id(self, app_id: str) -> bool:
        return bool(await self._inner.is_valid_app_id(app_id))

    async def is_authentication_disabled(self) -> bool:
        return bool(await self._inner.is_authentication_disabled())

    async def create_credentials(self, app_id: str, oauth_scope: str, login_endpoint: str,
                                 validate_authority: bool) -> Authentication:
        key = (app_id or "", oauth_scope or "", login_endpoint or "")
        credentials = self._cache.get(key)
        if credentials is None:
            credentials = await self._inner.create_credentials(app_id, oauth_scope, login_endpoint,
                                                               validate_authority)
            self._cache[key] = credentials
        get_token = getattr(credentials, "get_access_token", None)
        if app_id and callable(get_token):
            await asyncio.wait_for(asyncio.to_thread(get_token), timeout=self._timeout)
        return credentials


class TeamsSender:
    """The `teams` sender: proactive messages to a stored conversation reference."""

    platform = PLATFORM

    def __init__(self, component: TeamsComponent) -> None:
        self.component = component

    async def send(self, target: Target, reply: Reply) -> str | None:
        """Post `reply` to a channel (by conversation id) or a user's personal chat (by user id)."""
        db = self.component.app.services.db
        if target.kind == "channel":
            row = await db.run(crud.get_conversation_reference, platform=PLATFORM, conversation_id=target.id)
        else:
            row = await db.run(crud.get_conversation_reference, platform=PLATFORM, user_id=target.id)
        if row is None or not row.reference or row.reference == "{}":
            raise DeliveryError(f"no stored Teams conversation for {target.kind} {target.id}; the bot must "
                                "have heard from it first", permanent=True)
        reference = ConversationReference().deserialize(json.loads(row.reference))
        ids: list[str] = []

        async def post(context: TurnContext) -> None:
            context.activity.id = None  # a new message, not a reply to the continuation activity
            for activity in to_activities(reply):
                response = await self.component.outbound.send(context, activity)
                if response is not None and response.id:
                    ids.append(response.id)

        try:
            await self.component.adapter.continue_conversation(reference, post, self.component.app_id)
        except DeliveryError:
            raise
        except Exception as exc:
            status = status_of(exc)
            raise DeliveryError(f"Teams refused the message (HTTP {status})" if status else
                                f"Teams message failed: {type(exc).__name__}",
                                retry_after=retry_after_of(exc), permanent=status in PERMANENT_STATUSES) from exc
        return ids[0] if ids else None


class TeamsComponent:
    """`POST /api/messages` plus the `teams` sender, built from the settings by `teams_component`."""

    name = "teams"

    def __init__(self, app: BotApp, *, credentials_factory: ServiceClientCredentialsFactory | None = None,
                 key_timeout: float = 10.0, outbound: Outbound | None = None) -> None:
        settings = app.settings
        self.app = app
        self.app_id = settings.teams_app_id or ""
        self.emulator_served = emulator_allowed(settings)
        self.tenant_id = (settings.teams_tenant_id or "").strip().lower()
        configuration = BotConfiguration(settings)
        inner = credentials_factory or ConfigurationServiceClientCredentialFactory(configuration)
        self.auth = ConfigurationBotFrameworkAuthentication(
            configuration, credentials_factory=_WarmCredentialFactory(inner))
        self.adapter = CloudAdapter(self.auth)
        self.outbound = outbound or Outbound()
        self.bot = TeamsBot(app.dispatcher, app_id=self.app_id, outbound=self.outbound,
                            authenticated=bool(self.app_id))
        self.validator = (TokenValidator(app_id=self.app_id, metadata_url=settings.teams_openid_metadata_url,
                                         timeout=key_timeout) if self.app_id else None)
        self.sender = TeamsSender(self)
        app.services.messenger.register(self.sender)
        self._requests = 0
        self.work = BoundedWork(concurrency=MAX_CONCURRENT_TURNS, max_waiting=MAX_WAITING_TURNS,
                                max_waiting_per_user=max(1, settings.max_waiting_per_user))
        self.failed = 0

    @property
    def emulator_mode(self) -> bool:
        """No app id: requests come unauthenticated from the Bot Framework Emulator."""
        return not self.app_id

    def routes(self) -> list[web.RouteDef]:
        return [web.post("/api/messages", self.handle)]

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        """Let turns in flight finish (briefly)."""
        await self.drain(timeout=10)

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait until the turns started so far are done (stop(), tests and benchmarks)."""
        await self.work.drain(timeout)

    def health(self) -> dict[str, Any]:
        return {
            "auth": ("bot-framework" if self.validator else
                     "emulator (no app id, loopback only)" if self.emulator_served else "off (no app id)"),
            "signing_keys": self.validator.cached_keys if self.validator else None,
            "requests": self._requests,
            **self.work.stats(),
            "failed": self.failed,
        }

    async def handle(self, request: web.Request) -> web.Response:
        """One activity from the Bot Connector service (or the Emulator)."""
        self._requests += 1
        logger = scoped_logger(__name__, platform=PLATFORM)
        if self.emulator_mode:
            if not self.emulator_served:
                return web.Response(status=404, text=NOT_SERVED)
            refusal = emulator_refusal(request)
            if refusal:
                logger.warning("refused /api/messages (emulator mode): %s", refusal)
                return web.Response(status=403, text="The Bot Framework Emulator's endpoint is served on "
                                                     "loopback only, and not through a proxy.\n")
        if request.content_length is not None and request.content_length > MAX_BODY_BYTES:
            return _refused(Refused(413, f"the body is larger than {MAX_BODY_BYTES} bytes"))
        try:
            raw = await request.content.read(MAX_BODY_BYTES + 1)
        except (ConnectionError, asyncio.IncompleteReadError, ValueError) as exc:
            logger.warning("could not read a Teams request: %s", type(exc).__name__)
            return web.Response(status=400, text="the body could not be read\n")
        body = read_activity(raw, request.headers.get("Content-Type", ""))
        if isinstance(body, Refused):
            return _refused(body)
        problem = activity_problem(body)
        if problem:
            return _refused(Refused(400, problem))
        try:
            activity = Activity().deserialize(body)
        except Exception:  # msrest raises DeserializationError (and friends) for ill-typed fields
            return _refused(Refused(400, "the activity could not be read"))
        if self.emulator_mode:
            url_problem = await loopback_service_url(activity.service_url)
            if url_problem:
                logger.warning("refused /api/messages (emulator mode): %s", url_problem)
                return _refused(Refused(400, url_problem))
        try:
            auth_result = await self.authenticate(activity, request.headers.get("Authorization"))
        except AuthError as exc:
            logger.warning("refused /api/messages: %s", exc)
            return web.Response(status=401, text="unauthorized\n")
        ignored = self.outsider(activity, body)
        if ignored:
            logger.warning("ignored a Bot Framework activity: %s", ignored)
            return web.Response(status=200)
        if activity.type != ActivityTypes.invoke:
            user = user_of(activity).id
            why = self.work.offer(self._turn(auth_result, activity), key=user)
            if why is Refusal.BUSY:
                logger.warning("too many Teams turns waiting; asking the Bot Connector to redeliver")
                return web.Response(status=503, headers={"Retry-After": "5"})
            if why is Refusal.USER_BUSY and self.work.tell_once(user):
                self.work.track(self._one_moment(auth_result, activity))
            return web.Response(status=201)
        try:
            invoke_response = await self.adapter.process_activity(auth_result, activity, self.bot.on_turn)
        except Exception:
            logger.exception("processing a Teams activity failed")
            return web.Response(status=500)
        if invoke_response is not None:
            return web.json_response(invoke_response.body, status=invoke_response.status or 200)
        return web.Response(status=201)

    async def _turn(self, auth_result: AuthenticateRequestResult, activity: Activity) -> None:
        """One acknowledged activity's turn, in the background: failures are logged, not raised."""
        try:
            await self.adapter.process_activity(auth_result, activity, self.bot.on_turn)
        except Exception:
            self.failed += 1
            scoped_logger(__name__, platform=PLATFORM).exception("processing a Teams activity failed")

    async def _one_moment(self, auth_result: AuthenticateRequestResult, activity: Activity) -> None:
        """Tell a user whose earlier messages are still queued to wait (once per backlog; the message is dropped:
        a redelivery would only lengthen their queue)."""
        text = "\n\n".join(t("teams.one_moment", language) for language in self.app.services.policy.pack.languages)

        async def say(context: TurnContext) -> None:
            await self.outbound.send(context, Activity(type=ActivityTypes.message, text=text))

        try:
            await self.adapter.process_activity(auth_result, activity, say)
        except Exception as exc:
            scoped_logger(__name__, platform=PLATFORM).warning("could not send a notice: %s", type(exc).__name__)

    def _spawn(self, coro: Coroutine[Any, Any, None]) -> bool:
        """Run a turn in the background, bounded: False (and the turn dropped) when too much is waiting."""
        return self.work.spawn(coro)

    def outsider(self, activity: Activity, body: dict[str, Any]) -> str | None:
        """Why an (authenticated) activity comes from outside the company and is not dispatched: a channel
        other than Teams, or another tenant than SMM_TEAMS_TENANT_ID. None when it may be handled."""
        channel = activity.channel_id or ""
        if channel == EMULATOR_CHANNEL and self.emulator_mode:
            return None
        if channel != TEAMS_CHANNEL:
            return f"channel {channel[:40]!r} is not Microsoft Teams"
        if self.tenant_id:
            tenants = tenant_ids(body)
            if tenants != {self.tenant_id}:
                return f"tenant {', '.join(sorted(t[:40] for t in tenants)) or 'none'} is not {self.tenant_id}"
        return None

    async def authenticate(self, activity: Activity, auth_header: str | None) -> AuthenticateRequestResult:
        """The identity botbuilder should act under: validated channel claims, or anonymous without app id."""
        if self.validator is None:
            identity = ClaimsIdentity({}, True, AuthenticationConstants.ANONYMOUS_AUTH_TYPE)
            caller_id = None
        else:
            claims = await self.validator.validate(auth_header, channel_id=activity.channel_id,
                                                   service_url=activity.service_url)
            identity = ClaimsIdentity(claims, True)
            caller_id = CallerIdConstants.public_azure_channel
        result = AuthenticateRequestResult()
        result.claims_identity = identity
        result.audience = self.auth.get_originating_audience()
        result.caller_id = caller_id
        result.connector_factory = self.auth.create_connector_factory(identity)
        return result


def _refused(refused: Refused) -> web.Response:
    return web.Response(status=refused.status, text=refused.reason + "\n")


class TeamsOff:
    """Teams not configured: `/api/messages` answers 404 saying what to set, and nothing else happens."""

    name = "teams-off"

    def routes(self) -> list[web.RouteDef]:
        return [web.post("/api/messages", self.handle)]

    async def handle(self, _request: web.Request) -> web.Response:
        return web.Response(status=404, text=NOT_SERVED)

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    def health(self) -> dict[str, Any]:
        return {"served": False}


def teams_component(app: BotApp) -> TeamsComponent | TeamsOff:
    """The factory for `component_factories()`. With an app id Teams is served and every request
    authenticated; without one, the Emulator's tokenless endpoint only when `emulator_allowed` (switched
    on, loopback listener); otherwise Teams is off and `/api/messages` says so with a 404."""
    if app.settings.teams_app_id or emulator_allowed(app.settings):
        return TeamsComponent(app)
    return TeamsOff()
