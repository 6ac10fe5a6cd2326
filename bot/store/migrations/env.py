"""Alembic environment: migrations run against the engine handed over by `Database.migrate`."""

from __future__ import annotations

import contextlib

from alembic import context
from sqlmodel import SQLModel

import bot.store.models  # noqa: F401  (tables register on SQLModel.metadata)

with contextlib.suppress(ImportError):  # the scheduling tables come with their own migration
    import bot.store.models_schedule  # noqa: F401

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from sqlalchemy import create_engine

        engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///smm.db")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
