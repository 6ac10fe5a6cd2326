"""Who runs the scheduler: APScheduler 3's job store cannot be shared, so when several bot processes use one
PostgreSQL database only the holder of an advisory lock schedules. The lock lives on a dedicated connection
kept open for the process's life; if the process dies, PostgreSQL releases it and another process takes over.
SQLite means one process, which is always the leader.

A lock is only as good as its connection: when that drops (database restart, network, a terminated backend)
PostgreSQL has released the lock and another process may take it. The scheduler therefore calls `verify()`
on every pass of its leadership loop (in a worker thread); when it fails the process stops scheduling and
`try_acquire()` opens a new connection and tries again."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import text

from bot.store.db import Database

log = logging.getLogger(__name__)
LOCK_NAME = "smm-scheduler"


class LeaderLock:
    """`pg_try_advisory_lock` on a key derived from the lock name and the current schema (so separate
    schemas, e.g. test schemas, do not contend)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._conn: Any = None
        self.held = False

    def try_acquire(self) -> bool:
        """Take the lock if free; True when this process is (now) the leader."""
        if self.held:
            return True
        if not self.db.is_postgres:
            self.held = True
            return True
        try:
            if self._conn is None:
                self._conn = self.db.engine.connect()
            got = self._conn.execute(
                text("SELECT pg_try_advisory_lock(hashtext(:name || ':' || current_schema()))"), {"name": LOCK_NAME}
            ).scalar()
            self._conn.commit()
        except Exception:
            log.warning("could not try the scheduler lock (database unreachable?); will try again", exc_info=True)
            self._drop_connection()
            return False
        self.held = bool(got)
        return self.held

    def verify(self) -> bool:
        """Whether this process still holds the lock: its connection answers and still has an advisory lock
        granted (it takes no other). On failure the connection is dropped and `held` is False."""
        if not self.held:
            return False
        if not self.db.is_postgres:
            return True
        try:
            count = self._conn.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()"
            )).scalar()
            self._conn.commit()
        except Exception:
            log.warning("the scheduler lock's connection failed; the lock is lost", exc_info=True)
            self._drop_connection()
            return False
        if not count:
            log.warning("the scheduler lock is no longer held by this process's connection")
            self._drop_connection()
            return False
        return True

    def _drop_connection(self) -> None:
        conn, self._conn = self._conn, None
        self.held = False
        if conn is not None:
            try:
                conn.invalidate()
                conn.close()
            except Exception:
                log.debug("closing the broken lock connection failed", exc_info=True)

    def release(self) -> None:
        if self._conn is not None:
            try:
                if self.held:
                    self._conn.execute(text("SELECT pg_advisory_unlock(hashtext(:name || ':' || current_schema()))"),
                                       {"name": LOCK_NAME})
                    self._conn.commit()
            except Exception:
                log.warning("could not release the scheduler lock cleanly; closing its connection releases it")
            finally:
                self._conn.close()
                self._conn = None
        self.held = False
