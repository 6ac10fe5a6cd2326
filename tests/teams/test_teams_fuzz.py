"""Fuzzing `POST /api/messages` of one running bot with thousands of generated bodies: recorded Teams activities
with fields set to other types, other values or removed, any JSON at all, bytes that are no JSON, huge bodies and
other content types; with a valid token from the local key server, without one, and against the Emulator's
tokenless endpoint. Whatever arrives, the answer is a 4xx or a 2xx, the log has no ERROR record and no
traceback, and asyncio reports no task whose exception was never retrieved. Deterministic (derandomize); the
Bot Connector is the local stand-in and nothing reaches beyond 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
import logging
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from teams_support import FakeConnector, KeyServer, TeamsHarness, load_payload, running_bot

from bot.config import Settings

CASES = 2000
BASES = ["message_personal.json", "message_channel_mention.json", "message_group_mention.json",
         "action_submit.json", "action_execute.json", "conversation_update_installed.json"]
PATHS: list[tuple[str | int, ...]] = [
    *[(key,) for key in ("type", "id", "name", "serviceUrl", "channelId", "from", "recipient", "conversation",
                         "text", "textFormat", "locale", "entities", "membersAdded", "membersRemoved",
                         "attachments", "channelData", "value", "replyToId", "timestamp", "localTimestamp",
                         "summary", "callerId", "relatesTo", "action", "localTimezone", "valueType")],
    ("from", "id"), ("from", "aadObjectId"), ("from", "name"), ("recipient", "id"), ("recipient", "name"),
    ("conversation", "id"), ("conversation", "conversationType"), ("conversation", "isGroup"),
    ("conversation", "tenantId"), ("channelData", "tenant"), ("channelData", "tenant", "id"),
    ("channelData", "channel"), ("value", "smm_action"), ("value", "smm_value"), ("value", "action"),
    ("value", "action", "verb"), ("value", "action", "data"), ("value", "action", "data", "smm_action"),
    ("entities", 0), ("entities", 0, "type"), ("entities", 0, "mentioned"), ("entities", 0, "mentioned", "id"),
    ("entities", 0, "text"), ("membersAdded", 0), ("membersAdded", 0, "id"), ("attachments", 0),
    ("attachments", 0, "contentType"),
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
plausible = st.sampled_from([
    "message", "invoke", "conversationUpdate", "messageReaction", "adaptiveCard/action", "personal", "channel",
    "groupChat", "msteams", "emulator", "directline", "smm.feedback.up", "smm.escalate", "smm.announce.confirm",
    "smm.unknown", "1", "-1", "99999999999999999999", "", " ", "<at>Social Media Manager</at>", "mention",
    "http://169.254.169.254\\@127.0.0.1/", "http://evil.example/", "28:bot", "6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
    "{{DATE(2026-01-01T00:00:00Z)}}", "\u0000", "nl-NL", "xx-ÿÿ", "2026-13-45T99:99:99Z",
])
texts = st.one_of(
    st.sampled_from(["help", "hulp", "review Mail karel@acme.example, die sukkel", "profile KarelFransen_Acme",
                     "Mag ik onder werktijd op LinkedIn?", "announce Iedereen vrij", "remind list", "policy",
                     "review [bank](https://evil.example/login)", "<at>Social Media Manager</at> help", ""]),
    st.text(max_size=120),
)


def rarely(strategy: st.SearchStrategy[Any], otherwise: st.SearchStrategy[Any], one_in: int) -> st.SearchStrategy[Any]:
    """`strategy` about once in `one_in` draws, else `otherwise`."""
    return st.sampled_from([False] * (one_in - 1) + [True]).flatmap(lambda hit: strategy if hit else otherwise)


mutation = st.tuples(st.sampled_from(PATHS), st.sampled_from(["set", "set", "set", "delete"]),
                     st.one_of(json_values, plausible))
activity_case = st.tuples(st.just("activity"), st.sampled_from(BASES), texts, st.lists(mutation, max_size=4))
body_case = st.one_of(
    activity_case, activity_case, activity_case, activity_case,
    st.tuples(st.just("json"), json_values),
    st.tuples(st.just("bytes"), st.binary(max_size=200)),
    st.tuples(st.just("bytes"), st.sampled_from([b"", b"{", b"[1,", b'{"type": "message"', b"\xff\xfe{}",
                                                 b"[" * 100_000, b'{"a":' * 50_000, b"nul", b"1e999999",
                                                 b'{"type": "message", "text": "\\ud800"}', b"9" * 5000])),
)
cases = st.tuples(
    st.sampled_from(["signed", "unsigned", "emulator"]),
    body_case,
    rarely(st.sampled_from(["text/plain", "", "application/json; charset=latin-1", "application/x-www-form-urlencoded",
                            "APPLICATION/JSON"]), st.just("application/json; charset=utf-8"), 15),
    rarely(st.sampled_from([60_000, 300_000, 1_500_000]), st.just(0), 40),  # bytes of padding in the body
)


def _apply(activity: dict[str, Any], path: tuple[str | int, ...], op: str, value: Any) -> None:
    node: Any = activity
    for depth, step in enumerate(path[:-1]):
        if isinstance(step, int):
            if not isinstance(node, list) or not node:
                return
            node = node[0]
        else:
            if not isinstance(node, dict):
                return
            if not isinstance(node.get(step), dict | list):
                node[step] = [{}] if isinstance(path[depth + 1], int) else {}
            node = node[step]
    last = path[-1]
    if isinstance(last, int):
        if isinstance(node, list) and node:
            if op == "delete":
                node.pop(0)
            else:
                node[0] = value
        return
    if not isinstance(node, dict):
        return
    if op == "delete":
        node.pop(last, None)
    else:
        node[last] = value


def _body(case: tuple[Any, ...], service_url: str, padding: int) -> bytes:
    if case[0] == "bytes":
        return bytes(case[1])
    if case[0] == "json":
        value = case[1]
    else:
        _, base, text, mutations = case
        value = load_payload(base, SERVICE_URL=service_url, TEXT=text, ACTION="smm.feedback.up", VALUE="1")
        for path, op, new in mutations:
            _apply(value, path, op, new)
    if padding and isinstance(value, dict):
        value["padding"] = "x" * padding
    return json.dumps(value).encode("utf-8", "surrogatepass")


class _Problems(logging.Handler):
    """Every ERROR record and every record with a traceback, from any logger."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR or record.exc_info:
            self.records.append(record)


@pytest.fixture
async def emulator_too(settings: Settings, connector: FakeConnector, tmp_path: Path) -> AsyncIterator[TeamsHarness]:
    """The Emulator's endpoint next to the authenticated one, on its own database."""
    own = settings.model_copy(update={"database_url": f"sqlite:///{tmp_path / 'emulator.db'}"})
    async for harness in running_bot(own, connector, None):
        yield harness


async def test_fuzzed_bodies_get_no_5xx_no_traceback_and_no_lost_task(
        teams: TeamsHarness, emulator_too: TeamsHarness, key_server: KeyServer) -> None:
    loop = asyncio.get_running_loop()
    lost: list[str] = []
    previous = loop.get_exception_handler()
    loop.set_exception_handler(lambda _loop, context: lost.append(str(context.get("message"))))
    problems = _Problems()
    logging.getLogger().addHandler(problems)
    token = key_server.token(teams.connector.url)
    statuses: Counter[int] = Counter()

    async def send(flavor: str, body: bytes, content_type: str) -> int:
        harness = emulator_too if flavor == "emulator" else teams
        headers = {"Content-Type": content_type} if content_type else {}
        if flavor == "signed":
            headers["Authorization"] = f"Bearer {token}"
        async with harness.http.post(harness.base_url + "/api/messages", data=body, headers=headers,
                                     timeout=aiohttp.ClientTimeout(total=120)) as response:
            await response.read()
            status = response.status
        await harness.component.drain(timeout=120)
        return status

    @settings(max_examples=CASES, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(cases)
    def case(generated: tuple[Any, ...]) -> None:
        flavor, body_case, content_type, padding = generated
        body = _body(body_case, teams.connector.url, padding)
        status = asyncio.run_coroutine_threadsafe(send(flavor, body, content_type), loop).result(timeout=300)
        statuses[status] += 1
        teams.connector.clear()
        assert status < 500, (flavor, body[:300], content_type)
        assert problems.records == [], [(r.name, r.getMessage()[:200]) for r in problems.records]

    try:
        await asyncio.to_thread(case)
    finally:
        logging.getLogger().removeHandler(problems)
        loop.set_exception_handler(previous)
    assert lost == []
    assert sum(statuses.values()) >= CASES
    # The generator reaches every stage: refused bodies, refused tokens, and activities that were answered.
    assert statuses[400] and statuses[401] and (statuses[201] or statuses[200]), statuses
