"""A token bucket per platform: sends are spread at a configurable rate, and a 429 pauses the whole bucket.

Slack allows about one chat.postMessage per second per channel with bursts, but direct messages to many
users go to many channels, so the binding limit is the app's overall rate: one global bucket per platform.
"""

from __future__ import annotations

import asyncio
import time


class TokenBucket:
    """`rate` tokens per second, up to `burst` saved up. `acquire` waits for a token; `pause` holds every
    waiter until a Retry-After has passed."""

    def __init__(self, rate: float, burst: float | None = None) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = rate
        self.burst = burst if burst is not None else max(1.0, rate / 10)
        self._tokens = self.burst
        self._stamp = time.monotonic()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:
            while True:
                now = time.monotonic()
                if now < self._paused_until:
                    await asyncio.sleep(self._paused_until - now)
                    continue
                self._tokens = min(self.burst, self._tokens + (now - self._stamp) * self.rate)
                self._stamp = now
                if self._tokens >= 1.0:
                    self._tokens -= 1.0
                    return
                await asyncio.sleep((1.0 - self._tokens) / self.rate)

    def pause(self, seconds: float) -> None:
        """Stop handing out tokens for `seconds` (the platform said Retry-After)."""
        self._paused_until = max(self._paused_until, time.monotonic() + seconds)
        self._tokens = 0.0


class RateLimiter:
    """One bucket per platform, created on first use from the configured rates."""

    def __init__(self, rates: dict[str, float], default_rate: float = 10.0) -> None:
        self.rates = dict(rates)
        self.default_rate = default_rate
        self._buckets: dict[str, TokenBucket] = {}

    def bucket(self, platform: str) -> TokenBucket:
        if platform not in self._buckets:
            self._buckets[platform] = TokenBucket(self.rates.get(platform, self.default_rate))
        return self._buckets[platform]


def parse_rates(text: str) -> dict[str, float]:
    """`"slack=20,teams=7"` -> {"slack": 20.0, "teams": 7.0}."""
    rates: dict[str, float] = {}
    for part in text.split(","):
        if "=" in part:
            name, _, value = part.partition("=")
            rates[name.strip()] = float(value)
    return rates
