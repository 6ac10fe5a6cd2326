"""Who runs the scheduler: APScheduler 3's job store cannot be shared, so when several bot processes use one
PostgreSQL database only the holder of an advisory lock schedules. The lock lives on a dedicated connection
kept open for the process's life; if the process dies, PostgreSQL releases it and another process takes over.
SQLite means one process, which is always the leader."""

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
        if self._conn is None:
            self._conn = self.db.engine.connect()
        got = self._conn.execute(
            text("SELECT pg_try_advisory_lock(hashtext(:name || ':' || current_schema()))"), {"name": LOCK_NAME}
        ).scalar()
        self._conn.commit()
        self.held = bool(got)
        return self.held

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
