"""BoundedWork shares its slots fairly between users: one user's flood of work does not delay anyone else by
more than the job already ahead of them, and past a small per-user queue the flooding user is refused.
Every job here is a controlled coroutine that records when it starts and waits for its own event; nothing
depends on timing."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any

from bot.adapters.work import BoundedWork, Refusal

TIMEOUT = 10.0


class Jobs:
    """Jobs that record their start and run until released."""

    def __init__(self) -> None:
        self.started: list[str] = []
        self.gates: dict[str, asyncio.Event] = {}
        self.changed = asyncio.Event()

    def job(self, name: str) -> Coroutine[Any, Any, None]:
        gate = self.gates[name] = asyncio.Event()

        async def run() -> None:
            self.started.append(name)
            self.changed.set()
            await gate.wait()

        return run()

    async def wait_started(self, count: int) -> None:
        async def until() -> None:
            while len(self.started) < count:
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(until(), TIMEOUT)

    async def finish(self, name: str) -> None:
        """Release job `name` and wait until the next job has started."""
        count = len(self.started)
        self.gates[name].set()
        await self.wait_started(count + 1)


async def test_after_one_user_floods_another_users_job_starts_next() -> None:
    work = BoundedWork(concurrency=1, max_waiting=100, max_waiting_per_user=5)
    jobs = Jobs()
    assert work.spawn(jobs.job("a1"), key="A")
    await jobs.wait_started(1)
    for n in range(2, 7):
        assert work.spawn(jobs.job(f"a{n}"), key="A")
    assert work.spawn(jobs.job("b1"), key="B")
    assert work.spawn(jobs.job("c1"), key="C")

    await jobs.finish("a1")
    assert jobs.started == ["a1", "b1"]  # not behind A's five waiting jobs
    await jobs.finish("b1")
    assert jobs.started == ["a1", "b1", "c1"]
    await jobs.finish("c1")
    assert jobs.started[-1] == "a2"

    # B comes back while A still has a backlog: B is again next after the job in progress.
    assert work.spawn(jobs.job("b2"), key="B")
    await jobs.finish("a2")
    assert jobs.started[-1] == "b2"
    await jobs.finish("b2")
    for n in range(3, 7):
        assert jobs.started[-1] == f"a{n}"  # A's own jobs stay in the order A sent them
        if n < 6:
            await jobs.finish(f"a{n}")
    jobs.gates["a6"].set()
    await work.drain(TIMEOUT)
    assert work.stats() == {"in_flight": 0, "queued": 0, "refused": 0, "refused_user": 0}


async def test_a_user_past_their_queue_is_refused_while_others_are_still_taken() -> None:
    work = BoundedWork(concurrency=2, max_waiting=100, max_waiting_per_user=3)
    jobs = Jobs()
    for n in range(1, 6):  # two start, three wait
        assert work.spawn(jobs.job(f"a{n}"), key="A")
    await jobs.wait_started(2)

    assert work.refusal("A") is Refusal.USER_BUSY
    assert work.offer(jobs.job("a6"), key="A") is Refusal.USER_BUSY
    assert work.tell_once("A") and not work.tell_once("A")  # one "one moment" per backlog
    assert work.refusal("B") is None
    assert work.offer(jobs.job("b1"), key="B") is None
    assert work.stats()["refused_user"] == 1 and work.stats()["queued"] == 4

    await jobs.finish("a1")
    assert jobs.started[-1] == "b1"
    for name in ("a2", "b1", "a3", "a4", "a5"):
        jobs.gates[name].set()
    await work.drain(TIMEOUT)
    assert set(jobs.started) == {"a1", "a2", "a3", "a4", "a5", "b1"}
    # A's backlog is gone: A may queue again and would be told again next time.
    assert work.refusal("A") is None and not work.tell_once("A")


async def test_the_global_bound_still_holds_across_users() -> None:
    work = BoundedWork(concurrency=1, max_waiting=3, max_waiting_per_user=5)
    jobs = Jobs()
    assert work.spawn(jobs.job("a1"), key="A")
    await jobs.wait_started(1)
    for key in ("B", "C", "D"):
        assert work.spawn(jobs.job(key.lower() + "1"), key=key)
    assert work.refusal("E") is Refusal.BUSY
    assert not work.spawn(jobs.job("e1"), key="E")
    assert work.stats()["refused"] == 1
    for gate in jobs.gates.values():
        gate.set()
    await work.drain(TIMEOUT)
    assert jobs.started == ["a1", "b1", "c1", "d1"]


async def test_work_cancelled_while_waiting_gives_its_place_up() -> None:
    work = BoundedWork(concurrency=1, max_waiting=10, max_waiting_per_user=2)
    jobs = Jobs()
    assert work.spawn(jobs.job("a1"), key="A")
    await jobs.wait_started(1)
    assert work.spawn(jobs.job("a2"), key="A")
    assert work.spawn(jobs.job("b1"), key="B")
    await asyncio.sleep(0)  # let the queued tasks reach their wait
    waiting = list(work.tasks)  # a1 running, a2 and b1 waiting
    for task in waiting:
        task.cancel()
    await asyncio.gather(*waiting, return_exceptions=True)
    assert work.stats()["queued"] == 0 and work.running == 0
    assert work.spawn(jobs.job("c1"), key="C")
    await jobs.wait_started(2)
    assert jobs.started == ["a1", "c1"]
    jobs.gates["c1"].set()
    await work.drain(TIMEOUT)
