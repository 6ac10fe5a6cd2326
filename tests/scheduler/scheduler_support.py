"""Helpers for the scheduled side's tests: a composed bot on SQLite or PostgreSQL, a console user, a recorded
Slack stand-in sender, and a fake clock so reminders fire without waiting for real time."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from bot.adapters.console import ConsoleAdapter
from bot.app import BotApp, build_core
from bot.config import Settings
from bot.core.types import Reply, Target


@dataclass
class RecordingSender:
    """A stand-in for the Slack or Teams sender: implements the Sender protocol and records what it sends."""

    platform: str
    sent: list[tuple[Target, Reply]] = field(default_factory=list)

    async def send(self, target: Target, reply: Reply) -> str | None:
        self.sent.append((target, reply))
        return f"m{len(self.sent)}"


class FakeClock:
    """`now()` for the scheduler's slot arithmetic, moved forward by tests."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@dataclass
class Bot:
    app: BotApp
    admin: ConsoleAdapter
    slack: RecordingSender
    out: io.StringIO

    @property
    def services(self) -> Any:
        return self.app.services


def make_bot(url: str, policy_dir: Path) -> Bot:
    settings = Settings(_env_file=None, database_url=url, policy_dir=policy_dir, admins="console:admin-1")  # type: ignore[call-arg]
    app = build_core(settings)
    out = io.StringIO()
    admin = ConsoleAdapter(app.dispatcher, user_id="admin-1", stdout=out)
    app.services.messenger.register(admin)
    slack = RecordingSender("slack")
    app.services.messenger.register(slack)
    return Bot(app, admin, slack, out)




async def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Poll until `condition()` holds (a few seconds at most)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)
