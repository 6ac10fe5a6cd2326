"""A stand-alone outbox worker: `python -m bot.scheduler.worker --database-url … [--slack-api-url …]`.

Every bot process works the outbox from `smm serve`; this entry point runs only the worker (extra delivery
capacity and the benchmark). It is built by the same factory as `smm serve`'s (`bot.app.build_outbox_worker`):
Slack is sent through the Slack adapter package's `SlackSender`, with the history verifier for rows a killed
worker left in 'sending'. Settings come from the environment (`SMM_…`) with the options below taking
precedence.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable
from typing import Any

from bot.app import build_core, build_outbox_worker
from bot.config import Settings
from bot.scheduler.component import worker_options
from bot.scheduler.ratelimit import parse_rates
from bot.store import crud_schedule

log = logging.getLogger("bot.scheduler.worker")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="SQLAlchemy URL (default: SMM_DATABASE_URL)")
    parser.add_argument("--slack-api-url", help="Slack Web API base URL (default: SMM_SLACK_API_URL)")
    parser.add_argument("--rates", default="", help='messages per second per platform, e.g. "slack=20,teams=7"')
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--lease", type=float, default=None,
                        help="seconds a claim lasts without renewal (default: SMM_OUTBOX_LEASE_SECONDS)")
    parser.add_argument("--exit-when-done", action="store_true",
                        help="exit once no row is pending or sending (tests, benchmarks)")
    return parser


async def _main(args: argparse.Namespace) -> int:
    given = {k: v for k, v in (("database_url", args.database_url), ("slack_api_url", args.slack_api_url)) if v}
    settings = Settings(**given)
    bot = build_core(settings)
    closers: list[Callable[[], Awaitable[None]]] = []
    if settings.slack_bot_token is not None:
        from bot.adapters.slack.sender import SlackSender

        # Send-only: the bot token is all it needs (no signing secret, nothing is received here). No database
        # lookup of DM channels either: the sender's LRU of conversations.open answers is enough for a worker.
        sender = SlackSender.from_settings(settings)
        bot.services.messenger.register(sender)
        await sender.start()  # its shared HTTP session
        closers.append(sender.close)
    overrides: dict[str, Any] = {"concurrency": args.concurrency, "poll_interval": 0.2,
                                 "rates": {**worker_options(settings).rates, **parse_rates(args.rates)}}
    if args.lease is not None:
        overrides["lease"] = args.lease
    worker = build_outbox_worker(bot, **overrides)
    verifiers = worker.verifiers
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    if args.exit_when_done:
        async def watch() -> None:
            while not stop.is_set():
                counts = await bot.services.db.run(crud_schedule.outbox_counts)
                if not counts.get("pending") and not counts.get("sending"):
                    stop.set()
                await asyncio.sleep(0.2)

        watcher = asyncio.create_task(watch())
    await worker.run(stop)
    if args.exit_when_done:
        await watcher
    for verifier in verifiers.values():
        close = getattr(verifier, "close", None)
        if close is not None:
            await close()
    for closer in closers:
        with contextlib.suppress(Exception):
            await closer()
    log.info("outbox worker stopped: %s", worker.stats)
    bot.services.db.dispose()
    return 0


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    raise SystemExit(asyncio.run(_main(_parser().parse_args())))


if __name__ == "__main__":
    main()
