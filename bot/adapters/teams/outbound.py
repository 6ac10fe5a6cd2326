"""Outbound pacing and retries for the Bot Connector service.

Teams allows a bot about 7 messages per second and 60 per 30 seconds in one conversation and answers
more with 429; it also answers 412, 502 and 504 when busy. botframework-connector does not retry (msrest's
retry settings are ignored with urllib3 2 and its aiohttp sender), so every send goes through
`send_with_retry`: a per-conversation sliding-window limiter first, then retries with exponential back-off
that honours `Retry-After`. Nothing here imports botbuilder; errors are recognised by duck typing
(`exc.response.status_code`, `exc.response.headers`), which is what msrest's `HttpOperationError` has.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

import aiohttp

T = TypeVar("T")

RETRY_STATUSES = frozenset({412, 429, 502, 504})
PERMANENT_STATUSES = frozenset({400, 401, 403, 404, 410})
# (messages, seconds) per conversation, from Teams' published per-bot limits.
TEAMS_LIMITS: tuple[tuple[int, float], ...] = ((7, 1.0), (8, 2.0), (60, 30.0))


class ConversationThrottle:
    """Spaces sends so no conversation exceeds any of `limits`; conversations do not wait for each other."""

    def __init__(self, limits: tuple[tuple[int, float], ...] = TEAMS_LIMITS, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self.clock = clock
        self._window = max(seconds for _, seconds in limits)
        self._sent: dict[str, deque[float]] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def delay(self, conversation_id: str) -> float:
        """Seconds to wait before the next send to this conversation may go out."""
        now = self.clock()
        sent = self._sent.get(conversation_id)
        if not sent:
            return 0.0
        while sent and now - sent[0] > self._window:
            sent.popleft()
        wait = 0.0
        for count, seconds in self.limits:
            recent = [t for t in sent if now - t < seconds]
            if len(recent) >= count:
                wait = max(wait, recent[-count] + seconds - now)
        return wait

    async def acquire(self, conversation_id: str) -> None:
        """Wait for a free slot in this conversation and take it."""
        lock = self._locks.setdefault(conversation_id, asyncio.Lock())
        async with lock:
            while (wait := self.delay(conversation_id)) > 0:
                await asyncio.sleep(wait)
            self.record(conversation_id)
        self._forget_idle()

    def record(self, conversation_id: str) -> None:
        """Count a send to this conversation now."""
        self._sent.setdefault(conversation_id, deque()).append(self.clock())

    def _forget_idle(self) -> None:
        if len(self._sent) < 1000:
            return
        now = self.clock()
        for key in [k for k, v in self._sent.items() if not v or now - v[-1] > self._window]:
            self._sent.pop(key, None)
            lock = self._locks.get(key)
            if lock is not None and not lock.locked():
                self._locks.pop(key, None)


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to retry a send the service refused for now."""

    attempts: int = 4
    base_delay: float = 1.0
    max_delay: float = 30.0


def status_of(exc: BaseException) -> int | None:
    """The HTTP status of a connector error, if it carries one."""
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None) or getattr(response, "status", None)
    return int(status) if isinstance(status, int) else None


def retry_after_of(exc: BaseException) -> float | None:
    """Seconds from the error response's Retry-After header (delta-seconds or an HTTP date)."""
    headers: Any = getattr(getattr(exc, "response", None), "headers", None)
    if not headers:
        return None
    try:
        raw = headers.get("Retry-After") or headers.get("retry-after")
    except AttributeError:
        return None
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(str(raw))
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def is_retryable(exc: BaseException) -> bool:
    """True for the statuses Teams uses for 'later' and for connection failures."""
    if isinstance(exc, aiohttp.ClientConnectionError | asyncio.TimeoutError):
        return True
    return status_of(exc) in RETRY_STATUSES


async def send_with_retry(call: Callable[[], Awaitable[T]], *, conversation_id: str,
                          throttle: ConversationThrottle, policy: RetryPolicy,
                          sleep: Callable[[float], Awaitable[Any]] = asyncio.sleep) -> T:
    """Run `call` (one connector request) within the conversation's rate limit, retrying what may succeed
    later. The last error propagates when every attempt failed or the error is not retryable."""
    attempt = 0
    while True:
        await throttle.acquire(conversation_id)
        try:
            return await call()
        except Exception as exc:
            attempt += 1
            if attempt >= policy.attempts or not is_retryable(exc):
                raise
            delay = retry_after_of(exc)
            if delay is None:
                delay = policy.base_delay * 2 ** (attempt - 1) * (1 + random.random() / 4)
            await sleep(min(delay, policy.max_delay))
