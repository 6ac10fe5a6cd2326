"""Shared by the crash test and the fan-out benchmark: N known Slack users, one announcement fanned out to
them, and the stand-alone outbox worker as a subprocess pointed at the Slack stand-in."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import insert

from bot.app import build_core
from bot.config import Settings, bundled_policy_dir
from bot.store import crud_schedule
from bot.store.models import ChatUser, utcnow
from bot.store.models_schedule import Announcement
from handlers.announcements import fan_out_announcement

ROOT = Path(__file__).resolve().parents[2]


def fan_out(database_url: str, users: int) -> int:
    """Create `users` Slack users and queue one announcement to each; returns the rows queued."""
    settings = Settings(_env_file=None, database_url=database_url, policy_dir=bundled_policy_dir())  # type: ignore[call-arg]
    app = build_core(settings)
    db = app.services.db
    now = utcnow()
    with db.session() as session:
        session.execute(insert(ChatUser), [
            {"platform": "slack", "user_id": f"U{i:05d}", "display_name": f"User {i}", "tips_opt_out": False,
             "first_seen": now, "last_seen": now} for i in range(users)])
    draft = db.call(crud_schedule.create_announcement, announcement=Announcement(
        kind="free", text="The brand guide has moved.", language="en", platform="slack", created_by="slack:UADMIN"))
    count = db.call(fan_out_announcement, announcement_id=draft.id, pack=app.services.policy.pack,
                    platforms=("slack",))
    db.dispose()
    return count


def start_worker(database_url: str, api_url: str, *, rates: str = "slack=100000", lease: float = 2.0,
                 exit_when_done: bool = True, concurrency: int = 64) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SMM_SLACK_BOT_TOKEN": "xoxb-standin", "SMM_LOG_LEVEL": "WARNING",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop("SMM_SLACK_APP_TOKEN", None)
    command = [sys.executable, "-m", "bot.scheduler.worker", "--database-url", database_url,
               "--slack-api-url", api_url, "--rates", rates, "--lease", str(lease),
               "--concurrency", str(concurrency)]
    if exit_when_done:
        command.append("--exit-when-done")
    return subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
