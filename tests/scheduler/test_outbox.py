"""The outbox: idempotent fan-out, rate-limited delivery, retry on 429, permanent failures, stale rows."""

from __future__ import annotations

import time
from datetime import timedelta

from scheduler_support import Bot

from bot.core.messenger import DeliveryError
from bot.core.types import Reply, Target, Text
from bot.scheduler.outbox import OutboxWorker, WorkerOptions
from bot.scheduler.payload import reply_from_json, reply_to_json
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


async def test_rate_limit_spreads_sends(bot_factory) -> None:
    bot: Bot = bot_factory()
    bot.services.db.call(crud_schedule.enqueue, rows=rows(60))
    worker = OutboxWorker(bot.services.db, bot.services.messenger, WorkerOptions(rates={"slack": 100.0}))
    started = time.monotonic()
    await worker.drain()
    elapsed = time.monotonic() - started
    assert len(bot.slack.sent) == 60
    assert elapsed >= 0.45  # 60 messages at 100/s with a burst of 10


class HistoryVerifier:
    def __init__(self, delivered: set[str]) -> None:
        self.delivered_ids = delivered

    async def delivered(self, target: Target, reply: Reply) -> bool | None:
        return target.id in self.delivered_ids


async def test_stale_sending_rows_are_reconciled(bot_factory) -> None:
    bot: Bot = bot_factory()
    bot.services.db.call(crud_schedule.enqueue, rows=rows(4))
    claimed = bot.services.db.call(crud_schedule.claim, limit=4)  # a worker claimed them, then died
    assert len(claimed) == 4
    options = WorkerOptions(rates={"slack": 1000.0}, stale_after=0.0)
    worker = OutboxWorker(bot.services.db, bot.services.messenger, options,
                          verifiers={"slack": HistoryVerifier({"U0", "U1"})})
    await worker.drain()
    assert sorted(t.id for t, _ in bot.slack.sent) == ["U2", "U3"]  # U0 and U1 had arrived already
    assert bot.services.db.call(crud_schedule.outbox_counts) == {"sent": 4}
    assert bot.services.db.call(crud_schedule.claim_stale, older_than=timedelta(0), limit=10) == []


def test_payload_round_trip() -> None:
    from bot.core.types import Actions, Bullets, Button, Divider, Fields, SourceLink, Sources

    reply = Reply([Text("a", style="heading"), Bullets(("x", "y")), Fields((("k", "v"),)),
                   Sources("S", (SourceLink("id", "T"),)), Actions((Button("smm.ack:v1", "OK", "v1"),)), Divider()],
                  "nl", summary="s", metadata={"announcement": 3})
    back = reply_from_json(reply_to_json(reply))
    assert back.elements == reply.elements and back.language == "nl" and back.metadata == {"announcement": 3}
