"""Review figures on the evaluation sets, in-process (quick): verdict accuracy, block recall, clean false
alarms and recall per rule, for the development set and the project's independent sets.

    .venv/bin/python tools/eval/review_sets.py [--no-model] [--set DIR ...] [--misses]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bot.config import bundled_policy_dir  # noqa: E402
from bot.policy import load_pack  # noqa: E402
from bot.review.engine import ReviewEngine  # noqa: E402

SETS = [ROOT.parent / "shared" / "eval", ROOT / "tests/data/heldout", ROOT / "tests/data/heldout2",
        ROOT / "tests/data/heldout3", ROOT / "tests/data/blind10"]


def score(folder: Path, use_model: bool, misses: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        pack_dir = Path(tmp) / "pack"
        shutil.copytree(bundled_policy_dir(), pack_dir, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(folder / "company.yaml", pack_dir / "company.yaml")
        engine = ReviewEngine(load_pack(pack_dir), use_model=use_model)
        posts = [json.loads(line) for line in (folder / "posts.jsonl").read_text().splitlines() if line.strip()]
        right = blocks = blocked = clean = clean_flagged = 0
        need: Counter[str] = Counter()
        found: Counter[str] = Counter()
        for post in posts:
            review = engine.review(post["text"])
            rules = {f.rule for f in review.findings}
            ok = review.verdict == post["verdict"]
            right += ok
            if post["verdict"] == "block":
                blocks += 1
                blocked += review.verdict == "block"
            if post["verdict"] == "ok":
                clean += 1
                clean_flagged += review.verdict != "ok"
            for rule in post["rules"]:
                need[rule] += 1
                found[rule] += rule in rules
            if misses and (not ok or not set(post["rules"]) <= rules):
                print(f"  [{post['verdict']}->{review.verdict}] want {post['rules']} got "
                      f"{sorted((f.rule, f.severity) for f in review.findings)}: {post['text'][:150]}")
        n = len(posts)
        return {"set": folder.name, "n": n, "verdict_acc": round(right / n, 3),
                "block_recall": round(blocked / max(blocks, 1), 3),
                "clean_false_alarms": round(clean_flagged / max(clean, 1), 3),
                "rule_recall": {r: round(found[r] / need[r], 2) for r in sorted(need)}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-model", action="store_true")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--set", type=Path, action="append")
    args = parser.parse_args()
    for folder in args.set or SETS:
        if (folder / "posts.jsonl").is_file():
            print(json.dumps(score(folder, not args.no_model, args.misses)))


if __name__ == "__main__":
    main()
