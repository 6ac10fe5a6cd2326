"""The Bot Framework Emulator's tokenless `/api/messages`: served only when switched on, with no app id and a
loopback listener; only to loopback peers that come through no proxy; only with a canonical loopback
serviceUrl; and never with admin rights. Real HTTP posts into the running bot, as in test_teams_http.py."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request
from teams_support import USER_AAD_ID, FakeConnector, KeyServer, TeamsHarness, load_payload, running_bot, serve

from bot.adapters.teams.component import TeamsComponent, TeamsOff, is_loopback_host, teams_component
from bot.adapters.teams.emulator import service_url_problem
from bot.app import build_app, build_core, check_startup, make_web_app
from bot.config import Settings
from bot.store import crud
from handlers.messages import t

QUESTION = "Mag ik onder werktijd op LinkedIn?"
SLACK_ADMIN = "U0ADMIN001"
REFUSED = [t("error.admin_only", lang, command="announce", user="x").split("`")[0] for lang in ("nl", "en")]


async def _nothing_stored(harness: TeamsHarness) -> bool:
    row = await harness.bot.services.db.run(crud.get_conversation_reference, platform="teams", user_id=USER_AAD_ID)
    return row is None


# --- when the endpoint exists --------------------------------------------------------------------------------

async def _post_tokenless(app: Any, connector: FakeConnector) -> tuple[int, str]:
    runner, url = await serve(make_web_app(app))
    try:
        async with aiohttp.ClientSession() as http:
            activity = load_payload("message_personal.json", SERVICE_URL=connector.url, TEXT=QUESTION)
            async with http.post(url + "/api/messages", data=json.dumps(activity),
                                 headers={"Content-Type": "application/json"}) as response:
                return response.status, await response.text()
    finally:
        await runner.cleanup()


# The default deployment (no Teams app id, SMM_TEAMS_EMULATOR unset), e.g. Slack only: no tokenless endpoint.
async def test_without_app_id_the_endpoint_is_off_by_default(settings: Settings, connector: FakeConnector) -> None:
    assert settings.teams_emulator is False
    app = build_app(settings)
    try:
        assert not any(isinstance(c, TeamsComponent) for c in app.components)
        status, body = await _post_tokenless(app, connector)
    finally:
        app.services.db.dispose()

    assert status == 404
    assert "SMM_TEAMS_APP_ID" in body and "SMM_TEAMS_EMULATOR" in body
    assert connector.calls == []


# A Slack-only deployment on 0.0.0.0 starts (nothing to refuse), and still serves no tokenless endpoint.
async def test_a_network_listener_without_app_id_starts_and_serves_no_emulator(settings: Settings,
                                                                              connector: FakeConnector) -> None:
    on_network = settings.model_copy(update={"host": "0.0.0.0"})
    check_startup(on_network)
    for candidate in (on_network, on_network.model_copy(update={"teams_emulator": True})):
        app = build_core(candidate)
        try:
            assert isinstance(teams_component(app), TeamsOff)
        finally:
            app.services.db.dispose()
    app = build_app(on_network)
    try:
        status, _ = await _post_tokenless(app, connector)
    finally:
        app.services.db.dispose()
    assert status == 404 and connector.calls == []


async def test_a_component_built_without_the_switch_answers_404(settings: Settings) -> None:
    app = build_core(settings)
    try:
        component = TeamsComponent(app)  # built directly, it still serves nothing
        request = make_mocked_request("POST", "/api/messages", headers={"Content-Type": "application/json"})
        response = await component.handle(request)
        assert isinstance(response, web.Response) and response.status == 404
        assert response.text is not None and "SMM_TEAMS_APP_ID" in response.text
        assert isinstance(teams_component(app), TeamsOff)
        switched_on = build_core(settings.model_copy(update={"teams_emulator": True}))
        try:
            assert isinstance(teams_component(switched_on), TeamsComponent)
        finally:
            switched_on.services.db.dispose()
    finally:
        app.services.db.dispose()


async def test_emulator_mode_accepts_the_emulators_own_channel(emulator: TeamsHarness) -> None:
    activity = emulator.payload("message_personal.json", TEXT=QUESTION)
    activity["channelId"] = "emulator"

    status, _ = await emulator.post(activity, signed=False)

    assert status == 201
    assert len(emulator.connector.sent()) == 1


async def test_emulator_mode_ignores_a_directline_activity(emulator: TeamsHarness) -> None:
    activity = emulator.payload("message_personal.json", TEXT=QUESTION)
    activity["channelId"] = "directline"

    status, _ = await emulator.post(activity, signed=False)

    assert status == 200
    assert emulator.connector.calls == []
    assert await _nothing_stored(emulator)


# --- only this machine, not through a proxy ------------------------------------------------------------------

RELAYED = [{"X-Forwarded-For": "203.0.113.7"}, {"Forwarded": "for=203.0.113.7"}, {"X-Real-IP": "203.0.113.7"},
           {"Via": "1.1 nginx"}, {"X-Client-IP": "203.0.113.7"}, {"CF-Connecting-IP": "203.0.113.7"},
           {"X-Original-Forwarded-For": "203.0.113.7"}, {"True-Client-IP": "203.0.113.7"},
           {"X-Cluster-Client-IP": "203.0.113.7"}, {"Fastly-Client-IP": "203.0.113.7"},
           {"X-Forwarded-Proto": "https"}, {"X-Forwarded-Host": "smm.example.com"},
           {"X-Azure-ClientIP": "203.0.113.7"}, {"X-Envoy-External-Address": "203.0.113.7"},
           # a proxy passing the public host name on, or a DNS-rebinding page; a browser page elsewhere
           {"Host": "smm.example.com"}, {"Host": "203.0.113.7:3978"}, {"Host": "127.0.0.1.nip.io"},
           {"Origin": "https://evil.example"}]


async def test_emulator_mode_refuses_requests_relayed_by_a_proxy(emulator: TeamsHarness) -> None:
    for headers in RELAYED:
        status, _ = await emulator.post(emulator.payload("message_personal.json", TEXT=QUESTION), signed=False,
                                        headers=headers)

        assert status == 403, headers
    assert emulator.connector.calls == []
    assert await _nothing_stored(emulator)
    # the Emulator itself (no such headers, Host 127.0.0.1:port, or localhost) still gets through
    status, _ = await emulator.post(emulator.payload("message_personal.json", TEXT=QUESTION), signed=False,
                                    headers={"Origin": emulator.base_url.replace("127.0.0.1", "localhost")})
    assert status == 201


async def test_emulator_mode_refuses_a_peer_that_is_not_loopback(emulator: TeamsHarness) -> None:
    body = json.dumps(emulator.payload("message_personal.json", TEXT=QUESTION)).encode()
    request = make_mocked_request("POST", "/api/messages", headers={"Content-Type": "application/json"},
                                  payload=None).clone(remote="203.0.113.7")
    request._read_bytes = body  # what request.json() would read

    response = await emulator.component.handle(request)

    assert response.status == 403
    assert emulator.connector.calls == []
    assert await _nothing_stored(emulator)


def test_loopback_peers() -> None:
    for host in ("127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"):
        assert is_loopback_host(host), host
    for host in (None, "", "0.0.0.0", "10.0.0.1", "203.0.113.7", "::ffff:10.0.0.1", "localhost.example",
                 "169.254.169.254"):
        assert not is_loopback_host(host), host


# --- the serviceUrl: canonical loopback, read as the connector's HTTP library reads it ---------------------

# (url template, accepted); {P} is the connector stand-in's port. `requests` (botbuilder's connector, through
# msrest) reads a backslash as the end of the host, the standard library as part of the userinfo.
SERVICE_URLS: list[tuple[str, bool]] = [
    ("http://127.0.0.1:{P}", True),
    ("http://127.0.0.1:{P}/", True),
    ("http://127.0.0.1:{P}/teams/amer/", True),
    ("http://localhost:{P}/", True),
    ("http://169.254.169.254\\@127.0.0.1:{P}/", False),     # requests connects to 169.254.169.254
    ("http://127.0.0.1:{P}\\@169.254.169.254/", False),
    ("http://evil.example@127.0.0.1:{P}/", False),          # userinfo
    ("http://127.0.0.1:{P}@169.254.169.254/", False),
    ("http://127.0.0.1%2f@169.254.169.254:{P}/", False),
    ("http://2130706433:{P}/", False),                       # decimal
    ("http://0x7f000001:{P}/", False),                       # hex
    ("http://0x7f.0.0.1:{P}/", False),
    ("http://0177.0.0.1:{P}/", False),                       # octal
    ("http://127.1:{P}/", False),                            # short form
    ("http://127.0.0.1.:{P}/", False),                       # trailing dot
    ("http://localhost.:{P}/", False),
    ("http://[::ffff:127.0.0.1]:{P}/", False),               # IPv4-mapped IPv6
    ("http://[::ffff:7f00:1]:{P}/", False),
    ("http://[::1%25lo]:{P}/", False),                       # zone id
    ("http://0.0.0.0:{P}/", False),                          # reaches this host, but is not loopback
    ("http://LOCALHOST:{P}/", False),
    ("HTTP://127.0.0.1:{P}/", False),
    ("http://127.0.0.1.nip.io:{P}/", False),                 # a name that resolves to loopback elsewhere
    ("http://127.0.0.1:{P}#@169.254.169.254/", False),       # fragment
    ("http://127.0.0.1:{P}/?@169.254.169.254", False),       # query
    (" http://127.0.0.1:{P}/", False),
    ("http://127.0.0.1:{P}/\t", False),
    ("http://\u2460\u2461\u2466.0.0.1:{P}/", False),         # ①②⑦: digits only to IDNA
    ("http://127.0.0.1:99999/", False),
    ("http:/127.0.0.1:{P}/", False),
    ("//127.0.0.1:{P}/", False),
    ("ftp://127.0.0.1:{P}/", False),
    ("file:///etc/passwd", False),
    ("https://attacker.example/", False),
    ("http://169.254.169.254/latest/", False),
    ("http://10.0.0.5:8080/", False),
    ("http://127.0.0.1.attacker.example/", False),
    ("", False),
]


def test_service_url_table() -> None:
    extra = [("https://127.0.0.1/", True), ("http://[::1]:3978/", True), ("http://127.8.9.10/", True),
             ("http://[0:0:0:0:0:0:0:1]/", False), ("http://[::]/", False), ("http://127.0.0.1:0/", False)]
    for template, accepted in [*SERVICE_URLS, *extra]:
        url = template.replace("{P}", "3978")
        assert (service_url_problem(url) is None) is accepted, url
    for not_a_string in (None, 12345, ["http://127.0.0.1/"], {"url": "http://127.0.0.1/"}):
        assert service_url_problem(not_a_string) is not None


async def test_emulator_mode_contacts_only_canonical_loopback_service_urls(emulator: TeamsHarness) -> None:
    port = emulator.connector.url.rsplit(":", 1)[1]
    for template, accepted in SERVICE_URLS:
        service_url = template.replace("{P}", port)
        activity = emulator.payload("message_personal.json", TEXT=QUESTION)
        activity["serviceUrl"] = service_url
        emulator.connector.clear()

        status, _ = await emulator.post(activity, signed=False)

        if accepted:
            assert status == 201, service_url
            assert len(emulator.connector.sent()) == 1, service_url
        else:
            assert status == 400, service_url
            assert emulator.connector.calls == [], service_url  # and no_internet fails any other lookup


# --- never an admin -----------------------------------------------------------------------------------------

@pytest.fixture
async def emulator_with_admins(settings: Settings, connector: FakeConnector) -> AsyncIterator[TeamsHarness]:
    admins = f"teams:{USER_AAD_ID},slack:{SLACK_ADMIN},console:admin-1"
    async for harness in running_bot(settings.model_copy(update={"admins": admins}), connector, None):
        yield harness


def _refused(harness: TeamsHarness) -> bool:
    """Whether the bot answered with the admin-only refusal (and sent nothing else)."""
    sent = harness.connector.sent()
    return len(sent) == 1 and any(part in sent[0].card_text() for part in REFUSED)


# Whatever id a tokenless activity claims (a Teams admin's, a Slack admin's, a qualified string), it is no admin.
async def test_a_tokenless_activity_is_never_an_admin(emulator_with_admins: TeamsHarness) -> None:
    harness = emulator_with_admins
    for claimed in (USER_AAD_ID, USER_AAD_ID.upper(), SLACK_ADMIN, f"teams:{USER_AAD_ID}", f"slack:{SLACK_ADMIN}",
                    "admin-1"):
        for field in ("aadObjectId", "id"):
            activity = harness.payload("message_personal.json", TEXT="announce Iedereen krijgt vrij")
            if field == "id":
                activity["from"].pop("aadObjectId")
            activity["from"][field] = claimed
            harness.connector.clear()

            status, _ = await harness.post(activity, signed=False)

            assert status == 201
            assert _refused(harness), (claimed, field)
    audit = await harness.bot.services.db.run(crud.list_audit)
    assert audit and not any(row.allowed for row in audit)


# The same admin id with a valid token is an admin (ids compared per platform, Teams ids without case).
async def test_a_teams_admin_with_a_token_is_an_admin(settings: Settings, connector: FakeConnector,
                                                      key_server: KeyServer) -> None:
    announce = "announce Hallo allemaal"
    admins = f"slack:{USER_AAD_ID},teams:{USER_AAD_ID.upper()}"
    async for harness in running_bot(settings.model_copy(update={"admins": admins}), connector, key_server):
        status, _ = await harness.post(harness.payload("message_personal.json", TEXT=announce))
        assert status == 201
        texts = [call.card_text() for call in harness.connector.sent()]
        assert len(texts) == 2 and not any(part in text for text in texts for part in REFUSED)  # preview, question
    connector.clear()
    async for harness in running_bot(settings.model_copy(update={"admins": f"slack:{USER_AAD_ID}"}), connector,
                                     key_server):
        status, _ = await harness.post(harness.payload("message_personal.json", TEXT=announce))
        assert status == 201 and _refused(harness)  # a Slack admin's id is not a Teams admin
