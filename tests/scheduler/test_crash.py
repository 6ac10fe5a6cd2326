"""Exactly once across a SIGKILL: 10,000 users, the delivery worker killed part-way, restarted, and every user
has exactly one message in the Slack stand-in."""

from __future__ import annotations

import os
import signal
import time
import uuid
from pathlib import Path

import pytest
from fanout_support import fan_out, start_worker
from slack_standin import SlackStandIn

from bot.store import crud_schedule
from bot.store.db import Database

USERS = 10_000


def _database_url(tmp_path: Path) -> str:
    base = os.environ.get("SMM_TEST_DATABASE_URL")
    if not base:
        return f"sqlite:///{tmp_path / 'crash.db'}"
    from sqlalchemy import create_engine, text

    schema = f"crash_{uuid.uuid4().hex[:10]}"
    engine = create_engine(base)
    with engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()
    return f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"


@pytest.mark.slow
def test_sigkill_mid_fan_out_delivers_each_message_exactly_once(tmp_path: Path) -> None:
    # One run (PostgreSQL when configured, else SQLite) to stay within a minute: the real Slack sender does
    # about 250 messages a second on a small machine (two Web API calls per new DM).
    database_url = _database_url(tmp_path)
    assert fan_out(database_url, USERS) == USERS
    standin = SlackStandIn(rate=4000).start()
    try:
        worker = start_worker(database_url, standin.url)
        deadline = time.monotonic() + 40
        while len(standin.posts) < USERS // 4:
            assert worker.poll() is None, (worker.stderr.read() if worker.stderr else b"").decode()[-2000:]
            assert time.monotonic() < deadline, "the worker did not start sending"
            time.sleep(0.01)
        worker.send_signal(signal.SIGKILL)
        worker.wait(10)
        killed_at = len(standin.posts)
        assert killed_at < USERS, "the worker finished before it could be killed"

        db = Database(database_url)
        in_flight = db.call(crud_schedule.outbox_counts).get("sending", 0)
        restarted = start_worker(database_url, standin.url)
        try:
            _, stderr = restarted.communicate(timeout=120)
        finally:
            if restarted.poll() is None:
                restarted.kill()
        assert restarted.returncode == 0, stderr.decode()[-2000:]
        counts = standin.counts()
        assert len(counts) == USERS, f"{USERS - len(counts)} user(s) skipped"
        duplicates = {channel: n for channel, n in counts.items() if n != 1}
        assert duplicates == {}, f"{len(duplicates)} user(s) got more than one message"
        assert db.call(crud_schedule.outbox_counts) == {"sent": USERS}
        print(f"killed after {killed_at} posts with {in_flight} row(s) in flight; all {USERS} delivered once")
        db.dispose()
    finally:
        for process in (worker, restarted) if "restarted" in locals() else (worker,) if "worker" in locals() else ():
            if process.poll() is None:
                process.kill()
        standin.stop()
