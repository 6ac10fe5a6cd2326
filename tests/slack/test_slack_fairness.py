"""One Slack user cannot hold up everyone else (issue 9, item 6): their work waits in a small queue of its own,
past it they are told "one moment", and another user's command goes ahead of their backlog. Through the real
`POST /slack/events` with signed requests; the order is checked, not the time."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import SlackHarness

OTHER_USER = "U0OTHER01"


async def test_a_flooding_user_is_told_one_moment_and_another_users_command_is_still_answered(
        slack: SlackHarness) -> None:
    adapter = slack.adapter
    adapter.work.concurrency = 1
    cap = 5  # SMM_MAX_WAITING_PER_USER's default
    form = slack.load("command_smm_review.json")
    form["text"] = "help"
    await adapter.work.slots.acquire()  # the one work slot is busy: everything below waits its turn
    try:
        acks = []
        for n in range(cap + 3):
            response = await slack.command({**form, "response_url": f"{slack.api.url}/commands/flood/{n}"})
            assert response.status == 200
            acks.append(await response.text())
        assert acks[:cap] == [""] * cap  # queued
        for text in acks[cap:]:
            assert text, "a command past the user's queue was queued instead of answered with a note"
            note = json.loads(text)
            assert note["response_type"] == "ephemeral"
            assert "still working on your earlier messages" in note["text"]
            assert "nog bezig met je eerdere berichten" in note["text"]

        for n in range(3):  # the same user's DMs: told once per backlog, not once per message
            event = slack.load("event_message_im.json")
            event["event_id"] = f"Ev0FLOOD{n}"
            event["event"]["ts"] = event["event"]["event_ts"] = f"1767182401.00000{n}"
            assert (await slack.event(event)).status == 200

        other = {**form, "user_id": OTHER_USER, "user_name": "sanne.devries",
                 "response_url": f"{slack.api.url}/commands/other/0"}
        response = await slack.command(other)
        assert response.status == 200 and await response.text() == ""  # queued, not refused
        assert adapter.health()["refused_user"] == 3 + 3
    finally:
        adapter.work.slots.release()
    await slack.settle()

    answered = [call.path for call in slack.api.of("/commands/")]
    assert sorted(answered) == sorted([f"/commands/flood/{n}" for n in range(cap)] + ["/commands/other/0"])
    # The other user is answered right after the flooder's first command, not behind the whole backlog.
    assert answered.index("/commands/other/0") == 1
    notes = [c for c in slack.api.of("chat.postMessage") if c.body.get("channel") == "D0ASKERDM"]
    assert len(notes) == 1 and "eerdere berichten" in notes[0].dumps()
