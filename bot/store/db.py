"""The database handle: engine, sessions, migrations, and running data access off the event loop.

A database that stops answering must not silence the bot (docs/admin.md, "When the database is unreachable"):

* every wait is bounded: the connect timeout, PostgreSQL's `statement_timeout`, TCP keepalives and
  `tcp_user_timeout` (a dead network path breaks the connection instead of hanging it), the pool's checkout
  timeout, SQLite's busy timeout, and an overall timeout per call;
* data access runs on its own bounded thread pool, never on asyncio's default one, which the answer and
  review engines use; a call that hangs ties up one database thread, not the bot;
* a call that runs long starts a probe (`SELECT 1` on a fresh connection, on a thread of its own); when the
  probe fails or does not answer in time the database is marked unavailable, and from then on calls fail at
  once with `DatabaseUnavailable` (the dispatcher answers what it can without the database) while probes,
  at most one at a time, find out when it is back;
* `check()` (for /healthz) answers from the last probe, or probes with a short timeout: it never hangs.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.pool import NullPool
from sqlmodel import Session, create_engine

T = TypeVar("T")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
log = logging.getLogger(__name__)


class DatabaseUnavailable(Exception):
    """The database did not answer in time, or is known to be unreachable: degrade instead of waiting."""


@dataclass(frozen=True)
class DatabaseOptions:
    """Time limits and the size of the database thread pool (from Settings, `SMM_DATABASE_*`)."""

    connect_timeout: float = 5.0
    statement_timeout: float = 15.0  # PostgreSQL statement_timeout; SQLite's busy timeout
    pool_timeout: float = 5.0  # waiting for a pooled connection
    call_timeout: float = 30.0  # one data-access call, including the wait for a thread
    threads: int = 8
    slow_call: float = 2.0  # a call running longer than this makes the database be probed
    probe_timeout: float = 2.0  # a probe not answered within this means the database is unreachable
    probe_interval: float = 5.0  # how old a probe's answer may be when check() is asked

    @classmethod
    def from_settings(cls, settings: Any) -> DatabaseOptions:
        return cls(connect_timeout=settings.database_connect_timeout,
                   statement_timeout=settings.database_statement_timeout,
                   pool_timeout=settings.database_pool_timeout, call_timeout=settings.database_call_timeout,
                   threads=settings.database_threads)


def _sqlite_pragmas(busy_timeout_ms: int) -> Callable[[Any, Any], None]:
    def pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")  # with WAL: durable across crashes of the process, fewer fsyncs
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms:d}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return pragmas


def _postgres_connect_args(url: Any, options: DatabaseOptions) -> dict[str, Any]:
    """libpq parameters that bound every wait on the network (psycopg passes them to libpq)."""
    statement = f"-c statement_timeout={int(options.statement_timeout * 1000)}"
    existing = url.query.get("options")
    if isinstance(existing, tuple):
        existing = " ".join(existing)
    return {
        "connect_timeout": max(2, round(options.connect_timeout)),  # libpq: whole seconds, at least 2
        "options": f"{existing} {statement}" if existing else statement,
        "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 5, "keepalives_count": 3,
        # Sent data not acknowledged within this: the connection is broken (a partition), not hung forever.
        "tcp_user_timeout": int(max(10.0, options.statement_timeout) * 1000),
    }


class Database:
    """Wraps one SQLAlchemy engine. Data-access functions are sync (`crud.py`); `run` calls them on the
    database's own threads so the event loop never waits on the database."""

    def __init__(self, url: str, *, echo: bool = False, options: DatabaseOptions | None = None) -> None:
        self.url = url
        self.options = options = options or DatabaseOptions()
        parsed = make_url(url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.is_postgres = parsed.get_backend_name() == "postgresql"
        kwargs: dict[str, Any] = {"echo": echo, "pool_pre_ping": not self.is_sqlite}
        connect_args: dict[str, Any] = {}
        if self.is_sqlite:
            connect_args = {"check_same_thread": False, "timeout": options.statement_timeout}
            if parsed.database:
                Path(parsed.database).expanduser().resolve().parent.mkdir(parents=True, exist_ok=True)
        elif self.is_postgres:
            connect_args = _postgres_connect_args(parsed, options)
        if not (self.is_sqlite and parsed.database in (None, "", ":memory:")):
            # Every database thread may hold a connection, plus the scheduler lock's and a few spare.
            kwargs.update(pool_size=options.threads + 2, max_overflow=4, pool_timeout=options.pool_timeout)
        kwargs["connect_args"] = connect_args
        self.engine: Engine = create_engine(url, **kwargs)
        # Probes use a fresh connection each time, never one from the pool that may hang on a dead socket.
        self._probe_engine: Engine = create_engine(url, poolclass=NullPool, connect_args=connect_args)
        if self.is_sqlite:
            pragmas = _sqlite_pragmas(int(options.statement_timeout * 1000))
            event.listen(self.engine, "connect", pragmas)
            event.listen(self._probe_engine, "connect", pragmas)
        self._executor, self._probe_executor = self._executors()
        self._lock = threading.Lock()
        self._probe_future: Future[bool] | None = None
        self._probe_started = 0.0
        self.available = True
        self.checked_at: float | None = None  # monotonic time of the last probe's answer
        self.last_error: str | None = None

    def _executors(self) -> tuple[ThreadPoolExecutor, ThreadPoolExecutor]:
        return (ThreadPoolExecutor(max(1, self.options.threads), thread_name_prefix="smm-db"),
                ThreadPoolExecutor(1, thread_name_prefix="smm-db-probe"))

    def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision."""
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["engine"] = self.engine
        command.upgrade(config, "head")

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def call(self, func: Callable[..., T], /, **kwargs: Any) -> T:
        """Call a data-access function with a fresh session, in this thread."""
        with self.session() as session:
            return func(session=session, **kwargs)

    async def run(self, func: Callable[..., T], /, **kwargs: Any) -> T:
        """Call a data-access function with a fresh session, on a database thread. Raises
        `DatabaseUnavailable` at once while the database is known to be unreachable, and when the call does
        not finish within the call timeout (or the database stops answering probes while it runs)."""
        return await self.run_blocking(partial(self.call, func, **kwargs))

    async def run_blocking(self, func: Callable[[], T], /) -> T:
        """Run any blocking database work (the scheduler lock, APScheduler's job store) like `run`."""
        if not self.available:
            self._start_probe(only_if_due=True)
            raise DatabaseUnavailable(f"the database is unreachable ({self.last_error or 'no answer'})")
        loop = asyncio.get_running_loop()
        started = loop.time()
        future: asyncio.Future[Any] = loop.run_in_executor(self._executor, func)
        probe: asyncio.Future[Any] | None = None
        try:
            done, _ = await asyncio.wait({future}, timeout=self.options.slow_call)
            if not done:
                # Slow: find out whether the database answers at all, while still waiting for the call.
                probe = asyncio.ensure_future(self._probe(self.options.probe_timeout))
                done, _ = await asyncio.wait({future, probe}, return_when=asyncio.FIRST_COMPLETED,
                                             timeout=self.options.call_timeout - (loop.time() - started))
                if future not in done and probe in done and probe.result():
                    done, _ = await asyncio.wait(
                        {future}, timeout=max(0.0, self.options.call_timeout - (loop.time() - started)))
            if future in done:
                return future.result()
            if not self.available:
                raise DatabaseUnavailable(f"the database stopped answering ({self.last_error or 'no answer'})")
            raise DatabaseUnavailable(f"a database call took longer than {self.options.call_timeout:g} s")
        finally:
            # A call that has not started is dropped; one that is running finishes on its thread, unread.
            future.cancel()
            if probe is not None:
                probe.cancel()

    # Probing ----------------------------------------------------------------------------------------------

    def _probe_blocking(self) -> bool:
        try:
            with self._probe_engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:
            self._set_state(False, type(exc).__name__)
            return False
        self._set_state(True, None)
        return True

    def _set_state(self, available: bool, error: str | None) -> None:
        with self._lock:
            changed = available != self.available
            self.available, self.last_error = available, error
            self.checked_at = time.monotonic()
        if changed and available:
            log.warning("the database answers again")
        elif changed:
            log.warning("the database is unreachable (%s): database work fails fast until it answers", error)

    def _start_probe(self, *, only_if_due: bool = False) -> Future[bool]:
        """The probe in progress, or a new one (at most one at a time)."""
        with self._lock:
            current = self._probe_future
            if current is not None and not current.done():
                return current
            if only_if_due and current is not None and self.checked_at is not None \
                    and time.monotonic() - self.checked_at < min(1.0, self.options.probe_interval):
                return current
            self._probe_future = current = self._probe_executor.submit(self._probe_blocking)
            self._probe_started = time.monotonic()
            return current

    async def _probe(self, timeout: float) -> bool:
        """Probe now (or join the probe in progress); a probe without an answer in time marks the database
        unreachable. A probe that has hung longer than the timeout answers False at once."""
        future = self._start_probe()
        left = timeout - (time.monotonic() - self._probe_started)
        if left <= 0:
            self._set_state(False, f"no answer within {timeout:g} s")
            return False
        try:
            return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(future)), left)
        except TimeoutError:
            self._set_state(False, f"no answer within {timeout:g} s")
            return False

    async def check(self, timeout: float = 1.0) -> bool:
        """Whether the database answers: the last probe's answer when recent, else a probe bounded by
        `timeout` (or the probe timeout, whichever is shorter). Never waits longer than `timeout`."""
        fresh = self.checked_at is not None and time.monotonic() - self.checked_at < self.options.probe_interval
        probing = self._probe_future is not None and not self._probe_future.done()
        if fresh and not probing:
            return self.available
        if probing and not self.available:
            return False  # still waiting for the database to answer a probe
        try:
            return await asyncio.wait_for(self._probe(self.options.probe_timeout), timeout)
        except TimeoutError:
            return False

    def health(self) -> dict[str, Any]:
        """The database's state for /healthz, from the last probe (no database work)."""
        age = None if self.checked_at is None else round(time.monotonic() - self.checked_at, 1)
        return {"state": "ok" if self.available else "unreachable", "checked_seconds_ago": age,
                "error": self.last_error}

    def ping(self) -> bool:
        """True when the database answers a trivial query (in this thread)."""
        return self._probe_blocking()

    def dispose(self) -> None:
        """Close every connection; the handle stays usable (new threads and connections on next use)."""
        executors = self._executor, self._probe_executor
        self._executor, self._probe_executor = self._executors()
        for executor in executors:
            executor.shutdown(wait=False, cancel_futures=True)
        self.engine.dispose()
        with suppress(Exception):
            self._probe_engine.dispose()
