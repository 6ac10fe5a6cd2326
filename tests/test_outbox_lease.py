"""Outbox leases: a worker renews the lease of the rows it holds, so a slow send is never taken for a dead
worker's; a row whose lease ran out is taken over at once; migration 0004 gives rows claimed by the previous
version the five minutes that version waited; `smm serve`'s worker has Slack's history check."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from pydantic import SecretStr
from sqlalchemy import insert, select

from bot.app import BotApp, build_app, build_core
from bot.config import Settings
from bot.core.messenger import Messenger
from bot.core.types import Reply, Target, Text
from bot.scheduler.component import SchedulerComponent
from bot.scheduler.outbox import OutboxWorker, WorkerOptions
from bot.scheduler.payload import reply_to_json
from bot.scheduler.slack_verify import SlackHistoryVerifier
from bot.store import crud_schedule
from bot.store.crud_schedule import OUTBOX
from bot.store.db import Database
from bot.store.models import utcnow


def rows(n: int) -> list[dict[str, str]]:
    payload = reply_to_json(Reply([Text("hello")], "en", summary="hello"))
    return [{"idempotency_key": f"ann:1:slack:U{i}", "platform": "slack", "target_kind": "user",
             "target_id": f"U{i}", "payload": payload} for i in range(n)]


class SlowSender:
    """A Slack sender whose sends wait until the test lets them finish."""

    platform = "slack"

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.finish = asyncio.Event()
        self.sent: list[str] = []

    async def send(self, target: Target, reply: Reply) -> str | None:
        self.started.set()
        await self.finish.wait()
        self.sent.append(target.id)
        return None


def core(url: str, policy_dir: Path) -> BotApp:
    return build_core(Settings(_env_file=None, database_url=url, policy_dir=policy_dir))


async def test_a_live_worker_keeps_its_rows_while_a_send_outlasts_the_lease(database_url: str,
                                                                            policy_dir: Path) -> None:
    app = core(database_url, policy_dir)
    db = app.services.db
    try:
        sender = SlowSender()
        messenger = Messenger()
        messenger.register(sender)
        db.call(crud_schedule.enqueue, rows=rows(1))
        worker = OutboxWorker(db, messenger, WorkerOptions(rates={"slack": 100.0}, lease=1.0))
        drained = asyncio.ensure_future(worker.drain(timeout=60))
        await asyncio.wait_for(sender.started.wait(), 30)
        # Three leases long, the send is still in flight: renewals keep the row this worker's.
        for _ in range(3):
            await asyncio.sleep(1.0)
            assert db.call(crud_schedule.claim_stale, limit=10) == [], "a live worker's row was taken over"
        sender.finish.set()
        await asyncio.wait_for(drained, 60)
        assert sender.sent == ["U0"]
        assert db.call(crud_schedule.outbox_counts) == {"sent": 1}
    finally:
        db.dispose()


async def test_a_dead_workers_expired_lease_is_taken_over_at_once(database_url: str, policy_dir: Path) -> None:
    app = core(database_url, policy_dir)
    db = app.services.db
    try:
        # Queued and claimed by a worker with a 30 s lease, which died 31 s ago.
        then = utcnow() - timedelta(seconds=31)
        db.call(crud_schedule.enqueue, rows=rows(3), now=then)
        assert len(db.call(crud_schedule.claim, limit=3, now=then, lease=timedelta(seconds=30))) == 3
        messenger = Messenger()
        sender = SlowSender()
        sender.finish.set()
        messenger.register(sender)
        worker = OutboxWorker(db, messenger, WorkerOptions(rates={"slack": 100.0}, lease=30.0))
        assert await worker.run_once() == 6  # the first pass: 3 reconciled, then the same 3 sent
        assert sorted(sender.sent) == ["U0", "U1", "U2"]
        assert worker.stats.reconciled == 3
        assert db.call(crud_schedule.outbox_counts) == {"sent": 3}
    finally:
        db.dispose()


def test_migration_gives_rows_claimed_without_a_lease_the_old_five_minutes(database_url: str) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text

    from bot.store.db import MIGRATIONS

    db = Database(database_url)
    try:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["engine"] = db.engine
        command.upgrade(config, "0003_escalations")
        old = Table("outbox", MetaData(), Column("id", Integer, primary_key=True),
                    Column("idempotency_key", String), Column("platform", String), Column("target_kind", String),
                    Column("target_id", String), Column("payload", Text), Column("state", String),
                    Column("attempts", Integer), Column("next_attempt_at", DateTime(timezone=True)),
                    Column("claimed_at", DateTime(timezone=True)), Column("created_at", DateTime(timezone=True)))
        claimed = utcnow() - timedelta(seconds=60)
        with db.engine.begin() as conn:
            conn.execute(insert(old), [
                {"idempotency_key": key, "platform": "slack", "target_kind": "user", "target_id": key,
                 "payload": "{}", "state": state, "attempts": 1, "next_attempt_at": claimed,
                 "claimed_at": claimed if state == "sending" else None, "created_at": claimed}
                for key, state in (("in-flight", "sending"), ("waiting", "pending"))])
        command.upgrade(config, "head")
        with db.engine.connect() as conn:
            leases = dict(conn.execute(select(OUTBOX.c.idempotency_key, OUTBOX.c.lease_until)).all())
        assert leases["waiting"] is None
        assert abs((leases["in-flight"] - claimed).total_seconds() - 300) < 1
        # Not taken over now (the old version might still be sending it), but after the five minutes.
        assert db.call(crud_schedule.claim_stale, limit=10) == []
        later = utcnow() + timedelta(seconds=250)
        assert [r.key for r in db.call(crud_schedule.claim_stale, limit=10, now=later)] == ["in-flight"]
    finally:
        db.dispose()


def test_smm_serve_composes_its_outbox_worker_with_slacks_history_check(tmp_path: Path, policy_dir: Path) -> None:
    settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp_path / 'serve.db'}", policy_dir=policy_dir,
                        slack_bot_token=SecretStr("xoxb-test"), slack_signing_secret=SecretStr("secret"),
                        slack_api_url="http://127.0.0.1:9/api/", outbox_lease_seconds=12)
    app = build_app(settings)
    try:
        scheduler = next(c for c in app.components if isinstance(c, SchedulerComponent))
        assert isinstance(scheduler.worker.verifiers.get("slack"), SlackHistoryVerifier)
        assert scheduler.worker.options.lease == 12
        assert scheduler.worker.metrics is app.metrics
    finally:
        app.services.db.dispose()
