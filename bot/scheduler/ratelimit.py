"""Per-platform send limits: at most `rate` messages in any one-second window, counted the way the platform
counts them, and a 429 pauses the whole platform.

Slack allows about one chat.postMessage per second per channel with short bursts, but direct messages to many
users go to many channels, so the binding limit is the app's overall rate: one limiter per platform.

Why a sliding window and not a token bucket: a platform counts the requests that *reached* it within a window.
A token bucket on our side lets `rate` + `burst` requests through in a second, and a bucket refilled after a
pause hands out its whole burst at once; both overshoot a platform that enforces exactly `rate` per second, and
each overshoot costs a 429 and a Retry-After pause for every sender (that was why a 2,000/s fan-out took 2.3x
the minimum and a 500/s one did not finish). Here a send holds one of `rate * window` slots from the moment it
is started until one window *after its answer arrived*. A request reaches the platform between those two
moments, so however the requests are delayed on the way, no window on the platform's side sees more than
`rate * window` of them. The cost is one round trip per window (about 1% at 10 ms on a local network).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque


class SlidingWindow:
    """At most `capacity` sends per `window` seconds. `acquire` waits for a free slot (waiters in order);
    `release` (call it when the platform answered, or the request failed) frees the slot one window later;
    `pause` holds every waiter until a Retry-After has passed.

    Waiters are woken in groups: when slots free up, one timer hands each free slot to the next waiter in
    the same event-loop pass, so the limiter does not cap throughput at one send per loop iteration."""

    def __init__(self, rate: float, window: float = 1.0) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        if window <= 0:
            raise ValueError("window must be positive")
        self.rate = rate
        # Below one message per window, one slot per 1/rate seconds keeps the rate exact.
        self.window = window if rate * window >= 1 else 1.0 / rate
        self.capacity = max(1, int(rate * self.window))
        self._frees: deque[float] = deque()  # when released slots become free again, in order
        self._in_flight = 0
        self._paused_until = 0.0
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._timer: asyncio.TimerHandle | None = None

    @property
    def in_use(self) -> int:
        """Slots taken now: sends in flight plus sends answered within the last window."""
        self._expire(time.monotonic())
        return self._in_flight + len(self._frees)

    def _expire(self, now: float) -> None:
        frees = self._frees
        while frees and frees[0] <= now:
            frees.popleft()

    async def acquire(self) -> None:
        now = time.monotonic()
        if not self._waiters and now >= self._paused_until:
            self._expire(now)
            if self._in_flight + len(self._frees) < self.capacity:
                self._in_flight += 1
                return
        waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        self._grant()
        try:
            await waiter
        except asyncio.CancelledError:
            if waiter.done() and not waiter.cancelled():
                self._in_flight -= 1  # granted but never used: the slot is free at once
                self._grant()
            else:
                with contextlib.suppress(ValueError):
                    self._waiters.remove(waiter)
            raise

    def _grant(self) -> None:
        """Hand free slots to waiters in order; set a timer for when the next slot frees up."""
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        now = time.monotonic()
        if now < self._paused_until:
            self._wake_at(self._paused_until)
            return
        self._expire(now)
        waiters = self._waiters
        while waiters and self._in_flight + len(self._frees) < self.capacity:
            waiter = waiters.popleft()
            if not waiter.done():
                self._in_flight += 1
                waiter.set_result(None)
        if waiters and self._frees:
            self._wake_at(self._frees[0])
        # else: every slot is in flight; the next `release` grants again.

    def _wake_at(self, when: float) -> None:
        loop = asyncio.get_running_loop()
        self._timer = loop.call_at(loop.time() + max(0.0, when - time.monotonic()), self._grant)

    def release(self) -> None:
        """The send that took a slot was answered (or failed): its slot is free again one window from now."""
        self._in_flight -= 1
        self._frees.append(time.monotonic() + self.window)
        if self._waiters and self._timer is None:
            self._grant()

    def pause(self, seconds: float) -> None:
        """Hand out no slot for `seconds` (the platform said Retry-After)."""
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)


class RateLimiter:
    """One sliding window per platform, created on first use from the configured rates."""

    def __init__(self, rates: dict[str, float], default_rate: float = 10.0, window: float = 1.0) -> None:
        self.rates = dict(rates)
        self.default_rate = default_rate
        self.window = window
        self._limits: dict[str, SlidingWindow] = {}

    def bucket(self, platform: str) -> SlidingWindow:
        if platform not in self._limits:
            self._limits[platform] = SlidingWindow(self.rates.get(platform, self.default_rate), self.window)
        return self._limits[platform]


def parse_rates(text: str) -> dict[str, float]:
    """`"slack=20,teams=7"` -> {"slack": 20.0, "teams": 7.0}."""
    rates: dict[str, float] = {}
    for part in text.split(","):
        if "=" in part:
            name, _, value = part.partition("=")
            rates[name.strip()] = float(value)
    return rates
