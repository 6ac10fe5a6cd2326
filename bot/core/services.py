"""What handlers may use: settings, the policy and its engines, the database, the messenger."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.config import Settings
from bot.core.messenger import Messenger
from bot.policy import PolicyPack
from bot.store.db import Database

if TYPE_CHECKING:
    from bot.answer.engine import AnswerEngine
    from bot.review.engine import ReviewEngine


class PolicyState:
    """The policy pack in force and the engines built from it; swapped whole when a new version is published."""

    def __init__(self, pack: PolicyPack) -> None:
        self.set(pack)

    def set(self, pack: PolicyPack) -> None:
        from bot.answer.engine import AnswerEngine
        from bot.review.engine import ReviewEngine

        self.install(pack, AnswerEngine(pack), ReviewEngine(pack))

    def install(self, pack: PolicyPack, answers: AnswerEngine, reviews: ReviewEngine) -> None:
        """Swap in a pack and engines built from it beforehand (e.g. in a thread by `policy publish`), all three
        at once: no request sees the new pack with the old engines."""
        self.pack, self.answers, self.reviews = pack, answers, reviews

    pack: PolicyPack
    answers: AnswerEngine
    reviews: ReviewEngine


@dataclass
class Services:
    """Built once by the composition root (`bot.app`) and passed to every handler through `Context`."""

    settings: Settings
    policy: PolicyState
    db: Database
    messenger: Messenger = field(default_factory=Messenger)
    extras: dict[str, Any] = field(default_factory=dict)

    def is_admin(self, user_id: str, *, platform: str | None = None, authenticated: bool = True) -> bool:
        """Whether a user may use the admin commands: listed in SMM_ADMINS as `platform:id`, and the request
        authenticated by its platform. Without `platform`, `user_id` must be qualified (`slack:U123`)."""
        if not authenticated:
            return False
        if platform is None:
            platform, sep, user_id = user_id.partition(":")
            if not sep:
                return False
        return self.settings.is_admin(platform, user_id)


def scoped_logger(name: str, **context: Any) -> logging.LoggerAdapter[logging.Logger]:
    """A logger whose lines carry context (platform, handler, request id); never post texts or secrets."""
    return logging.LoggerAdapter(logging.getLogger(name), context)
