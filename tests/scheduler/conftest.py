"""Fixtures for the scheduled side: a composed bot on SQLite or PostgreSQL, a fake clock, started components."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from scheduler_support import Bot, FakeClock, make_bot


@pytest.fixture
def bot_factory(database_url: str, policy_dir: Path) -> Iterator[Callable[..., Bot]]:
    made: list[Bot] = []

    def factory(policy: Path | None = None) -> Bot:
        bot = make_bot(database_url, policy or policy_dir)
        made.append(bot)
        return bot

    yield factory
    for bot in made:
        bot.app.services.db.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def running() -> AsyncIterator[list[Any]]:
    """Components started by a test, stopped at the end even when it fails."""
    components: list[Any] = []
    yield components
    for component in reversed(components):
        await component.stop()
