"""The outbox: idempotent fan-out, rate-limited delivery, retry on 429, permanent failures, stale rows."""

from __future__ import annotations

import asyncio
import bisect
import time
from datetime import timedelta

from scheduler_support import Bot

from bot.core.messenger import DeliveryError
from bot.core.types import Reply, Target, Text
from bot.scheduler.outbox import OutboxWorker, WorkerOptions
from bot.scheduler.payload import reply_from_json, reply_to_json
from bot.scheduler.ratelimit import SlidingWindow
from bot.store import crud_schedule


def rows(n: int, prefix: str = "ann:1") -> list[dict[str, str]]:
    payload = reply_to_json(Reply([Text("hello")], "en", summary="hello"))
    return [{"idempotency_key": f"{prefix}:slack:U{i}", "platform": "slack", "target_kind": "user",
             "target_id": f"U{i}", "payload": payload} for i in range(n)]


class FlakySender:
    """Answers 429 once for U1 and 'user_not_found' for U2; records the rest."""

    platform = "slack"

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.limited = False

    async def send(self, target: Target, reply: Reply) -> str | None:
        if target.id == "U1" and not self.limited:
            self.limited = True
            raise DeliveryError("Slack rate limit", retry_after=0.2)
        if target.id == "U2":
            raise DeliveryError("user_not_found", permanent=True)
        self.sent.append(target.id)
        return None


def test_fan_out_twice_inserts_once(bot_factory) -> None:
    bot: Bot = bot_factory()
    assert bot.services.db.call(crud_schedule.enqueue, rows=rows(50)) == 50
    assert bot.services.db.call(crud_schedule.enqueue, rows=rows(60)) == 10
    assert bot.services.db.call(crud_schedule.outbox_counts) == {"pending": 60}


async def test_retry_after_and_permanent_failure(bot_factory) -> None:
    bot: Bot = bot_factory()
    sender = FlakySender()
    bot.services.messenger.register(sender)
    bot.services.db.call(crud_schedule.enqueue, rows=rows(5))
    worker = OutboxWorker(bot.services.db, bot.services.messenger, WorkerOptions(rates={"slack": 1000.0}))
    await worker.drain()
    started = time.monotonic()
    while "U1" not in sender.sent and time.monotonic() - started < 3:
        await worker.drain()
    assert sorted(sender.sent) == ["U0", "U1", "U3", "U4"]
    assert bot.services.db.call(crud_schedule.outbox_counts) == {"sent": 4, "failed": 1}


async def test_rate_limit_keeps_every_one_second_window_within_the_rate(bot_factory) -> None:
    bot: Bot = bot_factory()
    stamps: list[float] = []
    original = bot.slack.send

    async def send(target: Target, reply: Reply) -> str | None:
        stamps.append(time.monotonic())
        return await original(target, reply)

    bot.slack.send = send  # type: ignore[method-assign]
    bot.services.db.call(crud_schedule.enqueue, rows=rows(130))
    worker = OutboxWorker(bot.services.db, bot.services.messenger, WorkerOptions(rates={"slack": 50.0}))
    started = time.monotonic()
    await worker.drain()
    elapsed = time.monotonic() - started
    assert len(bot.slack.sent) == 130
    assert elapsed >= 2.0  # 50 at once, 50 a second later, the last 30 a second after that
    assert max(bisect.bisect_left(stamps, t + 1.0) - i for i, t in enumerate(stamps)) <= 50


async def test_sliding_window_waits_for_answers_and_pauses() -> None:
    limit = SlidingWindow(rate=2, window=0.2)  # below one per window: one slot per half second
    assert (limit.capacity, limit.window) == (1, 0.5)
    limit = SlidingWindow(rate=20, window=0.1)
    for _ in range(2):
        await limit.acquire()
    waiter = asyncio.ensure_future(limit.acquire())
    await asyncio.sleep(0.15)
    assert not waiter.done()  # both slots are still in flight: no answer, no slot
    limit.release()
    await asyncio.sleep(0.05)
    assert not waiter.done()  # answered, but free only one window after the answer
    await asyncio.wait_for(waiter, 0.2)
    limit.release()
    limit.release()
    limit.pause(0.3)
    started = time.monotonic()
    await limit.acquire()
    assert time.monotonic() - started >= 0.29


class HistoryVerifier:
    def __init__(self, delivered: set[str]) -> None:
        self.delivered_ids = delivered

    async def delivered(self, target: Target, reply: Reply) -> bool | None:
        return target.id in self.delivered_ids


async def test_stale_sending_rows_are_reconciled(bot_factory) -> None:
    bot: Bot = bot_factory()
    bot.services.db.call(crud_schedule.enqueue, rows=rows(4))
    # A worker claimed them, then died; its lease has run out.
    claimed = bot.services.db.call(crud_schedule.claim, limit=4, lease=timedelta(0))
    assert len(claimed) == 4
    options = WorkerOptions(rates={"slack": 1000.0})
    worker = OutboxWorker(bot.services.db, bot.services.messenger, options,
                          verifiers={"slack": HistoryVerifier({"U0", "U1"})})
    await worker.drain()
    assert sorted(t.id for t, _ in bot.slack.sent) == ["U2", "U3"]  # U0 and U1 had arrived already
    assert bot.services.db.call(crud_schedule.outbox_counts) == {"sent": 4}
    assert bot.services.db.call(crud_schedule.claim_stale, limit=10) == []


def test_payload_round_trip() -> None:
    from bot.core.types import Actions, Bullets, Button, Divider, Fields, SourceLink, Sources

    reply = Reply([Text("a", style="heading"), Bullets(("x", "y")), Fields((("k", "v"),)),
                   Sources("S", (SourceLink("id", "T"),)), Actions((Button("smm.ack:v1", "OK", "v1"),)), Divider()],
                  "nl", summary="s", metadata={"announcement": 3})
    back = reply_from_json(reply_to_json(reply))
    assert back.elements == reply.elements and back.language == "nl" and back.metadata == {"announcement": 3}
