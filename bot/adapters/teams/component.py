"""The Teams component of `smm serve`: `POST /api/messages` and the `teams` sender for proactive messages.

Request path: our own aiohttp handler (botbuilder 4.17's `CloudAdapter.process` answers every invoke with
a body with 500) -> our token check (`auth.TokenValidator`, non-blocking, fails closed with 401) ->
`CloudAdapter.process_activity` with the already-validated identity -> `TeamsBot.on_turn`.

Without an app id (Bot Framework Emulator mode) requests are accepted without a token and replies go out
unsigned, so nothing in the body can be trusted. `check_startup` keeps the listener on loopback, but a
reverse proxy or tunnel in front of it would still expose the endpoint; so in this mode the endpoint exists
only while `SMM_TEAMS_EMULATOR` is true (the default), answers 403 to any peer that is not loopback or any
request carrying proxy headers, and answers 400 to a serviceUrl that is not on loopback (never contacted).
With an app id the token's `serviceurl` claim binds the serviceUrl instead.

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
import ipaddress
import json
import logging
from collections.abc import Coroutine
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

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
# Headers a reverse proxy or tunnel adds: in emulator mode their presence means the request came from afar.
PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host", "X-Forwarded-Proto")


def is_loopback_host(host: str | None) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1 (also IPv4-mapped); False for anything else or nothing."""
    if not host:
        return False
    host = host.strip().strip("[]").lower()
    if host == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped.is_loopback
    return address.is_loopback


def is_loopback_url(url: str | None) -> bool:
    """True for an http(s) URL whose host is loopback."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and is_loopback_host(host)


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
        self.emulator_enabled = bool(settings.teams_emulator)
        self.tenant_id = (settings.teams_tenant_id or "").strip().lower()
        configuration = BotConfiguration(settings)
        inner = credentials_factory or ConfigurationServiceClientCredentialFactory(configuration)
        self.auth = ConfigurationBotFrameworkAuthentication(
            configuration, credentials_factory=_WarmCredentialFactory(inner))
        self.adapter = CloudAdapter(self.auth)
        self.outbound = outbound or Outbound()
        self.bot = TeamsBot(app.dispatcher, app_id=self.app_id, outbound=self.outbound)
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
        if self.emulator_mode and not self.emulator_enabled:
            return []
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
                     "emulator (no app id, loopback only)" if self.emulator_enabled else "off (no app id)"),
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
            if not self.emulator_enabled:
                return web.Response(status=404)
            refusal = self.emulator_refusal(request)
            if refusal:
                logger.warning("refused /api/messages (emulator mode): %s", refusal)
                return web.Response(status=403)
        if "application/json" not in request.headers.get("Content-Type", ""):
            return web.Response(status=415)
        try:
            body = await request.json()
        except ValueError:
            return web.Response(status=400)
        if not isinstance(body, dict):
            return web.Response(status=400)
        try:
            activity = Activity().deserialize(body)
        except Exception:  # msrest raises DeserializationError (and friends) for ill-typed fields
            return web.Response(status=400)
        if self.emulator_mode and not is_loopback_url(activity.service_url):
            logger.warning("refused /api/messages (emulator mode): serviceUrl is not on loopback")
            return web.Response(status=400)
        try:
            auth_result = await self.authenticate(activity, request.headers.get("Authorization"))
        except AuthError as exc:
            logger.warning("refused /api/messages: %s", exc)
            return web.Response(status=401)
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

    @staticmethod
    def emulator_refusal(request: web.Request) -> str | None:
        """Why an unauthenticated (emulator-mode) request must not be served: a peer that is not loopback, or
        proxy headers (a proxy or tunnel on loopback forwarding requests from elsewhere). None when fine."""
        if not is_loopback_host(request.remote):
            return f"peer {request.remote or 'unknown'} is not loopback"
        present = [name for name in PROXY_HEADERS if name in request.headers]
        if present:
            return f"request came through a proxy ({', '.join(present)})"
        return None

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


def teams_component(app: BotApp) -> TeamsComponent | None:
    """The factory for `component_factories()`. With an app id Teams is served and every request
    authenticated; without one it is the Emulator's endpoint (loopback only, see the module doc), unless
    SMM_TEAMS_EMULATOR is false: then Teams is off."""
    if not app.settings.teams_app_id and not app.settings.teams_emulator:
        return None
    return TeamsComponent(app)
