"""Parse cards with Microsoft's own `adaptivecards` library (npm), installed by `make test` into
tools/cardcheck/. Complements the structural 1.5 validator in adaptive_card_15.py: this is the parser a
Teams-like host runs, so an unknown element or action type, or a property it rejects, shows up here."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "cardcheck"


def microsoft_parser_problems(cards: list[dict[str, Any]]) -> list[list[str]]:
    """Per card, the parse and validation events of Microsoft's parser (empty lists when all is well)."""
    node = shutil.which("node")
    if node is None or not (TOOL / "node_modules" / "adaptivecards").is_dir():
        pytest.skip("Microsoft's adaptivecards parser is not installed (needs node and `npm ci` in tools/cardcheck)")
    result = subprocess.run([node, str(TOOL / "check.js")], input=json.dumps(cards), capture_output=True,
                            text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    problems: list[list[str]] = json.loads(result.stdout)
    return problems
