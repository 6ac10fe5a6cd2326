"""`smm ask` as a user runs it: --json, --jsonl, and clear errors for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_answer_engine import make_pack
from typer.testing import CliRunner

from bot.cli import app


@pytest.fixture(scope="module", autouse=True)
def _private_index_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Cached indexes go to a temporary folder, not the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SMM_CACHE_DIR", str(tmp_path_factory.mktemp("index-cache")))
        yield

@pytest.fixture(scope="module")
def pack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_pack(tmp_path_factory.mktemp("cli") / "pack")


def run(pack_dir: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["ask", *args, "--policy-dir", str(pack_dir)], input=stdin)
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def smm(pack_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `smm ask` as a separate process (standard input is a real file there)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", "ask", *args, "--policy-dir", str(pack_dir)],
        input=stdin, capture_output=True, text=True, timeout=60,
    )


def test_json_prints_one_contract_object(pack_dir: Path) -> None:
    code, out, _ = run(pack_dir, "--json", "Mag ik onder werktijd op Instagram?")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"answer", "language", "sources", "confidence", "escalate"}
    assert data["language"] == "nl"
    assert data["sources"][0] == {"id": "working-hours", "title": "Social media onder werktijd"}
    assert data["escalate"] is False


def test_jsonl_answers_every_line_in_order_and_reports_bad_lines(pack_dir: Path) -> None:
    lines = [
        json.dumps("Can I check Instagram during working hours?"),
        "{not json",
        json.dumps({"text": "Hoe sterk moet mijn wachtwoord zijn?"}),
        json.dumps({"question": "no text key"}),
        json.dumps(""),
        json.dumps(42),
        json.dumps({"text": "x" * 5000}),
    ]
    proc = smm(pack_dir, "--jsonl", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    objects = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(objects) == len(lines)
    assert objects[0]["sources"][0]["id"] == "working-hours"
    assert objects[2]["sources"][0]["id"] == "account-security"
    for bad in (1, 3, 4, 5, 6):
        assert "error" in objects[bad] and f"line {bad + 1}" in objects[bad]["error"]
    assert "not valid JSON" in objects[1]["error"]
    assert "empty" in objects[4]["error"]
    assert "limit" in objects[6]["error"]


@pytest.mark.parametrize(("question", "message"), [
    ("   ", "empty"),
    ("x" * 5000, "limit"),
    ("abc\x00\x01\x02def", "binary"),
])
def test_bad_questions_give_a_clear_error_not_a_traceback(pack_dir: Path, question: str, message: str) -> None:
    code, out, err = run(pack_dir, "--json", question)
    assert code == 2
    assert message in (out + err)
    assert "Traceback" not in out + err


def test_no_question_and_bad_options_are_usage_errors(pack_dir: Path) -> None:
    code, _, err = run(pack_dir)
    assert code == 2 and "give a question" in err
    code, _, err = run(pack_dir, "--lang", "de", "vraag")
    assert code == 2 and "--lang" in err


def test_smm_ask_runs_as_a_command(pack_dir: Path) -> None:
    proc = smm(pack_dir, "--json", "Wat eten we in de kantine?")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["escalate"] is True
    assert "Piet Bakker" in data["answer"]
    assert "Traceback" not in proc.stderr
