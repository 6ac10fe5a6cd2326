"""Teams scenario fixtures (helpers in teams_support.py): the real bot behind `POST /api/messages` on a
loopback port, the Bot Connector stand-in, and a local OpenID/JWKS server. Nothing reaches the internet."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp import web
from teams_support import FakeConnector, KeyServer, TeamsHarness, running_bot, serve

from bot.config import Settings


@pytest.fixture
async def connector() -> AsyncIterator[FakeConnector]:
    """The Bot Connector stand-in on a free loopback port."""
    fake = FakeConnector()
    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", fake.handle)
    runner, fake.url = await serve(app)
    yield fake
    await runner.cleanup()


@pytest.fixture
async def key_server() -> AsyncIterator[KeyServer]:
    server = KeyServer()
    app = web.Application()
    app.router.add_get("/v1/.well-known/openidconfiguration", server.metadata)
    app.router.add_get("/v1/keys", server.keys)
    runner, server.url = await serve(app)
    yield server
    server.release.set()
    await runner.cleanup()


@pytest.fixture
async def teams(settings: Settings, connector: FakeConnector, key_server: KeyServer) -> AsyncIterator[TeamsHarness]:
    """`smm serve` with a Teams app id: every request must carry a valid token from the local key server."""
    async for harness in running_bot(settings, connector, key_server):
        yield harness


@pytest.fixture
async def emulator(settings: Settings, connector: FakeConnector) -> AsyncIterator[TeamsHarness]:
    """`smm serve` without a Teams app id (the Emulator's mode): no tokens, nothing fetched."""
    async for harness in running_bot(settings, connector, None):
        yield harness

