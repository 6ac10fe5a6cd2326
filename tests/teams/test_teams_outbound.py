"""Pacing and retry rules for sends to the Bot Connector service (no network: a fake clock and fake errors)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from bot.adapters.teams.outbound import ConversationThrottle, RetryPolicy, retry_after_of, send_with_retry, status_of


@dataclass
class _Response:
    status_code: int
    headers: dict[str, str] = field(default_factory=dict)


class _HttpError(Exception):
    def __init__(self, status: int, headers: dict[str, str] | None = None) -> None:
        super().__init__(f"HTTP {status}")
        self.response = _Response(status, headers or {})


def test_the_throttle_allows_seven_per_second_per_conversation() -> None:
    now = [100.0]
    throttle = ConversationThrottle(clock=lambda: now[0])
    for _ in range(7):
        assert throttle.delay("c1") == 0
        throttle.record("c1")

    assert throttle.delay("c1") == pytest.approx(1.0)
    assert throttle.delay("c2") == 0  # other conversations are not held up
    now[0] += 1.01
    assert throttle.delay("c1") == 0
    throttle.record("c1")
    assert throttle.delay("c1") == pytest.approx(0.99)  # 8 per 2 s: wait until the first burst is 2 s old
    now[0] += 1.0
    assert throttle.delay("c1") == 0


async def test_a_burst_is_spaced_out() -> None:
    throttle = ConversationThrottle(((3, 0.2),))
    loop = asyncio.get_running_loop()
    started = loop.time()

    for _ in range(7):
        await throttle.acquire("c")

    assert loop.time() - started >= 0.4  # 7 sends at 3 per 0.2 s need at least two waits


def test_retry_after_is_read_as_seconds_or_a_date() -> None:
    assert retry_after_of(_HttpError(429, {"Retry-After": "3"})) == 3
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 < (retry_after_of(_HttpError(429, {"Retry-After": later})) or 0) <= 30
    assert retry_after_of(_HttpError(502)) is None
    assert status_of(_HttpError(412)) == 412
    assert status_of(ValueError()) is None


async def test_retryable_errors_are_retried_with_back_off_and_retry_after() -> None:
    failures = [_HttpError(429, {"Retry-After": "2"}), _HttpError(502), _HttpError(412)]
    slept: list[float] = []

    async def call() -> str:
        if failures:
            raise failures.pop(0)
        return "sent"

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    result = await send_with_retry(call, conversation_id="c", throttle=ConversationThrottle(),
                                   policy=RetryPolicy(attempts=4, base_delay=0.5), sleep=sleep)

    assert result == "sent"
    assert slept[0] == 2  # Retry-After wins
    assert 1.0 <= slept[1] <= 1.25 and 2.0 <= slept[2] <= 2.5  # exponential back-off with jitter


async def test_other_errors_and_exhausted_retries_propagate() -> None:
    calls = 0

    async def forbidden() -> None:
        nonlocal calls
        calls += 1
        raise _HttpError(403)

    async def no_sleep(_seconds: float) -> None:
        return None

    with pytest.raises(_HttpError):
        await send_with_retry(forbidden, conversation_id="c", throttle=ConversationThrottle(),
                              policy=RetryPolicy(), sleep=no_sleep)
    assert calls == 1

    async def busy() -> None:
        nonlocal calls
        calls += 1
        raise _HttpError(504)

    calls = 0
    with pytest.raises(_HttpError):
        await send_with_retry(busy, conversation_id="c", throttle=ConversationThrottle(),
                              policy=RetryPolicy(attempts=3), sleep=no_sleep)
    assert calls == 3
