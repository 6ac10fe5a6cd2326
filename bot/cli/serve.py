"""`smm serve` (every configured platform plus the scheduler, in one process) and `smm chat` (terminal)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from typing import Annotated

import typer

from bot.cli.app import app as cli
from bot.cli.common import EXIT_POLICY, PolicyDirOption, fail, settings_for
from bot.config import Settings
from bot.core.errors import StartupError
from bot.policy import PolicyError

LOCAL_LOG_FILE = "smm.log"


def _build(settings: Settings, *, with_components: bool) -> object:
    from bot.app import build_app, build_core, check_startup

    try:
        if with_components:
            check_startup(settings)
            return build_app(settings)
        return build_core(settings)
    except PolicyError as exc:
        typer.echo(f"smm: the policy pack in {exc.root} cannot be used:", err=True)
        for problem in exc.problems:
            typer.echo("  " + problem.format(exc.root), err=True)
        raise typer.Exit(EXIT_POLICY) from None
    except StartupError as exc:
        fail(str(exc))


UserOption = Annotated[
    str | None,
    typer.Option("--user", help="The name you chat as on this terminal (default: your login name). Your id is "
                                "console:NAME; admin commands need it in SMM_ADMINS, e.g. "
                                "SMM_ADMINS=console:NAME.", show_default=False),
]
DRAIN_SECONDS = 10.0


def console_hint(user_id: str, settings: Settings) -> str:
    """Who the terminal user is, and whether they are an admin (and if not, how to become one)."""
    qualified = f"console:{user_id}"
    if settings.is_admin("console", user_id):
        return f"You are {qualified}, an admin (listed in SMM_ADMINS)."
    return (f"You are {qualified}, not an admin: to use remind, announce, policy and report, add {qualified} to "
            f"SMM_ADMINS (comma-separated) and start again, or chat as a listed admin with --user NAME.")


async def _report_policy_state(bot_app: object) -> None:
    """At start-up: log the policy version on disk and the one last published; when they differ, say so on the
    terminal too, with what to do."""
    from bot.app import BotApp
    from handlers.admin import policy_sync

    assert isinstance(bot_app, BotApp)
    try:
        state = await asyncio.wait_for(policy_sync(bot_app.services), timeout=5.0)
    except Exception as exc:  # the database may be down; the bot still starts
        logging.getLogger("bot.cli.serve").warning("policy on disk: %s; published version unknown (%s)",
                                                   bot_app.services.policy.pack.version_label, type(exc).__name__)
        return
    line = state.log_line()
    if state.in_sync or state.published is None:
        logging.getLogger("bot.cli.serve").info(line)
    else:
        logging.getLogger("bot.cli.serve").warning(line)
        typer.echo(f"smm: {line}", err=True)


async def _serve(settings: Settings, user: str | None = None) -> None:
    from aiohttp import web  # deferred: keeps the other commands' start-up fast

    from bot.adapters.console import ConsoleAdapter
    from bot.app import BotApp, make_web_app

    bot_app = _build(settings, with_components=True)
    assert isinstance(bot_app, BotApp)
    platforms = [c.name for c in bot_app.components if c.name in ("slack", "teams")]
    console: ConsoleAdapter | None = None
    interactive = sys.stdin is not None and sys.stdin.isatty()
    if not any(c.name == "slack" for c in bot_app.components) and not settings.teams_app_id:
        console = ConsoleAdapter(bot_app.dispatcher, user_id=user)
        bot_app.services.messenger.register(console)
        if interactive:
            bot_app.components.append(console)
    runner = web.AppRunner(make_web_app(bot_app), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, settings.host, settings.port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        fail(f"cannot listen on {settings.host}:{settings.port}: {exc.strerror}. Set SMM_PORT to a free port.")
    pack = bot_app.services.policy.pack
    database = bot_app.services.db.url.split(":")[0]
    banner = (f"smm serve: {pack.company.name}, policy {pack.version_label}, database {database}, "
              f"http://{settings.host}:{settings.port} (healthz, metrics"
              f"{', ' + ', '.join(platforms) if platforms else ''})")
    typer.echo(banner, err=True)
    await _report_policy_state(bot_app)
    if console is not None and interactive:
        typer.echo("Local mode: no Slack or Teams configured. Ask me anything about the social media protocol, "
                   "or type `help`. `quit` ends the chat.", err=True)
        typer.echo(console_hint(console.user_id, settings), err=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    try:
        for component in bot_app.components:
            await component.start()
    except StartupError as exc:
        for component in reversed(bot_app.components):
            with contextlib.suppress(Exception):
                await component.stop()
        await runner.cleanup()
        bot_app.services.db.dispose()
        fail(str(exc))
    waiters = [asyncio.create_task(stop.wait())]
    console_task = getattr(console, "_task", None) if console is not None else None
    if console_task is not None:
        waiters.append(console_task)
    await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
    for component in reversed(bot_app.components):
        with contextlib.suppress(Exception):
            await component.stop()
    await runner.cleanup()
    bot_app.services.db.dispose()


@cli.command()
def serve(policy_dir: PolicyDirOption = None, user: UserOption = None) -> None:
    """Run the bot: every configured platform (Slack, Teams), the scheduler, health and metrics.

    With no platform configured it runs locally: SQLite, the scheduler and a chat on this terminal."""
    from bot.logging_setup import configure_logging

    settings = settings_for(policy_dir)
    local_chat = not settings.slack_enabled and not settings.teams_app_id and sys.stdin.isatty()
    log_file = LOCAL_LOG_FILE if local_chat else None
    configure_logging(settings.log_level, as_json=settings.log_json, file=log_file)
    if log_file:
        typer.echo(f"Logging to {log_file}.", err=True)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(settings, user))


@cli.command()
def chat(policy_dir: PolicyDirOption = None, user: UserOption = None) -> None:
    """Chat with the bot on this terminal, through the same handlers as Slack and Teams.

    Runs the scheduler and outbox too, so reminders and announcements arrive in this terminal while you chat
    (and what is queued when the input ends is delivered before it exits). No HTTP listener: `smm serve`."""
    from bot.logging_setup import configure_logging

    settings = settings_for(policy_dir)
    configure_logging(settings.log_level, file=LOCAL_LOG_FILE if sys.stdin.isatty() else None)
    if not sys.stdin.isatty():
        logging.getLogger().setLevel(logging.ERROR)  # piped chats: keep standard error for real problems
    bot_app = _build(settings, with_components=False)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_chat(bot_app, settings, user))


async def _chat(bot_app: object, settings: Settings, user: str | None) -> None:
    """The terminal chat with the scheduler and outbox worker of `smm serve`, without the HTTP listener."""
    from bot.adapters.console import ConsoleAdapter
    from bot.app import BotApp, build_outbox_worker
    from bot.scheduler.component import scheduler_component

    assert isinstance(bot_app, BotApp)
    interactive = sys.stdin.isatty()
    console = ConsoleAdapter(bot_app.dispatcher, user_id=user)
    bot_app.services.messenger.register(console)
    scheduler = scheduler_component(bot_app, worker=build_outbox_worker(bot_app))
    await scheduler.start()
    try:
        await _report_policy_state(bot_app)
        if interactive:
            typer.echo("Ask me anything about the social media protocol, or type `help`. `quit` ends the chat.")
            typer.echo(console_hint(console.user_id, settings))
        await console.run(prompt=interactive)
        # Piped input ends at once: deliver what the chat queued (announcements, reminders due now) first.
        with contextlib.suppress(Exception):
            await scheduler.worker.drain(timeout=DRAIN_SECONDS)
    finally:
        await scheduler.stop()
        bot_app.services.db.dispose()
