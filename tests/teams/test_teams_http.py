"""`POST /api/messages` end to end: recorded Teams activities over real HTTP into the running bot, replies
arriving at the Bot Connector stand-in, tokens checked against a local key server."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import pytest
from adaptive_card_15 import validate_card
from teams_support import (
    CHANNEL_ID,
    OUTBOUND_TOKEN,
    PERSONAL_CONVERSATION,
    USER_AAD_ID,
    TeamsHarness,
    rsa_key,
    running_bot,
    wait_until,
)

from bot.adapters.teams.outbound import RetryPolicy
from bot.core.messenger import DeliveryError
from bot.core.types import Reply, Target, Text
from bot.store import crud
from handlers.messages import t

QUESTION = "Mag ik onder werktijd op LinkedIn?"
RISKY_POST = "Morgen lanceren we Project Vuurtoren, onze nieuwe klantenkaart! Zuiderzon kan inpakken. #nieuw"
VERDICTS = [t(f"review.verdict.{v}", lang) for v in ("ok", "caution", "block") for lang in ("nl", "en")]


def assert_valid(call: Any) -> None:
    for card in call.cards():
        assert validate_card(card) == [], validate_card(card)
        assert len(json.dumps(call.body).encode()) < 28 * 1024


# A question in a personal chat gets an Adaptive Card answer with its sources and feedback buttons.
async def test_question_in_personal_chat_gets_a_card_with_sources(teams: TeamsHarness) -> None:
    activity = teams.payload("message_personal.json", TEXT=QUESTION)
    status, _ = await teams.post(activity)

    assert status == 201
    [reply] = teams.connector.sent()
    assert reply.conversation_id == PERSONAL_CONVERSATION
    assert reply.path.endswith(f"/activities/{activity['id']}")  # a reply to the question
    assert reply.headers["authorization"] == f"Bearer {OUTBOUND_TOKEN}"
    assert_valid(reply)
    text = reply.card_text()
    assert "Bronnen" in text and "working-hours" in text
    actions = [a for c in reply.cards() for b in c["body"] if b["type"] == "ActionSet" for a in b["actions"]]
    assert {a["data"]["smm_action"] for a in actions} >= {"smm.feedback.up", "smm.feedback.down"}


# Every inbound request stores the conversation reference the scheduler needs later.
async def test_the_conversation_reference_is_stored(teams: TeamsHarness) -> None:
    await teams.post(teams.payload("message_personal.json", TEXT=QUESTION))

    row = await teams.bot.services.db.run(crud.get_conversation_reference, platform="teams", user_id=USER_AAD_ID)
    assert row is not None and row.kind == "direct"
    reference = json.loads(row.reference)
    assert reference["serviceUrl"] == teams.connector.url
    assert reference["conversation"]["id"] == PERSONAL_CONVERSATION


# A review gets a verdict card (private, and in a personal chat that is where it goes).
async def test_review_gets_a_verdict_card(teams: TeamsHarness) -> None:
    status, _ = await teams.post(teams.payload("message_personal.json", TEXT=f"review {RISKY_POST}"))

    assert status == 201
    [reply] = teams.connector.sent()
    assert_valid(reply)
    text = reply.card_text()
    assert any(verdict in text for verdict in VERDICTS), text
    assert "Vuurtoren" in text  # the finding quotes the post back, as plain text


# In a channel the bot's @mention is stripped, the question answered in the thread, the channel remembered.
async def test_channel_mention_is_answered_in_the_thread(teams: TeamsHarness) -> None:
    activity = teams.payload("message_channel_mention.json", TEXT=QUESTION)
    status, _ = await teams.post(activity)

    assert status == 201
    [reply] = teams.connector.sent()
    assert reply.conversation_id == f"{CHANNEL_ID};messageid={activity['id']}"
    assert_valid(reply)
    assert "working-hours" in reply.card_text()
    row = await teams.bot.services.db.run(crud.get_conversation_reference, platform="teams",
                                          conversation_id=CHANNEL_ID)
    assert row is not None and row.kind == "channel"
    assert json.loads(row.reference)["conversation"]["id"] == CHANNEL_ID


# A review asked in a channel is private: the verdict goes to the asker's personal chat, the channel gets a note.
async def test_review_in_a_channel_goes_to_a_personal_chat(teams: TeamsHarness) -> None:
    await teams.post(teams.payload("message_channel_mention.json", TEXT=f"review {RISKY_POST}"))

    created = [c for c in teams.connector.calls if c.path.rstrip("/") == "/v3/conversations"]
    assert len(created) == 1 and created[0].body["isGroup"] is False
    sent = teams.connector.sent()
    personal = [c for c in sent if c.conversation_id.startswith("a:personal-")]
    in_channel = [c for c in sent if c.conversation_id.startswith(CHANNEL_ID)]
    assert len(personal) == 1 and any(v in personal[0].card_text() for v in VERDICTS)
    assert len(in_channel) == 1 and "Vuurtoren" not in in_channel[0].card_text()


async def test_group_chat_mention_is_answered(teams: TeamsHarness) -> None:
    status, _ = await teams.post(teams.payload("message_group_mention.json", TEXT="help"))

    assert status == 201
    # help is private: it goes to the personal chat, the group gets the note
    assert any(c.conversation_id == "19:meeting_b2c3d4e5f6a7@thread.v2" for c in teams.connector.sent())


# Action.Submit (a message activity with value) records feedback on the answer.
async def test_action_submit_records_feedback(teams: TeamsHarness) -> None:
    await teams.post(teams.payload("message_personal.json", TEXT=QUESTION))
    [answer] = teams.connector.sent()
    question_id = next(a["data"]["smm_value"] for c in answer.cards() for b in c["body"] if b["type"] == "ActionSet"
                       for a in b["actions"] if a["data"]["smm_action"] == "smm.feedback.up")
    teams.connector.clear()

    status, _ = await teams.post(teams.payload("action_submit.json", ACTION="smm.feedback.up", VALUE=question_id))

    assert status == 201
    [thanks] = teams.connector.sent()
    assert_valid(thanks)
    row = await teams.bot.services.db.run(crud.get_question, question_id=int(question_id))
    assert row is not None and row.feedback == "up"


# Action.Execute (invoke adaptiveCard/action) is answered 200 with the invoke response carrying a card.
async def test_action_execute_is_answered_with_an_invoke_response(teams: TeamsHarness) -> None:
    await teams.post(teams.payload("message_personal.json", TEXT=QUESTION))
    teams.connector.clear()

    status, body = await teams.post(teams.payload("action_execute.json", ACTION="smm.feedback.down", VALUE="1"))

    assert status == 200
    assert body["statusCode"] == 200
    assert body["type"] == "application/vnd.microsoft.card.adaptive"
    assert isinstance(body["value"], dict) and validate_card(body["value"]) == []
    assert teams.connector.sent() == []  # the card replaces the pressed one; nothing else is posted


async def test_installing_the_app_greets_with_the_commands(teams: TeamsHarness) -> None:
    status, _ = await teams.post(teams.payload("conversation_update_installed.json"))

    assert status == 201
    [welcome] = teams.connector.sent()
    assert_valid(welcome)
    assert "review" in welcome.card_text()


async def test_a_redelivered_activity_is_answered_once(teams: TeamsHarness) -> None:
    activity = teams.payload("message_personal.json", TEXT=QUESTION)
    await teams.post(activity)
    await teams.post(activity)

    assert len(teams.connector.sent()) == 1


# --- authentication ------------------------------------------------------------------------------------------

MALFORMED_HEADERS = [None, "", "Bearer", "Basic dXNlcjpwdw==", "Bearer not-a-jwt",
                     "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"]


async def test_missing_or_malformed_tokens_get_401(teams: TeamsHarness) -> None:
    for header in MALFORMED_HEADERS:
        headers = {} if header is None else {"Authorization": header}
        status, _ = await teams.post(teams.payload("message_personal.json", TEXT=QUESTION), signed=False,
                                     headers=headers)

        assert status == 401, header
    assert teams.connector.calls == []


async def test_forged_tokens_get_401(teams: TeamsHarness) -> None:
    keys = teams.keys
    assert keys is not None
    url = teams.connector.url
    forger = rsa_key("forger")
    now = int(time.time())
    forged = {
        "other key": keys.token(url, key=forger),
        "unknown kid": keys.token(url, key=forger, kid="made-up"),
        "wrong audience": keys.token(url, aud="another-bot"),
        "wrong issuer": keys.token(url, iss="https://evil.example"),
        "expired": keys.token(url, exp=now - 3600, nbf=now - 7200),
        "other serviceUrl": keys.token("https://attacker.example/"),
        "alg none": _unsigned(url),
    }
    for case, token in forged.items():
        status, _ = await teams.post(teams.payload("message_personal.json", TEXT=QUESTION), signed=False,
                                     headers=teams.auth(token))

        assert status == 401, case
    assert teams.connector.calls == []
    # and the genuine token still works afterwards
    status, _ = await teams.post(teams.payload("message_personal.json", TEXT=QUESTION))
    assert status == 201


def _unsigned(service_url: str) -> str:
    import jwt

    payload = {"iss": "https://api.botframework.com", "aud": "x", "serviceurl": service_url,
               "exp": int(time.time()) + 60}
    return jwt.encode(payload, None, algorithm="none", headers={"kid": "test-key-1"})


async def test_keys_are_fetched_once_and_cached(teams: TeamsHarness) -> None:
    for _ in range(3):
        await teams.post(teams.payload("message_personal.json", TEXT="help"))

    assert teams.keys is not None and teams.keys.fetches == 1


# A key endpoint that never answers stalls nothing else: while a request waits for the keys, /healthz answers.
async def test_hanging_key_endpoint_does_not_block_the_server(teams: TeamsHarness) -> None:
    assert teams.keys is not None
    teams.keys.hang = True
    waiting = asyncio.create_task(teams.post(teams.payload("message_personal.json", TEXT=QUESTION)))
    await wait_until(lambda: teams.keys is not None and teams.keys.fetches == 1)
    assert teams.keys.fetches == 1 and not waiting.done()

    async with teams.http.get(teams.base_url + "/healthz") as response:
        assert response.status == 200
    assert not waiting.done()  # /healthz was answered while the key fetch still hung

    teams.keys.hang = False
    teams.keys.release.set()
    status, _ = await waiting
    assert status == 201


# The waiting request gets 401 once the key fetch times out (it never answers, so it always times out).
async def test_a_key_fetch_that_times_out_gives_401(settings: Any, connector: Any, key_server: Any) -> None:
    key_server.hang = True
    async for teams in running_bot(settings, connector, key_server, key_timeout=0.2):
        status, _ = await teams.post(teams.payload("message_personal.json", TEXT=QUESTION))

        assert status == 401
        assert teams.connector.calls == []


# --- outbound -----------------------------------------------------------------------------------------------

# A 429 from the connector is retried after Retry-After and the message arrives once.
async def test_429_is_retried_and_the_message_arrives_once(teams: TeamsHarness) -> None:
    teams.connector.fail_next.append((429, {"Retry-After": "1"}))
    started = time.perf_counter()

    status, _ = await teams.post(teams.payload("message_personal.json", TEXT=QUESTION))

    assert status == 201
    attempts = [c for c in teams.connector.calls if "/activities" in c.path]
    assert [c.status for c in attempts] == [429, 200]
    assert len(teams.connector.sent()) == 1
    assert time.perf_counter() - started >= 1.0


# A proactive message through the `teams` sender reaches the stored conversation.
async def test_proactive_send_to_a_user_and_a_channel(teams: TeamsHarness) -> None:
    await teams.post(teams.payload("message_personal.json", TEXT=QUESTION))
    await teams.post(teams.payload("message_channel_mention.json", TEXT=QUESTION))
    teams.connector.clear()
    messenger = teams.bot.services.messenger

    user_message_id = await messenger.send(Target("teams", "user", USER_AAD_ID),
                                           Reply([Text("Herinnering: *geen* geheimen delen")], "nl"))
    await messenger.send(Target("teams", "channel", CHANNEL_ID), Reply([Text("Aankondiging")], "nl"))

    to_user, to_channel = teams.connector.sent()
    assert to_user.path == f"/v3/conversations/{PERSONAL_CONVERSATION}/activities"
    assert user_message_id
    assert "Herinnering: \\*geen\\* geheimen delen" in to_user.card_text()
    assert to_channel.path == f"/v3/conversations/{CHANNEL_ID}/activities"
    assert_valid(to_user)


async def test_proactive_send_failures_are_delivery_errors(teams: TeamsHarness) -> None:
    messenger = teams.bot.services.messenger
    with pytest.raises(DeliveryError) as unknown:
        await messenger.send(Target("teams", "user", "nobody"), Reply([Text("hi")], "en"))
    assert unknown.value.permanent

    await teams.post(teams.payload("message_personal.json", TEXT=QUESTION))
    teams.connector.fail_next.append((403, {}))
    with pytest.raises(DeliveryError) as removed:
        await messenger.send(Target("teams", "user", USER_AAD_ID), Reply([Text("hi")], "en"))
    assert removed.value.permanent

    teams.connector.fail_next.append((429, {"Retry-After": "7"}))
    teams.component.outbound.retry = RetryPolicy(attempts=1)
    with pytest.raises(DeliveryError) as throttled:
        await messenger.send(Target("teams", "user", USER_AAD_ID), Reply([Text("hi")], "en"))
    assert throttled.value.retry_after == 7 and not throttled.value.permanent


# --- Emulator mode ------------------------------------------------------------------------------------------

async def test_emulator_mode_needs_no_token_and_fetches_nothing(emulator: TeamsHarness) -> None:
    status, _ = await emulator.post(emulator.payload("message_personal.json", TEXT=QUESTION), signed=False)

    assert status == 201
    [reply] = emulator.connector.sent()
    assert "authorization" not in reply.headers
    assert emulator.component.validator is None


async def test_not_json_is_refused(teams: TeamsHarness) -> None:
    async with teams.http.post(teams.base_url + "/api/messages", data=b"hello",
                               headers={"Content-Type": "text/plain", **teams.auth()}) as response:
        assert response.status == 415


# Keys a day old are refreshed in the background: with the key endpoint hanging, requests still go through.
async def test_stale_keys_are_used_while_the_refresh_hangs(teams: TeamsHarness) -> None:
    assert teams.keys is not None and teams.component.validator is not None
    validator = teams.component.validator
    status, _ = await teams.post(teams.payload("message_personal.json", TEXT="help"))
    assert status == 201
    teams.keys.hang = True
    validator._keys.fetched_at -= 2 * 24 * 3600  # make the cached keys stale

    status, _ = await teams.post(teams.payload("message_personal.json", TEXT="help"))

    assert status == 201
    # answered while the refresh (against a key endpoint that never answers) was still running
    assert validator._background is not None and not validator._background.done()
    await wait_until(lambda: teams.keys is not None and teams.keys.fetches == 2)
    assert teams.keys.fetches == 2


# A message is acknowledged before its replies go out: a slow connector does not keep the Bot Connector's
# request open (it would time out after ~15 s and redeliver); the reply still arrives once.
async def test_messages_are_acknowledged_before_the_replies_are_sent(teams: TeamsHarness) -> None:
    teams.connector.gate = asyncio.Event()  # the connector answers no send until the gate opens
    activity = teams.payload("message_personal.json", TEXT=QUESTION)

    async with teams.http.post(teams.base_url + "/api/messages", data=json.dumps(activity),
                               headers={"Content-Type": "application/json", **teams.auth()}) as response:
        assert response.status == 201
    assert teams.component.health()["in_flight"] == 1
    assert teams.connector.calls == []

    teams.connector.gate.set()
    await teams.component.drain(timeout=60)
    assert len(teams.connector.sent()) == 1
    assert teams.component.health()["in_flight"] == 0


# --- user text stays text -----------------------------------------------------------------------------------

PHISH = "Klopt deze link van de bank? [bank](https://evil.example/login) **nu** inloggen"


# An escalated question reaches the manager's channel with its Markdown escaped everywhere: in the card body, in
# the card's fallbackText and in the activity's summary (what notifications and card-less clients show).
async def test_an_escalated_question_cannot_become_a_link(settings: Any, connector: Any, key_server: Any) -> None:
    with_channel = settings.model_copy(update={"teams_escalation_channel": CHANNEL_ID})
    async for teams in running_bot(with_channel, connector, key_server):
        await teams.post(teams.payload("message_channel_mention.json", TEXT=QUESTION))  # the bot knows the channel
        await teams.post(teams.payload("message_personal.json", TEXT=PHISH))
        answer = teams.connector.sent()[-1]
        question_id = next(a["data"]["smm_value"] for c in answer.cards() for b in c["body"]
                           if b["type"] == "ActionSet" for a in b["actions"]
                           if a["data"]["smm_action"] == "smm.feedback.up")
        teams.connector.clear()

        status, _ = await teams.post(teams.payload("action_submit.json", ACTION="smm.escalate", VALUE=question_id))

        assert status == 201
        [post] = [c for c in teams.connector.sent() if c.conversation_id == CHANNEL_ID]
        assert_valid(post)
        fallbacks = [post.body.get("summary", ""), *(card.get("fallbackText", "") for card in post.cards())]
        for text in [*fallbacks, post.card_text()]:
            assert "](https://" not in text and "**nu**" not in text, text
        assert any("\\[bank\\]\\(https://evil.example/login\\)" in text for text in fallbacks[:1]), fallbacks
        assert "\\[bank\\]\\(https://evil.example/login\\)" in post.card_text()
