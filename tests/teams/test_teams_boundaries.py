"""Who may reach `POST /api/messages`: in emulator mode (no app id) only loopback peers without proxy headers
and only loopback serviceUrls; in every mode only the Teams channel and, with SMM_TEAMS_TENANT_ID, only that
tenant. Real HTTP posts into the running bot, as in test_teams_http.py."""

from __future__ import annotations

import json
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import make_mocked_request
from teams_support import CHANNEL_ID, TENANT_ID, USER_AAD_ID, TeamsHarness

from bot.adapters.teams.component import TeamsComponent, is_loopback_host, is_loopback_url, teams_component
from bot.app import build_core
from bot.config import Settings
from bot.store import crud

QUESTION = "Mag ik onder werktijd op LinkedIn?"
FOREIGN_TENANT = "0badc0de-0000-4000-8000-000000000000"


async def _nothing_stored(harness: TeamsHarness) -> bool:
    row = await harness.bot.services.db.run(crud.get_conversation_reference, platform="teams", user_id=USER_AAD_ID)
    return row is None


# --- emulator mode: the unauthenticated endpoint stays on this machine --------------------------------------

@pytest.mark.parametrize("header", [{"X-Forwarded-For": "203.0.113.7"}, {"Forwarded": "for=203.0.113.7"},
                                    {"X-Real-IP": "203.0.113.7"}])
async def test_emulator_mode_refuses_requests_through_a_proxy(emulator: TeamsHarness,
                                                             header: dict[str, str]) -> None:
    status, _ = await emulator.post(emulator.payload("message_personal.json", TEXT=QUESTION), signed=False,
                                    headers=header)

    assert status == 403
    assert emulator.connector.calls == []
    assert await _nothing_stored(emulator)


async def test_emulator_mode_refuses_a_peer_that_is_not_loopback(emulator: TeamsHarness) -> None:
    body = json.dumps(emulator.payload("message_personal.json", TEXT=QUESTION)).encode()
    request = make_mocked_request("POST", "/api/messages", headers={"Content-Type": "application/json"},
                                  payload=None).clone(remote="203.0.113.7")
    request._read_bytes = body  # what request.json() would read

    response = await emulator.component.handle(request)

    assert response.status == 403
    assert emulator.connector.calls == []
    assert await _nothing_stored(emulator)


@pytest.mark.parametrize("service_url", ["https://attacker.example/", "http://169.254.169.254/latest/",
                                         "http://10.0.0.5:8080/", "http://127.0.0.1.attacker.example/",
                                         "file:///etc/passwd", ""])
async def test_emulator_mode_refuses_a_service_url_off_loopback(emulator: TeamsHarness, service_url: str) -> None:
    activity = emulator.payload("message_personal.json", TEXT=QUESTION)
    activity["serviceUrl"] = service_url

    status, _ = await emulator.post(activity, signed=False)

    assert status == 400
    assert emulator.connector.calls == []  # and the no_internet fixture would fail any other lookup
    assert await _nothing_stored(emulator)


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


async def test_emulator_switched_off_means_no_teams_endpoint(settings: Settings) -> None:
    off = settings.model_copy(update={"teams_app_id": None, "teams_emulator": False})
    app = build_core(off)
    try:
        assert teams_component(app) is None
        component = TeamsComponent(app)  # built directly, it still serves nothing
        assert component.routes() == []
        request = make_mocked_request("POST", "/api/messages", headers={"Content-Type": "application/json"})
        response = await component.handle(request)
        assert isinstance(response, web.Response) and response.status == 404
        assert teams_component(build_core(settings.model_copy(update={"teams_app_id": None}))) is not None
    finally:
        app.services.db.dispose()


def test_loopback_checks() -> None:
    for host in ("127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"):
        assert is_loopback_host(host), host
    for host in (None, "", "0.0.0.0", "10.0.0.1", "203.0.113.7", "::ffff:10.0.0.1", "localhost.example",
                 "169.254.169.254"):
        assert not is_loopback_host(host), host
    assert is_loopback_url("http://127.0.0.1:3978/") and is_loopback_url("https://localhost/x")
    assert not is_loopback_url("http://user@attacker.example/?x=127.0.0.1")
    assert not is_loopback_url("ftp://127.0.0.1/") and not is_loopback_url(None)


# --- only Teams, only our tenant (with an app id) -----------------------------------------------------------

async def test_a_foreign_tenants_activity_is_ignored(teams: TeamsHarness) -> None:
    assert teams.bot.settings.teams_tenant_id == TENANT_ID
    for where in ("conversation", "channelData", "both"):
        activity = teams.payload("message_personal.json", TEXT=QUESTION)
        if where in ("conversation", "both"):
            activity["conversation"]["tenantId"] = FOREIGN_TENANT
        if where in ("channelData", "both"):
            activity["channelData"]["tenant"]["id"] = FOREIGN_TENANT

        status, _ = await teams.post(activity)

        assert status == 200, where
    activity = teams.payload("message_personal.json", TEXT=QUESTION)
    activity["conversation"].pop("tenantId")
    activity["channelData"].pop("tenant")
    status, _ = await teams.post(activity)
    assert status == 200
    assert teams.connector.calls == []
    assert await _nothing_stored(teams)

    status, _ = await teams.post(teams.payload("message_personal.json", TEXT=QUESTION))  # our own tenant
    assert status == 201 and len(teams.connector.sent()) == 1


async def test_a_foreign_tenant_cannot_press_buttons_either(teams: TeamsHarness) -> None:
    activity = teams.payload("action_execute.json", ACTION="smm.feedback.up", VALUE="1")
    activity["conversation"]["tenantId"] = FOREIGN_TENANT
    activity["channelData"]["tenant"]["id"] = FOREIGN_TENANT

    status, body = await teams.post(activity)

    assert status == 200 and body is None
    assert teams.connector.calls == []


@pytest.mark.parametrize("channel", ["directline", "webchat", "emulator"])
async def test_other_bot_framework_channels_are_ignored(teams: TeamsHarness, channel: str) -> None:
    assert teams.keys is not None
    teams.keys.endorsements = ("msteams", "emulator", "directline", "webchat")  # a valid token for that channel
    activity = teams.payload("message_personal.json", TEXT=QUESTION)
    activity["channelId"] = channel

    status, _ = await teams.post(activity)

    assert status == 200
    assert teams.connector.calls == []
    assert await _nothing_stored(teams)


# --- private replies in a channel ---------------------------------------------------------------------------

def _channel_action(harness: TeamsHarness, question_id: str, thread_id: str) -> dict[str, Any]:
    activity = harness.payload("action_submit.json", ACTION="smm.feedback.up", VALUE=question_id)
    activity["conversation"] = {"isGroup": True, "conversationType": "channel", "tenantId": TENANT_ID,
                                "id": f"{CHANNEL_ID};messageid={thread_id}"}
    activity["channelData"]["channel"] = {"id": CHANNEL_ID}
    return activity


# A 👍 in a channel: the thanks goes to the personal chat, and the channel hears nothing about it.
async def test_a_button_press_in_a_channel_gets_no_public_note(teams: TeamsHarness) -> None:
    question = teams.payload("message_channel_mention.json", TEXT=QUESTION)
    await teams.post(question)
    [answer] = teams.connector.sent()
    question_id = next(a["data"]["smm_value"] for c in answer.cards() for b in c["body"] if b["type"] == "ActionSet"
                       for a in b["actions"] if a["data"]["smm_action"] == "smm.feedback.up")
    teams.connector.clear()

    status, _ = await teams.post(_channel_action(teams, question_id, question["id"]))

    assert status == 201
    sent = teams.connector.sent()
    assert [c.conversation_id.startswith("a:personal-") for c in sent] == [True]
    assert not any(c.conversation_id.startswith(CHANNEL_ID) for c in sent)
