"""The outbox worker: claims due rows, sends them through the messenger at each platform's rate, records the result.

Delivery guarantee (see docs/admin.md, "How delivery works"):

* Each (announcement or reminder run, recipient) is one row, inserted once (unique idempotency key), so
  nobody is skipped and a re-run of a job adds nothing.
* A row is claimed ('sending', committed) before it is sent and marked 'sent' right after the platform
  accepts it (marks are committed in small batches, every `ack_interval` seconds). The only window for a
  duplicate is a crash after the platform accepted a message and before its 'sent' mark was committed.
* A claim is a lease: the row belongs to the claiming worker until `lease_until`, and the worker renews the
  lease of every row it holds every `lease / 3` seconds. A 'sending' row whose lease ran out belonged to a
  worker that died (or lost the database); any worker takes it over at once, and before sending it again
  asks the platform's `DeliveryVerifier`, when there is one, whether the message arrived (for Slack: the
  bot's message with the same text in that conversation's history). With a verifier the result is exactly
  once; without one it is at least once for the few rows that were in flight at the crash (at most
  `concurrency` + one ack batch), and exactly once for every other row.
* A worker never starts a send on a row whose lease (as last renewed) has less than half its length left; it
  hands the row back to 'pending' instead. So when renewals fail, the worker stops sending long before another
  process can take its rows for a dead worker's.

Pacing (bot/scheduler/ratelimit.py): per platform, at most `rate` sends in any one-second window, a slot held
from the start of a send until one window after its answer, so the platform never sees more than its limit
and no 429 is provoked; a 429 still pauses the platform for its Retry-After and the row is retried then.
Per-row work is kept small: one claim per batch, each distinct payload parsed once per batch (an
announcement's rows share one), 'sent' marks committed together every `ack_interval` seconds.
`drain` (tests, benchmarks) waits for rows put back for a retry instead of returning while they are pending.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Protocol

from bot.core.messenger import DeliveryError, Messenger
from bot.core.types import Reply, Target
from bot.scheduler.payload import reply_from_json
from bot.scheduler.ratelimit import RateLimiter
from bot.store import crud_schedule
from bot.store.db import Database, DatabaseUnavailable
from bot.store.models import utcnow

if TYPE_CHECKING:
    from bot.core.metrics import Metrics

log = logging.getLogger(__name__)


class DeliveryVerifier(Protocol):
    """Can tell whether a message reached a target (used only for rows a dead worker left in 'sending')."""

    async def delivered(self, target: Target, reply: Reply) -> bool | None:
        """True: it arrived; False: it did not; None: cannot tell (the row is sent again)."""
        ...


@dataclass
class WorkerOptions:
    """Tuning of the outbox worker; the defaults suit Slack and Teams."""

    rates: dict[str, float] = field(default_factory=lambda: {"slack": 10.0, "teams": 7.0, "console": 1000.0})
    default_rate: float = 10.0
    concurrency: int = 32
    poll_interval: float = 0.5
    lease: float = 30.0
    """Seconds a claim lasts without renewal (SMM_OUTBOX_LEASE_SECONDS); renewed every third of it."""
    ack_interval: float = 0.05
    max_attempts: int = 8
    max_rate_limited_attempts: int = 50


@dataclass(frozen=True, slots=True)
class _Item:
    """A claimed row with its parsed payload (or the error parsing it) and when it was claimed."""

    row: crud_schedule.Claimed
    reply: Reply | Exception
    claimed: float


@dataclass
class WorkerStats:
    sent: int = 0
    failed: int = 0
    retried: int = 0
    reconciled: int = 0


class OutboxWorker:
    """Works the outbox of one database. Every bot process may run one; PostgreSQL's SKIP LOCKED keeps them
    from claiming the same rows."""

    def __init__(self, db: Database, messenger: Messenger, options: WorkerOptions | None = None,
                 verifiers: Mapping[str, DeliveryVerifier] | None = None, *, metrics: Metrics | None = None) -> None:
        self.db = db
        self.metrics = metrics  # smm_outbox_sent_total is counted here, per platform
        self.messenger = messenger
        self.options = options or WorkerOptions()
        self.verifiers = dict(verifiers or {})
        self.limiter = RateLimiter(self.options.rates, self.options.default_rate)
        self.stats = WorkerStats()
        self._acks: list[int] = []
        self._ack_lock = asyncio.Lock()
        self._held: set[int] = set()  # rows this worker holds in 'sending' (their leases are renewed)
        self._renewed_at = 0.0  # monotonic start of the last renewal that covered every row held then
        self._stale_checked = float("-inf")
        self._db_down_logged = False
        self._wake = asyncio.Event()
        self._stopping: asyncio.Event | None = None

    # Public API ---------------------------------------------------------------------------------------------

    def wake(self) -> None:
        """Look for due rows now (called after a fan-out) instead of at the next poll."""
        self._wake.set()

    async def run(self, stop: asyncio.Event) -> None:
        """Work the outbox until `stop` is set (a pass in progress stops claiming at once)."""
        self._stopping = stop
        while not stop.is_set():
            try:
                busy = await self.run_once()
                self._db_down_logged = False
            except DatabaseUnavailable:
                if not self._db_down_logged:
                    log.warning("outbox worker: the database is unavailable; waiting for it")
                    self._db_down_logged = True
                busy = 0
            except Exception:
                log.exception("outbox worker pass failed; retrying")
                busy = 0
            if not busy:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=self.options.poll_interval)

    async def drain(self, *, timeout: float = 30.0) -> None:
        """Send until no row is pending, waiting for rows put back for a retry (tests and benchmarks).

        A pass that finds nothing due does not end the drain while rows wait for a Retry-After or a back-off:
        it sleeps until the next one is due. Rows another (dead) worker left in 'sending' are reconciled
        once their lease ran out; they do not keep the drain waiting."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if await self.run_once():
                continue
            due = await self.db.run(crud_schedule.next_pending_at)
            if due is None:
                return
            now = utcnow()
            wait = (due - (now if due.tzinfo is not None else now.replace(tzinfo=None))).total_seconds()
            await asyncio.sleep(min(max(wait, 0.0) + 0.001, max(0.0, deadline - time.monotonic())))
        raise TimeoutError("the outbox did not drain in time")

    async def run_once(self) -> int:
        """Reconcile rows whose lease ran out (every third of a lease), then claim and send due rows until none
        are left; returns how many rows were handled."""
        handled = await self._reconcile_stale()
        queue: asyncio.Queue[_Item | None] = asyncio.Queue(maxsize=self._batch_size())
        producer = asyncio.create_task(self._produce(queue))
        consumers = [asyncio.create_task(self._consume(queue)) for _ in range(self.options.concurrency)]
        flusher = asyncio.create_task(self._flush_loop())
        renewer = asyncio.create_task(self._renew_loop())
        try:
            handled += await producer
            for _ in consumers:
                await queue.put(None)
            await asyncio.gather(*consumers)
        finally:
            for loop_task in (flusher, renewer):
                loop_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await loop_task
            for task in (producer, *consumers):
                task.cancel()
            await self._flush_acks()
        return handled

    # Internals ----------------------------------------------------------------------------------------------

    @property
    def _lease(self) -> timedelta:
        return timedelta(seconds=self.options.lease)

    def _lease_left(self, item: _Item) -> float:
        """Seconds left on this row's lease as this worker last claimed or renewed it (by its own clock)."""
        return max(item.claimed, self._renewed_at) + self.options.lease - time.monotonic()

    def _release(self, row_id: int) -> None:
        self._held.discard(row_id)

    def _batch_size(self) -> int:
        # About half a second's worth of sends at the configured rates (at most 500): claimed rows waiting in
        # the queue are 'sending' already, so keep the backlog short. One claim per batch keeps the per-row
        # cost of claiming small, also on SQLite.
        total = sum(self.options.rates.values()) or self.options.default_rate
        return max(10, min(500, int(total / 2)))

    async def _produce(self, queue: asyncio.Queue[_Item | None]) -> int:
        count = 0
        while self._stopping is None or not self._stopping.is_set():
            claimed = time.monotonic()  # before the claim: the lease is counted from no later than this
            rows = await self.db.run(crud_schedule.claim, limit=self._batch_size(), lease=self._lease)
            if not rows:
                return count
            count += len(rows)
            self._held.update(row.id for row in rows)
            # An announcement's rows share one payload: parse each distinct payload once per batch.
            parsed: dict[str, Reply | Exception] = {}
            for row in rows:
                reply = parsed.get(row.payload)
                if reply is None:
                    try:
                        reply = reply_from_json(row.payload)
                    except (ValueError, KeyError, TypeError) as exc:
                        reply = exc
                    parsed[row.payload] = reply
                await queue.put(_Item(row, reply, claimed))
        return count

    async def _consume(self, queue: asyncio.Queue[_Item | None]) -> None:
        while True:
            item = await queue.get()
            if item is None:
                return
            await self._deliver(item)

    async def _deliver(self, item: _Item) -> None:
        try:
            await self._deliver_item(item)
        except DatabaseUnavailable:
            # The result could not be recorded: the row stays 'sending' and is reconciled once its lease ran
            # out (renewals stop with the database), like a crash, but without stopping the other consumers.
            self._release(item.row.id)

    async def _deliver_item(self, item: _Item) -> None:
        row, reply = item.row, item.reply
        if isinstance(reply, Exception):
            self._release(row.id)
            await self.db.run(crud_schedule.mark_failed, id=row.id, error=f"bad payload: {type(reply).__name__}")
            self.stats.failed += 1
            return
        target = Target(row.platform, "channel" if row.target_kind == "channel" else "user", row.target_id)
        limit = self.limiter.bucket(row.platform)
        await limit.acquire()
        if self._lease_left(item) < self.options.lease / 2:
            # Renewals failed (the database is slow or gone) or the send waited very long: another worker may
            # soon take the row for a dead worker's. Hand it back instead of sending it.
            limit.release()
            self._release(row.id)
            await self.db.run(crud_schedule.mark_retry, id=row.id, error="lease ran short before sending",
                              at=utcnow())
            self.stats.retried += 1
            return
        try:
            await self.messenger.send(target, reply)
        except DeliveryError as exc:
            limit.release()
            self._release(row.id)
            await self._failed_send(row, exc, limit.pause)
            return
        except BaseException as exc:
            limit.release()
            if not isinstance(exc, Exception):
                self._release(row.id)
                raise  # cancelled: the row stays 'sending' and is reconciled like a crash
            log.exception("sender for %s raised unexpectedly (outbox row %s)", row.platform, row.id)
            self._release(row.id)
            await self._failed_send(row, DeliveryError(type(exc).__name__), limit.pause)
            return
        limit.release()
        self._acks.append(row.id)
        self.stats.sent += 1
        if self.metrics is not None:
            self.metrics.outbox_sent.labels(row.platform).inc()

    async def _failed_send(self, row: crud_schedule.Claimed, exc: DeliveryError, pause: object) -> None:
        reason = str(exc)[:200]
        if exc.permanent:
            await self.db.run(crud_schedule.mark_failed, id=row.id, error=reason)
            self.stats.failed += 1
            log.warning("outbox row %s failed permanently (%s): %s", row.id, row.platform, reason)
            return
        if exc.retry_after is not None:
            if callable(pause):
                pause(exc.retry_after)
            limit, delay = self.options.max_rate_limited_attempts, exc.retry_after
        else:
            limit, delay = self.options.max_attempts, min(300.0, 2.0 ** row.attempts)
        if row.attempts >= limit:
            await self.db.run(crud_schedule.mark_failed, id=row.id, error=f"gave up after {row.attempts}: {reason}")
            self.stats.failed += 1
            log.warning("outbox row %s failed after %s attempts (%s)", row.id, row.attempts, row.platform)
            return
        await self.db.run(crud_schedule.mark_retry, id=row.id, error=reason, at=utcnow() + timedelta(seconds=delay))
        self.stats.retried += 1

    async def _flush_loop(self) -> None:
        while True:
            await asyncio.sleep(self.options.ack_interval)
            # Shielded: run_once cancels this loop when a pass ends; a flush in progress must still commit its
            # 'sent' marks (the final flush waits for it on the lock), or those rows stay 'sending'.
            await asyncio.shield(self._flush_acks())

    async def _flush_acks(self) -> None:
        async with self._ack_lock:
            ids, self._acks = self._acks, []
            if not ids:
                return
            try:
                await self.db.run(crud_schedule.mark_sent, ids=ids)
            except BaseException:
                self._acks[:0] = ids  # still delivered: mark them with the next flush (or reconcile them)
                raise
            for row_id in ids:
                self._release(row_id)

    async def _renew_loop(self) -> None:
        """Every third of a lease: extend the lease of every row this worker holds."""
        interval = max(0.01, self.options.lease / 3)
        while True:
            await asyncio.sleep(interval)
            started, ids = time.monotonic(), list(self._held)
            if not ids:
                self._renewed_at = started
                continue
            try:
                await self.db.run(crud_schedule.renew_leases, ids=ids, lease=self._lease)
            except Exception:
                log.warning("could not renew the outbox leases of %s row(s); sending stops if this goes on",
                            len(ids))
                continue
            self._renewed_at = started

    async def _reconcile_stale(self) -> int:
        """Rows whose lease ran out (a dead worker's): mark the delivered ones sent, put the others back to
        pending. Checked at the first pass (so a restarted process takes over at once what its predecessor
        left) and then every third of a lease."""
        now = time.monotonic()
        if now - self._stale_checked < max(0.01, self.options.lease / 3):
            return 0
        self._stale_checked = now
        rows = await self.db.run(crud_schedule.claim_stale, lease=self._lease, limit=10_000)
        handled = 0
        for row in rows:
            if row.id in self._held:
                continue  # ours, still in progress: a renewal was missed; the re-claim renewed it
            self._held.add(row.id)
            try:
                await self._reconcile_row(row)
            finally:
                self._release(row.id)
            handled += 1
        if handled:
            log.info("reconciled %s outbox row(s) left in 'sending' by a stopped worker", handled)
        return handled

    async def _reconcile_row(self, row: crud_schedule.Claimed) -> None:
        verifier = self.verifiers.get(row.platform)
        arrived: bool | None = None
        if verifier is not None:
            target = Target(row.platform, "channel" if row.target_kind == "channel" else "user", row.target_id)
            try:
                arrived = await verifier.delivered(target, reply_from_json(row.payload))
            except Exception as exc:
                log.warning("could not verify outbox row %s (%s); sending it again", row.id, type(exc).__name__)
        if arrived:
            await self.db.run(crud_schedule.mark_sent, ids=[row.id])
        else:
            await self.db.run(crud_schedule.mark_retry, id=row.id, error="in flight when a worker stopped",
                              at=utcnow())
        self.stats.reconciled += 1
