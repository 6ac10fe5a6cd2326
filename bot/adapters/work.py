"""Background work for the platform adapters: acknowledge the platform at once, do the slow part later.

Slack wants an answer within 3 seconds and the Bot Connector within about 15, so adapters acknowledge a
request straight away and hand the work (answering, reviewing, sending) to a `BoundedWork`: at most
`concurrency` items run at once, at most `max_waiting` wait for a slot (beyond that the adapter refuses,
which is back-pressure instead of unbounded memory), and every task is tracked so `drain()` can wait for
work in flight when the bot stops.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any


class BoundedWork:
    """A bounded, tracked set of background tasks."""

    def __init__(self, *, concurrency: int, max_waiting: int) -> None:
        self.slots = asyncio.Semaphore(concurrency)
        self.max_waiting = max_waiting
        self.waiting = 0  # spawned work not yet holding a slot
        self.refused = 0  # work refused because too much was waiting
        self.tasks: set[asyncio.Task[None]] = set()

    @property
    def full(self) -> bool:
        return self.waiting >= self.max_waiting

    def spawn(self, coro: Coroutine[Any, Any, None]) -> bool:
        """Run `coro` when a slot is free; False (and the work dropped) when too much is waiting."""
        if self.full:
            coro.close()
            self.refused += 1
            return False
        self.waiting += 1
        self.track(self._bounded(coro))
        return True

    def track(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run `coro` now, outside the slots (short notices), but keep it tracked for `drain()`."""
        task = asyncio.create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    async def _bounded(self, coro: Coroutine[Any, Any, None]) -> None:
        waiting = True
        try:
            async with self.slots:
                self.waiting -= 1
                waiting = False
                await coro
        finally:
            if waiting:  # cancelled before it got a slot
                self.waiting -= 1
                coro.close()

    async def drain(self, timeout: float = 10.0) -> None:
        """Wait until the work started so far is done, or `timeout` seconds have passed."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self.tasks:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return
            await asyncio.wait(set(self.tasks), timeout=remaining)

    def stats(self) -> dict[str, int]:
        """For `/healthz`."""
        return {"in_flight": len(self.tasks), "queued": self.waiting, "refused": self.refused}
