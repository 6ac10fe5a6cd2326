"""Background work for the platform adapters: acknowledge the platform at once, do the slow part later.

Slack wants an answer within 3 seconds and the Bot Connector within about 15, so adapters acknowledge a
request straight away and hand the work (answering, reviewing, sending) to a `BoundedWork`: at most
`concurrency` items run at once, at most `max_waiting` wait for a slot (beyond that the adapter refuses,
which is back-pressure instead of unbounded memory), and every task is tracked so `drain()` can wait for
work in flight when the bot stops.

Work is queued per user (its `key`) and the free slots go round-robin across users, so one user who sends
hundreds of messages cannot delay anybody else by more than the one job that is ahead of them: each user has
a small FIFO of their own, at most `max_waiting_per_user` long (beyond that `offer` answers
`Refusal.USER_BUSY` and the adapter says "one moment, I'm still working on your earlier messages").
The round-robin is start-time fair queueing with unit cost: a job's tag is the larger of the tag of the last
job started and the tag after the same user's previous job, and the free slot goes to the smallest tag
(ties in arrival order). A user who has just been served therefore goes behind everyone already waiting.
"""

from __future__ import annotations

import asyncio
import enum
import heapq
import itertools
from collections.abc import Coroutine, Hashable
from dataclasses import dataclass, field
from typing import Any

DEFAULT_MAX_WAITING_PER_USER = 5


class Refusal(enum.Enum):
    """Why `offer` did not take the work."""

    BUSY = "busy"  # too much waiting altogether
    USER_BUSY = "user_busy"  # this user already has `max_waiting_per_user` jobs waiting


@dataclass
class _User:
    finish: int = 0  # the tag after this user's last queued job
    waiting: int = 0
    running: int = 0
    told: bool = False  # told "one moment" since their queue was last empty


@dataclass(order=True)
class _Ticket:
    tag: int
    seq: int
    key: Hashable = field(compare=False)
    turn: asyncio.Future[None] = field(compare=False)


class _Slots:
    """The work slots as a lock-like object (`await acquire()`, `release()`): a holder from outside the queue
    (tests, benchmarks) takes a slot like any job, in its turn."""

    def __init__(self, work: BoundedWork) -> None:
        self._work = work
        self._keys: list[object] = []

    async def acquire(self) -> None:
        key = object()
        self._keys.append(key)
        ticket = self._work._enqueue(key)
        await ticket.turn

    def release(self) -> None:
        self._work._finished(self._keys.pop(0))


class BoundedWork:
    """A bounded, tracked set of background tasks, fair across users."""

    def __init__(self, *, concurrency: int, max_waiting: int,
                 max_waiting_per_user: int = DEFAULT_MAX_WAITING_PER_USER) -> None:
        self.concurrency = concurrency
        self.max_waiting = max_waiting
        self.max_waiting_per_user = max_waiting_per_user
        self.waiting = 0  # spawned work not yet holding a slot
        self.running = 0  # work holding a slot
        self.refused = 0  # work refused because too much was waiting
        self.refused_user = 0  # work refused because its user had too much waiting
        self.tasks: set[asyncio.Task[None]] = set()
        self.slots = _Slots(self)
        self._users: dict[Hashable, _User] = {}
        self._heap: list[_Ticket] = []
        self._seq = itertools.count()
        self._virtual = 0  # the tag of the job started last

    @property
    def full(self) -> bool:
        return self.waiting >= self.max_waiting

    def refusal(self, key: Hashable = None) -> Refusal | None:
        """Why work for `key` would be refused now (None: it would be taken). `key` None has no per-user cap."""
        if self.full:
            return Refusal.BUSY
        user = self._users.get(key) if key is not None else None
        if user is not None and user.waiting >= self.max_waiting_per_user:
            return Refusal.USER_BUSY
        return None

    def offer(self, coro: Coroutine[Any, Any, None], *, key: Hashable = None) -> Refusal | None:
        """Queue `coro` as work of user `key`; None when taken, else why not (and the work dropped)."""
        why = self.refusal(key)
        if why is not None:
            coro.close()
            if why is Refusal.BUSY:
                self.refused += 1
            else:
                self.refused_user += 1
            return why
        self.track(self._bounded(self._enqueue(key), coro))
        return None

    def spawn(self, coro: Coroutine[Any, Any, None], *, key: Hashable = None) -> bool:
        """Run `coro` when a slot is free (and it is `key`'s turn); False (and the work dropped) when refused."""
        return self.offer(coro, key=key) is None

    def tell_once(self, key: Hashable) -> bool:
        """True the first time it is asked for `key` since that user's queue was last empty: say "one moment"
        once per backlog instead of once per refused message."""
        user = self._users.get(key)
        if user is None or user.told:
            return False
        user.told = True
        return True

    def track(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run `coro` now, outside the slots (short notices), but keep it tracked for `drain()`."""
        task = asyncio.create_task(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def _enqueue(self, key: Hashable) -> _Ticket:
        user = self._users.setdefault(key, _User())
        tag = max(self._virtual, user.finish)
        user.finish = tag + 1
        user.waiting += 1
        self.waiting += 1
        ticket = _Ticket(tag, next(self._seq), key, asyncio.get_running_loop().create_future())
        heapq.heappush(self._heap, ticket)
        self._pump()
        return ticket

    def _pump(self) -> None:
        """Give free slots to the waiting tickets with the smallest tags."""
        while self.running < self.concurrency and self._heap:
            ticket = heapq.heappop(self._heap)
            if ticket.turn.done():  # cancelled while waiting (already counted off)
                continue
            user = self._users[ticket.key]
            user.waiting -= 1
            user.running += 1
            if user.waiting == 0:
                user.told = False
            self.waiting -= 1
            self.running += 1
            self._virtual = max(self._virtual, ticket.tag)
            ticket.turn.set_result(None)

    def _finished(self, key: Hashable) -> None:
        user = self._users[key]
        user.running -= 1
        self.running -= 1
        self._forget_if_idle(key, user)
        self._pump()

    def _forget_if_idle(self, key: Hashable, user: _User) -> None:
        if user.waiting == 0 and user.running == 0:
            del self._users[key]

    async def _bounded(self, ticket: _Ticket, coro: Coroutine[Any, Any, None]) -> None:
        try:
            await ticket.turn
        except asyncio.CancelledError:
            coro.close()
            if ticket.turn.cancelled():  # still waiting: count it off; the heap skips it later
                user = self._users[ticket.key]
                user.waiting -= 1
                self.waiting -= 1
                self._forget_if_idle(ticket.key, user)
            else:  # granted a slot just before the cancellation
                self._finished(ticket.key)
            raise
        try:
            await coro
        finally:
            self._finished(ticket.key)

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
        return {"in_flight": len(self.tasks), "queued": self.waiting, "refused": self.refused,
                "refused_user": self.refused_user}
