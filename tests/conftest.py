"""Shared fixtures: settings on a temporary database, the composed bot, and `testbot`, which talks to
the bot through the console adapter like a user would (errbot's testbot habit)."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.config import Settings, bundled_policy_dir

POSTGRES_URL = os.environ.get("SMM_TEST_DATABASE_URL")


@pytest.fixture
def policy_dir() -> Path:
    """The bundled policy pack."""
    return bundled_policy_dir()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'smm-test.db'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL schema per test (skipped when SMM_TEST_DATABASE_URL is not set)."""
    if not POSTGRES_URL:
        pytest.skip("SMM_TEST_DATABASE_URL is not set")
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each test using this runs on SQLite and, when configured, on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'smm-test.db'}"
    else:
        yield request.getfixturevalue("postgres_url")


@pytest.fixture
def settings(sqlite_url: str, policy_dir: Path) -> Settings:
    return Settings(_env_file=None, database_url=sqlite_url, policy_dir=policy_dir, admins="console:admin-1")  # type: ignore[call-arg]


@pytest.fixture
def bot_app(settings: Settings) -> Iterator[object]:
    from bot.app import build_core

    app = build_core(settings)
    yield app
    app.services.db.dispose()


@pytest.fixture
async def testbot(bot_app: object) -> AsyncIterator[object]:
    """Talk to the bot as a user: `await testbot.say("mag ik onder werktijd op LinkedIn?")` returns the reply text."""
    from bot.adapters.console import ConsoleAdapter
    from bot.app import BotApp

    assert isinstance(bot_app, BotApp)
    adapter = ConsoleAdapter(bot_app.dispatcher, user_id="console-user")
    bot_app.services.messenger.register(adapter)
    yield adapter
