"""Benchmark the outbox fan-out: 10,000 recipients against a Slack stand-in that allows N messages per second,
as a ratio to the minimum that limit allows (recipients / N seconds). Target: within 1.1.

Run from the project's root:  .venv/bin/python bench/bench_fanout.py [--users 10000] [--rates 100,500,2000,0]

The stand-in (tests/scheduler/slack_standin.py) runs as a subprocess on 127.0.0.1, accepts at most N posts in
any one-second interval and answers 429 with Retry-After above that. Rate 0 runs without a limit, to show the
machine's ceiling (worker and stand-in CPU, both Python, share the cores). The outbox worker runs here with
its limiter set to the same rate and a lean HTTP sender (one chat.postMessage per message), so the figure
measures the outbox (claiming, rate limiting, marking sent), not a particular SDK. Writes every run, with CPU
seconds of the worker (this process) and of the stand-in, to bench/results/fanout.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

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
    cpu = time.process_time()
    started = time.perf_counter()
    await worker.drain(timeout=users / rate * 3 + 60)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu
    await sender.session.close()
    db.dispose()
    return {"elapsed_s": elapsed, "cpu_s": cpu, "sent": worker.stats.sent, "retried": worker.stats.retried}


def _get(port: int, path: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}") as response:
        data: dict[str, Any] = json.loads(response.read())
    return data


def bench_one(users: int, rate: float, concurrency: int, database_url: str | None) -> dict[str, Any]:
    """Fan out to `users`, deliver against a stand-in allowing `rate` per second; rate 0 = no limit (the
    machine's own ceiling: the worker's rate is set far above what it can reach)."""
    limit = rate if rate > 0 else 1_000_000.0
    with tempfile.TemporaryDirectory() as tmp:
        url = database_url or f"sqlite:///{Path(tmp) / 'bench.db'}"
        fan_started = time.perf_counter()
        queued = fan_out(url, users)
        fan_out_s = time.perf_counter() - fan_started
        standin = subprocess.Popen([sys.executable, str(ROOT / "tests" / "scheduler" / "slack_standin.py"),
                                    "--rate", str(limit)], stdout=subprocess.PIPE, cwd=ROOT)
        try:
            assert standin.stdout is not None
            port = json.loads(standin.stdout.readline())["port"]
            standin_cpu = _get(port, "/stats")["cpu_s"]
            result = asyncio.run(run(users, limit, url, f"http://127.0.0.1:{port}/api/", concurrency))
            stats = _get(port, "/stats")
        finally:
            standin.terminate()
            standin.wait(10)
    report: dict[str, Any] = {
        "rate_limit_per_s": rate if rate > 0 else None, "users": users, "queued": queued,
        "fan_out_insert_s": round(fan_out_s, 3), "delivery_s": round(result["elapsed_s"], 3),
        "messages_per_s": round(stats["posts"] / result["elapsed_s"], 1),
        "recipients_reached": stats["recipients"], "max_messages_per_recipient": stats["max_per_recipient"],
        "answered_429": stats["rate_limited"], "retried": result["retried"],
        "worker_cpu_s": round(result["cpu_s"], 2), "worker_cpu_share": round(result["cpu_s"] / result["elapsed_s"], 2),
        "standin_cpu_s": round(stats["cpu_s"] - standin_cpu, 2),
        "standin_cpu_share": round((stats["cpu_s"] - standin_cpu) / result["elapsed_s"], 2),
    }
    if rate > 0:
        minimum = users / rate
        report.update({"minimum_s": round(minimum, 3), "ratio_to_minimum": round(result["elapsed_s"] / minimum, 3)})
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--rates", default="100,500,2000",
                        help="comma-separated limits (messages per second) to measure; 0 = no limit (ceiling)")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--database-url", help="default: a temporary SQLite file per run (a PostgreSQL URL is "
                                                "reused: give an empty database)")
    parser.add_argument("--output", default=str(ROOT / "bench" / "results" / "fanout.json"))
    args = parser.parse_args()
    runs = []
    for text in args.rates.split(","):
        result = bench_one(args.users, float(text), args.concurrency, args.database_url)
        print(json.dumps(result), flush=True)
        runs.append(result)
    report = {
        "target_ratio": 1.1, "database": (args.database_url or "sqlite").split(":")[0],
        "cpus": os.cpu_count(), "python": platform.python_version(), "machine": platform.machine(),
        "standin_limit": "at most N accepted posts in any 1-second interval (sliding window); 429 + Retry-After: 1",
        "runs": runs,
    }
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
