"""The scheduler component of `smm serve`: APScheduler (leader only) plus an outbox worker (every process).

The `reminder` table is the truth; the leader keeps APScheduler's jobs in step with it (at start, after a
change made in this process, and every `sync_interval` seconds for changes made by other processes). Jobs
are stored in the database by APScheduler's SQLAlchemyJobStore, with coalesce=True and a generous
misfire_grace_time, so after downtime a missed run is sent once, late, not several times.

The job store is synchronous, so everything that touches it (starting the scheduler, syncing jobs, counting
them, and APScheduler's own look-up of due jobs at each wake-up) runs on the database's threads
(`Database.run_blocking`), never on the event loop: a database that stops answering cannot stall the bot.
Each pass of the leadership loop also checks that the advisory lock's connection is still alive: a leader
whose connection dropped has lost the lock, so it stops scheduling at once and tries to take the lock again
on a new connection.
`health()` (every /healthz) only reads values that pass stored.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot.config import Settings
from bot.core.metrics import Metrics
from bot.core.services import Services
from bot.scheduler import jobs
from bot.scheduler.cron import parse_cron
from bot.scheduler.leader import LeaderLock
from bot.scheduler.outbox import DeliveryVerifier, OutboxWorker, WorkerOptions
from bot.store import crud_schedule
from bot.store.db import Database, DatabaseUnavailable
from bot.store.models import utcnow

if TYPE_CHECKING:
    from apscheduler.schedulers.asyncio import AsyncIOScheduler

    from bot.app import BotApp

log = logging.getLogger(__name__)

REMINDER_JOB = "reminder:{id}"
PRUNE_JOB = "system:prune"
NUDGE_JOB = "system:nudge"
MISFIRE_GRACE_SECONDS = 3 * 24 * 3600  # a reminder missed over a long weekend is still sent, once


class SchedulerComponent:
    """Runs jobs and delivers the outbox. `clock` is injectable so tests need not wait for real time."""

    name = "scheduler"

    def __init__(self, services: Services, *, options: WorkerOptions | None = None,
                 verifiers: dict[str, DeliveryVerifier] | None = None,
                 clock: Callable[[], datetime] | None = None, sync_interval: float = 30.0,
                 run_worker: bool = True, metrics: Metrics | None = None,
                 worker: OutboxWorker | None = None) -> None:
        self.services = services
        self.metrics = metrics
        self.worker = worker or OutboxWorker(services.db, services.messenger, options, verifiers, metrics=metrics)
        self.lock = LeaderLock(services.db)
        self.scheduler: AsyncIOScheduler | None = None
        self.clock = clock
        self.sync_interval = sync_interval
        self.run_worker = run_worker
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._job_count: int | None = None
        self._outbox_waiting: int | None = None
        services.extras["scheduler"] = self

    def now(self) -> datetime:
        return self.clock() if self.clock is not None else utcnow()

    @property
    def is_leader(self) -> bool:
        return self.scheduler is not None

    # Component protocol -------------------------------------------------------------------------------------

    def routes(self) -> list[web.RouteDef]:
        return []

    async def start(self) -> None:
        jobs.register(self)
        self._stop = asyncio.Event()
        if self.run_worker:
            self._tasks.append(asyncio.create_task(self.worker.run(self._stop)))
        self._tasks.append(asyncio.create_task(self._leadership_loop()))
        # Become leader right away when the lock is free, so jobs are in place when start() returns.
        with contextlib.suppress(DatabaseUnavailable):
            if await self.services.db.run_blocking(self.lock.try_acquire):
                await self._start_scheduler()
        with contextlib.suppress(Exception):
            await self._refresh_outbox_figures()

    async def stop(self) -> None:
        self._stop.set()
        self._stop_scheduler()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._tasks.clear()
        with contextlib.suppress(DatabaseUnavailable):
            await self.services.db.run_blocking(self.lock.release)
        for verifier in self.worker.verifiers.values():
            close = getattr(verifier, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):
                    await close()
        jobs.unregister(self)

    def health(self) -> dict[str, Any]:
        """Figures for /healthz, without touching the database (the leadership loop refreshes them)."""
        return {"leader": self.is_leader, "jobs": self._job_count if self.is_leader else None,
                "outbox_waiting": self._outbox_waiting,
                "sent": self.worker.stats.sent, "failed": self.worker.stats.failed}

    # Scheduling ---------------------------------------------------------------------------------------------

    async def _start_scheduler(self) -> None:
        from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore

        timezone = self.services.policy.pack.company.timezone
        scheduler = _off_loop_scheduler(
            self.services.db,
            jobstores={"default": SQLAlchemyJobStore(engine=self.services.db.engine)},
            job_defaults={"coalesce": True, "misfire_grace_time": MISFIRE_GRACE_SECONDS, "max_instances": 1},
            timezone=timezone, event_loop=asyncio.get_running_loop(),
        )
        await self.services.db.run_blocking(scheduler.start)  # creates the job table when needed
        self.scheduler = scheduler
        log.info("this process holds the scheduler lock and runs the scheduler (%s)", timezone)
        await self.sync_jobs()

    def _stop_scheduler(self) -> None:
        scheduler, self.scheduler = self.scheduler, None
        self._job_count = None
        if scheduler is not None:
            with contextlib.suppress(Exception):
                scheduler.shutdown(wait=False)

    async def _leadership_loop(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stop.wait(), timeout=self.sync_interval)
            if self._stop.is_set():
                return
            await self.leadership_pass()

    async def leadership_pass(self) -> None:
        """One pass: make sure a leader still holds its lock (else stop scheduling), take the lock when free,
        sync the leader's jobs, refresh the figures health() and the metrics show."""
        db = self.services.db
        try:
            if self.scheduler is not None and not await db.run_blocking(self.lock.verify):
                log.warning("the scheduler lock's database connection was lost: this process stops scheduling "
                            "and tries to take the lock again")
                self._stop_scheduler()
            if self.scheduler is None:
                if await db.run_blocking(self.lock.try_acquire):
                    await self._start_scheduler()
            else:
                await self.sync_jobs()
        except DatabaseUnavailable as exc:
            log.warning("scheduler pass skipped: %s", exc)
        except Exception:
            log.exception("scheduler leadership/sync pass failed")
        try:
            await self._refresh_outbox_figures()
        except DatabaseUnavailable:
            pass
        except Exception:
            log.warning("could not count the outbox rows", exc_info=True)

    async def _refresh_outbox_figures(self) -> None:
        counts = await self.services.db.run(crud_schedule.outbox_counts)
        self._outbox_waiting = counts.get("pending", 0) + counts.get("sending", 0)
        if self.metrics is not None:
            self.metrics.outbox_pending.set(self._outbox_waiting)

    async def sync_jobs(self) -> None:
        """Bring APScheduler's jobs in line with the reminder table (and add the system jobs). Existing jobs
        are kept as they are, so a run missed during downtime is not lost by re-adding the job."""
        scheduler = self.scheduler
        if scheduler is None:
            return
        reminders = await self.services.db.run(crud_schedule.list_reminders)
        self._job_count = await self.services.db.run_blocking(partial(self._sync_blocking, scheduler, reminders))

    @staticmethod
    def _sync_blocking(scheduler: AsyncIOScheduler, reminders: list[Any]) -> int:
        """The job store work of sync_jobs, in a worker thread; returns how many jobs there are afterwards."""
        from apscheduler.triggers.cron import CronTrigger
        from apscheduler.triggers.interval import IntervalTrigger

        existing = {job.id: job for job in scheduler.get_jobs()}
        wanted = set()
        for reminder in reminders:
            job_id = REMINDER_JOB.format(id=reminder.id)
            wanted.add(job_id)
            job = existing.get(job_id)
            if job is None:
                try:
                    trigger = parse_cron(reminder.cron, reminder.timezone)
                except ValueError:
                    log.warning("reminder %s has an invalid schedule; not scheduled", reminder.id)
                    continue
                job = scheduler.add_job(jobs.run_reminder, trigger, args=[reminder.id], id=job_id,
                                        name=f"reminder {reminder.id}")
            if reminder.paused and job.next_run_time is not None:
                scheduler.pause_job(job_id)
            elif not reminder.paused and job.next_run_time is None:
                scheduler.resume_job(job_id)
        for job_id in existing:
            if job_id.startswith("reminder:") and job_id not in wanted:
                scheduler.remove_job(job_id)
        if PRUNE_JOB not in existing:
            scheduler.add_job(jobs.prune_old_rows, CronTrigger(hour=3, minute=30), id=PRUNE_JOB, name="prune")
        if NUDGE_JOB not in existing:
            scheduler.add_job(jobs.nudge_unacknowledged, IntervalTrigger(hours=1), id=NUDGE_JOB, name="nudges")
        return len(scheduler.get_jobs())

    async def next_run(self, reminder_id: int) -> datetime | None:
        """When a reminder fires next, when this process runs the scheduler."""
        scheduler = self.scheduler
        if scheduler is None:
            return None
        job = await self.services.db.run_blocking(partial(scheduler.get_job, REMINDER_JOB.format(id=reminder_id)))
        return job.next_run_time if job is not None else None


def scheduler_component(bot: BotApp, *, worker: OutboxWorker | None = None) -> SchedulerComponent:
    """The factory `bot.app.component_factories()` lists: the scheduler runs in every `smm serve`, with the
    outbox worker the composition root builds (`bot.app.build_outbox_worker`)."""
    return SchedulerComponent(bot.services, options=worker_options(bot.settings), metrics=bot.metrics,
                              verifiers=delivery_verifiers(bot.settings) if worker is None else None, worker=worker)


def worker_options(settings: Settings) -> WorkerOptions:
    """Send rates from Settings.send_rates (SMM_SEND_RATES, "slack=10,teams=7"), for operators who know their
    workspace's limits, and the lease from SMM_OUTBOX_LEASE_SECONDS."""
    from bot.scheduler.ratelimit import parse_rates

    options = WorkerOptions(lease=settings.outbox_lease_seconds)
    if settings.send_rates.strip():
        options.rates.update(parse_rates(settings.send_rates))
    return options


def delivery_verifiers(settings: Settings) -> dict[str, DeliveryVerifier]:
    """Per platform, the check of whether a message a dead worker left in flight arrived: Slack's history
    (when a bot token is set). Teams has none, so its in-flight messages may arrive twice after a crash."""
    verifiers: dict[str, DeliveryVerifier] = {}
    if settings.slack_bot_token is not None:
        from bot.scheduler.slack_verify import SlackHistoryVerifier

        verifiers["slack"] = SlackHistoryVerifier(settings.slack_bot_token.get_secret_value(), settings.slack_api_url)
    return verifiers


def _off_loop_scheduler(db: Database, **config: Any) -> AsyncIOScheduler:
    """An AsyncIOScheduler whose wake-ups (the job store's look-up of due jobs: database work) run on the
    database's threads instead of the event loop, and whose coroutine jobs are still started on the loop."""
    from apscheduler.executors.asyncio import AsyncIOExecutor
    from apscheduler.schedulers.asyncio import AsyncIOScheduler, run_in_event_loop

    retry_seconds = 5.0

    class LoopExecutor(AsyncIOExecutor):
        def _do_submit_job(self, job: Any, run_times: Any) -> None:
            # Called from a database thread during a wake-up: create the job's task on the loop.
            self._eventloop.call_soon_threadsafe(super()._do_submit_job, job, run_times)

    class OffLoopScheduler(AsyncIOScheduler):
        _processing = False
        _again = False

        def _create_default_executor(self) -> Any:
            return LoopExecutor()

        @run_in_event_loop
        def wakeup(self) -> None:
            self._stop_timer()
            if self._processing:
                self._again = True
                return
            self._processing, self._again = True, False
            task = asyncio.ensure_future(db.run_blocking(self._process_jobs))
            task.add_done_callback(self._processed)

        def _processed(self, task: asyncio.Future[Any]) -> None:
            self._processing = False
            if not self.running or self._eventloop is None:
                return
            if task.cancelled() or task.exception() is not None:
                if not task.cancelled():
                    log.warning("scheduler wake-up failed (%s); retrying in %g s",
                                type(task.exception()).__name__, retry_seconds)
                wait: float | None = retry_seconds
            else:
                wait = task.result()
            self._start_timer(0 if self._again else wait)

    return OffLoopScheduler(**config)
