"""Sending proactive messages: each platform adapter registers a sender; the core only sees `Target`."""

from __future__ import annotations

from typing import Protocol

from bot.core.types import Reply, Target


class Sender(Protocol):
    """Delivers a reply to a user or channel on one platform. Raises `DeliveryError` on failure."""

    platform: str

    async def send(self, target: Target, reply: Reply) -> str | None:
        """Send and return the platform's message id, if it has one."""
        ...


class DeliveryError(Exception):
    """A message could not be delivered. `retry_after` (seconds) is set when the platform said when to retry;
    `permanent` when retrying cannot help (unknown user, bot removed)."""

    def __init__(self, message: str, *, retry_after: float | None = None, permanent: bool = False) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.permanent = permanent


class Messenger:
    """Routes a `Target` to the sender of its platform."""

    def __init__(self) -> None:
        self._senders: dict[str, Sender] = {}

    def register(self, sender: Sender) -> None:
        self._senders[sender.platform] = sender

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(self._senders)

    def has(self, platform: str) -> bool:
        return platform in self._senders

    async def send(self, target: Target, reply: Reply) -> str | None:
        sender = self._senders.get(target.platform)
        if sender is None:
            raise DeliveryError(f"no sender for platform {target.platform!r}", permanent=True)
        return await sender.send(target, reply)
