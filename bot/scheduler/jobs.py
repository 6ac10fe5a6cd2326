"""The functions APScheduler runs. Jobs are stored pickled in the database, so they reference these
module-level functions with simple arguments (a reminder id) and find the running services through
`runtime()`, never through pickled objects."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.scheduler.component import SchedulerComponent

log = logging.getLogger(__name__)
_RUNTIME: list[SchedulerComponent] = []


def register(component: SchedulerComponent) -> None:
    """Make `component` the one the jobs of this process use (the scheduler does this when it starts)."""
    _RUNTIME[:] = [component]


def unregister(component: SchedulerComponent) -> None:
    if _RUNTIME and _RUNTIME[0] is component:
        _RUNTIME.clear()


def runtime() -> SchedulerComponent:
    """The running scheduler component; a job firing without one is a bug in start-up order."""
    if not _RUNTIME:
        raise RuntimeError("no scheduler component is running in this process")
    return _RUNTIME[0]


async def run_reminder(reminder_id: int) -> None:
    """Fan out one run of a reminder into the outbox (the worker delivers it)."""
    from handlers.reminders import fan_out_reminder

    component = runtime()
    count = await fan_out_reminder(component.services, reminder_id=reminder_id, now=component.now())
    log.info("reminder %s: %s message(s) queued", reminder_id, count)
    component.worker.wake()


async def prune_old_rows() -> None:
    """Daily: delete question logs, processed event ids and delivered outbox rows past the retention period."""
    from bot.store import crud, crud_schedule

    component = runtime()
    days = component.services.settings.retention_days
    removed = await component.services.db.run(crud.prune, older_than_days=days)
    removed["outbox"] = await component.services.db.run(crud_schedule.prune_outbox, older_than_days=days)
    log.info("pruned rows older than %s days: %s", days, removed)


async def nudge_unacknowledged() -> None:
    """Hourly: remind users who have not acknowledged an announcement with a nudge period that has passed."""
    from handlers.announcements import send_nudges

    component = runtime()
    count = await send_nudges(component.services, now=component.now())
    if count:
        log.info("nudges queued: %s", count)
        component.worker.wake()
