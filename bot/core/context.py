"""The context a handler runs in: the request, the language to answer in, services and a scoped logger."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from bot.core.services import Services
from bot.core.types import Request


@dataclass
class Context:
    """Passed to every handler. `language` is the language the reply should be in."""

    request: Request
    services: Services
    language: str
    log: logging.LoggerAdapter[logging.Logger]
    registry: Any = None
    dispatcher: Any = None

    def preferences_changed(self) -> None:
        """Tell the dispatcher the user's stored preferences (e.g. language) changed."""
        if self.dispatcher is not None:
            self.dispatcher.forget_user(self.platform, self.user_id)

    @property
    def is_admin(self) -> bool:
        request = self.request
        return self.services.is_admin(request.user.id, platform=request.platform,
                                      authenticated=request.authenticated)

    @property
    def user_id(self) -> str:
        return self.request.user.id

    @property
    def platform(self) -> str:
        return self.request.user.platform
