"""Who may reach `POST /api/messages` with an app id: only the Teams channel and, with SMM_TEAMS_TENANT_ID, only
that tenant (the Emulator's tokenless mode is in test_teams_emulator.py). Real HTTP posts into the running bot,
as in test_teams_http.py."""

from __future__ import annotations

from typing import Any

import pytest
from teams_support import CHANNEL_ID, TENANT_ID, USER_AAD_ID, TeamsHarness

from bot.store import crud

QUESTION = "Mag ik onder werktijd op LinkedIn?"
FOREIGN_TENANT = "0badc0de-0000-4000-8000-000000000000"


async def _nothing_stored(harness: TeamsHarness) -> bool:
    row = await harness.bot.services.db.run(crud.get_conversation_reference, platform="teams", user_id=USER_AAD_ID)
    return row is None


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
