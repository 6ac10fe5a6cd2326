"""Build a copy of the bundled policy pack for a made-up company, so tests never depend on the company
the bundled pack happens to describe."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.config import bundled_policy_dir
from bot.review.engine import ReviewEngine


def pack_for_company(folder: Path, company_yaml: str) -> Path:
    """Copy the bundled pack to `folder` with `company_yaml` as its company file; returns `folder`."""
    shutil.copytree(bundled_policy_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (folder / "company.yaml").write_text(company_yaml, encoding="utf-8")
    return folder


def assert_rule_found(engine: ReviewEngine, rule: str, text: str, *, offsets: bool = True) -> None:
    """The review of `text` reports `rule`; with `offsets`, every excerpt is the post's own text at its offsets."""
    review = engine.review(text)
    assert rule in {f.rule for f in review.findings}, (text, [(f.rule, f.excerpt) for f in review.findings])
    if offsets:
        for finding in review.findings:
            assert text[finding.start:finding.end] == finding.excerpt


def assert_ok(engine: ReviewEngine, text: str) -> None:
    """The review of `text` has verdict ok."""
    review = engine.review(text)
    assert review.verdict == "ok", (text, [(f.rule, f.excerpt) for f in review.findings])
