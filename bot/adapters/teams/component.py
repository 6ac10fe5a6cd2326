"""The Teams component of `smm serve`: `POST /api/messages` and the `teams` sender for proactive messages.

Request path: our own aiohttp handler (botbuilder 4.17's `CloudAdapter.process` answers every invoke with
a body with 500) -> our token check (`auth.TokenValidator`, non-blocking, fails closed with 401) ->
`CloudAdapter.process_activity` with the already-validated identity -> `TeamsBot.on_turn`. With no app
id (Bot Framework Emulator mode, loopback only — `check_startup` refuses anything else) requests are
accepted without a token and replies go out unsigned.

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
from typing import TYPE_CHECKING, Any

from aiohttp import web
from botbuilder.core import TurnContext
from botbuilder.integration.aiohttp import (
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import Activity, CallerIdConstants, ConversationReference
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
from bot.adapters.teams.translate import PLATFORM, to_activities
from bot.core.messenger import DeliveryError
from bot.core.services import scoped_logger
from bot.core.types import Reply, Target
from bot.store import crud

if TYPE_CHECKING:
    from bot.app import BotApp
    from bot.config import Settings

log = logging.getLogger(__name__)

TOKEN_TIMEOUT_SECONDS = 15.0


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

    def routes(self) -> list[web.RouteDef]:
        return [web.post("/api/messages", self.handle)]

    async def start(self) -> None:
        return None

    async def stop(self) -> None:
        return None

    def health(self) -> dict[str, Any]:
        return {
            "auth": "bot-framework" if self.validator else "emulator (no app id, loopback only)",
            "signing_keys": self.validator.cached_keys if self.validator else None,
            "requests": self._requests,
        }

    async def handle(self, request: web.Request) -> web.Response:
        """One activity from the Bot Connector service (or the Emulator)."""
        self._requests += 1
        if "application/json" not in request.headers.get("Content-Type", ""):
            return web.Response(status=415)
        try:
            body = await request.json()
        except ValueError:
            return web.Response(status=400)
        if not isinstance(body, dict):
            return web.Response(status=400)
        activity = Activity().deserialize(body)
        try:
            auth_result = await self.authenticate(activity, request.headers.get("Authorization"))
        except AuthError as exc:
            scoped_logger(__name__, platform=PLATFORM).warning("refused /api/messages: %s", exc)
            return web.Response(status=401)
        try:
            invoke_response = await self.adapter.process_activity(auth_result, activity, self.bot.on_turn)
        except Exception:
            scoped_logger(__name__, platform=PLATFORM).exception("processing a Teams activity failed")
            return web.Response(status=500)
        if invoke_response is not None:
            return web.json_response(invoke_response.body, status=invoke_response.status or 200)
        return web.Response(status=201)

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


def teams_component(app: BotApp) -> TeamsComponent:
    """The factory for `component_factories()`: Teams is always served. With an app id it authenticates
    every request; without one it is the Emulator's endpoint, which `check_startup` allows only on loopback."""
    return TeamsComponent(app)
