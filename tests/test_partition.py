"""A network partition between the bot and PostgreSQL must not silence the bot.

The bot reaches PostgreSQL through a TCP proxy this test controls. "Partition" makes the proxy stop forwarding:
it still accepts connections and takes the bytes, but passes nothing on in either direction and closes
nothing, like a network path that went dark (TCP sees no error, so only the bot's own time limits help).
While partitioned, reviews (which need no database) keep answering, questions get an answer or a short
apology, and /healthz answers and reports the database as unreachable; after "heal" the bot recovers.

The bot runs on an event loop in its own thread, so a bot that hangs makes this test fail on a timeout
instead of hanging it. Bounds are generous "did it answer at all" limits, never timing assertions.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import io
import json
import threading
import time
import urllib.request
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import pytest
from sqlalchemy.engine import make_url

from bot.adapters.console import ConsoleAdapter
from bot.app import BotApp, build_app, make_web_app
from bot.config import Settings
from bot.core.types import Reply
from bot.store import crud

T = TypeVar("T")
ANSWER_BOUND = 30.0  # seconds within which every request must have been answered at all
POST = "review Wat een mooie dag om te wandelen in het bos vandaag"


class PartitionProxy:
    """An asyncio TCP proxy on 127.0.0.1, on its own thread, with a switch that black-holes all traffic."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.port = 0
        self.connections = 0
        self._loop = asyncio.new_event_loop()
        self._open: asyncio.Event | None = None
        self._server: asyncio.AbstractServer | None = None
        self._writers: list[asyncio.StreamWriter] = []
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    def start(self) -> PartitionProxy:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    async def _start(self) -> None:
        self._open = asyncio.Event()
        self._open.set()
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    def partition(self) -> None:
        """Stop forwarding: bytes already read are held, nothing more is read, nothing is closed."""
        assert self._open is not None
        self._loop.call_soon_threadsafe(self._open.clear)

    def heal(self) -> None:
        assert self._open is not None
        self._loop.call_soon_threadsafe(self._open.set)

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            for writer in self._writers:
                writer.close()
            tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        self._loop.close()

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        assert self._open is not None
        self.connections += 1
        self._writers.append(writer)
        await self._open.wait()  # partitioned: the connection is accepted, and then nothing happens
        up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        self._writers.append(up_writer)
        await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer), return_exceptions=True)
        for w in (writer, up_writer):
            w.close()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        assert self._open is not None
        while True:
            await self._open.wait()
            data = await reader.read(65536)
            if not data:
                return
            await self._open.wait()  # read just before the partition: held until it heals
            writer.write(data)
            await writer.drain()


class BotThread:
    """The composed bot (every component `smm serve` runs, the HTTP server, a console chat) on an event loop
    of its own; the test talks to it with bounded waits."""

    def __init__(self, settings: Settings) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.app: BotApp = self.call(self._build(settings), timeout=120)
        self.port = 0
        self.runner: Any = None
        self.call(self._start())

    async def _build(self, settings: Settings) -> BotApp:
        return build_app(settings)

    async def _start(self) -> None:
        from aiohttp import web

        self.runner = web.AppRunner(make_web_app(self.app), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        for component in self.app.components:
            await component.start()

    def call(self, coro: Coroutine[Any, Any, T], timeout: float = ANSWER_BOUND) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def submit(self, coro: Coroutine[Any, Any, T]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)

    def chat(self, user: str) -> ConsoleAdapter:
        adapter = ConsoleAdapter(self.app.dispatcher, user_id=user, stdout=io.StringIO())
        return adapter

    def healthz(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=ANSWER_BOUND) as response:
            assert response.status == 200
            body: dict[str, Any] = json.loads(response.read())
            return body

    def stop(self) -> None:
        async def stop() -> None:
            for component in reversed(self.app.components):
                await component.stop()
            if self.runner is not None:
                await self.runner.cleanup()

        try:
            self.call(stop(), timeout=60)
        finally:
            self.app.services.db.dispose()
            with contextlib.suppress(Exception):
                self.call(self.loop.shutdown_default_executor(), timeout=30)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(10)
            self.loop.close()


def _review(bot: BotThread, user: str) -> Reply:
    replies: list[Reply] = bot.call(bot.chat(user).handle_line(POST))
    assert len(replies) == 1
    return replies[0]


def _wait_until(condition: Any, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


@pytest.fixture
def proxied(postgres_url: str, policy_dir: Any) -> Iterator[tuple[PartitionProxy, BotThread]]:
    url = make_url(postgres_url)
    proxy = PartitionProxy(url.host or "127.0.0.1", url.port or 5432).start()
    via_proxy = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    settings = Settings(_env_file=None, database_url=via_proxy, policy_dir=policy_dir,
                        database_connect_timeout=2, database_statement_timeout=5, database_pool_timeout=3,
                        database_call_timeout=8, teams_emulator=True)
    bot = BotThread(settings)
    try:
        yield proxy, bot
    finally:
        proxy.heal()
        bot.stop()
        proxy.stop()
        gc.collect()  # finalise what the two loops left here, not in the middle of pytest's own work


@pytest.mark.postgres
def test_a_database_partition_does_not_silence_reviews_or_healthz(proxied: tuple[PartitionProxy, BotThread]) -> None:
    proxy, bot = proxied
    assert _review(bot, "before").metadata["verdict"] == "ok"
    assert bot.healthz()["database"] == "ok"

    proxy.partition()
    # Database work that hangs: questions are logged, new users recorded, the outbox worker polls. More of
    # them than asyncio's default thread pool has threads on a small machine.
    asks = [bot.submit(bot.chat(f"asker-{i}").handle_line("mag ik onder werktijd op LinkedIn?")) for i in range(12)]
    started = time.monotonic()
    with ThreadPoolExecutor(4) as pool:
        reviews = list(pool.map(lambda i: _review(bot, f"reviewer-{i}"), range(8)))
    reviewed = time.monotonic() - started
    assert [r.metadata.get("verdict") for r in reviews] == ["ok"] * 8
    for ask in asks:
        assert ask.result(ANSWER_BOUND)  # an answer or a short apology: something, in time
    _wait_until(lambda: bot.healthz()["database"] == "unreachable", "/healthz to report the database down")
    started = time.monotonic()
    health = bot.healthz()
    answered = time.monotonic() - started
    assert health["status"] == "degraded" and health["database_detail"]["state"] == "unreachable"
    print(f"partitioned: 8 reviews answered in {reviewed:.1f} s, /healthz in {answered * 1000:.0f} ms")

    proxy.heal()
    _wait_until(lambda: bot.healthz()["database"] == "ok", "/healthz to report the database back")
    assert _review(bot, "after").metadata["verdict"] == "ok"
    users = bot.call(bot.app.services.db.run(crud.list_users))
    assert "after" in {u.user_id for u in users}  # database work goes through again
