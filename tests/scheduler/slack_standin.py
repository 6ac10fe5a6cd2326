"""A local stand-in for Slack's Web API: a real HTTP server on 127.0.0.1 (its own thread and event loop, so it
outlives a killed worker) that answers auth.test, conversations.open, chat.postMessage and
conversations.history, enforces a messages-per-second limit with 429 + Retry-After, and records every post.
With `hold_after=N`, every post from the N-th on is recorded (it "arrived") but not answered until `release()`:
the crash tests kill the bot while those sends are in flight, deterministically.

The limit, stated exactly: at most `rate` chat.postMessage calls are *accepted* in any one-second interval (a
sliding window over the arrival times of accepted posts; with a fractional rate, the whole part). A post above
it is answered 429 with `Retry-After: 1` and is not recorded, like Slack, which documents about one message
per second per channel with short bursts and answers 429 + Retry-After beyond that. A sliding window is the
strictest reading of "N per second": a token bucket or a fixed window would let more through at a boundary."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter, deque
from typing import Any

from aiohttp import web


class SlackStandIn:
    def __init__(self, rate: float = 100_000.0, *, hold_after: int | None = None) -> None:
        self.rate = rate
        self.hold_after = hold_after
        self._released: asyncio.Event | None = None
        self.posts: list[tuple[str, str]] = []  # (channel, text)
        self.rate_limited = 0
        self.first_post: float | None = None
        self.last_post: float | None = None
        self.capacity = max(1, int(rate))
        self._accepted: deque[float] = deque()  # arrival times of the posts accepted in the last second
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def start(self) -> SlackStandIn:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(10)
        return self

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def release(self) -> None:
        """Answer the held posts, and every later one at once."""
        self.hold_after = None
        if self._released is not None:
            self._loop.call_soon_threadsafe(self._released.set)

    def counts(self) -> Counter[str]:
        with self._lock:
            return Counter(channel for channel, _ in self.posts)

    async def _start(self) -> None:
        self._released = asyncio.Event()
        app = web.Application()
        app.router.add_post("/api/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    def _take_token(self) -> bool:
        """Accept one more post now if fewer than `capacity` were accepted within the last second."""
        now = time.monotonic()
        accepted = self._accepted
        while accepted and accepted[0] <= now - 1.0:
            accepted.popleft()
        if len(accepted) < self.capacity:
            accepted.append(now)
            return True
        return False

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        form: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            form.update(await request.json())
        elif request.can_read_body:
            form.update(await request.post())
        if method == "auth.test":
            return web.json_response({"ok": True, "user_id": "UBOT", "url": "https://standin.slack.example/"})
        if method == "conversations.open":
            return web.json_response({"ok": True, "channel": {"id": "D" + str(form.get("users", ""))}})
        if method == "chat.postMessage":
            with self._lock:
                if not self._take_token():
                    self.rate_limited += 1
                    return web.json_response({"ok": False, "error": "ratelimited"}, status=429,
                                             headers={"Retry-After": "1"})
                channel, text = str(form.get("channel")), str(form.get("text", ""))
                self.posts.append((channel, text))
                now = time.monotonic()
                self.first_post = self.first_post or now
                self.last_post = now
                ts = f"{time.time():.6f}"
                hold = self.hold_after is not None and len(self.posts) >= self.hold_after
            if hold and self._released is not None:
                await self._released.wait()
            return web.json_response({"ok": True, "channel": channel, "ts": ts})
        if method == "conversations.history":
            channel = str(form.get("channel"))
            with self._lock:
                messages = [{"type": "message", "bot_id": "BBOT", "text": text}
                            for c, text in self.posts if c == channel]
            return web.json_response({"ok": True, "messages": messages[-50:]})
        return web.json_response({"ok": False, "error": "unknown_method"}, status=404)


def main() -> None:
    """`python tests/scheduler/slack_standin.py --rate N`: serve until killed; prints the port; GET /stats."""
    import argparse
    import json
    import sys

    parser = argparse.ArgumentParser()
    parser.add_argument("--rate", type=float, default=100_000.0)
    args = parser.parse_args()
    standin = SlackStandIn(rate=args.rate)

    async def stats(_request: web.Request) -> web.Response:
        with standin._lock:
            channels = Counter(c for c, _ in standin.posts)
            return web.json_response({"posts": len(standin.posts), "recipients": len(channels),
                                      "max_per_recipient": max(channels.values(), default=0),
                                      "rate_limited": standin.rate_limited,
                                      "first": standin.first_post, "last": standin.last_post,
                                      "cpu_s": time.process_time()})

    async def start() -> None:
        app = web.Application()
        app.router.add_get("/stats", stats)
        app.router.add_post("/api/{method}", standin._handle)
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        print(json.dumps({"port": site._server.sockets[0].getsockname()[1]}), flush=True)  # type: ignore[union-attr]
        await asyncio.Event().wait()

    sys.exit(asyncio.run(start()))


if __name__ == "__main__":
    main()
