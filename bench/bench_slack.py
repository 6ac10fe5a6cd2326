"""Benchmark the Slack adapter: signed `/smm review` slash commands against `smm serve`, beside a bare Bolt
AsyncApp that only acknowledges, in the same run, on loopback.

Run from the project's root:  .venv/bin/python bench/bench_slack.py [--requests N] [--concurrency C]

Both servers run as subprocesses on 127.0.0.1 and call a local stand-in for Slack's Web API (started here), so
nothing reaches the internet. For each we measure the acknowledgement (the HTTP response Slack waits for, at
most 3 s): requests per second and p50/p99 latency. For `smm serve` we also measure the end-to-end rate: until
every review has been posted back through its response_url. Writes bench/results/slack.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
import hmac
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-signing-secret-0123456789abcdef"
TOKEN = "xoxb-bench-0000-token"
POSTS = [
    "Trots op ons team! Vandaag weer veel klanten blij gemaakt.",
    "Morgen lanceren we Project Tulp, de nieuwe KookPro! Mail me op karel.fransen@gmail.com",
    "Our customers are idiots, honestly. <!channel>",
    "Check out the new KookPro, best kitchen gadget ever #ad",
    "Namens Acme maken we bekend dat de reorganisatie doorgaat.",
]

# The bare app: Bolt's AsyncApp with the same settings as the adapter, a listener that only acknowledges.
BARE_APP = """
import sys
from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.app.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

secret, token, api, port, before = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5] == "1"
app = AsyncApp(client=AsyncWebClient(token=token, base_url=api), signing_secret=secret,
               process_before_response=before)

@app.command("/smm")
async def smm(ack):
    await ack()

async def events(request):
    return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

web_app = web.Application()
web_app.router.add_post("/slack/events", events)
web_app.router.add_get("/healthz", lambda _r: web.json_response({"status": "ok"}))
web.run_app(web_app, host="127.0.0.1", port=port, access_log=None, print=None)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class StubApi:
    """Slack's Web API and response_url hooks, answering ok; counts the replies posted back."""

    def __init__(self) -> None:
        self.replies = 0
        self.calls = 0
        self.url = ""
        self._runner: web.AppRunner | None = None

    async def handle(self, request: web.Request) -> web.Response:
        await request.read()
        self.calls += 1
        if request.path.startswith("/commands/"):
            self.replies += 1
            return web.Response(text="ok")
        if request.path.endswith("auth.test"):
            return web.json_response({"ok": True, "url": "https://bench.slack.com/", "team_id": "T0BENCH",
                                      "user_id": "U0BENCHBOT", "bot_id": "B0BENCHBOT"})
        return web.json_response({"ok": True, "ts": "1767190000.000100", "channel": "C0BENCH"})

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("POST", "/{tail:.*}", self.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", port).start()
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


def signed(body: str) -> dict[str, str]:
    ts = str(int(time.time()))
    digest = hmac.new(SECRET.encode(), f"v0:{ts}:{body}".encode(), hashlib.sha256).hexdigest()
    return {"Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": f"v0={digest}"}


def command_body(i: int, response_base: str) -> str:
    return urllib.parse.urlencode({
        "token": "unused", "team_id": "T0BENCH", "team_domain": "bench", "channel_id": "C0BENCH",
        "channel_name": "general", "user_id": f"U0USER{i % 50:04d}", "user_name": f"user{i % 50}",
        "command": "/smm", "text": "review " + POSTS[i % len(POSTS)], "api_app_id": "A0BENCH",
        "is_enterprise_install": "false", "response_url": f"{response_base}/commands/T0BENCH/{i}/x",
        "trigger_id": f"{i}.1.abc",
    })


async def wait_healthy(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}")
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(url + "/healthz") as resp:
                    if resp.status == 200:
                        return
            await asyncio.sleep(0.2)
    raise RuntimeError("server did not become healthy")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def load(url: str, n: int, concurrency: int, response_base: str, offset: int = 0) -> dict[str, Any]:
    """Send `n` signed commands with `concurrency` in flight; latency is the time to Slack's acknowledgement."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    queue = iter(range(offset, offset + n))
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def worker() -> None:
            for i in queue:
                body = command_body(i, response_base)
                started = time.perf_counter()
                async with session.post(url + "/slack/events", data=body.encode(), headers=signed(body)) as resp:
                    await resp.read()
                latencies.append(time.perf_counter() - started)
                statuses[resp.status] = statuses.get(resp.status, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {"seconds": elapsed, "latencies": latencies, "statuses": statuses}


def summary(chunks: list[dict[str, Any]]) -> dict[str, Any]:
    latencies = [x for c in chunks for x in c["latencies"]]
    seconds = sum(c["seconds"] for c in chunks)
    statuses: dict[str, int] = {}
    for chunk in chunks:
        for status, count in chunk["statuses"].items():
            statuses[str(status)] = statuses.get(str(status), 0) + count
    return {"requests": len(latencies), "seconds": round(seconds, 3), "rps": round(len(latencies) / seconds, 1),
            "p50_ms": round(percentile(latencies, 0.50) * 1000, 2),
            "p99_ms": round(percentile(latencies, 0.99) * 1000, 2), "statuses": statuses}


async def wait_replies(stub: StubApi, count: int, timeout: float = 120) -> None:
    """Until `count` replies have come back through response_urls (the reviews are done)."""
    deadline = time.monotonic() + timeout
    while stub.replies < count and time.monotonic() < deadline:
        await asyncio.sleep(0.005)


async def run(n: int, concurrency: int, warmup: int, rounds: int) -> dict[str, Any]:
    stub = StubApi()
    await stub.start()
    procs: list[subprocess.Popen[bytes]] = []
    results: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            smm_port, bare_port, bare_default_port = free_port(), free_port(), free_port()
            env = {**os.environ, "SMM_SLACK_BOT_TOKEN": TOKEN, "SMM_SLACK_SIGNING_SECRET": SECRET,
                   "SMM_SLACK_API_URL": stub.url + "/api/", "SMM_DATABASE_URL": f"sqlite:///{tmp}/bench.db",
                   "SMM_HOST": "127.0.0.1", "SMM_PORT": str(smm_port), "SMM_LOG_LEVEL": "WARNING"}
            env.pop("SMM_SLACK_APP_TOKEN", None)
            smm = [sys.executable, "-c", "from bot.cli import main; main()", "serve"]
            procs.append(subprocess.Popen(smm, cwd=tmp, env={**env, "PYTHONPATH": str(ROOT)},
                                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL))
            bare_cmd = [sys.executable, "-c", BARE_APP, SECRET, TOKEN, stub.url + "/api/"]
            procs.append(subprocess.Popen([*bare_cmd, str(bare_port), "1"], stdin=subprocess.DEVNULL))
            procs.append(subprocess.Popen([*bare_cmd, str(bare_default_port), "0"], stdin=subprocess.DEVNULL))
            targets = {"smm_serve": smm_port, "bare_bolt": bare_port, "bare_bolt_default_settings": bare_default_port}
            for port, proc in zip(targets.values(), procs, strict=True):
                await wait_healthy(f"http://127.0.0.1:{port}", proc)
            urls = {name: f"http://127.0.0.1:{port}" for name, port in targets.items()}
            for url in urls.values():
                await load(url, warmup, concurrency, stub.url, offset=10_000_000)  # warm-up, not counted
            await wait_replies(stub, warmup)
            # Interleaved rounds, so a noisy neighbour on the machine hits every server alike.
            chunks: dict[str, list[dict[str, Any]]] = {name: [] for name in urls}
            e2e_seconds = 0.0
            per_round = n // rounds
            for round_no in range(rounds):
                for name, url in urls.items():
                    before = stub.replies
                    chunk = await load(url, per_round, concurrency, stub.url, offset=round_no * per_round)
                    chunks[name].append(chunk)
                    if name == "smm_serve":
                        started = time.perf_counter()
                        await wait_replies(stub, before + per_round)
                        e2e_seconds += chunk["seconds"] + time.perf_counter() - started
            results = {name: summary(c) for name, c in chunks.items()}
            posted = stub.replies - warmup
            results["smm_serve"].update(replies_posted=posted, end_to_end_seconds=round(e2e_seconds, 3),
                                        end_to_end_rps=round(posted / e2e_seconds, 1))
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
        await stub.stop()
    smm_r, bare_r = results["smm_serve"], results["bare_bolt"]
    return {
        "benchmark": "signed /smm review slash commands over loopback HTTP",
        "requests": n, "concurrency": concurrency, "warmup": warmup, "rounds": rounds,
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "results": results,
        "ratio_ack_rps": round(smm_r["rps"] / bare_r["rps"], 3),
        "ratio_end_to_end_rps": round(smm_r["end_to_end_rps"] / bare_r["rps"], 3),
        "ratio_vs_default_bolt": round(smm_r["rps"] / results["bare_bolt_default_settings"]["rps"], 3),
        "target": ">= 0.8 of the bare app's throughput",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    report = asyncio.run(run(args.requests, args.concurrency, args.warmup, args.rounds))
    out = ROOT / "bench" / "results" / "slack.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
