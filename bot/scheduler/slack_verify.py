"""Did a Slack message arrive? Used only for outbox rows a dead worker left in 'sending'.

chat.postMessage has no idempotency key, so after a crash the worker looks in the conversation's recent
history (conversations.history, needs the `im:history`/`channels:history` scopes) for a message from the
bot with the same fallback text, posted within `lookback` seconds. Found: the row is marked sent instead of
being sent again. Plain HTTP (aiohttp), so only the Slack adapter package imports slack_sdk.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import aiohttp

from bot.adapters.slack.render import fallback_text
from bot.core.types import Reply, Target

DEFAULT_API_URL = "https://slack.com/api/"
MAX_RATE_LIMITED = 3  # conversations.history is a tier-3 method: wait out a few 429s before giving up
MAX_RETRY_AFTER = 30.0


class SlackHistoryVerifier:
    """A `DeliveryVerifier` for Slack."""

    def __init__(self, token: str, api_url: str | None = None, *, lookback: float = 3600.0) -> None:
        base = api_url or DEFAULT_API_URL
        self.base = base if base.endswith("/") else base + "/"
        self._headers = {"Authorization": f"Bearer {token}"}
        self.lookback = lookback
        self._session: aiohttp.ClientSession | None = None

    async def _call(self, method: str, data: dict[str, Any]) -> dict[str, Any]:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        for attempt in range(MAX_RATE_LIMITED + 1):
            async with self._session.post(self.base + method, data=data, headers=self._headers) as response:
                body: dict[str, Any] = await response.json(content_type=None)
                limited = response.status == 429 or body.get("error") == "ratelimited"
                retry_after = response.headers.get("Retry-After", "1")
            if not limited or attempt == MAX_RATE_LIMITED:
                break
            try:
                delay = float(retry_after)
            except ValueError:
                delay = 1.0
            await asyncio.sleep(min(max(delay, 0.0), MAX_RETRY_AFTER))
        if not body.get("ok"):
            raise RuntimeError(f"{method}: {body.get('error')}")
        return body

    async def delivered(self, target: Target, reply: Reply) -> bool | None:
        channel = target.id
        if target.kind == "user":
            opened = await self._call("conversations.open", {"users": target.id})
            channel = str((opened.get("channel") or {}).get("id") or "")
            if not channel:
                return None
        history = await self._call("conversations.history", {
            "channel": channel, "oldest": f"{time.time() - self.lookback:.6f}", "limit": "50"})
        text = fallback_text(reply)
        return any(m.get("text") == text and (m.get("bot_id") or m.get("subtype") == "bot_message")
                   for m in history.get("messages") or [])

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None
