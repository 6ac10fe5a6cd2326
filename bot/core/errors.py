"""The two kinds of errors (CONVENTIONS habit 7)."""

from __future__ import annotations


class UserError(Exception):
    """An error whose message the user may read, already in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class RegistrationError(Exception):
    """A handler or adapter was registered wrongly; raised at start-up, never at run time."""


class StartupError(Exception):
    """The bot cannot start with this configuration; the message says why and what to do."""
