"""Benchmark the Slack adapter: signed `/smm review` slash commands against `smm serve`, beside a bare Bolt
AsyncApp that only acknowledges, in the same run, on loopback.

Run from the project's root:  .venv/bin/python bench/bench_slack.py [--requests N] [--concurrency C] [--runs R]

Three servers run as subprocesses on 127.0.0.1: `smm serve`, a bare Bolt AsyncApp whose only listener acks
`/smm` with `process_before_response=True` (the adapter's setting, the fastest bare app) and the same with
Bolt's default settings. A local stand-in for Slack's Web API and response_url hooks runs in a fourth process,
so nothing reaches the internet and the load client (this process) does the same work for every server.

Each run starts fresh servers, warms each up, then sends interleaved rounds (the order rotating) from the same
client. For each server: acknowledgements per second (the HTTP response Slack waits for, at most 3 s) and
p50/p99 latency to the acknowledgement. For `smm serve` also the end-to-end rate: from the first request of a
round until every review has been posted back through its response_url. The report gives every run and the
median of each figure and ratio (ack rps against each bare app, end to end against each) over the runs, and
each server's own CPU time per request (from /proc), which a busy machine disturbs far less than rps.
Writes bench/results/slack.json. With only 2 cores the client, the stub and the server share the machine.
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
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path
from typing import Any

import aiohttp

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


# Slack's side: the Web API and the response_url hooks, answering ok and counting the replies posted back. It runs
# in a process of its own, so the load client's event loop does the same work for every server.
STUB_API = """
import sys
from aiohttp import web

replies = 0

async def handle(request):
    global replies
    await request.read()
    if request.path.startswith("/commands/"):
        replies += 1
        return web.Response(text="ok")
    if request.path.endswith("auth.test"):
        return web.json_response({"ok": True, "url": "https://bench.slack.com/", "team_id": "T0BENCH",
                                  "user_id": "U0BENCHBOT", "bot_id": "B0BENCHBOT"})
    return web.json_response({"ok": True, "ts": "1767190000.000100", "channel": "C0BENCH"})

async def count(_request):
    return web.Response(text=str(replies))

app = web.Application()
app.router.add_get("/count", count)
app.router.add_get("/healthz", lambda _r: web.json_response({"status": "ok"}))
app.router.add_route("POST", "/{tail:.*}", handle)
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), access_log=None, print=None)
"""


class StubApi:
    """Handle on the stub process: its URL and the number of replies it has received."""

    def __init__(self, port: int) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self._session: aiohttp.ClientSession | None = None

    async def replies(self) -> int:
        if self._session is None:
            self._session = aiohttp.ClientSession()
        async with self._session.get(self.url + "/count") as resp:
            return int(await resp.text())

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()


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
    while await stub.replies() < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"only {await stub.replies()} of {count} replies arrived")
        await asyncio.sleep(0.005)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far (Linux /proc), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_servers(tmp: str, stub_url: str) -> tuple[dict[str, int], list[subprocess.Popen[bytes]]]:
    """`smm serve` and the two bare Bolt apps, each in its own process, on free loopback ports."""
    ports = {"smm_serve": free_port(), "bare_bolt": free_port(), "bare_bolt_default_settings": free_port()}
    # Throughput is measured with the back-pressure limit out of the way: every review must come back.
    env = {**os.environ, "SMM_SLACK_MAX_WAITING": "1000000",
           "SMM_SLACK_BOT_TOKEN": TOKEN, "SMM_SLACK_SIGNING_SECRET": SECRET,
           "SMM_SLACK_API_URL": stub_url + "/api/", "SMM_DATABASE_URL": f"sqlite:///{tmp}/bench.db",
           "SMM_HOST": "127.0.0.1", "SMM_PORT": str(ports["smm_serve"]), "SMM_LOG_LEVEL": "WARNING"}
    env.pop("SMM_SLACK_APP_TOKEN", None)
    smm = [sys.executable, "-c", "from bot.cli import main; main()", "serve"]
    bare = [sys.executable, "-c", BARE_APP, SECRET, TOKEN, stub_url + "/api/"]
    procs = [
        subprocess.Popen(smm, cwd=tmp, env={**env, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL),
        subprocess.Popen([*bare, str(ports["bare_bolt"]), "1"], stdin=subprocess.DEVNULL),
        subprocess.Popen([*bare, str(ports["bare_bolt_default_settings"]), "0"], stdin=subprocess.DEVNULL),
    ]
    return ports, procs


async def run_once(n: int, concurrency: int, warmup: int, rounds: int) -> dict[str, Any]:
    """One run: fresh servers, a warm-up for each, then `rounds` interleaved rounds of n/rounds requests."""
    stub_port = free_port()
    procs = [subprocess.Popen([sys.executable, "-c", STUB_API, str(stub_port)], stdin=subprocess.DEVNULL)]
    stub = StubApi(stub_port)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            await wait_healthy(stub.url, procs[0])
            ports, servers = start_servers(tmp, stub.url)
            procs += servers
            urls = {name: f"http://127.0.0.1:{port}" for name, port in ports.items()}
            for url, proc in zip(urls.values(), servers, strict=True):
                await wait_healthy(url, proc)
            for url in urls.values():
                await load(url, warmup, concurrency, stub.url, offset=10_000_000)  # warm-up, not counted
            await wait_replies(stub, warmup)
            # Interleaved rounds, the order rotating each round, so a noisy neighbour on the machine and the
            # position in a round hit every server alike. All use the same client code and concurrency.
            chunks: dict[str, list[dict[str, Any]]] = {name: [] for name in urls}
            pids = {name: proc.pid for name, proc in zip(urls, servers, strict=True)}
            cpu = dict.fromkeys(urls, 0.0)
            names = list(urls)
            e2e_seconds = 0.0
            per_round = n // rounds
            for round_no in range(rounds):
                order = names[round_no % len(names):] + names[:round_no % len(names)]
                for name in order:
                    before = await stub.replies()
                    cpu_before = cpu_seconds(pids[name])
                    chunk = await load(urls[name], per_round, concurrency, stub.url, offset=round_no * per_round)
                    chunks[name].append(chunk)
                    if name == "smm_serve":
                        # End to end: from the first request until every review has reached its response_url.
                        started = time.perf_counter()
                        await wait_replies(stub, before + per_round)
                        e2e_seconds += chunk["seconds"] + time.perf_counter() - started
                    cpu[name] += cpu_seconds(pids[name]) - cpu_before
            results = {name: summary(c) for name, c in chunks.items()}
            for name, seconds in cpu.items():
                # The server's own CPU per request (for smm serve including the review and its reply): unlike
                # rps this hardly depends on what else the machine is doing. Resolution: one clock tick.
                results[name]["cpu_ms_per_request"] = round(seconds * 1000 / results[name]["requests"], 3)
            posted = await stub.replies() - warmup
            results["smm_serve"].update(replies_posted=posted, end_to_end_seconds=round(e2e_seconds, 3),
                                        end_to_end_rps=round(posted / e2e_seconds, 1))
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=10)
        await stub.close()
    return results


def ratios(results: dict[str, Any]) -> dict[str, float]:
    smm = results["smm_serve"]
    tuned, default = results["bare_bolt"]["rps"], results["bare_bolt_default_settings"]["rps"]
    return {
        "ack_vs_bare_bolt": round(smm["rps"] / tuned, 3),
        "ack_vs_bare_bolt_default_settings": round(smm["rps"] / default, 3),
        "end_to_end_vs_bare_bolt": round(smm["end_to_end_rps"] / tuned, 3),
        "end_to_end_vs_bare_bolt_default_settings": round(smm["end_to_end_rps"] / default, 3),
        # Requests per CPU-second relative to the bare app (bare CPU per request / ours): what the rps ratio
        # tends to when the server process, not the client or the neighbours, is the bottleneck.
        "cpu_efficiency_vs_bare_bolt": round(results["bare_bolt"]["cpu_ms_per_request"]
                                             / smm["cpu_ms_per_request"], 3),
        "cpu_efficiency_vs_bare_bolt_default_settings": round(
            results["bare_bolt_default_settings"]["cpu_ms_per_request"] / smm["cpu_ms_per_request"], 3),
    }


def median_of(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Per server and figure, the median over the runs (each figure on its own, so not one run's numbers)."""
    bare = ("rps", "p50_ms", "p99_ms", "cpu_ms_per_request")
    figures = {"smm_serve": (*bare, "end_to_end_rps"), "bare_bolt": bare, "bare_bolt_default_settings": bare}
    return {name: {key: round(statistics.median(r["results"][name][key] for r in runs), 2) for key in keys}
            for name, keys in figures.items()}


async def run(n: int, concurrency: int, warmup: int, rounds: int, runs: int) -> dict[str, Any]:
    per_run = []
    for run_no in range(runs):
        results = await run_once(n, concurrency, warmup, rounds)
        per_run.append({"run": run_no + 1, "results": results, "ratios": ratios(results)})
        print(f"run {run_no + 1}: " + json.dumps(per_run[-1]["ratios"]), file=sys.stderr)
    median_ratios = {key: round(statistics.median(r["ratios"][key] for r in per_run), 3)
                     for key in per_run[0]["ratios"]}
    target = 0.8
    return {
        "benchmark": "signed /smm review slash commands over loopback HTTP",
        "requests_per_run": n, "concurrency": concurrency, "warmup": warmup, "rounds": rounds, "runs": runs,
        "python": platform.python_version(), "machine": platform.machine(), "cpus": os.cpu_count(),
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "target": f"ack rps >= {target} x the bare app's",
        "median": {"results": median_of(per_run), "ratios": median_ratios},
        "target_met": {
            "vs_bare_bolt": median_ratios["ack_vs_bare_bolt"] >= target,
            "vs_bare_bolt_default_settings": median_ratios["ack_vs_bare_bolt_default_settings"] >= target,
        },
        "runs_detail": per_run,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--requests", type=int, default=2000, help="per server and run")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3, help="fresh servers each run; the report gives the median")
    args = parser.parse_args()
    report = asyncio.run(run(args.requests, args.concurrency, args.warmup, args.rounds, args.runs))
    out = ROOT / "bench" / "results" / "slack.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "runs_detail"}, indent=2))


if __name__ == "__main__":
    main()
