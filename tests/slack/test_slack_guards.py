"""Slack end to end, continued: users of other teams (Slack Connect), links in announcements, the bound on
waiting work, and how the `slack` sender finds a user's DM channel. Signed requests into the running bot, the
Web API answered by the local stand-in."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import TYPE_CHECKING, Any

import pytest

from bot.core.types import Reply, Target, Text
from bot.store import crud

if TYPE_CHECKING:
    from conftest import SlackHarness

OTHER_TEAM = "T0GUEST99"


async def wait_for(condition: Any, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


# (1) Slack Connect: a user of another team gets nothing from the bot.
async def test_an_external_users_dm_is_not_answered(slack: SlackHarness, caplog: pytest.LogCaptureFixture) -> None:
    payload = slack.load("event_message_im.json")
    payload["event"].update(user="U0GUEST01", team=OTHER_TEAM, user_team=OTHER_TEAM, source_team=OTHER_TEAM,
                            text="Wat staat er in de interne aankondiging?")
    with caplog.at_level(logging.WARNING, logger="bot.adapters.slack.adapter"):
        response = await slack.event(payload)
        await slack.settle()

    assert response.status == 200
    assert slack.api.of("chat.postMessage") == [] and slack.api.of("chat.postEphemeral") == []
    assert slack.bot.services.db.call(crud.get_question, question_id=1) is None
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(OTHER_TEAM in w for w in warnings), warnings
    assert not any("aankondiging" in w for w in warnings)  # the team id, never the text


async def test_an_external_users_command_gets_the_employees_only_note(slack: SlackHarness) -> None:
    form = slack.load("command_smm_review.json")
    form.update(user_id="U0GUEST01", team_id=OTHER_TEAM, text="announce hallo allemaal")
    response = await slack.command(form)
    await slack.settle()

    assert response.status == 200
    answer = json.loads(await response.text())
    assert answer["response_type"] == "ephemeral"
    assert "employees only" in answer["text"] and "alleen voor medewerkers" in answer["text"]
    assert [c for c in slack.api.calls if c.method != "auth.test"] == []  # nothing dispatched or posted


async def test_an_external_users_button_press_gets_the_note_and_does_nothing(slack: SlackHarness) -> None:
    pressed = slack.load("block_actions_feedback.json", ACTION_ID="smm.feedback.up", VALUE="1")
    pressed["user"]["team_id"] = OTHER_TEAM
    assert (await slack.interaction(pressed)).status == 200
    await slack.settle()

    [note] = slack.api.of("/actions/")
    assert note.body["response_type"] == "ephemeral" and "employees only" in note.body["text"]
    assert slack.api.of("chat.postMessage") == []


async def test_a_user_of_this_workspace_is_still_answered(slack: SlackHarness) -> None:
    payload = slack.load("event_message_im.json")
    payload["event"]["user_team"] = "T0ACME001"
    assert (await slack.event(payload)).status == 200
    await slack.settle()

    assert len(slack.api.of("chat.postMessage")) == 1


# (2) An announcement keeps its link's URL; a review still sees the post as published.
async def test_an_announcement_with_a_link_keeps_the_url_in_what_is_sent(slack: SlackHarness) -> None:
    services = slack.bot.services
    services.settings = services.settings.model_copy(update={"admins": "slack:U0ASKER01"})
    form = slack.load("command_smm_review.json")
    form["text"] = "announce De nieuwe <https://intranet.acme.nl/brandguide|merkgids> staat online."
    assert (await slack.command(form)).status == 200
    await slack.settle()

    preview, question = slack.api.of("/commands/")
    assert "merkgids (https://intranet.acme.nl/brandguide)" in preview.dumps()
    confirm = next(e for b in question.body["blocks"] if b["type"] == "actions" for e in b["elements"]
                   if e["action_id"] == "smm.announce.confirm")
    slack.api.clear()
    pressed = slack.load("block_actions_feedback.json", ACTION_ID=confirm["action_id"], VALUE=confirm["value"])
    assert (await slack.interaction(pressed)).status == 200
    await slack.settle()

    await wait_for(lambda: slack.api.of("chat.postMessage"))
    [sent] = slack.api.of("chat.postMessage")
    assert "https://intranet.acme.nl/brandguide" in sent.dumps()


async def test_a_review_still_judges_the_link_label_only(slack: SlackHarness) -> None:
    from bot.adapters.slack.payloads import command_request

    form = slack.load("command_smm_review.json")
    form["text"] = "review Lees <https://example.com/actie|onze actie>!"
    assert command_request(form).text == "review Lees onze actie!"
    form["text"] = "mag ik <https://example.com/actie|deze link> delen?"
    assert command_request(form).text == "mag ik deze link (https://example.com/actie) delen?"


# (3) Waiting work is bounded: a command past the bound is told to try again, an event is dropped.
async def test_commands_get_a_busy_note_and_events_are_dropped_when_too_much_is_waiting(
        slack: SlackHarness, caplog: pytest.LogCaptureFixture) -> None:
    adapter = slack.adapter
    adapter.work.max_waiting = 1
    held = 0
    for _ in range(4):  # every work slot taken: spawned work waits
        await adapter.work.slots.acquire()
        held += 1
    try:
        form = slack.load("command_smm_review.json")
        form["text"] = "help"
        first = await slack.command(form)
        assert first.status == 200 and await first.text() == ""
        assert adapter.health()["queued"] == 1

        busy = await slack.command(form)
        answer = json.loads(await busy.text())
        assert answer["response_type"] == "ephemeral"
        assert "try again in a minute" in answer["text"] and "over een minuut" in answer["text"]

        with caplog.at_level(logging.WARNING, logger="bot.adapters.slack.adapter"):
            assert (await slack.event(slack.load("event_message_im.json"))).status == 200
        assert any("dropped" in r.getMessage() for r in caplog.records)
        assert adapter.health()["queued"] == 1 and adapter.health()["refused"] == 2
    finally:
        for _ in range(held):
            adapter.work.slots.release()
    await slack.settle()

    assert len(slack.api.of("/commands/")) == 1  # the queued help, answered once the slots were free
    assert slack.api.of("chat.postMessage") == []  # the dropped DM
    assert adapter.health()["queued"] == 0


# (4) The sender finds DM channels without a Web API call when it can.
async def test_a_send_to_a_user_with_a_stored_dm_is_one_web_api_call(slack: SlackHarness) -> None:
    db = slack.bot.services.db
    db.call(crud.save_conversation_reference, platform="slack", conversation_id="D0STORED01", kind="direct",
            user_id="U0STORED1", reference={"channel": "D0STORED01"})
    reply = Reply([Text("The brand guide has moved.")], "en")

    assert await slack.bot.services.messenger.send(Target("slack", "user", "U0STORED1"), reply)

    assert [c.method for c in slack.api.calls] == ["chat.postMessage"]
    assert slack.api.calls[0].body["channel"] == "D0STORED01"


async def test_a_new_users_dm_is_opened_once_then_reused(slack: SlackHarness) -> None:
    messenger = slack.bot.services.messenger
    reply = Reply([Text("The brand guide has moved.")], "en")

    await messenger.send(Target("slack", "user", "U0NEWUSER"), reply)
    await messenger.send(Target("slack", "user", "U0NEWUSER"), reply)

    assert [c.method for c in slack.api.calls] == ["conversations.open", "chat.postMessage", "chat.postMessage"]
    assert {c.body["channel"] for c in slack.api.of("chat.postMessage")} == {"D0NEWUSER"}


async def test_the_dm_cache_is_bounded(slack: SlackHarness) -> None:
    sender = slack.adapter.sender
    sender.dm_cache_size = 2
    for user in ("U0AAAA1", "U0BBBB1", "U0CCCC1"):
        await sender.dm_channel(user)
    await sender.dm_channel("U0AAAA1")  # evicted: opened again

    assert [c.body["users"] for c in slack.api.of("conversations.open")] == ["U0AAAA1", "U0BBBB1", "U0CCCC1",
                                                                             "U0AAAA1"]


async def test_the_worker_builds_a_send_only_sender_without_a_signing_secret(settings: Any) -> None:
    from pydantic import SecretStr

    from bot.adapters.slack.sender import SlackSender

    sender = SlackSender.from_settings(settings.model_copy(update={"slack_bot_token": SecretStr("xoxb-1")}))
    assert sender.platform == "slack" and sender.db is None
    await sender.start()
    await sender.close()
