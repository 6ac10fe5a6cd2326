"""Teams scenario helpers (the fixtures are in conftest.py): activities as Teams sends them (recorded shapes in
tests/teams/payloads), a stand-in for the Bot Connector service (a real HTTP server on 127.0.0.1 that records
every call, used as the activities' serviceUrl), and a local OpenID/JWKS server with RSA keys made in the test,
so tokens are signed and checked for real. Nothing reaches the internet: the OpenID metadata URL points at the
local server and outbound credentials are a fixed token."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import jwt
from aiohttp import web
from botframework.connector.auth import AppCredentials, ServiceClientCredentialsFactory
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import SecretStr

from bot.config import Settings

PAYLOADS = Path(__file__).resolve().parent / "payloads"
APP_ID = "3c0e1a2b-4d5f-4a6b-8c7d-9e0f1a2b3c4d"
APP_PASSWORD = "not-a-real-secret"
TENANT_ID = "72f988bf-86f1-41af-91ab-2d7cd011db47"
OUTBOUND_TOKEN = "outbound-test-token"
USER_AAD_ID = "6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"
PERSONAL_CONVERSATION = "a:1Xq3nY7mH0pT8bQ2kZr5vLw9cF4dJ6sE1uG3oI8aN0yR2eK7hM5tB9xV4zC6qW1"
CHANNEL_ID = "19:5d0c1b2a3f4e4d6c8b7a9e0f1d2c3b4a@thread.tacv2"


KEY_TIMEOUT = 60.0

_KEYS: dict[str, rsa.RSAPrivateKey] = {}


def rsa_key(name: str) -> rsa.RSAPrivateKey:
    """An RSA key made once per test run (generating one takes a while)."""
    if name not in _KEYS:
        _KEYS[name] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return _KEYS[name]


def load_payload(name: str, **values: str) -> dict[str, Any]:
    """A recorded activity from tests/teams/payloads with `{{NAME}}` placeholders filled (JSON-escaped)."""
    text = (PAYLOADS / name).read_text(encoding="utf-8")
    values.setdefault("APP_ID", APP_ID)
    values.setdefault("ID", str(int(time.time() * 1000)) + uuid.uuid4().hex[:6])
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", json.dumps(value)[1:-1])
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass
class ConnectorCall:
    """One request the connector stand-in received."""

    method: str
    path: str
    body: dict[str, Any]
    headers: dict[str, str]
    status: int

    @property
    def conversation_id(self) -> str:
        return self.path.split("/")[3] if self.path.count("/") >= 3 else ""

    def cards(self) -> list[dict[str, Any]]:
        return [a["content"] for a in self.body.get("attachments") or []
                if a.get("contentType") == "application/vnd.microsoft.card.adaptive"]

    def card_text(self) -> str:
        """Every TextBlock / fact text of the message's cards, joined (for assertions)."""
        out: list[str] = []

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                if node.get("type") == "TextBlock":
                    out.append(node["text"])
                if node.get("type") == "FactSet":
                    out.extend(f"{f['title']} {f['value']}" for f in node["facts"])
                if node.get("type", "").startswith("Action."):
                    out.append(node.get("title", ""))
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for item in node:
                    walk(item)

        walk(self.cards())
        return "\n".join(out)


@dataclass
class FakeConnector:
    """Answers like the Bot Connector service; can fail the next N sends with a chosen status."""

    url: str = ""
    calls: list[ConnectorCall] = field(default_factory=list)
    fail_next: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    refuse_create: bool = False
    gate: asyncio.Event | None = None
    """When set to an event, posted activities wait for it before they are answered (a slow connector)."""
    _n: int = 0

    def sent(self) -> list[ConnectorCall]:
        """Successfully posted activities (replies and new messages)."""
        return [c for c in self.calls if c.status in (200, 201) and "/activities" in c.path and c.method == "POST"]

    def clear(self) -> None:
        self.calls.clear()

    async def handle(self, request: web.Request) -> web.Response:
        raw = await request.text()
        body = json.loads(raw) if raw else {}
        headers = {k.lower(): v for k, v in request.headers.items()}
        if self.gate is not None and "/activities" in request.path:
            await self.gate.wait()
        if self.fail_next and "/activities" in request.path:
            status, extra = self.fail_next.pop(0)
            self.calls.append(ConnectorCall(request.method, request.path, body, headers, status))
            return web.json_response({"error": {"code": "Throttled", "message": "slow down"}}, status=status,
                                     headers=extra)
        if request.path.rstrip("/") == "/v3/conversations":
            status = 403 if self.refuse_create else 201
            self.calls.append(ConnectorCall(request.method, request.path, body, headers, status))
            if self.refuse_create:
                return web.json_response({"error": {"code": "BotNotInConversationRoster"}}, status=403)
            return web.json_response({"id": "a:personal-" + str(body["members"][0]["id"])}, status=201)
        self._n += 1
        self.calls.append(ConnectorCall(request.method, request.path, body, headers, 200))
        return web.json_response({"id": f"1736675{self._n:06d}"}, status=200)


async def wait_until(condition: Any, *, timeout: float = 60.0) -> None:
    """Wait (generously) until `condition()` is true; a test that waits here asserts it afterwards."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition() and loop.time() < deadline:
        await asyncio.sleep(0.01)


async def serve(app: web.Application) -> tuple[web.AppRunner, str]:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


@dataclass
class KeyServer:
    """OpenID metadata + JWKS, as login.botframework.com serves them, with keys made here."""

    url: str = ""
    kid: str = "test-key-1"
    key: rsa.RSAPrivateKey = field(default_factory=lambda: rsa_key("channel"))
    hang: bool = False
    release: asyncio.Event = field(default_factory=asyncio.Event)
    fetches: int = 0
    endorsements: tuple[str, ...] = ("msteams", "emulator")

    @property
    def metadata_url(self) -> str:
        return self.url + "/v1/.well-known/openidconfiguration"

    def jwks(self) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "endorsements": list(self.endorsements)})
        return {"keys": [jwk]}

    def token(self, service_url: str, *, key: rsa.RSAPrivateKey | None = None, kid: str | None = None,
              **claims: Any) -> str:
        """A channel token like the Bot Connector's: iss api.botframework.com, aud = app id, serviceurl."""
        now = int(time.time())
        payload = {"iss": "https://api.botframework.com", "aud": APP_ID, "serviceurl": service_url,
                   "nbf": now - 10, "exp": now + 3600, **claims}
        return jwt.encode(payload, key or self.key, algorithm="RS256", headers={"kid": kid or self.kid})

    async def metadata(self, _request: web.Request) -> web.Response:
        self.fetches += 1
        if self.hang:
            await self.release.wait()  # "never" answers; set at teardown so the server can stop
        return web.json_response({"issuer": "https://api.botframework.com", "jwks_uri": self.url + "/v1/keys",
                                  "id_token_signing_alg_values_supported": ["RS256"]})

    async def keys(self, _request: web.Request) -> web.Response:
        return web.json_response(self.jwks())



class _FixedToken(AppCredentials):  # type: ignore[misc]
    def get_access_token(self, force_refresh: bool = False) -> str:
        return OUTBOUND_TOKEN


class FixedTokenCredentials(ServiceClientCredentialsFactory):  # type: ignore[misc]
    """Outbound credentials with a fixed token, so no test asks Entra ID for one."""

    async def is_valid_app_id(self, app_id: str) -> bool:
        return app_id == APP_ID

    async def is_authentication_disabled(self) -> bool:
        return False

    async def create_credentials(self, app_id: str, oauth_scope: str, login_endpoint: str,
                                 validate_authority: bool) -> AppCredentials:
        return _FixedToken(app_id=app_id, oauth_scope=oauth_scope)


@dataclass
class TeamsHarness:
    """The running bot and ways to talk to it like the Bot Connector service does."""

    base_url: str
    connector: FakeConnector
    keys: KeyServer | None
    bot: Any
    component: Any
    http: aiohttp.ClientSession

    def payload(self, name: str, **values: str) -> dict[str, Any]:
        return load_payload(name, SERVICE_URL=self.connector.url, **values)

    def auth(self, token: str | None = None) -> dict[str, str]:
        if self.keys is None:
            return {}
        return {"Authorization": f"Bearer {token or self.keys.token(self.connector.url)}"}

    async def post(self, activity: dict[str, Any], *, headers: dict[str, str] | None = None,
                   signed: bool = True) -> tuple[int, Any]:
        all_headers = {"Content-Type": "application/json; charset=utf-8"}
        if signed:
            all_headers.update(self.auth())
        all_headers.update(headers or {})
        async with self.http.post(self.base_url + "/api/messages", data=json.dumps(activity),
                                  headers=all_headers) as resp:
            raw = await resp.read()
            status = resp.status
            is_json = resp.content_type == "application/json"
        await self.component.drain(timeout=KEY_TIMEOUT)  # acknowledged first, answered in the background
        if not raw:
            return status, None
        return status, (json.loads(raw) if is_json else raw.decode("utf-8", "replace"))


def teams_settings(settings: Settings, key_server: KeyServer | None) -> Settings:
    if key_server is None:  # the Emulator's mode: switched on explicitly, on loopback
        return settings.model_copy(update={"teams_emulator": True, "host": "127.0.0.1"})
    return settings.model_copy(update={
        "teams_app_id": APP_ID,
        "teams_app_password": SecretStr(APP_PASSWORD),
        "teams_tenant_id": TENANT_ID,
        "teams_openid_metadata_url": key_server.metadata_url,
    })


async def running_bot(settings: Settings, connector: FakeConnector, keys: KeyServer | None,
                   **component_options: Any) -> AsyncIterator[TeamsHarness]:
    from bot.adapters.teams.component import TeamsComponent
    from bot.app import build_core, make_web_app

    bot = build_core(teams_settings(settings, keys))
    # Generous: a key fetch from the local server that takes long on a busy machine must not turn into a 401.
    # Tests of the timeout itself pass a short key_timeout against a key server that never answers.
    options: dict[str, Any] = {"key_timeout": KEY_TIMEOUT}
    if keys is not None:
        options["credentials_factory"] = FixedTokenCredentials()
    options.update(component_options)
    component = TeamsComponent(bot, **options)
    bot.components.append(component)
    runner, url = await serve(make_web_app(bot))
    async with aiohttp.ClientSession() as http:
        yield TeamsHarness(url, connector, keys, bot, component, http)
    await runner.cleanup()
    bot.services.db.dispose()




