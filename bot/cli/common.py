"""Helpers shared by the commands: options, loading the pack, printing errors."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from bot.config import Settings
from bot.policy import PolicyError, PolicyPack, load_pack

PolicyDirOption = Annotated[
    Path | None,
    typer.Option(
        "--policy-dir",
        help="Policy pack folder (default: SMM_POLICY_DIR, or the bundled policy_data/).",
        show_default=False,
    ),
]

EXIT_USAGE = 2
EXIT_POLICY = 3


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print a user-facing error to standard error and exit with `code`."""
    typer.echo(f"smm: {message}", err=True)
    raise typer.Exit(code)


def settings_for(policy_dir: Path | None) -> Settings:
    """The settings, with `--policy-dir` taking precedence over the environment."""
    try:
        settings = Settings()
    except Exception as exc:  # pydantic's ValidationError lists each bad variable
        fail(f"invalid settings: {exc}")
    if policy_dir is not None:
        settings = settings.model_copy(update={"policy_dir": policy_dir})
    return settings


def load_pack_or_exit(settings: Settings) -> PolicyPack:
    """Load the policy pack, or print every problem and exit: a broken pack never starts a bot."""
    try:
        return load_pack(settings.policy_dir)
    except PolicyError as exc:
        typer.echo(f"smm: the policy pack in {exc.root} cannot be used:", err=True)
        for problem in exc.problems:
            typer.echo("  " + problem.format(exc.root), err=True)
        typer.echo("Run `smm policy check` after fixing these.", err=True)
        raise typer.Exit(EXIT_POLICY) from None


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
