"""Exactly once across a SIGKILL of `smm serve` itself: the outbox worker as serve composes it (the composition
root's `build_outbox_worker`, with Slack's history check) is killed while sends are in flight, serve is started
again, and every user has exactly one message in the Slack stand-in.

Deterministic: the stand-in records every post but, from the HOLD_AFTER-th on, does not answer until released,
so at the kill those posts have reached "Slack" while their rows are still 'sending' (the duplicate window). The
restarted serve takes the rows over once their lease ran out and finds them in conversations.history."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from fanout_support import ROOT, fan_out
from slack_standin import SlackStandIn

from bot.store import crud_schedule
from bot.store.db import Database

USERS = 300
HOLD_AFTER = 100  # posts answered normally before the stand-in starts holding its answers
IN_FLIGHT = 12  # held posts (arrived at "Slack", not yet answered) to wait for before the kill
LEASE = 2.0  # SMM_OUTBOX_LEASE_SECONDS for both runs


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _serve(database_url: str, api_url: str, cwd: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMM_")}
    env.update({
        "SMM_DATABASE_URL": database_url, "SMM_SLACK_BOT_TOKEN": "xoxb-standin",
        "SMM_SLACK_SIGNING_SECRET": "standin-secret", "SMM_SLACK_API_URL": api_url,
        "SMM_HOST": "127.0.0.1", "SMM_PORT": str(_free_port()), "SMM_SEND_RATES": "slack=3000",
        "SMM_OUTBOX_LEASE_SECONDS": str(LEASE), "SMM_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
    })
    return subprocess.Popen([sys.executable, "-m", "bot", "serve"], env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _stderr(process: subprocess.Popen[bytes]) -> str:
    if process.poll() is None:
        process.kill()
    _, err = process.communicate(timeout=10)
    return err.decode(errors="replace")[-3000:]


def _wait(condition: object, process: subprocess.Popen[bytes], what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert process.poll() is None, f"smm serve exited while waiting for {what}:\n{_stderr(process)}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}:\n{_stderr(process)}"
        time.sleep(0.01)


def test_kill_9_of_smm_serve_mid_fan_out_delivers_each_message_exactly_once(crash_database: str,
                                                                          tmp_path: Path) -> None:
    assert fan_out(crash_database, USERS) == USERS
    standin = SlackStandIn(rate=100_000, hold_after=HOLD_AFTER).start()
    processes: list[subprocess.Popen[bytes]] = []
    db = Database(crash_database)
    try:
        first = _serve(crash_database, standin.url, tmp_path)
        processes.append(first)
        _wait(lambda: len(standin.posts) >= HOLD_AFTER + IN_FLIGHT, first, "sends to be in flight")
        first.send_signal(signal.SIGKILL)
        first.wait(10)
        arrived = len(standin.posts)
        in_flight = db.call(crud_schedule.outbox_counts).get("sending", 0)
        assert arrived < USERS and in_flight >= IN_FLIGHT, (arrived, in_flight)
        standin.release()

        second = _serve(crash_database, standin.url, tmp_path)
        processes.append(second)
        _wait(lambda: db.call(crud_schedule.outbox_counts) == {"sent": USERS}, second, "every row to be sent")
        counts = standin.counts()
        assert len(counts) == USERS, f"{USERS - len(counts)} user(s) skipped"
        duplicates = {channel: n for channel, n in counts.items() if n != 1}
        assert duplicates == {}, f"{len(duplicates)} user(s) got the announcement more than once"
        print(f"killed with {arrived} posts arrived and {in_flight} row(s) 'sending'; all {USERS} delivered once")
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(15)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait(10)
        db.dispose()
        standin.stop()
