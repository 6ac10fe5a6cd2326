"""Exactly once across a SIGKILL: 10,000 users, the delivery worker killed while rows are in flight, restarted,
and every user has exactly one message in the Slack stand-in."""

from __future__ import annotations

import signal
import subprocess
import time

import pytest
from fanout_support import fan_out, start_worker
from slack_standin import SlackStandIn

from bot.store import crud_schedule
from bot.store.db import Database

USERS = 10_000
KILL_AFTER = 1_000  # posts before the SIGKILL: early, so most of the run is the restarted worker's
# The worker's limit sits above what it reaches (a few hundred a second: two Web API calls per new DM) and the
# stand-in's matches it, so no 429 slows the test. A live worker renews the leases of the rows it holds, so they
# are never taken for a dead worker's; the killed worker's rows are taken over once their lease ran out.
RATE = 3000
LEASE = 3.0


def _stderr(process: subprocess.Popen[bytes]) -> str:
    return (process.stderr.read() if process.stderr else b"").decode(errors="replace")[-2000:]


@pytest.mark.slow
def test_sigkill_mid_fan_out_delivers_each_message_exactly_once(crash_database: str) -> None:
    database_url = crash_database
    assert fan_out(database_url, USERS) == USERS
    standin = SlackStandIn(rate=RATE).start()
    processes: list[subprocess.Popen[bytes]] = []
    db = Database(database_url)
    try:
        worker = start_worker(database_url, standin.url, rates=f"slack={RATE}", lease=LEASE)
        processes.append(worker)
        deadline = time.monotonic() + 60
        while len(standin.posts) < KILL_AFTER:
            assert worker.poll() is None, _stderr(worker)
            assert time.monotonic() < deadline, "the worker did not start sending"
            time.sleep(0.005)
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
        killed_at = len(standin.posts)
        assert killed_at < USERS, "the worker finished before it could be killed"
        in_flight = db.call(crud_schedule.outbox_counts).get("sending", 0)
        assert in_flight > 0, "no row was in flight at the kill"

        restarted = start_worker(database_url, standin.url, rates=f"slack={RATE}", lease=LEASE)
        processes.append(restarted)
        _, stderr = restarted.communicate(timeout=180)
        assert restarted.returncode == 0, stderr.decode(errors="replace")[-2000:]
        counts = standin.counts()
        assert len(counts) == USERS, f"{USERS - len(counts)} user(s) skipped"
        duplicates = {channel: n for channel, n in counts.items() if n != 1}
        assert duplicates == {}, f"{len(duplicates)} user(s) got more than one message"
        assert standin.rate_limited == 0
        assert db.call(crud_schedule.outbox_counts) == {"sent": USERS}
        print(f"killed after {killed_at} posts with {in_flight} row(s) in flight; all {USERS} delivered once")
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait(10)
        db.dispose()
        standin.stop()
