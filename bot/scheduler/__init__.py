"""The scheduled side: reminders and tips, policy announcements, and the outbox that delivers them.

`component.SchedulerComponent` runs in every `smm serve`: the APScheduler instance (only in the process that
holds the leader lock) and an outbox worker (in every process). Jobs are module-level functions in `jobs.py`
with simple arguments; they find the running services through `jobs.runtime()`.
"""
