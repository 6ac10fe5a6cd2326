"""Fixtures for the scheduled side: a composed bot on SQLite or PostgreSQL, a fake clock, started components."""

from __future__ import annotations

import os
import uuid
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
def crash_database(tmp_path: Path) -> Iterator[str]:
    """For the crash tests' subprocesses: a fresh SQLite file, or a fresh schema in SMM_TEST_DATABASE_URL
    that is dropped afterwards."""
    base = os.environ.get("SMM_TEST_DATABASE_URL")
    if not base:
        yield f"sqlite:///{tmp_path / 'crash.db'}"
        return
    from sqlalchemy import create_engine, text

    schema = f"crash_{uuid.uuid4().hex[:10]}"
    engine = create_engine(base)
    try:
        with engine.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        yield f"{base}{'&' if '?' in base else '?'}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()


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
