"""Build a copy of the bundled policy pack for a made-up company, so tests never depend on the company
the bundled pack happens to describe."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.config import bundled_policy_dir


def pack_for_company(folder: Path, company_yaml: str) -> Path:
    """Copy the bundled pack to `folder` with `company_yaml` as its company file; returns `folder`."""
    shutil.copytree(bundled_policy_dir(), folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (folder / "company.yaml").write_text(company_yaml, encoding="utf-8")
    return folder
