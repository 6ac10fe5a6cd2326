"""Print the corpus counts per language, rule and source as a Markdown table (for corpus/README.md)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "review"


def main() -> None:
    counts: Counter[tuple[str, str, str]] = Counter()
    lines: Counter[str] = Counter()
    for path in sorted(ROOT.glob("*.jsonl")):
        lang = path.name.split(".")[1]
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            lines[lang] += 1
            for label in item.get("labels") or ["none (negative for every rule)"]:
                counts[(label, lang, item.get("source", "authored"))] += 1
    labels = sorted({k[0] for k in counts})
    print("| label | nl written | nl generated | en written | en generated |")
    print("|---|---|---|---|---|")
    for label in labels:
        cells = [str(counts[(label, lang, src)]) for lang in ("nl", "en") for src in ("authored", "template")]
        print(f"| {label} | " + " | ".join(cells) + " |")
    print(f"| **lines** | {lines['nl']} (both) | | {lines['en']} (both) | |")


if __name__ == "__main__":
    main()
