"""The `smm` command line. Each module below attaches its commands to the Typer app."""

from __future__ import annotations

from bot.cli import ask, export, policy, review, serve, teams  # noqa: F401  (registration by import)
from bot.cli.app import app


def main() -> None:
    """Entry point of `smm` and `python -m bot`."""
    app()
