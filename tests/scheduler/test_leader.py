"""The scheduler leader notices when its advisory lock's connection is gone and takes the lock again
(PostgreSQL only: on SQLite the one process is always the leader)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from scheduler_support import make_bot, wait_for
from sqlalchemy import create_engine, text

from bot.scheduler.component import SchedulerComponent
from bot.scheduler.leader import LOCK_NAME
from bot.scheduler.outbox import WorkerOptions

LOCK_KEY = "hashtext(:name || ':' || current_schema())"


async def test_leader_loses_and_regains_the_lock_when_its_connection_dies(postgres_url: str, policy_dir: Path,
                                                                          running) -> None:
    bot = make_bot(postgres_url, policy_dir)
    other_engine = create_engine(postgres_url)
    other = other_engine.connect()
    try:
        component = SchedulerComponent(bot.services, options=WorkerOptions(poll_interval=0.05), run_worker=False,
                                       sync_interval=0.1)
        running.append(component)
        await component.start()
        assert component.is_leader and component.lock.held
        first = component.scheduler
        pid = component.lock._conn.execute(text("SELECT pg_backend_pid()")).scalar()
        component.lock._conn.commit()

        # Another process waits for the lock; the leader's connection is killed, so the other one gets it.
        waiting = asyncio.create_task(asyncio.to_thread(
            lambda: (other.execute(text(f"SELECT pg_advisory_lock({LOCK_KEY})"), {"name": LOCK_NAME}), other.commit())))
        await asyncio.sleep(0.2)
        with other_engine.connect() as killer:
            assert killer.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid}).scalar()
            killer.commit()
        await asyncio.wait_for(waiting, timeout=10)
        await wait_for(lambda: not component.is_leader and not component.lock.held)
        assert component.health()["leader"] is False and component.health()["jobs"] is None

        # The other process lets go: the first takes the lock again on a new connection and schedules again.
        other.execute(text(f"SELECT pg_advisory_unlock({LOCK_KEY})"), {"name": LOCK_NAME})
        other.commit()
        await wait_for(lambda: component.is_leader and component.lock.held)
        assert component.scheduler is not first
        await wait_for(lambda: (component.health()["jobs"] or 0) >= 2)
    finally:
        other.close()
        other_engine.dispose()
        for component in list(running):
            await component.stop()
            running.remove(component)
        bot.app.services.db.dispose()
