"""One Teams user cannot hold up everyone else (issue 9, item 6): their turns wait in a small queue of their own,
past it they get one "one moment" note (201, not 503), and another user's message goes ahead of their backlog.
Real HTTP posts to `/api/messages`; the order is checked, not the time."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from teams_support import TeamsHarness

CAP = 5  # SMM_MAX_WAITING_PER_USER's default


async def post_raw(teams: TeamsHarness, activity: dict[str, Any]) -> int:
    """A post without waiting for the background turn (the harness's `post` drains)."""
    headers = {"Content-Type": "application/json; charset=utf-8", **teams.auth()}
    async with teams.http.post(teams.base_url + "/api/messages", data=json.dumps(activity), headers=headers) as resp:
        await resp.read()
        return resp.status


async def wait_for(condition: Any, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.05)


async def test_a_flooding_user_is_told_one_moment_and_another_users_message_goes_next(teams: TeamsHarness) -> None:
    work = teams.component.work
    work.concurrency = 1
    await work.slots.acquire()  # the one turn slot is busy: every turn below waits its turn
    try:
        for n in range(CAP + 3):
            activity = teams.payload("message_personal.json", TEXT="help", ID=f"flood-{n}")
            assert await post_raw(teams, activity) == 201  # never 503 for one user's flood
        other = teams.payload("message_personal.json", TEXT="help", ID="other-0")
        other["from"] = {"id": "29:other-user", "name": "Sanne de Vries",
                         "aadObjectId": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"}
        other["conversation"]["id"] = "a:other-personal-chat"
        assert await post_raw(teams, other) == 201

        await wait_for(lambda: teams.connector.sent())
        [note] = teams.connector.sent()  # once per backlog, not once per refused message
        assert "still working on your earlier messages" in json.dumps(note.body)
        assert "nog bezig met je eerdere berichten" in json.dumps(note.body)
    finally:
        work.slots.release()
    await teams.component.drain(timeout=60)

    replies = [call.path.rsplit("/", 1)[-1] for call in teams.connector.sent()[1:]]
    assert sorted(replies) == sorted([f"flood-{n}" for n in range(CAP)] + ["other-0"])
    # The other user is answered right after the flooder's first message, not behind the whole backlog.
    assert replies.index("other-0") == 1
