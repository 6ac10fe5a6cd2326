"""Teams scenario fixtures (helpers in teams_support.py): the real bot behind `POST /api/messages` on a
loopback port, the Bot Connector stand-in, and a local OpenID/JWKS server. Nothing reaches the internet."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aiohttp import web
from teams_support import FakeConnector, KeyServer, TeamsHarness, running_bot, serve

from bot.config import Settings


@pytest.fixture(autouse=True)
def no_internet(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Name lookups of anything but loopback fail, so a test that would reach login.botframework.com or
    Entra ID fails loudly instead of depending on the network."""
    real = socket.getaddrinfo

    def loopback_only(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host not in ("127.0.0.1", "localhost", "::1", None):
            raise OSError(f"a Teams test tried to reach {host!r}")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", loopback_only)
    yield


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

