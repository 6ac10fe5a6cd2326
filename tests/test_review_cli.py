"""`smm review` and `smm profile` as a user runs them: --json, --jsonl, --csv, readable text, bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_review_engine import make_review_pack
from typer.testing import CliRunner

from bot.cli import app


@pytest.fixture(scope="module")
def pack_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_review_pack(tmp_path_factory.mktemp("cli") / "pack")


def run(pack_dir: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, "--policy-dir", str(pack_dir)])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def smm(pack_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `smm` as a separate process (standard input is a real file there)."""
    return subprocess.run(
        [sys.executable, "-m", "bot", *args, "--policy-dir", str(pack_dir)],
        input=stdin, capture_output=True, text=True, timeout=120,
    )


def test_json_prints_the_contract_object(pack_dir: Path) -> None:
    code, out, _ = run(pack_dir, "review", "--json", "Mijn baas is een idioot, mail hem op baas@example.com")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"verdict", "language", "findings"}
    assert data["verdict"] == "block" and data["language"] == "nl"
    for finding in data["findings"]:
        assert set(finding) == {"rule", "severity", "start", "end", "excerpt", "message", "suggestion", "section"}
    assert {f["rule"] for f in data["findings"]} == {"insulting-language", "personal-data"}


def test_plain_review_is_readable(pack_dir: Path) -> None:
    code, out, _ = run(pack_dir, "review", "Damn, lekke band onderweg")
    assert code == 0
    assert out.startswith("[LET OP]") or out.startswith("[CAUTION]")
    assert "profanity" in out and "Tip:" in out


def test_ok_post_says_so(pack_dir: Path) -> None:
    code, out, _ = run(pack_dir, "review", "Lekker gefietst vandaag!")
    assert code == 0 and out.startswith("[OK]")


def test_empty_and_binary_posts_are_clear_errors(pack_dir: Path) -> None:
    code, _, err = run(pack_dir, "review", "   ")
    assert code == 2 and "empty" in err
    code, out, _ = run(pack_dir, "review", "--json", "abc\x00\x01\x02")
    assert code == 2 and "binary" in json.loads(out)["error"]


def test_jsonl_answers_every_line_in_order(pack_dir: Path) -> None:
    lines = [
        json.dumps("Lekker gefietst!"),
        "not json",
        json.dumps({"text": "  🎉 mail me at x@example.com"}),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Verdomme"}),
    ]
    proc = smm(pack_dir, "review", "--jsonl", stdin="\n".join(lines) + "\n")
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(out) == 5
    assert out[0]["verdict"] == "ok"
    assert "error" in out[1] and out[1]["line"] == 2
    finding = out[2]["findings"][0]
    assert "  🎉 mail me at x@example.com"[finding["start"]:finding["end"]] == finding["excerpt"] == "x@example.com"
    assert "error" in out[3]
    assert out[4]["verdict"] == "caution"


def test_csv_calendar_keeps_columns_and_adds_results(pack_dir: Path, tmp_path: Path) -> None:
    calendar = tmp_path / "calendar.csv"
    calendar.write_text(
        "date,channel,text\n2025-01-06,LinkedIn,Trots op ons team!\n2025-01-07,X,\"Verdomme, wat een dag\"\n"
        "2025-01-08,Instagram,Bel me op 06 12 34 56 78\n",
        encoding="utf-8",
    )
    out_file = tmp_path / "reviewed.csv"
    code, _, err = run(pack_dir, "review", "--csv", str(calendar), "--out", str(out_file))
    assert code == 0, err
    rows = list(csv.DictReader(out_file.open(encoding="utf-8")))
    assert [r["verdict"] for r in rows] == ["ok", "caution", "block"]
    assert rows[0]["date"] == "2025-01-06" and rows[2]["channel"] == "Instagram"
    assert "personal-data" in rows[2]["findings"]
    assert json.loads(rows[2]["findings_json"])[0]["rule"] == "personal-data"


def test_csv_to_standard_output(pack_dir: Path, tmp_path: Path) -> None:
    calendar = tmp_path / "c.csv"
    calendar.write_text("text;owner\nDamn;Ilse\n", encoding="utf-8")
    code, out, _ = run(pack_dir, "review", "--csv", str(calendar))
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["owner"] == "Ilse" and rows[0]["verdict"] == "caution"


def test_csv_errors_name_the_file_and_columns(pack_dir: Path, tmp_path: Path) -> None:
    code, _, err = run(pack_dir, "review", "--csv", str(tmp_path / "missing.csv"))
    assert code == 2 and "missing.csv" in err and "does not exist" in err
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("date,message\n2025-01-01,hallo\n", encoding="utf-8")
    code, _, err = run(pack_dir, "review", "--csv", str(wrong))
    assert code == 2 and "wrong.csv" in err and "'date', 'message'" in err and "text" in err


def test_modes_exclude_each_other(pack_dir: Path, tmp_path: Path) -> None:
    code, _, err = run(pack_dir, "review", "--jsonl", "a post")
    assert code == 2 and "not more than one" in err
    code, _, err = run(pack_dir, "review", "--lang", "fr", "a post")
    assert code == 2 and "--lang" in err


def test_profile_json(pack_dir: Path) -> None:
    code, out, _ = run(pack_dir, "profile", "IlseBakker_Kompas", "--bio", "Sales at Kompas", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["kind"] == "corporate" and data["bio_names_employer"]


def test_profile_text(pack_dir: Path) -> None:
    code, out, _ = run(pack_dir, "profile", "Fietsfreak_88", "--lang", "en")
    assert code == 0 and "private" in out and "[private-vs-corporate-accounts]" in out
