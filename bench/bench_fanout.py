"""Benchmark the outbox fan-out: 10,000 recipients against a Slack stand-in that allows N messages per second,
as a ratio to the minimum that limit allows (recipients / N seconds). Target: within 1.1.

Run from the project's root:  .venv/bin/python bench/bench_fanout.py [--users 10000] [--rate 2000]

The stand-in (tests/scheduler/slack_standin.py) runs as a subprocess on 127.0.0.1 and answers 429 with
Retry-After above its limit. The outbox worker runs here with its token bucket set to the same rate and a lean
HTTP sender (one chat.postMessage per message), so the figure measures the outbox (claiming, rate limiting,
marking sent), not a particular SDK. Writes bench/results/fanout.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import platform
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "scheduler")]

from fanout_support import fan_out  # noqa: E402

from bot.core.messenger import DeliveryError, Messenger  # noqa: E402
from bot.core.types import Reply, Target  # noqa: E402
from bot.scheduler.outbox import OutboxWorker, WorkerOptions  # noqa: E402
from bot.store.db import Database  # noqa: E402


class LeanSlackSender:
    """chat.postMessage over one aiohttp session; 429 becomes DeliveryError(retry_after)."""

    platform = "slack"

    def __init__(self, api_url: str) -> None:
        self.api_url = api_url
        self.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=128))

    async def send(self, target: Target, reply: Reply) -> str | None:
        payload = {"channel": "D" + target.id, "text": reply.summary or reply.plain_text()}
        async with self.session.post(self.api_url + "chat.postMessage", json=payload,
                                     headers={"Authorization": "Bearer xoxb-bench"}) as response:
            if response.status == 429:
                raise DeliveryError("rate limited", retry_after=float(response.headers.get("Retry-After", "1")))
            body = await response.json()
        if not body.get("ok"):
            raise DeliveryError(str(body.get("error")))
        return str(body.get("ts"))


async def run(users: int, rate: float, database_url: str, api_url: str, concurrency: int) -> dict[str, float]:
    db = Database(database_url)
    messenger = Messenger()
    sender = LeanSlackSender(api_url)
    messenger.register(sender)
    options = WorkerOptions(rates={"slack": rate}, concurrency=concurrency)
    worker = OutboxWorker(db, messenger, options)
    started = time.perf_counter()
    await worker.drain(timeout=users / rate * 5 + 30)
    elapsed = time.perf_counter() - started
    await sender.session.close()
    db.dispose()
    return {"elapsed_s": elapsed, "sent": worker.stats.sent, "retried": worker.stats.retried}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=2000.0, help="messages per second the stand-in allows")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--database-url", help="default: a temporary SQLite file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database_url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        fan_started = time.perf_counter()
        queued = fan_out(database_url, args.users)
        fan_out_s = time.perf_counter() - fan_started
        standin = subprocess.Popen([sys.executable, str(ROOT / "tests" / "scheduler" / "slack_standin.py"),
                                    "--rate", str(args.rate)], stdout=subprocess.PIPE, cwd=ROOT)
        try:
            assert standin.stdout is not None
            port = json.loads(standin.stdout.readline())["port"]
            result = asyncio.run(run(args.users, args.rate, database_url, f"http://127.0.0.1:{port}/api/",
                                     args.concurrency))
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/stats") as response:
                stats = json.loads(response.read())
        finally:
            standin.terminate()
            standin.wait(10)
    minimum = args.users / args.rate
    report = {
        "users": args.users, "queued": queued, "rate_limit_per_s": args.rate,
        "fan_out_insert_s": round(fan_out_s, 3),
        "delivery_s": round(result["elapsed_s"], 3), "minimum_s": round(minimum, 3),
        "ratio_to_minimum": round(result["elapsed_s"] / minimum, 3), "target_ratio": 1.1,
        "recipients_reached": stats["recipients"], "max_messages_per_recipient": stats["max_per_recipient"],
        "answered_429": stats["rate_limited"], "retried": result["retried"],
        "database": database_url.split(":")[0], "python": platform.python_version(), "machine": platform.machine(),
    }
    out = ROOT / "bench" / "results" / "fanout.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
