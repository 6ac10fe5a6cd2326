"""Storage: SQLModel tables, Alembic migrations and keyword-only data-access functions."""

from bot.store.db import Database

__all__ = ["Database"]
